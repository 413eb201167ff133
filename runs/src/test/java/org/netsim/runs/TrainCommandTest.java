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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netsim.precoding.learned.LearnedEngine;

/**
 * {@code netsim train --model sun-dnn} and {@code netsim evaluate} end to end on small data (a few hundred samples,
 * 2 epochs): the files, the recorded command, a validation MSE below the initial network's, evaluate's table for a
 * trained directory and a shipped name; and the one-line errors that write nothing. Engine-dependent tests skip
 * themselves when no deep-learning engine loads.
 */
class TrainCommandTest {

    @TempDir
    Path tmp;

    static void assumeEngine() {
        Assumptions.assumeTrue(LearnedEngine.isAvailable(),
                () -> "skipped: no deep-learning engine, " + LearnedEngine.unavailableReason().orElse("unknown"));
    }

    @Test
    void trainsSavesAndEvaluates() throws Exception {
        assumeEngine();
        Path dir = tmp.resolve("model");
        String[] args = {"train", "--model", "sun-dnn", "--scenario", "sun-imac-3-12", "--samples", "400",
            "--validation", "100", "--epochs", "2", "--batch", "50", "--seed", "3", "--out", dir.toString()};
        CliTest.Run r = CliTest.run(args);
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("epoch   1/2") && r.err().contains("epoch   2/2"), r.err());
        assertTrue(r.out().contains("DNN/WMMSE sum rate"), r.out());
        for (String f : List.of("parameters.djl", "card.json", "history.csv", "validation_curve.png",
                "validation_curve.csv")) {
            assertTrue(Files.size(dir.resolve(f)) > 0, f);
        }
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary files left");
        }

        JsonNode card = new ObjectMapper().readTree(dir.resolve("card.json").toFile());
        assertEquals("sun-dnn", card.get("modelKind").asText());
        assertEquals("netsim " + String.join(" ", args), card.get("training").get("command").asText());
        assertEquals(400, card.get("training").get("trainingSamples").asInt());
        double initial = card.get("validation").get("initialValidationMse").asDouble();
        double trained = card.get("validation").get("validationMse").asDouble();
        assertTrue(trained < initial, "validation MSE " + trained + " not below the initial " + initial);

        List<String> history = Files.readAllLines(dir.resolve("history.csv"));
        assertTrue(history.get(0).startsWith("epoch,training_mse,validation_mse,learning_rate"), history.get(0));
        assertEquals(1 + 1 + 2, history.size(), "header, the initial network and 2 epochs");

        Path evalDir = tmp.resolve("eval");
        CliTest.Run e = CliTest.run("evaluate", "--model", dir.toString(), "--scenario", "sun-imac-3-12",
                "--samples", "50", "--quiet", "--no-charts", "--out", evalDir.toString());
        assertEquals(0, e.exit(), e.err());
        assertTrue(e.out().contains("reference " + EvaluateCommand.sunDnnBaseline()), e.out());
        assertTrue(e.out().contains("sun-dnn:model=" + dir), e.out());
        List<String> table = Files.readAllLines(evalDir.resolve("compare.csv"));
        assertEquals(3, table.size(), "header and two precoders");
        assertTrue(table.get(2).contains(",100.000000,"), "the baseline is the reference: " + table.get(2));
    }

    @Test
    void evaluatesAShippedModelByName() throws Exception {
        assumeEngine();
        Path evalDir = tmp.resolve("eval");
        CliTest.Run e = CliTest.run("evaluate", "--model", "sun-imac-3-12", "--scenario", "sun-imac-3-12",
                "--samples", "50", "--quiet", "--no-charts", "--out", evalDir.toString());
        assertEquals(0, e.exit(), e.err());
        List<String> table = Files.readAllLines(evalDir.resolve("compare.csv"));
        double pct = Double.parseDouble(table.get(1).split(",")[2]);
        // the shipped model reaches about 98% of WMMSE on fresh samples; 90% leaves room for 50 samples' spread
        assertTrue(pct > 90 && pct < 110, "shipped model at " + pct + "% of WMMSE");
    }

    @Test
    void badInputFailsInOneLineAndWritesNothing() {
        Path dir = tmp.resolve("never");
        List<String[]> bad = List.of(
                new String[] {"train", "--model", "deepfp", "--scenario", "sun-imac-3-12", "--out", dir.toString()},
                new String[] {"train", "--model", "sun-dnn", "--scenario", "no-such", "--out", dir.toString()},
                new String[] {"train", "--model", "sun-dnn", "--scenario", "gcnwmmse-base", "--out", dir.toString()},
                new String[] {"train", "--model", "sun-dnn", "--scenario", "sun-ic-10", "--epochs", "-1",
                    "--out", dir.toString()},
                new String[] {"train", "--model", "sun-dnn", "--scenario", "sun-ic-10", "--samples", "0",
                    "--out", dir.toString()},
                new String[] {"evaluate", "--model", tmp.resolve("missing").toString(), "--scenario", "sun-ic-10",
                    "--out", dir.toString()},
                new String[] {"evaluate", "--model", tmp.toString(), "--scenario", "sun-ic-10", "--out",
                    dir.toString()},
                new String[] {"evaluate", "--model", "sun-imac-3-12", "--scenario", "no-such", "--out",
                    dir.toString()});
        for (String[] args : bad) {
            CliTest.Run r = CliTest.run(args);
            String what = String.join(" ", args);
            assertNotEquals(0, r.exit(), what);
            assertTrue(r.err().startsWith("netsim: "), what + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), what + ": " + r.err());
            assertFalse(Files.exists(dir), what + ": wrote " + dir);
        }
    }

    @Test
    void helpFormats() {
        for (String c : List.of("train", "evaluate")) {
            CliTest.Run r = CliTest.run(c, "--help");
            assertEquals(0, r.exit(), c);
            assertTrue(r.out().contains("Usage: netsim " + c), r.out());
        }
    }
}
