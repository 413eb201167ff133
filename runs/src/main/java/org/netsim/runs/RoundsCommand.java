package org.netsim.runs;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import org.netsim.precoding.Init;
import org.netsim.precoding.InitialPrecoders;
import org.netsim.precoding.Precoder;
import org.netsim.precoding.PrecoderOptions;
import org.netsim.precoding.Problem;
import org.netsim.precoding.RateEvaluator;
import org.netsim.precoding.Solution;
import org.netsim.scenarios.dataset.ChannelDataset;
import org.netsim.scenarios.snapshot.SnapshotCatalog;
import org.netsim.scenarios.snapshot.SnapshotScenario;
import org.netsim.simcore.SlotContext;
import org.netsim.simcore.distributed.CoordinationRange;
import org.netsim.simcore.distributed.DistributedPrecoding;
import org.netsim.simcore.distributed.DistributedSlotReport;
import org.netsim.simcore.distributed.LinkModel;
import org.netsim.simcore.distributed.MessageType;
import org.netsim.visualization.charts.RoundsCharts;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code netsim rounds}: the GCN-WMMSE paper's Table VIII view ("Comparison of communication overhead and
 * computational cost between GCN-WMMSE and WMMSE") for any snapshot scenario or dataset. One communication round is
 * one WMMSE iteration or one GCN-WMMSE layer (the distributed mode with ideal links reproduces the centralized
 * iterations exactly, a tested equality), so the rounds are read from the centralized traces:
 * <ul>
 *   <li>for every GCN-WMMSE network (its depth L = its rounds), the mean WSR after L layers, and the fewest WMMSE
 *       rounds r whose mean WSR reaches it (searched up to {@code --max-rounds}); the mean computational cost per
 *       sample of both (untraced, single solve timed); the uplink messages and bytes of those rounds, counted by
 *       one ideal-link round of the distributed mode on the first sample (full coordination);</li>
 *   <li>the mean WSR as a function of the round budget for WMMSE and every network ({@code wsr_vs_rounds}).</li>
 * </ul>
 * Files: {@code rounds_table.csv}, {@code wsr_vs_rounds.csv} and {@code wsr_vs_rounds.png}.
 */
@Command(name = "rounds", mixinStandardHelpOptions = true,
        description = "Communication rounds and compute time GCN-WMMSE and WMMSE need for the same WSR, and the WSR "
                + "versus the round budget (the GCN-WMMSE paper's Table VIII view): rounds_table.csv, "
                + "wsr_vs_rounds.csv/png.")
