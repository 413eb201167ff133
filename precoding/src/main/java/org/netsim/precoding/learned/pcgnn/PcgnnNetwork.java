package org.netsim.precoding.learned.pcgnn;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;
import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import org.netsim.precoding.Problem;
import org.netsim.precoding.learned.ComplexTensor;
import org.netsim.precoding.learned.LearnedEngine;
import org.netsim.precoding.learned.ModelCard;
import org.netsim.precoding.learned.ModelFiles;
import org.netsim.precoding.learned.mpnn.MpnnNetwork;

/**
 * The batched DJL executor of {@link PcgnnArchitecture}: the PCGNN/HetGNN baseline on a batch of problems in
 * float32, complex quantities as {@link ComplexTensor} pairs (gradients reach every real parameter), for training
 * and batch inference. {@link #executor()} copies the weights into the per-problem Java executor.
 *
 * <p>Shapes (S samples, n = B U UEs, B BSs, c = N_r N_t, F features): edge features h [S, n, B, c]; UE-BS
 * messages [S, n, B, F]; BS states [S, B, F]; UE states [S, n, F]; output V~ [S, n, N_t, N_r]. The training loss
 * is the sum rate of problem (2) by {@link MpnnNetwork#sumRateNat} on the pair channels H~_{i, b(j)}
 * [S, n, n, N_r, N_t] (the edge features repeated U times per BS).
 *
 * <p>Owns an {@link NDManager} holding the parameters: close it. Not thread-safe.
 */
public final class PcgnnNetwork implements AutoCloseable {

    /** The parameter container (the forward pass is {@link PcgnnNetwork#forward}); saved and loaded by DJL. */
    static final class PcgnnBlock extends AbstractBlock {
        private static final byte VERSION = 1;
        final Map<String, Parameter> byName = new LinkedHashMap<>();

        PcgnnBlock(PcgnnArchitecture a) {
            super(VERSION);
            for (PcgnnArchitecture.Layer l : a.affineLayers()) {
                for (String part : PcgnnArchitecture.LAYER_PARTS) {
                    Shape shape = part.startsWith(".weight") ? new Shape(l.out(), l.in()) : new Shape(l.out());
                    String name = l.name() + part;
                    byName.put(name, addParameter(Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT)
                            .optShape(shape).build()));
                }
            }
        }

