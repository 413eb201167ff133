package org.netsim.precoding.learned.deepfp;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;
import java.nio.FloatBuffer;
import java.util.SplittableRandom;
import org.netsim.precoding.InitialPrecoders;

/**
 * The trainable parameters of a DeepFP network as one DJL block (so that DJL's parameter file stores them): for
 * every unfolded layer t and every DNN layer j, a complex weight W = W_re + j W_im of shape [in, out] (applied as
 * x W to a row x) and a complex bias b [out], each part a real parameter named {@code t<t>.w<j>.re} and so on.
 * The block is a parameter container: the forward pass is {@link DeepFpNetwork}'s, not {@link #forward}.
 *
 * <p>Initialisation (the paper does not state one): hidden weights with real and imaginary parts
 * N(0, 1 / fan-in), so a complex pre-activation has the variance of its input's; the output weights
 * N(0, (0.1)^2 / fan-in), zero biases except the output bias, whose real part is {@code initialLambda} (the
 * dimensionless lambda~ = P_k lambda the layer starts from, e.g. a typical P_k lambda_max(L_k) of FastFP), so the
 * untrained network is FastFP with a fixed step and training starts stable.
 */
final class DeepFpBlock extends AbstractBlock {

    private static final byte VERSION = 1;

    private final DeepFpArchitecture architecture;
    private final Parameter[][] weightRe;
    private final Parameter[][] weightIm;
    private final Parameter[][] biasRe;
    private final Parameter[][] biasIm;

    DeepFpBlock(DeepFpArchitecture a) {
        super(VERSION);
        this.architecture = a;
        int depth = a.widths().length - 1;
        weightRe = new Parameter[a.layers()][depth];
        weightIm = new Parameter[a.layers()][depth];
        biasRe = new Parameter[a.layers()][depth];
        biasIm = new Parameter[a.layers()][depth];
        int[] w = a.widths();
        for (int t = 0; t < a.layers(); t++) {
            for (int j = 0; j < depth; j++) {
                weightRe[t][j] = add("t" + t + ".w" + j + ".re", Parameter.Type.WEIGHT, new Shape(w[j], w[j + 1]));
                weightIm[t][j] = add("t" + t + ".w" + j + ".im", Parameter.Type.WEIGHT, new Shape(w[j], w[j + 1]));
                biasRe[t][j] = add("t" + t + ".b" + j + ".re", Parameter.Type.BIAS, new Shape(w[j + 1]));
                biasIm[t][j] = add("t" + t + ".b" + j + ".im", Parameter.Type.BIAS, new Shape(w[j + 1]));
            }
        }
    }

    private Parameter add(String name, Parameter.Type type, Shape shape) {
        return addParameter(Parameter.builder().setName(name).setType(type).optShape(shape)
                .optInitializer(new ConstantInitializer(0f)).build());
    }

    /** Allocates the parameters in {@code manager} and draws them as the class comment says. */
    void initialise(NDManager manager, long seed, double initialLambda) {
        initialize(manager, DataType.FLOAT32, new Shape(1));
        SplittableRandom rng = new SplittableRandom(seed);
        int[] w = architecture.widths();
        int depth = w.length - 1;
        for (int t = 0; t < architecture.layers(); t++) {
            for (int j = 0; j < depth; j++) {
                double sd = (j == depth - 1 ? 0.1 : 1.0) / Math.sqrt(w[j]);
                for (Parameter p : new Parameter[] {weightRe[t][j], weightIm[t][j]}) {
                    float[] values = new float[w[j] * w[j + 1]];
                    for (int e = 0; e < values.length; e++) {
                        values[e] = (float) (sd * InitialPrecoders.gaussian(rng));
                    }
                    p.getArray().set(FloatBuffer.wrap(values));
                }
            }
            biasRe[t][depth - 1].getArray().set(FloatBuffer.wrap(new float[] {(float) initialLambda}));
        }
    }

    DeepFpArchitecture architecture() {
        return architecture;
    }

    Parameter weightRe(int t, int j) {
        return weightRe[t][j];
    }

    Parameter weightIm(int t, int j) {
        return weightIm[t][j];
    }

    Parameter biasRe(int t, int j) {
        return biasRe[t][j];
    }

    Parameter biasIm(int t, int j) {
        return biasIm[t][j];
    }

    /** Not a layer: the forward pass is {@link DeepFpNetwork#forward}. */
    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        throw new UnsupportedOperationException("DeepFpBlock holds parameters; run DeepFpNetwork.forward");
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(1)};
    }
}
