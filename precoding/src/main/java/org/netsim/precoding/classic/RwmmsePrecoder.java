package org.netsim.precoding.classic;

import org.ejml.data.ZMatrixRMaj;
import org.netsim.precoding.Init;
import org.netsim.precoding.InitialPrecoders;
import org.netsim.precoding.Precoder;
import org.netsim.precoding.PrecoderOptions;
import org.netsim.precoding.Problem;
import org.netsim.precoding.Solution;
import org.netsim.precoding.StoppingRule;
import org.netsim.precoding.linalg.ComplexOps;
import org.netsim.precoding.linalg.HermitianEigen;
import org.netsim.precoding.linalg.PseudoInverse;
import org.netsim.precoding.linalg.SmallLu;

/**
 * RWMMSE, the reduced-dimension WMMSE of Zhao, Lu, Shi and Luo ("Rethinking WMMSE: Can its complexity scale
 * linearly with the number of BS antennas?"), as stated in the DeepFP paper ("DeepFP: Deep-Unfolded Fractional
 * Programming for Massive MIMO Beamforming", §III-B, eq. (14)-(21)); single cell (Remark 4).
 *
 * <p>Notation: the DeepFP paper calls the BS antennas N_l and the UE antennas M_lk; here one BS has M antennas and
 * budget P (watts), UE i has N_i antennas, d_i streams, noise sigma_i^2 (watts) and weight alpha_i, and
 * N = sum_i N_i. With the stacked channel and its Gram blocks
 * <pre>
 *   H = [H_1; ...; H_I]                        [N x M]                                     (14)
 *   Hb = H H^H [N x N],   Hb_i = H_i H^H        [N_i x N]   (the rows of Hb belonging to UE i)
 * </pre>
 * the precoders are sought as V_i = H^H Vb_i with Vb_i in C^{N x d_i} (the optimal WMMSE precoders lie in the row
 * space of H), so that H_i V_j = Hb_i Vb_j and tr(V_j V_j^H) = tr(Hb Vb_j Vb_j^H). Problem (15)-(16) is then the
 * scale-invariant single-cell problem of {@link WmmseScPrecoder} in the N-dimensional variable, and
 * <pre>
 *   Ub_i = Db_i^{-1} Hb_i Vb_i                                                                     (17)
 *   Wb_i = (I - Ub_i^H Hb_i Vb_i)^{-1}                                                             (18)
 *   Vb_i = alpha_i B^{-1} Hb_i^H Ub_i Wb_i,
 *   B    = sum_j (alpha_j sigma_j^2 / P) tr(M_j) Hb + sum_j alpha_j Hb_j^H M_j Hb_j,  M_j = Ub_j Wb_j Ub_j^H  (19)
 *   Db_i = sum_j Hb_i Vb_j Vb_j^H Hb_i^H + (sigma_i^2 / P) sum_j tr(Hb Vb_j Vb_j^H) I                 (20)
 * </pre>
 * (in (19) as printed, Hb_lk stands for Hb_{lk,l}, the UE's own block), and the precoders are recovered as
 * <pre>
 *   V_i = sqrt(beta) H^H Vb_i,   beta = P / sum_j ||H^H Vb_j||_F^2 = P / sum_j tr(Hb Vb_j Vb_j^H).      (21)
 * </pre>
 * Eq. (21) as printed, V = sqrt(beta) Hb Vb, has a dimension misprint: Hb Vb is N x d_i, not M x d_i; the
 * recovery is through H^H, as the change of variable above requires.
 *
 * <p>How (19) is solved: with X = blockdiag(alpha_j M_j) [N x N] and c = sum_j alpha_j sigma_j^2 / P tr(M_j),
 * B = Hb (c I + X Hb) and Hb_i^H Ub_i Wb_i = Hb E_i Ub_i Wb_i (E_i selects UE i's rows). So
 * <pre>
 *   (c I + X Hb) Vb_i = alpha_i E_i Ub_i Wb_i                                       [N x N] LU solve
 * </pre>
 * gives the unique solution of (19) when Hb is invertible (N &lt;= M, generic channels), and otherwise (N &gt; M) one
 * of its solutions, all of which give the same V_i = H^H Vb_i. The matrix c I + X Hb is invertible (X Hb is
 * similar to the positive semidefinite X^{1/2} Hb X^{1/2}, so its eigenvalues are &gt;= c &gt; 0) but not
 * Hermitian, hence LU with partial pivoting. This avoids squaring the condition number of Hb, and all matrices in
 * the loop are N x N or smaller: the complexity is independent of M except for forming Hb and recovering V once
 * (Remark 3). The receiver step (17)-(18), the in-loop scaling to the budget and the rate R_i = log det Wb_i are as
 * in {@link WmmseScPrecoder}. In exact arithmetic the RWMMSE iterates equal the WMMSE-SC iterates whenever the
 * start lies in the row space of H (e.g. MRC or ZF starts); in one cell the scaled objective is the true WSR, so
 * it is non-decreasing over iterations.
 *
 * <p>Initialisation: Vb from the {@link Init}'s V by least squares, Vb = (H H^H)^+ H V = (H^H)^+ V, so that H^H Vb
 * is the orthogonal projection of V on the row space of H (which keeps every H_i V_j, and drops only power that no
 * UE receives); (H H^H)^+ comes from the N x N eigendecomposition of Hb, so no M-sized decomposition is needed
 * (the {@link InitialPrecoders} start itself may need one per UE when d_i &lt; N_i). A start whose projection is
 * zero is replaced by the MRC start, as in {@link WmmseScPrecoder}. A zero budget gives zero precoders. Single
 * cell only (a problem with more than one BS is rejected). Stopping: {@link StoppingRule}. Workspaces are
 * allocated once per solve; the iteration loop does not allocate. No algorithm-specific options.
 */
