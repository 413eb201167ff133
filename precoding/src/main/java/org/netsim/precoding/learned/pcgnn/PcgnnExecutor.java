package org.netsim.precoding.learned.pcgnn;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.ejml.data.ZMatrixRMaj;
import org.netsim.precoding.Problem;

/**
 * The per-problem executor of {@link PcgnnArchitecture}: the same PCGNN/HetGNN as {@link PcgnnNetwork}, evaluated in
 * plain Java (double-precision arithmetic on the float32 weights), no engine call per problem, for slot-by-slot use.
 * Same layer equations and pooling as the DJL executor (see {@link PcgnnArchitecture}); complex numbers as separate
 * real and imaginary arrays, row-major. Workspaces are allocated once per call and reused across the L layers.
 * Immutable and thread-safe.
 */
public final class PcgnnExecutor {

    private final PcgnnArchitecture a;
    private final Map<String, Affine> layers = new HashMap<>();

    /** One complex affine layer's weights in double precision: W_r, W_i [out x in] row-major, b_r, b_i. */
    private record Affine(int in, int out, double[] wr, double[] wi, double[] br, double[] bi) {
    }

    PcgnnExecutor(PcgnnArchitecture architecture, Map<String, float[]> weights) {
        this.a = architecture;
        PcgnnNetwork.PcgnnBlock expected = new PcgnnNetwork.PcgnnBlock(architecture);
        for (var e : expected.byName.entrySet()) {
            float[] w = weights.get(e.getKey());
            long size = e.getValue().getShape().size();
            if (w == null || w.length != size) {
                throw new IllegalArgumentException("weights: parameter " + e.getKey() + " needs " + size
                        + " values, got " + (w == null ? "none" : w.length));
            }
        }
        for (PcgnnArchitecture.Layer l : architecture.affineLayers()) {
            layers.put(l.name(), new Affine(l.in(), l.out(), toDouble(weights.get(l.name() + ".weight.re")),
                    toDouble(weights.get(l.name() + ".weight.im")), toDouble(weights.get(l.name() + ".bias.re")),
                    toDouble(weights.get(l.name() + ".bias.im"))));
        }
    }

