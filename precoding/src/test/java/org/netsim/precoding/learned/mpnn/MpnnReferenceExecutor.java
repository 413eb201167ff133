package org.netsim.precoding.learned.mpnn;

import java.util.Map;
import org.ejml.data.ZMatrixRMaj;
import org.netsim.precoding.Init;
import org.netsim.precoding.Problem;

/**
 * The first, literal version of {@link MpnnExecutor}, kept as an independent check of the optimised one: every
 * pooled set summed pair by pair as written in {@link MpnnArchitecture} (g(A_2 vec V_j) evaluated once per pair
 * (i, j), the MPNN message summed over j != i for every i), one UE at a time, {@link Math#tanh} in GELU.
 */
final class MpnnReferenceExecutor {

    private final MpnnArchitecture a;
    private final double[] dRe;
    private final double[] dIm;
    private final Map<String, Affine> layers = new java.util.HashMap<>();

    /** One complex affine layer's weights in double precision: W_r, W_i [out x in] row-major, b_r, b_i. */
    private record Affine(double[] wr, double[] wi, double[] br, double[] bi) {
    }

    MpnnReferenceExecutor(MpnnArchitecture architecture, Map<String, float[]> weights) {
        this.a = architecture;
        MpnnNetwork.MpnnBlock expected = new MpnnNetwork.MpnnBlock(architecture);
        for (var e : expected.byName.entrySet()) {
            float[] w = weights.get(e.getKey());
            long size = e.getValue().getShape().size();
            if (w == null || w.length != size) {
                throw new IllegalArgumentException("weights: parameter " + e.getKey() + " needs " + size
                        + " values, got " + (w == null ? "none" : w.length));
            }
        }
        for (MpnnArchitecture.Layer l : architecture.layers()) {
            layers.put(l.name(), new Affine(toDouble(weights.get(l.name() + ".weight.re")),
                    toDouble(weights.get(l.name() + ".weight.im")), toDouble(weights.get(l.name() + ".bias.re")),
                    toDouble(weights.get(l.name() + ".bias.im"))));
        }
        if (architecture.expands()) {
            dRe = toDouble(weights.get(MpnnNames.D_RE));
            dIm = toDouble(weights.get(MpnnNames.D_IM));
        } else {
            dRe = null;
            dIm = null;
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
    MpnnArchitecture architecture() {
        return a;
    }

    /**
     * @param problem a problem of the architecture's sizes ({@link MpnnArchitecture#requireFits})
     * @param init the initialisation V^0 (the paper: zero forcing)
     * @return the precoders V_i in C^{M_k x d_i}, per-BS budgets met
     */
    ZMatrixRMaj[] precoders(Problem problem, Init init) {
        int hs = a.pairChannelSize();
        int vs = a.precoderSize();
        float[] hRe = new float[hs];
        float[] hIm = new float[hs];
        float[] vRe = new float[vs];
        float[] vIm = new float[vs];
        a.pairChannels(problem, hRe, hIm, 0);
        a.initialPrecoders(problem, init, vRe, vIm, 0);
        double[][] v = forward(toDouble(hRe), toDouble(hIm), toDouble(vRe), toDouble(vIm));
        return a.precoders(problem, v[0], v[1]);
    }

    /**
     * The forward pass on one problem's inputs (layouts of {@link MpnnArchitecture#pairChannels} and
     * {@link MpnnArchitecture#initialPrecoders}).
     *
     * @return {re, im} of V~ [n, N_t, r], each BS's squared norms summing to 1
     */
    double[][] forward(double[] hRe, double[] hIm, double[] v0Re, double[] v0Im) {
        int n = a.numUe();
        int nt = a.bsAntennas();
        int p = a.expandedAntennas();
        int r = a.ueAntennas();
        int vsz = p * r;
        int hv = r * r;
        if (hRe.length != a.pairChannelSize() || v0Re.length != a.precoderSize()) {
            throw new IllegalArgumentException("inputs: expected " + a.pairChannelSize() + " channel and "
                    + a.precoderSize() + " precoder entries, got " + hRe.length + " and " + v0Re.length);
        }
        // H'_{ij} = H~_{ij} D: [r x P] per pair
        double[] hpRe = new double[n * n * r * p];
        double[] hpIm = new double[n * n * r * p];
        double[] vRe = new double[n * vsz];
        double[] vIm = new double[n * vsz];
        if (a.expands()) {
            for (int q = 0; q < n * n; q++) {
                mul(hRe, hIm, q * r * nt, dRe, dIm, 0, r, nt, p, hpRe, hpIm, q * r * p);
            }
            for (int i = 0; i < n; i++) {
                mulHermitianLeft(dRe, dIm, nt, p, v0Re, v0Im, i * nt * r, r, vRe, vIm, i * vsz);
            }
        } else {
            System.arraycopy(hRe, 0, hpRe, 0, hpRe.length);
            System.arraycopy(hIm, 0, hpIm, 0, hpIm.length);
            System.arraycopy(v0Re, 0, vRe, 0, vRe.length);
            System.arraycopy(v0Im, 0, vIm, 0, vIm.length);
        }
        normalise(vRe, vIm, vsz);

        int f = a.featureSize();
        int dv = a.vMultiplier() * vsz;
        int dh = a.hvMultiplier() * hv;
        double[] gRe = new double[n * n * hv];
        double[] gIm = new double[n * n * hv];
        double[] eRe = new double[n * f];
        double[] eIm = new double[n * f];
        double[] tRe = new double[Math.max(dv, Math.max(dh, Math.max(f, p * p)))];
        double[] tIm = new double[tRe.length];
        double[] msgRe = new double[f];
        double[] msgIm = new double[f];
        double[] hidRe = new double[f];
        double[] hidIm = new double[f];
        double[] zRe = new double[n * f];
        double[] zIm = new double[n * f];
        double[] wlRe = new double[p * p];
        double[] wlIm = new double[p * p];
        double[] wrRe = new double[hv];
        double[] wrIm = new double[hv];
        double[] mRe = new double[vsz];
        double[] mIm = new double[vsz];
        double[] nvRe = new double[n * vsz];
        double[] nvIm = new double[n * vsz];
        for (int it = 0; it < a.iterations(); it++) {
            // G_ij = H'_{i,b(j)} V'_j
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    mul(hpRe, hpIm, (i * n + j) * r * p, vRe, vIm, j * vsz, r, p, r, gRe, gIm,
                            (i * n + j) * hv);
                }
            }
            java.util.Arrays.fill(eRe, 0.0);
            java.util.Arrays.fill(eIm, 0.0);
            for (int i = 0; i < n; i++) {
                int o = i * f;
                // V features
                affineGelu("vDesired", vRe, vIm, i * vsz, vsz, dv, eRe, eIm, o, 1.0);
                for (int j = 0; j < n; j++) {
                    double wIntra = intra(i, j);
                    double wInter = inter(i, j);
                    if (wIntra != 0) {
                        affineGelu("vIntraCell", vRe, vIm, j * vsz, vsz, dv, eRe, eIm, o + dv, wIntra);
                    }
                    if (wInter != 0) {
                        affineGelu("vInterCell", vRe, vIm, j * vsz, vsz, dv, eRe, eIm, o + 2 * dv, wInter);
                    }
                }
                int oh = o + 3 * dv;
                affineGelu("hvDesired", gRe, gIm, (i * n + i) * hv, hv, dh, eRe, eIm, oh, 1.0);
                for (int j = 0; j < n; j++) {
                    double wIntra = intra(i, j);
                    double wInter = inter(i, j);
                    if (wIntra != 0) {
                        affineGelu("hvIntraCell", gRe, gIm, (i * n + j) * hv, hv, dh, eRe, eIm, oh + dh, wIntra);
                        affineGelu("hvToIntraCell", gRe, gIm, (j * n + i) * hv, hv, dh, eRe, eIm, oh + 3 * dh,
                                wIntra);
                    }
                    if (wInter != 0) {
                        affineGelu("hvInterCell", gRe, gIm, (i * n + j) * hv, hv, dh, eRe, eIm, oh + 2 * dh, wInter);
                        affineGelu("hvToInterCell", gRe, gIm, (j * n + i) * hv, hv, dh, eRe, eIm, oh + 4 * dh,
                                wInter);
                    }
                }
            }
            // MPNN: z_i = e_i + g(C_2 g(C_1 mean_{j != i} e_j))
            for (int i = 0; i < n; i++) {
                java.util.Arrays.fill(msgRe, 0.0);
                java.util.Arrays.fill(msgIm, 0.0);
                for (int j = 0; j < n; j++) {
                    if (j != i) {
                        double w = 1.0 / (n - 1);
                        for (int e = 0; e < f; e++) {
                            msgRe[e] += w * eRe[j * f + e];
                            msgIm[e] += w * eIm[j * f + e];
                        }
                    }
                }
                java.util.Arrays.fill(hidRe, 0.0);
                java.util.Arrays.fill(hidIm, 0.0);
                affineGelu(MpnnNames.MPNN_1, msgRe, msgIm, 0, f, f, hidRe, hidIm, 0, 1.0);
                System.arraycopy(eRe, i * f, zRe, i * f, f);
                System.arraycopy(eIm, i * f, zIm, i * f, f);
                affineGelu(MpnnNames.MPNN_2, hidRe, hidIm, 0, f, f, zRe, zIm, i * f, 1.0);
            }
            // heads and the update
            for (int i = 0; i < n; i++) {
                if (a.variant() == MpnnArchitecture.Variant.BLACK_BOX) {
                    affine(MpnnNames.HEAD_V, zRe, zIm, i * f, f, vsz, nvRe, nvIm, i * vsz);
                } else {
                    affine(MpnnNames.HEAD_L, zRe, zIm, i * f, f, p * p, wlRe, wlIm, 0);
                    affine(MpnnNames.HEAD_R, zRe, zIm, i * f, f, hv, wrRe, wrIm, 0);
                    for (int d = 0; d < p; d++) {
                        wlRe[d * p + d] += 1.0;
                    }
                    for (int d = 0; d < r; d++) {
                        wrRe[d * r + d] += 1.0;
                    }
                    mul(wlRe, wlIm, 0, vRe, vIm, i * vsz, p, p, r, mRe, mIm, 0);
                    mul(mRe, mIm, 0, wrRe, wrIm, 0, p, r, r, nvRe, nvIm, i * vsz);
                }
            }
            System.arraycopy(nvRe, 0, vRe, 0, vRe.length);
            System.arraycopy(nvIm, 0, vIm, 0, vIm.length);
            normalise(vRe, vIm, vsz);
        }
        double[] outRe = new double[n * nt * r];
        double[] outIm = new double[n * nt * r];
        if (a.expands()) {
            for (int i = 0; i < n; i++) {
                mul(dRe, dIm, 0, vRe, vIm, i * vsz, nt, p, r, outRe, outIm, i * nt * r);
            }
        } else {
            System.arraycopy(vRe, 0, outRe, 0, outRe.length);
            System.arraycopy(vIm, 0, outIm, 0, outIm.length);
        }
        normalise(outRe, outIm, nt * r);
        return new double[][] {outRe, outIm};
    }

