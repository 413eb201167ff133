package org.netsim.runs;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.netsim.precoding.Init;
import org.netsim.precoding.PrecoderOptions;
import org.netsim.precoding.Problem;
import org.netsim.precoding.Solution;
import org.netsim.precoding.classic.WmmsePrecoder;
import org.netsim.precoding.gcn.GcnWmmseModel;
import org.netsim.precoding.gcn.GcnWmmsePrecoder;
import org.netsim.radio.random.RandomStreams;

/**
 * {@code netsim evaluate --model DIR|gcn-wmmse-base} for a GCN-WMMSE model: the table of the GCN-WMMSE paper
 * ("Coordinated Sum-Rate Maximization in Multicell MU-MIMO with Deep Unrolling", Table IV and the acronyms of its
 * Table III and §IV) on the same channels, every WMMSE run in double precision with the rational mu solver:
 * <ul>
 *   <li>GCN-WMMSE: the model's L layers from the MRC start;</li>
 *   <li>WMMSE MRC TR: WMMSE from MRC truncated after L iterations (the same communication overhead);</li>
 *   <li>WMMSE MRC (WMMSE100): 100 iterations from MRC;</li>
 *   <li>WMMSE RI: the mean over R random starts (entries CN(0, 1), scaled to meet the budgets exactly) of 100
 *       iterations; WMMSE RI TR the same mean after L iterations;</li>
 *   <li>WMMSE50: the best of the R random starts (R = 50 in the paper) after 100 iterations, the reference of the
 *       percentages.</li>
 * </ul>
 * The problems are those of {@code --scenario}, drawn as {@code netsim compare --scenario} draws them (stream
 * {@code snapshot/<scenario>/sample/s}), or of a {@code --channels} dataset (any sizes: GCN-WMMSE's weights fit
 * every problem); random start r of sample s from {@code evaluate/init/<s>/<r>}. Writes {@code evaluation.csv} (one row per
 * sample) and prints the table.
 */
final class GcnWmmseEvaluation {

    /** The shipped model's name on the command line. */
    static final String SHIPPED_NAME = "gcn-wmmse-base";
    /** WMMSE iterations of the untruncated baselines (the paper's). */
    static final int WMMSE_ITERATIONS = 100;

    private GcnWmmseEvaluation() {
    }

