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
        r = CliTest.run("train", "--model", "gcn-wmmse", "--scenario", "iid-cn", "--step-parametrisation", "linear",
                "--out", tmp.resolve("y").toString());
        assertTrue(r.exit() != 0 && r.err().contains("step-parametrisation: not an option of --model gcn-wmmse"),
                r.err());
        r = CliTest.run("train", "--model", "unfolded-pgd", "--scenario", "iid-cn", "--init-gain", "2",
                "--out", tmp.resolve("x").toString());
        assertTrue(r.exit() != 0 && r.err().contains("init-gain: not an option of --model unfolded-pgd"), r.err());
        r = CliTest.run("train", "--model", "unfolded-pgd", "--scenario", "iid-cn", "--power-unit", "kW",
                "--out", tmp.resolve("x").toString());
        assertTrue(r.exit() != 0 && r.err().contains("power-unit: expected W or mW, got 'kW'"), r.err());
        r = CliTest.run("train", "--model", "unfolded-pgd", "--scenario", "iid-cn", "--step-parametrisation", "exp",
                "--out", tmp.resolve("x").toString());
        assertTrue(r.exit() != 0 && r.err().contains("step-parametrisation: expected log or linear, got 'exp'"),
                r.err());
        assertTrue(Files.notExists(tmp.resolve("x")) && Files.notExists(tmp.resolve("y")));
    }

    @Test
    void trainsInMilliwattsWithLinearStepsAndRecordsBoth() throws Exception {
        Assumptions.assumeTrue(LearnedEngine.isAvailable(), "no deep-learning engine");
        Path dir = tmp.resolve("pgd-mw");
        CliTest.Run r = CliTest.run("train", "--model", "unfolded-pgd", "--scenario", "iid-cn", "--substeps", "2",
                "--layers", "2", "--steps", "2", "--batch", "4", "--validation", "4", "--power-unit", "mW",
                "--step-parametrisation", "linear", "--initial-step", "2", "--quiet", "--out", dir.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode hyper = new ObjectMapper().readTree(dir.resolve("card.json").toFile()).get("hyperparameters");
        assertEquals(1e-3, hyper.get("trainingPowerUnitW").asDouble());
        assertTrue(hyper.get("stepParametrisation").asText().startsWith("gamma_lq = 2 theta_lq"),
                hyper.toString());
        assertEquals(2e-3, hyper.get("initialStep").asDouble(), 1e-15); // gamma0 for problems in W
    }
}