    private double intra(int i, int j) {
        return i != j && a.cellOf(i) == a.cellOf(j) ? 1.0 / (a.uesPerBs() - 1) : 0.0;
    }

    private double inter(int i, int j) {
        return a.cellOf(i) != a.cellOf(j) ? 1.0 / ((a.numBs() - 1) * a.uesPerBs()) : 0.0;
    }

    /** Per-BS normalisation (5) of n blocks of {@code block} entries. */
    private void normalise(double[] re, double[] im, int block) {
        int u = a.uesPerBs();
        for (int b = 0; b < a.numBs(); b++) {
            double power = 0;
            for (int e = b * u * block; e < (b + 1) * u * block; e++) {
                power += re[e] * re[e] + im[e] * im[e];
            }
            double s = 1.0 / Math.sqrt(Math.max(power, MpnnNames.MIN_POWER));
            for (int e = b * u * block; e < (b + 1) * u * block; e++) {
                re[e] *= s;
                im[e] *= s;
            }
        }
    }

    /** y = W x + b of layer {@code name} into {@code y[yo ...]} (overwritten). */
    private void affine(String name, double[] xRe, double[] xIm, int xo, int in, int out, double[] yRe,
            double[] yIm, int yo) {
        Affine layer = layers.get(name);
        double[] wr = layer.wr();
        double[] wi = layer.wi();
        double[] br = layer.br();
        double[] bi = layer.bi();
        for (int o = 0; o < out; o++) {
            double sr = br[o];
            double si = bi[o];
            int row = o * in;
            for (int k = 0; k < in; k++) {
                double ar = wr[row + k];
                double ai = wi[row + k];
                double xr = xRe[xo + k];
                double xi = xIm[xo + k];
                sr += ar * xr - ai * xi;
                si += ar * xi + ai * xr;
            }
            yRe[yo + o] = sr;
            yIm[yo + o] = si;
        }
    }

