package org.netsim.precoding.learned.sun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netsim.precoding.Problem;
import org.netsim.precoding.learned.EngineAssumptions;

class SunDnnTrainerTest {

    @BeforeEach
    void engine() {
        EngineAssumptions.assumeEngine();
    }

    /**
     * A few epochs on a small IC (K = 4, 2000 samples) lower the training and validation MSE and raise the sum
     * rate above the initial network's: the trainer learns, and keeps the best epoch.
     */
    @Test
    void fewEpochsLowerTheLossAndImproveOnTheInitialisation() {
        SunDnnArchitecture a = SunDnnNetworkTest.SMALL;
        List<Problem> training = SunSamples.ic(4, 2000, 11);
        List<Problem> validation = SunSamples.ic(4, 300, 12);
        SunDnnDataset tr = SunDnnDataset.of(training, a);
        SunDnnDataset va = SunDnnDataset.of(validation, a);
        SunDnnTrainer.Config config = SunDnnTrainer.Config.defaults(a).withEpochs(4).withBatchSize(100)
                .withSeed(3);
        List<SunDnnTrainer.EpochRecord> seen = new ArrayList<>();
        SunDnnScore initial;
        try (SunDnnNetwork init = SunDnnNetwork.initialise(a, 3, Device.cpu())) {
            initial = SunDnnScore.of(init, validation, va);
        }
        try (SunDnnTrainer.Result r = SunDnnTrainer.train(tr, va, config, seen::add)) {
            assertEquals(4, r.history().size());
            assertEquals(r.history(), seen, "progress sees every epoch");
            assertEquals(initial.mse(), r.initialValidationMse(), 1e-6, "same seed, same initial network");
            assertTrue(r.history().get(3).trainingMse() < r.history().get(0).trainingMse(),
                    "training loss falls: " + r.history());
            assertTrue(r.bestValidationMse() < r.initialValidationMse(), "validation MSE falls: " + r.history());
            assertTrue(r.bestEpoch() >= 1);
            SunDnnScore trained = SunDnnScore.of(r.network(), validation, va);
            assertEquals(r.bestValidationMse(), trained.mse(), 1e-6, "the best epoch's weights are kept");
            assertTrue(trained.ratio() > initial.ratio(),
                    "sum rate " + trained.ratio() + " vs initial " + initial.ratio());
            assertTrue(trained.bestRatio() <= 1.05, "WMMSE is a local optimum, not a bound; but not by far: "
                    + trained.bestRatio());
        }
    }

    @Test
    void rejectsDataOfAnotherArchitectureAndBadConfigs() {
        SunDnnArchitecture a = SunDnnNetworkTest.SMALL;
        SunDnnDataset data = SunDnnDataset.of(SunSamples.ic(4, 10, 1), a);
        SunDnnTrainer.Config other = SunDnnTrainer.Config.defaults(a.withHidden(8));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SunDnnTrainer.train(data, data, other, r -> { }));
        assertTrue(e.getMessage().startsWith("training, validation: data sets of"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SunDnnTrainer.Config.defaults(a).withBatchSize(0));
        assertThrows(IllegalArgumentException.class, () -> SunDnnTrainer.Config.defaults(a).withLearningRate(-1));
        assertThrows(IllegalArgumentException.class, () -> SunDnnTrainer.Config.defaults(a).withDecayFactor(1.5));
    }

    @Test
    void labelsAreTheWmmseFractions() {
        SunDnnArchitecture a = SunDnnNetworkTest.SMALL;
        List<Problem> problems = SunSamples.ic(4, 5, 2);
        SunDnnDataset d = SunDnnDataset.of(problems, a);
        for (int s = 0; s < 5; s++) {
            var sol = SunDnnDataset.labeller().solve(problems.get(s));
            assertEquals(sol.wsrNat(), d.wmmseSumRateNat()[s], 0.0);
            double[] used = org.netsim.precoding.RateEvaluator.powerUse(problems.get(s), sol.precoders());
            for (int k = 0; k < 4; k++) {
                assertEquals((float) used[k], d.fractions()[s * 4 + k], 0.0f, "P = 1 W: fraction = power");
            }
        }
    }
}
