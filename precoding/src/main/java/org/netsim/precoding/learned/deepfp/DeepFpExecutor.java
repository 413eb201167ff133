package org.netsim.precoding.learned.deepfp;

import org.ejml.data.ZMatrixRMaj;
import org.netsim.precoding.InitialPrecoders;
import org.netsim.precoding.Problem;
import org.netsim.precoding.classic.FpWorkspace;

/**
 * The per-problem Java executor of DeepFP over the weights of a {@link DeepFpNetwork} (no DJL, no JNI): the
 * FastFP iterate of {@link FpWorkspace} in double precision (Y_i (27), Gamma_i (28), Lambda_i - L_k Z_i from (26)
 * and (30)), with the step of UE i's streams 1 / lambda_i, lambda_i = max(DNN_t(z_i, g_i), floor) / P_k (DeepFP
 * paper, eqs. (46), (51)), then the power scaling (37). Features, units and zero padding are those of
 * {@link DeepFpArchitecture}: z_i = Z_i / sqrt(P_k) and g_i = sqrt(P_k) (Lambda_i - L_k Z_i), flattened antenna by
 * antenna into the first rows of the padded N_t x d input (padded antennas and streams are zeros). The DNN runs
 * in double with the float weights. Accepts any problem with M_k &lt;= N_t and d_i &lt;= d (any numbers of BSs,
 * UEs and receive antennas).
 *
 * <p>Immutable (weights copied in) and thread-safe: {@link #solve} allocates its workspace per call and nothing
 * per layer.
 */
public final class DeepFpExecutor {

    private final DeepFpArchitecture architecture;
    private final int depth;
    private final int[] widths;
    private final float[][] wRe; // [t * depth + j] [in x out]
    private final float[][] wIm;
    private final float[][] bRe; // [t * depth + j] [out]
    private final float[][] bIm;

    DeepFpExecutor(DeepFpArchitecture a, float[][] wRe, float[][] wIm, float[][] bRe, float[][] bIm) {
        this.architecture = a;
        this.widths = a.widths();
        this.depth = widths.length - 1;
        this.wRe = deepCopy(wRe);
        this.wIm = deepCopy(wIm);
        this.bRe = deepCopy(bRe);
        this.bIm = deepCopy(bIm);
        for (int e = 0; e < a.layers() * depth; e++) {
            int j = e % depth;
            if (wRe[e].length != widths[j] * widths[j + 1] || bRe[e].length != widths[j + 1]) {
                throw new IllegalArgumentException("weights: layer " + e / depth + " DNN layer " + j
                        + " does not match " + a.describe());
            }
        }
    }

