package org.netsim.runs;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.netsim.precoding.Init;
import org.netsim.precoding.Precoder;
import org.netsim.precoding.PrecoderOptions;
import org.netsim.precoding.PrecoderRegistry;
import org.netsim.precoding.Problem;
import org.netsim.scenarios.snapshot.SnapshotCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code netsim bench}: solver throughput of the classic precoders on the papers' scenarios.
 *
 * <p>Time per sample-iteration is measured as a difference, (T(n2) - T(n1)) / (S (n2 - n1)), where T(n) is the
 * single-threaded time to solve S samples with exactly n iterations (tolerance 0): initialisation and the final rate
 * evaluation cancel out. Each figure is the median over {@code --repeats} timed repetitions after a warm-up.
 * Batched throughput runs the same solves on all cores.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark the classic precoders: single-thread time per sample-iteration of WMMSE on "
                + "gcnwmmse-base and FastFP on deepfp-7cell, and batched throughput on all cores.")
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--repeats", defaultValue = "5", description = "Timed repetitions (median). Default: ${DEFAULT-VALUE}.")
    int repeats;

    @Option(names = "--quick", description = "Fewer samples and repetitions (a smoke run, not a measurement).")
    boolean quick;

    @Option(names = "--only", split = ",", description = "Run only these cases (wmmse, fastfp).")
    List<String> only;

    @Option(names = "--out", description = "Also write the results as CSV here (atomically).")
    Path out;

    /** One benchmark case: a precoder on a scenario, with the iteration counts of the difference. */
    record Case(String id, String precoder, String scenario, int samples, int n1, int n2) {
    }

    @Override
    public Integer call() throws Exception {
        int reps = quick ? 1 : repeats;
        if (reps < 1) {
            throw new IllegalArgumentException("repeats: must be >= 1, got " + repeats);
        }
        List<Case> cases = List.of(
                new Case("wmmse", "wmmse", "gcnwmmse-base", quick ? 8 : 100, 10, quick ? 20 : 60),
                new Case("fastfp", "fastfp", "deepfp-7cell", quick ? 2 : 10, 5, quick ? 8 : 25));
        var o = spec.commandLine().getOut();
        int cores = Runtime.getRuntime().availableProcessors();
        o.printf(Locale.ROOT, "netsim %s, Java %s, %d cores, %s%n", NetsimCli.projectVersion(),
                System.getProperty("java.version"), cores, System.getProperty("os.arch"));
        o.printf(Locale.ROOT, "%-8s %-14s %8s %22s %26s%n", "case", "scenario", "samples",
                "1 thread [us/sample-it]", "all cores [sample-its/s]");
        StringBuilder csv = new StringBuilder(
                "case,scenario,samples,iterations_n1,iterations_n2,single_thread_us_per_sample_iteration,"
                        + "threads,batched_sample_iterations_per_second\n");
        for (Case c : cases) {
            if (only != null && !only.contains(c.id())) {
                continue;
            }
            List<Problem> problems = ScenarioSamples.draw(SnapshotCatalog.get(c.scenario()), c.samples(), 7);
            Precoder p1 = create(c.precoder(), c.n1());
            Precoder p2 = create(c.precoder(), c.n2());
            // warm-up (JIT)
            timeAll(p2, problems.subList(0, Math.min(problems.size(), 4)));
            timeAll(p1, problems.subList(0, Math.min(problems.size(), 4)));
            double[] perIterUs = new double[reps];
            for (int r = 0; r < reps; r++) {
                long t1 = timeAll(p1, problems);
                long t2 = timeAll(p2, problems);
                perIterUs[r] = (t2 - t1) / 1e3 / ((double) problems.size() * (c.n2() - c.n1()));
            }
            double single = median(perIterUs);
            double[] rate = new double[reps];
            for (int r = 0; r < reps; r++) {
                long t0 = System.nanoTime();
                SolveRunner.solve(p2, problems, s -> Init.mrc(), cores, new Progress(spec.commandLine().getErr(), "",
                        0, true));
                rate[r] = problems.size() * (double) c.n2() / ((System.nanoTime() - t0) / 1e9);
            }
            double batched = median(rate);
            o.printf(Locale.ROOT, "%-8s %-14s %8d %22.1f %26.0f%n", c.id(), c.scenario(), problems.size(), single,
                    batched);
            csv.append(String.format(Locale.ROOT, "%s,%s,%d,%d,%d,%.3f,%d,%.1f%n", c.id(), c.scenario(),
                    problems.size(), c.n1(), c.n2(), single, cores, batched));
        }
        if (out != null) {
            AtomicFiles.writeString(out, csv.toString());
        }
        return 0;
    }

    private static Precoder create(String name, int iterations) {
        return PrecoderRegistry.create(name, PrecoderOptions.defaults().withMaxIterations(iterations));
    }

    /** @return nanoseconds to solve every problem once, single-threaded */
    private static long timeAll(Precoder p, List<Problem> problems) {
        long t0 = System.nanoTime();
        double sink = 0;
        for (Problem pr : problems) {
            sink += p.solve(pr, Init.mrc()).wsrNat();
        }
        long dt = System.nanoTime() - t0;
        if (Double.isNaN(sink)) {
            throw new IllegalStateException("bench: a solver returned NaN");
        }
        return dt;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }
}
