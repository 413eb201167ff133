package org.netsim.precoding.learned.pcgnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netsim.precoding.Problem;
import org.netsim.precoding.learned.EngineAssumptions;
import org.netsim.precoding.learned.mpnn.MpnnScore;

class PcgnnTrainerTest {

    @BeforeEach
    void engine() {
        EngineAssumptions.assumeEngine();
    }

    /**
     * A few epochs on 16 problems lower the loss (raise the sum rate) above the untrained network's: the set is
     * also the validation set, so this checks the optimisation, not generalisation. The margin 5% is far above
     * float noise (1e-6); the untrained network's precoders are random directions, which training improves by
     * much more.
     */
    @Test
    void shortTrainingLowersTheLoss() {
        PcgnnArchitecture a = PcgnnSamples.SMALL;
        List<Problem> training = PcgnnSamples.problems(a, 16, 21);
        PcgnnTrainer.Config c = PcgnnTrainer.Config.defaults(a).withEpochs(6).withBatchSize(4).withLearningRate(1e-2);
        List<PcgnnTrainer.EpochRecord> seen = new ArrayList<>();
        try (PcgnnTrainer.Result r = PcgnnTrainer.train(training, training, c, seen::add)) {
            assertEquals(6, seen.size());
            assertTrue(r.bestValidationSumRateNat() > 1.05 * r.initialValidationSumRateNat(),
                    r.initialValidationSumRateNat() + " -> " + r.bestValidationSumRateNat() + " " + seen);
            assertTrue(seen.get(5).trainingSumRateNat() > seen.get(0).trainingSumRateNat(), seen.toString());
            double executorRate = 0;
            PcgnnExecutor ex = r.network().executor();
            for (Problem p : training) {
                executorRate += MpnnScore.sumRateNat(p, ex.precoders(p));
            }
            assertEquals(r.bestValidationSumRateNat(), executorRate / training.size(),
                    1e-4 * r.bestValidationSumRateNat(), "kept weights are the best epoch's");
            MpnnScore score = PcgnnScore.of(ex, training);
            assertEquals(executorRate / training.size(), score.mpnnSumRateNat(), 1e-12 * executorRate);
            assertTrue(score.ratio() > 0 && score.ratio() < 1.2, "WMMSE is a strong reference: " + score.ratio());
        }
    }

    @Test
    void cosineScheduleRunsFromTheInitialToTheFinalRate() {
        PcgnnTrainer.Config c = PcgnnTrainer.Config.defaults(PcgnnSamples.SMALL);
        assertEquals(1e-3, c.learningRateAt(0, 100), 1e-15);
        assertEquals(0.5 * (1e-3 + 1e-5), c.learningRateAt(50, 100), 1e-15);
        assertEquals(1e-5, c.learningRateAt(100, 100), 1e-15);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.withBatchSize(0));
        assertTrue(e.getMessage().startsWith("batchSize"), e.getMessage());
    }
}
