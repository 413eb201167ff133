package org.netsim.precoding.classic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.netsim.precoding.Init;
import org.netsim.precoding.InitialPrecoders;
import org.netsim.precoding.Precoder;
import org.netsim.precoding.PrecoderContractTest;
import org.netsim.precoding.PrecoderOptions;
import org.netsim.precoding.PrecoderRegistry;
import org.netsim.precoding.Problem;
import org.netsim.precoding.RateEvaluator;
import org.netsim.precoding.Solution;
import org.netsim.precoding.TestProblems;
import org.netsim.precoding.linalg.ComplexOps;

/**
 * FP: the precoder contract; a non-decreasing WSR (block ascent); the V-step (29) with the complementary slackness
 * (12) checked on the dense L_k and Lambda_i of the paper's formulas; the DeepFP paper's Remark 5 (FP with the
 * WMMSE substitution is WMMSE, iterate by iterate); both multiplier solvers; option validation.
 */
class FpPrecoderTest extends PrecoderContractTest {

    /** Allowed relative WSR decrease per iteration (exact block ascent; rounding of a few log-dets is ~1e-15). */
    private static final double MONOTONE_SLACK = 1e-10;
    /**
     * FP against WMMSE (Remark 5): the same mathematical iterates, computed with L_k = B_k^H B_k and Lambda_i from
     * Y_i (I + Gamma_i) here and R_k, V~_i from U_i, W_i there, so only rounding differs; observed differences are
     * ~3e-14 relative over 30 iterations on random problems, 1e-10 leaves room for ill-conditioned iterates.
     */
    private static final double REMARK5_RELATIVE = 1e-10;

    @Override
    protected Precoder precoder() {
        return new FpPrecoder(PrecoderOptions.defaults().withMaxIterations(20));
    }

    @Test
    void wsrIsNonDecreasing() {
        for (String solver : List.of("rational", "bisection")) {
            Precoder p = new FpPrecoder(PrecoderOptions.defaults().withMaxIterations(30).withTrace(true)
                    .with(FpPrecoder.MU_SOLVER, solver));
            for (Problem problem : TestProblems.randomList(700, 15, 3, 6, 6, 3)) {
                for (Init init : List.of(Init.mrc(), Init.zf(), Init.random(4))) {
                    Solution s = p.solve(problem, init);
                    double previous = RateEvaluator.wsrNat(problem, InitialPrecoders.create(problem, init));
                    for (Solution.IterationRecord r : s.trace()) {
                        assertTrue(r.wsrNat() >= previous - MONOTONE_SLACK * Math.max(1, previous),
                                solver + " " + problem + " " + init + ": WSR fell at iteration " + r.iteration()
                                        + " from " + previous + " to " + r.wsrNat());
                        previous = r.wsrNat();
                    }
                    assertEquals(s.wsrNat(), s.trace().get(29).wsrNat(), 1e-12 * Math.max(1, s.wsrNat()));
                }
            }
        }
    }

    /**
     * After one iteration from V0, V_i = (eta_k I + L_k)^{-1} Lambda_i (29) with L_k and Lambda_i of V0 computed by
     * the paper's formulas ({@link FpReference}), and eta_k satisfies the complementary slackness (12): eta_k &gt;= 0,
     * the budget holds, and eta_k &gt; 0 only when it is met with equality. eta_k is recovered from the residual
     * (eta I + L) V - Lambda = 0 by least squares: eta = -Re tr(V^H (L V - Lambda)) / ||V||_F^2.
     */
    @Test
    void oneIterationIsTheConstrainedMaximiserOfEquation29() {
        List<Problem> problems = new ArrayList<>(TestProblems.randomList(800, 15, 3, 6, 6, 3));
        problems.add(FastFpPrecoderTest.heterogeneous());
        for (Problem p : problems) {
            ZMatrixRMaj[] v0 = InitialPrecoders.create(p, Init.random(6));
            Solution s = new FpPrecoder(PrecoderOptions.defaults().withMaxIterations(1)).solve(p, Init.given(v0));
            double[] used = RateEvaluator.powerUse(p, s.precoders());
            for (int k = 0; k < p.numBs(); k++) {
                int[] ues = p.uesOf(k);
                if (ues.length == 0) {
                    continue;
                }
                ZMatrixRMaj l = FpReference.l(p, v0, k);
                double num = 0;
                double den = 0;
                double scale = 0;
                List<ZMatrixRMaj> residuals = new ArrayList<>();
                for (int i : ues) {
                    ZMatrixRMaj lv = new ZMatrixRMaj(1, 1);
                    ComplexOps.mult(l, s.precoder(i), lv);
                    ZMatrixRMaj lam = FpReference.lambda(p, v0, i);
                    for (int e = 0; e < lv.getDataLength(); e++) {
                        lv.data[e] -= lam.data[e]; // L V - Lambda = -eta V
                        num += s.precoder(i).data[e] * lv.data[e];
                        scale = Math.max(scale, Math.abs(lam.data[e]));
                    }
                    den += ComplexOps.frobeniusSquared(s.precoder(i));
                    residuals.add(lv);
                }
                double eta = den > 0 ? -num / den : 0.0;
                String where = p + ", BS " + k;
                assertTrue(eta >= -1e-9 * Math.max(1, ComplexOps.frobenius(l)), where + ": eta = " + eta);
                for (int u = 0; u < ues.length; u++) {
                    ZMatrixRMaj r = residuals.get(u);
                    for (int e = 0; e < r.getDataLength(); e++) {
                        r.data[e] += eta * s.precoder(ues[u]).data[e];
                    }
                    // (eta I + L) V_i = Lambda_i up to the rounding of the eigen-solve of L (M ~ 6, cond < 1e8)
                    assertArrayEquals(new double[r.getDataLength()], r.data, 1e-8 * Math.max(1, scale),
                            where + ": (eta I + L) V_" + ues[u] + " != Lambda_" + ues[u]);
                }
                assertTrue(used[k] <= p.bsPowerW(k) * (1 + POWER_SLACK), where + ": budget");
                if (eta > 1e-9 * Math.max(1, ComplexOps.frobenius(l))) {
                    assertEquals(p.bsPowerW(k), used[k], 1e-9 * p.bsPowerW(k), where + ": eta > 0, budget slack");
                }
            }
        }
    }

