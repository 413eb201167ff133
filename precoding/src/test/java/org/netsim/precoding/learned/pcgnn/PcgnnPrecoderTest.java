package org.netsim.precoding.learned.pcgnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netsim.precoding.Init;
import org.netsim.precoding.Precoder;
import org.netsim.precoding.PrecoderContractTest;
import org.netsim.precoding.PrecoderOptions;
import org.netsim.precoding.PrecoderRegistry;
import org.netsim.precoding.Problem;
import org.netsim.precoding.Solution;
import org.netsim.precoding.TestProblems;
import org.netsim.precoding.learned.EngineAssumptions;
import org.netsim.precoding.learned.ModelDirectories;

/** {@code pcgnn} under the precoder contract, over a saved model with freshly initialised weights. */
class PcgnnPrecoderTest extends PrecoderContractTest {

    private static Path dir;
    private static Precoder precoder;

    @BeforeEach
    void model() throws IOException {
        EngineAssumptions.assumeEngine();
        if (dir == null) {
            dir = Files.createTempDirectory("pcgnn-test");
            try (PcgnnNetwork net = PcgnnNetwork.initialise(PcgnnSamples.SMALL, 3, Device.cpu())) {
                ModelDirectories.write(dir, net.encode(PcgnnSamples.card(PcgnnSamples.SMALL)));
            }
            precoder = PrecoderRegistry.create(PcgnnPrecoder.NAME, registryOptions());
        }
    }

    @AfterAll
    static void cleanUp() throws IOException {
        if (dir != null) {
            for (String f : List.of("card.json", "parameters.djl")) {
                Files.deleteIfExists(dir.resolve(f));
            }
            Files.deleteIfExists(dir);
        }
    }

    @Override
    protected PrecoderOptions registryOptions() {
        return PrecoderOptions.defaults().with(PcgnnPrecoder.MODEL, dir.toString());
    }

    @Override
    protected Precoder precoder() {
        return precoder;
    }

    @Override
    protected List<Problem> problems() {
        return PcgnnSamples.problems(PcgnnSamples.SMALL, 6, 31);
    }

    @Test
    void needsAModelDirectory() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PrecoderRegistry.create(PcgnnPrecoder.NAME));
        assertTrue(e.getMessage().startsWith("precoder.model"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PrecoderRegistry.create(PcgnnPrecoder.NAME,
                PrecoderOptions.defaults().with("model", dir.resolve("missing").toString())));
        assertTrue(e.getMessage().contains("card.json"), e.getMessage());
    }

    @Test
    void problemOfOtherSizesIsRejectedNamingTheDimension() {
        Problem p = TestProblems.uniform(2, 2, 3, 6, 2, 2, 1, 1, 0.1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> precoder.solve(p, Init.zf()));
        assertTrue(e.getMessage().contains("bsAntennas = 4") && e.getMessage().contains("bsAntennas = 6"),
                e.getMessage());
    }

    /** Learning-only: the solve's initialisation does not enter; the layers are reported as iterations. */
    @Test
    void initialisationIsNotUsed() {
        Problem p = problems().get(0);
        Solution zf = precoder.solve(p, Init.zf());
        Solution mrc = precoder.solve(p, Init.mrc());
        assertEquals(zf.wsrNat(), mrc.wsrNat(), 0.0);
        assertArrayEquals(zf.precoders()[0].data, mrc.precoders()[0].data, 0.0);
        assertEquals(PcgnnSamples.SMALL.layers(), zf.iterations());
    }

    /**
     * The shipped model loads by name, is the song-small-near network its card describes (trained by the recorded
     * command), and meets every budget on problems of its sizes.
     */
    @Test
    void shippedModelLoadsByName() {
        for (String name : PcgnnPrecoder.SHIPPED_MODELS) {
            PcgnnPrecoder shipped = (PcgnnPrecoder) PrecoderRegistry.create(PcgnnPrecoder.NAME,
                    PrecoderOptions.defaults().with(PcgnnPrecoder.MODEL, name));
            assertEquals(PcgnnPrecoder.NAME, shipped.card().modelKind());
            assertTrue(shipped.card().training().command().startsWith("netsim train --model pcgnn --scenario "
                    + shipped.card().training().scenario()), shipped.card().training().command());
            PcgnnArchitecture a = PcgnnArchitecture.fromCard(shipped.card());
            for (Problem p : PcgnnSamples.problems(a, 3, 41)) {
                Solution s = shipped.solve(p, Init.zf());
                double[] use = org.netsim.precoding.RateEvaluator.powerUse(p, s.precoders());
                for (int k = 0; k < p.numBs(); k++) {
                    assertEquals(p.bsPowerW(k), use[k], 1e-12 * p.bsPowerW(k), name + " BS " + k);
                }
                assertTrue(s.wsrNat() > 0, name);
            }
        }
        assertEquals(List.of("pcgnn-song-small-near"), PcgnnPrecoder.SHIPPED_MODELS);
    }
}