final class RoundsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--scenario", description = "Built-in snapshot scenario to draw samples from.")
        String scenario;

        @Option(names = "--channels", description = "Dataset (.npz) to read samples from.")
        Path channels;
    }

    @Option(names = "--gcn", split = ",", defaultValue = "gcn-wmmse",
            description = "GCN-WMMSE networks, each NAME[:KEY=VALUE]..., one table row each, e.g. "
                    + "gcn-wmmse:layers=6,gcn-wmmse:layers=7. Default: ${DEFAULT-VALUE}.")
    List<String> gcn;

    @Option(names = "--wmmse", defaultValue = "wmmse",
            description = "The WMMSE reference, NAME[:KEY=VALUE]... Default: ${DEFAULT-VALUE}.")
    String wmmse;

    @Option(names = "--max-rounds", defaultValue = "150",
            description = "Most WMMSE rounds searched. Default: ${DEFAULT-VALUE}.")
    int maxRounds;

    @Option(names = "--samples", description = "Samples (--scenario, default 100; --channels, default all).")
    Integer samples;

    @Option(names = "--seed", defaultValue = "1", description = "Root seed of the samples and random inits.")
    long seed;

    @Option(names = "--init", defaultValue = "mrc", description = "mrc, zf, random or file. Default: ${DEFAULT-VALUE}.")
    String init;

    @Option(names = "--unit", defaultValue = "bit", description = "Rate unit: nat or bit. Default: ${DEFAULT-VALUE}.")
    String unit;

    @Option(names = "--threads", defaultValue = "1",
            description = "Worker threads (default 1, so the compute times are single-thread times).")
    int threads;

    @Option(names = "--out", description = "Output directory (default results/rounds-<source>-<timestamp>).")
    Path out;

    @Option(names = "--quiet", description = "No progress bars.")
    boolean quiet;

    @Option(names = "--no-charts", description = "Skip wsr_vs_rounds.png (its CSV is still written).")
    boolean noCharts;

    /** One table row. */
    record Row(String gcn, int gcnRounds, double gcnWsr, double gcnMs, int wmmseRounds, double wmmseWsr,
            double wmmseMs) {
    }

    @Override
    public Integer call() throws Exception {
        if (maxRounds < 1) {
            throw new IllegalArgumentException("max-rounds: must be >= 1, got " + maxRounds);
        }
        RateUnit rateUnit = RateUnit.parse(unit);
        PrecoderOptions base = PrecoderOptions.defaults().withTolerance(0);
        PrecoderSpec wmmseSpec = PrecoderSpec.parse(wmmse, base.withMaxIterations(maxRounds));
        List<PrecoderSpec> gcnSpecs = new ArrayList<>();
        for (String g : gcn) {
            PrecoderSpec ps = PrecoderSpec.parse(g, base);
            ps.create();
            gcnSpecs.add(ps);
        }
        // the agent steps exist exactly for the precoders the distributed mode runs
        requireAgentSteps(wmmseSpec.create());
        gcnSpecs.forEach(ps -> requireAgentSteps(ps.create()));

        String sourceName;
        List<Problem> problems;
        ChannelDataset dataset = null;
        if (source.scenario != null) {
            SnapshotScenario sc = SnapshotCatalog.get(source.scenario);
            problems = ScenarioSamples.draw(sc, samples == null ? 100 : samples, seed);
            sourceName = sc.name();
        } else {
            dataset = ChannelDataset.read(source.channels);
            problems = dataset.problems();
            if (samples != null) {
                if (samples < 1 || samples > problems.size()) {
                    throw new IllegalArgumentException("samples: must be in 1.." + problems.size() + ", got "
                            + samples);
                }
                problems = problems.subList(0, samples);
            }
            sourceName = source.channels.getFileName().toString().replaceFirst("\\.npz$", "");
        }
        IntFunction<Init> inits = PrecodeCommand.initFor(init, seed, dataset);
        int n = problems.size();
        double start = 0;
        for (int s = 0; s < n; s++) {
            start += RateEvaluator.wsrNat(problems.get(s), InitialPrecoders.create(problems.get(s), inits.apply(s)))
                    / n;
        }

        // WSR versus rounds: WMMSE up to maxRounds, each network up to its depth (traced passes)
        double[] wmmseCurve = curve(wmmseSpec, problems, inits, maxRounds, start);
        List<double[]> gcnCurves = new ArrayList<>();
        for (PrecoderSpec ps : gcnSpecs) {
            gcnCurves.add(curve(ps, problems, inits, Integer.MAX_VALUE, start));
        }

        // the table: rounds and single-solve times for the same mean WSR
        List<Row> rows = new ArrayList<>();
        for (int g = 0; g < gcnSpecs.size(); g++) {
            double[] c = gcnCurves.get(g);
            int depth = c.length - 1;
            double target = c[depth];
            int r = -1;
            for (int k = 1; k < wmmseCurve.length; k++) {
                if (wmmseCurve[k] >= target) {
                    r = k;
                    break;
                }
            }
            double gcnMs = meanMs(gcnSpecs.get(g), problems, inits);
            double wmmseMs = r < 0 ? Double.NaN : meanMs(PrecoderSpec.parse(wmmse, base.withMaxIterations(r)),
                    problems, inits);
            rows.add(new Row(gcnSpecs.get(g).label(), depth, target, gcnMs, r, r < 0 ? Double.NaN : wmmseCurve[r],
                    wmmseMs));
        }

        // messages and bytes of one ideal round, counted by the distributed mode on the first sample
        DistributedSlotReport one = oneRound(wmmseSpec.create(), problems.get(0), inits.apply(0));
        long uplinkPerRound = one.sent(MessageType.UL_COVARIANCE) + one.sent(MessageType.UL_RECEIVER);
        long bytesPerRound = one.bytesSent(MessageType.UL_COVARIANCE) + one.bytesSent(MessageType.UL_RECEIVER);

        Path dir = out != null ? out : Path.of("results", "rounds-" + sourceName + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        var o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "%d samples of %s; one round = %d uplink messages, %d bytes (first sample, full "
                + "coordination)%n", n, sourceName, uplinkPerRound, bytesPerRound);
        o.printf(Locale.ROOT, "%-26s %8s %8s %14s %14s %12s %12s%n", "GCN-WMMSE", "rounds", "WMMSE",
                "GCN WSR", "WMMSE WSR", "GCN ms", "WMMSE ms");
        StringBuilder table = new StringBuilder("gcn,gcn_rounds,wmmse_rounds,gcn_mean_wsr_" + rateUnit.label()
                + ",wmmse_mean_wsr_" + rateUnit.label() + ",gcn_ms_per_sample,wmmse_ms_per_sample,"
                + "gcn_uplink_messages,wmmse_uplink_messages,gcn_uplink_bytes,wmmse_uplink_bytes\n");
        for (Row row : rows) {
            String wr = row.wmmseRounds() < 0 ? "> " + maxRounds : Integer.toString(row.wmmseRounds());
            o.printf(Locale.ROOT, "%-26s %8d %8s %14.4f %14.4f %12.3f %12.3f%n", row.gcn(), row.gcnRounds(), wr,
                    rateUnit.fromNat(row.gcnWsr()), rateUnit.fromNat(row.wmmseWsr()), row.gcnMs(), row.wmmseMs());
            long wm = row.wmmseRounds() < 0 ? -1 : row.wmmseRounds() * uplinkPerRound;
            long wb = row.wmmseRounds() < 0 ? -1 : row.wmmseRounds() * bytesPerRound;
            table.append(String.format(Locale.ROOT, "%s,%d,%d,%.10g,%.10g,%.6f,%.6f,%d,%d,%d,%d%n",
                    csvField(row.gcn()), row.gcnRounds(), row.wmmseRounds(), rateUnit.fromNat(row.gcnWsr()),
                    rateUnit.fromNat(row.wmmseWsr()), row.gcnMs(), row.wmmseMs(), row.gcnRounds() * uplinkPerRound,
                    wm, row.gcnRounds() * bytesPerRound, wb));
        }
        java.nio.file.Files.createDirectories(dir);
        AtomicFiles.writeString(dir.resolve("rounds_table.csv"), table.toString());
        List<String> labels = new ArrayList<>();
        List<double[]> curves = new ArrayList<>();
        labels.add(wmmseSpec.label());
        curves.add(toUnit(wmmseCurve, rateUnit));
        for (int g = 0; g < gcnSpecs.size(); g++) {
            labels.add(gcnSpecs.get(g).label());
            curves.add(toUnit(gcnCurves.get(g), rateUnit));
        }
        if (noCharts) {
            StringBuilder csv = new StringBuilder("algorithm,rounds,mean_wsr_" + rateUnit.label() + "\n");
            for (int p = 0; p < labels.size(); p++) {
                for (int r = 0; r < curves.get(p).length; r++) {
                    csv.append(String.format(Locale.ROOT, "%s,%d,%.10g%n", csvField(labels.get(p)), r,
                            curves.get(p)[r]));
                }
            }
            AtomicFiles.writeString(dir.resolve("wsr_vs_rounds.csv"), csv.toString());
        } else {
            RoundsCharts.wsrVersusRounds(dir, labels, curves.toArray(new double[0][]), rateUnit.label(),
                    "Mean WSR versus communication rounds, " + sourceName, RunCommand.CHART_WIDTH_PX,
                    RunCommand.CHART_HEIGHT_PX);
        }
        o.printf("written: %s%n", dir);
        return 0;
    }

    private static void requireAgentSteps(Precoder p) {
        new DistributedPrecoding(p, LinkModel.IDEAL, CoordinationRange.ALL, 1, 1, 0);
    }

    /** @return the mean WSR after 0..depth rounds (entry 0 the start), nat; depth = the trace length */
    private double[] curve(PrecoderSpec ps, List<Problem> problems, IntFunction<Init> inits, int cap, double start)
            throws Exception {
        PrecoderOptions options = ps.options().withTrace(true);
        if (cap != Integer.MAX_VALUE) {
            options = options.withMaxIterations(cap);
        }
        Precoder traced = org.netsim.precoding.PrecoderRegistry.create(ps.name(), options);
        List<SolveRunner.Result> rs;
        try (Progress progress = new Progress(spec.commandLine().getErr(), ps.label() + " (trace)", problems.size(),
                quiet)) {
            rs = SolveRunner.solve(traced, problems, inits, threads, progress);
        }
        int len = 0;
        for (SolveRunner.Result r : rs) {
            len = Math.max(len, r.solution().trace().size());
        }
        double[] mean = new double[len + 1];
        mean[0] = start;
        for (SolveRunner.Result r : rs) {
            List<Solution.IterationRecord> t = r.solution().trace();
            for (int k = 0; k < len; k++) {
                double v = t.isEmpty() ? r.solution().wsrNat() : t.get(Math.min(k, t.size() - 1)).wsrNat();
                mean[k + 1] += v / rs.size();
            }
        }
        return mean;
    }

    /** @return the mean single-solve time per sample in ms (untraced), after an untimed warm-up pass */
    private double meanMs(PrecoderSpec ps, List<Problem> problems, IntFunction<Init> inits) throws Exception {
        SolveRunner.solve(ps.create(), problems.subList(0, Math.min(problems.size(), 10)), inits, threads,
                new Progress(spec.commandLine().getErr(), ps.label() + " (warm-up)", 0, true));
        List<SolveRunner.Result> rs;
        try (Progress progress = new Progress(spec.commandLine().getErr(), ps.label(), problems.size(), quiet)) {
            rs = SolveRunner.solve(ps.create(), problems, inits, threads, progress);
        }
        double ms = 0;
        for (SolveRunner.Result r : rs) {
            ms += r.nanos() / 1e6 / rs.size();
        }
        return ms;
    }

    private static DistributedSlotReport oneRound(Precoder p, Problem problem, Init init) {
        DistributedSlotReport[] got = new DistributedSlotReport[1];
        new DistributedPrecoding(p, LinkModel.IDEAL, CoordinationRange.ALL, 1, 1, 0).addListener(r -> got[0] = r)
                .solve(problem, init, SlotContext.untimed(0));
        return got[0];
    }

    private static double[] toUnit(double[] nat, RateUnit u) {
        double[] out = new double[nat.length];
        for (int k = 0; k < nat.length; k++) {
            out[k] = u.fromNat(nat[k]);
        }
        return out;
    }

    private static String csvField(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
