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
import org.netsim.precoding.Precoder;
import org.netsim.precoding.PrecoderRegistry;
import org.netsim.precoding.PrecoderOptions;
import org.netsim.precoding.Problem;
import org.netsim.scenarios.dataset.ChannelDataset;
import org.netsim.scenarios.snapshot.SnapshotCatalog;
import org.netsim.scenarios.snapshot.SnapshotScenario;
import org.netsim.visualization.charts.CompareCharts;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code netsim compare}: several precoders on the same channel samples, summarised as in the papers' tables
 * (mean WSR, percentage of a reference precoder, mean iterations, mean solver time per sample).
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare precoders on the same channels: mean WSR, %% of the reference, mean iterations and "
                + "mean time per sample; written to compare.csv (and per-sample WSRs to samples.csv).")
final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--scenario", description = "Built-in scenario to draw samples from.")
        String scenario;

        @Option(names = "--channels", description = "Dataset (.npz) to read samples from.")
        Path channels;
    }

    @Option(names = "--precoders", required = true, split = ",",
            description = "Comma-separated precoders, each NAME[:KEY=VALUE]..., e.g. wmmse,wmmse:iterations=7,rzf.")
    List<String> precoders;

    @Option(names = "--samples", description = "Samples to draw (--scenario, default 100) or to use from the "
            + "dataset (--channels, default all).")
    Integer samples;

    @Option(names = "--seed", defaultValue = "1", description = "Root seed of the samples and random inits.")
    long seed;

    @Option(names = "--reference", description = "Precoder label the percentages refer to (default: the first).")
    String reference;

    @Option(names = "--init", defaultValue = "mrc", description = "mrc, zf, random or file. Default: ${DEFAULT-VALUE}.")
    String init;

    @Option(names = "--iterations", description = "Maximum iterations of iterative precoders (default 100).")
    Integer iterations;

    @Option(names = "--tolerance", defaultValue = "0",
            description = "Relative WSR change that stops iterative precoders (0: run all iterations).")
    double tolerance;

    @Option(names = "--unit", defaultValue = "bit", description = "Rate unit: nat or bit. Default: ${DEFAULT-VALUE}.")
    String unit;

    @Option(names = "--threads", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--out", description = "Output directory (default results/compare-<source>-<timestamp>).")
    Path out;

    @Option(names = "--quiet", description = "No progress bars.")
    boolean quiet;

    @Option(names = "--no-charts", description = "Skip wsr_cdf.png and wsr_vs_iterations.png (with their CSV).")
    boolean noCharts;

    /** Samples traced for the WSR-versus-iterations chart (a separate pass, so the timings above stay clean). */
    static final int TRACED_SAMPLES = 20;

    /**
     * The mean WSR after each iteration of every iterative precoder, over the first {@value #TRACED_SAMPLES} samples,
     * from a second, traced pass (samples that stopped early by the tolerance keep their last value).
     */
    private void iterationChart(Path dir, List<PrecoderSpec> specs, double[] meanIter, List<Problem> problems,
            IntFunction<Init> inits, int nThreads, RateUnit rateUnit) throws Exception {
        List<String> labels = new ArrayList<>();
        List<double[]> curves = new ArrayList<>();
        List<Problem> traced = problems.subList(0, Math.min(problems.size(), TRACED_SAMPLES));
        for (int p = 0; p < specs.size(); p++) {
            if (meanIter[p] <= 0) {
                continue;
            }
            PrecoderSpec ps = specs.get(p);
            Precoder withTrace = PrecoderRegistry.create(ps.name(), ps.options().withTrace(true));
            List<SolveRunner.Result> rs = SolveRunner.solve(withTrace, traced, inits, nThreads,
                    new Progress(spec.commandLine().getErr(), ps.label() + " (trace)", traced.size(), true));
            int maxLen = 0;
            for (SolveRunner.Result r : rs) {
                maxLen = Math.max(maxLen, r.solution().trace().size());
            }
            double[] mean = new double[maxLen];
            for (SolveRunner.Result r : rs) {
                var t = r.solution().trace();
                for (int i = 0; i < maxLen; i++) {
                    double v = t.isEmpty() ? r.solution().wsrNat() : t.get(Math.min(i, t.size() - 1)).wsrNat();
                    mean[i] += rateUnit.fromNat(v) / rs.size();
                }
            }
            labels.add(ps.label());
            curves.add(mean);
        }
        if (!labels.isEmpty()) {
            CompareCharts.wsrVersusIterations(dir, labels, curves.toArray(new double[0][]), rateUnit.label(),
                    RunCommand.CHART_WIDTH_PX, RunCommand.CHART_HEIGHT_PX);
        }
    }

    @Override
    public Integer call() throws Exception {
        RateUnit rateUnit = RateUnit.parse(unit);
        PrecoderOptions base = PrecoderOptions.defaults().withTolerance(tolerance);
        if (iterations != null) {
            base = base.withMaxIterations(iterations);
        }
        List<PrecoderSpec> specs = new ArrayList<>();
        for (String p : precoders) {
            PrecoderSpec ps = PrecoderSpec.parse(p, base);
            ps.create(); // validates the name and options before any work
            specs.add(ps);
        }
        String ref = reference == null ? specs.get(0).label() : reference;
        if (specs.stream().noneMatch(s -> s.label().equals(ref))) {
            throw new IllegalArgumentException("reference: '" + ref + "' is not among --precoders");
        }

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
                    throw new IllegalArgumentException("samples: must be in 1.." + problems.size() + ", got " + samples);
                }
                problems = problems.subList(0, samples);
            }
            sourceName = source.channels.getFileName().toString().replaceFirst("\\.npz$", "");
        }
        IntFunction<Init> inits = PrecodeCommand.initFor(init, seed, dataset);
        int nThreads = Threads.resolve(threads);

        int n = problems.size();
        double[][] wsr = new double[specs.size()][n];
        double[] meanWsr = new double[specs.size()];
        double[] meanIter = new double[specs.size()];
        double[] meanMs = new double[specs.size()];
        for (int p = 0; p < specs.size(); p++) {
            PrecoderSpec ps = specs.get(p);
            List<SolveRunner.Result> rs;
            try (Progress progress = new Progress(spec.commandLine().getErr(), ps.label(), n, quiet)) {
                rs = SolveRunner.solve(ps.create(), problems, inits, nThreads, progress);
            }
            for (int s = 0; s < n; s++) {
                wsr[p][s] = rateUnit.fromNat(rs.get(s).solution().wsrNat());
                meanWsr[p] += wsr[p][s] / n;
                meanIter[p] += rs.get(s).solution().iterations() / (double) n;
                meanMs[p] += rs.get(s).nanos() / 1e6 / n;
            }
        }
        int refIndex = 0;
        for (int p = 0; p < specs.size(); p++) {
            if (specs.get(p).label().equals(ref)) {
                refIndex = p;
            }
        }

        Path dir = out != null ? out : Path.of("results", "compare-" + sourceName + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        StringBuilder table = new StringBuilder("precoder,mean_wsr_" + rateUnit.label()
                + ",percent_of_reference,mean_iterations,mean_seconds_per_sample\n");
        var o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "%d samples of %s, reference %s, %d thread(s)%n", n, sourceName, ref, nThreads);
        o.printf(Locale.ROOT, "%-28s %16s %10s %12s %14s%n", "precoder", "WSR [" + rateUnit.label() + "/s/Hz]",
                "% of ref", "iterations", "ms/sample");
        for (int p = 0; p < specs.size(); p++) {
            double pct = 100 * meanWsr[p] / meanWsr[refIndex];
            o.printf(Locale.ROOT, "%-28s %16.4f %10.2f %12.1f %14.3f%n", specs.get(p).label(), meanWsr[p], pct,
                    meanIter[p], meanMs[p]);
            table.append(String.format(Locale.ROOT, "%s,%.10g,%.6f,%.3f,%.6e%n", csvField(specs.get(p).label()),
                    meanWsr[p], pct, meanIter[p], meanMs[p] / 1e3));
        }
        StringBuilder perSample = new StringBuilder("sample");
        for (PrecoderSpec ps : specs) {
            perSample.append(',').append(csvField(ps.label()));
        }
        perSample.append('\n');
        for (int s = 0; s < n; s++) {
            perSample.append(s);
            for (int p = 0; p < specs.size(); p++) {
                perSample.append(String.format(Locale.ROOT, ",%.10g", wsr[p][s]));
            }
            perSample.append('\n');
        }
        AtomicFiles.writeString(dir.resolve("compare.csv"), table.toString());
        AtomicFiles.writeString(dir.resolve("samples.csv"), perSample.toString());
        if (!noCharts) {
            List<String> labels = specs.stream().map(PrecoderSpec::label).toList();
            CompareCharts.wsrCdf(dir, labels, wsr, rateUnit.label(), RunCommand.CHART_WIDTH_PX,
                    RunCommand.CHART_HEIGHT_PX);
            iterationChart(dir, specs, meanIter, problems, inits, nThreads, rateUnit);
        }
        o.printf("written: %s, %s%n", dir.resolve("compare.csv"), dir.resolve("samples.csv"));
        return 0;
    }

    private static String csvField(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
