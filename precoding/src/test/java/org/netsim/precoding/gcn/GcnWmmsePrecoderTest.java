package org.netsim.precoding.gcn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.netsim.precoding.Init;
import org.netsim.precoding.Precoder;
import org.netsim.precoding.PrecoderContractTest;
import org.netsim.precoding.PrecoderOptions;
import org.netsim.precoding.PrecoderRegistry;
import org.netsim.precoding.Problem;
import org.netsim.precoding.RateEvaluator;
import org.netsim.precoding.Solution;
import org.netsim.precoding.TestProblems;
import org.netsim.precoding.classic.WmmsePrecoder;

/** The gcn-wmmse precoder: the contract (with random weights), its options, depth, trace and registry weights. */
class GcnWmmsePrecoderTest extends PrecoderContractTest {

    private static final GcnWmmseWeights RANDOM = GcnTestSupport.randomWeights(77, 7, 2, 4, 0.3, 1.0);

    @Override
    protected Precoder precoder() {
        return new GcnWmmsePrecoder(RANDOM);
    }

    @Test
    void solutionIsTheLastLayerOfTheForwardPassAndTheTraceIsThePerLayerWsr() {
        for (Problem p : TestProblems.randomList(20, 10, 3, 6, 6, 3)) {
            ZMatrixRMaj[][] layers = GcnWmmseExecutor.forwardFromMrc(p, RANDOM);
            Solution s = new GcnWmmsePrecoder(RANDOM, PrecoderOptions.defaults().withTrace(true)).solve(p);
            assertEquals(7, s.iterations());
            assertEquals(7, s.trace().size());
            for (int i = 0; i < p.numUe(); i++) {
                assertArrayEquals(layers[7][i].data, s.precoder(i).data, 0.0);
            }
            for (int l = 1; l <= 7; l++) {
                double wsr = RateEvaluator.wsrNat(p, layers[l]);
                assertEquals(wsr, s.trace().get(l - 1).wsrNat(), 1e-10 * Math.max(1, wsr), "layer " + l);
            }
            // the iteration cap truncates the network
            Solution three = new GcnWmmsePrecoder(RANDOM, PrecoderOptions.defaults().withMaxIterations(3)).solve(p);
            assertEquals(3, three.iterations());
            for (int i = 0; i < p.numUe(); i++) {
                assertArrayEquals(layers[3][i].data, three.precoder(i).data, 0.0);
            }
            // a tolerance may stop it earlier, at a layer of the same forward pass
            Solution tol = new GcnWmmsePrecoder(RANDOM, PrecoderOptions.defaults().withTolerance(0.05)).solve(p);
            assertTrue(tol.iterations() >= 1 && tol.iterations() <= 7);
            assertArrayEquals(layers[tol.iterations()][0].data, tol.precoder(0).data, 0.0);
        }
    }

    @Test
    void registryWeightsAreTheShippedModelPaperInitialOrClassicWmmse() {
        GcnWmmsePrecoder byDefault = (GcnWmmsePrecoder) PrecoderRegistry.create(GcnWmmsePrecoder.NAME);
        assertEquals(GcnWmmseModel.shippedBase().weights(), byDefault.weights());
        GcnWmmsePrecoder init = new GcnWmmsePrecoder(PrecoderOptions.defaults().with("weights", "paper-init"));
        assertEquals(GcnWmmseWeights.paperInitial(7, 2, 4, new SplittableRandom(0)), init.weights());
        GcnWmmsePrecoder seeded = new GcnWmmsePrecoder(PrecoderOptions.defaults().with("weights", "paper-init")
                .with("seed", "5")
                .with("layers", "3").with("features", "2").with("degree", "1"));
        assertEquals(GcnWmmseWeights.paperInitial(3, 1, 2, new SplittableRandom(5)), seeded.weights());
        GcnWmmsePrecoder wmmse = new GcnWmmsePrecoder(PrecoderOptions.defaults().with("weights", "wmmse")
                .with("layers", "5"));
        assertEquals(GcnWmmseWeights.classicWmmse(5, 2, 4), wmmse.weights());
        for (Problem p : TestProblems.randomList(40, 5, 3, 6, 6, 3)) {
            Solution a = wmmse.solve(p);
            Solution b = new WmmsePrecoder(PrecoderOptions.defaults().withMaxIterations(5)).solve(p, Init.mrc());
            assertTrue(GcnTestSupport.relativeError(a.precoders(), b.precoders()) <= 1e-9, p.toString());
            assertEquals(b.wsrNat(), a.wsrNat(), 1e-9 * Math.max(1, b.wsrNat()));
        }
    }

    @Test
    void optionsAreValidatedNamingTheKey() {
        assertMessage("precoder.layers: 5 does not match the weights (7)",
                () -> new GcnWmmsePrecoder(RANDOM, PrecoderOptions.defaults().with("layers", "5")));
        assertMessage("precoder.features: 3 does not match the weights (4)",
                () -> new GcnWmmsePrecoder(RANDOM, PrecoderOptions.defaults().with("features", "3")));
        new GcnWmmsePrecoder(RANDOM, PrecoderOptions.defaults().with("layers", "7").with("degree", "2"));
        assertMessage("precoder.weights: unknown option",
                () -> new GcnWmmsePrecoder(RANDOM, PrecoderOptions.defaults().with("weights", "wmmse")));
        assertMessage("precoder.weights: unknown weights 'nope'",
                () -> PrecoderRegistry.create("gcn-wmmse", PrecoderOptions.defaults().with("weights", "nope")));
        assertMessage("precoder.layers: 5 does not match the weights (7)",
                () -> PrecoderRegistry.create("gcn-wmmse", PrecoderOptions.defaults().with("layers", "5")));
        assertMessage("precoder.model: applies only to weights=trained", () -> PrecoderRegistry.create("gcn-wmmse",
                PrecoderOptions.defaults().with("weights", "wmmse").with("model", "/tmp")));
        assertMessage("precoder.model: /no/such/dir: no card.json", () -> PrecoderRegistry.create("gcn-wmmse",
                PrecoderOptions.defaults().with("model", "/no/such/dir")));
        assertMessage("precoder.seed: applies only to weights=paper-init", () -> PrecoderRegistry.create("gcn-wmmse",
                PrecoderOptions.defaults().with("weights", "wmmse").with("seed", "1")));
        assertMessage("precoder.seed: not an integer", () -> PrecoderRegistry.create("gcn-wmmse",
                PrecoderOptions.defaults().with("weights", "paper-init").with("seed", "x")));
        assertMessage("precoder.layers: must be >= 1", () -> PrecoderRegistry.create("gcn-wmmse",
                PrecoderOptions.defaults().with("weights", "paper-init").with("layers", "0")));
        assertMessage("precoder.degree: not an integer", () -> PrecoderRegistry.create("gcn-wmmse",
                PrecoderOptions.defaults().with("weights", "wmmse").with("degree", "2.5")));
    }

    private static void assertMessage(String part, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(part), "message '" + e.getMessage() + "' lacks '" + part + "'");
    }
}
