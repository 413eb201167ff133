package org.netsim.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netsim.precoding.learned.LearnedEngine;

/** Unfolded PGD end to end: train, evaluate (the Table XII rows), refused options. */
class UnfoldedPgdCommandsTest {

    @TempDir
    Path tmp;

    @Test
    void trainsWritesTheModelAndEvaluatesIt() throws Exception {
        Assumptions.assumeTrue(LearnedEngine.isAvailable(), "no deep-learning engine");
        Path dir = tmp.resolve("pgd");
        CliTest.Run r = CliTest.run("train", "--model", "unfolded-pgd", "--scenario", "iid-cn", "--substeps", "2",
                "--layers", "2", "--steps", "3", "--batch", "4", "--validation", "4", "--validate-every", "3",
                "--quiet", "--out", dir.toString());
        assertEquals(0, r.exit(), r.err());
        for (String f : List.of("parameters.json", "card.json", "history.csv", "validation.csv")) {
            assertTrue(Files.size(dir.resolve(f)) > 0, f);
        }
        JsonNode card = new ObjectMapper().readTree(dir.resolve("card.json").toFile());
        assertEquals("unfolded-pgd", card.get("modelKind").asText());
        assertEquals(2, card.get("hyperparameters").get("substeps").asInt());
        assertTrue(card.get("training").get("command").asText().contains("--substeps 2"));
        CliTest.Run again = CliTest.run("train", "--model", "unfolded-pgd", "--scenario", "iid-cn", "--steps", "1",
                "--out", dir.toString());
        assertTrue(again.exit() != 0 && again.err().contains("already holds a model"), again.err());

        CliTest.Run e = CliTest.run("evaluate", "--model", dir.toString(), "--scenario", "iid-cn", "--samples", "2",
                "--inits", "2", "--threads", "1", "--quiet", "--out", tmp.resolve("eval").toString());
        assertEquals(0, e.exit(), e.err());
        assertTrue(e.out().contains("Unfolded PGD (L = 2, Q = 2)") && e.out().contains("WMMSE2 (best of 2"),
                e.out());
        assertEquals(3, Files.readAllLines(tmp.resolve("eval").resolve("evaluation.csv")).size());
    }

    @Test
    void optionsOfOtherModelsAreRefused() {
        CliTest.Run r = CliTest.run("train", "--model", "unfolded-pgd", "--scenario", "iid-cn", "--clip", "1",
                "--out", tmp.resolve("x").toString());
        assertTrue(r.exit() != 0 && r.err().contains("clip: not an option of --model unfolded-pgd"), r.err());
        r = CliTest.run("train", "--model", "gcn-wmmse", "--scenario", "iid-cn", "--substeps", "4",
                "--out", tmp.resolve("y").toString());
        assertTrue(r.exit() != 0 && r.err().contains("substeps: not an option of --model gcn-wmmse"), r.err());
        assertTrue(Files.notExists(tmp.resolve("x")) && Files.notExists(tmp.resolve("y")));
    }
}
