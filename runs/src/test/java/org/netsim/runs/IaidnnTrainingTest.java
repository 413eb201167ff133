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
 * {@code netsim train --model iaidnn} and {@code netsim evaluate} of the result, end to end on a tiny run (3 steps
 * of 4 problems of iaidnn-8x4, L = 2): the files, the card's kind, dimensions and command, evaluate's Table XIII and
 * XIV; a model evaluated on a scenario of other dimensions fails in one line naming the dimension.
 */
class IaidnnTrainingTest {

    @TempDir
    Path tmp;

    @Test
    void trainsSavesAndEvaluates() throws Exception {
        TrainCommandTest.assumeEngine();
        Path dir = tmp.resolve("model");
        String[] args = {"train", "--model", "iaidnn", "--scenario", "iaidnn-8x4", "--shared", "--layers", "2",
            "--steps", "3", "--batch", "4", "--validation", "4", "--quiet", "--out", dir.toString()};
        CliTest.Run r = CliTest.run(args);
        assertEquals(0, r.exit(), r.err());
        for (String f : List.of("parameters.json", "card.json", "history.csv", "validation.csv")) {
            assertTrue(Files.size(dir.resolve(f)) > 0, f);
        }
        JsonNode card = new ObjectMapper().readTree(dir.resolve("card.json").toFile());
        assertEquals("iaidnn", card.get("modelKind").asText());
        assertEquals("netsim " + String.join(" ", args), card.get("training").get("command").asText());
        assertEquals(8, card.get("dimensions").get("bsAntennas").asInt());
        assertEquals(4, card.get("dimensions").get("numUes").asInt());
        assertTrue(card.get("hyperparameters").get("shared").asBoolean());

        CliTest.Run e = CliTest.run("evaluate", "--model", dir.toString(), "--scenario", "iaidnn-8x4",
                "--samples", "2", "--inits", "2", "--quiet", "--out", tmp.resolve("eval").toString());
        assertEquals(0, e.exit(), e.err());
        assertTrue(e.out().contains("Table XIII (M, I) = (8, 4)") && e.out().contains("Table XIV")
                && e.out().contains("IAIDNN SP"), e.out());

        CliTest.Run bad = CliTest.run("evaluate", "--model", dir.toString(), "--scenario", "iaidnn-16x8",
                "--samples", "1", "--inits", "1", "--quiet", "--out", tmp.resolve("eval2").toString());
        assertNotEquals(0, bad.exit());
        assertTrue((bad.err().contains("bsAntennas = 8") && bad.err().contains("bsAntennas = 16"))
                || (bad.err().contains("numUes = 4") && bad.err().contains("numUes = 8")), bad.err());
        assertEquals(1, bad.err().strip().lines().count(), bad.err());
    }

    /** The authors' form, initial draw and a gradient clip reach the card; the shipped model evaluates by name. */
    @Test
    void authorsOptionsReachTheCardAndTheShippedModelEvaluates() throws Exception {
        TrainCommandTest.assumeEngine();
        Path dir = tmp.resolve("authors");
        CliTest.Run r = CliTest.run("train", "--model", "iaidnn", "--scenario", "iaidnn-8x4", "--layers", "2",
                "--steps", "3", "--batch", "4", "--validation", "4", "--form", "authors", "--init", "authors",
                "--clip", "1", "--quiet", "--out", dir.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode hyper = new ObjectMapper().readTree(dir.resolve("card.json").toFile()).get("hyperparameters");
        assertEquals("authors", hyper.get("form").asText());
        assertEquals(1.0, hyper.get("gradientClipNorm").asDouble(), 0.0);
        assertTrue(hyper.get("initialization").asText().startsWith("authors"), hyper.toString());
        CliTest.Run bad = CliTest.run("train", "--model", "iaidnn", "--scenario", "iaidnn-8x4", "--form", "paper",
                "--quiet", "--out", tmp.resolve("never").toString());
        assertNotEquals(0, bad.exit());
        assertTrue(bad.err().contains("form"), bad.err());
        assertEquals(1, bad.err().strip().lines().count(), bad.err());

        CliTest.Run e = CliTest.run("evaluate", "--model", "iaidnn-m16-i8", "--scenario", "iaidnn-16x8",
                "--samples", "1", "--inits", "1", "--quiet", "--out", tmp.resolve("eval").toString());
        assertEquals(0, e.exit(), e.err());
        assertTrue(e.out().contains("Table XIII (M, I) = (16, 8)"), e.out());
    }

    @Test
    void foreignOptionFailsInOneLineAndWritesNothing() {
        Path dir = tmp.resolve("never");
        for (String[] args : List.of(
                new String[] {"train", "--model", "iaidnn", "--scenario", "iaidnn-8x4", "--degree", "3", "--out",
                    dir.toString()},
                new String[] {"train", "--model", "gcn-wmmse", "--scenario", "gcnwmmse-base", "--shared", "--out",
                    dir.toString()})) {
            CliTest.Run r = CliTest.run(args);
            String what = String.join(" ", args);
            assertNotEquals(0, r.exit(), what);
            assertTrue(r.err().startsWith("netsim: "), what + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), what + ": " + r.err());
            assertFalse(Files.exists(dir), what + ": wrote " + dir);
        }
    }
}
