package org.netsim.precoding.learned.mpnn;

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
    void needsAModelDirectory() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PrecoderRegistry.create(StructuralMpnnPrecoder.NAME));
        assertTrue(e.getMessage().startsWith("precoder.model"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PrecoderRegistry.create(StructuralMpnnPrecoder.NAME,
                PrecoderOptions.defaults().with("model", dir.resolve("missing").toString())));
        assertTrue(e.getMessage().contains("card.json"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PrecoderRegistry.create(StructuralMpnnPrecoder.NAME,
                registryOptions().with("start", "mrc")));
        assertTrue(e.getMessage().startsWith("precoder.start"), e.getMessage());
        assertTrue(LearnedEngine.isAvailable());
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
