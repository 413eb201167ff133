package org.netsim.precoding.learned.sun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netsim.precoding.Init;
import org.netsim.precoding.Precoder;
import org.netsim.precoding.PrecoderContractTest;
import org.netsim.precoding.PrecoderOptions;
import org.netsim.precoding.PrecoderRegistry;
import org.netsim.precoding.Problem;
import org.netsim.precoding.RateEvaluator;
import org.netsim.precoding.Solution;
import org.netsim.precoding.classic.ScalarWmmsePrecoder;
import org.netsim.precoding.learned.EngineAssumptions;

/**
 * The shipped {@code sun-dnn} model (IMAC, N = 3, K = 12) under the precoder contract, on IMAC samples with
 * random budgets per user and noise powers per cell (the input normalisation makes them admissible), and its
 * quality on a fresh seed.
 */
class SunDnnPrecoderTest extends PrecoderContractTest {

    private static Precoder shipped;

    @BeforeEach
    void engine() {
        EngineAssumptions.assumeEngine();
    }

    @Override
    protected Precoder precoder() {
        if (shipped == null) {
            shipped = PrecoderRegistry.create(SunDnnPrecoder.NAME);
        }
        return shipped;
    }

    /** IMAC samples with P_j in [0.1, 10] W per user and sigma^2 in [0.1, 2] W per cell. */
    @Override
    protected List<Problem> problems() {
        SplittableRandom rng = new SplittableRandom(21);
        List<Problem> out = new ArrayList<>();
        for (Problem p : SunSamples.imac(3, 12, 8, 40)) {
            double[] power = new double[12];
            double[] noise = new double[12];
            double[] cellNoise = {0.1 + 1.9 * rng.nextDouble(), 0.1 + 1.9 * rng.nextDouble(),
                0.1 + 1.9 * rng.nextDouble()};
            for (int k = 0; k < 12; k++) {
                power[k] = 0.1 + 9.9 * rng.nextDouble();
                noise[k] = cellNoise[k / 4];
            }
            out.add(p.toBuilder().bsPowerW(power).noisePowerW(noise).build());
        }
        out.addAll(SunSamples.imac(3, 12, 2, 41));
        return out;
    }

    @Override
    protected List<Init> inits() {
        return List.of(Init.mrc(), Init.random(5));
    }

    @Test
    void shippedCardDescribesTheModel() {
        SunDnnPrecoder p = (SunDnnPrecoder) precoder();
        assertEquals("sun-imac-3-12", p.card().training().scenario());
        assertEquals(12, p.card().dimensions().get("links"));
        assertEquals(SunDnnShippedModelsTest.IMAC.command(), p.card().training().command());
        assertTrue(p.card().validation().get("testBinarizedSumRateRatio") >= SunDnnShippedModelsTest.IMAC_TARGET
                || p.card().validation().get("testSumRateRatio") >= SunDnnShippedModelsTest.IMAC_TARGET);
        assertEquals(SunDnnShippedModelsTest.IMAC_ARCHITECTURE, SunDnnArchitecture.fromCard(p.card()));
    }

    /**
     * On a fresh seed (500 samples, not seen in training or selection) the shipped model keeps at least
     * {@value #FRESH_RATIO} of WMMSE's average sum rate (its test score on 10^4 samples is above 0.97; 500
     * samples have a standard error of the ratio of about 0.003) and beats full power and a WMMSE stopped after
     * {@value #TRUNCATED_ITERATIONS} iterations (on 2000 fresh samples: 97.8% of WMMSE, against 39.6% and 93.4%;
     * the DNN matches WMMSE after 5 iterations, 98.0%).
     */
    @Test
    void beatsBaselinesOnAFreshSeed() {
        List<Problem> fresh = SunSamples.imac(3, 12, 500, 77);
        ScalarWmmsePrecoder truncated = new ScalarWmmsePrecoder(
                PrecoderOptions.defaults().withMaxIterations(TRUNCATED_ITERATIONS));
        ScalarWmmsePrecoder full = SunDnnDataset.labeller();
        double dnn = 0;
        double wmmse = 0;
        double shortWmmse = 0;
        double fullPower = 0;
        for (Problem p : fresh) {
            dnn += precoder().solve(p).wsrNat();
            wmmse += full.solve(p).wsrNat();
            shortWmmse += truncated.solve(p).wsrNat();
            fullPower += RateEvaluator.wsrNat(p, SunDnnPrecoder.precoders(p, ones(12), false));
        }
        assertTrue(dnn >= FRESH_RATIO * wmmse, "DNN/WMMSE = " + dnn / wmmse);
        assertTrue(dnn > fullPower, "DNN " + dnn + " vs full power " + fullPower);
        assertTrue(dnn > shortWmmse, "DNN " + dnn + " vs WMMSE-" + TRUNCATED_ITERATIONS + " " + shortWmmse);
    }

    static final double FRESH_RATIO = 0.96;
    static final int TRUNCATED_ITERATIONS = 3;

    private static double[] ones(int k) {
        double[] q = new double[k];
        java.util.Arrays.fill(q, 1.0);
        return q;
    }

    @Test
    void binarisedPowersAreZeroOrFull() {
        Precoder bin = PrecoderRegistry.create(SunDnnPrecoder.NAME,
                PrecoderOptions.defaults().with(SunDnnPrecoder.BINARIZE, "true"));
        Precoder cont = PrecoderRegistry.create(SunDnnPrecoder.NAME,
                PrecoderOptions.defaults().with(SunDnnPrecoder.BINARIZE, "false"));
        boolean fractional = false;
        for (Problem p : problems()) {
            double[] used = RateEvaluator.powerUse(p, bin.solve(p).precoders());
            double[] usedCont = RateEvaluator.powerUse(p, cont.solve(p).precoders());
            for (int k = 0; k < 12; k++) {
                double budget = p.bsPowerW(k);
                assertTrue(used[k] == 0 || Math.abs(used[k] - budget) <= 1e-12 * budget, "p_" + k + " = " + used[k]);
                // threshold q >= 1/2 of the continuous output
                assertEquals(usedCont[k] >= 0.5 * budget * (1 - 1e-6), used[k] > 0, "link " + k);
                fractional |= usedCont[k] > 1e-3 * budget && usedCont[k] < (1 - 1e-3) * budget;
            }
        }
        assertTrue(fractional, "the continuous output is not already binary");
    }

    @Test
    void rejectsOtherProblemsAndBadOptionsInOneLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> precoder().solve(SunSamples.icSample(10, 1, 0)));
        assertEquals("sun-dnn (shipped model sun-imac-3-12): the model accepts links = 12, the problem has"
                + " links = 10", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> precoder().solve(SunSamples.icSample(12, 1, 0)));
        assertTrue(e.getMessage().contains("needs co-located receivers"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PrecoderRegistry.create(SunDnnPrecoder.NAME,
                PrecoderOptions.defaults().with(SunDnnPrecoder.BINARIZE, "maybe")));
        assertEquals("precoder.binarize: expected true or false, got 'maybe'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PrecoderRegistry.create(SunDnnPrecoder.NAME,
                PrecoderOptions.defaults().with("model", "/no/such/model")));
        assertEquals("sun-dnn: /no/such/model: no card.json (not a saved model directory)", e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void solutionIsEvaluatedAndIgnoresTheInitialisation() {
        Problem p = problems().get(0);
        Solution a = precoder().solve(p, Init.mrc());
        Solution b = precoder().solve(p, Init.random(3));
        assertEquals(a.wsrNat(), b.wsrNat(), 0.0);
        assertEquals(0, a.iterations());
        assertTrue(a.hasUeRates());
    }
}
