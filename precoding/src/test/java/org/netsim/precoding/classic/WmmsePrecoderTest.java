package org.netsim.precoding.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.netsim.precoding.Init;
import org.netsim.precoding.InitialPrecoders;
import org.netsim.precoding.Precoder;
import org.netsim.precoding.PrecoderContractTest;
import org.netsim.precoding.PrecoderOptions;
import org.netsim.precoding.Problem;
import org.netsim.precoding.RateEvaluator;
import org.netsim.precoding.Solution;
import org.netsim.precoding.TestProblems;
import org.netsim.precoding.linalg.ComplexSvd;

/** WMMSE: the precoder contract, monotonicity, the single-user water-filling optimum, and the two mu solvers. */
class WmmsePrecoderTest extends PrecoderContractTest {

    /**
     * WMMSE is block coordinate descent, so the WSR cannot decrease; a decrease larger than this relative amount
     * would be a bug rather than rounding (each iterate's WSR is a sum of ~10 log-dets accurate to ~1e-15).
     */
    private static final double MONOTONE_SLACK = 1e-10;

    @Override
    protected Precoder precoder() {
        return new WmmsePrecoder(PrecoderOptions.defaults().withMaxIterations(30));
    }

    @Test
    void wsrIsNonDecreasingFromAnyInitialisation() {
        for (String solver : List.of("rational", "bisection")) {
            Precoder p = new WmmsePrecoder(PrecoderOptions.defaults().withMaxIterations(40).withTrace(true)
                    .with(WmmsePrecoder.MU_SOLVER, solver));
            for (Problem problem : TestProblems.randomList(500, 15, 3, 6, 6, 3)) {
                for (Init init : List.of(Init.mrc(), Init.zf(), Init.random(3))) {
                    Solution s = p.solve(problem, init);
                    double previous = RateEvaluator.wsrNat(problem, InitialPrecoders.create(problem, init));
                    for (Solution.IterationRecord r : s.trace()) {
                        assertTrue(r.wsrNat() >= previous - MONOTONE_SLACK * Math.max(1, previous),
                                solver + " " + problem + " " + init + ": WSR fell at iteration " + r.iteration()
                                        + " from " + previous + " to " + r.wsrNat());
                        previous = r.wsrNat();
                    }
                    assertEquals(40, s.trace().size());
                    assertEquals(s.wsrNat(), s.trace().get(39).wsrNat(), 1e-9 * Math.max(1, s.wsrNat()),
                            "trace WSR (log det W) equals the evaluator's");
                }
            }
        }
    }

    /**
     * One BS, one UE, d = N: the optimum is the water-filling capacity over the singular values s_j of H,
     * p_j = (nu - sigma^2 / s_j^2)^+, sum p_j = P, C = sum_j log(1 + p_j s_j^2 / sigma^2); WMMSE reaches it.
     */
    @Test
    void singleUserReachesTheWaterFillingCapacity() {
        for (long seed = 1; seed <= 5; seed++) {
            for (double noise : new double[] {0.01, 1.0, 10.0}) {
                Problem p = TestProblems.uniform(seed, 1, 1, 4, 2, 2, 1.0, noise, 1.0);
                double capacity = waterFillingCapacity(p.channel(0, 0), 1.0, noise);
                Solution s = new WmmsePrecoder(PrecoderOptions.defaults().withMaxIterations(5000)
                        .withTolerance(1e-15)).solve(p, Init.mrc());
                // relative 1e-7: WMMSE converges linearly; 5000 iterations or a 1e-15 step reach the optimum to
                // well below this on these 2x4 channels
                assertEquals(capacity, s.wsrNat(), 1e-7 * capacity, "seed " + seed + ", noise " + noise);
            }
        }
    }

    static double waterFillingCapacity(ZMatrixRMaj h, double powerW, double noiseW) {
        double[] s = ComplexSvd.decompose(h).singularValues();
        double[] g = new double[s.length];
        for (int j = 0; j < s.length; j++) {
            g[j] = s[j] * s[j] / noiseW; // descending
        }
        // largest active set n with nu = (P + sum_{j<n} 1/g_j) / n > 1/g_{n-1}
        double best = 0;
        for (int n = g.length; n >= 1; n--) {
            double sumInv = 0;
            for (int j = 0; j < n; j++) {
                sumInv += 1 / g[j];
            }
            double nu = (powerW + sumInv) / n;
            if (nu > 1 / g[n - 1]) {
                for (int j = 0; j < n; j++) {
                    best += Math.log(nu * g[j]);
                }
                return best;
            }
        }
        throw new AssertionError("no water level");
    }

    @Test
    void bothMuSolversGiveTheSameIterates() {
        Precoder rational = new WmmsePrecoder(PrecoderOptions.defaults().withMaxIterations(25));
        Precoder bisection = new WmmsePrecoder(PrecoderOptions.defaults().withMaxIterations(25)
                .with(WmmsePrecoder.MU_SOLVER, "bisection"));
        for (Problem p : TestProblems.randomList(900, 15, 3, 6, 6, 3)) {
            double a = rational.solve(p, Init.mrc()).wsrNat();
            double b = bisection.solve(p, Init.mrc()).wsrNat();
            // both roots are exact to ~1e-15 relative; 25 iterations amplify that to far below 1e-9
            assertEquals(a, b, 1e-9 * Math.max(1, a), p.toString());
        }
    }

    @Test
    void toleranceStopsEarlyAndCountsIterations() {
        Problem p = TestProblems.uniform(3, 3, 4, 12, 2, 2, 1.0, 0.1, 0.3);
        Solution capped = new WmmsePrecoder(PrecoderOptions.defaults().withMaxIterations(7)).solve(p, Init.mrc());
        assertEquals(7, capped.iterations());
        Solution early = new WmmsePrecoder(PrecoderOptions.defaults().withMaxIterations(1000).withTolerance(1e-3))
                .solve(p, Init.mrc());
        assertTrue(early.iterations() < 1000 && early.iterations() >= 1, "iterations " + early.iterations());
    }

    @Test
    void warmStartContinuesTheIteration() {
        // 10 iterations, then 10 more from the result, equal 20 iterations in one go (same deterministic map)
        Problem p = TestProblems.uniform(4, 3, 4, 12, 2, 2, 1.0, 0.1, 0.3);
        Precoder ten = new WmmsePrecoder(PrecoderOptions.defaults().withMaxIterations(10));
        Precoder twenty = new WmmsePrecoder(PrecoderOptions.defaults().withMaxIterations(20));
        Solution first = ten.solve(p, Init.mrc());
        Solution resumed = ten.solve(p, Init.given(first.precoders()));
        assertEquals(twenty.solve(p, Init.mrc()).wsrNat(), resumed.wsrNat(), 1e-12 * resumed.wsrNat());
    }

    @Test
    void badMuSolverIsRejectedWithItsKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new WmmsePrecoder(PrecoderOptions.defaults().with(WmmsePrecoder.MU_SOLVER, "newton")));
        assertTrue(e.getMessage().contains("mu-solver"), e.getMessage());
    }
}
