package org.netsim.precoding.classic;

import java.util.Locale;
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
import org.netsim.precoding.linalg.LanczosMaxEigenvalue;

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
 * below {@value #LANCZOS_RELATIVE_ERROR} (see {@link LanczosMaxEigenvalue}, also for top clusters narrower than the
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
    static final double LANCZOS_RELATIVE_ERROR = LanczosMaxEigenvalue.DEFAULT_RELATIVE_ERROR;
    /** Largest relative residual norm of the Lanczos Ritz pair accepted (resolves clusters wider than this). */
    static final double LANCZOS_RESIDUAL = LanczosMaxEigenvalue.DEFAULT_RESIDUAL;

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
        LanczosMaxEigenvalue[] eig = new LanczosMaxEigenvalue[numBs];
        LanczosMaxEigenvalue.Operator[] gram = new LanczosMaxEigenvalue.Operator[numBs];
        ZMatrixRMaj[] dense = new ZMatrixRMaj[numBs];
        for (int k = 0; k < numBs; k++) {
            if (ws.cols(k) == 0) {
                continue;
            }
            int m = problem.bsAntennas(k);
            if (lambdaRule == LambdaRule.MAX_EIGENVALUE) {
                eig[k] = new LanczosMaxEigenvalue(m);
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


}
