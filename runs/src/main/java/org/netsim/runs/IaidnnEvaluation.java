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
import org.netsim.precoding.learned.iaidnn.IaidnnModel;
import org.netsim.precoding.learned.iaidnn.IaidnnPrecoder;
import org.netsim.radio.random.RandomStreams;
import org.netsim.scenarios.snapshot.SnapshotCatalog;
import org.netsim.scenarios.snapshot.SnapshotScenario;

/**
 * {@code netsim evaluate --model DIR|iaidnn-m16-i8} for an IAIDNN model (a directory, or the shipped model's name): the GCN-WMMSE paper's Table XIII row (relative rate of
 * IAIDNN against WMMSE50, with WMMSE from MRC truncated to the same L layers) and Table XIV (average rate of every
 * UE index, which shows the asymmetry of per-UE parameters and the balance of shared ones), on the same channels:
 * <ul>
 *   <li>IAIDNN: the model's L layers from MRC;</li>
 *   <li>WMMSE MRC TR: WMMSE from MRC truncated after L iterations;</li>
 *   <li>WMMSE MRC: 100 iterations from MRC (Table XIV's "WMMSE MRC");</li>
 *   <li>WMMSE50: the best of R random starts (R = 50 in the paper) after 100 iterations, the reference.</li>
 * </ul>
 * Samples as {@code netsim compare --scenario} draws them, random starts as in {@link GcnWmmseEvaluation}. Writes
 * {@code evaluation.csv} (one row per sample: the four WSRs and IAIDNN's per-UE rates) and prints both tables with
 * the paper's values for (M, I) = (16, 8) (and Table XIII's other columns when the model's M, I match them).
 */
final class IaidnnEvaluation {

    private IaidnnEvaluation() {
    }

    /** @return whether {@code model} is the shipped model's name or a directory with an iaidnn card */
    static boolean accepts(String model) {
        if (model.equals(IaidnnModel.SHIPPED_16X8_NAME)) {
            return true;
        }
        Path card = Path.of(model).resolve(IaidnnModel.CARD_FILE);
        try {
            return Files.isRegularFile(card) && Files.readString(card).contains("\"" + IaidnnPrecoder.NAME + "\"");
        } catch (java.io.IOException e) {
            return false;
        }
    }

    static int run(PrintWriter out, PrintWriter err, String model, String scenario, int samples, int inits,
            long seed, int threads, Path outDir, boolean quiet) throws Exception {
        if (scenario == null) {
            throw new IllegalArgumentException("scenario: an iaidnn model is evaluated on --scenario (e.g. iaidnn-16x8)");
        }
        if (samples < 1 || inits < 1) {
            throw new IllegalArgumentException("samples, inits: must be >= 1, got " + samples + ", " + inits);
        }
        IaidnnModel m = model.equals(IaidnnModel.SHIPPED_16X8_NAME)
                ? IaidnnModel.readResource(IaidnnModel.SHIPPED_16X8) : IaidnnModel.read(Path.of(model));
        int layers = m.weights().architecture().layers();
        SnapshotScenario sc = SnapshotCatalog.get(scenario);
        List<Problem> problems = ScenarioSamples.draw(sc, samples, seed);
        m.requireFits(problems.get(0), "model " + model + " on " + sc.name());
        IaidnnPrecoder iaidnn = new IaidnnPrecoder(m);
        WmmsePrecoder wmmse = new WmmsePrecoder(PrecoderOptions.defaults()
                .withMaxIterations(GcnWmmseEvaluation.WMMSE_ITERATIONS).withTrace(true));
        RandomStreams streams = new RandomStreams(seed);
        int numUe = problems.get(0).numUe();
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
                futures.add(pool.submit(() -> row(problems.get(fs), iaidnn, wmmse, layers, initSeeds)));
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
        int cols = 4 + 2 * numUe;
        double[] mean = new double[cols];
        StringBuilder csv = new StringBuilder("sample,iaidnn,wmmse_mrc_tr,wmmse_mrc,wmmse_best");
        for (int i = 0; i < numUe; i++) {
            csv.append(",iaidnn_ue").append(i + 1);
        }
        for (int i = 0; i < numUe; i++) {
            csv.append(",wmmse_mrc_ue").append(i + 1);
        }
        csv.append(" (nat/s/Hz)\n");
        for (int s = 0; s < samples; s++) {
            csv.append(s);
            for (int c = 0; c < cols; c++) {
                mean[c] += rows[s][c] / samples;
                csv.append(',').append(String.format(Locale.ROOT, "%.10g", rows[s][c]));
            }
            csv.append('\n');
        }
        Files.createDirectories(outDir);
        AtomicFiles.writeString(outDir.resolve("evaluation.csv"), csv.toString());
        boolean shared = m.weights().architecture().shared();
        String label = shared ? "IAIDNN SP" : "IAIDNN";
        double ref = mean[3];
        int bsAnt = problems.get(0).bsAntennas(0);
        out.printf(Locale.ROOT, "%s (%s, L = %d) on %d samples of %s (seed %d), %d random starts, %.1f s%n", model,
                label, layers, samples, sc.name(), seed, inits, (System.nanoTime() - t0) / 1e9);
        out.printf(Locale.ROOT, "Table XIII (M, I) = (%d, %d)%n", bsAnt, numUe);
        out.printf(Locale.ROOT, "%-38s %14s %12s %12s%n", "", "WSR [nat/Hz]", "rel. [%]", "paper");
        String[] paper = paperTableXiii(bsAnt, numUe, shared);
        out.printf(Locale.ROOT, "%-38s %14.2f %12.2f %12s%n", "WMMSE" + inits + " (best of " + inits
                + ", 100 it.)", ref, 100.0, paper[0]);
        out.printf(Locale.ROOT, "%-38s %14.2f %12.2f %12s%n", label + " (L = " + layers + ")", mean[0],
                100 * mean[0] / ref, paper[1]);
        out.printf(Locale.ROOT, "%-38s %14.2f %12.2f %12s%n", "WMMSE MRC TR (" + layers + " it.)", mean[1],
                100 * mean[1] / ref, "-");
        out.printf(Locale.ROOT, "%-38s %14.2f %12.2f %12s%n", "WMMSE MRC (100 it.)", mean[2], 100 * mean[2] / ref,
                "-");
        out.printf(Locale.ROOT, "Table XIV: average UE rates [nat/Hz]%n");
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-14s %8s", "user i", "sum"));
        for (int i = 0; i < numUe; i++) {
            head.append(String.format(Locale.ROOT, " %6d", i + 1));
        }
        out.println(head);
        printRates(out, "WMMSE MRC", mean, 4 + numUe, numUe);
        printRates(out, label, mean, 4, numUe);
        if (bsAnt == 16 && numUe == 8) {
            out.println("paper WMMSE MRC  58.25   7.40   7.38   7.15   7.22   7.23   7.29   7.30   7.28");
            out.println(shared ? "paper IAIDNN SP  51.10   6.39   6.41   6.34   6.38   6.47   6.37   6.33   6.41"
                    : "paper IAIDNN     52.98   8.14   8.13   8.12   4.06   4.0    4.15   8.14   8.16");
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < numUe; i++) {
            min = Math.min(min, mean[4 + i]);
            max = Math.max(max, mean[4 + i]);
        }
        out.printf(Locale.ROOT, "%s: max / min of the UE indices' average rates = %.3f%n", label, max / min);
        out.printf("written: %s%n", outDir.resolve("evaluation.csv"));
        return 0;
    }

