package org.netsim.runs;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.netsim.precoding.PrecoderRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code netsim reproduce TABLE}: one of the papers' comparison tables regenerated on our implementations, each
 * row next to the paper's value (transcribed in the table's resource file), with our measured value and the
 * command that measures it. A row whose precoder is not registered, or that needs a model that does not ship, is
 * "not available" with the reason: nothing is filled in. Writes {@code reproduce-<table>.md} and {@code .csv}
 * (atomically) into {@code --out} and prints the Markdown table.
 *
 * <p>Columns: row, paper value, ours, unit, difference (ours minus paper, in the unit: percentage points for %),
 * command.
 */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = "Regenerate a paper's comparison table on our implementations: paper value, ours, unit, "
                + "difference, command per row; reproduce-<table>.md/.csv. --list lists the tables.")
final class ReproduceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "TABLE", description = "The table (see --list).")
    String table;

    @Option(names = "--list", description = "List the tables with a one-line description.")
    boolean list;

    @Option(names = "--samples", description = "Samples per measurement (default: the table's, see docs).")
    Integer samples;

    @Option(names = "--seed", defaultValue = "1", description = "Root seed of the samples. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--model", description = "Model directory for rows that need a trained model (structural-mpnn).")
    String model;

    @Option(names = "--out", defaultValue = "results/reproduce",
            description = "Output directory. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--quiet", description = "Do not print the commands as they run.")
    boolean quiet;

    /** One line of the report. */
    record Line(String row, double paper, double ours, String unit, String command, String unavailable,
            String source) {
        double difference() {
            return ours - paper;
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        if (list) {
            for (ReproduceTable t : ReproduceTables.all()) {
                o.printf(Locale.ROOT, "%-16s %s%n", t.name(), t.description());
            }
            o.flush();
            return 0;
        }
        if (table == null) {
            throw new IllegalArgumentException("table: a table name is required (netsim reproduce --list)");
        }
        ReproduceTable t = ReproduceTables.get(table);
        int n = samples != null ? samples : t.defaultSamples();
        if (n < 1) {
            throw new IllegalArgumentException("samples: must be >= 1, got " + n);
        }
        if (model != null && !Files.isDirectory(Path.of(model))) {
            throw new IllegalArgumentException("model: " + model + ": no such model directory");
        }
        List<Line> lines = lines(t, n, seed, model, out, quiet ? null : spec.commandLine().getErr());
        String md = markdown(t, n, seed, lines);
        Files.createDirectories(out);
        AtomicFiles.writeString(out.resolve("reproduce-" + t.name() + ".md"), md);
        AtomicFiles.writeString(out.resolve("reproduce-" + t.name() + ".csv"), csv(lines));
        o.print(md);
        o.printf("written: %s, %s%n", out.resolve("reproduce-" + t.name() + ".md"),
                out.resolve("reproduce-" + t.name() + ".csv"));
        o.flush();
        return 0;
    }

    /** Measures the table's rows; the scratch directory of the commands is removed afterwards. */
    static List<Line> lines(ReproduceTable t, int samples, long seed, String model, Path out, PrintWriter progress)
            throws Exception {
        List<PaperRow> rows = t.rows();
        List<PaperRow> measurable = new ArrayList<>();
        for (PaperRow r : rows) {
            if (available(r) == null) {
                measurable.add(r);
            }
        }
        Path work = out.resolve(".reproduce-" + t.name() + "-work");
        Map<String, ReproduceTable.Measured> got;
        try {
            got = t.measure(measurable, new ReproduceContext(samples, seed, model, work, progress));
        } finally {
            deleteTree(work);
        }
        List<Line> lines = new ArrayList<>();
        for (PaperRow r : rows) {
            String why = available(r);
            ReproduceTable.Measured m = got.get(r.row());
            if (why == null && m == null) {
                why = "not measured";
            }
            if (why == null && m.unavailable() != null) {
                why = m.unavailable();
            }
            lines.add(new Line(r.row(), r.paper(), why == null ? m.value() : Double.NaN, r.unit(),
                    m == null ? "" : m.command(), why, r.source()));
        }
        return lines;
    }

    /** @return why the row cannot be measured before running anything, or null */
    static String available(PaperRow r) {
        if (!r.precoder().isEmpty() && !PrecoderRegistry.contains(r.precoderName())) {
            return "precoder " + r.precoderName() + " is not registered";
        }
        if (!r.note().isEmpty()) {
            return r.note();
        }
        return null;
    }

    static String markdown(ReproduceTable t, int samples, long seed, List<Line> lines) {
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(t.name()).append("\n\n").append(t.description()).append(".\n\n");
        sb.append(String.format(Locale.ROOT, "Ours: %d samples per measurement, seed %d; paper: %s.%n%n", samples,
                seed, t.paperSamples()));
        sb.append("| row | paper value | ours | unit | difference | command |\n");
        sb.append("| --- | --- | --- | --- | --- | --- |\n");
        for (Line l : lines) {
            sb.append("| ").append(l.row()).append(" (").append(l.source()).append(") | ")
                    .append(number(l.paper())).append(" | ")
                    .append(l.unavailable() != null ? "not available: " + l.unavailable() : number(l.ours()))
                    .append(" | ").append(l.unit()).append(" | ")
                    .append(l.unavailable() != null || Double.isNaN(l.paper()) ? "—" : signed(l.difference()))
                    .append(" | ").append(l.command().isEmpty() ? "—" : "`" + l.command() + "`").append(" |\n");
        }
        return sb.toString().replace("|  |", "| — |");
    }

    static String csv(List<Line> lines) {
        StringBuilder sb = new StringBuilder("row,paper_value,ours,unit,difference,command\n");
        for (Line l : lines) {
            sb.append(field(l.row())).append(',').append(Double.isNaN(l.paper()) ? "" : number(l.paper()))
                    .append(',').append(field(l.unavailable() != null ? "not available: " + l.unavailable()
                            : number(l.ours())))
                    .append(',').append(field(l.unit())).append(',')
                    .append(l.unavailable() != null || Double.isNaN(l.paper()) ? "" : signed(l.difference()))
                    .append(',').append(field(l.command())).append('\n');
        }
        return sb.toString();
    }

    private static String number(double v) {
        if (Double.isNaN(v)) {
            return "—";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e6 ? Long.toString((long) v) : String.format(Locale.ROOT,
                Math.abs(v) < 0.01 ? "%.3g" : "%.3f", v);
    }

    private static String signed(double v) {
        String s = number(v);
        return v >= 0 ? "+" + s : s;
    }

    private static String field(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
