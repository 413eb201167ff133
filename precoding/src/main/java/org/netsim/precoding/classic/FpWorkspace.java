package org.netsim.precoding.classic;

import org.ejml.data.ZMatrixRMaj;
import org.netsim.precoding.Problem;
import org.netsim.precoding.linalg.LanczosMaxEigenvalue;

/**
 * The per-solve state of FP and FastFP (DeepFP paper, Algorithm 1), shared by {@link FpPrecoder}: the
 * precoders, the products H_ik V_k of every UE i and BS k, the UE-side quantities of every UE and the rank-d
 * factors of every L_k.
 *
 * <p>UE side (lines 4-5 of Algorithm 1): from F_i (3) and S_i = H_ik V_i, {@link WmmseUeStep} gives
 * Y_i = D_i^{-1} S_i (27) and I + Gamma_i with Gamma_i = S_i^H F_i^{-1} S_i (28) (the WMMSE receiver U_i and
 * weight W_i, which is the substitution of the DeepFP paper's Remark 5), their product
 * Y_i (I + Gamma_i) = F_i^{-1} S_i and a factor T_i (N_i x d_i) with T_i T_i^H = Y_i (I + Gamma_i) Y_i^H, and
 * the rate log det(I + Gamma_i). BS side: L_k = B_k^H B_k (30) with B_k = [sqrt(alpha_j) T_j^H H_jk]_j
 * stacked over all UEs j [sum_j d_j x M_k], and Lambda_i = alpha_i H_ik^H Y_i (I + Gamma_i) (26).
 *
 * <p>Layout: per BS k, planar (separate real and imaginary) row-major arrays: the stacked channels to every
 * UE [sum_i N_i x M_k] and their transpose, the precoders as rows V_k^T [c_k x M_k] (c_k = sum_{i in I_k} d_i;
 * a row is one stream's beam), G_k^T = V_k^T H_k^T [c_k x sum_i N_i] (column block i = (H_ik V_k)^T) and B_k.
 * All storage is allocated by the constructor; the iteration methods allocate nothing.
 *
 * <p>Public for the unfolded FastFP of the learned package (DeepFP paper, Section IV-C), which replaces the one
 * lambda_k per BS by a lambda per UE predicted from (Z_i, Lambda_i - L_k Z_i) ({@link #direction},
 * {@link #precoderRows}, {@link #update}). Not thread-safe.
 */
public final class FpWorkspace {

    private final int numBs;
    private final int numUe;
    private final int totalRows;     // sum_i N_i
    private final int totalStreams;  // sum_i d_i
    private final int[] m;
    private final int[] n;
    private final int[] d;
    private final int[] serving;
    private final int[] rowOff;      // first row of UE i among sum_i N_i
    private final int[] streamOff;   // first row of UE i among sum_i d_i
    private final int[] colOff;      // first stream of UE i among its BS's c_k
    private final int[] cols;        // c_k
    private final int[][] ues;
    private final double[] weight;
    private final double[] sqrtWeight;
    private final double[] noise;
    private final double[] budget;
    private final double[][] hRe;    // [k] sum N x M_k
    private final double[][] hIm;
    private final double[][] htRe;   // [k] M_k x sum N
    private final double[][] htIm;
    private final double[][] vtRe;   // [k] c_k x M_k
    private final double[][] vtIm;
    private final double[][] gtRe;   // [k] c_k x sum N
    private final double[][] gtIm;
    private final double[][] bRe;    // [k] sum d x M_k
    private final double[][] bIm;
    private final double[][] btRe;   // [k] M_k x sum d, the transpose of B_k (not conjugated)
    private final double[][] btIm;
    private final WmmseUeStep[] ueSteps;
    private final ZMatrixRMaj[] interference; // F_i            [N_i x N_i]
    private final ZMatrixRMaj[] signal;       // S_i = H_ik V_i [N_i x d_i]
    private final ZMatrixRMaj[] receiver;     // Y_i            [N_i x d_i]
    private final ZMatrixRMaj[] onePlusGamma; // I + Gamma_i    [d_i x d_i]
    private final ZMatrixRMaj[] yg;           // Y_i (I + Gamma_i) [N_i x d_i]
    private final ZMatrixRMaj[] factor;       // T_i            [N_i x d_i]
    private final double[] bzRe;     // sum d x max c_k
    private final double[] bzIm;
    private final double[] stepRe;   // max c_k x max M_k
    private final double[] stepIm;
    private final double[] uRe;      // sum d
    private final double[] invLambda; // max c_k
    private int directionBs = -1;    // the BS whose direction stepRe/stepIm hold, or -1
    private final double[] uIm;

