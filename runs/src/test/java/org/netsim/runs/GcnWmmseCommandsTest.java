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
import org.netsim.precoding.Init;
import org.netsim.precoding.PrecoderOptions;
import org.netsim.precoding.PrecoderRegistry;
import org.netsim.precoding.Problem;
import org.netsim.precoding.classic.WmmsePrecoder;
import org.netsim.precoding.learned.LearnedEngine;
import org.netsim.scenarios.snapshot.SnapshotCatalog;

/**
 * GCN-WMMSE end to end: the shipped model against WMMSE truncated to its depth on fresh channels of its training
 * scenario; {@code netsim train --model gcn-wmmse} with a checkpoint and {@code --resume}; {@code netsim evaluate}
 * for the shipped model.
 */
class GcnWmmseCommandsTest {

    @TempDir
    Path tmp;

    @Test
    void shippedModelBeatsWmmseWithSevenIterationsOnAFreshSeed() {
        // seed 20261201 was never used in training (train/ and validation/ streams of seed 1)
        List<Problem> ps = ScenarioSamples.draw(SnapshotCatalog.get("gcnwmmse-base"), 20, 20261201L);
        var gcn = PrecoderRegistry.create("gcn-wmmse");
        var wmmse7 = new WmmsePrecoder(PrecoderOptions.defaults().withMaxIterations(7));
        double g = 0;
        double w = 0;
        for (Problem p : ps) {
            g += gcn.solve(p, Init.mrc()).wsrNat();
            w += wmmse7.solve(p, Init.mrc()).wsrNat();
        }
        assertTrue(g > w, "GCN-WMMSE " + g / ps.size() + " vs WMMSE-7 " + w / ps.size() + " nat/s/Hz");
    }

    @Test
    void trainsResumesAndWritesTheModel() throws Exception {
        Assumptions.assumeTrue(LearnedEngine.isAvailable(), "no deep-learning engine");
        Path dir = tmp.resolve("gcn");
        String[] first = {"train", "--model", "gcn-wmmse", "--scenario", "gcnwmmse-base", "--steps", "2", "--batch",
            "3", "--validation", "3", "--layers", "2", "--features", "2", "--checkpoint-every", "1",
            "--validate-every", "1", "--quiet", "--out", dir.toString()};
        CliTest.Run r = CliTest.run(first);
        assertEquals(0, r.exit(), r.err());
        for (String f : List.of("parameters.json", "card.json", "checkpoint.json", "history.csv", "validation.csv",
                "validation_curve.png")) {
            assertTrue(Files.size(dir.resolve(f)) > 0, f);
        }
        CliTest.Run again = CliTest.run(first);
        assertTrue(again.exit() != 0 && again.err().contains("already holds a model"), again.err());
        String[] resume = first.clone();
        resume[6] = "4";
        String[] withResume = java.util.Arrays.copyOf(resume, resume.length + 1);
        withResume[resume.length] = "--resume";
        CliTest.Run r2 = CliTest.run(withResume);
        assertEquals(0, r2.exit(), r2.err());
        JsonNode card = new ObjectMapper().readTree(dir.resolve("card.json").toFile());
        assertEquals("gcn-wmmse", card.get("modelKind").asText());
        assertEquals(4, card.get("hyperparameters").get("steps").asInt());
        assertEquals(5, Files.readAllLines(dir.resolve("history.csv")).size(), "header and 4 steps");
        assertTrue(PrecoderRegistry.create("gcn-wmmse", PrecoderOptions.defaults().with("model", dir.toString()))
                .solve(ScenarioSamples.draw(SnapshotCatalog.get("gcnwmmse-base"), 1, 3).get(0), Init.mrc())
                .wsrNat() > 0);
    }

    @Test
    void optionsOfTheOtherModelAreRefused() {
        CliTest.Run r = CliTest.run("train", "--model", "gcn-wmmse", "--scenario", "gcnwmmse-base", "--epochs", "3",
                "--out", tmp.resolve("x").toString());
        assertTrue(r.exit() != 0 && r.err().contains("epochs: not an option of --model gcn-wmmse"), r.err());
        CliTest.Run s = CliTest.run("train", "--model", "sun-dnn", "--scenario", "sun-ic-10", "--steps", "3",
                "--out", tmp.resolve("y").toString());
        assertTrue(s.exit() != 0 && s.err().contains("steps: not an option of --model sun-dnn"), s.err());
        CliTest.Run u = CliTest.run("train", "--model", "gcn-wmmse", "--scenario", "gcnwmmse-base", "--power-unit",
                "kW", "--out", tmp.resolve("z").toString());
        assertTrue(u.exit() != 0 && u.err().contains("power-unit: expected W or mW, got 'kW'"), u.err());
        CliTest.Run v = CliTest.run("train", "--model", "sun-dnn", "--scenario", "sun-ic-10", "--power-unit", "W",
                "--out", tmp.resolve("w").toString());
        assertTrue(v.exit() != 0 && v.err().contains("power-unit: not an option of --model sun-dnn"), v.err());
        assertTrue(!Files.exists(tmp.resolve("x")) && !Files.exists(tmp.resolve("y"))
                && !Files.exists(tmp.resolve("z")) && !Files.exists(tmp.resolve("w")), "nothing written");
    }

    @Test
    void evaluatesTheShippedModel() throws Exception {
        CliTest.Run r = CliTest.run("evaluate", "--model", "gcn-wmmse-base", "--scenario", "gcnwmmse-base",
                "--samples", "2", "--inits", "2", "--threads", "1", "--quiet", "--out", tmp.resolve("ev").toString());
        assertEquals(0, r.exit(), r.err());
        for (String row : List.of("GCN-WMMSE (L = 7)", "WMMSE MRC TR (7 it.)", "WMMSE MRC (100 it.)", "WMMSE RI TR",
                "WMMSE RI (100 it.", "WMMSE2 (best of 2")) {
            assertTrue(r.out().contains(row), row + " in\n" + r.out());
        }
        assertEquals(3, Files.readAllLines(tmp.resolve("ev").resolve("evaluation.csv")).size());
    }

    @Test
    void evaluatesOnTheChannelsOfADatasetAsOnTheScenario() throws Exception {
        Path npz = tmp.resolve("base.npz");
        assertEquals(0, CliTest.run("dataset", "--scenario", "gcnwmmse-base", "--samples", "2", "--out",
                npz.toString()).exit());
        CliTest.Run fromFile = CliTest.run("evaluate", "--model", "gcn-wmmse-base", "--channels", npz.toString(),
                "--inits", "2", "--threads", "1", "--quiet", "--out", tmp.resolve("f").toString());
        assertEquals(0, fromFile.exit(), fromFile.err());
        CliTest.Run drawn = CliTest.run("evaluate", "--model", "gcn-wmmse-base", "--scenario", "gcnwmmse-base",
                "--samples", "2", "--inits", "2", "--threads", "1", "--quiet", "--out", tmp.resolve("s").toString());
        assertEquals(0, drawn.exit(), drawn.err());
        // the dataset holds the scenario's samples of the same seed: the same table, row for row
        assertEquals(Files.readAllLines(tmp.resolve("s").resolve("evaluation.csv")),
                Files.readAllLines(tmp.resolve("f").resolve("evaluation.csv")));
        CliTest.Run tooMany = CliTest.run("evaluate", "--model", "gcn-wmmse-base", "--channels", npz.toString(),
                "--samples", "3", "--quiet", "--out", tmp.resolve("t").toString());
        assertTrue(tooMany.exit() != 0 && tooMany.err().contains("samples: must be in 1..2, got 3"), tooMany.err());
    }
}