    /**
     * The DeepFP paper's Remark 5: FP with Y = U, I + Gamma = W, L = R and Lambda = V~ is WMMSE. From the same
     * initial V, FP and the registry's {@code wmmse} give the same WSR after every iteration (to
     * {@value #REMARK5_RELATIVE} relative) and the same precoders, with either multiplier solver.
     */
    @Test
    void remark5FpWithTheWmmseSubstitutionIsWmmse() {
        List<Problem> problems = new ArrayList<>(TestProblems.randomList(1100, 12, 3, 6, 6, 3));
        problems.add(FastFpPrecoderTest.heterogeneous());
        problems.add(TestProblems.uniform(5, 3, 3, 16, 4, 2, 1.0, 0.01, 0.1));
        for (String solver : List.of("rational", "bisection")) {
            PrecoderOptions o = PrecoderOptions.defaults().withMaxIterations(30).withTrace(true)
                    .with(FpPrecoder.MU_SOLVER, solver);
            Precoder fp = PrecoderRegistry.create("fp", o);
            Precoder wmmse = PrecoderRegistry.create("wmmse", o);
            for (Problem p : problems) {
                for (Init init : List.of(Init.mrc(), Init.random(8))) {
                    Solution a = fp.solve(p, init);
                    Solution b = wmmse.solve(p, init);
                    assertEquals(b.trace().size(), a.trace().size());
                    for (int t = 0; t < a.trace().size(); t++) {
                        double want = b.trace().get(t).wsrNat();
                        assertEquals(want, a.trace().get(t).wsrNat(), REMARK5_RELATIVE * Math.max(1, want),
                                solver + " " + p + " " + init + ", iteration " + (t + 1));
                    }
                    for (int i = 0; i < p.numUe(); i++) {
                        FastFpPrecoderTest.assertClose(b.precoder(i), a.precoder(i), 1e-8, p + ": V_" + i);
                    }
                }
            }
        }
    }

    @Test
    void bothMultiplierSolversGiveTheSameIterates() {
        Precoder rational = new FpPrecoder(PrecoderOptions.defaults().withMaxIterations(25));
        Precoder bisection = new FpPrecoder(PrecoderOptions.defaults().withMaxIterations(25)
                .with(FpPrecoder.MU_SOLVER, "bisection"));
        for (Problem p : TestProblems.randomList(1300, 12, 3, 6, 6, 3)) {
            double a = rational.solve(p, Init.mrc()).wsrNat();
            double b = bisection.solve(p, Init.mrc()).wsrNat();
            // both roots are exact to ~1e-15 relative; 25 iterations keep the difference far below 1e-9
            assertEquals(a, b, 1e-9 * Math.max(1, a), p.toString());
        }
    }

    @Test
    void toleranceStopsEarly() {
        Problem p = TestProblems.uniform(3, 3, 4, 12, 2, 2, 1.0, 0.1, 0.3);
        Solution capped = new FpPrecoder(PrecoderOptions.defaults().withMaxIterations(7)).solve(p, Init.mrc());
        assertEquals(7, capped.iterations());
        Solution early = new FpPrecoder(PrecoderOptions.defaults().withMaxIterations(1000).withTolerance(1e-3))
                .solve(p, Init.mrc());
        assertTrue(early.iterations() >= 1 && early.iterations() < 1000, "iterations " + early.iterations());
    }

    @Test
    void badMultiplierSolverIsRejectedNamingTheOption() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new FpPrecoder(PrecoderOptions.defaults().with(FpPrecoder.MU_SOLVER, "newton")));
        assertTrue(e.getMessage().contains("mu-solver") && e.getMessage().contains("newton"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> PrecoderRegistry.create("fp", PrecoderOptions.defaults().with("lambda", "frobenius")));
        assertTrue(e.getMessage().contains("lambda"), "FP has no lambda option: " + e.getMessage());
        FpPrecoder bisection = assertInstanceOf(FpPrecoder.class,
                PrecoderRegistry.create("fp", PrecoderOptions.defaults().with("mu-solver", "bisection")));
        assertEquals(MuSolver.BISECTION, bisection.muSolver());
    }
}
