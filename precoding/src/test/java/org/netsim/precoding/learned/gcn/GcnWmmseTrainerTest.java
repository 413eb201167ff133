package org.netsim.precoding.learned.gcn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netsim.precoding.Problem;
import org.netsim.precoding.TestProblems;
import org.netsim.precoding.gcn.GcnWmmseWeights;
import org.netsim.precoding.learned.EngineAssumptions;

/** The GCN-WMMSE trainer on a tiny configuration: it learns, and a resumed run continues exactly. */
class GcnWmmseTrainerTest {

    @BeforeEach
    void engine() {
        EngineAssumptions.assumeEngine();
    }

    static final IntFunction<Problem> SAMPLES = s -> TestProblems.uniform(10_000 + s, 2, 2, 4, 2, 2, 1.0, 1e-2, 0.1);

    static List<Problem> validation() {
        List<Problem> v = new ArrayList<>();
        for (int s = 0; s < 16; s++) {
            v.add(TestProblems.uniform(20_000 + s, 2, 2, 4, 2, 2, 1.0, 1e-2, 0.1));
        }
        return v;
    }

    static GcnWmmseTrainer.Config tiny(int steps) {
        return GcnWmmseTrainer.Config.paper().withSizes(3, 2, 2).withSteps(steps).withBatchSize(8)
                .withLearningRate(0.01, 20, 0.5).withSchedule(3, 2).withSeed(5).withThreads(1);
    }

    @Test
    void trainingAFewStepsRaisesTheValidationRate() {
        // the loss (16) is -1 in value; its gradient raises the WSR, which is what the validation measures
        GcnWmmseCheckpoint c = GcnWmmseTrainer.train(tiny(30), SAMPLES, validation(), null,
                new GcnWmmseTrainer.Listener() { });
        double first = c.validations().get(0).validationWsr();
        double last = c.validations().get(c.validations().size() - 1).validationWsr();
        // deterministic (one thread): measured 12.104 -> 12.250 nat/s/Hz (+1.2%) in 30 steps of 8 samples
        assertTrue(last > first * 1.005, "validation WSR " + first + " -> " + last);
        assertEquals(30, c.steps().size());
        assertEquals(0, c.skippedSteps());
    }

    @Test
    void resumingFromACheckpointContinuesExactly() throws Exception {
        GcnWmmseCheckpoint whole = GcnWmmseTrainer.train(tiny(6), SAMPLES, validation(), null,
                new GcnWmmseTrainer.Listener() { });
        GcnWmmseCheckpoint again = GcnWmmseTrainer.train(tiny(6), SAMPLES, validation(), null,
                new GcnWmmseTrainer.Listener() { });
        assertArrayEquals(whole.theta().get("w_taps"), again.theta().get("w_taps"), "two uninterrupted runs");
        List<GcnWmmseCheckpoint> saved = new ArrayList<>();
        GcnWmmseTrainer.train(tiny(6), SAMPLES, validation(), null, new GcnWmmseTrainer.Listener() {
            @Override
            public void onCheckpoint(GcnWmmseCheckpoint c) {
                saved.add(c);
            }
        });
        GcnWmmseCheckpoint atFour = saved.stream().filter(c -> c.step() == 4).findFirst().orElseThrow();
        // through JSON, as the command line does
        GcnWmmseCheckpoint read = GcnWmmseCheckpoint.fromJson(new ByteArrayInputStream(atFour.toJson()), "test");
        GcnWmmseCheckpoint resumed = GcnWmmseTrainer.train(tiny(6), SAMPLES, validation(), read,
                new GcnWmmseTrainer.Listener() { });
        assertEquals(6, resumed.step());
        for (String name : GcnWmmseWeights.NAMES) {
            assertArrayEquals(whole.theta().get(name), resumed.theta().get(name), name);
            assertArrayEquals(whole.secondMoments().get(name), resumed.secondMoments().get(name), name);
        }
        assertEquals(whole.biasScale(), resumed.biasScale());
        assertEquals(whole.validations().size(), resumed.validations().size());
        assertEquals(whole.validations().get(whole.validations().size() - 1).validationWsr(),
                resumed.validations().get(resumed.validations().size() - 1).validationWsr());
    }

    @Test
    void resumingWithOtherHyperparametersIsRefused() throws Exception {
        List<GcnWmmseCheckpoint> saved = new ArrayList<>();
        GcnWmmseTrainer.train(tiny(2), SAMPLES, validation(), null, new GcnWmmseTrainer.Listener() {
            @Override
            public void onCheckpoint(GcnWmmseCheckpoint c) {
                saved.add(c);
            }
        });
        GcnWmmseCheckpoint c = saved.get(saved.size() - 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GcnWmmseTrainer.train(
                tiny(4).withBatchSize(4), SAMPLES, validation(), c, new GcnWmmseTrainer.Listener() { }));
        assertTrue(e.getMessage().contains("batch=8"), e.getMessage());
    }

    @Test
    void learningRateFollowsTheStepSchedule() {
        GcnWmmseTrainer.Config c = GcnWmmseTrainer.Config.paper();
        assertEquals(0.01, c.learningRateAt(0));
        assertEquals(0.01, c.learningRateAt(2499));
        assertEquals(0.001, c.learningRateAt(2500), 1e-18);
        assertEquals(1e-5, c.learningRateAt(9999), 1e-18);
    }

    @Test
    void adamWMatchesItsFirstStepClosedForm() {
        // step 1: m^ = g, v^ = g^2, so theta <- theta (1 - eta lambda) - eta g / (|g| + eps)
        AdamW opt = new AdamW(0.9, 0.99, 1e-3, 1e-8);
        java.util.Map<String, double[]> theta = new java.util.LinkedHashMap<>();
        theta.put("a", new double[] {1.0, -2.0});
        opt.step(theta, java.util.Map.of("a", new double[] {0.5, -4.0}), 0.01);
        assertEquals(1.0 * (1 - 1e-5) - 0.01 * 0.5 / (0.5 + 1e-8), theta.get("a")[0], 1e-15);
        assertEquals(-2.0 * (1 - 1e-5) + 0.01 * 4.0 / (4.0 + 1e-8), theta.get("a")[1], 1e-15);
    }
}
