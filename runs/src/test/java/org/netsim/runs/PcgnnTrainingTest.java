package org.netsim.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code netsim train --model pcgnn} and {@code netsim evaluate} of the result, end to end on a tiny run (16 samples
 * of song-small-near, one epoch, F = 4, L = 1): the files, the card's kind, sizes and scores, evaluate's table
 * against the paper's WMMSE baseline; and one-line errors for options pcgnn does not read.
 */
class PcgnnTrainingTest {

    @TempDir
    Path tmp;

    @Test
    void trainsSavesAndEvaluates() throws Exception {
        TrainCommandTest.assumeEngine();
        Path dir = tmp.resolve("model");
        String[] args = {"train", "--model", "pcgnn", "--scenario", "song-small-near", "--samples", "16",
            "--validation", "4", "--epochs", "1", "--batch", "8", "--features", "4", "--layers", "1", "--out",
            dir.toString()};
        CliTest.Run r = CliTest.run(args);
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("% of WMMSE"), r.out());
        for (String f : List.of("parameters.djl", "card.json", "history.csv", "validation_curve.png")) {
            assertTrue(Files.size(dir.resolve(f)) > 0, f);
        }
        JsonNode card = new ObjectMapper().readTree(dir.resolve("card.json").toFile());
        assertEquals("pcgnn", card.get("modelKind").asText());
        assertEquals("netsim " + String.join(" ", args), card.get("training").get("command").asText());
        assertEquals(8, card.get("dimensions").get("bsAntennas").asInt());
        assertEquals(4, card.get("hyperparameters").get("features").asInt());
        assertEquals(1, card.get("hyperparameters").get("layers").asInt());
        assertTrue(card.get("validation").get("validationSumRateRatio").asDouble() > 0);

        CliTest.Run e = CliTest.run("evaluate", "--model", dir.toString(), "--scenario", "song-small-near",
                "--samples", "3", "--quiet", "--no-charts", "--out", tmp.resolve("eval").toString());
        assertEquals(0, e.exit(), e.err());
        assertTrue(e.out().contains("pcgnn:model=") && e.out().contains("wmmse:iterations=50:tolerance=0.01"),
                e.out());
    }

    @Test
    void foreignOptionsFailInOneLineAndWriteNothing() {
        Path dir = tmp.resolve("never");
        for (String[] args : List.of(
                new String[] {"train", "--model", "pcgnn", "--scenario", "song-small-near", "--variant",
                    "black-box", "--out", dir.toString()},
                new String[] {"train", "--model", "pcgnn", "--scenario", "song-small-near", "--steps", "3",
                    "--out", dir.toString()},
                new String[] {"train", "--model", "structural-mpnn", "--scenario", "song-small-near", "--layers",
                    "2", "--out", dir.toString()})) {
            CliTest.Run r = CliTest.run(args);
            String what = String.join(" ", args);
            assertNotEquals(0, r.exit(), what);
            assertTrue(r.err().startsWith("netsim: "), what + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), what + ": " + r.err());
            assertFalse(Files.exists(dir), what + ": wrote " + dir);
        }
    }
}
