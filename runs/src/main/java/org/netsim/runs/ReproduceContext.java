package org.netsim.runs;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a {@link ReproduceTable} measures with: sample count, seed, optional model directory, a scratch directory,
 * and the means to run another {@code netsim} command in-process and read its CSV output (so every measured value
 * is exactly what the printed command gives).
 *
 * @param model the {@code --model DIR} given to {@code netsim reproduce}, or null
 */
record ReproduceContext(int samples, long seed, String model, Path work, PrintWriter progress) {

    /** The result of one in-process command: its exit code, output directory and one-line error. */
    record Run(int exitCode, Path dir, String error) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    /** @return the command line as a user types it (without {@code --out}) */
    static String commandLine(List<String> args) {
        return "netsim " + String.join(" ", args);
    }

    /** Runs {@code netsim args... --out <fresh scratch dir>} in-process. */
    Run run(List<String> args) throws IOException {
        Files.createDirectories(work);
        Path dir = Files.createTempDirectory(work, args.get(0) + "-");
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of("--out", dir.toString()));
        if (progress != null) {
            progress.println("reproduce: " + commandLine(args));
            progress.flush();
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = NetsimCli.execute(all.toArray(new String[0]), new PrintWriter(out, true),
                new PrintWriter(err, true));
        String e = err.toString().lines().filter(l -> l.startsWith("netsim: ")).findFirst()
                .map(l -> l.substring("netsim: ".length())).orElse("exit code " + code);
        return new Run(code, dir, e);
    }

    /** Reads a CSV file written by a command: its data lines (header skipped), split into fields. */
    static List<List<String>> readCsv(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        for (String l : lines.subList(1, lines.size())) {
            if (!l.isBlank()) {
                rows.add(PaperRow.fields(l));
            }
        }
        return rows;
    }

    /** Reads the header line of a CSV file written by a command, split into fields. */
    static List<String> readHeader(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        if (lines.isEmpty()) {
            throw new IOException(file + ": empty CSV file");
        }
        return PaperRow.fields(lines.get(0));
    }

    /** @return {@code args} as a list */
    static List<String> args(String... args) {
        return Arrays.asList(args);
    }
}
