package org.netsim.precoding.learned.mpnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netsim.precoding.Init;
import org.netsim.precoding.Precoder;
import org.netsim.precoding.PrecoderContractTest;
import org.netsim.precoding.PrecoderOptions;
import org.netsim.precoding.PrecoderRegistry;
import org.netsim.precoding.Problem;
import org.netsim.precoding.TestProblems;
import org.netsim.precoding.learned.EngineAssumptions;
import org.netsim.precoding.learned.LearnedEngine;
import org.netsim.precoding.learned.ModelDirectories;

/** {@code structural-mpnn} under the precoder contract, over a saved model with random weights. */
class StructuralMpnnPrecoderTest extends PrecoderContractTest {

    private static Path dir;
    private static Precoder precoder;

    @BeforeEach
    void model() throws IOException {
        EngineAssumptions.assumeEngine();
        if (dir == null) {
            dir = Files.createTempDirectory("structural-mpnn-test");
            try (MpnnNetwork net = MpnnNetwork.initialise(MpnnSamples.SMALL, 3, Device.cpu())) {
                MpnnSamples.setRandomWeights(net, 6);
                ModelDirectories.write(dir, net.encode(MpnnSamples.card(MpnnSamples.SMALL)));
            }
            precoder = PrecoderRegistry.create(StructuralMpnnPrecoder.NAME, registryOptions());
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
        return PrecoderOptions.defaults().with(StructuralMpnnPrecoder.MODEL, dir.toString());
    }

    @Override
    protected Precoder precoder() {
        return precoder;
    }

    @Override
    protected List<Problem> problems() {
        return MpnnSamples.problems(MpnnSamples.SMALL, 6, 31);
    }

    @Test
    void badModelOptionsAreRejectedNamingTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PrecoderRegistry.create(StructuralMpnnPrecoder.NAME, PrecoderOptions.defaults().with("model", " ")));
        assertTrue(e.getMessage().startsWith("precoder.model"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PrecoderRegistry.create(StructuralMpnnPrecoder.NAME,
                PrecoderOptions.defaults().with("model", dir.resolve("missing").toString())));
        assertTrue(e.getMessage().contains("card.json"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PrecoderRegistry.create(StructuralMpnnPrecoder.NAME,
                registryOptions().with("start", "mrc")));
        assertTrue(e.getMessage().startsWith("precoder.start"), e.getMessage());
        assertTrue(LearnedEngine.isAvailable());
    }

    /** Without {@code model}, the shipped song-small model: it names itself and rejects other sizes. */
    @Test
    void defaultIsTheShippedSongSmallModel() {
        StructuralMpnnPrecoder shipped = (StructuralMpnnPrecoder) PrecoderRegistry.create(StructuralMpnnPrecoder.NAME);
        assertEquals("song-small-near", shipped.card().training().scenario());
        assertEquals(Map.of("numBs", 2, "uesPerBs", 4, "bsAntennas", 8, "ueAntennas", 2, "streams", 2),
                shipped.card().dimensions());
        Problem other = MpnnSamples.problems(MpnnSamples.SMALL, 1, 5).get(0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> shipped.solve(other, Init.zf()));
        assertTrue(e.getMessage().contains("shipped model song-small-near")
                && e.getMessage().contains("uesPerBs = 4, the problem has uesPerBs = 2"), e.getMessage());
    }

    @Test
    void problemOfOtherSizesIsRejectedNamingTheDimension() {
        Problem p = TestProblems.uniform(2, 2, 2, 6, 2, 2, 1, 1, 0.1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> precoder.solve(p, Init.zf()));
        assertTrue(e.getMessage().contains("bsAntennas = 4") && e.getMessage().contains("bsAntennas = 6"),
                e.getMessage());
    }

    /** start=caller starts from the solve's initialisation, start=zf (default) ignores it. */
    @Test
    void startOptionChoosesTheInitialisation() {
        Precoder caller = PrecoderRegistry.create(StructuralMpnnPrecoder.NAME, registryOptions().with("start",
                "caller"));
        Problem p = problems().get(0);
        double zf = precoder.solve(p, Init.zf()).wsrNat();
        double fromMrc = precoder.solve(p, Init.mrc()).wsrNat();
        double callerMrc = caller.solve(p, Init.mrc()).wsrNat();
        assertTrue(zf == fromMrc, "default start ignores the init");
        assertTrue(callerMrc != fromMrc, "start=caller uses the init");
    }
}
