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
import org.netsim.scenarios.sim.SimulationCatalog;
import org.netsim.scenarios.sim.SimulationScenario;
import org.netsim.scenarios.snapshot.SnapshotCatalog;
import org.netsim.simcore.NetworkSimulation;
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
        description = "Benchmark the classic precoders (single-thread time per sample-iteration of WMMSE on "
                + "gcnwmmse-base and FastFP on deepfp-7cell, batched throughput on all cores) and the simulation "
                + "(slots per second of urban-7cell with RZF and with WMMSE, share of time outside the precoder).")
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--repeats", defaultValue = "5", description = "Timed repetitions (median). Default: ${DEFAULT-VALUE}.")
    int repeats;

    @Option(names = "--quick", description = "Fewer samples and repetitions (a smoke run, not a measurement).")
    boolean quick;

    @Option(names = "--only", split = ",",
            description = "Run only these cases (wmmse, fastfp, sim-rzf, sim-wmmse, sun-dnn, sim-distributed, deepfp, gcn-wmmse, mpnn).")
    List<String> only;

    @Option(names = "--sim-slots", defaultValue = "3000",
            description = "Slots of urban-7cell per simulation case. Default: ${DEFAULT-VALUE}.")
    long simSlots;

    @Option(names = "--memory-slots", defaultValue = "0",
            description = "Also run urban-7cell with rzf for this many slots (e.g. 100000) and report the heap used "
                    + "after a full GC at ten checkpoints (0: skip).")
    long memorySlots;

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
        StringBuilder simCsv = new StringBuilder(
                "case,scenario,slots,ues,slots_per_second,precoder_seconds_per_slot,share_outside_precoder\n");
        StringBuilder learnedCsv = new StringBuilder(
                "case,scenario,problems,us_per_problem,baseline_us_per_problem,speedup\n");
        long slots = quick ? 200 : simSlots;
        for (String[] c : new String[][] {{"sim-rzf", "precoder=rzf"}, {"sim-wmmse", "precoder.iterations=5"}}) {
            if (only != null && !only.contains(c[0])) {
                continue;
            }
            SimulationScenario sc = SimulationCatalog.load("urban-7cell", List.of(c[1]));
            runSimulation(sc, Math.min(slots, 300)); // warm-up (JIT)
            double[] r = runSimulation(sc, slots);
            o.printf(Locale.ROOT, "%-9s urban-7cell %6d slots, %d UEs: %8.1f slots/s, precoder %.3f ms/slot, "
                    + "%.1f%% of the time outside the precoder%n", c[0], slots, (int) r[3], r[0], r[1] * 1e3,
                    100 * r[2]);
            simCsv.append(String.format(Locale.ROOT, "%s,urban-7cell,%d,%d,%.2f,%.6e,%.4f%n", c[0], slots, (int) r[3],
                    r[0], r[1], r[2]));
        }
        if (only == null || only.contains("sun-dnn")) {
            // learned power control against the algorithm it imitates, per problem, single thread, same channels
            List<Problem> imac = ScenarioSamples.draw(SnapshotCatalog.get("sun-imac-3-12"), quick ? 200 : 5000, 7);
            Precoder dnn = PrecoderRegistry.create("sun-dnn", PrecoderOptions.defaults());
            Precoder wmmse = PrecoderRegistry.create("wmmse-scalar", PrecoderOptions.defaults()
                    .withMaxIterations(500).withTolerance(1e-6));
            timeAll(dnn, imac.subList(0, Math.min(200, imac.size())));
            timeAll(wmmse, imac.subList(0, Math.min(200, imac.size())));
            double[] dnnUs = new double[reps];
            double[] wmmseUs = new double[reps];
            for (int r = 0; r < reps; r++) {
                dnnUs[r] = timeAll(dnn, imac) / 1e3 / imac.size();
                wmmseUs[r] = timeAll(wmmse, imac) / 1e3 / imac.size();
            }
            double d = median(dnnUs);
            double w = median(wmmseUs);
            o.printf(Locale.ROOT, "sun-dnn   sun-imac-3-12 %6d problems: %.1f us per problem (per-problem executor), "
                    + "scalar WMMSE %.1f us: %.1fx faster%n", imac.size(), d, w, w / d);
            learnedCsv.append(String.format(Locale.ROOT, "sun-dnn,sun-imac-3-12,%d,%.3f,%.3f,%.3f%n", imac.size(), d,
                    w, w / d));
        }
        if (only == null || only.contains("gcn-wmmse")) {
            learnedCsv.append(GcnWmmseBench.run(o, quick, reps));
        }
        if (only == null || only.contains("deepfp")) {
            learnedCsv.append(DeepFpBench.run(o, quick, reps));
        }
        if (only == null || only.contains("mpnn")) {
            learnedCsv.append(MpnnBench.run(o, quick, reps));
        }
        StringBuilder distributedCsv = new StringBuilder(DistributedBench.header());
        if (only == null || only.contains("sim-distributed")) {
            DistributedBench.run(o, slots, distributedCsv);
        }
        if (memorySlots > 0) {
            SimulationScenario sc = SimulationCatalog.load("urban-7cell", List.of("precoder=rzf"));
            o.printf(Locale.ROOT, "memory: urban-7cell with rzf, %d slots, heap used after full GC [MiB]:", memorySlots);
            NetworkSimulation sim = new NetworkSimulation(sc.seed(), sc.network(), sc.groups(),
                    sc.newPrecodingStage(), List.of(new SummaryListener()));
            sim.start();
            long step = Math.max(1, memorySlots / 10);
            for (long done = 0; done < memorySlots; done += step) {
                sim.runSlots(Math.min(step, memorySlots - done));
                o.printf(Locale.ROOT, " %.1f", usedHeapAfterGcMiB());
                o.flush();
            }
            sim.finish();
            o.println();
        }
        if (out != null) {
            AtomicFiles.writeString(out, csv.toString() + simCsv + learnedCsv + distributedCsv);
        }
        return 0;
    }

    /** @return {slots per second, precoder seconds per slot, share outside the precoder, UEs} */
    private static double[] runSimulation(SimulationScenario sc, long slots) {
        double[] precoderSeconds = new double[1];
        int[] ues = new int[1];
        NetworkSimulation sim = new NetworkSimulation(sc.seed(), sc.network(), sc.groups(), sc.newPrecodingStage(),
                List.of(r -> {
                    precoderSeconds[0] += r.precoderSeconds();
                    ues[0] = r.numUes();
                }));
        sim.start();
        long t0 = System.nanoTime();
        long done = sim.runSlots(slots);
        double wall = (System.nanoTime() - t0) / 1e9;
        sim.finish();
        return new double[] {done / wall, precoderSeconds[0] / done, Math.max(0, 1 - precoderSeconds[0] / wall),
            ues[0]};
    }

    private static double usedHeapAfterGcMiB() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return (rt.totalMemory() - rt.freeMemory()) / (1024.0 * 1024.0);
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