    private static float[][] deepCopy(float[][] a) {
        float[][] c = new float[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    /** @return the architecture */
    public DeepFpArchitecture architecture() {
        return architecture;
    }

    /**
     * Runs the T layers from {@code v0}.
     *
     * @param problem M_k &lt;= N_t, d_i &lt;= d; not modified
     * @param v0 initial precoders within budget (M_k x d_i); not modified
     * @param lambdasOut if not null, [T][numUe] receives lambda~_i = P_k lambda_i of every layer
     * @return new V_i^T, scaled into every budget
     * @throws IllegalArgumentException naming the BS or UE too large for the model
     */
    public ZMatrixRMaj[] solve(Problem problem, ZMatrixRMaj[] v0, double[][] lambdasOut) {
        architecture.requireFits(problem, DeepFpPrecoder.NAME);
        int numBs = problem.numBs();
        int nt = architecture.bsAntennas();
        int d = architecture.streams();
        FpWorkspace ws = new FpWorkspace(problem);
        ws.setPrecoders(v0);
        int maxC = 1;
        int maxM = 1;
        for (int k = 0; k < numBs; k++) {
            maxC = Math.max(maxC, ws.cols(k));
            maxM = Math.max(maxM, problem.bsAntennas(k));
        }
        double[] dirRe = new double[maxC * maxM];
        double[] dirIm = new double[maxC * maxM];
        double[] vRe = new double[maxC * maxM];
        double[] vIm = new double[maxC * maxM];
        double[] invLambda = new double[maxC];
        int maxWidth = 0;
        for (int w : widths) {
            maxWidth = Math.max(maxWidth, w);
        }
        double[] xRe = new double[maxWidth];
        double[] xIm = new double[maxWidth];
        double[] yRe = new double[maxWidth];
        double[] yIm = new double[maxWidth];
        int[][] ues = new int[numBs][];
        for (int k = 0; k < numBs; k++) {
            ues[k] = problem.uesOf(k);
        }
        for (int t = 0; t < architecture.layers(); t++) {
            ws.refresh();
            for (int k = 0; k < numBs; k++) {
                int c = ws.cols(k);
                if (c == 0) {
                    continue;
                }
                int mk = problem.bsAntennas(k);
                double sqrtP = Math.sqrt(problem.bsPowerW(k));
                ws.direction(k, dirRe, dirIm);
                ws.precoderRows(k, vRe, vIm);
                for (int i : ues[k]) {
                    int c0 = ws.columnOffset(i);
                    int di = problem.streams(i);
                    java.util.Arrays.fill(xRe, 0, widths[0], 0.0);
                    java.util.Arrays.fill(xIm, 0, widths[0], 0.0);
                    for (int s = 0; s < di; s++) {
                        int row = (c0 + s) * mk;
                        for (int p = 0; p < mk; p++) {
                            int e = p * d + s;
                            xRe[e] = vRe[row + p] / sqrtP;
                            xIm[e] = vIm[row + p] / sqrtP;
                            xRe[nt * d + e] = dirRe[row + p] * sqrtP;
                            xIm[nt * d + e] = dirIm[row + p] * sqrtP;
                        }
                    }
                    double lambda = dnn(t, xRe, xIm, yRe, yIm);
                    if (lambdasOut != null) {
                        lambdasOut[t][i] = lambda;
                    }
                    for (int s = 0; s < di; s++) {
                        invLambda[c0 + s] = problem.bsPowerW(k) / lambda;
                    }
                }
                ws.update(k, invLambda);
            }
        }
        ZMatrixRMaj[] v = ws.precoders();
        InitialPrecoders.scaleDownToBudget(problem, v);
        return v;
    }

    /**
     * lambda~ = max(Re(DNN_t(x)), floor); x (widths[0] complex entries) and y are scratch, overwritten.
     */
    private double dnn(int t, double[] xRe, double[] xIm, double[] yRe, double[] yIm) {
        double[] inRe = xRe;
        double[] inIm = xIm;
        double[] outRe = yRe;
        double[] outIm = yIm;
        for (int j = 0; j < depth; j++) {
            int in = widths[j];
            int out = widths[j + 1];
            float[] wr = wRe[t * depth + j];
            float[] wi = wIm[t * depth + j];
            float[] br = bRe[t * depth + j];
            float[] bi = bIm[t * depth + j];
            for (int o = 0; o < out; o++) {
                outRe[o] = br[o];
                outIm[o] = bi[o];
            }
            for (int q = 0; q < in; q++) {
                double ar = inRe[q];
                double ai = inIm[q];
                if (ar == 0 && ai == 0) {
                    continue;
                }
                int row = q * out;
                for (int o = 0; o < out; o++) {
                    outRe[o] += ar * wr[row + o] - ai * wi[row + o];
                    outIm[o] += ar * wi[row + o] + ai * wr[row + o];
                }
            }
            if (j < depth - 1) {
                for (int o = 0; o < out; o++) { // complex ReLU (47)
                    outRe[o] = Math.max(outRe[o], 0.0);
                    outIm[o] = Math.max(outIm[o], 0.0);
                }
            }
            double[] sr = inRe;
            double[] si = inIm;
            inRe = outRe;
            inIm = outIm;
            outRe = sr;
            outIm = si;
        }
        return Math.max(inRe[0], DeepFpArchitecture.LAMBDA_FLOOR);
    }
}
