package org.netsim.precoding.classic;

import org.ejml.data.ZMatrixRMaj;
import org.netsim.precoding.Init;
import org.netsim.precoding.InitialPrecoders;
import org.netsim.precoding.Precoder;
import org.netsim.precoding.PrecoderOptions;
import org.netsim.precoding.Problem;
import org.netsim.precoding.Solution;
import org.netsim.precoding.StoppingRule;

/**
 * WMMSE for the multicell MU-MIMO downlink with per-BS power budgets (Shi, Razaviyayn, Luo, He, "An Iteratively
 * Weighted MMSE Approach to Distributed Sum-Utility Maximization for a MIMO Interfering Broadcast Channel", 2011),
 * as written in the GCN-WMMSE paper "Coordinated Sum-Rate Maximization in Multicell MU-MIMO with Deep Unrolling",
 * eq. (2)-(7), and the DeepFP paper, eq. (5)-(13). Block coordinate descent on the weighted MSE problem (2); one
 * iteration l is
 * <pre>
 *   UE side, every i:  U_i = J_i^{-1} H_ik V_i,  W_i = (I - V_i^H H_ik^H U_i)^{-1}           (3a), (3b)
 *   BS side, every k:  R_k = sum_j alpha_j H_jk^H U_j W_j U_j^H H_jk,  V~_i = alpha_i H_ik^H U_i W_i   (4), (5)
 *                      mu_k from (3c), (6), (7);  V_i = (R_k + mu_k I)^+ V~_i                     (3d)
 * </pre>
 * with the Moore-Penrose inverse of (3d). The two sides are {@link WmmseUeStep} and {@link WmmseBsStep}, the very
 * functions the distributed agents call. The WSR is non-decreasing over iterations from any feasible start, and
 * every per-BS budget holds (with equality whenever mu_k &gt; 0). d_i &lt; N_i streams are supported (U_i is
 * N_i x d_i, W_i is d_i x d_i).
 *
 * <p>Options: {@code mu-solver} = {@code rational} (default; GCN-WMMSE paper eq. (9)) or {@code bisection};
 * iterations and tolerance as in {@link PrecoderOptions} (the papers run 100 iterations). The UE step yields the
 * rate of the current precoders as log det W_i, so a tolerance or a trace costs no extra rate evaluation.
 */
public final class WmmsePrecoder implements Precoder {

    /** Registry name. */
    public static final String NAME = "wmmse";
    /** Option key of the mu solver. */
    public static final String MU_SOLVER = "mu-solver";

    private final PrecoderOptions options;
    private final MuSolver muSolver;

    /** @param options common options plus {@code mu-solver} */
    public WmmsePrecoder(PrecoderOptions options) {
        options.requireOnly(NAME, MU_SOLVER);
        this.options = options;
        this.muSolver = MuSolver.parse(MU_SOLVER, options.get(MU_SOLVER, MuSolver.RATIONAL.optionValue()));
    }

    /** Default options (100 iterations, rational mu solver). */
    public WmmsePrecoder() {
        this(PrecoderOptions.defaults());
    }

    @Override
    public String name() {
        return NAME;
    }

    /** @return the mu solver in use */
    public MuSolver muSolver() {
        return muSolver;
    }

    @Override
    public Solution solve(Problem problem, Init init) {
        ZMatrixRMaj[] v = InitialPrecoders.create(problem, init);
        Workspace ws = new Workspace(problem);
        StoppingRule rule = new StoppingRule(options);
        rule.start(ws.ueSide(problem, v));
        while (true) {
            ws.bsSide(problem, v, muSolver);
            boolean last = !rule.needsWsr() && rule.iterations() + 1 >= options.maxIterations();
            double wsr = last ? Double.NaN : ws.ueSide(problem, v);
            if (rule.record(wsr)) {
                break;
            }
        }
        return Solution.evaluated(problem, v, rule.iterations(), rule.trace());
    }

