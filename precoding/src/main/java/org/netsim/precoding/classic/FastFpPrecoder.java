package org.netsim.precoding.classic;

import java.util.Locale;
import java.util.SplittableRandom;
import org.ejml.data.ZMatrixRMaj;
import org.netsim.precoding.Init;
import org.netsim.precoding.InitialPrecoders;
import org.netsim.precoding.Precoder;
import org.netsim.precoding.PrecoderOptions;
import org.netsim.precoding.Problem;
import org.netsim.precoding.RateEvaluator;
import org.netsim.precoding.Solution;
import org.netsim.precoding.StoppingRule;
import org.netsim.precoding.linalg.DecompositionException;
import org.netsim.precoding.linalg.HermitianEigen;

/**
 * FastFP: fractional programming with the nonhomogeneous bound, which replaces the M_k x M_k matrix inverse and
 * the multiplier search of FP by a gradient-like step and a scaling ("DeepFP: Deep-Unfolded Fractional
 * Programming for Massive MIMO Beamforming", Section III-D and Algorithm 1).
 *
 * <p>Notation: UE i with serving BS k (the paper's user (l,k) of BS l), weight alpha_i, noise sigma_i^2 (W),
 * V_i in C^{M_k x d_i}, H_ik in C^{N_i x M_k}. Each iteration, from the current V (Algorithm 1, lines 3-6):
 * <pre>
 *   Z_i       = V_i                                                                   (36)
 *   F_i       = sigma_i^2 I + sum_{j != i} H_{i k_j} V_j V_j^H H_{i k_j}^H        [N_i x N_i]   (3)
 *   D_i       = F_i + H_ik V_i V_i^H H_ik^H                                          [N_i x N_i]   (10)
 *   Gamma_i   = V_i^H H_ik^H F_i^{-1} H_ik V_i                                       [d_i x d_i]   (28)
 *   Y_i       = D_i^{-1} H_ik V_i                                                    [N_i x d_i]   (27)
 *   Lambda_i  = alpha_i H_ik^H Y_i (I + Gamma_i)                                     [M_k x d_i]   (26)
 *   L_k       = sum_{all UEs j} alpha_j H_jk^H Y_j (I + Gamma_j) Y_j^H H_jk         [M_k x M_k]   (30)
 *   Vhat_i    = Z_i + (Lambda_i - L_k Z_i) / lambda_k                                               (38)
 *   V_i       = Vhat_i * min(1, sqrt(P_k / sum_{j in I_k} ||Vhat_j||_F^2))                          (37)
 * </pre>
 * with lambda_k = lambda_max(L_k) (eq. (34), option {@code lambda=max-eigenvalue}, the default) or
 * lambda_k = ||L_k||_F (Remark 9, {@code lambda=frobenius}, a looser bound that converges more slowly). Both
 * satisfy L_k &lt;= lambda_k I, so the surrogate (35) minorises the FP objective (25), which equals the weighted
 * sum rate after the Gamma and Y updates: the weighted sum rate never decreases (minorisation-maximisation).
 * A BS with L_k = 0 (nobody hears it) keeps its precoders.
 *
 * <p>Structure used for speed (the result is the paper's update, not an approximation): L_k = A_k^H W A_k with
 * A_k the stacked rank-d_j factors Y_j^H H_jk [sum_j d_j x M_k] and W = blockdiag(alpha_j (I + Gamma_j)), so
 * L_k Z and Lambda come from A_k without forming L_k; the products H_ik V_k are computed once per iteration and
 * give both F_i and D_i; lambda_max(L_k) comes from a Lanczos iteration on x -&gt; A_k^H W A_k x with full
 * reorthogonalisation, warm-started from the previous iteration's eigenvector and stopped when the Ritz value's
 * estimated error, min(rho, rho^2 / gap), is below {@value #LANCZOS_RELATIVE_ERROR} of it (rho the residual
 * norm, gap the distance to the second Ritz value, bracketed conservatively); see {@link MaxEigenvalue}.
 *
 * <p>Options: {@code lambda} = {@code max-eigenvalue} (default) or {@code frobenius}. Stopping: the common rule
 * ({@link StoppingRule}) on the weighted sum rate, which each iteration's covariances give for free. Units: powers
 * in watts, rates in nat/s/Hz.
 */
public final class FastFpPrecoder implements Precoder {

    /** Registry name. */
    public static final String NAME = "fastfp";
    /** Option key of the bound lambda_k. */
    public static final String LAMBDA = "lambda";
    /** Estimated relative error at which the Lanczos estimate of lambda_max(L_k) is accepted. */
    static final double LANCZOS_RELATIVE_ERROR = 1e-12;

    /** How lambda_k in (38) is chosen. */
    public enum LambdaRule {
        /** lambda_k = lambda_max(L_k), eq. (34). */
        MAX_EIGENVALUE("max-eigenvalue"),
        /** lambda_k = ||L_k||_F, Remark 9. */
        FROBENIUS("frobenius");

        private final String optionValue;

        LambdaRule(String optionValue) {
            this.optionValue = optionValue;
        }

        /** @return the value of option {@code lambda} selecting this rule */
        public String optionValue() {
            return optionValue;
        }

        static LambdaRule parse(String value) {
            for (LambdaRule r : values()) {
                if (r.optionValue.equals(value.trim().toLowerCase(Locale.ROOT))) {
                    return r;
                }
            }
            throw new IllegalArgumentException("precoder." + LAMBDA + ": must be max-eigenvalue or frobenius, got '"
                    + value + "'");
        }
    }

    private final PrecoderOptions options;
    private final LambdaRule lambdaRule;

