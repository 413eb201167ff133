package org.netsim.precoding.learned.pgd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netsim.precoding.Init;
import org.netsim.precoding.InitialPrecoders;
import org.netsim.precoding.Problem;
import org.netsim.precoding.RateEvaluator;
import org.netsim.precoding.TestProblems;
import org.netsim.precoding.learned.EngineAssumptions;
import org.netsim.precoding.learned.LearnedEngine;
import org.netsim.precoding.learned.gcn.GcnWmmseBatch;
import org.netsim.precoding.linalg.ComplexOps;

/** The batched DJL executor against the per-problem one, its gradient, and the trainer. */
class UnfoldedPgdNetworkTest {

    /** Double precision: summation order and inverse vs. Cholesky solves differ, over 3 x 6 sub-steps. */
    static final double DOUBLE_TOLERANCE = 1e-9;
    /** Float32 (refined solves): relative rounding 6e-8 amplified by the layers; a factor ~20 above measured. */
    static final double FLOAT_TOLERANCE = 1e-4;

    @BeforeEach
    void engine() {
        EngineAssumptions.assumeEngine();
    }

    /** iid-cn-like problems (Scenario I sizes scaled down): K BSs, 2 UEs each, CN(0, 1), P / sigma^2 = 100. */
    static List<Problem> problems(long seed, int count, int k, int m, int n, int d) {
        List<Problem> out = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            out.add(TestProblems.uniform(seed + s, k, 2, m, n, d, 0.1, 1e-3, 1.0));
        }
        return out;
    }

    /** Random positive step sizes around gamma0 (every entry different, so the indexing is checked). */
    static UnfoldedPgdSteps randomSteps(int l, int q, double gamma0, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] rho = new double[l * q];
        for (int j = 0; j < rho.length; j++) {
            rho[j] = Math.log(gamma0) + 0.5 * (rng.nextDouble() - 0.5);
        }
        return new UnfoldedPgdSteps(l, q, rho);
    }

    static double gamma0(List<Problem> ps) {
        double s = 0;
        for (Problem p : ps) {
            s += UnfoldedPgdTrainer.firstLayerScale(p);
        }
        return ps.size() / s;
    }

    @Test
    void agreesWithTheExecutorInDoubleAndFloat() {
        List<Problem> ps = problems(10, 3, 3, 4, 2, 2);
        UnfoldedPgdSteps steps = randomSteps(3, 6, gamma0(ps), 1);
        assertAgree(steps, ps, DataType.FLOAT64, DOUBLE_TOLERANCE);
        assertAgree(steps, ps, DataType.FLOAT32, FLOAT_TOLERANCE);
        // single stream, single receive antenna, other sizes
        List<Problem> siso = problems(20, 2, 2, 3, 1, 1);
        assertAgree(randomSteps(2, 3, gamma0(siso), 2), siso, DataType.FLOAT64, DOUBLE_TOLERANCE);
    }

    private static void assertAgree(UnfoldedPgdSteps steps, List<Problem> ps, DataType type, double tol) {
        try (NDManager m = LearnedEngine.engine().newBaseManager()) {
            GcnWmmseBatch batch = GcnWmmseBatch.of(m, ps, Init.mrc(), type);
            NDArray rho = UnfoldedPgdNetwork.constant(m, steps.logSteps(), new Shape(steps.parameterCount()), type);
            UnfoldedPgdNetwork.Output out = UnfoldedPgdNetwork.forward(rho, steps.layers(), steps.substeps(), batch,
                    steps.layers());
            double[] wsr = out.wsr().toType(DataType.FLOAT64, false).toDoubleArray();
            for (int b = 0; b < ps.size(); b++) {
                Problem p = ps.get(b);
                UnfoldedPgdExecutor ex = new UnfoldedPgdExecutor(p, steps);
                ex.start(InitialPrecoders.create(p, Init.mrc()));
                for (int l = 0; l < steps.layers(); l++) {
                    ex.ueSide();
                    ex.bsSide(l);
                }
                ZMatrixRMaj[] ref = ex.precoders();
                ZMatrixRMaj[] got = batch.precoders(out.precoders(), b);
                double num = 0;
                double den = 0;
                for (int i = 0; i < p.numUe(); i++) {
                    num += UnfoldedPgdExecutorTest.diff2(got[i], ref[i]);
                    den += ComplexOps.frobeniusSquared(ref[i]);
                }
                double err = Math.sqrt(num / den);
                assertTrue(err < tol, type + " problem " + b + ": precoder relative error " + err);
                double refWsr = RateEvaluator.wsrNat(p, ref);
                assertEquals(refWsr, wsr[b], tol * Math.abs(refWsr), type + " problem " + b + " WSR");
            }
        }
    }

    /**
     * d J / d rho_j against central differences of the loss (16) over all layers, in double: step 1e-5 in rho
     * gives truncation ~1e-10 and rounding ~1e-11 relative; tolerance 1e-6 relative to the gradient's norm.
     */
    @Test
    void gradientMatchesFiniteDifferences() {
        List<Problem> ps = problems(30, 2, 2, 3, 2, 2);
        UnfoldedPgdSteps steps = randomSteps(3, 2, gamma0(ps), 3);
        double[] rho = steps.logSteps();
        double[] grad;
        try (NDManager m = LearnedEngine.engine().newBaseManager()) {
            NDArray param = UnfoldedPgdNetwork.constant(m, rho, new Shape(rho.length), DataType.FLOAT64);
            param.setRequiresGradient(true);
            GcnWmmseBatch batch = GcnWmmseBatch.of(m, ps, Init.mrc(), DataType.FLOAT64);
            try (GradientCollector gc = LearnedEngine.engine().newGradientCollector()) {
                gc.backward(loss(param, steps, batch));
            }
            grad = param.getGradient().toDoubleArray();
        }
        // the loss's value is -1; its gradient equals that of sum_l mean_n -WSR_l / |WSR_l| with r held fixed,
        // so the difference quotient uses the normaliser of the unperturbed point
        double[] r = layerWsrs(rho, steps, ps);
        double h = 1e-5;
        double norm = 0;
        for (double g : grad) {
            norm += g * g;
        }
        norm = Math.sqrt(norm);
        assertTrue(norm > 0, "gradient is zero");
        for (int j = 0; j < rho.length; j++) {
            double[] plus = rho.clone();
            double[] minus = rho.clone();
            plus[j] += h;
            minus[j] -= h;
            double fd = (scaledLoss(plus, steps, ps, r) - scaledLoss(minus, steps, ps, r)) / (2 * h);
            assertEquals(fd, grad[j], 1e-6 * norm, "d J / d rho_" + j);
        }
    }

    private static NDArray loss(NDArray param, UnfoldedPgdSteps steps, GcnWmmseBatch batch) {
        UnfoldedPgdNetwork.Output out = UnfoldedPgdNetwork.forward(param, steps.layers(), steps.substeps(), batch,
                steps.layers());
        NDArray loss = null;
        for (int l = 1; l <= steps.layers(); l++) {
            NDArray wsr = out.layerWsr()[l];
            NDArray term = wsr.div(wsr.abs().stopGradient()).neg().mean();
            loss = loss == null ? term : loss.add(term);
        }
        return loss;
    }

    /** WSR of every (layer, sample), [L x B] row by row, from the executor. */
    private static double[] layerWsrs(double[] rho, UnfoldedPgdSteps shape, List<Problem> ps) {
        UnfoldedPgdSteps steps = new UnfoldedPgdSteps(shape.layers(), shape.substeps(), rho);
        double[] out = new double[shape.layers() * ps.size()];
        for (int b = 0; b < ps.size(); b++) {
            Problem p = ps.get(b);
            UnfoldedPgdExecutor ex = new UnfoldedPgdExecutor(p, steps);
            ex.start(InitialPrecoders.create(p, Init.mrc()));
            for (int l = 0; l < steps.layers(); l++) {
                ex.ueSide();
                ex.bsSide(l);
                out[l * ps.size() + b] = ex.evaluate();
            }
        }
        return out;
    }

    private static double scaledLoss(double[] rho, UnfoldedPgdSteps shape, List<Problem> ps, double[] r) {
        double[] w = layerWsrs(rho, shape, ps);
        double s = 0;
        for (int j = 0; j < w.length; j++) {
            s -= w[j] / Math.abs(r[j]);
        }
        return s / ps.size();
    }

    @Test
    void shortTrainingRaisesTheValidationWsr() {
        UnfoldedPgdTrainer.Config c = UnfoldedPgdTrainer.Config.paper().withSizes(3, 4).withSteps(30, 8)
                .withLearningRate(0.05, 1000, 0.1).withValidationEvery(30);
        List<Problem> validation = problems(900, 8, 2, 3, 2, 2);
        UnfoldedPgdTrainer.Result r = UnfoldedPgdTrainer.train(c, s -> problems(1000L + s, 1, 2, 3, 2, 2).get(0),
                validation, new UnfoldedPgdTrainer.Listener() {
                });
        double before = r.validations().get(0).validationWsr();
        double after = r.validations().get(r.validations().size() - 1).validationWsr();
        assertTrue(after > before * 1.01, "validation WSR " + before + " -> " + after);
        assertEquals(0, r.skippedSteps());
        // the trained steps, run by the executor, give the validation figure the trainer reports
        double sum = 0;
        for (Problem p : validation) {
            sum += new UnfoldedPgdPrecoder(r.steps(), org.netsim.precoding.PrecoderOptions.defaults())
                    .solve(p, Init.mrc()).wsrNat();
        }
        assertEquals(after, sum / validation.size(), 1e-9 * after);
    }
}