    /** @param problem not modified; its channels are copied into the workspace layout */
    public FpWorkspace(Problem problem) {
        numBs = problem.numBs();
        numUe = problem.numUe();
        m = new int[numBs];
        budget = new double[numBs];
        cols = new int[numBs];
        ues = new int[numBs][];
        for (int k = 0; k < numBs; k++) {
            m[k] = problem.bsAntennas(k);
            budget[k] = problem.bsPowerW(k);
            ues[k] = problem.uesOf(k);
        }
        n = new int[numUe];
        d = new int[numUe];
        serving = new int[numUe];
        rowOff = new int[numUe];
        streamOff = new int[numUe];
        colOff = new int[numUe];
        weight = new double[numUe];
        sqrtWeight = new double[numUe];
        noise = new double[numUe];
        ueSteps = new WmmseUeStep[numUe];
        interference = new ZMatrixRMaj[numUe];
        signal = new ZMatrixRMaj[numUe];
        receiver = new ZMatrixRMaj[numUe];
        onePlusGamma = new ZMatrixRMaj[numUe];
        yg = new ZMatrixRMaj[numUe];
        factor = new ZMatrixRMaj[numUe];
        int rows = 0;
        int streams = 0;
        for (int i = 0; i < numUe; i++) {
            n[i] = problem.ueAntennas(i);
            d[i] = problem.streams(i);
            serving[i] = problem.servingBs(i);
            weight[i] = problem.weight(i);
            sqrtWeight[i] = Math.sqrt(weight[i]);
            noise[i] = problem.noisePowerW(i);
            rowOff[i] = rows;
            streamOff[i] = streams;
            colOff[i] = cols[serving[i]];
            cols[serving[i]] += d[i];
            rows += n[i];
            streams += d[i];
            ueSteps[i] = new WmmseUeStep(n[i], d[i]);
            interference[i] = new ZMatrixRMaj(n[i], n[i]);
            signal[i] = new ZMatrixRMaj(n[i], d[i]);
            receiver[i] = new ZMatrixRMaj(n[i], d[i]);
            onePlusGamma[i] = new ZMatrixRMaj(d[i], d[i]);
            yg[i] = new ZMatrixRMaj(n[i], d[i]);
            factor[i] = new ZMatrixRMaj(n[i], d[i]);
        }
        totalRows = rows;
        totalStreams = streams;
        int maxM = 1;
        int maxC = 1;
        hRe = new double[numBs][];
        hIm = new double[numBs][];
        htRe = new double[numBs][];
        htIm = new double[numBs][];
        vtRe = new double[numBs][];
        vtIm = new double[numBs][];
        gtRe = new double[numBs][];
        gtIm = new double[numBs][];
        bRe = new double[numBs][];
        bIm = new double[numBs][];
        btRe = new double[numBs][];
        btIm = new double[numBs][];
        for (int k = 0; k < numBs; k++) {
            int mk = m[k];
            maxM = Math.max(maxM, mk);
            maxC = Math.max(maxC, cols[k]);
            hRe[k] = new double[rows * mk];
            hIm[k] = new double[rows * mk];
            htRe[k] = new double[mk * rows];
            htIm[k] = new double[mk * rows];
            for (int i = 0; i < numUe; i++) {
                double[] h = problem.channel(i, k).data;
                for (int a = 0; a < n[i]; a++) {
                    int r = rowOff[i] + a;
                    for (int p = 0; p < mk; p++) {
                        double re = h[(a * mk + p) * 2];
                        double im = h[(a * mk + p) * 2 + 1];
                        hRe[k][r * mk + p] = re;
                        hIm[k][r * mk + p] = im;
                        htRe[k][p * rows + r] = re;
                        htIm[k][p * rows + r] = im;
                    }
                }
            }
            vtRe[k] = new double[cols[k] * mk];
            vtIm[k] = new double[cols[k] * mk];
            gtRe[k] = new double[cols[k] * rows];
            gtIm[k] = new double[cols[k] * rows];
            bRe[k] = new double[cols[k] == 0 ? 0 : streams * mk];
            bIm[k] = new double[cols[k] == 0 ? 0 : streams * mk];
            btRe[k] = new double[cols[k] == 0 ? 0 : streams * mk];
            btIm[k] = new double[cols[k] == 0 ? 0 : streams * mk];
        }
        bzRe = new double[streams * maxC];
        bzIm = new double[streams * maxC];
        stepRe = new double[maxC * maxM];
        stepIm = new double[maxC * maxM];
        uRe = new double[streams];
        invLambda = new double[maxC];
        uIm = new double[streams];
    }

