package org.netsim.runs;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.netsim.precoding.Init;
import org.netsim.precoding.PrecoderOptions;
import org.netsim.precoding.Problem;
import org.netsim.precoding.classic.WmmsePrecoder;
import org.netsim.precoding.gcn.GcnWmmseModel;
import org.netsim.precoding.gcn.GcnWmmsePrecoder;
import org.netsim.precoding.gcn.GcnWmmseWeights;
import org.netsim.precoding.learned.DeviceChoice;
import org.netsim.precoding.learned.LearnedEngine;
import org.netsim.precoding.learned.gcn.BatchedWmmsePrecoder;
import org.netsim.precoding.learned.gcn.GcnWmmseBatchedSolver;
import org.netsim.precoding.learned.gcn.GcnWmmseCheckpoint;
import org.netsim.precoding.learned.gcn.GcnWmmseTrainer;
import org.netsim.scenarios.snapshot.SnapshotCatalog;

/**
 * The {@code gcn-wmmse} case of {@code netsim bench}: on the same {@code gcnwmmse-base} channels, problems per
 * second of the shipped GCN-WMMSE model (L = 7) by the per-problem EJML executor (one thread) and by the batched
 * DJL executor (one batch, float32, CPU), next to WMMSE from MRC with 7 and 100 iterations (EJML, one thread) and
 * WMMSE with 100 iterations on the batched DJL executor ({@code wmmse-batched}); and training steps per second
 * (batch 100, float64, as the shipped model was trained). The engine's thread count is whatever the JVM was
 * started with ({@code -Dai.djl.pytorch.num_threads}); on a loaded machine use 1, since PyTorch's spinning worker
 * threads then slow it down many times.
 */
final class GcnWmmseBench {

    private GcnWmmseBench() {
    }

    /** @return CSV rows {@code case,scenario,problems,problems_per_second} */
    static String run(PrintWriter o, boolean quick, int reps) {
        int n = quick ? 20 : 200;
        List<Problem> problems = ScenarioSamples.draw(SnapshotCatalog.get("gcnwmmse-base"), n, 7);
        GcnWmmseWeights weights = GcnWmmseModel.shippedBase().weights();
        GcnWmmsePrecoder ejml = new GcnWmmsePrecoder(weights);
        WmmsePrecoder wmmse7 = new WmmsePrecoder(PrecoderOptions.defaults().withMaxIterations(7));
        WmmsePrecoder wmmse100 = new WmmsePrecoder(PrecoderOptions.defaults());
        StringBuilder csv = new StringBuilder("case,scenario,problems,problems_per_second\n");
        List<String[]> rows = new ArrayList<>();
        rows.add(row("gcn-wmmse EJML (1 thread)", n, rate(reps, n, () -> solveAll(ejml, problems))));
        rows.add(row("wmmse 7 it. EJML (1 thread)", n, rate(reps, n, () -> solveAll(wmmse7, problems))));
        rows.add(row("wmmse 100 it. EJML (1 thread)", quick ? n : n / 4, rate(reps, quick ? n : n / 4,
                () -> solveAll(wmmse100, problems.subList(0, quick ? n : n / 4)))));
        if (LearnedEngine.isAvailable()) {
            rows.add(row("gcn-wmmse DJL batched float32", n, rate(reps, n,
                    () -> GcnWmmseBatchedSolver.solveAll(weights, problems, "float32", DeviceChoice.CPU))));
            BatchedWmmsePrecoder batched = new BatchedWmmsePrecoder(PrecoderOptions.defaults().with("device", "cpu"));
            List<Init> inits = new ArrayList<>();
            problems.forEach(p -> inits.add(Init.mrc()));
            rows.add(row("wmmse-batched 100 it. float32", n, rate(reps, n, () -> batched.solveAll(problems, inits))));
            int steps = quick ? 2 : 5;
            GcnWmmseTrainer.Config c = GcnWmmseTrainer.Config.paper().withSteps(steps + 1).withPrecision("float64")
                    .withSchedule(1000, 1000);
            GcnWmmseCheckpoint done = GcnWmmseTrainer.train(c, s -> problems.get(s % problems.size()),
                    problems.subList(0, 1), null, new GcnWmmseTrainer.Listener() { });
            // steps per second after the first (warm-up) step
            var st = done.steps();
            double perStep = (st.get(st.size() - 1).elapsedS() - st.get(0).elapsedS()) / (st.size() - 1);
            rows.add(new String[] {"gcn-wmmse training steps (batch 100, float64)", "-",
                String.format(Locale.ROOT, "%.3f", 1.0 / perStep)});
        }
        for (String[] r : rows) {
            o.printf(Locale.ROOT, "%-42s gcnwmmse-base %6s problems: %10s per second%n", r[0], r[1], r[2]);
            csv.append(r[0]).append(",gcnwmmse-base,").append(r[1]).append(',').append(r[2]).append('\n');
        }
        return csv.toString();
    }

    private static String[] row(String name, int n, double rate) {
        return new String[] {name, Integer.toString(n), String.format(Locale.ROOT, "%.1f", rate)};
    }

    private static Object solveAll(org.netsim.precoding.Precoder p, List<Problem> problems) {
        double sink = 0;
        for (Problem pr : problems) {
            sink += p.solve(pr, Init.mrc()).wsrNat();
        }
        return sink;
    }

    /** Median problems per second over {@code reps} timed runs after one warm-up run. */
    private static double rate(int reps, int n, java.util.function.Supplier<Object> body) {
        body.get();
        double[] r = new double[reps];
        for (int j = 0; j < reps; j++) {
            long t0 = System.nanoTime();
            body.get();
            r[j] = n / ((System.nanoTime() - t0) / 1e9);
        }
        Arrays.sort(r);
        return reps % 2 == 1 ? r[reps / 2] : 0.5 * (r[reps / 2 - 1] + r[reps / 2]);
    }
}