    private static double[] toDouble(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    /** @return the architecture */
    public PcgnnArchitecture architecture() {
        return a;
    }

    /**
     * @param problem a problem of the architecture's sizes ({@link PcgnnArchitecture#requireFits})
     * @return the precoders V_i in C^{M_k x d_i}, every BS at its budget
     */
    public ZMatrixRMaj[] precoders(Problem problem) {
        int hs = a.channelSize();
        float[] hRe = new float[hs];
        float[] hIm = new float[hs];
        a.channels(problem, hRe, hIm, 0);
        double[][] v = forward(toDouble(hRe), toDouble(hIm));
        return a.precoders(problem, v[0], v[1]);
    }

    /**
     * The forward pass on one problem's edge features (layout of {@link PcgnnArchitecture#channels}).
     *
     * @return {re, im} of V~ [n, N_t, N_r], each BS's squared norms summing to 1
     */
    public double[][] forward(double[] hRe, double[] hIm) {
        int n = a.numUe();
        int nb = a.numBs();
        int f = a.features();
        int c = a.edgeSize();
        if (hRe.length != a.channelSize() || hIm.length != a.channelSize()) {
            throw new IllegalArgumentException("inputs: expected " + a.channelSize() + " channel entries, got "
                    + hRe.length + " and " + hIm.length);
        }
        double[] xRe = new double[n * f];
        double[] xIm = new double[n * f];
        double[] msgRe = new double[n * nb * f];
        double[] msgIm = new double[n * nb * f];
        double[] yRe = new double[nb * f];
        double[] yIm = new double[nb * f];
        double[] qRe = new double[n * nb * f];
        double[] qIm = new double[n * nb * f];
        double[] xuRe = new double[n * f];
        double[] xuIm = new double[n * f];
        double[] inRe = new double[3 * f + c];
        double[] inIm = new double[3 * f + c];
        double[] outRe = new double[Math.max(f, a.vSize())];
        double[] outIm = new double[outRe.length];
        for (int l = 0; l < a.layers(); l++) {
            // UEs -> BSs: m_ik = g(A [x_i; h_ik])
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < nb; k++) {
                    System.arraycopy(xRe, i * f, inRe, 0, f);
                    System.arraycopy(xIm, i * f, inIm, 0, f);
                    System.arraycopy(hRe, (i * nb + k) * c, inRe, f, c);
                    System.arraycopy(hIm, (i * nb + k) * c, inIm, f, c);
                    affineGelu(PcgnnArchitecture.UE_TO_BS, inRe, inIm, msgRe, msgIm, (i * nb + k) * f);
                }
            }
            // BS update: y_k = g(B [mean served; mean interfered])
            for (int k = 0; k < nb; k++) {
                Arrays.fill(inRe, 0, 2 * f, 0.0);
                Arrays.fill(inIm, 0, 2 * f, 0.0);
                for (int i = 0; i < n; i++) {
                    double ws = a.servedWeight(i, k);
                    double wo = a.interferedWeight(i, k);
                    int o = (i * nb + k) * f;
                    for (int e = 0; e < f; e++) {
                        inRe[e] += ws * msgRe[o + e];
                        inIm[e] += ws * msgIm[o + e];
                        inRe[f + e] += wo * msgRe[o + e];
                        inIm[f + e] += wo * msgIm[o + e];
                    }
                }
                affineGelu(PcgnnArchitecture.BS_UPDATE, inRe, inIm, yRe, yIm, k * f);
            }
            // BSs -> UEs: q_ki = g(C [y_k; h_ik])
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < nb; k++) {
                    System.arraycopy(yRe, k * f, inRe, 0, f);
                    System.arraycopy(yIm, k * f, inIm, 0, f);
                    System.arraycopy(hRe, (i * nb + k) * c, inRe, f, c);
                    System.arraycopy(hIm, (i * nb + k) * c, inIm, f, c);
                    affineGelu(PcgnnArchitecture.BS_TO_UE, inRe, inIm, qRe, qIm, (i * nb + k) * f);
                }
            }
            // UE update: x'_i = g(D [x_i; q_{b(i) i}; mean_{k != b(i)} q_ki])
            for (int i = 0; i < n; i++) {
                System.arraycopy(xRe, i * f, inRe, 0, f);
                System.arraycopy(xIm, i * f, inIm, 0, f);
                int own = (i * nb + a.cellOf(i)) * f;
                System.arraycopy(qRe, own, inRe, f, f);
                System.arraycopy(qIm, own, inIm, f, f);
                Arrays.fill(inRe, 2 * f, 3 * f, 0.0);
                Arrays.fill(inIm, 2 * f, 3 * f, 0.0);
                for (int k = 0; k < nb; k++) {
                    double w = a.otherBsWeight(i, k);
                    if (w != 0) {
                        int o = (i * nb + k) * f;
                        for (int e = 0; e < f; e++) {
                            inRe[2 * f + e] += w * qRe[o + e];
                            inIm[2 * f + e] += w * qIm[o + e];
                        }
                    }
                }
                affineGelu(PcgnnArchitecture.UE_UPDATE, inRe, inIm, xuRe, xuIm, i * f);
            }
            // UEs -> UEs: x_i = x'_i + g(E [x'_i; mean intra-cell; mean inter-cell])
            for (int i = 0; i < n; i++) {
                System.arraycopy(xuRe, i * f, inRe, 0, f);
                System.arraycopy(xuIm, i * f, inIm, 0, f);
                Arrays.fill(inRe, f, 3 * f, 0.0);
                Arrays.fill(inIm, f, 3 * f, 0.0);
                for (int j = 0; j < n; j++) {
                    double wi = a.intraWeight(i, j);
                    double wo = a.interWeight(i, j);
                    for (int e = 0; e < f; e++) {
                        inRe[f + e] += wi * xuRe[j * f + e];
                        inIm[f + e] += wi * xuIm[j * f + e];
                        inRe[2 * f + e] += wo * xuRe[j * f + e];
                        inIm[2 * f + e] += wo * xuIm[j * f + e];
                    }
                }
                affineGelu(PcgnnArchitecture.UE_TO_UE, inRe, inIm, outRe, outIm, 0);
                for (int e = 0; e < f; e++) {
                    xRe[i * f + e] = xuRe[i * f + e] + outRe[e];
                    xIm[i * f + e] = xuIm[i * f + e] + outIm[e];
                }
            }
        }
        // readout V~_i = unvec(Q x_i), then per-BS normalisation
        int vs = a.vSize();
        double[] vRe = new double[n * vs];
        double[] vIm = new double[n * vs];
        for (int i = 0; i < n; i++) {
            System.arraycopy(xRe, i * f, inRe, 0, f);
            System.arraycopy(xIm, i * f, inIm, 0, f);
            affine(PcgnnArchitecture.READOUT, inRe, inIm, vRe, vIm, i * vs);
        }
        int u = a.uesPerBs();
        for (int b = 0; b < nb; b++) {
            double power = 0;
            for (int e = b * u * vs; e < (b + 1) * u * vs; e++) {
                power += vRe[e] * vRe[e] + vIm[e] * vIm[e];
            }
            double s = 1.0 / Math.sqrt(Math.max(power, PcgnnArchitecture.MIN_POWER));
            for (int e = b * u * vs; e < (b + 1) * u * vs; e++) {
                vRe[e] *= s;
                vIm[e] *= s;
            }
        }
        return new double[][] {vRe, vIm};
    }

    /** y[yo ...] = W x + b of layer {@code name}, x the first {@code in} entries of {@code x} (overwritten). */
    private void affine(String name, double[] xRe, double[] xIm, double[] yRe, double[] yIm, int yo) {
        Affine layer = layers.get(name);
        int in = layer.in();
        for (int o = 0; o < layer.out(); o++) {
            double sr = layer.br()[o];
            double si = layer.bi()[o];
            int row = o * in;
            for (int k = 0; k < in; k++) {
                double ar = layer.wr()[row + k];
                double ai = layer.wi()[row + k];
                sr += ar * xRe[k] - ai * xIm[k];
                si += ar * xIm[k] + ai * xRe[k];
            }
            yRe[yo + o] = sr;
            yIm[yo + o] = si;
        }
    }

    /** y[yo ...] = g(W x + b) (split complex GELU). */
    private void affineGelu(String name, double[] xRe, double[] xIm, double[] yRe, double[] yIm, int yo) {
        affine(name, xRe, xIm, yRe, yIm, yo);
        for (int o = 0; o < layers.get(name).out(); o++) {
            yRe[yo + o] = gelu(yRe[yo + o]);
            yIm[yo + o] = gelu(yIm[yo + o]);
        }
    }

    static double gelu(double x) {
        return 0.5 * x * (1.0 + Math.tanh(PcgnnArchitecture.GELU_C * (x + PcgnnArchitecture.GELU_A * x * x * x)));
    }
}
