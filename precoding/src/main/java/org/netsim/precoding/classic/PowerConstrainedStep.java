package org.netsim.precoding.classic;

import java.util.Arrays;
import org.ejml.data.ZMatrixRMaj;
import org.netsim.precoding.linalg.ComplexOps;
import org.netsim.precoding.linalg.HermitianEigen;

/**
 * The BS-side precoder update under a per-BS power budget, shared by WMMSE and FP: for BS k with a Hermitian
 * positive semidefinite matrix A (M_k x M_k: the weighted uplink covariance R_k of WMMSE, or L_l of FP) and
 * candidate matrices C_i (M_k x d_i: the candidate beamformers V~_i of WMMSE or Lambda_i of FP) of its UEs i,
 * <pre>
 *   V_i = (A + mu I)^+ C_i,   mu = max { mu &gt;= 0 : (v(mu) - 1) mu = 0 },
 *   v(mu) = sum_i ||(A + mu I)^+ C_i||_F^2 / P_k = sum_m phi_m / (lambda_m + mu)^2,
 *   A = D diag(lambda) D^H,   phi_m = [D^H (sum_i C_i C_i^H) D]_mm / P_k
 * </pre>
 * (GCN-WMMSE paper "Coordinated Sum-Rate Maximization in Multicell MU-MIMO with Deep Unrolling", eq. (3c), (3d),
 * (6), (7) with the Moore-Penrose inverse of (3d); DeepFP paper eq. (9), (12), (13) and (29)). If the budget is
 * slack at mu = 0 (v(0) &lt;= 1 with the pseudo-inverse), mu = 0 and the power used may be below P_k; otherwise
 * mu &gt; 0 solves v(mu) = 1 and the budget is met with equality. mu is found by {@link MuSolver}.
 *
 * <p>Pseudo-inverse threshold at mu = 0: eigenvalues lambda_m &lt;= M eps lambda_max count as zero (the
 * candidates lie in the range of A in exact arithmetic, so their components there are rounding noise). Negative
 * eigenvalues from rounding are clamped to 0. The power constraint is always met: a final check scales the
 * precoders down if rounding left them above the budget.
 *
 * <p>An instance holds the workspace of one antenna count and reuses it: {@link #solve} allocates nothing once its
 * workspace has grown to the largest number of UEs and streams seen. Not thread-safe.
 */
public final class PowerConstrainedStep {

    /** Relative width of the final bisection bracket and relative step size at which the root finders stop. */
    static final double ROOT_RELATIVE_TOLERANCE = 1e-15;
    static final int MAX_RATIONAL_STEPS = 100;
    static final int MAX_BISECTION_STEPS = 200;

    private final int m;
    private final HermitianEigen eig;
    private final double[] lambda;
    private final double[] phi;
    private final double[] scale;
    private ZMatrixRMaj[] projected = new ZMatrixRMaj[0];
    private int lastRootSteps;
    private boolean lastFellBack;

    /** @param numBsAntennas M_k, at least 1 */
    public PowerConstrainedStep(int numBsAntennas) {
        this.m = numBsAntennas;
        this.eig = new HermitianEigen(numBsAntennas);
        this.lambda = new double[numBsAntennas];
        this.phi = new double[numBsAntennas];
        this.scale = new double[numBsAntennas];
    }

    /** @return M_k, the antenna count this instance serves */
    public int numBsAntennas() {
        return m;
    }

