package org.netsim.precoding.learned.sun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netsim.precoding.Init;
import org.netsim.precoding.Precoder;
import org.netsim.precoding.PrecoderContractTest;
import org.netsim.precoding.PrecoderOptions;
import org.netsim.precoding.PrecoderRegistry;
import org.netsim.precoding.Problem;
import org.netsim.precoding.classic.ScalarWmmsePrecoder;
import org.netsim.precoding.learned.EngineAssumptions;

/**
 * The shipped {@code sun-ic-10} model ({@code model=sun-ic-10}) under the precoder contract on Gaussian IC
 * samples with random budgets and noise powers per link, and its quality on a fresh seed.
 */
class SunDnnIcShippedPrecoderTest extends PrecoderContractTest {

    /**
     * Fresh-seed floor: the model's test score on 10^4 samples is in its card (above 0.96); 500 samples have a
     * standard error of the ratio of about 0.004.
     */
    static final double FRESH_RATIO = 0.95;
    static final int TRUNCATED_ITERATIONS = 3;

    private static Precoder shipped;

    @BeforeEach
    void engine() {
        EngineAssumptions.assumeEngine();
    }

    @Override
    protected Precoder precoder() {
        if (shipped == null) {
            shipped = PrecoderRegistry.create(SunDnnPrecoder.NAME,
                    PrecoderOptions.defaults().with("model", "sun-ic-10"));
        }
        return shipped;
    }

    /** K = 10 links, P_k in [0.1, 10] W and sigma_k^2 in [0.1, 2] W per link. */
    @Override
    protected List<Problem> problems() {
        return SunSamples.icWithRandomBudgets(10, 8, 50, 31, 0.1);
    }

    @Override
    protected List<Init> inits() {
        return List.of(Init.mrc());
    }

    @Test
    void shippedCardDescribesTheModel() {
        SunDnnPrecoder p = (SunDnnPrecoder) precoder();
        assertEquals("sun-ic-10", p.card().training().scenario());
        assertEquals(SunDnnShippedModelsTest.IC.command(), p.card().training().command());
        assertEquals(SunDnnShippedModelsTest.IC_ARCHITECTURE, SunDnnArchitecture.fromCard(p.card()));
        assertTrue(Math.max(p.card().validation().get("testBinarizedSumRateRatio"),
                p.card().validation().get("testSumRateRatio")) >= SunDnnShippedModelsTest.IC_TARGET);
    }

    /**
     * At least {@value #FRESH_RATIO} of WMMSE on 500 fresh samples, and above WMMSE stopped after 3 iterations
     * (on 2000 fresh samples: 97.4% against 91.2%).
     */
    @Test
    void beatsBaselinesOnAFreshSeed() {
        ScalarWmmsePrecoder full = SunDnnDataset.labeller();
        ScalarWmmsePrecoder truncated = new ScalarWmmsePrecoder(
                PrecoderOptions.defaults().withMaxIterations(TRUNCATED_ITERATIONS));
        double dnn = 0;
        double wmmse = 0;
        double shortWmmse = 0;
        for (Problem p : SunSamples.ic(10, 500, 78)) {
            dnn += precoder().solve(p).wsrNat();
            wmmse += full.solve(p).wsrNat();
            shortWmmse += truncated.solve(p).wsrNat();
        }
        assertTrue(dnn >= FRESH_RATIO * wmmse, "DNN/WMMSE = " + dnn / wmmse);
        assertTrue(dnn > shortWmmse, "DNN " + dnn + " vs WMMSE-" + TRUNCATED_ITERATIONS + " " + shortWmmse);
    }
}
