package org.netsim.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code netsim run --mode distributed} and {@code netsim rounds} end to end on tiny inputs. */
class DistributedCommandsTest {

    @TempDir
    Path tmp;

    @Test
    void distributedRunWritesRoundsMessagesAndBytesNextToTheMetrics() throws Exception {
        Path dir = tmp.resolve("dist");
        CliTest.Run r = CliTest.run("run", "urban-7cell", "--slots", "4", "--quiet", "--out", dir.toString(),
                "--mode", "distributed", "--rounds", "3", "--coordination", "strongest=3");
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.readString(dir.resolve("scenario.yaml")).contains("coordinationStrongest: 3"));
        List<String> csv = Files.readAllLines(dir.resolve("distributed.csv"));
        assertEquals(DistributedRunOutput.header(), csv.get(0));
        assertEquals(5, csv.size(), "one row per slot");
        List<String> metrics = Files.readAllLines(dir.resolve("metrics.csv"));
        JsonNode summary = new ObjectMapper().readTree(dir.resolve("distributed.json").toFile());
        assertEquals(3, summary.get("round_budget").asInt());
        assertEquals(12, summary.get("rounds").asLong());
        // 28 UEs, each sends U W U^H to its 3 strongest BSs per round (its serving BS among them, or 4)
        JsonNode cov = summary.get("messages").get("ul_covariance");
        assertTrue(cov.get("sent").asLong() >= 12L * 28 * 3 && cov.get("sent").asLong() <= 12L * 28 * 4, cov.toString());
        assertEquals(cov.get("sent").asLong(), cov.get("delivered").asLong());
        // the metrics' messages and bytes are the delivered ones of distributed.csv
        String[] m = metrics.get(1).split(",");
        String[] d = csv.get(1).split(",");
        assertEquals("3", m[9]);
        long delivered = Long.parseLong(d[5]) + Long.parseLong(d[10]) + Long.parseLong(d[15]);
        assertEquals(delivered, Long.parseLong(m[10]));
        assertEquals(4, summary.get("mean_wsr_after_rounds_nat").size());
        assertTrue(Files.size(dir.resolve("wsr_vs_rounds.png")) > 0);
        // lossy links: sent = delivered + lost
        Path lossy = tmp.resolve("lossy");
        assertEquals(0, CliTest.run("run", "urban-7cell", "--slots", "2", "--quiet", "--no-charts", "--out",
                lossy.toString(), "--mode", "distributed", "--loss", "0.2", "--latency-s", "2e-4", "--memory",
                "slot").exit());
        JsonNode lossySummary = new ObjectMapper().readTree(lossy.resolve("distributed.json").toFile());
        assertEquals("slot", lossySummary.get("link").get("memory").asText());
        JsonNode rx = lossySummary.get("messages").get("ul_receiver");
        assertTrue(rx.get("lost").asLong() > 0, rx.toString());
        assertEquals(rx.get("sent").asLong(), rx.get("delivered").asLong() + rx.get("lost").asLong());
        assertEquals(rx.get("delivered").asLong(), rx.get("late").asLong(), "latency above the uplink phase");
        // centralized runs write no distributed files
        Path central = tmp.resolve("central");
        assertEquals(0, CliTest.run("run", "urban-7cell", "--slots", "2", "--quiet", "--no-charts", "--out",
                central.toString()).exit());
        assertTrue(Files.notExists(central.resolve("distributed.csv")));
    }

    @Test
    void distributedRunRefusesAPrecoderWithoutAgentSteps() {
        CliTest.Run r = CliTest.run("run", "urban-7cell", "--slots", "2", "--quiet", "--out",
                tmp.resolve("x").toString(), "--mode", "distributed", "--set", "precoder.name=rzf");
        assertNotEquals(0, r.exit());
        assertTrue(r.err().contains("rzf") && r.err().contains("distributed"), r.err());
    }

    @Test
    void roundsTableOfTheClassicMemberNeedsTheSameRoundsAsWmmse() throws Exception {
        // gcn-wmmse with weights=wmmse is WMMSE truncated to L iterations: it needs exactly L WMMSE rounds
        Path dir = tmp.resolve("rounds");
        CliTest.Run r = CliTest.run("rounds", "--scenario", "gcnwmmse-base", "--samples", "3", "--quiet",
                "--max-rounds", "10", "--gcn", "gcn-wmmse:weights=wmmse:layers=4", "--out", dir.toString());
        assertEquals(0, r.exit(), r.err());
        List<String> table = Files.readAllLines(dir.resolve("rounds_table.csv"));
        String[] row = table.get(1).split(",");
        assertEquals("4", row[1]);
        assertEquals("4", row[2]);
        assertEquals(Double.parseDouble(row[3]), Double.parseDouble(row[4]), 1e-9 * Double.parseDouble(row[3]));
        // messages = rounds x (I K + I); gcnwmmse-base: 3 cells x 4 UEs
        assertEquals(4L * (12 * 3 + 12), Long.parseLong(row[7]));
        List<String> curve = Files.readAllLines(dir.resolve("wsr_vs_rounds.csv"));
        assertEquals(1 + 11 + 5, curve.size(), "WMMSE rounds 0..10, the network 0..4");
        assertTrue(Files.size(dir.resolve("wsr_vs_rounds.png")) > 0);
    }
}
