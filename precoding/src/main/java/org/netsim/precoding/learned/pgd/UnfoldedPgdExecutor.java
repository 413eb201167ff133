package org.netsim.precoding.learned.pgd;

import org.ejml.data.ZMatrixRMaj;
import org.netsim.precoding.Problem;
import org.netsim.precoding.RateEvaluator;
import org.netsim.precoding.classic.UeMeasurement;
import org.netsim.precoding.classic.WmmseBsStep;
import org.netsim.precoding.classic.WmmseUeStep;
import org.netsim.precoding.linalg.ComplexOps;

/**
 * The per-problem Java (EJML) executor of the unfolded PGD WMMSE (GCN-WMMSE paper "Coordinated Sum-Rate
 * Maximization in Multicell MU-MIMO with Deep Unrolling", §V-B), in double precision over one
 * {@link UnfoldedPgdSteps}; the batched DJL executor {@link UnfoldedPgdNetwork} computes the same layers. Layer l:
 * <pre>
 *   U_i, W_i      exact WMMSE U- and W-steps (3a), (3b) at V^(l-1)            ({@link WmmseUeStep})
 *   R_k           = sum_j alpha_j H_jk^H U_j W_j U_j^H H_jk       [M_k x M_k]   (4)
 *   V~_i          = alpha_i H_ik^H U_i W_i                         [M_k x d_i]   (5)
 *   V_i^(l,0)     = V_i^(l-1)
 *   V^_i^(l,q)    = V_i^(l,q-1) - gamma_lq (R_k V_i^(l,q-1) - V~_i)              q = 1..Q  (§V-B)
 *   V_i^(l,q)     = sqrt(P_k) V^_i^(l,q) / sqrt(max(sum_{j in I_k} ||V^_j^(l,q)||_F^2, P_k))   projection (15)
 *   V_i^(l)       = V_i^(l,Q)
 * </pre>
 * R_k V_i - V~_i is half the gradient in V_i^* of the WMMSE objective (2) for fixed U, W, i.e. of
 * sum_i tr(V_i^H R_k V_i) - 2 Re tr(V~_i^H V_i) + const; the exact V-step (3c), (3d) is this quadratic's minimiser
 * over the per-BS power set, which projected gradient descent reaches for 0 &lt; gamma &lt; 2 / lambda_max(R_k)
 * as Q grows ({@link #pgdVStep}). No mu_k and no eigendecomposition is needed.
 *
 * <p>Units: V_i in sqrt(W), P_k in W, rates in nat/s/Hz. Workspaces are allocated once per problem and reused by
 * every layer; not thread-safe.
 */
public final class UnfoldedPgdExecutor {

    private final Problem problem;
    private final UnfoldedPgdSteps steps;
    private final ZMatrixRMaj[] v;             // V_i                [M_k x d_i]
    private final ZMatrixRMaj[][] cross;       // G_ij               [N_i x d_j]
    private final ZMatrixRMaj[] interference;  // Z_i                [N_i x N_i]
    private final ZMatrixRMaj[] u;             // U_i                [N_i x d_i]
    private final ZMatrixRMaj[] w;             // W_i                [d_i x d_i]
    private final ZMatrixRMaj[] uw;            // U_i W_i            [N_i x d_i]
    private final ZMatrixRMaj[] factor;        // F_i F_i^H = U W U^H [N_i x d_i]
    private final ZMatrixRMaj[] candidate;     // V~_i               [M_k x d_i]
    private final ZMatrixRMaj[] gradient;      // R_k V_i - V~_i     [M_k x d_i]
    private final WmmseUeStep[] ueSteps;
    private final WmmseBsStep[] bsSteps;
    private final int[][] uesOf;

    /**
     * @param problem the problem; not modified
     * @param steps the step sizes (any L, Q)
     */
    public UnfoldedPgdExecutor(Problem problem, UnfoldedPgdSteps steps) {
        this.problem = problem;
        this.steps = steps;
        int numUe = problem.numUe();
        v = new ZMatrixRMaj[numUe];
        cross = new ZMatrixRMaj[numUe][numUe];
        interference = new ZMatrixRMaj[numUe];
        u = new ZMatrixRMaj[numUe];
        w = new ZMatrixRMaj[numUe];
        uw = new ZMatrixRMaj[numUe];
        factor = new ZMatrixRMaj[numUe];
        candidate = new ZMatrixRMaj[numUe];
        gradient = new ZMatrixRMaj[numUe];
        ueSteps = new WmmseUeStep[numUe];
        for (int i = 0; i < numUe; i++) {
            int n = problem.ueAntennas(i);
            int d = problem.streams(i);
            int m = problem.bsAntennas(problem.servingBs(i));
            for (int j = 0; j < numUe; j++) {
                cross[i][j] = new ZMatrixRMaj(n, problem.streams(j));
            }
            v[i] = new ZMatrixRMaj(m, d);
            interference[i] = new ZMatrixRMaj(n, n);
            u[i] = new ZMatrixRMaj(n, d);
            w[i] = new ZMatrixRMaj(d, d);
            uw[i] = new ZMatrixRMaj(n, d);
            factor[i] = new ZMatrixRMaj(n, d);
            candidate[i] = new ZMatrixRMaj(m, d);
            gradient[i] = new ZMatrixRMaj(m, d);
            ueSteps[i] = new WmmseUeStep(n, d);
        }
        bsSteps = new WmmseBsStep[problem.numBs()];
        uesOf = new int[problem.numBs()][];
        for (int k = 0; k < problem.numBs(); k++) {
            uesOf[k] = problem.uesOf(k);
            bsSteps[k] = uesOf[k].length == 0 ? null : new WmmseBsStep(problem.bsAntennas(k));
        }
    }

