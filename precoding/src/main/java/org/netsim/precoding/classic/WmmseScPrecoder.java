package org.netsim.precoding.classic;

import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import org.netsim.precoding.Init;
import org.netsim.precoding.InitialPrecoders;
import org.netsim.precoding.Precoder;
import org.netsim.precoding.PrecoderOptions;
import org.netsim.precoding.Problem;
import org.netsim.precoding.Solution;
import org.netsim.precoding.StoppingRule;
import org.netsim.precoding.linalg.ComplexOps;
import org.netsim.precoding.linalg.SmallCholesky;

/**
 * WMMSE-SC, the single-cell baseline of the DeepFP paper ("DeepFP: Deep-Unfolded Fractional Programming for
 * Massive MIMO Beamforming", §V-A: "first uses WMMSE to solve an unconstrained WSR problem, and then scales the
 * solution to satisfy the power constraint"), the algorithm that Hu et al. unfold in "Iterative Algorithm Induced
 * Deep-Unfolding Neural Networks: Precoding Design for Multiuser MIMO Systems" (IAIDNN, reference [5] there).
 *
 * <p>One BS with M antennas and budget P (watts) serves UEs i with H_i in C^{N_i x M}, noise sigma_i^2 (watts),
 * weight alpha_i and d_i streams; V_i in C^{M x d_i}. The power constraint is folded into the noise, which gives
 * the scale-invariant unconstrained problem
 * <pre>
 *   max_V  sum_i alpha_i log det(I + H_i V_i V_i^H H_i^H F_i^{-1}),
 *   F_i = sum_{j != i} H_i V_j V_j^H H_i^H + (sigma_i^2 / P) sum_j tr(V_j V_j^H) I        [N_i x N_i]
 * </pre>
 * whose value at V equals the true WSR (DeepFP paper eq. (4)) of the power-scaled precoders
 * V sqrt(P / sum_j ||V_j||_F^2), which meet the budget with equality. Block coordinate descent on its weighted-MSE
 * form (as WMMSE, DeepFP paper eq. (5)-(11), with the noise term above) iterates
 * <pre>
 *   U_i = (sum_j H_i V_j V_j^H H_i^H + (sigma_i^2/P) sum_j tr(V_j V_j^H) I)^{-1} H_i V_i          [N_i x d_i]
 *   W_i = (I - U_i^H H_i V_i)^{-1}                                                                [d_i x d_i]
 *   V_i = alpha_i A^{-1} H_i^H U_i W_i,                                                           [M x d_i]
 *   A   = sum_j alpha_j H_j^H U_j W_j U_j^H H_j + (sum_j alpha_j sigma_j^2 / P tr(U_j W_j U_j^H)) I  [M x M]
 * </pre>
 * and finally scales all V to the budget P. Each step is an exact block minimisation (the V-step is the joint
 * minimiser of a convex quadratic), so the power-scaled WSR is non-decreasing over iterations, and it is
 * scale-equivariant, so the iterate is scaled to the budget at the start of every receiver step without changing
 * the sequence of directions (this keeps the numbers bounded and makes the noise term exactly sigma_i^2 I).
 *
 * <p>Numerics: the receiver step is computed without cancellation from the interference-plus-noise covariance
 * F_i (S_i = H_i V_i): Y_i = F_i^{-1} S_i, W_i = I + S_i^H Y_i (= (I - U_i^H S_i)^{-1} by the matrix inversion
 * lemma, Hermitian and &gt;= I), U_i = Y_i W_i^{-1} (= the MMSE receiver above by the push-through identity),
 * U_i W_i = Y_i; the rate of the current iterate is R_i = log det W_i (nat/s/Hz), which gives the trace and the
 * stopping rule for free. A is Hermitian positive definite (its identity term is positive) and factored by
 * Cholesky once per iteration: the M x M inversion this method retains. All workspaces are allocated once per
 * solve; the iteration loop does not allocate.
 *
 * <p>Single cell only: a problem with more than one BS is rejected. (In a multicell network one common scale per
 * BS no longer makes the unconstrained objective equal the WSR, which is why the DeepFP paper calls the method's
 * guarantees single-cell; a multicell variant would be a different algorithm.) Initialisation from
 * {@link InitialPrecoders} (default {@link Init#mrc()}); an initial point on which no UE receives any signal
 * (H_i V_i = 0 for all i, e.g. all-zero given precoders) is a fixed point carrying no direction, and is replaced by
 * the MRC start. A zero budget gives zero precoders. Stopping: {@link StoppingRule} (at most
 * {@link PrecoderOptions#maxIterations()} iterations, the DeepFP paper uses 100; optional relative tolerance and
 * trace). No algorithm-specific options.
 */