    /** @return c_k = sum_{i in I_k} d_i, the number of streams BS k sends */
    public int cols(int k) {
        return cols[k];
    }

    /** @return the first column of UE i's streams among its serving BS's c_k columns (rows of V_k^T) */
    public int columnOffset(int i) {
        return colOff[i];
    }

    /** Sets every V_i (M_k x d_i; not modified). */
    public void setPrecoders(ZMatrixRMaj[] v) {
        for (int i = 0; i < numUe; i++) {
            setPrecoder(i, v[i]);
        }
    }

    /** Sets V_i (M_k x d_i; not modified). */
    void setPrecoder(int i, ZMatrixRMaj v) {
        int k = serving[i];
        int mk = m[k];
        for (int s = 0; s < d[i]; s++) {
            int row = (colOff[i] + s) * mk;
            for (int p = 0; p < mk; p++) {
                vtRe[k][row + p] = v.data[(p * d[i] + s) * 2];
                vtIm[k][row + p] = v.data[(p * d[i] + s) * 2 + 1];
            }
        }
    }

    /** @return new matrices V_i (M_k x d_i) holding the current precoders */
    public ZMatrixRMaj[] precoders() {
        ZMatrixRMaj[] v = new ZMatrixRMaj[numUe];
        for (int i = 0; i < numUe; i++) {
            int k = serving[i];
            int mk = m[k];
            v[i] = new ZMatrixRMaj(mk, d[i]);
            for (int s = 0; s < d[i]; s++) {
                int row = (colOff[i] + s) * mk;
                for (int p = 0; p < mk; p++) {
                    v[i].data[(p * d[i] + s) * 2] = vtRe[k][row + p];
                    v[i].data[(p * d[i] + s) * 2 + 1] = vtIm[k][row + p];
                }
            }
        }
        return v;
    }

    /**
     * From the current precoders: H_k V_k for every BS, then per UE F_i (3), S_i, and the UE step giving
     * Y_i (27), I + Gamma_i (28), Y_i (I + Gamma_i) and T_i; then the factors B_k.
     *
     * @return the weighted sum rate of the current precoders, sum_i alpha_i log det(I + Gamma_i), in nat/s/Hz
     * @throws org.netsim.precoding.linalg.DecompositionException if some F_i is not numerically positive
     *     definite
     */
    public double refresh() {
        directionBs = -1;
        for (int k = 0; k < numBs; k++) {
            if (cols[k] > 0) {
                // [c_k x sum N] = [c_k x M_k] [M_k x sum N]
                multiply(vtRe[k], vtIm[k], htRe[k], htIm[k], gtRe[k], gtIm[k], cols[k], m[k], totalRows);
            }
        }
        double wsr = 0;
        for (int i = 0; i < numUe; i++) {
            covariance(i);
            ueSteps[i].compute(interference[i], signal[i], receiver[i], onePlusGamma[i], yg[i], factor[i]);
            wsr += weight[i] * ueSteps[i].lastRateNat();
        }
        formFactors();
        return wsr;
    }

