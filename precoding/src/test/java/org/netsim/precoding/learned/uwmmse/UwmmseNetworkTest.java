package org.netsim.precoding.learned.uwmmse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netsim.precoding.Problem;
import org.netsim.precoding.TestProblems;
import org.netsim.precoding.learned.EngineAssumptions;
import org.netsim.precoding.learned.LearnedEngine;

/** The batched DJL network against the Java executor, its gradient, and a short training run. */
class UwmmseNetworkTest {

    @BeforeEach
    void engine() {
        EngineAssumptions.assumeEngine();
    }

    private static List<Problem> batch(long seed0, int count, int pairs) {
        List<Problem> out = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            out.add(TestProblems.sisoPairs(seed0 + n, pairs));
        }
        return out;
    }

    /** Both executors are float64 implementations of the same equations: agreement to rounding. */
    @Test
    void batchedNetworkEqualsTheJavaExecutor() {
        UwmmseWeights w = UwmmseWeights.initial(4, 4, 0.6, 2);
        List<Problem> problems = batch(40, 5, 7);
        try (NDManager m = LearnedEngine.engine().newBaseManager()) {
            UwmmseNetwork.Batch b = UwmmseNetwork.Batch.of(m, problems);
            NDArray q = UwmmseNetwork.forward(UwmmseNetwork.parameters(w, m, false), b, 4);
            double[] qs = q.toDoubleArray();
            double[] rates = UwmmseNetwork.sumRate(b, q).toDoubleArray();
            for (int n = 0; n < problems.size(); n++) {
                UwmmseExecutor.Channels ch = UwmmseExecutor.channels(problems.get(n));
                double[] ref = UwmmseExecutor.run(w, ch);
                for (int i = 0; i < ref.length; i++) {
                    assertEquals(ref[i], qs[n * 7 + i], 1e-10);
                }
                double r = UwmmseExecutor.sumRateNat(ch, ref);
                assertEquals(r, rates[n], 1e-10 * Math.abs(r));
            }
        }
    }

    /**
     * d(mean sum rate)/d(theta) from autograd against central differences of the Java executor's sum rate with step
     * 1e-6: truncation O(h^2) and rounding O(eps / h) are both below 1e-7 relative to the largest gradient entry.
     */
    @Test
    void gradientMatchesFiniteDifferences() {
        UwmmseWeights w = UwmmseWeights.initial(2, 3, 0.5, 4);
        List<Problem> problems = batch(60, 3, 5);
        var r = UwmmseTrainer.sumRateAndGradient(w, problems);
        assertEquals(UwmmseTrainer.meanSumRateNat(w, problems), r.getKey(), 1e-10 * Math.abs(r.getKey()));
        double scale = r.getValue().values().stream().flatMapToDouble(java.util.Arrays::stream).map(Math::abs)
                .max().orElseThrow();
        assertTrue(scale > 0, "some gradient must be non-zero");
        double h = 1e-6;
        int checked = 0;
        for (Map.Entry<String, double[]> e : r.getValue().entrySet()) {
            double[] g = e.getValue();
            for (int j = 0; j < g.length; j++) {
                Map<String, double[]> plus = w.toArrays();
                Map<String, double[]> minus = w.toArrays();
                plus.get(e.getKey())[j] += h;
                minus.get(e.getKey())[j] -= h;
                double fd = (UwmmseTrainer.meanSumRateNat(new UwmmseWeights(2, 3, plus), problems)
                        - UwmmseTrainer.meanSumRateNat(new UwmmseWeights(2, 3, minus), problems)) / (2 * h);
                assertEquals(fd, g[j], 1e-5 * scale + 1e-6 * Math.abs(fd), e.getKey() + "[" + j + "]");
                checked++;
            }
        }
        assertEquals(new UwmmseWeights(2, 3, w.toArrays()).parameterCount(), checked);
    }

    /** A few dozen Adam steps raise the validation sum rate of the initial (near-WMMSE) weights. */
    @Test
    void shortTrainingRaisesTheSumRate() {
        List<Problem> validation = batch(900, 16, 6);
        UwmmseTrainer.Config config = new UwmmseTrainer.Config(3, 4, 40, 8, 2e-2, 0.1, 40, 1);
        UwmmseTrainer.Result result = UwmmseTrainer.train(config, n -> TestProblems.sisoPairs(5000 + n, 6),
                validation, new UwmmseTrainer.Listener() { });
        double before = result.validations().get(0).sumRateNat();
        double after = result.validations().get(result.validations().size() - 1).sumRateNat();
        assertTrue(after > before * 1.001, "validation sum rate " + before + " -> " + after);
        assertEquals(40, result.steps().size());
        assertEquals(after, UwmmseTrainer.meanSumRateNat(result.last(), validation), 1e-12 * after);
    }
}
