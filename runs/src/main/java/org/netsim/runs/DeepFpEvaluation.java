package org.netsim.runs;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ejml.data.ZMatrixRMaj;
import org.netsim.precoding.PrecoderOptions;
import org.netsim.precoding.Problem;
import org.netsim.precoding.RateEvaluator;
import org.netsim.precoding.Solution;
import org.netsim.precoding.classic.FastFpPrecoder;
import org.netsim.precoding.learned.ModelCard;
import org.netsim.precoding.learned.ModelFiles;
import org.netsim.precoding.learned.deepfp.DeepFpArchitecture;
import org.netsim.precoding.learned.deepfp.DeepFpBatch;
import org.netsim.precoding.learned.deepfp.DeepFpExecutor;
import org.netsim.precoding.learned.deepfp.DeepFpNetwork;
import org.netsim.precoding.learned.deepfp.DeepFpPrecoder;
import org.netsim.precoding.learned.deepfp.DeepFpTrainer;

/**
 * {@code netsim evaluate --model DIR|deepfp-7cell} for a DeepFP model: the table of "DeepFP: Deep-Unfolded
 * Fractional Programming for Massive MIMO Beamforming" (Tables I-II, and the "Iterations by FastFP" column of
 * Tables III-V) on fresh samples of the card's training scenario (or {@code --scenario}), optionally restricted
 * to the first N' BS antennas and d' streams to evaluate the zero-padding transfer (Section IV-E, Tables IV-V).
 *
 * <p>Rows: DeepFP (per-problem Java executor; and the batched DJL network), FastFP after 100 iterations (the
 * paper's baseline and the reference of the percentages), and FastFP after n iterations with n the first
 * iteration (searched up to {@value #MATCH_SEARCH_ITERATIONS}) at which FastFP's mean WSR reaches DeepFP's. Columns: mean WSR in bit/s/Hz and its percentage, CPU time
 * per problem (single thread, one problem after another) and its percentage. Also the mean over samples of the
 * first FastFP iteration whose WSR reaches that sample's DeepFP WSR (Table III's "Iterations by FastFP"; samples
 * that FastFP does not reach within {@value #MATCH_SEARCH_ITERATIONS} iterations count as that many). DeepFP and FastFP start from the same random
 * V^0 (Section IV-D). Samples: sample s from the stream {@code snapshot/<scenario>/sample/<s>} of {@code --seed}
 * (the streams of {@code netsim compare}, disjoint from the training streams).
 */
final class DeepFpEvaluation {

    /** FastFP iterations of the baseline (the paper's). */
    static final int BASELINE_ITERATIONS = 100;
    /** FastFP iterations searched for the one that reaches DeepFP (the paper reports up to 233, Table VI). */
    static final int MATCH_SEARCH_ITERATIONS = 300;

    private DeepFpEvaluation() {
    }

