package org.netsim.precoding.learned.sun;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import java.nio.FloatBuffer;
import java.util.List;
import org.netsim.precoding.Problem;
import org.netsim.precoding.learned.LearnedEngine;
import org.netsim.precoding.learned.ModelCard;
import org.netsim.precoding.learned.ModelFiles;
import org.netsim.precoding.learned.TruncatedNormalInitializer;

/**
 * The batched DJL executor of {@link SunDnnArchitecture}: a float32 {@link SequentialBlock} of {@code Linear}
 * layers with ReLU between them and min(max(x, 0), 1) at the output (Sun et al., Fig. 4 and eq. (16)), used for
 * training and for batch inference; {@link #executor()} copies its weights into the per-problem Java executor.
 *
 * <p>Owns an {@link NDManager} holding the parameters: close it. Not thread-safe.
 */
public final class SunDnnNetwork implements AutoCloseable {

    private final SunDnnArchitecture architecture;
    private final NDManager manager;
    private final SequentialBlock block;
    private final ParameterStore parameterStore;

    private SunDnnNetwork(SunDnnArchitecture architecture, NDManager manager, SequentialBlock block) {
        this.architecture = architecture;
        this.manager = manager;
        this.block = block;
        this.parameterStore = new ParameterStore(manager, false);
    }

    /** The block of {@code a}, uninitialised. */
    static SequentialBlock newBlock(SunDnnArchitecture a) {
        SequentialBlock b = new SequentialBlock();
        for (int width : a.hidden()) {
            b.add(Linear.builder().setUnits(width).build());
            b.add(Activation.reluBlock());
        }
        b.add(Linear.builder().setUnits(a.links()).build());
        b.add(new LambdaBlock(x -> new NDList(x.singletonOrThrow().clip(0.0f, 1.0f)), "clip01"));
        return b;
    }

    /**
     * A freshly initialised network: weights by the paper's truncated normal scaled by 1 / sqrt(fan-in)
     * ({@link TruncatedNormalInitializer}), biases zero.
     *
     * @param seed the seed of the initial weights
     * @param device where the parameters live
     */
    public static SunDnnNetwork initialise(SunDnnArchitecture a, long seed, Device device) {
        NDManager manager = LearnedEngine.engine().newBaseManager(device);
        SequentialBlock block = newBlock(a);
        block.setInitializer(new TruncatedNormalInitializer(seed), Parameter.Type.WEIGHT);
        block.initialize(manager, DataType.FLOAT32, new Shape(1, a.inputSize()));
        return new SunDnnNetwork(a, manager, block);
    }

    /**
     * Loads a saved model: its card's architecture, then its parameters.
     *
     * @throws IllegalArgumentException (one line) if the card is not a sun-dnn card or the files do not match
     */
    public static SunDnnNetwork load(ModelFiles.Location location, ModelCard card, Device device) {
        SunDnnArchitecture a = SunDnnArchitecture.fromCard(card);
        NDManager manager = LearnedEngine.engine().newBaseManager(device);
        try {
            SequentialBlock block = newBlock(a);
            ModelFiles.loadParameters(location, card, block, manager);
            requireShapes(block, a, location.describe() + "/" + ModelFiles.PARAMETERS_FILE);
            return new SunDnnNetwork(a, manager, block);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /**
     * DJL restores parameters with the shapes they were saved with; this checks them against the architecture,
     * layer by layer, so a card over the parameters of another architecture fails here and not at inference.
     */
    private static void requireShapes(SequentialBlock block, SunDnnArchitecture a, String where) {
        int[] widths = a.widths();
        int layer = 0;
        for (Block child : block.getChildren().values()) {
            if (child instanceof Linear) {
                if (layer + 1 >= widths.length) {
                    throw new IllegalArgumentException(where + ": more layers than the card's " + a.describe());
                }
                Shape w = child.getParameters().get("weight").getArray().getShape();
                Shape b = child.getParameters().get("bias").getArray().getShape();
                Shape expectedW = new Shape(widths[layer + 1], widths[layer]);
                Shape expectedB = new Shape(widths[layer + 1]);
                if (!w.equals(expectedW) || !b.equals(expectedB)) {
                    throw new IllegalArgumentException(where + ": does not fit the architecture of the card ("
                            + a.describe() + "): layer " + (layer + 1) + " has weights " + w + " and biases " + b
                            + ", expected " + expectedW + " and " + expectedB);
                }
                layer++;
            }
        }
    }

    /** @return the architecture */
    public SunDnnArchitecture architecture() {
        return architecture;
    }

    /** @return the DJL block (for training) */
    public Block block() {
        return block;
    }

    /** @return the manager of the parameters */
    public NDManager manager() {
        return manager;
    }

    /**
     * The forward pass on a batch already on the network's device.
     *
     * @param features [B, inputSize] float32
     * @param training whether to record for back-propagation
     * @return the power fractions q, [B, K] in [0, 1]
     */
    public NDArray forward(NDArray features, boolean training) {
        return block.forward(parameterStore, new NDList(features), training).singletonOrThrow();
    }

    /**
     * Batched inference on feature rows.
     *
     * @param features [batch x inputSize] row-major
     * @return q, [batch x K] row-major
     */
    public float[] predict(float[] features, int batch) {
        if (features.length != batch * architecture.inputSize()) {
            throw new IllegalArgumentException("features: expected " + batch + " x " + architecture.inputSize()
                    + " values, got " + features.length);
        }
        try (NDManager scope = manager.newSubManager()) {
            NDArray x = scope.create(FloatBuffer.wrap(features), new Shape(batch, architecture.inputSize()));
            return forward(x, false).toFloatArray();
        }
    }

    /** @return q per problem, [problems.size()][K] */
    public double[][] predict(List<Problem> problems) {
        float[] q = predict(architecture.features(problems), problems.size());
        int k = architecture.links();
        double[][] out = new double[problems.size()][k];
        for (int s = 0; s < out.length; s++) {
            for (int j = 0; j < k; j++) {
                out[s][j] = q[s * k + j];
            }
        }
        return out;
    }

    /** @return the per-problem Java executor over a copy of the current weights */
    public SunDnnExecutor executor() {
        int layers = architecture.hidden().length + 1;
        float[][] weights = new float[layers][];
        float[][] biases = new float[layers][];
        int l = 0;
        for (Block child : block.getChildren().values()) {
            if (child instanceof Linear) {
                weights[l] = child.getParameters().get("weight").getArray().toFloatArray();
                biases[l] = child.getParameters().get("bias").getArray().toFloatArray();
                l++;
            }
        }
        return new SunDnnExecutor(architecture, weights, biases);
    }

    /**
     * Encodes the parameters and {@code card} for saving ({@link ModelFiles#encode}).
     *
     * @throws IllegalArgumentException when the card describes another architecture
     */
    public ModelFiles.Encoded encode(ModelCard card) {
        if (!SunDnnArchitecture.fromCard(card).equals(architecture)) {
            throw new IllegalArgumentException("card: describes " + SunDnnArchitecture.fromCard(card)
                    + ", the network is " + architecture);
        }
        return ModelFiles.encode(block, card);
    }

    @Override
    public void close() {
        manager.close();
    }
}
