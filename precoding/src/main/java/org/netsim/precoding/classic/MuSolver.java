package org.netsim.precoding.classic;

import java.util.Locale;

/**
 * How the BS-side power step finds the Lagrange multiplier mu_k &gt;= 0 of its budget, the largest root of the
 * complementary slackness condition f_CS,k(mu) = (v_k(mu) - 1) mu = 0 with
 * v_k(mu) = sum_m phi_km / (lambda_km + mu)^2 (GCN-WMMSE paper "Coordinated Sum-Rate Maximization in Multicell
 * MU-MIMO with Deep Unrolling", eq. (3c), (6), (7); DeepFP paper eq. (12)-(13)). v_k is positive, convex and
 * decreasing in mu &gt; 0, so the root is unique.
 */
public enum MuSolver {

    /**
     * Bisection on [0, sqrt(sum_m phi_km)] (v_k(mu) &lt;= sum phi / mu^2 &lt;= 1 at the upper end), the method of
     * Shi et al. and DeepFP paper Remark 1, until the bracket is below 1e-15 relative (at most 200 halvings).
     */
    BISECTION,

    /**
     * The rational-function root finder of the GCN-WMMSE paper, eq. (9): fit v~(mu) = delta_N / (delta_D + mu)^2 to
     * v_k and v_k' at the iterate and jump to its intersection with 1,
     * mu^{p+1} = mu^p + 2 v(mu^p) / v'(mu^p) (1 - sqrt(v(mu^p))), negative iterates mapped to 0. Started below the
     * root it converges monotonically; iterated until the step is below 1e-15 relative (at most 100 steps, then
     * bisection finishes the job, which a test checks never happens on the papers' scenarios).
     */
    RATIONAL;

    /** @return the solver named {@code bisection} or {@code rational}; otherwise an error naming {@code key} */
    public static MuSolver parse(String key, String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "bisection" -> BISECTION;
            case "rational" -> RATIONAL;
            default -> throw new IllegalArgumentException("precoder." + key + ": unknown mu solver '" + value
                    + "' (expected bisection or rational)");
        };
    }

    /** @return the option value naming this solver */
    public String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