        @Override
        protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                PairList<String, Object> params) {
            throw new UnsupportedOperationException("use PcgnnNetwork.forward");
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            return inputShapes;
        }
    }

    private final PcgnnArchitecture architecture;
    private final NDManager manager;
    private final PcgnnBlock block;

    private PcgnnNetwork(PcgnnArchitecture architecture, NDManager manager, PcgnnBlock block) {
        this.architecture = architecture;
        this.manager = manager;
        this.block = block;
    }

    /**
     * A freshly initialised network: complex weights W_r, W_i with i.i.d. N(0, 1 / (2 in)) entries (unit gain of a
     * complex map), biases zero.
     *
     * @param seed the seed of the initial weights
     */
    public static PcgnnNetwork initialise(PcgnnArchitecture a, long seed, Device device) {
        NDManager manager = LearnedEngine.engine().newBaseManager(device);
        try {
            PcgnnBlock block = new PcgnnBlock(a);
            block.setInitializer(Initializer.ZEROS, Parameter.Type.WEIGHT);
            block.initialize(manager, DataType.FLOAT32, new Shape(1));
            SplittableRandom rng = new SplittableRandom(seed);
            for (PcgnnArchitecture.Layer l : a.affineLayers()) {
                double std = 1.0 / Math.sqrt(2.0 * l.in());
                for (String part : List.of(".weight.re", ".weight.im")) {
                    float[] w = new float[l.in() * l.out()];
                    for (int e = 0; e < w.length; e++) {
                        w[e] = (float) (std * gaussian(rng));
                    }
                    block.byName.get(l.name() + part).getArray().set(FloatBuffer.wrap(w));
                }
            }
            return new PcgnnNetwork(a, manager, block);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    private static double gaussian(SplittableRandom rng) {
        double u = 1.0 - rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    /**
     * Loads a saved model: its card's architecture, then its parameters, whose shapes are checked one by one.
     *
     * @throws IllegalArgumentException (one line) if the files do not fit the card
     */
    public static PcgnnNetwork load(ModelFiles.Location location, ModelCard card, Device device) {
        PcgnnArchitecture a = PcgnnArchitecture.fromCard(card);
        NDManager manager = LearnedEngine.engine().newBaseManager(device);
        try {
            PcgnnBlock block = new PcgnnBlock(a);
            ModelFiles.loadParameters(location, card, block, manager);
            PcgnnBlock expected = new PcgnnBlock(a);
            for (Map.Entry<String, Parameter> e : block.byName.entrySet()) {
                Shape got = e.getValue().getArray().getShape();
                Shape want = expected.byName.get(e.getKey()).getShape();
                if (!got.equals(want)) {
                    throw new IllegalArgumentException(location.describe() + "/" + ModelFiles.PARAMETERS_FILE
                            + ": parameter " + e.getKey() + " has shape " + got + ", the card's architecture ("
                            + a.describe() + ") needs " + want);
                }
            }
            return new PcgnnNetwork(a, manager, block);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** @return the architecture */
    public PcgnnArchitecture architecture() {
        return architecture;
    }

    /** @return the parameter block (for the optimiser) */
    public AbstractBlock block() {
        return block;
    }

    /** @return the manager of the parameters */
    public NDManager manager() {
        return manager;
    }

    /** A view of parameter {@code name} owned by {@code m} (so every step's graph dies with its batch manager). */
    private NDArray p(String name, NDManager m) {
        NDArray w = block.byName.get(name).getArray();
        NDArray view = w.reshape(w.getShape());
        view.attach(m);
        return view;
    }

    /** y = W x + b for x [..., in]. */
    private ComplexTensor affine(String layer, ComplexTensor x) {
        NDManager m = x.re().getManager();
        ComplexTensor wt = new ComplexTensor(p(layer + ".weight.re", m).transpose(),
                p(layer + ".weight.im", m).transpose());
        ComplexTensor y = x.matMul(wt);
        return new ComplexTensor(y.re().add(p(layer + ".bias.re", m)), y.im().add(p(layer + ".bias.im", m)));
    }

    static NDArray gelu(NDArray x) {
        NDArray inner = x.add(x.mul(x).mul(x).mul(PcgnnArchitecture.GELU_A)).mul(PcgnnArchitecture.GELU_C).tanh()
                .add(1.0);
        return x.mul(inner).mul(0.5);
    }

    private ComplexTensor gAffine(String layer, ComplexTensor x) {
        ComplexTensor y = affine(layer, x);
        return new ComplexTensor(gelu(y.re()), gelu(y.im()));
    }

    private static ComplexTensor concat(int axis, ComplexTensor... parts) {
        NDList re = new NDList();
        NDList im = new NDList();
        for (ComplexTensor c : parts) {
            re.add(c.re());
            im.add(c.im());
        }
        return new ComplexTensor(NDArrays.concat(re, axis), NDArrays.concat(im, axis));
    }

    private static ComplexTensor map(ComplexTensor x, java.util.function.UnaryOperator<NDArray> f) {
        return new ComplexTensor(f.apply(x.re()), f.apply(x.im()));
    }

    /** A [rows, cols] weight matrix of the architecture's pooling, in {@code m}. */
    private static NDArray weights(NDManager m, int rows, int cols, BiFunction<Integer, Integer, Double> w) {
        float[] v = new float[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                v[i * cols + j] = (float) w.apply(i, j).doubleValue();
            }
        }
        return m.create(v, new Shape(rows, cols));
    }

    /** sum_k w[i, k] x[S, i, k, :] -&gt; [S, n, F] (over axis 2) or sum_i w[i, k] x[S, i, k, :] -&gt; [S, B, F]. */
    private static ComplexTensor pool(ComplexTensor x, NDArray w, int axis) {
        Shape s = w.getShape();
        NDArray b = w.reshape(1, s.get(0), s.get(1), 1);
        return map(x, t -> t.mul(b).sum(new int[] {axis}));
    }

    /**
     * The forward pass (all L layers) on a batch already on the network's device.
     *
     * @param h edge features H~ [S, n, B, N_r, N_t]
     * @return V~ [S, n, N_t, N_r], each BS's squared norms summing to 1
     */
    public ComplexTensor forward(ComplexTensor h) {
        PcgnnArchitecture a = architecture;
        NDManager m = h.re().getManager();
        long samples = h.shape().get(0);
        int n = a.numUe();
        int nb = a.numBs();
        int f = a.features();
        NDArray served = weights(m, n, nb, a::servedWeight);
        NDArray interfered = weights(m, n, nb, a::interferedWeight);
        NDArray own = weights(m, n, nb, (i, k) -> a.cellOf(i) == k ? 1.0 : 0.0);
        NDArray otherBs = weights(m, n, nb, a::otherBsWeight);
        NDArray intra = weights(m, n, n, a::intraWeight);
        NDArray inter = weights(m, n, n, a::interWeight);
        ComplexTensor e = map(h, t -> t.reshape(samples, n, nb, a.edgeSize()));
        ComplexTensor x = new ComplexTensor(m.zeros(new Shape(samples, n, f)), m.zeros(new Shape(samples, n, f)));
        Shape edges = new Shape(samples, n, nb, f);
        for (int l = 0; l < a.layers(); l++) {
            // UEs -> BSs: m_ik = g(A [x_i; h_ik])                                    [S, n, B, F]
            ComplexTensor xe = map(x, t -> t.expandDims(2).broadcast(edges));
            ComplexTensor msg = gAffine(PcgnnArchitecture.UE_TO_BS, concat(3, xe, e));
            // BS update: y_k = g(B [mean served; mean interfered])                   [S, B, F]
            ComplexTensor y = gAffine(PcgnnArchitecture.BS_UPDATE,
                    concat(2, pool(msg, served, 1), pool(msg, interfered, 1)));
            // BSs -> UEs: q_ki = g(C [y_k; h_ik])                                    [S, n, B, F]
            ComplexTensor ye = map(y, t -> t.expandDims(1).broadcast(edges));
            ComplexTensor q = gAffine(PcgnnArchitecture.BS_TO_UE, concat(3, ye, e));
            // UE update: x'_i = g(D [x_i; q_{b(i) i}; mean_{k != b(i)} q_ki])       [S, n, F]
            ComplexTensor xu = gAffine(PcgnnArchitecture.UE_UPDATE, concat(2, x, pool(q, own, 2), pool(q, otherBs,
                    2)));
            // UEs -> UEs: x_i = x'_i + g(E [x'_i; mean intra-cell; mean inter-cell])  [S, n, F]
            ComplexTensor xi = map(xu, t -> intra.matMul(t));
            ComplexTensor xo = map(xu, t -> inter.matMul(t));
            x = xu.add(gAffine(PcgnnArchitecture.UE_TO_UE, concat(2, xu, xi, xo)));
        }
        ComplexTensor v = affine(PcgnnArchitecture.READOUT, x); // [S, n, N_t N_r]
        v = map(v, t -> t.reshape(samples, n, a.bsAntennas(), a.ueAntennas()));
        return normalise(v, weights(m, n, n, (i, j) -> a.cellOf(i) == a.cellOf(j) ? 1.0 : 0.0));
    }

    /** V [S, n, N_t, r] scaled so that every BS's squared norms sum to 1. */
    private static ComplexTensor normalise(ComplexTensor v, NDArray sameCell) {
        Shape s = v.shape();
        NDArray power = v.frobeniusSquared(); // [S, n]
        NDArray cell = power.matMul(sameCell).maximum(PcgnnArchitecture.MIN_POWER);
        NDArray norm = cell.sqrt().reshape(s.get(0), s.get(1), 1, 1);
        return new ComplexTensor(v.re().div(norm), v.im().div(norm));
    }

    /**
     * The sum rate of problem (2) per sample, nat/s/Hz, for edge features and normalised precoders (unit noise).
     *
     * @param h [S, n, B, N_r, N_t]
     * @param v [S, n, N_t, N_r]
     * @return [S]
     */
    public NDArray sumRateNat(ComplexTensor h, ComplexTensor v) {
        PcgnnArchitecture a = architecture;
        long samples = h.shape().get(0);
        int n = a.numUe();
        Shape rep = new Shape(samples, n, a.numBs(), a.uesPerBs(), a.ueAntennas(), a.bsAntennas());
        ComplexTensor pairs = map(h, t -> t.expandDims(3).broadcast(rep)
                .reshape(samples, n, n, a.ueAntennas(), a.bsAntennas()));
        return MpnnNetwork.sumRateNat(pairs, v);
    }

    /** Edge features of a batch of problems as float arrays, the layout of {@link PcgnnArchitecture#channels}. */
    public record Inputs(int size, float[] hRe, float[] hIm) {
    }

    /** @return the inputs of {@code problems} */
    public static Inputs inputs(PcgnnArchitecture a, List<Problem> problems) {
        int s = problems.size();
        Inputs in = new Inputs(s, new float[s * a.channelSize()], new float[s * a.channelSize()]);
        for (int k = 0; k < s; k++) {
            a.channels(problems.get(k), in.hRe(), in.hIm(), k * a.channelSize());
        }
        return in;
    }

    /** The edge features of samples [first, first + count) of {@code in} in manager {@code m}. */
    public ComplexTensor tensor(NDManager m, Inputs in, int first, int count) {
        PcgnnArchitecture a = architecture;
        int hs = a.channelSize();
        Shape shape = new Shape(count, a.numUe(), a.numBs(), a.ueAntennas(), a.bsAntennas());
        return new ComplexTensor(m.create(FloatBuffer.wrap(in.hRe(), first * hs, count * hs), shape),
                m.create(FloatBuffer.wrap(in.hIm(), first * hs, count * hs), shape));
    }

    /**
     * Batched inference.
     *
     * @return per problem V~ ([n, N_t, N_r] row-major), {@code [problems][re, im][n N_t N_r]}
     */
    public double[][][] predict(List<Problem> problems) {
        Inputs in = inputs(architecture, problems);
        int vs = architecture.precoderSize();
        double[][][] out = new double[problems.size()][2][vs];
        try (NDManager scope = manager.newSubManager()) {
            ComplexTensor v = forward(tensor(scope, in, 0, problems.size()));
            float[] re = v.re().toFloatArray();
            float[] im = v.im().toFloatArray();
            for (int s = 0; s < out.length; s++) {
                for (int e = 0; e < vs; e++) {
                    out[s][0][e] = re[s * vs + e];
                    out[s][1][e] = im[s * vs + e];
                }
            }
        }
        return out;
    }

    /** @return the mean sum rate (nat/s/Hz) of the network on {@code in}, in chunks of {@code chunk} */
    public double meanSumRateNat(Inputs in, int chunk) {
        double total = 0;
        for (int first = 0; first < in.size(); first += chunk) {
            int c = Math.min(chunk, in.size() - first);
            try (NDManager scope = manager.newSubManager()) {
                ComplexTensor h = tensor(scope, in, first, c);
                total += sumRateNat(h, forward(h)).sum().getFloat();
            }
        }
        return total / in.size();
    }

    /** @return the per-problem Java executor over a copy of the current weights */
    public PcgnnExecutor executor() {
        Map<String, float[]> w = new LinkedHashMap<>();
        for (Map.Entry<String, Parameter> e : block.byName.entrySet()) {
            w.put(e.getKey(), e.getValue().getArray().toFloatArray());
        }
        return new PcgnnExecutor(architecture, w);
    }

    /**
     * Encodes the parameters and {@code card} for saving.
     *
     * @throws IllegalArgumentException when the card describes another architecture
     */
    public ModelFiles.Encoded encode(ModelCard card) {
        if (!PcgnnArchitecture.fromCard(card).equals(architecture)) {
            throw new IllegalArgumentException("card: describes " + PcgnnArchitecture.fromCard(card)
                    + ", the network is " + architecture);
        }
        return ModelFiles.encode(block, card);
    }

    @Override
    public void close() {
        manager.close();
    }
}
