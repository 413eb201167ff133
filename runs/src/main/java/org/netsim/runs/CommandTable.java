package org.netsim.runs;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A paper table measured by one existing {@code netsim} command (for example {@code evaluate} or {@code rounds}):
 * the command is run once in-process and its output files are read into named values, one per {@code key} of the
 * table's resource file. A key the extractor does not return (NaN) is "not available" with the extractor's reason.
 */
final class CommandTable implements ReproduceTable {

    /** Reads a command's output directory into values per key (NaN: not measured). */
    @FunctionalInterface
    interface Extractor {
        Map<String, Double> read(Path dir) throws Exception;
    }

    private final String name;
    private final String description;
    private final int defaultSamples;
    private final String paperSamples;
    private final Function<ReproduceContext, List<String>> command;
    private final Extractor extractor;
    private final String nanReason;

    /**
     * @param command the command's arguments (without {@code --out}) for a context
     * @param nanReason why a key whose value is NaN is not available
     */
    CommandTable(String name, String description, int defaultSamples, String paperSamples,
            Function<ReproduceContext, List<String>> command, Extractor extractor, String nanReason) {
        this.name = name;
        this.description = description;
        this.defaultSamples = defaultSamples;
        this.paperSamples = paperSamples;
        this.command = command;
        this.extractor = extractor;
        this.nanReason = nanReason;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public int defaultSamples() {
        return defaultSamples;
    }

    @Override
    public String paperSamples() {
        return paperSamples;
    }

    @Override
    public Map<String, Measured> measure(List<PaperRow> rows, ReproduceContext ctx) throws Exception {
        Map<String, Measured> out = new LinkedHashMap<>();
        if (rows.isEmpty()) {
            return out;
        }
        List<String> args = command.apply(ctx);
        String cmd = ReproduceContext.commandLine(args);
        ReproduceContext.Run run = ctx.run(args);
        Map<String, Double> values = run.ok() ? extractor.read(run.dir()) : Map.of();
        for (PaperRow r : rows) {
            if (!run.ok()) {
                out.put(r.row(), Measured.notAvailable(run.error(), cmd));
                continue;
            }
            if (!values.containsKey(r.key())) {
                throw new IllegalStateException("reproduce " + name + ": row '" + r.row() + "': unknown key '"
                        + r.key() + "'");
            }
            double v = values.get(r.key());
            out.put(r.row(), Double.isNaN(v) ? Measured.notAvailable(nanReason, cmd) : Measured.of(v, cmd));
        }
        return out;
    }
}