    /** @return whether {@code model} names a GCN-WMMSE model (the shipped name, or a directory with its card) */
    static boolean accepts(String model) {
        if (model.equals(SHIPPED_NAME)) {
            return true;
        }
        Path card = Path.of(model).resolve(GcnWmmseModel.CARD_FILE);
        try {
            return Files.isRegularFile(card) && Files.readString(card).contains("\"" + GcnWmmsePrecoder.NAME + "\"");
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /**
     * @param source the problems (of {@code --scenario} or {@code --channels}) and their name
     */
    static int run(PrintWriter out, PrintWriter err, String model, ScenarioSamples.Drawn source, int inits,
            long seed, int threads, Path outDir, boolean quiet) throws Exception {
        if (inits < 1) {
            throw new IllegalArgumentException("inits: must be >= 1, got " + inits);
        }
        GcnWmmseModel m = model.equals(SHIPPED_NAME) ? GcnWmmseModel.shippedBase() : GcnWmmseModel.read(Path.of(model));
        int layers = m.weights().layers();
        List<Problem> problems = source.problems();
        int samples = problems.size();
        RandomStreams streams = new RandomStreams(seed);
        GcnWmmsePrecoder gcn = new GcnWmmsePrecoder(m.weights());
        WmmsePrecoder wmmse = new WmmsePrecoder(PrecoderOptions.defaults().withMaxIterations(WMMSE_ITERATIONS)
                .withTrace(true));
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        double[][] rows = new double[samples][];
        try {
            List<Future<double[]>> futures = new ArrayList<>();
            for (int s = 0; s < samples; s++) {
                final int fs = s;
                long[] initSeeds = new long[inits];
                for (int r = 0; r < inits; r++) {
                    initSeeds[r] = streams.stream("evaluate/init/" + s + "/" + r).nextLong();
                }
                futures.add(pool.submit(() -> row(problems.get(fs), gcn, wmmse, layers, initSeeds)));
            }
            for (int s = 0; s < samples; s++) {
                rows[s] = futures.get(s).get();
                if (!quiet && (s + 1) % Math.max(1, samples / 10) == 0) {
                    err.printf(Locale.ROOT, "evaluated %d/%d samples, %.1f s%n", s + 1, samples,
                            (System.nanoTime() - t0) / 1e9);
                    err.flush();
                }
            }
        } finally {
            pool.shutdownNow();
        }
        String[] names = {"GCN-WMMSE (L = " + layers + ")", "WMMSE MRC TR (" + layers + " it.)",
            "WMMSE MRC (100 it.)", "WMMSE RI TR (" + layers + " it., mean of " + inits + ")",
            "WMMSE RI (100 it., mean of " + inits + ")", "WMMSE" + inits + " (best of " + inits + ", 100 it.)"};
        double[] mean = new double[names.length];
        StringBuilder csv = new StringBuilder("sample,gcn_wmmse,wmmse_mrc_tr,wmmse_mrc,wmmse_ri_tr,wmmse_ri,wmmse_best"
                + " (nat/s/Hz)\n");
        for (int s = 0; s < samples; s++) {
            csv.append(s);
            for (int c = 0; c < names.length; c++) {
                mean[c] += rows[s][c] / samples;
                csv.append(',').append(String.format(Locale.ROOT, "%.10g", rows[s][c]));
            }
            csv.append('\n');
        }
        Files.createDirectories(outDir);
        AtomicFiles.writeString(outDir.resolve("evaluation.csv"), csv.toString());
        double ref = mean[names.length - 1];
        out.printf(Locale.ROOT, "%s on %d samples of %s (seed %d), %d random starts, %.1f s%n", model, samples,
                source.name(), seed, inits, (System.nanoTime() - t0) / 1e9);
        out.printf(Locale.ROOT, "%-44s %14s %14s %10s%n", "", "WSR [nat/s/Hz]", "WSR [bit/s/Hz]", "% of best");
        for (int c = 0; c < names.length; c++) {
            out.printf(Locale.ROOT, "%-44s %14.4f %14.4f %10.2f%n", names[c], mean[c], mean[c] / Math.log(2),
                    100 * mean[c] / ref);
        }
        out.printf("written: %s%n", outDir.resolve("evaluation.csv"));
        return 0;
    }

    /** One sample's six values in nat/s/Hz, in the table's order. */
    private static double[] row(Problem p, GcnWmmsePrecoder gcn, WmmsePrecoder wmmse, int layers, long[] initSeeds) {
        double g = gcn.solve(p, Init.mrc()).wsrNat();
        Solution mrc = wmmse.solve(p, Init.mrc());
        double mrcTr = traceAt(mrc, layers);
        double riSum = 0;
        double riTrSum = 0;
        double best = Double.NEGATIVE_INFINITY;
        for (long s : initSeeds) {
            Solution r = wmmse.solve(p, Init.random(s));
            riSum += r.wsrNat();
            riTrSum += traceAt(r, layers);
            best = Math.max(best, r.wsrNat());
        }
        int n = initSeeds.length;
        return new double[] {g, mrcTr, mrc.wsrNat(), riTrSum / n, riSum / n, best};
    }

    /** The WSR after {@code iterations} iterations (the last one when the run stopped earlier). */
    private static double traceAt(Solution s, int iterations) {
        List<Solution.IterationRecord> t = s.trace();
        return t.isEmpty() ? s.wsrNat() : t.get(Math.min(iterations, t.size()) - 1).wsrNat();
    }
}