public final class WmmseScPrecoder implements Precoder {

    /** Registry name. */
    public static final String NAME = "wmmse-sc";

    private final PrecoderOptions options;

    /** @param options common options; no algorithm-specific parameters are accepted */
    public WmmseScPrecoder(PrecoderOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("options: must not be null");
        }
        options.requireOnly(NAME);
        this.options = options;
    }

    /** Default options (100 iterations, no tolerance, no trace). */
    public WmmseScPrecoder() {
        this(PrecoderOptions.defaults());
    }

    @Override
    public String name() {
        return NAME;
    }

    /** @throws IllegalArgumentException naming {@code precoder} unless the problem has exactly one BS */
    static void requireSingleCell(String precoder, Problem problem) {
        if (problem.numBs() != 1) {
            throw new IllegalArgumentException(precoder + ": needs a single-cell problem (numBs = 1), got "
                    + problem.numBs());
        }
    }

    @Override
    public Solution solve(Problem problem, Init init) {
        requireSingleCell(NAME, problem);
        int numUe = problem.numUe();
        int m = problem.bsAntennas(0);
        double budgetW = problem.bsPowerW(0);
        int[] offset = streamOffsets(problem);
        int totalStreams = offset[numUe];
        if (budgetW == 0) {
            return zeroSolution(problem);
        }
        ZMatrixRMaj vAll = new ZMatrixRMaj(m, totalStreams); // [M x D], V_i = columns offset[i]..offset[i+1]-1
        ZMatrixRMaj[] v0 = InitialPrecoders.create(problem, init);
        if (receivedSignalPower(problem, v0) == 0) {
            v0 = InitialPrecoders.create(problem, Init.mrc());
            if (receivedSignalPower(problem, v0) == 0) {
                return zeroSolution(problem);
            }
        }
        for (int i = 0; i < numUe; i++) {
            setColumns(v0[i], vAll, offset[i]);
        }

        // workspaces, allocated once per solve
        MmseReceiver[] rx = new MmseReceiver[numUe];
        ZMatrixRMaj[] received = new ZMatrixRMaj[numUe]; // [N_i x D] H_i [V_1 ... V_I]
        ZMatrixRMaj[] hy = new ZMatrixRMaj[numUe]; // [M x d_i] alpha_i H_i^H U_i W_i, then V_i
        ZMatrixRMaj[] hu = new ZMatrixRMaj[numUe]; // [M x d_i] H_i^H U_i
        for (int i = 0; i < numUe; i++) {
            rx[i] = new MmseReceiver(problem.ueAntennas(i), problem.streams(i));
            received[i] = new ZMatrixRMaj(problem.ueAntennas(i), totalStreams);
            hy[i] = new ZMatrixRMaj(m, problem.streams(i));
            hu[i] = new ZMatrixRMaj(m, problem.streams(i));
        }
        ZMatrixRMaj a = new ZMatrixRMaj(m, m);

        StoppingRule rule = new StoppingRule(options);
        rule.start(receiverStep(problem, vAll, offset, received, rx));
        while (true) {
            transmitterStep(problem, vAll, offset, rx, hy, hu, a);
            if (rule.record(receiverStep(problem, vAll, offset, received, rx))) {
                break;
            }
        }

        ZMatrixRMaj[] v = new ZMatrixRMaj[numUe];
        for (int i = 0; i < numUe; i++) {
            v[i] = new ZMatrixRMaj(m, problem.streams(i));
            getColumns(vAll, offset[i], v[i]);
        }
        InitialPrecoders.scaleToBudget(problem, v);
        return Solution.evaluated(problem, v, rule.iterations(), rule.trace());
    }

    /**
     * Scales V to the budget, then updates every UE's U_i, W_i and returns the WSR of the scaled V in nat/s/Hz.
     * {@code vAll}, {@code received}, {@code rx} modified.
     */
    private static double receiverStep(Problem problem, ZMatrixRMaj vAll, int[] offset, ZMatrixRMaj[] received,
            MmseReceiver[] rx) {
        double budgetW = problem.bsPowerW(0);
        ComplexOps.scale(Math.sqrt(budgetW / ComplexOps.frobeniusSquared(vAll)), vAll);
        double wsr = 0;
        for (int i = 0; i < rx.length; i++) {
            ComplexOps.mult(problem.channel(i, 0), vAll, received[i]); // [N_i x D]
            // after scaling sum_j tr(V_j V_j^H) = P, so (sigma_i^2 / P) sum_j tr(V_j V_j^H) = sigma_i^2
            wsr += problem.weight(i) * rx[i].update(received[i], offset[i], problem.noisePowerW(i));
        }
        return wsr;
    }

    /** V_i = alpha_i A^{-1} H_i^H U_i W_i for every UE, written into {@code vAll}. Workspaces modified. */
    private static void transmitterStep(Problem problem, ZMatrixRMaj vAll, int[] offset, MmseReceiver[] rx,
            ZMatrixRMaj[] hy, ZMatrixRMaj[] hu, ZMatrixRMaj a) {
        double budgetW = problem.bsPowerW(0);
        java.util.Arrays.fill(a.data, 0, a.getDataLength(), 0.0);
        double identityTerm = 0;
        for (int j = 0; j < rx.length; j++) {
            ZMatrixRMaj h = problem.channel(j, 0); // [N_j x M]
            double alpha = problem.weight(j);
            ComplexOps.multAhB(h, rx[j].y, hy[j]); // [M x d_j] H_j^H U_j W_j
            ComplexOps.scale(alpha, hy[j]);
            ComplexOps.multAhB(h, rx[j].u, hu[j]); // [M x d_j] H_j^H U_j
            ComplexOps.multAddABh(hy[j], hu[j], a); // += alpha_j H_j^H U_j W_j U_j^H H_j
            identityTerm += alpha * problem.noisePowerW(j) / budgetW * rx[j].traceUwu();
        }
        ComplexOps.addIdentity(identityTerm, a);
        SmallCholesky.choleskyLower(a, a, NAME + ": transmit covariance A"); // A = L L^H in place
        for (int i = 0; i < rx.length; i++) {
            SmallCholesky.solveLeftHermitian(a, hy[i], hy[i]); // [M x d_i] alpha_i A^{-1} H_i^H U_i W_i
            setColumns(hy[i], vAll, offset[i]);
        }
    }

    /** @return sum_i ||H_i V_i||_F^2, the signal power all UEs receive from their own precoders */
    static double receivedSignalPower(Problem problem, ZMatrixRMaj[] v) {
        double s = 0;
        ZMatrixRMaj hv = new ZMatrixRMaj(1, 1);
        for (int i = 0; i < v.length; i++) {
            ComplexOps.mult(problem.servingChannel(i), v[i], hv);
            s += ComplexOps.frobeniusSquared(hv);
        }
        return s;
    }

    /** @return offsets o with UE i's streams at columns o[i] .. o[i+1]-1; o[I] = sum_i d_i */
    static int[] streamOffsets(Problem problem) {
        int[] o = new int[problem.numUe() + 1];
        for (int i = 0; i < problem.numUe(); i++) {
            o[i + 1] = o[i] + problem.streams(i);
        }
        return o;
    }

    /** @return zero precoders of the right shapes, evaluated, 0 iterations */
    static Solution zeroSolution(Problem problem) {
        ZMatrixRMaj[] v = new ZMatrixRMaj[problem.numUe()];
        for (int i = 0; i < v.length; i++) {
            v[i] = new ZMatrixRMaj(problem.bsAntennas(problem.servingBs(i)), problem.streams(i));
        }
        return Solution.evaluated(problem, v, 0, List.of());
    }

    // ---------------------------------------------------------------------------------------------------------
    // The MMSE receiver step shared with RwmmsePrecoder, and column helpers that do not allocate.

    /**
     * The receiver step of one UE, with its own workspaces: given R = G [X_1 ... X_I] in C^{N x D} (the UE's
     * received streams through its effective channel G) and the noise level nu (watts):
     * <pre>
     *   S = R[:, own columns]                                   [N x d]
     *   F = R' R'^H + nu I   (R' = R with the own columns zeroed: interference plus noise)  [N x N]
     *   Y = F^{-1} S = U W,   W = I + S^H Y,   U = Y W^{-1},   rate = log det W
     * </pre>
     * U is the MMSE receiver (R R^H + nu I)^{-1} S and W = (I - U^H S)^{-1} its MSE weight. After
     * {@link #update}, {@link #y}, {@link #u} and {@link #w} (the Cholesky factor of W) hold the results.
     */
    static final class MmseReceiver {
        final int n;
        final int d;
        /** S, the own received streams [N x d]. */
        final ZMatrixRMaj s;
        /** Cholesky factor of F [N x N]. */
        final ZMatrixRMaj f;
        /** Y = U W = F^{-1} S [N x d]. */
        final ZMatrixRMaj y;
        /** Cholesky factor of W [d x d]. */
        final ZMatrixRMaj w;
        /** U, the MMSE receiver [N x d]. */
        final ZMatrixRMaj u;

        MmseReceiver(int n, int d) {
            this.n = n;
            this.d = d;
            this.s = new ZMatrixRMaj(n, d);
            this.f = new ZMatrixRMaj(n, n);
            this.y = new ZMatrixRMaj(n, d);
            this.w = new ZMatrixRMaj(d, d);
            this.u = new ZMatrixRMaj(n, d);
        }

        /**
         * @param received R [N x D]; modified (the own columns are zeroed)
         * @param column the first of the UE's d columns in R
         * @param noiseW nu &gt; 0
         * @return the rate log det W in nat/s/Hz
         */
        double update(ZMatrixRMaj received, int column, double noiseW) {
            getColumns(received, column, s);
            zeroColumns(received, column, d);
            ComplexOps.multABh(received, received, f); // [N x N]
            ComplexOps.addIdentity(noiseW, f);
            SmallCholesky.choleskyLower(f, f, "MMSE receiver: interference-plus-noise covariance F");
            SmallCholesky.solveLeftHermitian(f, s, y); // [N x d] F^{-1} S
            ComplexOps.multAhB(s, y, w); // [d x d] S^H F^{-1} S
            ComplexOps.addIdentity(1.0, w); // W (only its lower triangle is read)
            SmallCholesky.choleskyLower(w, w, "MMSE receiver: MSE weight W");
            SmallCholesky.solveRightHermitian(w, y, u); // [N x d] Y W^{-1}
            return SmallCholesky.logDetFromFactor(w);
        }

        /** @return tr(U W U^H) = Re tr(U^H Y) */
        double traceUwu() {
            double t = 0;
            int len = u.getDataLength();
            for (int e = 0; e < len; e++) {
                t += u.data[e] * y.data[e];
            }
            return t;
        }
    }

    /** Copies the columns {@code column .. column + dst.numCols - 1} of {@code src} into {@code dst}. */
    static void getColumns(ZMatrixRMaj src, int column, ZMatrixRMaj dst) {
        int w = 2 * dst.numCols;
        for (int r = 0; r < dst.numRows; r++) {
            System.arraycopy(src.data, 2 * (r * src.numCols + column), dst.data, r * w, w);
        }
    }

    /** Writes {@code src} into the columns {@code column ..} of {@code dst}. */
    static void setColumns(ZMatrixRMaj src, ZMatrixRMaj dst, int column) {
        int w = 2 * src.numCols;
        for (int r = 0; r < src.numRows; r++) {
            System.arraycopy(src.data, r * w, dst.data, 2 * (r * dst.numCols + column), w);
        }
    }

    /** Sets {@code count} columns from {@code column} on to zero. */
    static void zeroColumns(ZMatrixRMaj a, int column, int count) {
        for (int r = 0; r < a.numRows; r++) {
            int from = 2 * (r * a.numCols + column);
            java.util.Arrays.fill(a.data, from, from + 2 * count, 0.0);
        }
    }
}
