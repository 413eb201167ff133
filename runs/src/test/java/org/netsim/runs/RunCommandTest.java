package org.netsim.runs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netsim.scenarios.dataset.NpyArray;
import org.netsim.scenarios.dataset.NpzFile;
import org.netsim.visualization.trace.TraceReader;

/** {@code netsim run} end to end on tiny horizons: the run directory, its files, reproducibility, errors. */
class RunCommandTest {

    @TempDir
    Path tmp;

    private static CliTest.Run run(String... args) {
        return CliTest.run(args);
    }

    @Test
    void defaultScenarioWritesACompleteRunDirectory() throws Exception {
        Path dir = tmp.resolve("run");
        CliTest.Run r = run("run", "urban-7cell", "--slots", "15", "--quiet", "--out", dir.toString(),
                "--record-channels", "0,5");
        assertEquals(0, r.exit(), r.err());
        for (String f : List.of("scenario.yaml", "run.json", "metrics.csv", "trace.bin", "summary.json",
                "channels.npz", "sum_rate.png", "sum_rate.csv", "ue_rate_cdf.png", "ue_rate_cdf.csv",
                "handovers.png", "handovers.csv")) {
            assertTrue(Files.size(dir.resolve(f)) > 0, f);
        }
        java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(dir.resolve("sum_rate.png").toFile());
        assertEquals(RunCommand.CHART_WIDTH_PX, png.getWidth());
        assertEquals(RunCommand.CHART_HEIGHT_PX, png.getHeight());
        // the chart's data is the run's metrics: one row per slot, the sum rate in bit
        List<String> chartCsv = Files.readAllLines(dir.resolve("sum_rate.csv"));
        List<String> metricRows = Files.readAllLines(dir.resolve("metrics.csv"));
        assertEquals(metricRows.size(), chartCsv.size());
        for (int row = 1; row < chartCsv.size(); row++) {
            double bit = Double.parseDouble(chartCsv.get(row).split(",")[1]);
            double nat = Double.parseDouble(metricRows.get(row).split(",")[3]);
            assertEquals(nat / Math.log(2), bit, 1e-8 * bit);
        }
        // the CDF holds every (UE, slot) rate: 15 slots x 28 UEs, ending at 1
        List<String> cdf = Files.readAllLines(dir.resolve("ue_rate_cdf.csv"));
        assertEquals(1.0, Double.parseDouble(cdf.get(cdf.size() - 1).split(",")[1]), 1e-12);
        assertEquals(15 * 28 + 1, cdf.size());
        List<String> metrics = Files.readAllLines(dir.resolve("metrics.csv"));
        assertEquals(MetricsCsvListener.HEADER, metrics.get(0));
        assertEquals(16, metrics.size());
        JsonNode summary = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
        assertEquals(15, summary.get("slots").asLong());
        assertTrue(summary.get("sum_rate_nat").get("mean").asDouble() > 0);
        // the summary's mean equals the mean of the metrics column
        double mean = metrics.stream().skip(1).mapToDouble(l -> Double.parseDouble(l.split(",")[3])).average()
                .orElseThrow();
        assertEquals(mean, summary.get("sum_rate_nat").get("mean").asDouble(), 1e-6 * mean);
        JsonNode runJson = new ObjectMapper().readTree(dir.resolve("run.json").toFile());
        assertEquals(1, runJson.get("seed").asLong());
        assertTrue(Files.readString(dir.resolve("scenario.yaml")).contains("wrapAround: true"));

        NpzFile channels = NpzFile.read(dir.resolve("channels.npz"));
        NpyArray h = channels.require("H");
        assertArrayEquals(new int[] {15, 2, 7, 2, 8}, h.shape());
        assertArrayEquals(new int[] {15, 2, 7}, channels.require("large_scale_gain").shape());
        assertArrayEquals(new int[] {15, 2, 2}, channels.require("position_m").shape());
        assertArrayEquals(new int[] {0, 5}, channels.require("ue_index").toInt32Array());
        assertEquals(2e9, channels.require("carrier_hz").float64Value());
        assertEquals(1e-3, channels.require("slot_s").float64Value());

        try (TraceReader trace = new TraceReader(dir.resolve("trace.bin"))) {
            assertTrue(trace.headerJson().contains("\"sites_m\""), trace.headerJson());
            int frames = 0;
            while (trace.next() != null) {
                frames++;
            }
            assertEquals(15, frames);
        }
    }

