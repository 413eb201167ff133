package org.netsim.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code netsim train --model deepfp} end to end on a tiny run of deepfp-7cell (1 layer, DNN 4 wide, 2 + 2 steps of
 * 2 samples, 5-iteration labels): the files and the card; {@code --resume} from a checkpoint continues as the
 * uninterrupted run (same losses and validation WSR); {@code netsim evaluate} prints the paper-style table for the directory.
 */
class DeepFpTrainCommandTest {

    @TempDir
    Path tmp;

    static List<String> tiny(Path out, int wsrSteps) {
        return new ArrayList<>(List.of("train", "--model", "deepfp", "--scenario", "deepfp-7cell", "--layers", "1",
                "--hidden", "4", "--supervised-steps", "2", "--wsr-steps", Integer.toString(wsrSteps),
                "--label-samples", "2", "--label-iterations", "5", "--validation", "2", "--batch", "2",
                "--validate-every", "2", "--checkpoint-every", "2", "--seed", "4", "--quiet", "--out",
                out.toString()));
    }

    @Test
    void trainsResumesIdenticallyAndEvaluates() throws Exception {
        TrainCommandTest.assumeEngine();
        Path straight = tmp.resolve("straight");
        CliTest.Run r = CliTest.run(tiny(straight, 2).toArray(new String[0]));
        assertEquals(0, r.exit(), r.err());
        for (String f : List.of("parameters.djl", "card.json", "steps.csv", "validation.csv", "validation_curve.png",
                DeepFpTrainRun.CHECKPOINT_FILE, DeepFpTrainRun.CONFIG_FILE)) {
            assertTrue(Files.size(straight.resolve(f)) > 0, f);
        }
        JsonNode card = new ObjectMapper().readTree(straight.resolve("card.json").toFile());
        assertEquals("deepfp", card.get("modelKind").asText());
        assertEquals(64, card.get("dimensions").get("maxBsAntennas").asInt());
        assertEquals(2, card.get("dimensions").get("maxStreams").asInt());
        assertTrue(card.get("training").get("command").asText().contains("--model deepfp"));
        assertEquals(5, Files.readAllLines(straight.resolve("steps.csv")).size(), "header and 4 steps");

        // the same run stopped after its supervised stage (2 steps), then resumed to 4 steps
        Path resumed = tmp.resolve("resumed");
        r = CliTest.run(tiny(resumed, 0).toArray(new String[0]));
        assertEquals(0, r.exit(), r.err());
        Files.delete(resumed.resolve("card.json"));
        Files.delete(resumed.resolve("parameters.djl"));
        List<String> again = tiny(resumed, 2);
        again.add("--resume");
        r = CliTest.run(again.toArray(new String[0]));
        assertEquals(0, r.exit(), r.err());
        // the same function (weights may differ by ~lr where Adam meets near-zero gradients whose sign depends on
        // BLAS rounding, see DeepFpTrainerTest.RESUME_TOLERANCE)
        double a = new ObjectMapper().readTree(straight.resolve("card.json").toFile()).get("validation")
                .get("validationWsrBit").asDouble();
        double b = new ObjectMapper().readTree(resumed.resolve("card.json").toFile()).get("validation")
                .get("validationWsrBit").asDouble();
        assertEquals(a, b, 3e-3 * a, "validation WSR of the resumed model");
        List<String> s1 = Files.readAllLines(straight.resolve("steps.csv"));
        List<String> s2 = Files.readAllLines(resumed.resolve("steps.csv"));
        assertEquals(s1.size(), s2.size());
        for (int i = 1; i < s1.size(); i++) {
            double l1 = Double.parseDouble(s1.get(i).split(",")[2]);
            double l2 = Double.parseDouble(s2.get(i).split(",")[2]);
            assertEquals(l1, l2, 3e-3 * Math.max(1, Math.abs(l1)), "loss of step " + i);
        }

        List<String> other = tiny(resumed, 2);
        other.set(other.indexOf("--seed") + 1, "5");
        other.add("--resume");
        Files.delete(resumed.resolve("card.json"));
        Files.delete(resumed.resolve("parameters.djl"));
        r = CliTest.run(other.toArray(new String[0]));
        assertTrue(r.exit() != 0, "a resume with other options must fail");
        assertTrue(r.err().contains("resume: the options differ"), r.err());

        r = CliTest.run("evaluate", "--model", straight.toString(), "--samples", "2", "--quiet");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("FastFP (100 iterations)") && r.out().contains("DeepFP (Java executor)")
                && r.out().contains("iterations by FastFP"), r.out());
    }

    @Test
    void evaluatesTheShippedModelOnTheChannelsOfADataset() throws Exception {
        TrainCommandTest.assumeEngine();
        Path npz = tmp.resolve("cells.npz");
        assertEquals(0, CliTest.run("dataset", "--scenario", "deepfp-7cell", "--samples", "1", "--out",
                npz.toString()).exit());
        CliTest.Run r = CliTest.run("evaluate", "--model", "deepfp-7cell", "--channels", npz.toString(), "--quiet",
                "--out", tmp.resolve("ev").toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("DeepFP evaluation on cells, 1 samples"), r.out());
        assertTrue(r.out().contains("FastFP (100 iterations)"), r.out());
    }
}
