package org.netsim.precoding.learned.mpnn;

import java.util.Map;
import org.ejml.data.ZMatrixRMaj;
import org.netsim.precoding.Init;
import org.netsim.precoding.Problem;

/**
 * The per-problem executor of {@link MpnnArchitecture}: the same StructuralMPNN as {@link MpnnNetwork}, evaluated in
 * plain Java (double-precision arithmetic on the float32 weights), with no engine call per problem, for
 * slot-by-slot use. Same equations and pooling as the DJL executor (see {@link MpnnArchitecture}); complex numbers
 * as separate real and imaginary arrays, matrices row-major.
 *
 * <p>Cost per iteration (n = B U UEs, F features, P = N'_t): the MPNN's two F x F maps and the head W_L (F x P^2)
 * on all n UEs dominate, O(n F (2 F + P^2)) complex multiply-adds; they run as one pass over each weight row for
 * all UEs (two at a time), since the weights (about 3.5 MB in double for song-small) do not stay in cache between
 * UEs. The set features are pooled without pairs where the map does not depend on the pair: g(A_2 vec V_j) and
 * g(A_3 vec V_j) once per UE, the means from per-cell sums (mean over the others = (sum - own) / count), and the
 * MPNN message mean_{j != i} e_j = (sum_j e_j - e_i) / (n - 1); only the HV maps of the pair signals G_ij are per
 * pair. Each thread has one workspace, allocated on its first call and reused: no allocation per call except the
 * returned precoders. Immutable and thread-safe.
 */
public final class MpnnExecutor {

    private final MpnnArchitecture a;
    private final double[] dRe;
    private final double[] dIm;
    private final Affine vDesired;
    private final Affine vIntra;
    private final Affine vInter;
    private final Affine hvDesired;
    private final Affine hvIntra;
    private final Affine hvInter;
    private final Affine hvToIntra;
    private final Affine hvToInter;
    private final Affine mpnn1;
    private final Affine mpnn2;
    private final Affine headL;
    private final Affine headR;
    private final Affine headV;

    /** One complex affine layer's weights in double precision: W_r^T, W_i^T [in x out] row-major, b_r, b_i. */
    private record Affine(int in, int out, double[] wr, double[] wi, double[] br, double[] bi) {
    }

    MpnnExecutor(MpnnArchitecture architecture, Map<String, float[]> weights) {
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
        Map<String, Affine> layers = new java.util.HashMap<>();
        for (MpnnArchitecture.Layer l : architecture.layers()) {
            layers.put(l.name(), new Affine(l.in(), l.out(),
                    transposed(weights.get(l.name() + ".weight.re"), l.out(), l.in()),
                    transposed(weights.get(l.name() + ".weight.im"), l.out(), l.in()),
                    toDouble(weights.get(l.name() + ".bias.re")),
                    toDouble(weights.get(l.name() + ".bias.im"))));
        }
        vDesired = layers.get("vDesired");
        vIntra = layers.get("vIntraCell");
        vInter = layers.get("vInterCell");
        hvDesired = layers.get("hvDesired");
        hvIntra = layers.get("hvIntraCell");
        hvInter = layers.get("hvInterCell");
        hvToIntra = layers.get("hvToIntraCell");
        hvToInter = layers.get("hvToInterCell");
        mpnn1 = layers.get(MpnnNames.MPNN_1);
        mpnn2 = layers.get(MpnnNames.MPNN_2);
        headL = layers.get(MpnnNames.HEAD_L);
        headR = layers.get(MpnnNames.HEAD_R);
        headV = layers.get(MpnnNames.HEAD_V);
        if (architecture.expands()) {
            dRe = toDouble(weights.get(MpnnNames.D_RE));
            dIm = toDouble(weights.get(MpnnNames.D_IM));
        } else {
            dRe = null;
            dIm = null;
        }
    }

