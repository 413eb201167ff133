package org.netsim.precoding.classic;

import java.util.Locale;
import java.util.SplittableRandom;
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
 * <p>Structure used for speed (the result is the paper's update, not an approximation): the UE side is
 * {@link WmmseUeStep} (Y_i is the WMMSE receiver U_i and I + Gamma_i the WMMSE weight W_i: the DeepFP paper's
 * Remark 5), which also gives a factor T_i with T_i T_i^H = Y_i (I + Gamma_i) Y_i^H; so L_k = B_k^H B_k with
 * B_k = [sqrt(alpha_j) T_j^H H_jk]_j stacked over all UEs [sum_j d_j x M_k], a sum of rank-d_j terms, and
 * L_k Z = B_k^H (B_k Z) never forms L_k. The products H_ik V_k are computed once per iteration and give F_i,
 * H_ik V_i and B_k Z. lambda_max(L_k) comes from a Lanczos iteration on x -&gt; B_k^H (B_k x) with full
 * reorthogonalisation, warm-started from the previous iteration's eigenvector and stopped when the Ritz pair's
 * relative residual is below {@value #LANCZOS_RESIDUAL} and its estimated relative error, min(rho, rho^2 / gap),
 * below {@value #LANCZOS_RELATIVE_ERROR} (see {@code MaxEigenvalue}, also for top clusters narrower than the
 * residual tolerance). Along FastFP iterations on random problems and the deepfp-7cell scenario the value agrees
 * with a full {@link HermitianEigen} decomposition to 1e-10 relative or better (tested; typically to rounding).
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
    /** Largest relative residual norm of the Lanczos Ritz pair accepted (resolves clusters wider than this). */
    static final double LANCZOS_RESIDUAL = 1e-10;

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
        int numBs = problem.numBs();
        FpWorkspace ws = new FpWorkspace(problem);
        ws.setPrecoders(v0);
        MaxEigenvalue[] eig = new MaxEigenvalue[numBs];
        MaxEigenvalue.Operator[] gram = new MaxEigenvalue.Operator[numBs];
        ZMatrixRMaj[] dense = new ZMatrixRMaj[numBs];
        for (int k = 0; k < numBs; k++) {
            if (ws.cols(k) == 0) {
                continue;
            }
            int m = problem.bsAntennas(k);
            if (lambdaRule == LambdaRule.MAX_EIGENVALUE) {
                eig[k] = new MaxEigenvalue(m);
                gram[k] = ws.gram(k);
            } else {
                dense[k] = new ZMatrixRMaj(m, m);
            }
        }
        StoppingRule rule = new StoppingRule(options);
        rule.start(ws.refresh());
        while (true) {
            for (int k = 0; k < numBs; k++) {
                if (ws.cols(k) == 0) {
                    continue;
                }
                double lambda;
                if (lambdaRule == LambdaRule.MAX_EIGENVALUE) {
                    lambda = eig[k].largest(gram[k]);
                } else {
                    ws.denseL(k, dense[k]);
                    lambda = Math.sqrt(ComplexOps.frobeniusSquared(dense[k]));
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
        return Solution.evaluated(problem, v, rule.iterations(), rule.trace());
    }

    /**
     * The largest eigenvalue of a Hermitian positive semidefinite operator by the Lanczos iteration with full
     * reorthogonalisation (two classical Gram-Schmidt passes per step).
     *
     * <p>After k steps the tridiagonal T_k (diagonal alpha, off-diagonal beta) has the top Ritz value theta_1
     * &lt;= lambda_max, found by Sturm-sequence bisection to rounding, with Ritz vector Q s (s from inverse
     * iteration on T_k) and residual norm rho = beta_k |s_k|. For a Hermitian operator some eigenvalue lies within
     * rho of theta_1 (Bauer-Fike), and within rho^2 / gap of it when gap separates theta_1 from the rest of the
     * spectrum (Kato-Temple); gap is estimated by theta_1 - theta_2, with theta_2 bracketed from above. The value
     * is accepted when rho &lt;= {@code residualTolerance} theta_1 and min(rho, rho^2 / gap) &lt;=
     * {@code relativeError} theta_1, or when the Krylov space is invariant (beta_k = 0 to rounding) or the whole
     * space (k = n, where T_k's eigenvalues are the operator's to rounding). If {@code maxSteps} &lt; n steps pass
     * first, the dense matrix is decomposed by {@link HermitianEigen} instead.
     *
     * <p>Accuracy: the value is lambda_max to about {@code relativeError} whenever the top eigenvalue is separated
     * from the next by more than {@code residualTolerance} (relative); the residual test makes the iteration
     * resolve wider clusters. Inside a narrower top cluster the value may be any of the cluster's eigenvalues, so
     * the error is at most the cluster's width (below {@code residualTolerance}); the same holds for any Krylov
     * method that stops before exhausting the space, which also cannot see an eigenvector its start vector is
     * (nearly) orthogonal to. (Along FastFP iterations on the deepfp-7cell scenario the value agrees with a full
     * decomposition to rounding, about 1e-15 relative.)
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
        private final double residualTolerance;
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

        /** An instance with the tolerances FastFP uses. */
        MaxEigenvalue(int n) {
            this(n, n, LANCZOS_RELATIVE_ERROR, LANCZOS_RESIDUAL);
        }

        /**
         * @param n operator size
         * @param maxSteps Lanczos steps before falling back to a dense decomposition (n: never)
         * @param relativeError accepted estimated relative error of the eigenvalue, min(rho, rho^2 / gap) / theta
         * @param residualTolerance largest accepted relative residual rho / theta (unless the space is exhausted)
         */
        MaxEigenvalue(int n, int maxSteps, double relativeError, double residualTolerance) {
            if (n < 1 || maxSteps < 1 || maxSteps > n) {
                throw new IllegalArgumentException("maxSteps: need 1 <= maxSteps <= n = " + n + ", got " + maxSteps);
            }
            if (!(relativeError > 0) || !(residualTolerance >= relativeError)) {
                throw new IllegalArgumentException("relativeError, residualTolerance: need 0 < relativeError <= "
                        + "residualTolerance, got " + relativeError + ", " + residualTolerance);
            }
            this.n = n;
            this.maxSteps = maxSteps;
            this.relativeError = relativeError;
            this.residualTolerance = residualTolerance;
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
                if (!accept && steps >= 2 && rho <= residualTolerance * scale) {
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
     */
    static final class FpWorkspace {

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
        private final double[] uIm;

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
            uIm = new double[streams];
        }

        /** @return c_k = sum_{i in I_k} d_i, the number of streams BS k sends */
        int cols(int k) {
            return cols[k];
        }

        /** Sets every V_i (M_k x d_i; not modified). */
        void setPrecoders(ZMatrixRMaj[] v) {
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
         * From the current precoders: H_k V_k for every BS, then per UE F_i (3), S_i, and the UE step giving
         * Y_i (27), I + Gamma_i (28), Y_i (I + Gamma_i) and T_i; then the factors B_k.
         *
         * @return the weighted sum rate of the current precoders, sum_i alpha_i log det(I + Gamma_i), in nat/s/Hz
         * @throws org.netsim.precoding.linalg.DecompositionException if some F_i is not numerically positive
         *     definite
         */
        double refresh() {
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
            int mk = m[k];
            if (c == 0 || !(lambda > 0)) {
                return;
            }
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

        /** @return the operator x -&gt; L_k x = B_k^H (B_k x) of BS k, valid after each {@link #refresh()} */
        MaxEigenvalue.Operator gram(int k) {
            return new MaxEigenvalue.Operator() {
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
}
