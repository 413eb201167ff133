package org.netsim.precoding.learned.pgd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netsim.precoding.Init;
import org.netsim.precoding.PrecoderOptions;
import org.netsim.precoding.Problem;
import org.netsim.precoding.Solution;
import org.netsim.precoding.TestProblems;
import org.netsim.precoding.learned.ModelCard;

/** Model files: a saved model reads back bit for bit and runs identically; bad files are named. */
class UnfoldedPgdModelTest {

    static ModelCard card(String kind) {
        return new ModelCard(ModelCard.FORMAT_VERSION, kind, "test", Map.of("layers", 3), Map.of(),
                new ModelCard.Training("none", "netsim train --model unfolded-pgd", 1, 0, 0, "none", 0, "cpu"),
                Map.of(), "test", Map.of(), null);
    }

    static void write(Path dir, UnfoldedPgdModel.Encoded enc) throws Exception {
        Files.write(dir.resolve(UnfoldedPgdModel.PARAMETERS_FILE), enc.parameters());
        Files.write(dir.resolve(UnfoldedPgdModel.CARD_FILE), enc.cardJson());
    }

    @Test
    void savedModelReadsBackWithIdenticalOutputs(@TempDir Path dir) throws Exception {
        UnfoldedPgdSteps steps = UnfoldedPgdNetworkTest.randomSteps(3, 5, 0.0123456789, 7);
        write(dir, UnfoldedPgdModel.encode(steps, card(UnfoldedPgdPrecoder.NAME)));
        UnfoldedPgdModel read = UnfoldedPgdModel.read(dir);
        assertEquals(steps, read.steps());
        assertArrayEquals(steps.logSteps(), read.steps().logSteps(), 0.0);
        assertEquals(UnfoldedPgdModel.sha256(Files.readAllBytes(dir.resolve(UnfoldedPgdModel.PARAMETERS_FILE))),
                read.card().parametersSha256());
        Problem p = TestProblems.uniform(3, 2, 2, 4, 2, 2, 1.0, 0.01, 0.5);
        Solution a = new UnfoldedPgdPrecoder(steps, PrecoderOptions.defaults()).solve(p, Init.mrc());
        Solution b = new UnfoldedPgdPrecoder(PrecoderOptions.defaults().with("model", dir.toString()))
                .solve(p, Init.mrc());
        for (int i = 0; i < p.numUe(); i++) {
            assertArrayEquals(a.precoder(i).data, b.precoder(i).data, 0.0, "UE " + i);
        }
    }

    @Test
    void tamperedOrForeignFilesAreRejectedWithTheirName(@TempDir Path dir) throws Exception {
        UnfoldedPgdSteps steps = UnfoldedPgdSteps.constant(2, 2, 0.5);
        write(dir, UnfoldedPgdModel.encode(steps, card(UnfoldedPgdPrecoder.NAME)));
        Path params = dir.resolve(UnfoldedPgdModel.PARAMETERS_FILE);
        Files.writeString(params, Files.readString(params, StandardCharsets.UTF_8).replace("2", "3"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UnfoldedPgdModel.read(dir));
        assertTrue(e.getMessage().contains(UnfoldedPgdModel.PARAMETERS_FILE) && e.getMessage().contains("SHA-256"),
                e.getMessage());
        write(dir, UnfoldedPgdModel.encode(steps, card("gcn-wmmse")));
        e = assertThrows(IllegalArgumentException.class, () -> UnfoldedPgdModel.read(dir));
        assertTrue(e.getMessage().contains("gcn-wmmse"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> UnfoldedPgdModel.read(dir.resolve("missing")));
        assertTrue(e.getMessage().contains(UnfoldedPgdModel.CARD_FILE), e.getMessage());
    }

    @Test
    void stepsValidateTheirValues() {
        assertThrows(IllegalArgumentException.class, () -> new UnfoldedPgdSteps(2, 2, new double[3]));
        assertThrows(IllegalArgumentException.class, () -> new UnfoldedPgdSteps(0, 2, new double[0]));
        assertThrows(IllegalArgumentException.class,
                () -> new UnfoldedPgdSteps(1, 1, new double[] {Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> UnfoldedPgdSteps.constant(1, 1, -1));
        UnfoldedPgdSteps s = new UnfoldedPgdSteps(2, 3, new double[] {0, 1, 2, 3, 4, 5});
        assertEquals(Math.exp(4), s.gamma(1, 1), 0.0);
    }
}
