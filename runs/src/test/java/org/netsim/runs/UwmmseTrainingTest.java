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
 * {@code netsim train --model uwmmse} and {@code netsim evaluate} of the result end to end on a tiny run (3 steps
 * on uwmmse-pairs-6): the files, the card, the Fig. 5 rows; one-line errors for a foreign option and for a
 * non-SISO scenario, writing nothing.
 */
class UwmmseTrainingTest {

    @TempDir
    Path tmp;

    @Test
    void trainsSavesAndEvaluates() throws Exception {
        TrainCommandTest.assumeEngine();
        Path dir = tmp.resolve("model");
        String[] args = {"train", "--model", "uwmmse", "--scenario", "uwmmse-pairs-6", "--steps", "3", "--batch", "4",
            "--validation", "4", "--validate-every", "2", "--quiet", "--out", dir.toString()};
        CliTest.Run r = CliTest.run(args);
        assertEquals(0, r.exit(), r.err());
        for (String f : List.of("parameters.json", "card.json", "history.csv", "validation.csv")) {
            assertTrue(Files.size(dir.resolve(f)) > 0, f);
        }
        JsonNode card = new ObjectMapper().readTree(dir.resolve("card.json").toFile());
        assertEquals("uwmmse", card.get("modelKind").asText());
        assertEquals("siso-pairs", card.get("hyperparameters").get("problem").asText());
        assertEquals("netsim " + String.join(" ", args), card.get("training").get("command").asText());

        CliTest.Run e = CliTest.run("evaluate", "--model", dir.toString(), "--scenario", "uwmmse-pairs-6",
                "--samples", "2", "--quiet", "--out", tmp.resolve("eval").toString());
        assertEquals(0, e.exit(), e.err());
        for (String row : List.of("uwmmse-pairs-6-d0.5", "uwmmse-pairs-6-d1", "uwmmse-pairs-6-d2",
                "uwmmse-pairs-6-d5")) {
            assertTrue(e.out().contains(row), e.out());
        }
        assertTrue(e.out().contains("WMMSE MRC TR (4)"), e.out());
    }

    @Test
    void foreignOptionAndNonSisoScenarioFailInOneLine() {
        Path dir = tmp.resolve("never");
        for (String[] args : List.of(
                new String[] {"train", "--model", "uwmmse", "--scenario", "uwmmse-pairs-6", "--degree", "3",
                    "--out", dir.toString()},
                new String[] {"train", "--model", "uwmmse", "--scenario", "gcnwmmse-base", "--out", dir.toString()})) {
            CliTest.Run r = CliTest.run(args);
            String what = String.join(" ", args);
            assertNotEquals(0, r.exit(), what);
            assertTrue(r.err().startsWith("netsim: "), what + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), what + ": " + r.err());
            assertFalse(Files.exists(dir), what + ": wrote " + dir);
        }
    }
}