    /** Same scenario and seed: identical channel records and metrics except the wall-clock seconds column. */
    @Test
    void sameSeedSameBytesApartFromTiming() throws Exception {
        List<Path> dirs = new ArrayList<>();
        for (String name : List.of("a", "b")) {
            Path dir = tmp.resolve(name);
            assertEquals(0, run("run", "highway-19cell", "--slots", "12", "--quiet", "--out", dir.toString(),
                    "--record-channels", "3").exit());
            dirs.add(dir);
        }
        assertArrayEquals(Files.readAllBytes(dirs.get(0).resolve("channels.npz")),
                Files.readAllBytes(dirs.get(1).resolve("channels.npz")));
        assertArrayEquals(Files.readAllBytes(dirs.get(0).resolve("trace.bin")),
                Files.readAllBytes(dirs.get(1).resolve("trace.bin")));
        assertEquals(withoutSeconds(dirs.get(0)), withoutSeconds(dirs.get(1)));
        // common random numbers: another precoder, the same channel realisations
        Path rzf = tmp.resolve("rzf");
        assertEquals(0, run("run", "highway-19cell", "--slots", "12", "--quiet", "--out", rzf.toString(),
                "--record-channels", "3", "--set", "precoder=rzf").exit());
        assertArrayEquals(Files.readAllBytes(dirs.get(0).resolve("channels.npz")),
                Files.readAllBytes(rzf.resolve("channels.npz")));
        assertNotEquals(withoutSeconds(dirs.get(0)), withoutSeconds(rzf), "a different precoder, other rates");
        // another seed, other channels
        Path other = tmp.resolve("other");
        assertEquals(0, run("run", "highway-19cell", "--slots", "12", "--quiet", "--out", other.toString(),
                "--record-channels", "3", "--seed", "2").exit());
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(dirs.get(0).resolve("channels.npz")),
                Files.readAllBytes(other.resolve("channels.npz"))));
    }

    private static List<String> withoutSeconds(Path dir) throws Exception {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("metrics.csv"))) {
            out.add(line.substring(0, line.lastIndexOf(',')));
        }
        return out;
    }

    @Test
    void badScenariosAreOneLineErrorsAndWriteNothing() throws Exception {
        Path dir = tmp.resolve("bad");
        CliTest.Run r = run("run", "urban-7cell", "--set", "layout.numSitez=7", "--out", dir.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().startsWith("netsim: urban-7cell: layout: numSitez"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(Files.exists(dir), "nothing is written for an invalid scenario");
        Path yaml = tmp.resolve("s.yaml");
        Files.writeString(yaml, "slots: 10\nues: []\n");
        CliTest.Run empty = run("run", yaml.toString(), "--out", dir.toString());
        assertEquals(1, empty.exit());
        assertTrue(empty.err().startsWith("netsim: s.yaml: ues: at least one UE group is required"), empty.err());
        Path torus = tmp.resolve("torus.yaml");
        Files.writeString(torus, "layout: {model: hexagonal, numSites: 7, wrapAround: true}\nues:\n"
                + "  - {drop: {model: per-cell, uesPerCell: 1}, mobility: {model: random-direction}}\n");
        CliTest.Run start = run("run", torus.toString(), "--slots", "2", "--out", tmp.resolve("t").toString());
        assertEquals(1, start.exit());
        assertTrue(start.err().startsWith("netsim: " + torus + ": ues: maxLegDurationS"), start.err());
        assertFalse(Files.exists(tmp.resolve("t")));
        CliTest.Run missing = run("run", tmp.resolve("nope.yaml").toString());
        assertEquals(1, missing.exit());
        assertTrue(missing.err().contains("no such scenario file"), missing.err());
        CliTest.Run badUe = run("run", "urban-7cell", "--slots", "2", "--record-channels", "999", "--out",
                tmp.resolve("x").toString());
        assertEquals(1, badUe.exit());
        assertTrue(badUe.err().contains("record-channels: UE 999 does not exist"), badUe.err());
        assertFalse(Files.exists(tmp.resolve("x")), "nothing is written for a bad option");
    }

    @Test
    void aPrecoderThatDoesNotFitTheNetworkFailsBeforeAnythingIsWritten() {
        Path dir = tmp.resolve("sc");
        CliTest.Run r = run("run", "urban-7cell", "--set", "precoder=wmmse-sc", "--slots", "3", "--out",
                dir.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("wmmse-sc: needs a single-cell problem"), r.err());
        assertFalse(Files.exists(dir), "no run directory for a run that could not start");
    }

    @Test
    void slotsOptionAlsoReplacesAHorizonInSeconds() throws Exception {
        Path yaml = tmp.resolve("d.yaml");
        Files.writeString(yaml, "durationS: 10\nues:\n  - {drop: {model: per-cell, uesPerCell: 1}}\n");
        Path dir = tmp.resolve("d");
        CliTest.Run r = run("run", yaml.toString(), "--slots", "4", "--quiet", "--out", dir.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(5, Files.readAllLines(dir.resolve("metrics.csv")).size());
    }
}