    /** @return the [cols x rows] transpose of the row-major [rows x cols] {@code f}, in double */
    private static double[] transposed(float[] f, int rows, int cols) {
        double[] d = new double[f.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                d[c * rows + r] = f[r * cols + c];
            }
        }
        return d;
    }

    private static double[] toDouble(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    /** @return the architecture */
    public MpnnArchitecture architecture() {
        return a;
    }

    /**
     * @param problem a problem of the architecture's sizes ({@link MpnnArchitecture#requireFits})
     * @param init the initialisation V^0 (the paper: zero forcing)
     * @return the precoders V_i in C^{M_k x d_i}, per-BS budgets met
     */
    public ZMatrixRMaj[] precoders(Problem problem, Init init) {
        Workspace w = workspace();
        a.pairChannels(problem, w.hInRe, w.hInIm, 0);
        a.initialPrecoders(problem, init, w.vInRe, w.vInIm, 0);
        for (int e = 0; e < w.hInRe.length; e++) {
            w.hRe[e] = w.hInRe[e];
            w.hIm[e] = w.hInIm[e];
        }
        for (int e = 0; e < w.vInRe.length; e++) {
            w.v0Re[e] = w.vInRe[e];
            w.v0Im[e] = w.vInIm[e];
        }
        forward(w, w.hRe, w.hIm, w.v0Re, w.v0Im);
        return a.precoders(problem, w.outRe, w.outIm);
    }

    /**
     * The forward pass on one problem's inputs (layouts of {@link MpnnArchitecture#pairChannels} and
     * {@link MpnnArchitecture#initialPrecoders}).
     *
     * @return {re, im} of V~ [n, N_t, r], each BS's squared norms summing to 1 (fresh arrays)
     */
    public double[][] forward(double[] hRe, double[] hIm, double[] v0Re, double[] v0Im) {
        if (hRe.length != a.pairChannelSize() || v0Re.length != a.precoderSize()) {
            throw new IllegalArgumentException("inputs: expected " + a.pairChannelSize() + " channel and "
                    + a.precoderSize() + " precoder entries, got " + hRe.length + " and " + v0Re.length);
        }
        Workspace w = workspace();
        forward(w, hRe, hIm, v0Re, v0Im);
        return new double[][] {w.outRe.clone(), w.outIm.clone()};
    }

    /** The calling thread's workspace (allocated on its first call, reused by every later one). */
    private Workspace workspace() {
        Workspace w = workspaces.get();
        if (w == null) {
            w = new Workspace(a);
            workspaces.set(w);
        }
        return w;
    }

    private final ThreadLocal<Workspace> workspaces = new ThreadLocal<>();

    /**
     * Every array of one forward pass, sized once for the architecture (n = B U UEs, P = N'_t, r = N_r,
     * F features; the layouts are row-major, real and imaginary parts apart).
     */
    private static final class Workspace {
        final float[] hInRe;
        final float[] hInIm;
        final float[] vInRe;
        final float[] vInIm;
        final double[] hRe;
        final double[] hIm;
        final double[] v0Re;
        final double[] v0Im;
        /** H' = H~ D per pair [n, n, r, P]. */
        final double[] hpRe;
        final double[] hpIm;
        /** V' [n, P, r]. */
        final double[] vRe;
        final double[] vIm;
        /** G_ij = H'_ij V'_j [n, n, r, r]. */
        final double[] gRe;
        final double[] gIm;
        /** g(A_k vec V'_j) per UE [n, d_1 P r]. */
        final double[] aRe;
        final double[] aIm;
        /** per-cell sums of g(A_2 .) and g(A_3 .) [B, d_1 P r], and the sum over all UEs of g(A_3 .). */
        final double[] cellRe;
        final double[] cellIm;
        final double[] allRe;
        final double[] allIm;
        /** one pair feature [d_2 r^2]. */
        final double[] pairRe;
        final double[] pairIm;
        /** e [n, F], the MPNN message and hidden layer [n, F], z [n, F]. */
        final double[] eRe;
        final double[] eIm;
        final double[] msgRe;
        final double[] msgIm;
        final double[] hidRe;
        final double[] hidIm;
        final double[] sumRe;
        final double[] sumIm;
        /** W_L - I [n, P, P], W_R - I [n, r, r], W_L V' [P, r]. */
        final double[] wlRe;
        final double[] wlIm;
        final double[] wrRe;
        final double[] wrIm;
        final double[] mRe;
        final double[] mIm;
        /** pre-activations of one layer on all UEs [n, max out]. */
        final double[] preRe;
        final double[] preIm;
        /** output V~ [n, N_t, r]. */
        final double[] outRe;
        final double[] outIm;

        Workspace(MpnnArchitecture a) {
            int n = a.numUe();
            int p = a.expandedAntennas();
            int r = a.ueAntennas();
            int f = a.featureSize();
            int dv = a.vMultiplier() * a.vSize();
            int hs = a.pairChannelSize();
            int vs = a.precoderSize();
            hInRe = new float[hs];
            hInIm = new float[hs];
            vInRe = new float[vs];
            vInIm = new float[vs];
            hRe = new double[hs];
            hIm = new double[hs];
            v0Re = new double[vs];
            v0Im = new double[vs];
            hpRe = new double[n * n * r * p];
            hpIm = new double[n * n * r * p];
            vRe = new double[n * a.vSize()];
            vIm = new double[n * a.vSize()];
            gRe = new double[n * n * a.hvSize()];
            gIm = new double[n * n * a.hvSize()];
            aRe = new double[n * dv];
            aIm = new double[n * dv];
            cellRe = new double[a.numBs() * dv];
            cellIm = new double[a.numBs() * dv];
            allRe = new double[dv];
            allIm = new double[dv];
            pairRe = new double[a.hvMultiplier() * a.hvSize()];
            pairIm = new double[a.hvMultiplier() * a.hvSize()];
            eRe = new double[n * f];
            eIm = new double[n * f];
            msgRe = new double[n * f];
            msgIm = new double[n * f];
            hidRe = new double[n * f];
            hidIm = new double[n * f];
            sumRe = new double[f];
            sumIm = new double[f];
            int heads = Math.max(p * p, a.vSize());
            wlRe = new double[n * heads];
            wlIm = new double[n * heads];
            wrRe = new double[n * a.hvSize()];
            wrIm = new double[n * a.hvSize()];
            mRe = new double[a.vSize()];
            mIm = new double[a.vSize()];
            outRe = new double[vs];
            outIm = new double[vs];
            int maxOut = 0;
            for (MpnnArchitecture.Layer l : a.layers()) {
                maxOut = Math.max(maxOut, l.out());
            }
            preRe = new double[n * maxOut];
            preIm = new double[n * maxOut];
        }
    }

    /** The forward pass into {@code w.outRe/outIm}; no allocation. */
    private void forward(Workspace w, double[] hRe, double[] hIm, double[] v0Re, double[] v0Im) {
        int n = a.numUe();
        int nt = a.bsAntennas();
        int p = a.expandedAntennas();
        int r = a.ueAntennas();
        int u = a.uesPerBs();
        int numBs = a.numBs();
        int vsz = p * r;
        int hv = r * r;
        int f = a.featureSize();
        int dv = a.vMultiplier() * vsz;
        int dh = a.hvMultiplier() * hv;
        // (3), (4): H'_{ij} = H~_{ij} D [r x P] per pair, V'^0_i = D^H V~^0_i [P x r]
        if (a.expands()) {
            for (int q = 0; q < n * n; q++) {
                mul(hRe, hIm, q * r * nt, dRe, dIm, 0, r, nt, p, w.hpRe, w.hpIm, q * r * p);
            }
            for (int i = 0; i < n; i++) {
                mulHermitianLeft(dRe, dIm, nt, p, v0Re, v0Im, i * nt * r, r, w.vRe, w.vIm, i * vsz);
            }
        } else {
            System.arraycopy(hRe, 0, w.hpRe, 0, w.hpRe.length);
            System.arraycopy(hIm, 0, w.hpIm, 0, w.hpIm.length);
            System.arraycopy(v0Re, 0, w.vRe, 0, w.vRe.length);
            System.arraycopy(v0Im, 0, w.vIm, 0, w.vIm.length);
        }
        normalise(w.vRe, w.vIm, vsz);
        // pooling weights: mean over the U - 1 other UEs of the cell, over the (B - 1) U UEs of other cells,
        // over the n - 1 other UEs (an empty set pools to zero)
        double wIntra = u > 1 ? 1.0 / (u - 1) : 0.0;
        double wInter = numBs > 1 ? 1.0 / ((numBs - 1) * u) : 0.0;
        double wOthers = n > 1 ? 1.0 / (n - 1) : 0.0;
        for (int it = 0; it < a.iterations(); it++) {
            // G_ij = H'_{i,b(j)} V'_j  [r x r]
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    mul(w.hpRe, w.hpIm, (i * n + j) * r * p, w.vRe, w.vIm, j * vsz, r, p, r, w.gRe, w.gIm,
                            (i * n + j) * hv);
                }
            }
            // V features (Fig. 3): each map once per UE, the sets pooled from per-cell sums
            affineRows(vDesired, w.vRe, w.vIm, vsz, n, w.eRe, w.eIm, f, 0, true, false);
            affineRows(vIntra, w.vRe, w.vIm, vsz, n, w.aRe, w.aIm, dv, 0, true, false);
            cellSums(w.aRe, w.aIm, dv, w.cellRe, w.cellIm);
            for (int i = 0; i < n; i++) {
                int c = a.cellOf(i) * dv;
                int o = i * f + dv;
                for (int e = 0; e < dv; e++) {
                    w.eRe[o + e] = wIntra * (w.cellRe[c + e] - w.aRe[i * dv + e]);
                    w.eIm[o + e] = wIntra * (w.cellIm[c + e] - w.aIm[i * dv + e]);
                }
            }
            affineRows(vInter, w.vRe, w.vIm, vsz, n, w.aRe, w.aIm, dv, 0, true, false);
            cellSums(w.aRe, w.aIm, dv, w.cellRe, w.cellIm);
            java.util.Arrays.fill(w.allRe, 0.0);
            java.util.Arrays.fill(w.allIm, 0.0);
            for (int b = 0; b < numBs; b++) {
                for (int e = 0; e < dv; e++) {
                    w.allRe[e] += w.cellRe[b * dv + e];
                    w.allIm[e] += w.cellIm[b * dv + e];
                }
            }
            for (int i = 0; i < n; i++) {
                int c = a.cellOf(i) * dv;
                int o = i * f + 2 * dv;
                for (int e = 0; e < dv; e++) {
                    w.eRe[o + e] = wInter * (w.allRe[e] - w.cellRe[c + e]);
                    w.eIm[o + e] = wInter * (w.allIm[e] - w.cellIm[c + e]);
                }
            }
            // HV features (Fig. 4): one map per pair and role, pooled by the mean
            for (int i = 0; i < n; i++) {
                int oh = i * f + 3 * dv;
                affineRows(hvDesired, w.gRe, w.gIm, 0, 1, w.eRe, w.eIm, 0, oh, true, false, (i * n + i) * hv);
                java.util.Arrays.fill(w.eRe, oh + dh, oh + 5 * dh, 0.0);
                java.util.Arrays.fill(w.eIm, oh + dh, oh + 5 * dh, 0.0);
                for (int j = 0; j < n; j++) {
                    if (j == i) {
                        continue;
                    }
                    boolean sameCell = a.cellOf(i) == a.cellOf(j);
                    Affine received = sameCell ? hvIntra : hvInter;
                    Affine caused = sameCell ? hvToIntra : hvToInter;
                    double weight = sameCell ? wIntra : wInter;
                    int slot = sameCell ? 0 : 1;
                    accumulateGelu(received, w.gRe, w.gIm, (i * n + j) * hv, w, w.eRe, w.eIm,
                            oh + (1 + slot) * dh, weight);
                    accumulateGelu(caused, w.gRe, w.gIm, (j * n + i) * hv, w, w.eRe, w.eIm,
                            oh + (3 + slot) * dh, weight);
                }
            }
            // MPNN (Fig. 5): z_i = e_i + g(C_2 g(C_1 mean_{j != i} e_j))
            java.util.Arrays.fill(w.sumRe, 0.0);
            java.util.Arrays.fill(w.sumIm, 0.0);
            for (int j = 0; j < n; j++) {
                for (int e = 0; e < f; e++) {
                    w.sumRe[e] += w.eRe[j * f + e];
                    w.sumIm[e] += w.eIm[j * f + e];
                }
            }
            for (int i = 0; i < n; i++) {
                for (int e = 0; e < f; e++) {
                    w.msgRe[i * f + e] = wOthers * (w.sumRe[e] - w.eRe[i * f + e]);
                    w.msgIm[i * f + e] = wOthers * (w.sumIm[e] - w.eIm[i * f + e]);
                }
            }
            affineRows(mpnn1, w.msgRe, w.msgIm, f, n, w.hidRe, w.hidIm, f, 0, true, false);
            // z overwrites msg: z = e + g(C_2 hid)
            System.arraycopy(w.eRe, 0, w.msgRe, 0, n * f);
            System.arraycopy(w.eIm, 0, w.msgIm, 0, n * f);
            affineRows(mpnn2, w.hidRe, w.hidIm, f, n, w.msgRe, w.msgIm, f, 0, true, true);
            // heads and the update V'_i <- W_L V'_i W_R (or the black-box map), then (5)
            if (a.variant() == MpnnArchitecture.Variant.BLACK_BOX) {
                affineRows(headV, w.msgRe, w.msgIm, f, n, w.vRe, w.vIm, vsz, 0, false, false);
            } else {
                affineRows(headL, w.msgRe, w.msgIm, f, n, w.wlRe, w.wlIm, p * p, 0, false, false);
                affineRows(headR, w.msgRe, w.msgIm, f, n, w.wrRe, w.wrIm, hv, 0, false, false);
                for (int i = 0; i < n; i++) {
                    int l = i * p * p;
                    for (int d = 0; d < p; d++) {
                        w.wlRe[l + d * p + d] += 1.0;
                    }
                    for (int d = 0; d < r; d++) {
                        w.wrRe[i * hv + d * r + d] += 1.0;
                    }
                    // [P x r] = [P x P] [P x r], then [P x r] [r x r] back into V'_i
                    mul(w.wlRe, w.wlIm, l, w.vRe, w.vIm, i * vsz, p, p, r, w.mRe, w.mIm, 0);
                    mul(w.mRe, w.mIm, 0, w.wrRe, w.wrIm, i * hv, p, r, r, w.vRe, w.vIm, i * vsz);
                }
            }
            normalise(w.vRe, w.vIm, vsz);
        }
        // (6): V~_i = D V'_i [N_t x r]
        if (a.expands()) {
            for (int i = 0; i < n; i++) {
                mul(dRe, dIm, 0, w.vRe, w.vIm, i * vsz, nt, p, r, w.outRe, w.outIm, i * nt * r);
            }
        } else {
            System.arraycopy(w.vRe, 0, w.outRe, 0, w.outRe.length);
            System.arraycopy(w.vIm, 0, w.outIm, 0, w.outIm.length);
        }
        normalise(w.outRe, w.outIm, nt * r);
    }

    /** Per-cell sums of n rows of {@code len} entries into [B, len]. */
    private void cellSums(double[] re, double[] im, int len, double[] sumRe, double[] sumIm) {
        java.util.Arrays.fill(sumRe, 0.0);
        java.util.Arrays.fill(sumIm, 0.0);
        for (int i = 0; i < a.numUe(); i++) {
            int c = a.cellOf(i) * len;
            for (int e = 0; e < len; e++) {
                sumRe[c + e] += re[i * len + e];
                sumIm[c + e] += im[i * len + e];
            }
        }
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

    private void affineRows(Affine layer, double[] xRe, double[] xIm, int xStride, int rows, double[] yRe,
            double[] yIm, int yStride, int yo, boolean gelu, boolean accumulate) {
        affineRows(layer, xRe, xIm, xStride, rows, yRe, yIm, yStride, yo, gelu, accumulate, 0);
    }

    /**
     * For {@code rows} inputs x_s = x[xo + s xStride ...] (length in): y[yo + s yStride + o] (+)= h((W x_s + b)_o),
     * h = g or the identity. W is held transposed ([in x out]), so the inner loop is y_s += x_{s,k} W[k, :] over
     * contiguous outputs (vectorised by the JIT); each row k of W^T is used for all inputs while it is in L1.
     * The pre-activations go through the thread's scratch buffer.
     */
    private void affineRows(Affine layer, double[] xRe, double[] xIm, int xStride, int rows, double[] yRe,
            double[] yIm, int yStride, int yo, boolean gelu, boolean accumulate, int xo) {
        double[] wr = layer.wr();
        double[] wi = layer.wi();
        int in = layer.in();
        int out = layer.out();
        Workspace w = workspace();
        double[] tRe = w.preRe;
        double[] tIm = w.preIm;
        for (int s = 0; s < rows; s++) {
            System.arraycopy(layer.br(), 0, tRe, s * out, out);
            System.arraycopy(layer.bi(), 0, tIm, s * out, out);
        }
        for (int k = 0; k < in; k++) {
            int row = k * out;
            for (int s = 0; s < rows; s++) {
                double xr = xRe[xo + s * xStride + k];
                double xi = xIm[xo + s * xStride + k];
                int t = s * out;
                for (int o = 0; o < out; o++) {
                    double ar = wr[row + o];
                    double ai = wi[row + o];
                    tRe[t + o] += ar * xr - ai * xi;
                    tIm[t + o] += ar * xi + ai * xr;
                }
            }
        }
        for (int s = 0; s < rows; s++) {
            int t = s * out;
            int y = yo + s * yStride;
            for (int o = 0; o < out; o++) {
                store(yRe, yIm, y + o, tRe[t + o], tIm[t + o], gelu, accumulate);
            }
        }
    }

    private static void store(double[] yRe, double[] yIm, int at, double re, double im, boolean gelu,
            boolean accumulate) {
        double vr = gelu ? gelu(re) : re;
        double vi = gelu ? gelu(im) : im;
        if (accumulate) {
            yRe[at] += vr;
            yIm[at] += vi;
        } else {
            yRe[at] = vr;
            yIm[at] = vi;
        }
    }

    /** y[yo ...] += weight * g(W x + b) for one short input x[xo ...] (the HV maps). */
    private void accumulateGelu(Affine layer, double[] xRe, double[] xIm, int xo, Workspace w, double[] yRe,
            double[] yIm, int yo, double weight) {
        affineRows(layer, xRe, xIm, 0, 1, w.pairRe, w.pairIm, 0, 0, true, false, xo);
        for (int o = 0; o < layer.out(); o++) {
            yRe[yo + o] += weight * w.pairRe[o];
            yIm[yo + o] += weight * w.pairIm[o];
        }
    }

    /**
     * The tanh form of GELU, x/2 (1 + tanh(c (x + a x^3))), with tanh(y) = 1 - 2 / (e^{2y} + 1) (exact in
     * exact arithmetic, within a few 1e-16 absolute in double, and a plain exponential instead of
     * {@link Math#tanh}; e^{2y} overflowing to infinity gives the limit 1).
     */
    static double gelu(double x) {
        double y = MpnnNames.GELU_C * (x + MpnnNames.GELU_A * x * x * x);
        double t = 1.0 - 2.0 / (Math.exp(2.0 * y) + 1.0);
        return 0.5 * x * (1.0 + t);
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