    private static void printRates(PrintWriter out, String label, double[] mean, int from, int numUe) {
        double sum = 0;
        for (int i = 0; i < numUe; i++) {
            sum += mean[from + i];
        }
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-14s %8.2f", label, sum));
        for (int i = 0; i < numUe; i++) {
            sb.append(String.format(Locale.ROOT, " %6.2f", mean[from + i]));
        }
        out.println(sb);
    }

    /** The paper's WMMSE50 (nat/Hz) and relative IAIDNN rate (%) for (M, I), or "-" */
    private static String[] paperTableXiii(int m, int numUe, boolean shared) {
        if (m == 8 && numUe == 4) {
            return new String[] {"32.22", shared ? "-" : "85.35"};
        }
        if (m == 16 && numUe == 8) {
            return new String[] {"58.53", shared ? "87.29" : "90.52"};
        }
        if (m == 32 && numUe == 16) {
            return new String[] {"112.08", shared ? "-" : "91.93"};
        }
        return new String[] {"-", "-"};
    }

    /** WSRs (IAIDNN, WMMSE MRC TR, WMMSE MRC, best of random) then IAIDNN's and WMMSE MRC's per-UE rates. */
    private static double[] row(Problem p, IaidnnPrecoder iaidnn, WmmsePrecoder wmmse, int layers, long[] initSeeds) {
        int numUe = p.numUe();
        Solution a = iaidnn.solve(p, Init.mrc());
        Solution mrc = wmmse.solve(p, Init.mrc());
        List<Solution.IterationRecord> t = mrc.trace();
        double mrcTr = t.isEmpty() ? mrc.wsrNat() : t.get(Math.min(layers, t.size()) - 1).wsrNat();
        double best = Double.NEGATIVE_INFINITY;
        for (long s : initSeeds) {
            best = Math.max(best, wmmse.solve(p, Init.random(s)).wsrNat());
        }
        double[] row = new double[4 + 2 * numUe];
        row[0] = a.wsrNat();
        row[1] = mrcTr;
        row[2] = mrc.wsrNat();
        row[3] = best;
        double[] ra = a.ueRateNat();
        double[] rm = mrc.ueRateNat();
        for (int i = 0; i < numUe; i++) {
            row[4 + i] = ra[i] * p.weight(i);
            row[4 + numUe + i] = rm[i] * p.weight(i);
        }
        return row;
    }
}