    /**
     * Computes V_i = (A + mu I)^+ C_i for every listed UE and returns mu.
     *
     * @param a A, M x M Hermitian positive semidefinite; not modified
     * @param candidates C_i indexed by UE (only the entries listed in {@code ues} are read), each M x d_i; not
     *     modified
     * @param ues the UEs of this BS (indices into {@code candidates} and {@code out}); may be empty
     * @param budgetW P_k in watts, &gt;= 0
     * @param solver how mu is found
     * @param out V_i indexed by UE; the listed entries are overwritten (reshaped to M x d_i); modified
     * @return mu &gt;= 0 (positive infinity for a zero budget, where every V_i = 0)
     */
    public double solve(ZMatrixRMaj a, ZMatrixRMaj[] candidates, int[] ues, double budgetW, MuSolver solver,
            ZMatrixRMaj[] out) {
        lastRootSteps = 0;
        lastFellBack = false;
        if (ues.length == 0) {
            return 0.0;
        }
        if (budgetW == 0) {
            for (int i : ues) {
                out[i].reshape(m, candidates[i].numCols);
                Arrays.fill(out[i].data, 0, out[i].getDataLength(), 0.0);
            }
            return Double.POSITIVE_INFINITY;
        }
        eig.decompose(a);
        double[] values = eig.values();
        for (int j = 0; j < m; j++) {
            lambda[j] = Math.max(values[j], 0.0);
        }
        double pinvTol = m * Math.ulp(1.0) * lambda[m - 1];
        ZMatrixRMaj d = eig.vectors();
        if (projected.length < ues.length) {
            ZMatrixRMaj[] grown = Arrays.copyOf(projected, ues.length);
            for (int j = projected.length; j < grown.length; j++) {
                grown[j] = new ZMatrixRMaj(m, 1);
            }
            projected = grown;
        }
        // Y_i = D^H C_i and phi_m = sum_i ||row m of Y_i||^2 / P
        Arrays.fill(phi, 0.0);
        double phiSum = 0;
        for (int u = 0; u < ues.length; u++) {
            ZMatrixRMaj y = projected[u];
            ComplexOps.multAhB(d, candidates[ues[u]], y); // [M x d_i]
            int cols = y.numCols;
            for (int r = 0; r < m; r++) {
                double s = 0;
                for (int c = 0; c < cols; c++) {
                    double re = y.data[(r * cols + c) * 2];
                    double im = y.data[(r * cols + c) * 2 + 1];
                    s += re * re + im * im;
                }
                phi[r] += s / budgetW;
                phiSum += s / budgetW;
            }
        }
        double mu;
        if (phiSum == 0) {
            mu = 0;
        } else if (slackAtZero(pinvTol) <= 1) {
            mu = 0;
        } else {
            mu = solver == MuSolver.RATIONAL ? rational(pinvTol, phiSum) : bisection(0, Math.sqrt(phiSum));
        }
        // V_i = D diag(1 / (lambda + mu)) Y_i (pseudo-inverse at mu = 0)
        for (int j = 0; j < m; j++) {
            double den = lambda[j] + mu;
            scale[j] = (mu == 0 && lambda[j] <= pinvTol) || den == 0 ? 0.0 : 1.0 / den;
        }
        double used = 0;
        for (int u = 0; u < ues.length; u++) {
            ZMatrixRMaj y = projected[u];
            int cols = y.numCols;
            for (int r = 0; r < m; r++) {
                double f = scale[r];
                for (int c = 0; c < cols; c++) {
                    y.data[(r * cols + c) * 2] *= f;
                    y.data[(r * cols + c) * 2 + 1] *= f;
                }
            }
            ZMatrixRMaj v = out[ues[u]];
            ComplexOps.mult(d, y, v); // [M x d_i]
            used += ComplexOps.frobeniusSquared(v);
        }
        // rounding (or a root at the bracket's feasible end that still exceeds by an ulp): scale down until the
        // computed power is within the budget
        for (int pass = 0; used > budgetW && pass < 8; pass++) {
            double f = Math.nextDown(Math.sqrt(budgetW / used));
            used = 0;
            for (int i : ues) {
                ComplexOps.scale(f, out[i]);
                used += ComplexOps.frobeniusSquared(out[i]);
            }
        }
        return mu;
    }

    /** @return v(0) with the pseudo-inverse: the sum over lambda_m &gt; tol of phi_m / lambda_m^2 */
    private double slackAtZero(double pinvTol) {
        double s = 0;
        for (int j = 0; j < m; j++) {
            if (lambda[j] > pinvTol) {
                s += phi[j] / (lambda[j] * lambda[j]);
            }
        }
        return s;
    }

    /** v(mu) = sum_m phi_m / (lambda_m + mu)^2 for mu &gt; 0. */
    private double v(double mu) {
        double s = 0;
        for (int j = 0; j < m; j++) {
            double den = lambda[j] + mu;
            s += phi[j] / (den * den);
        }
        return s;
    }

    /** GCN-WMMSE paper eq. (9), started below the root; falls back to bisection if it does not converge. */
    private double rational(double pinvTol, double phiSum) {
        double mu = lambda[0] > pinvTol ? 0.0 : Math.max(pinvTol, Double.MIN_NORMAL);
        double hi = Math.sqrt(phiSum);
        for (int p = 0; p < MAX_RATIONAL_STEPS; p++) {
            lastRootSteps++;
            double vv = 0;
            double dv = 0;
            for (int j = 0; j < m; j++) {
                double den = lambda[j] + mu;
                double t = phi[j] / (den * den);
                vv += t;
                dv -= 2 * t / den;
            }
            if (!(vv > 1)) {
                // at or past the root (only possible by rounding near it): the feasible side is reached
                return vv == 1 || p > 0 ? mu : bisection(0, mu);
            }
            double step = 2 * vv / dv * (1 - Math.sqrt(vv));
            double next = Math.max(mu + step, 0.0);
            if (!Double.isFinite(next) || next > hi) {
                break;
            }
            if (Math.abs(next - mu) <= ROOT_RELATIVE_TOLERANCE * next) {
                return next;
            }
            mu = next;
        }
        lastFellBack = true;
        return bisection(0, hi);
    }

    /** Bisection for v(mu) = 1 on [lo, hi] with v(lo) &gt; 1 &gt;= v(hi); returns the feasible end. */
    private double bisection(double lo, double hi) {
        for (int p = 0; p < MAX_BISECTION_STEPS && hi - lo > ROOT_RELATIVE_TOLERANCE * hi; p++) {
            lastRootSteps++;
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) {
                break;
            }
            if (v(mid) > 1) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    /** @return root-finder steps of the last {@link #solve} (0 when mu = 0 needed no search) */
    public int lastRootSteps() {
        return lastRootSteps;
    }

    /** @return whether the last rational root search did not converge and bisection finished it */
    public boolean lastFellBack() {
        return lastFellBack;
    }

    /** @return the eigenvalues of A (clamped at 0, ascending) from the last {@link #solve}; the instance's array */
    public double[] lastEigenvalues() {
        return lambda;
    }
}
