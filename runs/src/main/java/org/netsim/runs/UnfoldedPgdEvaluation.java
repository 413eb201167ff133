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
import org.netsim.precoding.learned.pgd.UnfoldedPgdModel;
import org.netsim.precoding.learned.pgd.UnfoldedPgdPrecoder;
import org.netsim.radio.random.RandomStreams;
import org.netsim.scenarios.snapshot.SnapshotCatalog;
import org.netsim.scenarios.snapshot.SnapshotScenario;

/**
 * {@code netsim evaluate --model DIR[,DIR...]|unfolded-pgd-iid-cn} for unfolded PGD WMMSE models: the rows of
 * Table XII of the GCN-WMMSE paper ("Coordinated Sum-Rate Maximization in Multicell MU-MIMO with Deep Unrolling",
 * §V-B) on the same channels, every WMMSE run in double precision with the rational mu solver:
 * <ul>
 *   <li>Unfolded PGD (Q = ...): each given model (one per Q) from the MRC start;</li>
 *   <li>GCN-WMMSE: the shipped {@code gcn-wmmse-base} model, only on the scenario it was trained on
 *       ({@code gcnwmmse-base});</li>
 *   <li>WMMSE MRC TR: WMMSE from MRC after L iterations (the same number of U/W/V rounds);</li>
 *   <li>WMMSE50: the best of R random starts (R = 50, entries CN(0, 1) scaled to the budgets) after 100
 *       iterations, the reference of the percentages (Table XII's last column, in nat/s/Hz).</li>
 * </ul>
 * Samples are drawn as {@code netsim compare --scenario} draws them, random start r of sample s from
 * {@code evaluate/init/<s>/<r>} (as for gcn-wmmse, so WMMSE50 is the same figure in both evaluations). Writes
 * {@code evaluation.csv} (one row per sample) and prints the table.
 */
final class UnfoldedPgdEvaluation {

    /** The shipped model's name on the command line. */
    static final String SHIPPED_NAME = "unfolded-pgd-iid-cn";
    /** WMMSE iterations of WMMSE50 (the paper's). */
    static final int WMMSE_ITERATIONS = 100;

    private UnfoldedPgdEvaluation() {
    }

    /** @return whether every comma-separated part of {@code model} names an unfolded PGD model */
    static boolean accepts(String model) {
        for (String part : model.split(",")) {
            if (!part.equals(SHIPPED_NAME) && !isPgdDirectory(part)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isPgdDirectory(String dir) {
        Path card = Path.of(dir).resolve(UnfoldedPgdModel.CARD_FILE);
        try {
            return Files.isRegularFile(card)
                    && Files.readString(card).contains("\"" + UnfoldedPgdPrecoder.NAME + "\"");
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }

    static int run(PrintWriter out, PrintWriter err, String model, String scenario, int samples, int inits,
            long seed, int threads, Path outDir, boolean quiet) throws Exception {
        if (scenario == null) {
            throw new IllegalArgumentException("scenario: an unfolded-pgd model is evaluated on --scenario (e.g. "
                    + "iid-cn)");
        }
        if (samples < 1 || inits < 1) {
            throw new IllegalArgumentException("samples, inits: must be >= 1, got " + samples + ", " + inits);
        }
        List<UnfoldedPgdModel> models = new ArrayList<>();
        for (String part : model.split(",")) {
            models.add(part.equals(SHIPPED_NAME) ? UnfoldedPgdModel.readResource(UnfoldedPgdModel.SHIPPED_IID_CN)
                    : UnfoldedPgdModel.read(Path.of(part)));
        }
        int layers = models.get(0).steps().layers();
        SnapshotScenario sc = SnapshotCatalog.get(scenario);
        boolean withGcn = sc.name().equals("gcnwmmse-base");
        List<Problem> problems = ScenarioSamples.draw(sc, samples, seed);
        RandomStreams streams = new RandomStreams(seed);
        List<UnfoldedPgdPrecoder> pgd = new ArrayList<>();
        for (UnfoldedPgdModel m : models) {
            pgd.add(new UnfoldedPgdPrecoder(m.steps(), PrecoderOptions.defaults()));
        }
        GcnWmmsePrecoder gcn = withGcn ? new GcnWmmsePrecoder(GcnWmmseModel.shippedBase().weights()) : null;
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
                futures.add(pool.submit(() -> row(problems.get(fs), pgd, gcn, wmmse, layers, initSeeds)));
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
        List<String> names = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        for (UnfoldedPgdModel m : models) {
            names.add("Unfolded PGD (L = " + m.steps().layers() + ", Q = " + m.steps().substeps() + ")");
            columns.add("unfolded_pgd_q" + m.steps().substeps());
        }
        if (withGcn) {
            names.add("GCN-WMMSE (gcn-wmmse-base)");
            columns.add("gcn_wmmse");
        }
        names.add("WMMSE MRC TR (" + layers + " it.)");
        columns.add("wmmse_mrc_tr");
        names.add("WMMSE" + inits + " (best of " + inits + ", 100 it.)");
        columns.add("wmmse_best");
        double[] mean = new double[names.size()];
        StringBuilder csv = new StringBuilder("sample," + String.join(",", columns) + " (nat/s/Hz)\n");
        for (int s = 0; s < samples; s++) {
            csv.append(s);
            for (int c = 0; c < names.size(); c++) {
                mean[c] += rows[s][c] / samples;
                csv.append(',').append(String.format(Locale.ROOT, "%.10g", rows[s][c]));
            }
            csv.append('\n');
        }
        Files.createDirectories(outDir);
        AtomicFiles.writeString(outDir.resolve("evaluation.csv"), csv.toString());
        double ref = mean[names.size() - 1];
        out.printf(Locale.ROOT, "%s on %d samples of %s (seed %d), %d random starts, %.1f s%n", model, samples,
                sc.name(), seed, inits, (System.nanoTime() - t0) / 1e9);
        out.printf(Locale.ROOT, "%-44s %14s %14s %12s%n", "", "WSR [nat/s/Hz]", "WSR [bit/s/Hz]",
                "% of WMMSE" + inits);
        for (int c = 0; c < names.size(); c++) {
            out.printf(Locale.ROOT, "%-44s %14.4f %14.4f %12.2f%n", names.get(c), mean[c], mean[c] / Math.log(2),
                    100 * mean[c] / ref);
        }
        out.printf("written: %s%n", outDir.resolve("evaluation.csv"));
        return 0;
    }

    /** One sample's values in nat/s/Hz, in the table's order. */
    private static double[] row(Problem p, List<UnfoldedPgdPrecoder> pgd, GcnWmmsePrecoder gcn, WmmsePrecoder wmmse,
            int layers, long[] initSeeds) {
        List<Double> v = new ArrayList<>();
        for (UnfoldedPgdPrecoder x : pgd) {
            v.add(x.solve(p, Init.mrc()).wsrNat());
        }
        if (gcn != null) {
            v.add(gcn.solve(p, Init.mrc()).wsrNat());
        }
        Solution mrc = wmmse.solve(p, Init.mrc());
        List<Solution.IterationRecord> t = mrc.trace();
        v.add(t.isEmpty() ? mrc.wsrNat() : t.get(Math.min(layers, t.size()) - 1).wsrNat());
        double best = Double.NEGATIVE_INFINITY;
        for (long s : initSeeds) {
            best = Math.max(best, wmmse.solve(p, Init.random(s)).wsrNat());
        }
        v.add(best);
        double[] a = new double[v.size()];
        for (int j = 0; j < a.length; j++) {
            a[j] = v.get(j);
        }
        return a;
    }
}
