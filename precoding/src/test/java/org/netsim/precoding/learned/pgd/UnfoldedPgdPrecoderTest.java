package org.netsim.precoding.learned.pgd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.netsim.precoding.Init;
import org.netsim.precoding.Precoder;
import org.netsim.precoding.PrecoderContractTest;
import org.netsim.precoding.PrecoderOptions;
import org.netsim.precoding.PrecoderRegistry;
import org.netsim.precoding.Problem;
import org.netsim.precoding.Solution;
import org.netsim.precoding.TestProblems;

/** The precoder contract for {@code unfolded-pgd}, its options, and its depth control. */
class UnfoldedPgdPrecoderTest extends PrecoderContractTest {

    @Override
    protected Precoder precoder() {
        return new UnfoldedPgdPrecoder(UnfoldedPgdNetworkTest.randomSteps(4, 3, 0.05, 11), PrecoderOptions.defaults());
    }

    @Override
    protected PrecoderOptions registryOptions() {
        return PrecoderOptions.defaults().with("weights", "constant").with("step", "0.05");
    }

    @Test
    void optionsAreValidatedWithTheirNames() {
        String[][] bad = {
                {"weights", "learned"}, {"weights", "constant"}, {"step", "0.1"},
        };
        for (String[] kv : bad) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> PrecoderRegistry.create(UnfoldedPgdPrecoder.NAME, PrecoderOptions.defaults().with(kv[0],
                            kv[1])));
            assertTrue(e.getMessage().contains(kv[0].equals("weights") && kv[1].equals("constant") ? "step" : kv[0]),
                    e.getMessage());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PrecoderRegistry.create(UnfoldedPgdPrecoder.NAME, registryOptions().with("step", "-1")));
        assertTrue(e.getMessage().contains("step"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> PrecoderRegistry.create(UnfoldedPgdPrecoder.NAME, registryOptions().with("model", "/x")));
        assertTrue(e.getMessage().contains("model"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new UnfoldedPgdPrecoder(
                UnfoldedPgdSteps.constant(3, 2, 0.1), PrecoderOptions.defaults().with("substeps", "4")));
        assertTrue(e.getMessage().contains("substeps"), e.getMessage());
        UnfoldedPgdPrecoder p = (UnfoldedPgdPrecoder) PrecoderRegistry.create(UnfoldedPgdPrecoder.NAME,
                registryOptions().with("layers", "5").with("substeps", "2"));
        assertEquals(5, p.steps().layers());
        assertEquals(2, p.steps().substeps());
        assertEquals(0.05, p.steps().gamma(4, 1), 1e-15);
    }

    @Test
    void defaultConstructionNamesTheMissingModel() {
        boolean shipped = getClass().getClassLoader().getResource(UnfoldedPgdModel.SHIPPED_IID_CN + "/"
                + UnfoldedPgdModel.CARD_FILE) != null;
        if (shipped) {
            assertEquals(UnfoldedPgdPrecoder.DEFAULT_LAYERS, new UnfoldedPgdPrecoder().steps().layers());
        } else {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, UnfoldedPgdPrecoder::new);
            assertTrue(e.getMessage().startsWith("precoder.model: no shipped unfolded-pgd model"), e.getMessage());
        }
    }

    @Test
    void iterationCapAndTraceFollowTheCommonOptions() {
        Problem p = TestProblems.uniform(5, 2, 2, 4, 2, 2, 1.0, 0.01, 0.5);
        UnfoldedPgdSteps steps = UnfoldedPgdSteps.constant(6, 3, 0.05);
        Solution full = new UnfoldedPgdPrecoder(steps, PrecoderOptions.defaults().withTrace(true))
                .solve(p, Init.mrc());
        assertEquals(6, full.iterations());
        assertEquals(6, full.trace().size());
        assertEquals(full.wsrNat(), full.trace().get(5).wsrNat(), 1e-10 * full.wsrNat());
        Solution two = new UnfoldedPgdPrecoder(steps, PrecoderOptions.defaults().withMaxIterations(2))
                .solve(p, Init.mrc());
        assertEquals(2, two.iterations());
        // two layers of the six-layer precoder are the two-layer precoder
        Solution twoLayers = new UnfoldedPgdPrecoder(UnfoldedPgdSteps.constant(2, 3, 0.05), PrecoderOptions.defaults())
                .solve(p, Init.mrc());
        assertEquals(twoLayers.wsrNat(), two.wsrNat(), 0.0);
    }
}
