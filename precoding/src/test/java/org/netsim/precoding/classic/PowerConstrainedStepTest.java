package org.netsim.precoding.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.netsim.precoding.TestProblems;
import org.netsim.precoding.linalg.ComplexOps;

/**
 * The shared power-constrained V-step: KKT conditions of min sum_i tr(V_i^H A V_i) - 2 Re tr(V_i^H C_i) s.t.
 * sum ||V_i||^2 &lt;= P, i.e. stationarity (A + mu I) V_i = C_i, primal feasibility, mu &gt;= 0 and complementary
 * slackness mu (P - sum ||V_i||^2) = 0, over random sizes, scales and ranks.
 */
class PowerConstrainedStepTest {

    /**
     * Relative residual of (A + mu I) V - C: backward-stable eigen solves leave eps times the condition number of
     * A + mu I restricted to the range of A; 1e-8 holds with margin for the ranks and scales drawn here.
     */
    private static final double STATIONARITY_TOLERANCE = 1e-8;
    /** Budget met with equality when mu &gt; 0: the root is exact to ~1e-15, so the power to ~1e-13. */
    private static final double SLACKNESS_TOLERANCE = 1e-10;

    private record Case(ZMatrixRMaj a, ZMatrixRMaj[] c, int[] ues, double budget) {
    }

    /** A = sum of {@code rank} rank-one terms scaled by 10^scaleExp; candidates in the range of A (as in WMMSE). */
    private static Case randomCase(long seed, int m, int numUes, int rank, double scaleExp, double budget) {
        SplittableRandom rng = new SplittableRandom(seed);
        double scale = Math.pow(10, scaleExp);
        ZMatrixRMaj basis = TestProblems.complexGaussian(rng, m, rank, scale);
        ZMatrixRMaj a = new ZMatrixRMaj(m, m);
        ComplexOps.multABh(basis, basis, a);
        ZMatrixRMaj[] c = new ZMatrixRMaj[numUes];
        int[] ues = new int[numUes];
        for (int u = 0; u < numUes; u++) {
            ues[u] = u;
            ZMatrixRMaj coeff = TestProblems.complexGaussian(rng, rank, 1 + rng.nextInt(3), 1.0);
            c[u] = new ZMatrixRMaj(m, coeff.numCols);
            ComplexOps.mult(basis, coeff, c[u]);
        }
        return new Case(a, c, ues, budget);
    }

    @ParameterizedTest
    @EnumSource(MuSolver.class)
    void kktConditionsHoldOverRandomSizesScalesAndRanks(MuSolver solver) {
        SplittableRandom pick = new SplittableRandom(42);
        for (int t = 0; t < 300; t++) {
            int m = 1 + pick.nextInt(16);
            int rank = 1 + pick.nextInt(m);
            double scaleExp = -12 + 14 * pick.nextDouble();
            double budget = Math.pow(10, -3 + 5 * pick.nextDouble());
            Case k = randomCase(t, m, 1 + pick.nextInt(4), rank, scaleExp, budget);
            ZMatrixRMaj aCopy = k.a().copy();
            ZMatrixRMaj[] out = new ZMatrixRMaj[k.c().length];
            for (int u = 0; u < out.length; u++) {
                out[u] = new ZMatrixRMaj(1, 1);
            }
            PowerConstrainedStep step = new PowerConstrainedStep(m);
            double mu = step.solve(k.a(), k.c(), k.ues(), k.budget(), solver, out);
            String where = "case " + t + " (M=" + m + ", rank " + rank + ", scale 1e" + scaleExp + ")";
            assertTrue(mu >= 0, where + ": mu " + mu);
            assertFalse(step.lastFellBack(), where + ": rational root finder fell back to bisection");
            assertEquals(aCopy.data.length, k.a().data.length);
            double used = 0;
            for (ZMatrixRMaj v : out) {
                used += ComplexOps.frobeniusSquared(v);
            }
            assertTrue(used <= k.budget(), where + ": power " + used + " > budget " + k.budget());
            if (mu > 0) {
                assertEquals(k.budget(), used, SLACKNESS_TOLERANCE * k.budget(), where + ": mu > 0 but budget slack");
            }
            // stationarity (A + mu I) V_i = C_i (with mu = 0 and rank-deficient A, in the range of A)
            ZMatrixRMaj shifted = k.a().copy();
            ComplexOps.addIdentity(mu, shifted);
            for (int u = 0; u < out.length; u++) {
                ZMatrixRMaj r = new ZMatrixRMaj(m, out[u].numCols);
                ComplexOps.mult(shifted, out[u], r);
                double err = 0;
                for (int e = 0; e < r.getDataLength(); e++) {
                    err = Math.max(err, Math.abs(r.data[e] - k.c()[u].data[e]));
                }
                double ref = Math.sqrt(ComplexOps.frobeniusSquared(k.c()[u]));
                assertTrue(err <= STATIONARITY_TOLERANCE * ref, where + ": residual " + err
                        + " vs |C| " + ref);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(MuSolver.class)
    void slackBudgetGivesMuZeroAndTheUnconstrainedMinimiser(MuSolver solver) {
        Case k = randomCase(7, 6, 2, 6, 0, 1e12);
        ZMatrixRMaj[] out = {new ZMatrixRMaj(1, 1), new ZMatrixRMaj(1, 1)};
        double mu = new PowerConstrainedStep(6).solve(k.a(), k.c(), k.ues(), k.budget(), solver, out);
        assertEquals(0.0, mu);
        ZMatrixRMaj expected = new ZMatrixRMaj(6, k.c()[0].numCols);
        ComplexOps.luSolve(k.a(), k.c()[0], expected);
        for (int e = 0; e < expected.getDataLength(); e++) {
            assertEquals(expected.data[e], out[0].data[e], 1e-8 * (1 + Math.abs(expected.data[e])));
        }
    }

    @ParameterizedTest
    @EnumSource(MuSolver.class)
    void zeroBudgetAndZeroCandidatesGiveZeroPrecoders(MuSolver solver) {
        Case k = randomCase(8, 4, 1, 2, 0, 1.0);
        ZMatrixRMaj[] out = {new ZMatrixRMaj(1, 1)};
        new PowerConstrainedStep(4).solve(k.a(), k.c(), k.ues(), 0.0, solver, out);
        assertEquals(0.0, ComplexOps.frobeniusSquared(out[0]));
        ZMatrixRMaj[] zero = {new ZMatrixRMaj(4, 2)};
        assertEquals(0.0, new PowerConstrainedStep(4).solve(k.a(), zero, new int[] {0}, 1.0, solver, out));
        assertEquals(0.0, ComplexOps.frobeniusSquared(out[0]));
    }

    @org.junit.jupiter.api.Test
    void bothSolversFindTheSameRoot() {
        for (int t = 0; t < 100; t++) {
            Case k = randomCase(1000 + t, 12, 4, 12, -9, 1.0);
            ZMatrixRMaj[] out = new ZMatrixRMaj[4];
            for (int u = 0; u < 4; u++) {
                out[u] = new ZMatrixRMaj(1, 1);
            }
            double a = new PowerConstrainedStep(12).solve(k.a(), k.c(), k.ues(), 1.0, MuSolver.RATIONAL, out);
            double b = new PowerConstrainedStep(12).solve(k.a(), k.c(), k.ues(), 1.0, MuSolver.BISECTION, out);
            assertEquals(a, b, 1e-12 * Math.max(a, b), "case " + t);
        }
    }
}
