package org.netsim.precoding.learned.pgd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.netsim.precoding.Init;
import org.netsim.precoding.InitialPrecoders;
import org.netsim.precoding.PrecoderOptions;
import org.netsim.precoding.Problem;
import org.netsim.precoding.RateEvaluator;
import org.netsim.precoding.TestProblems;
import org.netsim.precoding.classic.MuSolver;
import org.netsim.precoding.classic.PowerConstrainedStep;
import org.netsim.precoding.classic.WmmsePrecoder;
import org.netsim.precoding.linalg.ComplexOps;
import org.netsim.precoding.linalg.HermitianEigen;

/** The per-problem executor: invariants and the PGD V-step's limit, the exact WMMSE V-step (3c), (3d). */
class UnfoldedPgdExecutorTest {

    /** Relative slack on a budget after the projection (one rounding of sqrt(P / used)^2 used). */
    static final double POWER_SLACK = 1e-12;
    /**
     * PGD with gamma = 1 / lambda_max contracts by (1 - lambda_min / lambda_max) per sub-step; with
     * lambda_min / lambda_max &gt;= 1/50 (R = A A^H + I, A 4 x 4) 5000 sub-steps reach rounding (e^-100), so the
     * limit agrees with the closed form to the solves' accuracy.
     */
    static final double VSTEP_TOLERANCE = 1e-9;

    @Test
    void precodersMeetEveryBudgetOverRandomSizes() {
        for (long seed = 0; seed < 30; seed++) {
            Problem p = TestProblems.random(700 + seed, 3, 6, 5, 3);
            for (double gamma : new double[] {1e-3, 0.1, 10.0}) {
                UnfoldedPgdExecutor ex = new UnfoldedPgdExecutor(p, UnfoldedPgdSteps.constant(3, 4, gamma));
                ex.start(InitialPrecoders.create(p, Init.mrc()));
                for (int l = 0; l < 3; l++) {
                    double wsr = ex.ueSide();
                    assertTrue(Double.isFinite(wsr) && wsr >= 0, "seed " + seed + " layer " + l + ": WSR " + wsr);
                    ex.bsSide(l);
                }
                ZMatrixRMaj[] v = ex.precoders();
                RateEvaluator.checkShapes(p, v);
                double[] used = RateEvaluator.powerUse(p, v);
                for (int k = 0; k < p.numBs(); k++) {
                    assertTrue(used[k] <= p.bsPowerW(k) * (1 + POWER_SLACK), "seed " + seed + " BS " + k + ": "
                            + used[k] + " W of " + p.bsPowerW(k));
                }
                // the UE side's WSR is the rate evaluator's
                assertEquals(ex.evaluate(), ex.ueSide(), 1e-10 * Math.max(1, ex.evaluate()), "seed " + seed);
            }
        }
    }

    @Test
    void pgdVStepConvergesToTheExactVStepWithAndWithoutActiveBudget() {
        SplittableRandom rng = new SplittableRandom(5);
        int m = 4;
        int d = 2;
        int[] ues = {0, 1};
        for (int trial = 0; trial < 5; trial++) {
            ZMatrixRMaj a = TestProblems.complexGaussian(rng, m, m, 1.0);
            ZMatrixRMaj r = new ZMatrixRMaj(m, m);
            ComplexOps.multABh(a, a, r);
            ComplexOps.addIdentity(1.0, r);
            hermitize(r);
            ZMatrixRMaj[] cand = {TestProblems.complexGaussian(rng, m, d, 1.0),
                    TestProblems.complexGaussian(rng, m, d, 1.0)};
            // the unconstrained minimiser's power, to place the budget on either side of it
            ZMatrixRMaj[] free = {new ZMatrixRMaj(m, d), new ZMatrixRMaj(m, d)};
            double freePower = 0;
            for (int i : ues) {
                ComplexOps.choleskySolve(r, cand[i], free[i]);
                freePower += ComplexOps.frobeniusSquared(free[i]);
            }
            double lambdaMax = HermitianEigen.largestEigenvalue(r);
            for (double budget : new double[] {2 * freePower, 0.3 * freePower}) {
                ZMatrixRMaj[] exact = {new ZMatrixRMaj(m, d), new ZMatrixRMaj(m, d)};
                double mu = new PowerConstrainedStep(m).solve(r, cand, ues, budget, MuSolver.RATIONAL, exact);
                assertTrue(budget > freePower ? mu == 0 : mu > 0, "trial " + trial + ": mu " + mu);
                ZMatrixRMaj[] v = {new ZMatrixRMaj(m, d), new ZMatrixRMaj(m, d)};
                ZMatrixRMaj[] work = {new ZMatrixRMaj(m, d), new ZMatrixRMaj(m, d)};
                UnfoldedPgdExecutor.pgdVStep(r, cand, ues, budget, 1.0 / lambdaMax, 5000, v, work);
                for (int i : ues) {
                    double err = Math.sqrt(diff2(v[i], exact[i]) / ComplexOps.frobeniusSquared(exact[i]));
                    assertTrue(err < VSTEP_TOLERANCE, "trial " + trial + " budget " + budget + " UE " + i
                            + ": relative error " + err);
                }
            }
        }
    }

