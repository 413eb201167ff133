package org.netsim.precoding.learned.iaidnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netsim.precoding.Init;
import org.netsim.precoding.InitialPrecoders;
import org.netsim.precoding.Problem;
import org.netsim.precoding.RateEvaluator;
import org.netsim.precoding.learned.ComplexTensor;
import org.netsim.precoding.learned.EngineAssumptions;
import org.netsim.precoding.learned.LearnedEngine;
import org.netsim.precoding.learned.gcn.GcnWmmseBatch;

class IaidnnNetworkTest {

    /** float64 DJL vs EJML: same operations in another order (inverse vs LU solve), a few layers: ~1e-12. */
    private static final double DOUBLE_TOLERANCE = 1e-9;
    /** Central differences with step 1e-6 in float64: truncation O(h^2) and rounding O(eps / h) ~ 1e-10. */
    private static final double GRADIENT_TOLERANCE = 1e-5;

    @BeforeEach
    void engine() {
        EngineAssumptions.assumeEngine();
    }

    private static List<Problem> problems(long seed, int count, int m, int numUe) {
        List<Problem> list = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            list.add(IaidnnTestProblems.singleCell(seed + c, m, numUe, 2, 2, 1.0, 0.1));
        }
        return list;
    }

    @Test
    void batchedNetworkEqualsTheExecutorInDoublePrecision() {
        List<Problem> ps = problems(40, 4, 5, 3);
        for (boolean shared : new boolean[] {false, true}) {
            for (boolean useY : new boolean[] {false, true}) {
                IaidnnArchitecture a = IaidnnArchitecture.of(ps.get(0), 3, shared, useY);
                IaidnnWeights w = IaidnnTestProblems.perturbed(a, 7, 0.1);
                for (boolean exact : new boolean[] {false, true}) {
                    try (NDManager m = LearnedEngine.engine().newBaseManager()) {
                        var params = IaidnnNetwork.Parameters.of(a, w.toArrays(), m, DataType.FLOAT64, false);
                        GcnWmmseBatch b = GcnWmmseBatch.of(m, ps, Init.mrc(), DataType.FLOAT64);
                        ComplexTensor v = IaidnnNetwork.forward(params, b, exact);
                        double[] wsr = IaidnnNetwork.wsr(b, v).toDoubleArray();
                        IaidnnExecutor ex = new IaidnnExecutor(w);
                        for (int n = 0; n < ps.size(); n++) {
                            Problem p = ps.get(n);
                            ZMatrixRMaj[] java = ex.run(p, InitialPrecoders.create(p, Init.mrc()), exact);
                            ZMatrixRMaj[] djl = b.precoders(v, n);
                            for (int i = 0; i < java.length; i++) {
                                for (int e = 0; e < java[i].data.length; e++) {
                                    assertEquals(java[i].data[e], djl[i].data[e], DOUBLE_TOLERANCE,
                                            a + " exact=" + exact + " problem " + n + " UE " + i);
                                }
                            }
                            assertEquals(RateEvaluator.wsrNat(p, java), wsr[n], DOUBLE_TOLERANCE);
                        }
                    }
                }
            }
        }
    }

    @Test
    void gradientMatchesCentralDifferences() {
        List<Problem> ps = problems(60, 2, 4, 2);
        IaidnnArchitecture a = IaidnnArchitecture.of(ps.get(0), 3, false, true);
        IaidnnWeights w = IaidnnTestProblems.perturbed(a, 3, 0.1);
        Map<String, double[]> theta = w.toArrays();
        Map<String, double[]> grads;
        try (NDManager m = LearnedEngine.engine().newBaseManager()) {
            var params = IaidnnNetwork.Parameters.of(a, theta, m, DataType.FLOAT64, true);
            GcnWmmseBatch b = GcnWmmseBatch.of(m, ps, Init.mrc(), DataType.FLOAT64);
            try (GradientCollector gc = m.getEngine().newGradientCollector()) {
                NDArray loss = IaidnnNetwork.wsr(b, IaidnnNetwork.forward(params, b, false)).mean().neg();
                gc.backward(loss);
            }
            grads = params.gradients();
        }
        double h = 1e-6;
        int checked = 0;
        for (String name : a.tensorNames()) {
            double[] t = theta.get(name);
            for (int e : new int[] {0, 1, t.length / 2 + 1, t.length - 1}) {
                double saved = t[e];
                t[e] = saved + h;
                double up = loss(a, theta, ps);
                t[e] = saved - h;
                double down = loss(a, theta, ps);
                t[e] = saved;
                double fd = (up - down) / (2 * h);
                double g = grads.get(name)[e];
                assertEquals(fd, g, GRADIENT_TOLERANCE * Math.max(1, Math.abs(fd)), name + "[" + e + "]");
                checked++;
            }
        }
        assertTrue(checked >= 4 * a.tensorNames().size());
    }

    private static double loss(IaidnnArchitecture a, Map<String, double[]> theta, List<Problem> ps) {
        try (NDManager m = LearnedEngine.engine().newBaseManager()) {
            var params = IaidnnNetwork.Parameters.of(a, theta, m, DataType.FLOAT64, false);
            GcnWmmseBatch b = GcnWmmseBatch.of(m, ps, Init.mrc(), DataType.FLOAT64);
            return IaidnnNetwork.wsr(b, IaidnnNetwork.forward(params, b, false)).mean().neg().getDouble();
        }
    }

    /**
     * Optimisation check: on one fixed minibatch (training and validation set alike) 60 AdamW steps at the paper's
     * rate 10^-3 must raise the WSR (lower the loss). Fresh minibatches are too noisy at this size for a 60-step
     * test (the minibatch WSR varies by +-20 % between draws). Our form from the Jacobi start has gradient norms of
     * 1e7 and more (docs/iaidnn.md), so its steps are clipped to norm 1 here, and the run is in float64: in float32
     * the engine's rounding is not bitwise reproducible and the same 60 steps gained between 0.9 % and 3 %.
     */
    @Test
    void shortTrainingLowersTheLoss() {
        List<Problem> fixed = problems(1000, 32, 4, 2);
        IaidnnTrainer.Config base = IaidnnTrainer.Config.shortDefault(false).with(3, 60, 32, 40, 10, 60);
        IaidnnTrainer.Config c = base.withOptions(base.shared(), base.useY(), base.learningRate(), base.seed(),
                DataType.FLOAT64).withInit(IaidnnWeights.Init.JACOBI, 1.0, false);          // our form
        IaidnnTrainer.Result r = IaidnnTrainer.train(c, s -> fixed.get(s % fixed.size()), fixed,
                new IaidnnTrainer.Listener() {
                });
        double before = r.validations().get(0).meanWsr();
        double after = r.validations().get(r.validations().size() - 1).meanWsr();
        assertEquals(0, r.skippedSteps());
        assertTrue(after > before * 1.02, "WSR " + before + " -> " + after);
        assertEquals(c.learningRate() * 0.1, c.learningRateAt(40), 1e-18);
        assertEquals(c.learningRate() * 0.01, c.learningRateAt(50), 1e-18);
        assertEquals(c.learningRate(), c.learningRateAt(39), 0.0);
    }
}