    /**
     * @param options common options and {@code lambda}
     * @throws IllegalArgumentException naming an unknown option or a bad {@code lambda}
     */
    public FastFpPrecoder(PrecoderOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("options: must not be null");
        }
        options.requireOnly(NAME, LAMBDA);
        this.options = options;
        this.lambdaRule = LambdaRule.parse(options.get(LAMBDA, LambdaRule.MAX_EIGENVALUE.optionValue()));
    }

    /** Default options: 100 iterations, no tolerance, lambda = max-eigenvalue. */
    public FastFpPrecoder() {
        this(PrecoderOptions.defaults());
    }

    @Override
    public String name() {
        return NAME;
    }

    /** @return the rule choosing lambda_k */
    public LambdaRule lambdaRule() {
        return lambdaRule;
    }

    @Override
    public Solution solve(Problem problem, Init init) {
        ZMatrixRMaj[] v0 = InitialPrecoders.create(problem, init);
        FpWorkspace ws = new FpWorkspace(problem);
        ws.setPrecoders(v0);
        MaxEigenvalue[] eig = new MaxEigenvalue[problem.numBs()];
        MaxEigenvalue.Operator[] gram = new MaxEigenvalue.Operator[problem.numBs()];
        double[][] denseRe = new double[problem.numBs()][];
        double[][] denseIm = new double[problem.numBs()][];
        for (int k = 0; k < problem.numBs(); k++) {
            if (ws.cols(k) == 0) {
                continue;
            }
            int m = problem.bsAntennas(k);
            if (lambdaRule == LambdaRule.MAX_EIGENVALUE) {
                eig[k] = new MaxEigenvalue(m, m, LANCZOS_RELATIVE_ERROR);
                gram[k] = ws.gram(k);
            } else {
                denseRe[k] = new double[m * m];
                denseIm[k] = new double[m * m];
            }
        }
        StoppingRule rule = new StoppingRule(options);
        rule.start(ws.refresh());
        while (true) {
            ws.formFactors();
            for (int k = 0; k < problem.numBs(); k++) {
                if (ws.cols(k) == 0) {
                    continue;
                }
                double lambda;
                if (lambdaRule == LambdaRule.MAX_EIGENVALUE) {
                    lambda = eig[k].largest(gram[k]);
                } else {
                    ws.denseL(k, denseRe[k], denseIm[k]);
                    lambda = frobenius(denseRe[k], denseIm[k]);
                }
                ws.fastFpStep(k, lambda);
            }
            boolean lastWithoutRate = !rule.needsWsr() && rule.iterations() + 1 >= options.maxIterations();
            if (rule.record(lastWithoutRate ? Double.NaN : ws.refresh())) {
                break;
            }
        }
        ZMatrixRMaj[] v = ws.precoders();
        InitialPrecoders.scaleDownToBudget(problem, v);
        return new Solution(v, RateEvaluator.wsrNat(problem, v), rule.iterations(), rule.trace());
    }

    private static double frobenius(double[] re, double[] im) {
        double s = 0;
        for (int e = 0; e < re.length; e++) {
            s += re[e] * re[e] + im[e] * im[e];
        }
        return Math.sqrt(s);
    }

    /**
     * The largest eigenvalue of a Hermitian positive semidefinite operator by the Lanczos iteration with full
     * reorthogonalisation (two classical Gram-Schmidt passes per step).
     *
     * <p>After k steps the tridiagonal T_k (diagonal alpha, off-diagonal beta) has the top Ritz value theta_1
     * &lt;= lambda_max, found by Sturm-sequence bisection to rounding, with Ritz vector Q s (s from inverse
     * iteration on T_k) and residual norm rho = beta_k |s_k|. For a Hermitian operator some eigenvalue lies within
     * rho of theta_1, and within rho^2 / gap of it when gap separates theta_1 from the rest of the spectrum
     * (Kato-Temple); gap is estimated by theta_1 - theta_2, with theta_2 bracketed from above. The value is
     * accepted when min(rho, rho^2 / gap) &lt;= {@code relativeError} theta_1, when the Krylov space is invariant
     * (beta_k = 0 to rounding) or when it is the whole space (k = n, where T_k's eigenvalues are the operator's to
     * rounding). If {@code maxSteps} &lt; n steps pass first, the dense matrix is decomposed by
     * {@link HermitianEigen} instead.
     *
     * <p>The start vector is the previous call's Ritz vector (a warm start: successive L_k of FastFP differ
     * little) or, on the first call, a fixed generic vector; a warm start that finds 0 (it lay in the null space)
     * is retried from the generic vector. One instance per operator, reused across calls; allocation-free after
     * construction (except the fallback's first use). Not thread-safe.
     */
    static final class MaxEigenvalue {

        /** A Hermitian positive semidefinite operator of size n on planar (real, imaginary) vectors. */
        interface Operator {
            /**
             * y = A x, with x = (xRe, xIm)[xOffset .. xOffset + n).
             *
             * @param yRe modified
             * @param yIm modified
             */
            void apply(double[] xRe, double[] xIm, int xOffset, double[] yRe, double[] yIm);

            /** Writes the operator as a dense n x n matrix (used only by the fallback); {@code out} modified. */
            void dense(ZMatrixRMaj out);
        }

        private final int n;
        private final int maxSteps;
        private final double relativeError;
        private final double[] basisRe; // maxSteps x n, row j = q_j
        private final double[] basisIm;
        private final double[] alpha;
        private final double[] beta;
        private final double[] wRe;
        private final double[] wIm;
        private final double[] warmRe;
        private final double[] warmIm;
        private final double[] genericRe;
        private final double[] genericIm;
        private final double[] ritz;
        private final double[] multipliers;
        private final double[] rhs;
        private final double[] bracket = new double[2];
        private boolean warm;
        private int lastSteps;
        private boolean lastFallback;
        private ZMatrixRMaj dense;
        private HermitianEigen fallback;

        /**
         * @param n operator size
         * @param maxSteps Lanczos steps before falling back to a dense decomposition (n: never)
         * @param relativeError accepted estimated relative error of the eigenvalue
         */
        MaxEigenvalue(int n, int maxSteps, double relativeError) {
            if (n < 1 || maxSteps < 1 || maxSteps > n) {
                throw new IllegalArgumentException("maxSteps: need 1 <= maxSteps <= n = " + n + ", got " + maxSteps);
            }
            if (!(relativeError > 0)) {
                throw new IllegalArgumentException("relativeError: must be > 0, got " + relativeError);
            }
            this.n = n;
            this.maxSteps = maxSteps;
            this.relativeError = relativeError;
            this.basisRe = new double[maxSteps * n];
            this.basisIm = new double[maxSteps * n];
            this.alpha = new double[maxSteps];
            this.beta = new double[maxSteps];
            this.wRe = new double[n];
            this.wIm = new double[n];
            this.warmRe = new double[n];
            this.warmIm = new double[n];
            this.genericRe = new double[n];
            this.genericIm = new double[n];
            this.ritz = new double[maxSteps];
            this.multipliers = new double[maxSteps];
            this.rhs = new double[maxSteps];
            SplittableRandom rng = new SplittableRandom(0x5DEECE66DL);
            for (int p = 0; p < n; p++) {
                genericRe[p] = rng.nextDouble() - 0.5;
                genericIm[p] = rng.nextDouble() - 0.5;
            }
        }

        /** @return Lanczos steps of the last call (of its last run, if it was retried) */
        int lastSteps() {
            return lastSteps;
        }

        /** @return whether the last call used the dense fallback */
        boolean lastFallback() {
            return lastFallback;
        }

        /**
         * @param op a Hermitian positive semidefinite operator of size n; only applied (and, on fallback, densified)
         * @return its largest eigenvalue (&gt;= 0)
         */
        double largest(Operator op) {
            lastFallback = false;
            if (warm) {
                double v = run(op, warmRe, warmIm);
                if (v > 0 || lastFallback) {
                    return v;
                }
            }
            return run(op, genericRe, genericIm);
        }

        private double run(Operator op, double[] x0Re, double[] x0Im) {
            double norm0 = Math.sqrt(sumSquares(x0Re) + sumSquares(x0Im));
            for (int p = 0; p < n; p++) {
                basisRe[p] = x0Re[p] / norm0;
                basisIm[p] = x0Im[p] / norm0;
            }
            double thetaLow = Double.NEGATIVE_INFINITY;
            for (int k = 0; ; k++) {
                int qk = k * n;
                op.apply(basisRe, basisIm, qk, wRe, wIm);
                double a = 0;
                for (int p = 0; p < n; p++) {
                    a += basisRe[qk + p] * wRe[p] + basisIm[qk + p] * wIm[p];
                }
                alpha[k] = a;
                for (int p = 0; p < n; p++) {
                    wRe[p] -= a * basisRe[qk + p];
                    wIm[p] -= a * basisIm[qk + p];
                }
                if (k > 0) {
                    int qp = qk - n;
                    double b = beta[k - 1];
                    for (int p = 0; p < n; p++) {
                        wRe[p] -= b * basisRe[qp + p];
                        wIm[p] -= b * basisIm[qp + p];
                    }
                }
                reorthogonalise(k);
                double b = Math.sqrt(sumSquares(wRe) + sumSquares(wIm));
                beta[k] = b;
                int steps = k + 1;
                topRitzValue(steps, thetaLow);
                thetaLow = bracket[0];
                double thetaHigh = bracket[1];
                double theta = 0.5 * (thetaLow + thetaHigh);
                double scale = Math.max(Math.abs(theta), Double.MIN_NORMAL);
                ritzVector(steps, thetaHigh);
                double rho = b * Math.abs(ritz[steps - 1]);
                boolean accept = steps == n || b <= 1e-14 * scale || rho <= relativeError * scale;
                if (!accept && steps >= 2) {
                    double gap = thetaLow - secondRitzUpper(steps, thetaLow);
                    accept = gap > 0 && rho * rho <= relativeError * scale * gap;
                }
                if (accept) {
                    lastSteps = steps;
                    storeWarmStart(steps);
                    return Math.max(theta, 0.0);
                }
                if (steps == maxSteps) {
                    lastSteps = steps;
                    lastFallback = true;
                    warm = false;
                    if (dense == null) {
                        dense = new ZMatrixRMaj(n, n);
                        fallback = new HermitianEigen(n);
                    }
                    op.dense(dense);
                    fallback.decompose(dense);
                    return Math.max(fallback.maxValue(), 0.0);
                }
                int qn = qk + n;
                for (int p = 0; p < n; p++) {
                    basisRe[qn + p] = wRe[p] / b;
                    basisIm[qn + p] = wIm[p] / b;
                }
            }
        }

        /** w -= sum_j q_j (q_j^H w) over q_0..q_k, twice (classical Gram-Schmidt, "twice is enough"). */
        private void reorthogonalise(int k) {
            for (int pass = 0; pass < 2; pass++) {
                for (int j = 0; j <= k; j++) {
                    int qj = j * n;
                    double cr = 0;
                    double ci = 0;
                    for (int p = 0; p < n; p++) {
                        double br = basisRe[qj + p];
                        double bi = basisIm[qj + p];
                        cr += br * wRe[p] + bi * wIm[p];
                        ci += br * wIm[p] - bi * wRe[p];
                    }
                    for (int p = 0; p < n; p++) {
                        double br = basisRe[qj + p];
                        double bi = basisIm[qj + p];
                        wRe[p] -= cr * br - ci * bi;
                        wIm[p] -= cr * bi + ci * br;
                    }
                }
            }
        }

        /** The Ritz vector Q s, normalised, becomes the next call's start vector. */
        private void storeWarmStart(int steps) {
            java.util.Arrays.fill(warmRe, 0);
            java.util.Arrays.fill(warmIm, 0);
            for (int j = 0; j < steps; j++) {
                double s = ritz[j];
                int qj = j * n;
                for (int p = 0; p < n; p++) {
                    warmRe[p] += s * basisRe[qj + p];
                    warmIm[p] += s * basisIm[qj + p];
                }
            }
            double nrm = Math.sqrt(sumSquares(warmRe) + sumSquares(warmIm));
            warm = nrm > 0 && Double.isFinite(nrm);
        }

        /** @return the number of eigenvalues of T_k below x (negative LDL^T pivots of T_k - x I, Sturm) */
        private int countBelow(int k, double x, double pivmin) {
            int count = 0;
            double q = 1;
            for (int j = 0; j < k; j++) {
                q = alpha[j] - x - (j > 0 ? beta[j - 1] * beta[j - 1] / q : 0.0);
                if (Math.abs(q) < pivmin) {
                    q = -pivmin;
                }
                if (q < 0) {
                    count++;
                }
            }
            return count;
        }

        /** Brackets theta_1(T_k) into {@link #bracket} by bisection; {@code lowerBound} &lt;= theta_1 is known. */
        private void topRitzValue(int k, double lowerBound) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < k; j++) {
                double r = (j > 0 ? Math.abs(beta[j - 1]) : 0.0) + (j < k - 1 ? Math.abs(beta[j]) : 0.0);
                lo = Math.min(lo, alpha[j] - r);
                hi = Math.max(hi, alpha[j] + r);
            }
            double span = Math.max(Math.abs(lo), Math.abs(hi));
            double pivmin = Double.MIN_NORMAL * Math.max(1.0, span);
            if (lowerBound > lo && lowerBound < hi) {
                lo = lowerBound; // interlacing: theta_1(T_k) >= theta_1(T_{k-1})
            }
            double pad = 4 * Math.ulp(span) + pivmin;
            hi += pad;
            lo -= pad;
            for (int it = 0; it < 200 && hi - lo > 4 * Math.ulp(Math.max(Math.abs(lo), Math.abs(hi))); it++) {
                double mid = 0.5 * (lo + hi);
                if (countBelow(k, mid, pivmin) == k) {
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
            bracket[0] = lo;
            bracket[1] = hi;
        }

        /** @return an upper bound of theta_2(T_k), bisected until it is well below theta_1 or tight to rounding */
        private double secondRitzUpper(int k, double theta1Low) {
            double lo = Double.POSITIVE_INFINITY;
            for (int j = 0; j < k; j++) {
                double r = (j > 0 ? Math.abs(beta[j - 1]) : 0.0) + (j < k - 1 ? Math.abs(beta[j]) : 0.0);
                lo = Math.min(lo, alpha[j] - r);
            }
            double hi = theta1Low;
            double span = Math.max(Math.abs(lo), Math.abs(hi));
            double pivmin = Double.MIN_NORMAL * Math.max(1.0, span);
            lo -= 4 * Math.ulp(span) + pivmin;
            for (int it = 0; it < 200; it++) {
                double width = hi - lo;
                if (width <= 0.1 * (theta1Low - hi) || width <= 4 * Math.ulp(Math.max(Math.abs(lo), Math.abs(hi)))) {
                    break;
                }
                double mid = 0.5 * (lo + hi);
                if (countBelow(k, mid, pivmin) <= k - 2) {
                    lo = mid; // at least two eigenvalues >= mid
                } else {
                    hi = mid;
                }
            }
            return hi;
        }

        /**
         * s, the unit eigenvector of T_k for theta_1, by two inverse iterations with a shift just above theta_1:
         * shift I - T_k is then positive definite, so its LDL^T recurrence needs no pivoting.
         */
        private void ritzVector(int k, double thetaHigh) {
            double shift = thetaHigh + 4 * Math.ulp(Math.max(Math.abs(thetaHigh), Double.MIN_NORMAL));
            java.util.Arrays.fill(ritz, 0, k, 1.0);
            for (int sweep = 0; sweep < 2; sweep++) {
                double m = Math.max(shift - alpha[0], Double.MIN_NORMAL);
                multipliers[0] = k > 1 ? -beta[0] / m : 0.0;
                rhs[0] = ritz[0] / m;
                for (int j = 1; j < k; j++) {
                    double e = -beta[j - 1];
                    m = Math.max(shift - alpha[j] - e * multipliers[j - 1], Double.MIN_NORMAL);
                    multipliers[j] = j < k - 1 ? -beta[j] / m : 0.0;
                    rhs[j] = (ritz[j] - e * rhs[j - 1]) / m;
                }
                ritz[k - 1] = rhs[k - 1];
                for (int j = k - 2; j >= 0; j--) {
                    ritz[j] = rhs[j] - multipliers[j] * ritz[j + 1];
                }
                double nrm = 0;
                for (int j = 0; j < k; j++) {
                    nrm += ritz[j] * ritz[j];
                }
                nrm = Math.sqrt(nrm);
                if (!(nrm > 0) || !Double.isFinite(nrm)) {
                    // cannot happen for finite T_k; a unit last component keeps the residual test conservative
                    java.util.Arrays.fill(ritz, 0, k, 0.0);
                    ritz[k - 1] = 1.0;
                    return;
                }
                for (int j = 0; j < k; j++) {
                    ritz[j] /= nrm;
                }
            }
        }

        private static double sumSquares(double[] a) {
            double s = 0;
            for (double x : a) {
                s += x * x;
            }
            return s;
        }
    }

    /**
     * The per-solve state of FP and FastFP (DeepFP paper, Algorithm 1): the precoders, the products H_ik V_k, the
     * covariances F_i (3) and D_i (10), Gamma_i (28), Y_i (27), W_i = alpha_i (I + Gamma_i), and the rank-d factors
     * A_k = [Y_j^H H_jk]_j of L_k = A_k^H blockdiag(W_j) A_k (30), with the FastFP step (37)-(38) and the
     * operator x -&gt; L_k x. Shared by {@link FpPrecoder}, which takes L_k and Lambda_i (26) as dense matrices.
     *
     * <p>Layout: per BS k, planar (separate real and imaginary) row-major arrays: the stacked channels to every
     * UE [sum_i N_i x M_k] and their transpose, the precoders as rows V_k^T [c_k x M_k] (c_k = sum_{i in I_k} d_i;
     * row = one stream's beam), G_k^T = V_k^T H_k^T [c_k x sum_i N_i] (column block i = H_ik V_k), and A_k
     * [sum_j d_j x M_k]. Per UE, the small N_i x N_i and d_i x d_i matrices are interleaved like
     * {@link ZMatrixRMaj}. All storage is allocated by the constructor; the iteration methods allocate nothing.
     */
    static final class FpWorkspace {

        private final int numBs;
        private final int numUe;
        private final int totalRows;     // R = sum_i N_i
        private final int totalStreams;  // S = sum_i d_i
        private final int[] m;
        private final int[] n;
        private final int[] d;
        private final int[] serving;
        private final int[] rowOff;      // first row of UE i in R
        private final int[] streamOff;   // first row of UE i in S
        private final int[] colOff;      // first stream of UE i among its BS's c_k
        private final int[] cols;        // c_k
        private final int[][] ues;
        private final double[] weight;
        private final double[] noise;
        private final double[] budget;
        private final double[][] hRe;    // [k] R x M_k
        private final double[][] hIm;
        private final double[][] htRe;   // [k] M_k x R
        private final double[][] htIm;
        private final double[][] vtRe;   // [k] c_k x M_k
        private final double[][] vtIm;
        private final double[][] gtRe;   // [k] c_k x R
        private final double[][] gtIm;
        private final double[][] aRe;    // [k] S x M_k
        private final double[][] aIm;
        private final double[][] fCov;   // [i] N_i x N_i, lower triangle
        private final double[][] dCov;   // [i] N_i x N_i, lower triangle
        private final double[][] signal; // [i] H_ik V_i, N_i x d_i
        private final double[][] gamma;  // [i] d_i x d_i
        private final double[][] y;      // [i] N_i x d_i
        private final double[][] w;      // [i] alpha_i (I + Gamma_i), d_i x d_i
        private final double[] cholF;
        private final double[] cholD;
        private final double[] solve;
        private final double[] azRe;     // S x max c_k
        private final double[] azIm;
        private final double[] coefRe;   // S x max c_k
        private final double[] coefIm;
        private final double[] stepRe;   // max c_k x max M_k
        private final double[] stepIm;
        private final double[] uRe;      // S
        private final double[] uIm;
        private final double[] u2Re;     // S
        private final double[] u2Im;
        private final double[] waRe;     // S x max M_k, allocated on first dense use
        private final double[] waIm;

        /** @param problem not modified; its channels are copied into the workspace layout */
        FpWorkspace(Problem problem) {
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
            noise = new double[numUe];
            int rows = 0;
            int streams = 0;
            int maxN = 1;
            int maxD = 1;
            for (int i = 0; i < numUe; i++) {
                n[i] = problem.ueAntennas(i);
                d[i] = problem.streams(i);
                serving[i] = problem.servingBs(i);
                weight[i] = problem.weight(i);
                noise[i] = problem.noisePowerW(i);
                rowOff[i] = rows;
                streamOff[i] = streams;
                colOff[i] = cols[serving[i]];
                cols[serving[i]] += d[i];
                rows += n[i];
                streams += d[i];
                maxN = Math.max(maxN, n[i]);
                maxD = Math.max(maxD, d[i]);
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
            aRe = new double[numBs][];
            aIm = new double[numBs][];
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
                aRe[k] = new double[cols[k] == 0 ? 0 : streams * mk];
                aIm[k] = new double[cols[k] == 0 ? 0 : streams * mk];
            }
            fCov = new double[numUe][];
            dCov = new double[numUe][];
            signal = new double[numUe][];
            gamma = new double[numUe][];
            y = new double[numUe][];
            w = new double[numUe][];
            for (int i = 0; i < numUe; i++) {
                fCov[i] = new double[2 * n[i] * n[i]];
                dCov[i] = new double[2 * n[i] * n[i]];
                signal[i] = new double[2 * n[i] * d[i]];
                gamma[i] = new double[2 * d[i] * d[i]];
                y[i] = new double[2 * n[i] * d[i]];
                w[i] = new double[2 * d[i] * d[i]];
            }
            cholF = new double[2 * maxN * maxN];
            cholD = new double[2 * maxN * maxN];
            solve = new double[2 * maxN * maxD];
            azRe = new double[streams * maxC];
            azIm = new double[streams * maxC];
            coefRe = new double[streams * maxC];
            coefIm = new double[streams * maxC];
            stepRe = new double[maxC * maxM];
            stepIm = new double[maxC * maxM];
            uRe = new double[streams];
            uIm = new double[streams];
            u2Re = new double[streams];
            u2Im = new double[streams];
            waRe = new double[streams * maxM];
            waIm = new double[streams * maxM];
        }

        /** @return c_k = sum_{i in I_k} d_i, the number of streams BS k sends */
        int cols(int k) {
            return cols[k];
        }

        /** Sets every V_i (M_k x d_i, not modified). */
        void setPrecoders(ZMatrixRMaj[] v) {
            for (int i = 0; i < numUe; i++) {
                setPrecoder(i, v[i]);
            }
        }

        /** Sets V_i (M_k x d_i, not modified). */
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
        ZMatrixRMaj[] precoders() {
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
         * From the current precoders: G_k = H_k V_k for every BS, then per UE F_i (3), D_i (10), Gamma_i (28),
         * Y_i (27) and W_i = alpha_i (I + Gamma_i).
         *
         * @return the weighted sum rate of the current precoders, sum_i alpha_i (log det D_i - log det F_i), nat
         * @throws DecompositionException if a covariance is not numerically positive definite
         */
        double refresh() {
            for (int k = 0; k < numBs; k++) {
                if (cols[k] > 0) {
                    // [c_k x R] = [c_k x M_k] [M_k x R]
                    multiply(vtRe[k], vtIm[k], htRe[k], htIm[k], gtRe[k], gtIm[k], cols[k], m[k], totalRows);
                }
            }
            double wsr = 0;
            for (int i = 0; i < numUe; i++) {
                wsr += weight[i] * ueStatistics(i);
            }
            return wsr;
        }

        /** The UE-side step of UE i; returns its rate log det D_i - log det F_i. */
        private double ueStatistics(int i) {
            int ni = n[i];
            int di = d[i];
            int r0 = rowOff[i];
            double[] f = fCov[i];
            double[] s = signal[i];
            java.util.Arrays.fill(f, 0.0);
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
                    // F += g g^H, lower triangle; g = H_ik v_j restricted to UE i
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
            }
            double[] dc = dCov[i];
            for (int a = 0; a < ni; a++) {
                for (int b = 0; b <= a; b++) {
                    double re = f[(a * ni + b) * 2];
                    double im = f[(a * ni + b) * 2 + 1];
                    for (int c = 0; c < di; c++) {
                        double xr = s[(a * di + c) * 2];
                        double xi = s[(a * di + c) * 2 + 1];
                        double yr = s[(b * di + c) * 2];
                        double yi = s[(b * di + c) * 2 + 1];
                        re += xr * yr + xi * yi;
                        im += xi * yr - xr * yi;
                    }
                    dc[(a * ni + b) * 2] = re;
                    dc[(a * ni + b) * 2 + 1] = im;
                }
            }
            double logDetF = cholesky(f, cholF, ni, i, "F");
            double logDetD = cholesky(dc, cholD, ni, i, "D");
            // Gamma = T^H T with T = L_F^{-1} S, so that Gamma = S^H F^{-1} S (28)
            System.arraycopy(s, 0, solve, 0, 2 * ni * di);
            forwardSolve(cholF, ni, solve, di);
            double[] g = gamma[i];
            for (int a = 0; a < di; a++) {
                for (int b = 0; b < di; b++) {
                    double re = 0;
                    double im = 0;
                    for (int r = 0; r < ni; r++) {
                        double xr = solve[(r * di + a) * 2];
                        double xi = solve[(r * di + a) * 2 + 1];
                        double yr = solve[(r * di + b) * 2];
                        double yi = solve[(r * di + b) * 2 + 1];
                        re += xr * yr + xi * yi;
                        im += xr * yi - xi * yr;
                    }
                    g[(a * di + b) * 2] = re;
                    g[(a * di + b) * 2 + 1] = im;
                }
            }
            // Y = D^{-1} S (27)
            double[] receiver = y[i];
            System.arraycopy(s, 0, receiver, 0, 2 * ni * di);
            forwardSolve(cholD, ni, receiver, di);
            backSolve(cholD, ni, receiver, di);
            double[] wi = w[i];
            for (int e = 0; e < 2 * di * di; e++) {
                wi[e] = weight[i] * g[e];
            }
            for (int a = 0; a < di; a++) {
                wi[(a * di + a) * 2] += weight[i];
            }
            return logDetD - logDetF;
        }

        /** A_k = [Y_j^H H_jk] stacked over all UEs j, for every BS k that serves someone. */
        void formFactors() {
            for (int k = 0; k < numBs; k++) {
                if (cols[k] == 0) {
                    continue;
                }
                int mk = m[k];
                double[] ar = aRe[k];
                double[] ai = aIm[k];
                double[] hr = hRe[k];
                double[] hi = hIm[k];
                java.util.Arrays.fill(ar, 0.0);
                java.util.Arrays.fill(ai, 0.0);
                for (int j = 0; j < numUe; j++) {
                    double[] yj = y[j];
                    int dj = d[j];
                    for (int s = 0; s < dj; s++) {
                        int q = (streamOff[j] + s) * mk;
                        for (int a = 0; a < n[j]; a++) {
                            // conj(Y_j[a][s]) times row a of H_jk
                            double cr = yj[(a * dj + s) * 2];
                            double ci = -yj[(a * dj + s) * 2 + 1];
                            int h = (rowOff[j] + a) * mk;
                            for (int p = 0; p < mk; p++) {
                                ar[q + p] += cr * hr[h + p] - ci * hi[h + p];
                                ai[q + p] += cr * hi[h + p] + ci * hr[h + p];
                            }
                        }
                    }
                }
            }
        }

        /**
         * The FastFP update of BS k's precoders, eqs. (36)-(38): Vhat = Z + (Lambda - L_k Z) / lambda with Z = V,
         * then the scaling (37). Needs {@link #refresh()} and {@link #formFactors()} of the current precoders. A
         * non-positive lambda (L_k = 0, hence Lambda = 0) leaves V unchanged.
         */
        void fastFpStep(int k, double lambda) {
            int c = cols[k];
            int mk = m[k];
            if (c == 0 || !(lambda > 0)) {
                return;
            }
            // A_k Z: row (j, s) = Y_j[:, s]^H (H_jk V_k), from G_k^T        [S x c_k]
            double[] gr = gtRe[k];
            double[] gi = gtIm[k];
            for (int j = 0; j < numUe; j++) {
                double[] yj = y[j];
                int dj = d[j];
                for (int s = 0; s < dj; s++) {
                    int q = (streamOff[j] + s) * c;
                    for (int col = 0; col < c; col++) {
                        double re = 0;
                        double im = 0;
                        int base = col * totalRows + rowOff[j];
                        for (int a = 0; a < n[j]; a++) {
                            double yr = yj[(a * dj + s) * 2];
                            double yim = yj[(a * dj + s) * 2 + 1];
                            double xr = gr[base + a];
                            double xi = gi[base + a];
                            re += yr * xr + yim * xi;
                            im += yr * xi - yim * xr;
                        }
                        azRe[q + col] = re;
                        azIm[q + col] = im;
                    }
                }
            }
            // coefficients: E - W (A_k Z), E holding W_i in the block (i, i) of each UE i of BS k  [S x c_k]
            for (int j = 0; j < numUe; j++) {
                double[] wj = w[j];
                int dj = d[j];
                for (int t = 0; t < dj; t++) {
                    int q = (streamOff[j] + t) * c;
                    for (int col = 0; col < c; col++) {
                        double re = 0;
                        double im = 0;
                        for (int u = 0; u < dj; u++) {
                            double wr = wj[(t * dj + u) * 2];
                            double wim = wj[(t * dj + u) * 2 + 1];
                            int qu = (streamOff[j] + u) * c + col;
                            re += wr * azRe[qu] - wim * azIm[qu];
                            im += wr * azIm[qu] + wim * azRe[qu];
                        }
                        coefRe[q + col] = -re;
                        coefIm[q + col] = -im;
                    }
                }
            }
            for (int i : ues[k]) {
                double[] wi = w[i];
                int di = d[i];
                for (int t = 0; t < di; t++) {
                    for (int s = 0; s < di; s++) {
                        int e = (streamOff[i] + t) * c + colOff[i] + s;
                        coefRe[e] += wi[(t * di + s) * 2];
                        coefIm[e] += wi[(t * di + s) * 2 + 1];
                    }
                }
            }
            // (Lambda - L_k Z)^T = coef^T conj(A_k)                           [c_k x M_k]
            double[] ar = aRe[k];
            double[] ai = aIm[k];
            java.util.Arrays.fill(stepRe, 0, c * mk, 0.0);
            java.util.Arrays.fill(stepIm, 0, c * mk, 0.0);
            for (int q = 0; q < totalStreams; q++) {
                int aq = q * mk;
                for (int col = 0; col < c; col++) {
                    double cr = coefRe[q * c + col];
                    double ci = coefIm[q * c + col];
                    int sr = col * mk;
                    for (int p = 0; p < mk; p++) {
                        double xr = ar[aq + p];
                        double xi = ai[aq + p];
                        stepRe[sr + p] += cr * xr + ci * xi;
                        stepIm[sr + p] += ci * xr - cr * xi;
                    }
                }
            }
            double inv = 1.0 / lambda;
            double[] vr = vtRe[k];
            double[] vi = vtIm[k];
            double power = 0;
            for (int e = 0; e < c * mk; e++) {
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

        /** @return the operator x -&gt; L_k x = A_k^H W A_k x of BS k (after {@link #formFactors()}) */
        MaxEigenvalue.Operator gram(int k) {
            return new MaxEigenvalue.Operator() {
                @Override
                public void apply(double[] xRe, double[] xIm, int xOffset, double[] yRe, double[] yIm) {
                    applyL(k, xRe, xIm, xOffset, yRe, yIm);
                }

                @Override
                public void dense(ZMatrixRMaj out) {
                    int mk = m[k];
                    double[] re = new double[mk * mk];
                    double[] im = new double[mk * mk];
                    denseL(k, re, im);
                    out.reshape(mk, mk);
                    for (int e = 0; e < mk * mk; e++) {
                        out.data[2 * e] = re[e];
                        out.data[2 * e + 1] = im[e];
                    }
                }
            };
        }

        /** y = L_k x = A_k^H (W (A_k x)); x read at xOffset; y modified. */
        void applyL(int k, double[] xRe, double[] xIm, int xOffset, double[] yRe, double[] yIm) {
            int mk = m[k];
            double[] ar = aRe[k];
            double[] ai = aIm[k];
            for (int q = 0; q < totalStreams; q++) {
                int aq = q * mk;
                double re = 0;
                double im = 0;
                for (int p = 0; p < mk; p++) {
                    double xr = xRe[xOffset + p];
                    double xi = xIm[xOffset + p];
                    re += ar[aq + p] * xr - ai[aq + p] * xi;
                    im += ar[aq + p] * xi + ai[aq + p] * xr;
                }
                uRe[q] = re;
                uIm[q] = im;
            }
            applyWeights(uRe, uIm, u2Re, u2Im);
            java.util.Arrays.fill(yRe, 0, mk, 0.0);
            java.util.Arrays.fill(yIm, 0, mk, 0.0);
            for (int q = 0; q < totalStreams; q++) {
                int aq = q * mk;
                double cr = u2Re[q];
                double ci = u2Im[q];
                for (int p = 0; p < mk; p++) {
                    double xr = ar[aq + p];
                    double xi = ai[aq + p];
                    yRe[p] += cr * xr + ci * xi;
                    yIm[p] += ci * xr - cr * xi;
                }
            }
        }

        /** out = blockdiag(W_j) in, on S-vectors. */
        private void applyWeights(double[] inRe, double[] inIm, double[] outRe, double[] outIm) {
            for (int j = 0; j < numUe; j++) {
                double[] wj = w[j];
                int dj = d[j];
                int o = streamOff[j];
                for (int t = 0; t < dj; t++) {
                    double re = 0;
                    double im = 0;
                    for (int u = 0; u < dj; u++) {
                        double wr = wj[(t * dj + u) * 2];
                        double wim = wj[(t * dj + u) * 2 + 1];
                        re += wr * inRe[o + u] - wim * inIm[o + u];
                        im += wr * inIm[o + u] + wim * inRe[o + u];
                    }
                    outRe[o + t] = re;
                    outIm[o + t] = im;
                }
            }
        }

        /** L_k (30) as a dense planar M_k x M_k matrix; {@code re}, {@code im} modified. */
        void denseL(int k, double[] re, double[] im) {
            int mk = m[k];
            double[] ar = aRe[k];
            double[] ai = aIm[k];
            // W A_k                                                             [S x M_k]
            for (int j = 0; j < numUe; j++) {
                double[] wj = w[j];
                int dj = d[j];
                for (int t = 0; t < dj; t++) {
                    int q = (streamOff[j] + t) * mk;
                    java.util.Arrays.fill(waRe, q, q + mk, 0.0);
                    java.util.Arrays.fill(waIm, q, q + mk, 0.0);
                    for (int u = 0; u < dj; u++) {
                        double wr = wj[(t * dj + u) * 2];
                        double wim = wj[(t * dj + u) * 2 + 1];
                        int qu = (streamOff[j] + u) * mk;
                        for (int p = 0; p < mk; p++) {
                            waRe[q + p] += wr * ar[qu + p] - wim * ai[qu + p];
                            waIm[q + p] += wr * ai[qu + p] + wim * ar[qu + p];
                        }
                    }
                }
            }
            // L = A^H (W A)                                                     [M_k x M_k]
            java.util.Arrays.fill(re, 0, mk * mk, 0.0);
            java.util.Arrays.fill(im, 0, mk * mk, 0.0);
            for (int q = 0; q < totalStreams; q++) {
                int aq = q * mk;
                for (int p = 0; p < mk; p++) {
                    double xr = ar[aq + p];
                    double xi = -ai[aq + p];
                    int row = p * mk;
                    for (int p2 = 0; p2 < mk; p2++) {
                        double zr = waRe[aq + p2];
                        double zi = waIm[aq + p2];
                        re[row + p2] += xr * zr - xi * zi;
                        im[row + p2] += xr * zi + xi * zr;
                    }
                }
            }
        }

        /**
         * Lambda_i = alpha_i H_ik^H Y_i (I + Gamma_i) = A_ii^H W_i (26) into {@code out} (M_k x d_i, reshaped),
         * after {@link #formFactors()}.
         */
        void lambda(int i, ZMatrixRMaj out) {
            int k = serving[i];
            int mk = m[k];
            int di = d[i];
            out.reshape(mk, di);
            double[] ar = aRe[k];
            double[] ai = aIm[k];
            double[] wi = w[i];
            for (int p = 0; p < mk; p++) {
                for (int s = 0; s < di; s++) {
                    double re = 0;
                    double im = 0;
                    for (int t = 0; t < di; t++) {
                        int q = (streamOff[i] + t) * mk + p;
                        double xr = ar[q];
                        double xi = -ai[q];
                        double wr = wi[(t * di + s) * 2];
                        double wim = wi[(t * di + s) * 2 + 1];
                        re += xr * wr - xi * wim;
                        im += xr * wim + xi * wr;
                    }
                    out.data[(p * di + s) * 2] = re;
                    out.data[(p * di + s) * 2 + 1] = im;
                }
            }
        }

        /** @return Y_i (27) as a new N_i x d_i matrix (for tests and diagnostics) */
        ZMatrixRMaj receiver(int i) {
            return interleaved(y[i], n[i], d[i]);
        }

        /** @return Gamma_i (28) as a new d_i x d_i matrix (for tests and diagnostics) */
        ZMatrixRMaj gamma(int i) {
            return interleaved(gamma[i], d[i], d[i]);
        }

        private static ZMatrixRMaj interleaved(double[] data, int rows, int cols) {
            ZMatrixRMaj out = new ZMatrixRMaj(rows, cols);
            System.arraycopy(data, 0, out.data, 0, 2 * rows * cols);
            return out;
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

        /**
         * Cholesky factor a = L L^H of the Hermitian matrix whose lower triangle is {@code a} (interleaved, n x n)
         * into the lower triangle of {@code l}.
         *
         * @return log det a = 2 sum_j log L_jj
         * @throws DecompositionException naming UE i and the matrix if a pivot is not positive
         */
        private static double cholesky(double[] a, double[] l, int n, int ue, String what) {
            double logDet = 0;
            for (int j = 0; j < n; j++) {
                double s = a[(j * n + j) * 2];
                for (int q = 0; q < j; q++) {
                    double lr = l[(j * n + q) * 2];
                    double li = l[(j * n + q) * 2 + 1];
                    s -= lr * lr + li * li;
                }
                if (!(s > 0) || Double.isInfinite(s)) {
                    throw new DecompositionException("FP: covariance " + what + "_" + ue + " (" + n + "x" + n
                            + ") is not positive definite (Cholesky pivot " + s + ")");
                }
                double ljj = Math.sqrt(s);
                l[(j * n + j) * 2] = ljj;
                l[(j * n + j) * 2 + 1] = 0.0;
                logDet += 2 * Math.log(ljj);
                for (int r = j + 1; r < n; r++) {
                    double zr = a[(r * n + j) * 2];
                    double zi = a[(r * n + j) * 2 + 1];
                    for (int q = 0; q < j; q++) {
                        // z -= L[r][q] conj(L[j][q])
                        double xr = l[(r * n + q) * 2];
                        double xi = l[(r * n + q) * 2 + 1];
                        double yr = l[(j * n + q) * 2];
                        double yi = l[(j * n + q) * 2 + 1];
                        zr -= xr * yr + xi * yi;
                        zi -= xi * yr - xr * yi;
                    }
                    l[(r * n + j) * 2] = zr / ljj;
                    l[(r * n + j) * 2 + 1] = zi / ljj;
                }
            }
            return logDet;
        }

        /** x = L^{-1} x in place, x interleaved n x cols. */
        private static void forwardSolve(double[] l, int n, double[] x, int cols) {
            for (int r = 0; r < n; r++) {
                double lrr = l[(r * n + r) * 2];
                for (int c = 0; c < cols; c++) {
                    double zr = x[(r * cols + c) * 2];
                    double zi = x[(r * cols + c) * 2 + 1];
                    for (int q = 0; q < r; q++) {
                        double lr = l[(r * n + q) * 2];
                        double li = l[(r * n + q) * 2 + 1];
                        double xr = x[(q * cols + c) * 2];
                        double xi = x[(q * cols + c) * 2 + 1];
                        zr -= lr * xr - li * xi;
                        zi -= lr * xi + li * xr;
                    }
                    x[(r * cols + c) * 2] = zr / lrr;
                    x[(r * cols + c) * 2 + 1] = zi / lrr;
                }
            }
        }

        /** x = L^{-H} x in place, x interleaved n x cols. */
        private static void backSolve(double[] l, int n, double[] x, int cols) {
            for (int r = n - 1; r >= 0; r--) {
                double lrr = l[(r * n + r) * 2];
                for (int c = 0; c < cols; c++) {
                    double zr = x[(r * cols + c) * 2];
                    double zi = x[(r * cols + c) * 2 + 1];
                    for (int q = r + 1; q < n; q++) {
                        // z -= conj(L[q][r]) x[q]
                        double lr = l[(q * n + r) * 2];
                        double li = -l[(q * n + r) * 2 + 1];
                        double xr = x[(q * cols + c) * 2];
                        double xi = x[(q * cols + c) * 2 + 1];
                        zr -= lr * xr - li * xi;
                        zi -= lr * xi + li * xr;
                    }
                    x[(r * cols + c) * 2] = zr / lrr;
                    x[(r * cols + c) * 2 + 1] = zi / lrr;
                }
            }
        }
    }
}