    /** F_i = sigma_i^2 I + sum over every other stream j of (H_{i k_j} v_j)(H_{i k_j} v_j)^H, and S_i. */
    private void covariance(int i) {
        int ni = n[i];
        int di = d[i];
        int r0 = rowOff[i];
        double[] f = interference[i].data;
        double[] s = signal[i].data;
        java.util.Arrays.fill(f, 0, 2 * ni * ni, 0.0);
        for (int k = 0; k < numBs; k++) {
            double[] gr = gtRe[k];
            double[] gi = gtIm[k];
            for (int j = 0; j < cols[k]; j++) {
                int base = j * totalRows + r0;
                if (k == serving[i] && j >= colOff[i] && j < colOff[i] + di) {
                    int col = j - colOff[i];
                    for (int a = 0; a < ni; a++) {
                        s[(a * di + col) * 2] = gr[base + a];
                        s[(a * di + col) * 2 + 1] = gi[base + a];
                    }
                    continue;
                }
                // lower triangle of F += g g^H, g = H_ik v_j seen by UE i
                for (int a = 0; a < ni; a++) {
                    double xr = gr[base + a];
                    double xi = gi[base + a];
                    for (int b = 0; b <= a; b++) {
                        double yr = gr[base + b];
                        double yi = gi[base + b];
                        f[(a * ni + b) * 2] += xr * yr + xi * yi;
                        f[(a * ni + b) * 2 + 1] += xi * yr - xr * yi;
                    }
                }
            }
        }
        for (int a = 0; a < ni; a++) {
            f[(a * ni + a) * 2] += noise[i];
            f[(a * ni + a) * 2 + 1] = 0.0;
            for (int b = 0; b < a; b++) {
                f[(b * ni + a) * 2] = f[(a * ni + b) * 2];
                f[(b * ni + a) * 2 + 1] = -f[(a * ni + b) * 2 + 1];
            }
        }
    }

    /** B_k = [sqrt(alpha_j) T_j^H H_jk] stacked over every UE j, for every BS k that serves someone. */
    private void formFactors() {
        for (int k = 0; k < numBs; k++) {
            if (cols[k] == 0) {
                continue;
            }
            int mk = m[k];
            double[] br = bRe[k];
            double[] bi = bIm[k];
            double[] hr = hRe[k];
            double[] hi = hIm[k];
            java.util.Arrays.fill(br, 0.0);
            java.util.Arrays.fill(bi, 0.0);
            for (int j = 0; j < numUe; j++) {
                double[] t = factor[j].data;
                int dj = d[j];
                for (int s = 0; s < dj; s++) {
                    int q = (streamOff[j] + s) * mk;
                    for (int a = 0; a < n[j]; a++) {
                        // sqrt(alpha_j) conj(T_j[a][s]) times row a of H_jk
                        double cr = sqrtWeight[j] * t[(a * dj + s) * 2];
                        double ci = -sqrtWeight[j] * t[(a * dj + s) * 2 + 1];
                        int h = (rowOff[j] + a) * mk;
                        for (int p = 0; p < mk; p++) {
                            br[q + p] += cr * hr[h + p] - ci * hi[h + p];
                            bi[q + p] += cr * hi[h + p] + ci * hr[h + p];
                        }
                    }
                }
            }
            double[] tr = btRe[k];
            double[] ti = btIm[k];
            for (int q = 0; q < totalStreams; q++) {
                for (int p = 0; p < mk; p++) {
                    tr[p * totalStreams + q] = br[q * mk + p];
                    ti[p * totalStreams + q] = bi[q * mk + p];
                }
            }
        }
    }

