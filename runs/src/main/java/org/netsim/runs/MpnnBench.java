package org.netsim.runs;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.netsim.precoding.Init;
import org.netsim.precoding.Precoder;
import org.netsim.precoding.PrecoderOptions;
import org.netsim.precoding.Problem;
import org.netsim.precoding.learned.LearnedEngine;
import org.netsim.precoding.learned.mpnn.MpnnScore;
import org.netsim.precoding.learned.mpnn.StructuralMpnnPrecoder;
import org.netsim.precoding.classic.WmmsePrecoder;
import org.netsim.scenarios.snapshot.SnapshotCatalog;

/**
 * The {@code mpnn} case of {@code netsim bench}: Song et al.'s Table V measurement ("serially solving one hundred
 * randomly generated problems", time over WMMSE's) on {@code song-small-near} and {@code song-small-far}: the
 * shipped {@code structural-mpnn} model by its per-problem Java executor against WMMSE as in Section VI-B
 * (zero-forcing start, tolerance 0.01, at most 50 iterations) and WMMSE truncated to 5 iterations, one thread,
 * the same problems, median over the repetitions after a warm-up; each time includes the zero-forcing start and
 * the final rate evaluation, as a solve does. The mean sum rates over WMMSE's are printed next to the times.
 */
final class MpnnBench {

    /** Truncated WMMSE's iterations (the T of the network's five shared iterations). */
    static final int TRUNCATED_ITERATIONS = 5;

    private MpnnBench() {
    }

    /** @return CSV rows {@code case,scenario,problems,us_per_problem,baseline_us_per_problem,speedup} */
    static String run(PrintWriter o, boolean quick, int reps) {
        if (!LearnedEngine.isAvailable()) {
            o.println("mpnn      skipped: no deep-learning engine to load the shipped model ("
                    + LearnedEngine.unavailableReason().orElse("unknown reason") + ")");
            return "";
        }
        int n = quick ? 20 : 100;
        Precoder mpnn = new StructuralMpnnPrecoder();
        WmmsePrecoder wmmse = MpnnScore.wmmse();
        WmmsePrecoder truncated = new WmmsePrecoder(PrecoderOptions.defaults()
                .withMaxIterations(TRUNCATED_ITERATIONS).withTolerance(0.0));
        StringBuilder csv = new StringBuilder();
        for (String scenario : List.of("song-small-near", "song-small-far")) {
            List<Problem> problems = ScenarioSamples.draw(SnapshotCatalog.get(scenario), n, 7);
            double[] rate = new double[3];
            Precoder[] solvers = {mpnn, wmmse, truncated};
            for (int k = 0; k < 3; k++) {
                for (Problem p : problems) {
                    rate[k] += MpnnScore.sumRateNat(p, solvers[k].solve(p, Init.zf()).precoders()) / n;
                }
            }
            double[][] us = new double[3][reps];
            for (int r = 0; r < reps; r++) {
                for (int k = 0; k < 3; k++) {
                    long t0 = System.nanoTime();
                    for (Problem p : problems) {
                        solvers[k].solve(p, Init.zf());
                    }
                    us[k][r] = (System.nanoTime() - t0) / 1e3 / n;
                }
            }
            double m = median(us[0]);
            double w = median(us[1]);
            double t = median(us[2]);
            o.printf(Locale.ROOT, "mpnn      %-15s %4d problems: structural-mpnn %.0f us, WMMSE (ZF, 0.01, <= 50 it.) "
                    + "%.0f us: %.2fx faster; WMMSE %d it. %.0f us; sum rate %.1f %% of WMMSE (WMMSE %d it.: "
                    + "%.1f %%)%n", scenario, n, m, w, w / m, TRUNCATED_ITERATIONS, t, 100 * rate[0] / rate[1],
                    TRUNCATED_ITERATIONS, 100 * rate[2] / rate[1]);
            csv.append(String.format(Locale.ROOT, "structural-mpnn,%s,%d,%.3f,%.3f,%.3f%n", scenario, n, m, w, w / m));
            csv.append(String.format(Locale.ROOT, "wmmse-%dit,%s,%d,%.3f,%.3f,%.3f%n", TRUNCATED_ITERATIONS, scenario,
                    n, t, w, w / t));
        }
        return csv.toString();
    }

    private static double median(double[] v) {
        double[] c = v.clone();
        java.util.Arrays.sort(c);
        return c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
    }
}