    /** Per-solve workspace: every matrix of one WMMSE iteration, allocated once, reused across iterations. */
    static final class Workspace {
        final ZMatrixRMaj[][] cross;     // G_ij = H_{i k_j} V_j   [N_i x d_j]
        final ZMatrixRMaj[] interference; // Z_i                  [N_i x N_i]
        final ZMatrixRMaj[] u;            // U_i                  [N_i x d_i]
        final ZMatrixRMaj[] w;            // W_i                  [d_i x d_i]
        final ZMatrixRMaj[] uw;           // U_i W_i              [N_i x d_i]
        final ZMatrixRMaj[] factor;       // F_i, F F^H = U W U^H [N_i x d_i]
        final ZMatrixRMaj[] candidate;    // V~_i                 [M_k x d_i]
        final WmmseUeStep[] ueSteps;
        final WmmseBsStep[] bsSteps;
        final int[][] uesOf;

        Workspace(Problem p) {
            int numUe = p.numUe();
            cross = new ZMatrixRMaj[numUe][numUe];
            interference = new ZMatrixRMaj[numUe];
            u = new ZMatrixRMaj[numUe];
            w = new ZMatrixRMaj[numUe];
            uw = new ZMatrixRMaj[numUe];
            factor = new ZMatrixRMaj[numUe];
            candidate = new ZMatrixRMaj[numUe];
            ueSteps = new WmmseUeStep[numUe];
            for (int i = 0; i < numUe; i++) {
                int n = p.ueAntennas(i);
                int d = p.streams(i);
                for (int j = 0; j < numUe; j++) {
                    cross[i][j] = new ZMatrixRMaj(n, p.streams(j));
                }
                interference[i] = new ZMatrixRMaj(n, n);
                u[i] = new ZMatrixRMaj(n, d);
                w[i] = new ZMatrixRMaj(d, d);
                uw[i] = new ZMatrixRMaj(n, d);
                factor[i] = new ZMatrixRMaj(n, d);
                candidate[i] = new ZMatrixRMaj(p.bsAntennas(p.servingBs(i)), d);
                ueSteps[i] = new WmmseUeStep(n, d);
            }
            bsSteps = new WmmseBsStep[p.numBs()];
            uesOf = new int[p.numBs()][];
            for (int k = 0; k < p.numBs(); k++) {
                uesOf[k] = p.uesOf(k);
                bsSteps[k] = uesOf[k].length == 0 ? null : new WmmseBsStep(p.bsAntennas(k));
            }
        }

        /**
         * The UE side for precoders v: G_ij, Z_i, then U_i, W_i, U_i W_i, F_i.
         *
         * @return the WSR of v in nat/s/Hz (sum_i alpha_i log det W_i)
         */
        double ueSide(Problem p, ZMatrixRMaj[] v) {
            int numUe = p.numUe();
            double wsr = 0;
            for (int i = 0; i < numUe; i++) {
                UeMeasurement.measure(p, i, v, cross[i], interference[i]);
                ueSteps[i].compute(interference[i], cross[i][i], u[i], w[i], uw[i], factor[i]);
                wsr += p.weight(i) * ueSteps[i].lastRateNat();
            }
            return wsr;
        }

        /** The BS side: R_k, V~_i and the V-step for every BS with UEs; v modified. */
        void bsSide(Problem p, ZMatrixRMaj[] v, MuSolver solver) {
            int numUe = p.numUe();
            for (int k = 0; k < p.numBs(); k++) {
                WmmseBsStep bs = bsSteps[k];
                if (bs == null) {
                    continue;
                }
                bs.resetCovariance();
                for (int j = 0; j < numUe; j++) {
                    bs.addToCovariance(p.channel(j, k), factor[j], p.weight(j));
                }
                for (int i : uesOf[k]) {
                    WmmseBsStep.candidate(p.channel(i, k), uw[i], p.weight(i), candidate[i]);
                }
                bs.updatePrecoders(candidate, uesOf[k], p.bsPowerW(k), solver, v);
            }
        }
    }
}