    /**
     * The FastFP update of BS k's precoders, eqs. (36)-(38): Vhat = Z + (Lambda - L_k Z) / lambda with Z the
     * current V, then the scaling (37). Needs {@link #refresh()} of the current precoders. A non-positive
     * lambda (L_k = 0, hence Lambda = 0) leaves V unchanged.
     */
    void fastFpStep(int k, double lambda) {
        int c = cols[k];
        if (c == 0 || !(lambda > 0)) {
            return;
        }
        computeDirection(k);
        java.util.Arrays.fill(invLambda, 0, c, 1.0 / lambda);
        applyStep(k, invLambda);
        directionBs = -1;
    }

    /**
     * (Lambda_i - L_k Z_i)^T for every UE i of BS k (Z = the current V), the direction of (38), as rows
     * [c_k x M_k] (row {@link #columnOffset}(i) + s = stream s of UE i) into {@code outRe/outIm[0 .. c_k M_k)}.
     * Needs {@link #refresh()} of the current precoders.
     */
    public void direction(int k, double[] outRe, double[] outIm) {
        int n = cols[k] * m[k];
        if (cols[k] == 0) {
            return;
        }
        computeDirection(k);
        System.arraycopy(stepRe, 0, outRe, 0, n);
        System.arraycopy(stepIm, 0, outIm, 0, n);
    }

    /** V_k^T [c_k x M_k] (same row layout as {@link #direction}) into {@code outRe/outIm[0 .. c_k M_k)}. */
    public void precoderRows(int k, double[] outRe, double[] outIm) {
        int n = cols[k] * m[k];
        System.arraycopy(vtRe[k], 0, outRe, 0, n);
        System.arraycopy(vtIm[k], 0, outIm, 0, n);
    }

    /**
     * The update (38) with one inverse step 1 / lambda per column (stream) of BS k, then the scaling (37):
     * row c of V_k^T += invLambda[c] (Lambda - L_k Z)^T row c. Needs {@link #refresh()} of the current precoders;
     * reuses the direction of a preceding {@link #direction} call for the same BS (no other BS in between).
     *
     * @param invLambda [c_k] the inverse steps 1 / lambda per column, finite; not modified
     */
    public void update(int k, double[] invLambda) {
        if (cols[k] == 0) {
            return;
        }
        if (directionBs != k) {
            computeDirection(k);
        }
        applyStep(k, invLambda);
        directionBs = -1;
    }

    /** (Lambda - L_k Z)^T of BS k into stepRe/stepIm. */
    private void computeDirection(int k) {
        directionBs = k;
        int c = cols[k];
        int mk = m[k];
        // B_k Z: row (j, s) = sqrt(alpha_j) T_j[:, s]^H (H_jk V_k), read from G_k^T     [sum d x c_k]
        double[] gr = gtRe[k];
        double[] gi = gtIm[k];
        for (int j = 0; j < numUe; j++) {
            double[] t = factor[j].data;
            int dj = d[j];
            for (int s = 0; s < dj; s++) {
                int q = (streamOff[j] + s) * c;
                for (int col = 0; col < c; col++) {
                    double re = 0;
                    double im = 0;
                    int base = col * totalRows + rowOff[j];
                    for (int a = 0; a < n[j]; a++) {
                        double tr = t[(a * dj + s) * 2];
                        double ti = t[(a * dj + s) * 2 + 1];
                        double xr = gr[base + a];
                        double xi = gi[base + a];
                        re += tr * xr + ti * xi;
                        im += tr * xi - ti * xr;
                    }
                    bzRe[q + col] = sqrtWeight[j] * re;
                    bzIm[q + col] = sqrtWeight[j] * im;
                }
            }
        }
        // Lambda^T: row (i, s) = alpha_i sum_a (Y_i (I + Gamma_i))[a][s] conj(row a of H_ik)   [c_k x M_k]
        double[] hr = hRe[k];
        double[] hi = hIm[k];
        java.util.Arrays.fill(stepRe, 0, c * mk, 0.0);
        java.util.Arrays.fill(stepIm, 0, c * mk, 0.0);
        for (int i : ues[k]) {
            double[] x = yg[i].data;
            int di = d[i];
            for (int s = 0; s < di; s++) {
                int row = (colOff[i] + s) * mk;
                for (int a = 0; a < n[i]; a++) {
                    double cr = weight[i] * x[(a * di + s) * 2];
                    double ci = weight[i] * x[(a * di + s) * 2 + 1];
                    int h = (rowOff[i] + a) * mk;
                    for (int p = 0; p < mk; p++) {
                        double zr = hr[h + p];
                        double zi = hi[h + p];
                        stepRe[row + p] += cr * zr + ci * zi;
                        stepIm[row + p] += ci * zr - cr * zi;
                    }
                }
            }
        }
        // (Lambda - L_k Z)^T = Lambda^T - (B_k Z)^T conj(B_k)                                [c_k x M_k]
        double[] br = bRe[k];
        double[] bi = bIm[k];
        for (int q = 0; q < totalStreams; q++) {
            int bq = q * mk;
            for (int col = 0; col < c; col++) {
                double cr = bzRe[q * c + col];
                double ci = bzIm[q * c + col];
                int row = col * mk;
                for (int p = 0; p < mk; p++) {
                    double xr = br[bq + p];
                    double xi = bi[bq + p];
                    stepRe[row + p] -= cr * xr + ci * xi;
                    stepIm[row + p] -= ci * xr - cr * xi;
                }
            }
        }
    }