    /**
     * Sets V^(0).
     *
     * @param start V_i per UE, M_k x d_i, within the budgets; not modified
     */
    public void start(ZMatrixRMaj[] start) {
        RateEvaluator.checkShapes(problem, start);
        for (int i = 0; i < v.length; i++) {
            v[i].setTo(start[i]);
        }
    }

    /**
     * The UE side of layer l + 1 at the current V^(l): G_ij, Z_i, U_i, W_i, U_i W_i, F_i.
     *
     * @return the WSR of the current precoders in nat/s/Hz (sum_i alpha_i log det W_i)
     */
    public double ueSide() {
        double wsr = 0;
        for (int i = 0; i < v.length; i++) {
            UeMeasurement.measure(problem, i, v, cross[i], interference[i]);
            ueSteps[i].compute(interference[i], cross[i][i], u[i], w[i], uw[i], factor[i]);
            wsr += problem.weight(i) * ueSteps[i].lastRateNat();
        }
        return wsr;
    }

    /**
     * The BS side of layer {@code layer} (0-based): R_k, V~_i and the Q projected gradient sub-steps; call after
     * {@link #ueSide}.
     */
    public void bsSide(int layer) {
        if (layer < 0 || layer >= steps.layers()) {
            throw new IllegalArgumentException("layer: must be in 0.." + (steps.layers() - 1) + ", got " + layer);
        }
        for (int k = 0; k < problem.numBs(); k++) {
            WmmseBsStep bs = bsSteps[k];
            if (bs == null) {
                continue;
            }
            bs.resetCovariance();
            for (int j = 0; j < v.length; j++) {
                bs.addToCovariance(problem.channel(j, k), factor[j], problem.weight(j));
            }
            for (int i : uesOf[k]) {
                WmmseBsStep.candidate(problem.channel(i, k), uw[i], problem.weight(i), candidate[i]);
            }
            ZMatrixRMaj r = bs.covariance();
            for (int q = 0; q < steps.substeps(); q++) {
                pgdSubstep(r, candidate, uesOf[k], problem.bsPowerW(k), steps.gamma(layer, q), v, gradient);
            }
        }
    }

    /**
     * The largest eigenvalue of R_k over the BSs, for the U and W of the last {@link #ueSide} (the scale of the
     * step sizes: the sub-step contracts for gamma &lt; 2 / lambda_max(R_k)); allocates, not for hot loops.
     *
     * @return max_k lambda_max(R_k), in the units of R_k
     */
    public double maxCovarianceEigenvalue() {
        double max = 0;
        for (int k = 0; k < problem.numBs(); k++) {
            WmmseBsStep bs = bsSteps[k];
            if (bs == null) {
                continue;
            }
            bs.resetCovariance();
            for (int j = 0; j < v.length; j++) {
                bs.addToCovariance(problem.channel(j, k), factor[j], problem.weight(j));
            }
            max = Math.max(max, org.netsim.precoding.linalg.HermitianEigen.largestEigenvalue(bs.covariance()));
        }
        return max;
    }

    /** @return the WSR of the current precoders in nat/s/Hz (the rate evaluator) */
    public double evaluate() {
        return RateEvaluator.wsrNat(problem, v);
    }

    /** @return copies of the current precoders V_i, M_k x d_i */
    public ZMatrixRMaj[] precoders() {
        ZMatrixRMaj[] out = new ZMatrixRMaj[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i].copy();
        }
        return out;
    }

    /**
     * One projected gradient sub-step of BS k (class comment): V_i &lt;- Proj(V_i - gamma (R_k V_i - V~_i)) for
     * i in I_k, with the projection (15) onto sum_{i in I_k} ||V_i||_F^2 &lt;= P_k.
     *
     * @param r R_k, M x M Hermitian; not modified
     * @param candidates V~_i indexed by UE; not modified
     * @param ues I_k
     * @param budgetW P_k in W
     * @param gamma the step size &gt; 0
     * @param v V_i indexed by UE, the entries of I_k modified
     * @param work workspaces indexed by UE (M x d_i), the entries of I_k modified
     */
    public static void pgdSubstep(ZMatrixRMaj r, ZMatrixRMaj[] candidates, int[] ues, double budgetW, double gamma,
            ZMatrixRMaj[] v, ZMatrixRMaj[] work) {
        double used = 0;
        for (int i : ues) {
            ZMatrixRMaj g = work[i];
            ComplexOps.mult(r, v[i], g);                       // R_k V_i        [M x d]
            double[] gd = g.data;
            double[] cd = candidates[i].data;
            double[] vd = v[i].data;
            int len = g.getDataLength();
            for (int e = 0; e < len; e++) {
                vd[e] -= gamma * (gd[e] - cd[e]);              // V^ = V - gamma (R V - V~)
                used += vd[e] * vd[e];
            }
        }
        if (used > budgetW) {                                  // projection (15)
            double s = Math.sqrt(budgetW / used);
            for (int i : ues) {
                ComplexOps.scale(s, v[i]);
            }
        }
    }

    /**
     * The PGD V-step of one BS: {@code substeps} sub-steps of {@link #pgdSubstep} with one step size, from the
     * given V (the fixed-point check against the exact V-step (3c), (3d) in the tests).
     */
    public static void pgdVStep(ZMatrixRMaj r, ZMatrixRMaj[] candidates, int[] ues, double budgetW, double gamma,
            int substeps, ZMatrixRMaj[] v, ZMatrixRMaj[] work) {
        for (int q = 0; q < substeps; q++) {
            pgdSubstep(r, candidates, ues, budgetW, gamma, v, work);
        }
    }
}
