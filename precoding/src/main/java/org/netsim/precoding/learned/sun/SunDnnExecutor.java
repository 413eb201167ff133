package org.netsim.precoding.learned.sun;

import org.netsim.precoding.Problem;

/**
 * The per-problem executor of {@link SunDnnArchitecture}: the same network as {@link SunDnnNetwork} evaluated in
 * plain Java (double-precision arithmetic on the float32 weights), with no engine call per problem, for
 * slot-by-slot use. Layer l computes x_l = relu(W_l x_{l-1} + b_l), the last one min(max(W x + b, 0), 1) instead
 * of the ReLU (Sun et al., eq. (16), as power fractions). Immutable and thread-safe.
 */
public final class SunDnnExecutor {

    private final SunDnnArchitecture architecture;
    private final int[] widths;
    private final double[][] weights; // layer l: [out x in] row-major
    private final double[][] biases;

    SunDnnExecutor(SunDnnArchitecture architecture, float[][] weights, float[][] biases) {
        this.architecture = architecture;
        this.widths = architecture.widths();
        this.weights = new double[weights.length][];
        this.biases = new double[biases.length][];
        for (int l = 0; l < weights.length; l++) {
            int in = widths[l];
            int out = widths[l + 1];
            if (weights[l].length != in * out || biases[l].length != out) {
                throw new IllegalArgumentException("layer " + l + ": expected " + out + " x " + in
                        + " weights and " + out + " biases, got " + weights[l].length + " and " + biases[l].length);
            }
            this.weights[l] = new double[in * out];
            this.biases[l] = new double[out];
            for (int e = 0; e < in * out; e++) {
                this.weights[l][e] = weights[l][e];
            }
            for (int e = 0; e < out; e++) {
                this.biases[l][e] = biases[l][e];
            }
        }
    }

    /** @return the architecture */
    public SunDnnArchitecture architecture() {
        return architecture;
    }

    /**
     * @param problem a problem the architecture accepts (see {@link SunDnnArchitecture#features})
     * @return the power fractions q_k = p_k / P_k in [0, 1]
     */
    public double[] powerFractions(Problem problem) {
        float[] f = new float[architecture.inputSize()];
        architecture.features(problem, f, 0);
        double[] x = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            x[i] = f[i];
        }
        return powerFractions(x);
    }

    /** @return the power fractions for one feature vector of length {@link SunDnnArchitecture#inputSize()} */
    public double[] powerFractions(double[] features) {
        if (features.length != widths[0]) {
            throw new IllegalArgumentException("features: expected " + widths[0] + " values, got "
                    + features.length);
        }
        double[] x = features;
        int last = weights.length - 1;
        for (int l = 0; l <= last; l++) {
            int in = widths[l];
            int out = widths[l + 1];
            double[] w = weights[l];
            double[] y = new double[out];
            for (int o = 0; o < out; o++) {
                double s = biases[l][o];
                int row = o * in;
                for (int i = 0; i < in; i++) {
                    s += w[row + i] * x[i];
                }
                y[o] = l < last ? Math.max(s, 0.0) : Math.min(Math.max(s, 0.0), 1.0);
            }
            x = y;
        }
        return x;
    }
}
