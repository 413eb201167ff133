package org.netsim.precoding.learned.deepfp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netsim.precoding.learned.EngineAssumptions;

/** Hybrid training: the losses fall, and a resumed run continues exactly as the uninterrupted one. */
class DeepFpTrainerTest {

    @BeforeEach
    void engine() {
        EngineAssumptions.assumeEngine();
    }

    static DeepFpTrainer.Config tiny(int supervised, int wsr, int checkpointEvery) {
        return new DeepFpTrainer.Config(DeepFpSamples.SMALL, supervised, wsr, 8, 16, 8, 30, 0.005, 0.002, 100, 3,
                checkpointEvery, 5L, Device.cpu());
    }

    @Test
    void fewStepsLowerBothLosses() {
        DeepFpTrainer.Config c = tiny(12, 12, 0);
        try (DeepFpTrainer.Result r = DeepFpTrainer.train(c, DeepFpSamples::problem,
                s -> DeepFpSamples.problem(10_000 + s), null, new DeepFpTrainer.Listener() { })) {
            List<DeepFpTrainer.StepRecord> s = r.steps();
            double sup0 = (s.get(0).loss() + s.get(1).loss()) / 2;
            double sup1 = (s.get(10).loss() + s.get(11).loss()) / 2;
            assertTrue(sup1 < sup0, "supervised loss " + sup0 + " -> " + sup1);
            // the unsupervised stage draws fresh problems every step, so its batch losses are not comparable: compare
            // the validation WSR (fixed problems and V^0) at the end of each stage
            double afterSupervised = validationAt(r, 12);
            double afterWsr = validationAt(r, 24);
            assertTrue(afterWsr > afterSupervised, "validation WSR " + afterSupervised + " -> " + afterWsr);
            assertTrue(r.bestWsrNat() >= r.validations().get(0).wsrNat(), "the kept weights validate no worse");
        }
    }

    private static double validationAt(DeepFpTrainer.Result r, int step) {
        return r.validations().stream().filter(v -> v.step() == step).findFirst().orElseThrow().wsrNat();
    }

    @Test
    void resumedRunContinuesAsTheUninterruptedOne() {
        DeepFpTrainer.Config c = tiny(4, 4, 3);
        List<DeepFpTrainer.Checkpoint> checkpoints = new ArrayList<>();
        DeepFpTrainer.Listener keep = new DeepFpTrainer.Listener() {
            @Override
            public void checkpoint(DeepFpTrainer.Checkpoint cp) {
                checkpoints.add(cp);
            }
        };
        List<float[]> straight;
        List<DeepFpTrainer.StepRecord> straightSteps;
        try (DeepFpTrainer.Result r = DeepFpTrainer.train(c, DeepFpSamples::problem,
                s -> DeepFpSamples.problem(10_000 + s), null, keep)) {
            straight = r.network().snapshot();
            straightSteps = r.steps();
        }
        DeepFpTrainer.Checkpoint atThree = checkpoints.get(0);
        assertEquals(3, atThree.step());
        // through the binary encoding, as --resume reads it
        DeepFpTrainer.Checkpoint decoded = DeepFpTrainer.Checkpoint.decode(atThree.encode(), "test");
        try (DeepFpTrainer.Result r = DeepFpTrainer.train(c, DeepFpSamples::problem,
                s -> DeepFpSamples.problem(10_000 + s), decoded, new DeepFpTrainer.Listener() { })) {
            List<float[]> resumed = r.network().snapshot();
            assertEquals(straight.size(), resumed.size());
            for (int p = 0; p < straight.size(); p++) {
                assertArrayEquals(straight.get(p), resumed.get(p), 0f, "parameter " + p);
            }
            assertEquals(straightSteps.size(), r.steps().size());
            for (int s = 0; s < straightSteps.size(); s++) {
                assertEquals(straightSteps.get(s).loss(), r.steps().get(s).loss(), 0.0, "loss of step " + s);
            }
        }
    }
}
