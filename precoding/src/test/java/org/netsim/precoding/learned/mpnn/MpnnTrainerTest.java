package org.netsim.precoding.learned.mpnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netsim.precoding.Problem;
import org.netsim.precoding.learned.EngineAssumptions;

class MpnnTrainerTest {

    @BeforeEach
    void engine() {
        EngineAssumptions.assumeEngine();
    }

    /**
     * A few epochs on 32 problems raise their sum rate above the untrained network's (which is the zero-forcing
     * start): the negative-sum-rate loss is minimised (the set is also the validation set, so this checks the
     * optimisation, not generalisation). The margin 2% is above float noise (1e-6) and below what five epochs reach.
     */
    @Test
    void shortTrainingRaisesTheSumRate() {
        MpnnArchitecture a = MpnnSamples.SMALL;
        List<Problem> training = MpnnSamples.problems(a, 32, 21);
        List<Problem> validation = training;
        MpnnTrainer.Config c = MpnnTrainer.Config.defaults(a).withEpochs(5).withBatchSize(8).withLearningRate(1e-2);
        List<MpnnTrainer.EpochRecord> seen = new ArrayList<>();
        try (MpnnTrainer.Result r = MpnnTrainer.train(training, validation, c, seen::add)) {
            assertEquals(5, seen.size());
            assertTrue(r.bestValidationSumRateNat() > 1.02 * r.initialValidationSumRateNat(),
                    r.initialValidationSumRateNat() + " -> " + r.bestValidationSumRateNat() + " " + seen);
            assertTrue(seen.get(4).trainingSumRateNat() > seen.get(0).trainingSumRateNat(), seen.toString());
            double executorRate = 0;
            MpnnExecutor ex = r.network().executor();
            for (Problem p : validation) {
                executorRate += MpnnScore.sumRateNat(p, ex.precoders(p, org.netsim.precoding.Init.zf()));
            }
            assertEquals(r.bestValidationSumRateNat(), executorRate / validation.size(),
                    1e-4 * r.bestValidationSumRateNat(), "kept weights are the best epoch's");
        }
    }

    @Test
    void cosineScheduleRunsFromTheInitialToTheFinalRate() {
        MpnnTrainer.Config c = MpnnTrainer.Config.defaults(MpnnSamples.SMALL);
        assertEquals(1e-3, c.learningRateAt(0, 100), 1e-15);
        assertEquals(0.5 * (1e-3 + 1e-5), c.learningRateAt(50, 100), 1e-15);
        assertEquals(1e-5, c.learningRateAt(100, 100), 1e-15);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.withBatchSize(0));
        assertTrue(e.getMessage().startsWith("batchSize"), e.getMessage());
    }
}