public final class RwmmsePrecoder implements Precoder {

    /** Registry name. */
    public static final String NAME = "rwmmse";

    private final PrecoderOptions options;

    /** @param options common options; no algorithm-specific parameters are accepted */
    public RwmmsePrecoder(PrecoderOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("options: must not be null");
        }
        options.requireOnly(NAME);
        this.options = options;
    }

    /** Default options (100 iterations, no tolerance, no trace). */
    public RwmmsePrecoder() {
        this(PrecoderOptions.defaults());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Solution solve(Problem problem, Init init) {
        WmmseScPrecoder.requireSingleCell(NAME, problem);
        int numUe = problem.numUe();
        int m = problem.bsAntennas(0);
        if (problem.bsPowerW(0) == 0) {
            return WmmseScPrecoder.zeroSolution(problem);
        }
        int[] offset = WmmseScPrecoder.streamOffsets(problem);
        int totalStreams = offset[numUe];
        int[] rowOffset = new int[numUe + 1];
        for (int i = 0; i < numUe; i++) {
            rowOffset[i + 1] = rowOffset[i] + problem.ueAntennas(i);
        }
        int n = rowOffset[numUe];

        ZMatrixRMaj h = new ZMatrixRMaj(n, m); // [N x M] eq. (14)
        for (int i = 0; i < numUe; i++) {
            ZMatrixRMaj hi = problem.channel(i, 0);
            System.arraycopy(hi.data, 0, h.data, 2 * rowOffset[i] * m, hi.getDataLength());
        }
        ZMatrixRMaj gram = new ZMatrixRMaj(n, n); // [N x N] Hb = H H^H
        ComplexOps.multABh(h, h, gram);
        ZMatrixRMaj[] gramRows = new ZMatrixRMaj[numUe]; // [N_i x N] Hb_i = H_i H^H
        for (int i = 0; i < numUe; i++) {
            gramRows[i] = new ZMatrixRMaj(problem.ueAntennas(i), n);
            System.arraycopy(gram.data, 2 * rowOffset[i] * n, gramRows[i].data, 0, gramRows[i].getDataLength());
        }

        ZMatrixRMaj gramPinv = gramPseudoInverse(gram, m); // [N x N] (H H^H)^+
        ZMatrixRMaj vb = reducedStart(problem, InitialPrecoders.create(problem, init), gramPinv, h, offset);
        if (vb == null) {
            vb = reducedStart(problem, InitialPrecoders.create(problem, Init.mrc()), gramPinv, h, offset);
            if (vb == null) {
                return WmmseScPrecoder.zeroSolution(problem);
            }
        }

        // workspaces, allocated once per solve
        WmmseScPrecoder.MmseReceiver[] rx = new WmmseScPrecoder.MmseReceiver[numUe];
        ZMatrixRMaj[] received = new ZMatrixRMaj[numUe]; // [N_i x D] Hb_i Vb
        ZMatrixRMaj[] projected = new ZMatrixRMaj[numUe]; // [d_i x N] Ub_i^H Hb_i
        ZMatrixRMaj[] xRows = new ZMatrixRMaj[numUe]; // [N_i x N] alpha_i M_i Hb_i
        for (int i = 0; i < numUe; i++) {
            rx[i] = new WmmseScPrecoder.MmseReceiver(problem.ueAntennas(i), problem.streams(i));
            received[i] = new ZMatrixRMaj(problem.ueAntennas(i), totalStreams);
            projected[i] = new ZMatrixRMaj(problem.streams(i), n);
            xRows[i] = new ZMatrixRMaj(problem.ueAntennas(i), n);
        }
        ZMatrixRMaj gramVb = new ZMatrixRMaj(n, totalStreams); // [N x D] Hb Vb
        ZMatrixRMaj system = new ZMatrixRMaj(n, n); // [N x N] c I + X Hb, then its LU factors
        int[] pivots = new int[n];

        StoppingRule rule = new StoppingRule(options);
        rule.start(receiverStep(problem, vb, gram, gramVb, rowOffset, offset, received, rx));
        while (true) {
            transmitterStep(problem, vb, gramRows, rowOffset, offset, rx, projected, xRows, system, pivots);
            if (rule.record(receiverStep(problem, vb, gram, gramVb, rowOffset, offset, received, rx))) {
                break;
            }
        }

        // recovery, eq. (21) with H^H: V = sqrt(beta) H^H Vb
        ZMatrixRMaj vAll = new ZMatrixRMaj(m, totalStreams);
        ComplexOps.multAhB(h, vb, vAll); // [M x D]
        ZMatrixRMaj[] v = new ZMatrixRMaj[numUe];
        for (int i = 0; i < numUe; i++) {
            v[i] = new ZMatrixRMaj(m, problem.streams(i));
            WmmseScPrecoder.getColumns(vAll, offset[i], v[i]);
        }
        InitialPrecoders.scaleToBudget(problem, v);
        return Solution.evaluated(problem, v, rule.iterations(), rule.trace());
    }

    /**
     * @return Vb = (H H^H)^+ H [V_1 ... V_I] [N x D] (= (H^H)^+ V, least squares), or null if H^H Vb (the
     *     projection of V on the row space of H) is zero
     */
    private static ZMatrixRMaj reducedStart(Problem problem, ZMatrixRMaj[] v0, ZMatrixRMaj gramPinv, ZMatrixRMaj h,
            int[] offset) {
        int m = problem.bsAntennas(0);
        ZMatrixRMaj vAll = new ZMatrixRMaj(m, offset[problem.numUe()]);
        for (int i = 0; i < v0.length; i++) {
            WmmseScPrecoder.setColumns(v0[i], vAll, offset[i]);
        }
        ZMatrixRMaj hv = new ZMatrixRMaj(h.numRows, vAll.numCols);
        ComplexOps.mult(h, vAll, hv); // [N x D]
        ZMatrixRMaj vb = new ZMatrixRMaj(h.numRows, vAll.numCols);
        ComplexOps.mult(gramPinv, hv, vb); // [N x D]
        ZMatrixRMaj back = new ZMatrixRMaj(m, vAll.numCols);
        ComplexOps.multAhB(h, vb, back); // [M x D] projection of V on the row space of H
        return ComplexOps.frobeniusSquared(back) > 0 ? vb : null;
    }

    /**
     * Pseudo-inverse of the Gram matrix Hb = H H^H (N x N, rank &lt;= min(N, M)) from its eigendecomposition:
     * Q diag(1/lambda_j) Q^H over the min(N, M) largest eigenvalues that exceed N eps lambda_max (the
     * {@link PseudoInverse#hermitian} threshold; the rank cap drops the eigenvalues that are zero by structure
     * when N &gt; M, whatever their rounding). An N x N decomposition, independent of M.
     */
    static ZMatrixRMaj gramPseudoInverse(ZMatrixRMaj gram, int m) {
        int n = gram.numRows;
        HermitianEigen eig = new HermitianEigen(n);
        eig.decompose(gram);
        double[] lambda = eig.values();
        ZMatrixRMaj q = eig.vectors();
        double tol = n * Math.ulp(1.0) * Math.max(lambda[n - 1], 0);
        ZMatrixRMaj out = new ZMatrixRMaj(n, n);
        for (int j = n - 1; j >= Math.max(0, n - m); j--) {
            if (!(lambda[j] > tol)) {
                break;
            }
            double f = 1.0 / lambda[j];
            for (int r = 0; r < n; r++) {
                double ar = q.getReal(r, j);
                double ai = q.getImag(r, j);
                for (int c = 0; c < n; c++) {
                    double br = q.getReal(c, j);
                    double bi = q.getImag(c, j);
                    int idx = 2 * (r * n + c);
                    out.data[idx] += f * (ar * br + ai * bi); // f a conj(b)
                    out.data[idx + 1] += f * (ai * br - ar * bi);
                }
            }
        }
        return out;
    }

    /**
     * Scales Vb to the budget (beta of eq. (21)), then updates every UE's Ub_i, Wb_i (eq. (17)-(18), (20)) and
     * returns the WSR of the scaled precoders H^H Vb in nat/s/Hz. {@code vb} and the workspaces modified.
     */
    private static double receiverStep(Problem problem, ZMatrixRMaj vb, ZMatrixRMaj gram, ZMatrixRMaj gramVb,
            int[] rowOffset, int[] offset, ZMatrixRMaj[] received, WmmseScPrecoder.MmseReceiver[] rx) {
        ComplexOps.mult(gram, vb, gramVb); // [N x D] Hb Vb
        double power = 0; // sum_j tr(Vb_j^H Hb Vb_j) = sum_j ||H^H Vb_j||_F^2
        int len = vb.getDataLength();
        for (int e = 0; e < len; e++) {
            power += vb.data[e] * gramVb.data[e];
        }
        double scale = Math.sqrt(problem.bsPowerW(0) / power);
        ComplexOps.scale(scale, vb);
        ComplexOps.scale(scale, gramVb);
        int cols = gramVb.numCols;
        double wsr = 0;
        for (int i = 0; i < rx.length; i++) {
            System.arraycopy(gramVb.data, 2 * rowOffset[i] * cols, received[i].data, 0,
                    received[i].getDataLength()); // [N_i x D] Hb_i Vb
            wsr += problem.weight(i) * rx[i].update(received[i], offset[i], problem.noisePowerW(i));
        }
        return wsr;
    }

    /** Solves (c I + X Hb) Vb_i = alpha_i E_i Ub_i Wb_i for all UEs (eq. (19)); {@code vb} overwritten. */
    private static void transmitterStep(Problem problem, ZMatrixRMaj vb, ZMatrixRMaj[] gramRows, int[] rowOffset,
            int[] offset, WmmseScPrecoder.MmseReceiver[] rx, ZMatrixRMaj[] projected, ZMatrixRMaj[] xRows,
            ZMatrixRMaj system, int[] pivots) {
        double budgetW = problem.bsPowerW(0);
        int n = system.numRows;
        double c = 0;
        for (int j = 0; j < rx.length; j++) {
            double alpha = problem.weight(j);
            c += alpha * problem.noisePowerW(j) / budgetW * rx[j].traceUwu();
            ComplexOps.multAhB(rx[j].u, gramRows[j], projected[j]); // [d_j x N] Ub_j^H Hb_j
            ComplexOps.mult(rx[j].y, projected[j], xRows[j]); // [N_j x N] Ub_j Wb_j Ub_j^H Hb_j = M_j Hb_j
            ComplexOps.scale(alpha, xRows[j]);
            System.arraycopy(xRows[j].data, 0, system.data, 2 * rowOffset[j] * n, xRows[j].getDataLength());
        }
        ComplexOps.addIdentity(c, system);
        SmallLu.factorInPlace(system, pivots, NAME + ": reduced transmit system c I + X Hb");
        java.util.Arrays.fill(vb.data, 0, vb.getDataLength(), 0.0);
        int cols = vb.numCols;
        for (int i = 0; i < rx.length; i++) {
            ZMatrixRMaj y = rx[i].y; // [N_i x d_i] Ub_i Wb_i
            double alpha = problem.weight(i);
            for (int r = 0; r < y.numRows; r++) {
                int dst = 2 * ((rowOffset[i] + r) * cols + offset[i]);
                int src = 2 * r * y.numCols;
                for (int e = 0; e < 2 * y.numCols; e++) {
                    vb.data[dst + e] = alpha * y.data[src + e];
                }
            }
        }
        SmallLu.solveInPlace(system, pivots, vb);
    }
}
