package org.netsim.runs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.netsim.precoding.PrecoderOptions;

/**
 * A paper table whose rows are each one learned precoder against one classic baseline on one snapshot scenario,
 * measured by {@code netsim compare --precoders P,B --reference B} (single thread, so the times are CPU times of
 * one problem after another). Everything but the metric is in the resource file: {@code precoder},
 * {@code baseline} and {@code scenario} per row, and {@code key} one of
 * <ul>
 *   <li>{@code percent}: P's mean WSR in % of B's;</li>
 *   <li>{@code wsr} / {@code baseline_wsr}: P's / B's mean WSR in bit/s/Hz;</li>
 *   <li>{@code time_percent}: P's mean solve time in % of B's;</li>
 *   <li>{@code speedup}: B's mean solve time over P's.</li>
 * </ul>
 * Rows sharing precoder, baseline and scenario share one compare run. A table of a new baseline is therefore a new
 * resource file and one entry in {@link ReproduceTables}; a new baseline's row in an existing table measures itself
 * as soon as its precoder is registered.
 */
final class CompareRowsTable implements ReproduceTable {

    private final String name;
    private final String description;
    private final int defaultSamples;
    private final String paperSamples;
    private final String init;

    /** @param init the start of both precoders ({@code netsim compare --init}) */
    CompareRowsTable(String name, String description, int defaultSamples, String paperSamples, String init) {
        this.name = name;
        this.description = description;
        this.defaultSamples = defaultSamples;
        this.paperSamples = paperSamples;
        this.init = init;
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
        Map<String, Object> runs = new HashMap<>(); // group key -> double[4] or an unavailable Measured
        for (PaperRow r : rows) {
            String spec = r.precoder();
            if (spec.contains(PaperRow.MODEL_PLACEHOLDER)) {
                if (ctx.model() == null) {
                    out.put(r.row(), Measured.notAvailable("needs a trained model: --model DIR (none ships)", ""));
                    continue;
                }
                spec = spec.replace(PaperRow.MODEL_PLACEHOLDER, ctx.model());
            }
            List<String> args = new ArrayList<>(ReproduceContext.args("compare", "--scenario", r.scenario(),
                    "--precoders", spec + "," + r.baseline(), "--reference", r.baseline(), "--init", init,
                    "--samples", Integer.toString(ctx.samples()), "--seed", Long.toString(ctx.seed()),
                    "--threads", "1", "--quiet", "--no-charts"));
            String command = ReproduceContext.commandLine(args);
            String group = String.join("\n", args);
            Object got = runs.get(group);
            if (got == null) {
                got = runOnce(spec, args, command, ctx);
                runs.put(group, got);
            }
            if (got instanceof Measured m) {
                out.put(r.row(), m);
                continue;
            }
            double[] v = (double[]) got; // P wsr, B wsr, P seconds, B seconds
            double value = switch (r.key()) {
                case "percent" -> 100 * v[0] / v[1];
                case "wsr" -> v[0];
                case "baseline_wsr" -> v[1];
                case "time_percent" -> 100 * v[2] / v[3];
                case "speedup" -> v[3] / v[2];
                default -> throw new IllegalStateException("reproduce " + name + ": row '" + r.row()
                        + "': unknown key '" + r.key() + "'");
            };
            out.put(r.row(), Measured.of(value, command));
        }
        return out;
    }

    private static Object runOnce(String spec, List<String> args, String command, ReproduceContext ctx)
            throws Exception {
        try {
            PrecoderSpec.parse(spec, PrecoderOptions.defaults()).create();
        } catch (IllegalArgumentException | IllegalStateException e) {
            return Measured.notAvailable(NetsimCli.oneLine(e), command);
        }
        ReproduceContext.Run run = ctx.run(args);
        if (!run.ok()) {
            return Measured.notAvailable(run.error(), command);
        }
        List<List<String>> csv = ReproduceContext.readCsv(run.dir().resolve("compare.csv"));
        // compare.csv: precoder, mean_wsr_bit, percent_of_reference, mean_iterations, mean_seconds_per_sample
        return new double[] {Double.parseDouble(csv.get(0).get(1)), Double.parseDouble(csv.get(1).get(1)),
            Double.parseDouble(csv.get(0).get(4)), Double.parseDouble(csv.get(1).get(4))};
    }
}