    @Test
    void oneLayerWithManySubstepsIsOneWmmseIteration() {
        // gamma = 1 / max_k lambda_max(R_k) of the layer: every BS's sub-steps contract
        Problem p = TestProblems.uniform(31, 2, 2, 3, 2, 2, 1.0, 0.1, 0.3);
        UnfoldedPgdExecutor probe = new UnfoldedPgdExecutor(p, UnfoldedPgdSteps.constant(1, 1, 1.0));
        probe.start(InitialPrecoders.create(p, Init.mrc()));
        probe.ueSide();
        double gamma = 1.0 / probe.maxCovarianceEigenvalue();
        UnfoldedPgdExecutor ex = new UnfoldedPgdExecutor(p, UnfoldedPgdSteps.constant(1, 20_000, gamma));
        ex.start(InitialPrecoders.create(p, Init.mrc()));
        ex.ueSide();
        ex.bsSide(0);
        ZMatrixRMaj[] pgd = ex.precoders();
        ZMatrixRMaj[] wmmse = new WmmsePrecoder(PrecoderOptions.defaults().withMaxIterations(1))
                .solve(p, Init.mrc()).precoders();
        for (int i = 0; i < p.numUe(); i++) {
            double err = Math.sqrt(diff2(pgd[i], wmmse[i]) / ComplexOps.frobeniusSquared(wmmse[i]));
            assertTrue(err < 1e-8, "UE " + i + ": relative error " + err);
        }
    }

    @Test
    void aWmmseFixedPointIsAFixedPointOfThePgdLayer() {
        // at a WMMSE fixed point V is the exact V-step's minimiser for its own U, W; a projected gradient step of
        // any small gamma stays at a constrained minimiser: run WMMSE to convergence and check one PGD layer
        Problem p = TestProblems.uniform(41, 2, 2, 3, 2, 1, 1.0, 0.1, 0.3);
        ZMatrixRMaj[] fixed = new WmmsePrecoder(PrecoderOptions.defaults().withMaxIterations(3000)
                .withTolerance(0)).solve(p, Init.mrc()).precoders();
        UnfoldedPgdExecutor ex = new UnfoldedPgdExecutor(p, UnfoldedPgdSteps.constant(1, 50, 1e-3));
        ex.start(fixed);
        ex.ueSide();
        ex.bsSide(0);
        ZMatrixRMaj[] after = ex.precoders();
        double moved = 0;
        double norm = 0;
        for (int i = 0; i < p.numUe(); i++) {   // jointly: WMMSE may switch a UE off (V_i = 0)
            moved += diff2(after[i], fixed[i]);
            norm += ComplexOps.frobeniusSquared(fixed[i]);
        }
        // WMMSE's 3000 iterations leave a residual step; the PGD layer moves by less than 1e-6 of the norm
        assertTrue(Math.sqrt(moved / norm) < 1e-6, "moved by " + Math.sqrt(moved / norm));
    }

    private static void hermitize(ZMatrixRMaj r) {
        int m = r.numRows;
        for (int a = 0; a < m; a++) {
            r.data[(a * m + a) * 2 + 1] = 0;
            for (int b = a + 1; b < m; b++) {
                double re = 0.5 * (r.data[(a * m + b) * 2] + r.data[(b * m + a) * 2]);
                double im = 0.5 * (r.data[(a * m + b) * 2 + 1] - r.data[(b * m + a) * 2 + 1]);
                r.data[(a * m + b) * 2] = re;
                r.data[(a * m + b) * 2 + 1] = im;
                r.data[(b * m + a) * 2] = re;
                r.data[(b * m + a) * 2 + 1] = -im;
            }
        }
    }

    static double diff2(ZMatrixRMaj a, ZMatrixRMaj b) {
        double s = 0;
        for (int e = 0; e < a.getDataLength(); e++) {
            double x = a.data[e] - b.data[e];
            s += x * x;
        }
        return s;
    }
}
