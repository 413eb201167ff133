package org.netsim.precoding.learned.deepfp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netsim.precoding.learned.EngineAssumptions;

/** Hybrid training: the losses fall, and a resumed run continues as the uninterrupted one. */
class DeepFpTrainerTest {

    /**
     * The first step after the resume against the uninterrupted run's same step, relative: identical weights and
     * batch (the checkpoint round trip is checked exactly), so only float32 BLAS rounding separates the losses.
     */
    static final double FIRST_STEP_TOLERANCE = 1e-5;
    /**
     * Later losses and the final validation WSR, relative. PyTorch's CPU BLAS (MKL) may round a product differently
     * with its buffers' alignment (surefire sets MKL_CBWR=COMPATIBLE, which removes most but, in the full suite,
     * not all of it), and Adam turns the sign of a near-zero gradient into a step of size lr, so the runs drift
     * apart by up to 5e-4 (observed) over five steps; 3e-3 still catches a wrong batch or learning rate (the
     * batches' losses differ by 1e-2 or more).
     */
    static final double RESUME_TOLERANCE = 3e-3;

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
        List<DeepFpTrainer.StepRecord> straightSteps;
        List<DeepFpTrainer.ValidationRecord> straightValidations;
        try (DeepFpTrainer.Result r = DeepFpTrainer.train(c, DeepFpSamples::problem,
                s -> DeepFpSamples.problem(10_000 + s), null, keep)) {
            straightSteps = r.steps();
            straightValidations = r.validations();
        }
        Assumptions.assumeTrue(straightSteps.stream().allMatch(r -> Double.isFinite(r.loss())),
                "inconclusive: the engine produced a non-finite step (skipped by the trainer) in this run");
        DeepFpTrainer.Checkpoint atThree = checkpoints.get(0);
        assertEquals(3, atThree.step());
        // through the binary encoding, as --resume reads it
        DeepFpTrainer.Checkpoint decoded = DeepFpTrainer.Checkpoint.decode(atThree.encode(), "test");
        for (int p = 0; p < atThree.parameters().size(); p++) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(atThree.parameters().get(p), decoded.parameters().get(p),
                    0f, "checkpoint round trip of parameter " + p);
            org.junit.jupiter.api.Assertions.assertArrayEquals(atThree.adam().second().get(p),
                    decoded.adam().second().get(p), 0f, "checkpoint round trip of Adam's v " + p);
        }
        assertEquals(atThree.steps(), decoded.steps());
        List<DeepFpTrainer.Checkpoint> resumedCheckpoints = new ArrayList<>();
        try (DeepFpTrainer.Result r = DeepFpTrainer.train(c, DeepFpSamples::problem,
                s -> DeepFpSamples.problem(10_000 + s), decoded, new DeepFpTrainer.Listener() {
                    @Override
                    public void checkpoint(DeepFpTrainer.Checkpoint cp) {
                        resumedCheckpoints.add(cp);
                    }
                })) {
            DeepFpTrainer.Checkpoint last = resumedCheckpoints.get(resumedCheckpoints.size() - 1);
            assertEquals(c.totalSteps(), last.step());
            double wStraight = straightValidations.get(straightValidations.size() - 1).wsrNat();
            double wResumed = r.validations().get(r.validations().size() - 1).wsrNat();
            assertEquals(wStraight, wResumed, RESUME_TOLERANCE * wStraight, "final validation WSR");
            Assumptions.assumeTrue(r.steps().stream().allMatch(x -> Double.isFinite(x.loss())),
                    "inconclusive: the engine produced a non-finite step (skipped by the trainer) in this run");
            assertEquals(straightSteps.size(), r.steps().size());
            double l3 = straightSteps.get(3).loss();
            assertEquals(l3, r.steps().get(3).loss(), FIRST_STEP_TOLERANCE * Math.max(1, Math.abs(l3)),
                    "the first resumed step");
            for (int s = 0; s < straightSteps.size(); s++) {
                double l = straightSteps.get(s).loss();
                assertEquals(l, r.steps().get(s).loss(), RESUME_TOLERANCE * Math.max(1, Math.abs(l)),
                        "loss of step " + s);
            }
        }
    }
}
