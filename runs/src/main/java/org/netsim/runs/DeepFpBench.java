package org.netsim.runs;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ejml.data.ZMatrixRMaj;
import org.netsim.precoding.Problem;
import org.netsim.precoding.learned.ModelFiles;
import org.netsim.precoding.learned.deepfp.DeepFpBatch;
import org.netsim.precoding.learned.deepfp.DeepFpExecutor;
import org.netsim.precoding.learned.deepfp.DeepFpNetwork;
import org.netsim.precoding.learned.deepfp.DeepFpPrecoder;
import org.netsim.precoding.learned.deepfp.DeepFpTrainer;
import org.netsim.scenarios.snapshot.SnapshotCatalog;

/**
 * The {@code deepfp} case of {@code netsim bench}: the shipped DeepFP model on deepfp-7cell against FastFP after
 * 100 iterations on the same channels and the same random V^0, single thread, problems one after another (the
 * per-problem Java executor, the FastFP precoder) and as one batch (the batched DJL network, on the engine's
 * threads); and training steps per second (forward, backward and Adam on a batch of {@value #TRAIN_BATCH}).
 * Each figure is the median of {@code repeats} timed repetitions after a warm-up.
 */
final class DeepFpBench {

    /** Batch size of the timed training steps. */
    static final int TRAIN_BATCH = 32;

    private DeepFpBench() {
    }

    /** Runs the case, prints one line per figure and returns its CSV rows (BenchCommand's learned-model table). */
    static String run(PrintWriter o, boolean quick, int reps) {
        int n = quick ? 4 : 20;
        List<Problem> problems = ScenarioSamples.draw(SnapshotCatalog.get("deepfp-7cell"), n, 7);
        List<ZMatrixRMaj[]> init = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            init.add(DeepFpTrainer.initialPrecoders(problems.get(s), 7, "bench", s));
        }
        ModelFiles.Location loc = ModelFiles.Location.classpath(DeepFpPrecoder.SHIPPED_FOLDER + "/"
                + DeepFpPrecoder.DEFAULT_MODEL);
        var card = ModelFiles.readCard(loc, DeepFpPrecoder.NAME);
        double[] javaUs = new double[reps];
        double[] batchUs = new double[reps];
        double[] fastUs = new double[reps];
        double stepS;
        try (DeepFpNetwork net = DeepFpNetwork.load(loc, card)) {
            DeepFpExecutor exec = net.executor();
            DeepFpBatch batch = DeepFpBatch.pack(net.architecture(), problems, init);
            exec.solve(problems.get(0), init.get(0), null);
            DeepFpTrainer.fastFp(problems.get(0), init.get(0), 100);
            net.solve(batch);
            for (int r = 0; r < reps; r++) {
                long t0 = System.nanoTime();
                for (int s = 0; s < n; s++) {
                    exec.solve(problems.get(s), init.get(s), null);
                }
                javaUs[r] = (System.nanoTime() - t0) / 1e3 / n;
                t0 = System.nanoTime();
                net.solve(batch);
                batchUs[r] = (System.nanoTime() - t0) / 1e3 / n;
                t0 = System.nanoTime();
                for (int s = 0; s < n; s++) {
                    DeepFpTrainer.fastFp(problems.get(s), init.get(s), 100);
                }
                fastUs[r] = (System.nanoTime() - t0) / 1e3 / n;
            }
            List<Problem> tp = new ArrayList<>();
            List<ZMatrixRMaj[]> ti = new ArrayList<>();
            for (int s = 0; s < TRAIN_BATCH; s++) {
                tp.add(problems.get(s % n));
                ti.add(init.get(s % n));
            }
            stepS = DeepFpTrainer.secondsPerStep(net, tp, ti, quick ? 1 : Math.max(2, reps));
        }
        double j = median(javaUs);
        double bt = median(batchUs);
        double f = median(fastUs);
        o.printf(Locale.ROOT, "deepfp    deepfp-7cell %4d problems: per-problem executor %.0f us (%.1f problems/s), "
                + "batched DJL %.0f us (%.1f problems/s); FastFP 100 iterations %.0f us (%.2f problems/s): %.1fx and"
                + " %.1fx faster; training %.2f steps/s (batch %d)%n", n, j, 1e6 / j, bt, 1e6 / bt, f, 1e6 / f, f / j,
                f / bt, 1 / stepS, TRAIN_BATCH);
        return String.format(Locale.ROOT, "deepfp-java,deepfp-7cell,%d,%.3f,%.3f,%.3f%n", n, j, f, f / j)
                + String.format(Locale.ROOT, "deepfp-batched,deepfp-7cell,%d,%.3f,%.3f,%.3f%n", n, bt, f, f / bt)
                + String.format(Locale.ROOT, "deepfp-train-step-batch%d,deepfp-7cell,%d,%.3f,,%n", TRAIN_BATCH,
                        TRAIN_BATCH, stepS * 1e6);
    }

    private static double median(double[] v) {
        double[] c = v.clone();
        java.util.Arrays.sort(c);
        return c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
    }
}
