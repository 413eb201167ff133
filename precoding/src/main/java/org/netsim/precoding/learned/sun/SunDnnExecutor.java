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
    private final double[][] weights; // layer l: W_l^T, [in x out] row-major (an axpy per input vectorises)
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
            for (int o = 0; o < out; o++) {
                for (int i = 0; i < in; i++) {
                    this.weights[l][i * out + o] = weights[l][o * in + i];
                }
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
            double[] y = biases[l].clone();
            for (int i = 0; i < in; i++) {
                double xi = x[i];
                if (xi != 0.0) { // ReLU zeros are common: skip their row
                    int row = i * out;
                    for (int o = 0; o < out; o++) {
                        y[o] += w[row + o] * xi;
                    }
                }
            }
            for (int o = 0; o < out; o++) {
                y[o] = l < last ? Math.max(y[o], 0.0) : Math.min(Math.max(y[o], 0.0), 1.0);
            }
            x = y;
        }
        return x;
    }
}
