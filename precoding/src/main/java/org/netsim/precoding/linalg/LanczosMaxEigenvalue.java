package org.netsim.precoding.linalg;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.ejml.data.ZMatrixRMaj;

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
public final class LanczosMaxEigenvalue {

    /** A Hermitian positive semidefinite operator of size n on planar (real, imaginary) vectors. */
    public interface Operator {
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

    /** Default bound on the estimated relative error of the returned eigenvalue. */
    public static final double DEFAULT_RELATIVE_ERROR = 1e-12;
    /** Default bound on the relative residual of the top Ritz pair. */
    public static final double DEFAULT_RESIDUAL = 1e-10;

    /** An instance with the default tolerances (those FastFP uses), at most n steps. */
    public LanczosMaxEigenvalue(int n) {
        this(n, n, DEFAULT_RELATIVE_ERROR, DEFAULT_RESIDUAL);
    }

    /**
     * @param n operator size
     * @param maxSteps Lanczos steps before falling back to a dense decomposition (n: never)
     * @param relativeError accepted estimated relative error of the eigenvalue, min(rho, rho^2 / gap) / theta
     * @param residualTolerance largest accepted relative residual rho / theta (unless the space is exhausted)
     */
    public LanczosMaxEigenvalue(int n, int maxSteps, double relativeError, double residualTolerance) {
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
    public int lastSteps() {
        return lastSteps;
    }

    /** @return whether the last call used the dense fallback */
    public boolean lastFallback() {
        return lastFallback;
    }

    /**
     * @param op a Hermitian positive semidefinite operator of size n; only applied (and, on fallback, densified)
     * @return its largest eigenvalue (&gt;= 0)
     */
    public double largest(Operator op) {
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