    /** @return whether {@code model} (a shipped name or a directory) is a DeepFP model */
    static boolean isDeepFp(String model) {
        if (DeepFpPrecoder.SHIPPED_MODELS.contains(model)) {
            return true;
        }
        Path dir = Path.of(model);
        if (!Files.isRegularFile(dir.resolve(ModelFiles.CARD_FILE))) {
            return false;
        }
        try {
            ModelFiles.readCard(ModelFiles.Location.directory(dir), DeepFpPrecoder.NAME);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The table's numbers. */
    record Table(String scenario, int samples, double deepFpWsrNat, double deepFpSeconds,
            double deepFpBatchedSeconds, double fastFpWsrNat, double fastFpSeconds, int matchingIterations,
            double matchingWsrNat, double matchingSeconds, double meanIterationsToMatch) {
    }

    static int run(EvaluateCommand cmd) throws IOException {
        ModelFiles.Location location = DeepFpPrecoder.SHIPPED_MODELS.contains(cmd.model)
                ? ModelFiles.Location.classpath(DeepFpPrecoder.SHIPPED_FOLDER + "/" + cmd.model)
                : ModelFiles.Location.directory(Path.of(cmd.model));
        ModelCard card = ModelFiles.readCard(location, DeepFpPrecoder.NAME);
        boolean fromChannels = cmd.source != null && cmd.source.channels != null;
        String scenarioName = cmd.source != null && cmd.source.scenario != null ? cmd.source.scenario
                : fromChannels ? null : card.training().scenario();
        ScenarioSamples.Drawn drawn = ScenarioSamples.of(scenarioName, fromChannels ? cmd.source.channels : null,
                cmd.samples, 100, cmd.seed);
        List<Problem> problems = drawn.problems();
        int n = problems.size();
        if (cmd.deepfp.bsAntennas != null || cmd.deepfp.streams != null) {
            List<Problem> cut = new ArrayList<>();
            for (Problem p : problems) {
                cut.add(restrict(p, cmd.deepfp.bsAntennas, cmd.deepfp.streams));
            }
            problems = cut;
        }
        PrintWriter err = cmd.spec.commandLine().getErr();
        DeepFpArchitecture arch = DeepFpArchitecture.fromCard(card);
        DeepFpExecutor executor;
        double batchedSeconds;
        List<ZMatrixRMaj[]> init = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            init.add(DeepFpTrainer.initialPrecoders(problems.get(s), cmd.seed, "evaluate", s));
        }
        try (DeepFpNetwork net = DeepFpNetwork.load(location, card)) {
            executor = net.executor();
            DeepFpBatch batch = DeepFpBatch.pack(arch, problems, init);
            net.solve(batch); // warm-up
            long t0 = System.nanoTime();
            net.solve(batch);
            batchedSeconds = (System.nanoTime() - t0) / 1e9 / n;
        }
        if (!cmd.quiet) {
            err.printf(Locale.ROOT, "evaluating %s on %d samples of %s%n", cmd.model, n, drawn.name());
            err.flush();
        }
        double[] deep = new double[n];
        long deepNanos = 0;
        for (int s = 0; s < n; s++) {
            long t0 = System.nanoTime();
            ZMatrixRMaj[] v = executor.solve(problems.get(s), init.get(s), null);
            deepNanos += System.nanoTime() - t0;
            deep[s] = RateEvaluator.wsrNat(problems.get(s), v);
        }
        double[][] curve = new double[n][];
        double[] fast = new double[n];
        long fastNanos = 0;
        FastFpPrecoder traced = new FastFpPrecoder(PrecoderOptions.defaults()
                .withMaxIterations(MATCH_SEARCH_ITERATIONS).withTrace(true));
        for (int s = 0; s < n; s++) {
            long t0 = System.nanoTime();
            DeepFpTrainer.fastFp(problems.get(s), init.get(s), BASELINE_ITERATIONS);
            fastNanos += System.nanoTime() - t0;
            Solution sol = traced.solve(problems.get(s), org.netsim.precoding.Init.given(init.get(s)));
            curve[s] = new double[MATCH_SEARCH_ITERATIONS + 1];
            for (Solution.IterationRecord r : sol.trace()) {
                curve[s][r.iteration()] = r.wsrNat();
            }
            fast[s] = curve[s][BASELINE_ITERATIONS];
        }
        double deepMean = mean(deep);
        double fastMean = mean(fast);
        int match = MATCH_SEARCH_ITERATIONS + 1; // not reached
        for (int it = 1; it <= MATCH_SEARCH_ITERATIONS; it++) {
            double m = 0;
            for (int s = 0; s < n; s++) {
                m += curve[s][it];
            }
            if (m / n >= deepMean) {
                match = it;
                break;
            }
        }
        double perSample = 0;
        for (int s = 0; s < n; s++) {
            int first = MATCH_SEARCH_ITERATIONS;
            for (int it = 1; it <= MATCH_SEARCH_ITERATIONS; it++) {
                if (curve[s][it] >= deep[s]) {
                    first = it;
                    break;
                }
            }
            perSample += first;
        }
        double matchWsr = 0;
        long matchNanos = 0;
        int timed = Math.min(match, MATCH_SEARCH_ITERATIONS);
        for (int s = 0; s < n; s++) {
            long t0 = System.nanoTime();
            matchWsr += DeepFpTrainer.fastFp(problems.get(s), init.get(s), timed).wsrNat();
            matchNanos += System.nanoTime() - t0;
        }
        Table t = new Table(drawn.name() + restriction(cmd), n, deepMean, deepNanos / 1e9 / n, batchedSeconds, fastMean,
                fastNanos / 1e9 / n, match, matchWsr / n, matchNanos / 1e9 / n, perSample / n);
        String text = format(t);
        cmd.spec.commandLine().getOut().print(text);
        cmd.spec.commandLine().getOut().flush();
        if (cmd.out != null) {
            Files.createDirectories(cmd.out);
            AtomicFiles.writeString(cmd.out.resolve("evaluation.txt"), text);
            AtomicFiles.writeString(cmd.out.resolve("evaluation.csv"), csv(t));
        }
        return 0;
    }

    private static String restriction(EvaluateCommand cmd) {
        String r = "";
        if (cmd.deepfp.bsAntennas != null) {
            r += " N_t=" + cmd.deepfp.bsAntennas;
        }
        if (cmd.deepfp.streams != null) {
            r += " d=" + cmd.deepfp.streams;
        }
        return r.isEmpty() ? "" : " (restricted:" + r + ")";
    }

    static String format(Table t) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "DeepFP evaluation on %s, %d samples (WSR in bit/s/Hz, CPU time per "
                + "problem, single thread)%n", t.scenario(), t.samples()));
        sb.append(String.format(Locale.ROOT, "%-34s %20s %24s%n", "algorithm", "weighted sum rate", "CPU time (s)"));
        row(sb, "DeepFP (Java executor)", t.deepFpWsrNat(), t.deepFpSeconds(), t);
        row(sb, "DeepFP (batched DJL, per problem)", t.deepFpWsrNat(), t.deepFpBatchedSeconds(), t);
        row(sb, "FastFP (" + BASELINE_ITERATIONS + " iterations)", t.fastFpWsrNat(), t.fastFpSeconds(), t);
        boolean reached = t.matchingIterations() <= MATCH_SEARCH_ITERATIONS;
        row(sb, "FastFP (" + Math.min(t.matchingIterations(), MATCH_SEARCH_ITERATIONS) + " iterations)"
                + (reached ? "" : " *"), t.matchingWsrNat(), t.matchingSeconds(), t);
        if (!reached) {
            sb.append(String.format(Locale.ROOT, "* FastFP's mean WSR does not reach DeepFP's within %d iterations%n",
                    MATCH_SEARCH_ITERATIONS));
        }
        sb.append(String.format(Locale.ROOT, "iterations by FastFP to reach DeepFP (mean over samples, %d where not "
                + "reached within %d): %.1f%n", MATCH_SEARCH_ITERATIONS, MATCH_SEARCH_ITERATIONS,
                t.meanIterationsToMatch()));
        return sb.toString();
    }

    private static void row(StringBuilder sb, String name, double wsrNat, double seconds, Table t) {
        sb.append(String.format(Locale.ROOT, "%-34s %11.3f (%6.1f%%) %13.5f (%6.1f%%)%n", name, wsrNat / Math.log(2),
                100 * wsrNat / t.fastFpWsrNat(), seconds, 100 * seconds / t.fastFpSeconds()));
    }

    private static String csv(Table t) {
        return "algorithm,wsr_bit,wsr_percent,cpu_s_per_problem,time_percent\n"
                + csvRow("deepfp-java", t.deepFpWsrNat(), t.deepFpSeconds(), t)
                + csvRow("deepfp-batched", t.deepFpWsrNat(), t.deepFpBatchedSeconds(), t)
                + csvRow("fastfp-" + BASELINE_ITERATIONS, t.fastFpWsrNat(), t.fastFpSeconds(), t)
                + csvRow("fastfp-" + t.matchingIterations(), t.matchingWsrNat(), t.matchingSeconds(), t)
                + String.format(Locale.ROOT, "mean-iterations-to-match,%.2f,,,%n", t.meanIterationsToMatch());
    }

    private static String csvRow(String name, double wsrNat, double seconds, Table t) {
        return String.format(Locale.ROOT, "%s,%.6f,%.3f,%.6g,%.3f%n", name, wsrNat / Math.log(2),
                100 * wsrNat / t.fastFpWsrNat(), seconds, 100 * seconds / t.fastFpSeconds());
    }

    private static double mean(double[] a) {
        double s = 0;
        for (double x : a) {
            s += x;
        }
        return s / a.length;
    }

    /**
     * The problem seen through the first {@code antennas} antennas of every BS and with at most {@code streams}
     * streams per UE (null: unchanged): the smaller problems of Tables IV-V.
     */
    static Problem restrict(Problem p, Integer antennas, Integer streams) {
        int[] m = new int[p.numBs()];
        double[] power = new double[p.numBs()];
        for (int k = 0; k < p.numBs(); k++) {
            m[k] = antennas == null ? p.bsAntennas(k) : Math.min(antennas, p.bsAntennas(k));
            power[k] = p.bsPowerW(k);
        }
        int[] n = new int[p.numUe()];
        int[] d = new int[p.numUe()];
        int[] serving = new int[p.numUe()];
        double[] noise = new double[p.numUe()];
        double[] weight = new double[p.numUe()];
        ZMatrixRMaj[][] h = new ZMatrixRMaj[p.numUe()][p.numBs()];
        for (int i = 0; i < p.numUe(); i++) {
            n[i] = p.ueAntennas(i);
            d[i] = streams == null ? p.streams(i) : Math.min(streams, p.streams(i));
            serving[i] = p.servingBs(i);
            noise[i] = p.noisePowerW(i);
            weight[i] = p.weight(i);
            for (int k = 0; k < p.numBs(); k++) {
                ZMatrixRMaj full = p.channel(i, k);
                ZMatrixRMaj c = new ZMatrixRMaj(n[i], m[k]);
                for (int a = 0; a < n[i]; a++) {
                    System.arraycopy(full.data, 2 * a * full.numCols, c.data, 2 * a * m[k], 2 * m[k]);
                }
                h[i][k] = c;
            }
        }
        return Problem.builder().bsAntennas(m).bsPowerW(power).ueAntennas(n).streams(d).noisePowerW(noise)
                .weights(weight).servingBs(serving).channels(h).build();
    }
}
