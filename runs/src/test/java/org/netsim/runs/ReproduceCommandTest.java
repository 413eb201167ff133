package org.netsim.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netsim.precoding.PrecoderRegistry;

class ReproduceCommandTest {

    @TempDir
    Path tmp;

    private static final String HEADER = "row,paper_value,ours,unit,difference,command";

    @Test
    void listNamesEveryRegisteredTableWithItsDescription() {
        CliTest.Run r = CliTest.run("reproduce", "--list");
        assertEquals(0, r.exit(), r.err());
        List<ReproduceTable> tables = ReproduceTables.all();
        assertEquals(11, tables.size());
        assertEquals(tables.size(), r.out().lines().count());
        for (ReproduceTable t : tables) {
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith(t.name() + " ") && l.contains(t.description())),
                    t.name());
        }
    }

    @Test
    void everyTableHasPaperValuesWithUnitsAndSources() {
        for (ReproduceTable t : ReproduceTables.all()) {
            List<PaperRow> rows = t.rows();
            assertFalse(rows.isEmpty(), t.name());
            for (PaperRow r : rows) {
                assertFalse(r.unit().isEmpty(), t.name() + ": " + r.row());
                assertTrue(r.source().startsWith("Table") || r.source().startsWith("Sec."), t.name() + ": "
                        + r.row());
                assertFalse(r.key().isEmpty(), t.name() + ": " + r.row());
                assertFalse(r.precoder().contains("$") || r.precoder().contains("org.netsim"),
                        "resource filtering must leave the spec alone: " + r.precoder());
            }
            assertEquals(rows.size(), rows.stream().map(PaperRow::row).distinct().count(), t.name()
                    + ": row names must be unique");
        }
    }

    @Test
    void unknownTableIsAOneLineErrorNamingIt() {
        CliTest.Run r = CliTest.run("reproduce", "no-such-table", "--out", tmp.toString());
        assertNotEquals(0, r.exit());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("no-such-table"), r.err());
        assertTrue(r.err().contains("sun-table1"), "lists the known tables: " + r.err());
    }

    @Test
    void rowOfAnUnregisteredPrecoderIsNotAvailableAndNothingRuns() throws Exception {
        assertFalse(PrecoderRegistry.contains("no-such-precoder"));
        PaperRow row = new PaperRow("ghost", 50.0, "%", "Table X", "percent", "no-such-precoder:model=x",
                "wmmse", "gcnwmmse-base", "");
        CompareRowsTable compare = new CompareRowsTable("test", "a test table", 1, "none", "mrc");
        ReproduceTable t = new ReproduceTable() {
            @Override
            public String name() {
                return compare.name();
            }

            @Override
            public String description() {
                return compare.description();
            }

            @Override
            public int defaultSamples() {
                return 1;
            }

            @Override
            public String paperSamples() {
                return "none";
            }

            @Override
            public List<PaperRow> rows() {
                return List.of(row);
            }

            @Override
            public Map<String, Measured> measure(List<PaperRow> rows, ReproduceContext ctx) throws Exception {
                assertTrue(rows.isEmpty(), "an unregistered precoder's row is never measured");
                return compare.measure(rows, ctx);
            }
        };
        List<ReproduceCommand.Line> lines = ReproduceCommand.lines(t, 1, 1, null, tmp, null);
        assertEquals(1, lines.size());
        assertEquals("precoder no-such-precoder is not registered", lines.get(0).unavailable());
        assertTrue(Double.isNaN(lines.get(0).ours()));
        String csv = ReproduceCommand.csv(lines);
        assertTrue(csv.contains("not available: precoder no-such-precoder is not registered"), csv);
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(0, s.count(), "no command ran, no scratch left");
        }
    }

    @Test
    void modelRowsWithoutModelAreNotAvailable() throws Exception {
        ReproduceTable t = ReproduceTables.get("mpnn-table4");
        List<ReproduceCommand.Line> lines = ReproduceCommand.lines(t, 1, 1, null, tmp, null);
        for (ReproduceCommand.Line l : lines) {
            assertTrue(l.unavailable() != null, l.row() + " must be not available without models");
        }
        assertTrue(lines.stream().anyMatch(l -> l.unavailable().contains("--model DIR")));
    }

    @Test
    void sunTableRunsOnTwoSamplesAndWritesBothFilesAtomically() throws Exception {
        Path out = tmp.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("reproduce-sun-table1.csv"), "stale");
        CliTest.Run r = CliTest.run("reproduce", "sun-table1", "--samples", "2", "--out", out.toString(),
                "--quiet");
        assertEquals(0, r.exit(), r.err());
        checkOutput(out, "sun-table1", r.out());
        List<List<String>> rows = ReproduceContext.readCsv(out.resolve("reproduce-sun-table1.csv"));
        List<String> k10 = rows.stream().filter(f -> f.get(0).equals("K=10 DNN/WMMSE sum rate")).findFirst()
                .orElseThrow();
        double pct = Double.parseDouble(k10.get(2));
        assertTrue(pct > 0 && pct < 200, "a percentage of WMMSE: " + pct);
        assertEquals(Double.parseDouble(k10.get(2)) - 98.33, Double.parseDouble(k10.get(4)), 1.5e-3,
                "difference = ours - paper (printed to 3 decimals)");
        assertTrue(k10.get(5).startsWith("netsim compare --scenario sun-ic-10 --precoders sun-dnn:model=sun-ic-10,"),
                k10.get(5));
        List<String> k20 = rows.stream().filter(f -> f.get(0).startsWith("K=20")).findFirst().orElseThrow();
        assertTrue(k20.get(2).startsWith("not available: no K = 20 model ships"), k20.get(2));
    }

    @Test
    void roundsTableRunsOnOneSample() throws Exception {
        CliTest.Run r = CliTest.run("reproduce", "gcnwmmse-table8", "--samples", "1", "--out", tmp.toString(),
                "--quiet");
        assertEquals(0, r.exit(), r.err());
        checkOutput(tmp, "gcnwmmse-table8", r.out());
        Map<String, String> ours = ours(tmp, "gcnwmmse-table8");
        assertEquals("7", ours.get("L=7 GCN-WMMSE rounds"));
    }

    @Test
    void unfoldedPgdTableMeasuresTheShippedModel() throws Exception {
        CliTest.Run r = CliTest.run("reproduce", "gcnwmmse-table12", "--samples", "1", "--out", tmp.toString(),
                "--quiet");
        assertEquals(0, r.exit(), r.err());
        checkOutput(tmp, "gcnwmmse-table12", r.out());
        Map<String, String> ours = ours(tmp, "gcnwmmse-table12");
        double pct = Double.parseDouble(ours.get("I: Unfolded PGD Q=16 relative rate"));
        assertTrue(pct > 30 && pct <= 110, "a percentage of WMMSE50: " + pct);
        assertTrue(Double.parseDouble(ours.get("I: WMMSE50 rate")) > 0);
        assertTrue(ours.get("I: Unfolded PGD Q=4 relative rate").startsWith("not available: only the Q = 16"),
                ours.get("I: Unfolded PGD Q=4 relative rate"));
    }

    @Test
    void iaidnnTablesMeasureTheShippedModel() throws Exception {
        CliTest.Run r = CliTest.run("reproduce", "gcnwmmse-table13", "--samples", "1", "--out", tmp.toString(),
                "--quiet");
        assertEquals(0, r.exit(), r.err());
        checkOutput(tmp, "gcnwmmse-table13", r.out());
        Map<String, String> ours = ours(tmp, "gcnwmmse-table13");
        double pct = Double.parseDouble(ours.get("(16; 8): IAIDNN relative rate"));
        assertTrue(pct > 30 && pct <= 120, "a percentage of WMMSE50: " + pct);
        double sum = 0;
        for (int u = 1; u <= 8; u++) {
            sum += Double.parseDouble(ours.get("M=16 I=8: IAIDNN average rate of UE " + u));
        }
        assertEquals(Double.parseDouble(ours.get("M=16 I=8: IAIDNN sum of average UE rates")), sum, 1e-2,
                "the UE rates add up to the sum row (printed to 3 decimals)");
        assertTrue(ours.get("(8; 4): IAIDNN relative rate").startsWith("not available: only the (16; 8) model"),
                ours.get("(8; 4): IAIDNN relative rate"));
    }

    @Test
    void uwmmseFigureRowsMeasureTheShippedModel() throws Exception {
        CliTest.Run r = CliTest.run("reproduce", "gcnwmmse-fig5", "--samples", "3", "--out", tmp.toString(),
                "--quiet");
        assertEquals(0, r.exit(), r.err());
        checkOutput(tmp, "gcnwmmse-fig5", r.out());
        Map<String, String> ours = ours(tmp, "gcnwmmse-fig5");
        double uw = Double.parseDouble(ours.get("d=1: UWMMSE sum rate"));
        double tr = Double.parseDouble(ours.get("d=1: WMMSE MRC TR (4 it.) sum rate"));
        assertTrue(uw > tr, "UWMMSE " + uw + " above WMMSE truncated to its depth " + tr);
    }

    @Test
    void modelRowsMeasureTheGivenModelDirectory() throws Exception {
        TrainCommandTest.assumeEngine();
        Path dir = tmp.resolve("model");
        CliTest.Run train = CliTest.run("train", "--model", "structural-mpnn", "--scenario", "song-small-far",
                "--samples", "16", "--validation", "4", "--epochs", "1", "--batch", "8", "--out", dir.toString());
        assertEquals(0, train.exit(), train.err());
        Path out = tmp.resolve("out");
        CliTest.Run r = CliTest.run("reproduce", "mpnn-table4", "--model", dir.toString(), "--samples", "2",
                "--out", out.toString(), "--quiet");
        assertEquals(0, r.exit(), r.err());
        checkOutput(out, "mpnn-table4", r.out());
        Map<String, String> ours = ours(out, "mpnn-table4");
        double pct = Double.parseDouble(ours.get("StructuralMPNN small scale small interference"));
        assertTrue(pct > 0 && pct < 200, "a percentage of WMMSE: " + pct);
        assertEquals("not available: precoder iaidnn is not registered".equals(
                ours.get("IAIDNN small scale small interference")), !PrecoderRegistry.contains("iaidnn"));
    }

    @Tag("slow")
    @Test
    void everyTableRunsOnOneSample() throws Exception {
        for (ReproduceTable t : ReproduceTables.all()) {
            Path out = tmp.resolve(t.name());
            CliTest.Run r = CliTest.run("reproduce", t.name(), "--samples", "1", "--out", out.toString(),
                    "--quiet");
            assertEquals(0, r.exit(), t.name() + ": " + r.err());
            checkOutput(out, t.name(), r.out());
        }
    }

    @Test
    void badSamplesIsAnError() {
        CliTest.Run r = CliTest.run("reproduce", "sun-table1", "--samples", "0", "--out", tmp.toString());
        assertNotEquals(0, r.exit());
        assertThrows(IllegalArgumentException.class, () -> ReproduceTables.get("nope"));
    }

    /** The two files exist, nothing else (no temporary or scratch file) is left, and the columns are the brief's. */
    private static void checkOutput(Path out, String table, String stdout) throws Exception {
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(List.of("reproduce-" + table + ".csv", "reproduce-" + table + ".md"),
                    s.map(p -> p.getFileName().toString()).sorted().toList());
        }
        List<String> csv = Files.readAllLines(out.resolve("reproduce-" + table + ".csv"));
        assertEquals(HEADER, csv.get(0));
        assertEquals(ReproduceTables.get(table).rows().size() + 1, csv.size());
        for (String l : csv) {
            assertEquals(6, PaperRow.fields(l).size(), l);
        }
        String md = Files.readString(out.resolve("reproduce-" + table + ".md"));
        assertTrue(md.contains("| row | paper value | ours | unit | difference | command |"), md);
        assertTrue(stdout.startsWith(md), "stdout prints the Markdown table");
    }

    private static Map<String, String> ours(Path out, String table) throws Exception {
        Map<String, String> m = new java.util.HashMap<>();
        for (List<String> f : ReproduceContext.readCsv(out.resolve("reproduce-" + table + ".csv"))) {
            m.put(f.get(0), f.get(2));
        }
        return m;
    }
}