    /** V_k^T += invLambda[row] stepRe/Im rows, then scaling (37) of BS k. */
    private void applyStep(int k, double[] invLambda) {
        int c = cols[k];
        int mk = m[k];
        double[] vr = vtRe[k];
        double[] vi = vtIm[k];
        double power = 0;
        for (int e = 0; e < c * mk; e++) {
            double inv = invLambda[e / mk];
            vr[e] += inv * stepRe[e];
            vi[e] += inv * stepIm[e];
            power += vr[e] * vr[e] + vi[e] * vi[e];
        }
        if (power > budget[k]) {
            double scale = Math.sqrt(budget[k] / power);
            for (int e = 0; e < c * mk; e++) {
                vr[e] *= scale;
                vi[e] *= scale;
            }
        }
    }

    /** @return the operator x -&gt; L_k x = B_k^H (B_k x) of BS k, valid after each {@link #refresh()} */
    public LanczosMaxEigenvalue.Operator gram(int k) {
        return new LanczosMaxEigenvalue.Operator() {
            @Override
            public void apply(double[] xRe, double[] xIm, int xOffset, double[] yRe, double[] yIm) {
                applyL(k, xRe, xIm, xOffset, yRe, yIm);
            }

            @Override
            public void dense(ZMatrixRMaj out) {
                denseL(k, out);
            }
        };
    }

    /** y = L_k x = B_k^H (B_k x), with x read from (xRe, xIm)[xOffset ..]; y modified (first M_k entries). */
    void applyL(int k, double[] xRe, double[] xIm, int xOffset, double[] yRe, double[] yIm) {
        int mk = m[k];
        int sd = totalStreams;
        // u = B x, accumulated over the columns of B (rows of B^T) so that the inner loop is contiguous
        double[] tr = btRe[k];
        double[] ti = btIm[k];
        java.util.Arrays.fill(uRe, 0.0);
        java.util.Arrays.fill(uIm, 0.0);
        for (int p = 0; p < mk; p++) {
            double xr = xRe[xOffset + p];
            double xi = xIm[xOffset + p];
            int row = p * sd;
            for (int q = 0; q < sd; q++) {
                uRe[q] += tr[row + q] * xr - ti[row + q] * xi;
                uIm[q] += tr[row + q] * xi + ti[row + q] * xr;
            }
        }
        double[] br = bRe[k];
        double[] bi = bIm[k];
        java.util.Arrays.fill(yRe, 0, mk, 0.0);
        java.util.Arrays.fill(yIm, 0, mk, 0.0);
        for (int q = 0; q < totalStreams; q++) {
            int bq = q * mk;
            double cr = uRe[q];
            double ci = uIm[q];
            for (int p = 0; p < mk; p++) {
                double xr = br[bq + p];
                double xi = bi[bq + p];
                yRe[p] += cr * xr + ci * xi;
                yIm[p] += ci * xr - cr * xi;
            }
        }
    }

