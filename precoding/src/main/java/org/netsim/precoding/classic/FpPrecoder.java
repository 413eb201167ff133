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
 * FP: the fractional-programming algorithm for weighted sum-rate maximisation of the DeepFP paper ("DeepFP:
 * Deep-Unfolded Fractional Programming for Massive MIMO Beamforming", Section III-C and Algorithm 1), block
 * ascent on the quadratic-transform objective f_q(V, Gamma, Y) (25) under the per-BS budgets (24b).
 *
 * <p>Notation: UE i with serving BS k, weight alpha_i, V_i in C^{M_k x d_i}, H_ik in C^{N_i x M_k}. One iteration,
 * from the current V (Algorithm 1, lines 4-6; line 3, Z = V, is only used by FastFP):
 * <pre>
 *   Gamma_i  = V_i^H H_ik^H F_i^{-1} H_ik V_i          [d_i x d_i]   (28), F_i the interference plus noise (3)
 *   Y_i      = D_i^{-1} H_ik V_i                       [N_i x d_i]   (27), D_i the received covariance (10)
 *   Lambda_i = alpha_i H_ik^H Y_i (I + Gamma_i)        [M_k x d_i]   (26)
 *   L_k      = sum_{all UEs j} alpha_j H_jk^H Y_j (I + Gamma_j) Y_j^H H_jk                 [M_k x M_k]   (30)
 *   V_i      = (eta_k I + L_k)^{-1} Lambda_i                                                            (29)
 * </pre>
 * with eta_k = min { eta &gt;= 0 : sum_{i in I_k} ||V_i||_F^2 &lt;= P_k } (the complementary slackness (12)),
 * found by {@link PowerConstrainedStep} (the very V-step of WMMSE; at eta_k = 0 with a singular L_k the
 * Moore-Penrose inverse is used). Each update maximises f_q exactly over one block, and f_q maximised over Gamma
 * and Y is the weighted sum rate, so the weighted sum rate never decreases. With Y_i = U_i, I + Gamma_i = W_i,
 * L_k = R_k and Lambda_i = V~_i this is WMMSE step for step (the paper's Remark 5); the UE side is the shared
 * {@link WmmseUeStep} and the rest is {@link FpWorkspace}. The M_k x M_k eigendecomposition of
 * L_k per BS and iteration is what FastFP avoids (Remark 6).
 *
 * <p>Options: {@code mu-solver} = {@code rational} (default) or {@code bisection}: how eta_k is found (the
 * option name is WMMSE's, since it is the same multiplier search; see {@link MuSolver}). Stopping: the common
 * rule ({@link StoppingRule}). Units: powers in watts, rates in nat/s/Hz.
 */
public final class FpPrecoder implements Precoder {

    /** Registry name. */
    public static final String NAME = "fp";
    /** Option key of the multiplier solver (the paper's eta_k). */
    public static final String MU_SOLVER = WmmsePrecoder.MU_SOLVER;

    private final PrecoderOptions options;
    private final MuSolver muSolver;

    /**
     * @param options common options and {@code mu-solver}
     * @throws IllegalArgumentException naming an unknown option or a bad {@code mu-solver}
     */
    public FpPrecoder(PrecoderOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("options: must not be null");
        }
        options.requireOnly(NAME, MU_SOLVER);
        this.options = options;
        this.muSolver = MuSolver.parse(MU_SOLVER, options.get(MU_SOLVER, MuSolver.RATIONAL.optionValue()));
    }

    /** Default options: 100 iterations, no tolerance, rational multiplier solver. */
    public FpPrecoder() {
        this(PrecoderOptions.defaults());
    }

    @Override
    public String name() {
        return NAME;
    }

    /** @return the solver of eta_k */
    public MuSolver muSolver() {
        return muSolver;
    }

    @Override
    public Solution solve(Problem problem, Init init) {
        ZMatrixRMaj[] v = InitialPrecoders.create(problem, init);
        int numBs = problem.numBs();
        FpWorkspace ws = new FpWorkspace(problem);
        ws.setPrecoders(v);
        int[][] ues = new int[numBs][];
        PowerConstrainedStep[] steps = new PowerConstrainedStep[numBs];
        ZMatrixRMaj[] l = new ZMatrixRMaj[numBs];
        for (int k = 0; k < numBs; k++) {
            ues[k] = problem.uesOf(k);
            if (ues[k].length > 0) {
                int m = problem.bsAntennas(k);
                steps[k] = new PowerConstrainedStep(m);
                l[k] = new ZMatrixRMaj(m, m);
            }
        }
        ZMatrixRMaj[] lambda = new ZMatrixRMaj[problem.numUe()];
        for (int i = 0; i < lambda.length; i++) {
            lambda[i] = new ZMatrixRMaj(problem.bsAntennas(problem.servingBs(i)), problem.streams(i));
        }
        StoppingRule rule = new StoppingRule(options);
        rule.start(ws.refresh());
        while (true) {
            for (int k = 0; k < numBs; k++) {
                if (steps[k] == null) {
                    continue;
                }
                ws.denseL(k, l[k]);
                for (int i : ues[k]) {
                    ws.lambda(i, lambda[i]);
                }
                steps[k].solve(l[k], lambda, ues[k], problem.bsPowerW(k), muSolver, v);
                for (int i : ues[k]) {
                    ws.setPrecoder(i, v[i]);
                }
            }
            boolean lastWithoutRate = !rule.needsWsr() && rule.iterations() + 1 >= options.maxIterations();
            if (rule.record(lastWithoutRate ? Double.NaN : ws.refresh())) {
                break;
            }
        }
        InitialPrecoders.scaleDownToBudget(problem, v);
        return Solution.evaluated(problem, v, rule.iterations(), rule.trace());
    }
}
