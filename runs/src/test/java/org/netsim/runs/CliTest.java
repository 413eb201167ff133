package org.netsim.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end tests of the command line on tiny inputs: outputs, exit codes and one-line errors. */
class CliTest {

    @TempDir
    Path tmp;

    /** Captured result of one CLI invocation. */
    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = NetsimCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void everyCommandHasHelp() {
        java.io.PrintStream stderr = System.err;
        java.io.ByteArrayOutputStream picocliWarnings = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(picocliWarnings, true));
        try {
            for (String c : List.of("run", "dataset", "precode", "compare", "bench", "scenarios", "precoders")) {
                Run r = run(c, "--help");
                assertEquals(0, r.exit(), c);
                assertTrue(r.out().contains("Usage: netsim " + c), c + ": " + r.out());
            }
        } finally {
            System.setErr(stderr);
        }
        // picocli reports help texts it cannot format (e.g. an unescaped '%') on System.err
        assertEquals("", picocliWarnings.toString(), "help texts must format cleanly");
    }

    @Test
    void datasetThenPrecodeWritesOneRowPerSample() throws Exception {
        Path npz = tmp.resolve("d.npz");
        Run d = run("dataset", "--scenario", "gcnwmmse-base", "--samples", "3", "--seed", "5", "--out", npz.toString());
        assertEquals(0, d.exit(), d.err());
        assertTrue(Files.size(npz) > 0);
        Path csv = tmp.resolve("r.csv");
        Run p = run("precode", "--channels", npz.toString(), "--precoder", "wmmse", "--iterations", "5",
                "--threads", "2", "--quiet", "--out", csv.toString());
        assertEquals(0, p.exit(), p.err());
        List<String> lines = Files.readAllLines(csv);
        assertEquals("sample,wsr,iterations,seconds", lines.get(0));
        assertEquals(4, lines.size());
        for (int s = 1; s < lines.size(); s++) {
            String[] f = lines.get(s).split(",");
            assertEquals(String.valueOf(s - 1), f[0]);
            assertTrue(Double.parseDouble(f[1]) > 0);
            assertEquals("5", f[2]);
        }
        assertTrue(p.out().contains("mean WSR"), p.out());
    }

    @Test
    void sameSeedSameDatasetBytes() throws Exception {
        Path a = tmp.resolve("a.npz");
        Path b = tmp.resolve("b.npz");
        assertEquals(0, run("dataset", "--scenario", "gcnwmmse-base", "--samples", "2", "--seed", "9", "--out",
                a.toString()).exit());
        assertEquals(0, run("dataset", "--scenario", "gcnwmmse-base", "--samples", "2", "--seed", "9", "--out",
                b.toString()).exit());
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(b)));
    }

    @Test
    void compareWritesTableAndPerSampleCsv() throws Exception {
        Path dir = tmp.resolve("cmp");
        Run r = run("compare", "--scenario", "gcnwmmse-base", "--precoders", "wmmse:iterations=20,mrt",
                "--samples", "3", "--quiet", "--out", dir.toString());
        assertEquals(0, r.exit(), r.err());
        List<String> table = Files.readAllLines(dir.resolve("compare.csv"));
        assertEquals(3, table.size());
        assertTrue(table.get(1).startsWith("wmmse:iterations=20,"), table.get(1));
        assertTrue(table.get(1).contains(",100.000000,"), "reference is 100 %: " + table.get(1));
        assertEquals(4, Files.readAllLines(dir.resolve("samples.csv")).size());
        // the papers' figure views: the WSR CDF of both precoders, WSR versus iterations of the iterative one
        List<String> cdf = Files.readAllLines(dir.resolve("wsr_cdf.csv"));
        assertEquals(1 + 2 * 3, cdf.size());
        List<String> curve = Files.readAllLines(dir.resolve("wsr_vs_iterations.csv"));
        assertEquals(1 + 20, curve.size(), "one row per iteration of wmmse:iterations=20 (mrt is closed-form)");
        double last = Double.parseDouble(curve.get(20).split(",")[2]);
        double meanWmmse = Double.parseDouble(table.get(1).split(",")[1]);
        assertEquals(meanWmmse, last, 1e-6 * meanWmmse, "the curve ends at the table's mean WSR");
        java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(dir.resolve("wsr_cdf.png").toFile());
        assertEquals(RunCommand.CHART_WIDTH_PX, png.getWidth());
    }

    @Test
    void unknownPrecoderIsAOneLineErrorWithNonZeroExit() {
        Run r = run("compare", "--scenario", "gcnwmmse-base", "--precoders", "nosuch", "--samples", "1", "--quiet",
                "--out", tmp.resolve("x").toString());
        assertEquals(NetsimCli.EXIT_FAILURE, r.exit());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("nosuch"), r.err());
        assertFalse(Files.exists(tmp.resolve("x")));
    }

    @Test
    void missingFileIsAOneLineError() {
        Path csv = tmp.resolve("r.csv");
        Run r = run("precode", "--channels", tmp.resolve("missing.npz").toString(), "--precoder", "mrt", "--out",
                csv.toString());
        assertEquals(NetsimCli.EXIT_FAILURE, r.exit());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("missing.npz"), r.err());
        assertFalse(Files.exists(csv));
    }

    @Test
    void unknownOptionIsAUsageError() {
        Run r = run("precode", "--nosuch");
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("netsim: "), r.err());
    }

    @Test
    void unknownScenarioListsKnownOnes() {
        Run r = run("dataset", "--scenario", "nosuch", "--samples", "1", "--out", tmp.resolve("d.npz").toString());
        assertEquals(NetsimCli.EXIT_FAILURE, r.exit());
        assertTrue(r.err().contains("gcnwmmse-base"), r.err());
    }

    @Test
    void initFileWithoutV0IsRejected() throws Exception {
        Path npz = tmp.resolve("d.npz");
        assertEquals(0, run("dataset", "--scenario", "gcnwmmse-base", "--samples", "1", "--out", npz.toString()).exit());
        Run r = run("precode", "--channels", npz.toString(), "--precoder", "wmmse", "--init", "file", "--out",
                tmp.resolve("r.csv").toString());
        assertEquals(NetsimCli.EXIT_FAILURE, r.exit());
        assertTrue(r.err().contains("V0"), r.err());
    }

    @Test
    void resultsDoNotDependOnThreadCount() throws Exception {
        Path npz = tmp.resolve("d.npz");
        assertEquals(0, run("dataset", "--scenario", "gcnwmmse-base", "--samples", "4", "--out", npz.toString()).exit());
        Path one = tmp.resolve("one.csv");
        Path two = tmp.resolve("two.csv");
        assertEquals(0, run("precode", "--channels", npz.toString(), "--precoder", "wmmse", "--init", "random",
                "--iterations", "3", "--threads", "1", "--quiet", "--out", one.toString()).exit());
        assertEquals(0, run("precode", "--channels", npz.toString(), "--precoder", "wmmse", "--init", "random",
                "--iterations", "3", "--threads", "2", "--quiet", "--out", two.toString()).exit());
        assertEquals(wsrColumn(one), wsrColumn(two));
    }

    private static List<String> wsrColumn(Path csv) throws Exception {
        return Files.readAllLines(csv).stream().map(l -> l.split(",")[1]).toList();
    }
}