    private final ThreadLocal<double[][]> scratch = new ThreadLocal<>();

    /** y[yo ...] += weight * g(W x + b) (split complex GELU). */
    private void affineGelu(String name, double[] xRe, double[] xIm, int xo, int in, int out, double[] yRe,
            double[] yIm, int yo, double weight) {
        double[][] s = scratch.get();
        if (s == null || s[0].length < out) {
            s = new double[][] {new double[out], new double[out]};
            scratch.set(s);
        }
        affine(name, xRe, xIm, xo, in, out, s[0], s[1], 0);
        for (int o = 0; o < out; o++) {
            yRe[yo + o] += weight * gelu(s[0][o]);
            yIm[yo + o] += weight * gelu(s[1][o]);
        }
    }

    static double gelu(double x) {
        return 0.5 * x * (1.0 + Math.tanh(MpnnNames.GELU_C * (x + MpnnNames.GELU_A * x * x * x)));
    }

    /** C[m x q] = A[m x k] B[k x q] (complex, row-major, at offsets). */
    private static void mul(double[] aRe, double[] aIm, int ao, double[] bRe, double[] bIm, int bo, int m, int k,
            int q, double[] cRe, double[] cIm, int co) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < q; j++) {
                double sr = 0;
                double si = 0;
                for (int l = 0; l < k; l++) {
                    double xr = aRe[ao + i * k + l];
                    double xi = aIm[ao + i * k + l];
                    double yr = bRe[bo + l * q + j];
                    double yi = bIm[bo + l * q + j];
                    sr += xr * yr - xi * yi;
                    si += xr * yi + xi * yr;
                }
                cRe[co + i * q + j] = sr;
                cIm[co + i * q + j] = si;
            }
        }
    }

    /** C[p x q] = D^H B with D [m x p], B [m x q]. */
    private static void mulHermitianLeft(double[] dRe, double[] dIm, int m, int p, double[] bRe, double[] bIm, int bo,
            int q, double[] cRe, double[] cIm, int co) {
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < q; j++) {
                double sr = 0;
                double si = 0;
                for (int l = 0; l < m; l++) {
                    double xr = dRe[l * p + i];
                    double xi = -dIm[l * p + i];
                    double yr = bRe[bo + l * q + j];
                    double yi = bIm[bo + l * q + j];
                    sr += xr * yr - xi * yi;
                    si += xr * yi + xi * yr;
                }
                cRe[co + i * q + j] = sr;
                cIm[co + i * q + j] = si;
            }
        }
    }
}