    /**
     * L_k = B_k^H B_k (30) as a dense M_k x M_k matrix (upper triangle accumulated, then mirrored, so it is
     * exactly Hermitian); {@code out} modified (reshaped).
     */
    void denseL(int k, ZMatrixRMaj out) {
        int mk = m[k];
        out.reshape(mk, mk);
        double[] l = out.data;
        java.util.Arrays.fill(l, 0, 2 * mk * mk, 0.0);
        if (cols[k] == 0) {
            return;
        }
        double[] br = bRe[k];
        double[] bi = bIm[k];
        for (int q = 0; q < totalStreams; q++) {
            int bq = q * mk;
            for (int p = 0; p < mk; p++) {
                // conj(B[q][p]) B[q][p2] for p2 >= p
                double xr = br[bq + p];
                double xi = -bi[bq + p];
                int row = p * mk;
                for (int p2 = p; p2 < mk; p2++) {
                    double zr = br[bq + p2];
                    double zi = bi[bq + p2];
                    l[(row + p2) * 2] += xr * zr - xi * zi;
                    l[(row + p2) * 2 + 1] += xr * zi + xi * zr;
                }
            }
        }
        for (int p = 0; p < mk; p++) {
            l[(p * mk + p) * 2 + 1] = 0.0;
            for (int p2 = p + 1; p2 < mk; p2++) {
                l[(p2 * mk + p) * 2] = l[(p * mk + p2) * 2];
                l[(p2 * mk + p) * 2 + 1] = -l[(p * mk + p2) * 2 + 1];
            }
        }
    }

    /** Lambda_i = alpha_i H_ik^H Y_i (I + Gamma_i) (26) into {@code out} (M_k x d_i, reshaped). */
    void lambda(int i, ZMatrixRMaj out) {
        int k = serving[i];
        int mk = m[k];
        int di = d[i];
        out.reshape(mk, di);
        double[] hr = hRe[k];
        double[] hi = hIm[k];
        double[] x = yg[i].data;
        for (int p = 0; p < mk; p++) {
            for (int s = 0; s < di; s++) {
                double re = 0;
                double im = 0;
                for (int a = 0; a < n[i]; a++) {
                    // conj(H[a][p]) X[a][s]
                    int h = (rowOff[i] + a) * mk + p;
                    double zr = hr[h];
                    double zi = -hi[h];
                    double xr = x[(a * di + s) * 2];
                    double xi = x[(a * di + s) * 2 + 1];
                    re += zr * xr - zi * xi;
                    im += zr * xi + zi * xr;
                }
                out.data[(p * di + s) * 2] = weight[i] * re;
                out.data[(p * di + s) * 2 + 1] = weight[i] * im;
            }
        }
    }

    /** @return Y_i (27) after {@link #refresh()}; the workspace's matrix, read only */
    ZMatrixRMaj receiver(int i) {
        return receiver[i];
    }

    /** @return I + Gamma_i (28) after {@link #refresh()}; the workspace's matrix, read only */
    ZMatrixRMaj onePlusGamma(int i) {
        return onePlusGamma[i];
    }

    /** c = a b for planar row-major a [rows x inner], b [inner x cols]; c modified. */
    private static void multiply(double[] aRe, double[] aIm, double[] bRe, double[] bIm, double[] cRe,
            double[] cIm, int rows, int inner, int cols) {
        for (int r = 0; r < rows; r++) {
            int cr = r * cols;
            java.util.Arrays.fill(cRe, cr, cr + cols, 0.0);
            java.util.Arrays.fill(cIm, cr, cr + cols, 0.0);
            for (int p = 0; p < inner; p++) {
                double xr = aRe[r * inner + p];
                double xi = aIm[r * inner + p];
                int br = p * cols;
                for (int j = 0; j < cols; j++) {
                    double yr = bRe[br + j];
                    double yi = bIm[br + j];
                    cRe[cr + j] += xr * yr - xi * yi;
                    cIm[cr + j] += xr * yi + xi * yr;
                }
            }
        }
    }
}
