package org.netsim.runs;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import org.netsim.precoding.Init;
import org.netsim.precoding.PrecoderOptions;
import org.netsim.scenarios.dataset.ChannelDataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code netsim precode}: runs one precoder on every sample of a dataset and writes one CSV row per sample. */
@Command(name = "precode", mixinStandardHelpOptions = true,
        description = "Run one precoder on every sample of an .npz dataset; write one CSV row per sample "
                + "(sample,wsr,iterations,seconds) and print the mean WSR.")
final class PrecodeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--channels", required = true, description = "Input dataset (.npz).")
    Path channels;

    @Option(names = "--precoder", required = true,
            description = "Precoder NAME[:KEY=VALUE]... (see `netsim precoders`).")
    String precoder;

    @Option(names = "--init", defaultValue = "mrc",
            description = "Initialisation of iterative precoders: mrc, zf, random or file (V0 of the dataset). "
                    + "Default: ${DEFAULT-VALUE}.")
    String init;

    @Option(names = "--seed", defaultValue = "1", description = "Root seed of random initialisations.")
    long seed;

    @Option(names = "--iterations", description = "Maximum iterations (default: the precoder's, 100).")
    Integer iterations;

    @Option(names = "--tolerance", defaultValue = "0",
            description = "Stop when the relative WSR change falls below this (0: run all iterations).")
    double tolerance;

    @Option(names = "--unit", defaultValue = "nat", description = "Rate unit: nat or bit. Default: ${DEFAULT-VALUE}.")
    String unit;

    @Option(names = "--threads", description = "Worker threads (default: all cores). Results do not depend on it.")
    Integer threads;

    @Option(names = "--out", required = true, description = "Output CSV, written atomically.")
    Path out;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        RateUnit rateUnit = RateUnit.parse(unit);
        ChannelDataset data = ChannelDataset.read(channels);
        PrecoderOptions base = PrecoderOptions.defaults().withTolerance(tolerance);
        if (iterations != null) {
            base = base.withMaxIterations(iterations);
        }
        PrecoderSpec ps = PrecoderSpec.parse(precoder, base);
        IntFunction<Init> inits = initFor(init, seed, data);
        List<SolveRunner.Result> results;
        try (Progress progress = new Progress(spec.commandLine().getErr(), ps.label(), data.size(), quiet)) {
            results = SolveRunner.solve(ps.create(), data.problems(), inits, Threads.resolve(threads), progress);
        }
        double sum = 0;
        StringBuilder csv = new StringBuilder("sample,wsr,iterations,seconds\n");
        for (int s = 0; s < results.size(); s++) {
            SolveRunner.Result r = results.get(s);
            double wsr = rateUnit.fromNat(r.solution().wsrNat());
            sum += wsr;
            csv.append(String.format(Locale.ROOT, "%d,%.10g,%d,%.6e%n", s, wsr, r.solution().iterations(),
                    r.nanos() / 1e9));
        }
        AtomicFiles.writeString(out, csv.toString());
        spec.commandLine().getOut().printf(Locale.ROOT, "%s: mean WSR %.6f %s/s/Hz over %d samples -> %s%n",
                ps.label(), sum / results.size(), rateUnit.label(), results.size(), out);
        return 0;
    }

    /**
     * @return the initialisation of each sample: random inits use per-sample seeds derived from the root seed, so
     *     results do not depend on the thread count
     */
    static IntFunction<Init> initFor(String init, long seed, ChannelDataset data) {
        if ("file".equals(init)) {
            if (data == null || !data.hasInitialPrecoders()) {
                throw new IllegalArgumentException("init: 'file' needs a dataset with V0 initial precoders");
            }
            return s -> Init.given(data.initialPrecoders(s));
        }
        if ("random".equals(init)) {
            return s -> Init.random(org.netsim.radio.random.RandomStreams.seedOf(seed, "init/sample/" + s));
        }
        Init fixed = Init.parse(init, seed);
        return s -> fixed;
    }
}
