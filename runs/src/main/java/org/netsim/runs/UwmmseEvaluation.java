package org.netsim.runs;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.netsim.precoding.Init;
import org.netsim.precoding.PrecoderOptions;
import org.netsim.precoding.Problem;
import org.netsim.precoding.Solution;
import org.netsim.precoding.classic.ScalarWmmsePrecoder;
import org.netsim.precoding.learned.uwmmse.UwmmseModel;
import org.netsim.precoding.learned.uwmmse.UwmmsePrecoder;
import org.netsim.scenarios.snapshot.SnapshotCatalog;
import org.netsim.scenarios.snapshot.UwmmsePairsScenario;

/**
 * {@code netsim evaluate --model DIR|uwmmse-pairs-20 --scenario uwmmse-pairs-K[-dD]} for a UWMMSE model: the rows of Fig. 5 of
 * "Coordinated Sum-Rate Maximization in Multicell MU-MIMO with Deep Unrolling" on the same channels, mean sum rate
 * in nat/s/Hz of
 * <ul>
 *   <li>UWMMSE (the model's L layers from full power);</li>
 *   <li>WMMSE MRC TR: scalar WMMSE ({@code wmmse-scalar}) from full power (the MRC start of a SISO link) truncated
 *       after L iterations;</li>
 *   <li>WMMSE MRC (100 it.): the same run to 100 iterations (the converged reference);</li>
 *   <li>the number of WMMSE MRC iterations whose mean sum rate first reaches UWMMSE's (the paper's "11 or 17
 *       iterations").</li>
 * </ul>
 * For {@code uwmmse-pairs-K} (drawn density) one row per density d in {0.5, 1, 2, 5} (Fig. 5 left); for
 * {@code uwmmse-pairs-K-dD} one row. Samples as {@code netsim compare --scenario} draws them. Writes
 * {@code evaluation.csv}.
 */
final class UwmmseEvaluation {

    static final int WMMSE_ITERATIONS = 100;
    /** The shipped model's name on the command line. */
    static final String SHIPPED_NAME = "uwmmse-pairs-20";
    static final double[] DENSITIES = {0.5, 1, 2, 5};

    private UwmmseEvaluation() {
    }

    /** @return whether {@code model} is a directory with a uwmmse card */
    static boolean accepts(String model) {
        if (model.equals(SHIPPED_NAME)) {
            return true;
        }
        Path card = Path.of(model).resolve(UwmmseModel.CARD_FILE);
        try {
            return Files.isRegularFile(card)
                    && Files.readString(card).contains("\"modelKind\" : \"" + UwmmsePrecoder.NAME + "\"");
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }

    static int run(PrintWriter out, String model, String scenario, int samples, long seed, Path outDir)
            throws Exception {
        if (scenario == null) {
            throw new IllegalArgumentException("scenario: a uwmmse model is evaluated on --scenario (e.g. "
                    + "uwmmse-pairs-20)");
        }
        if (samples < 1) {
            throw new IllegalArgumentException("samples: must be >= 1, got " + samples);
        }
        UwmmseModel m = model.equals(SHIPPED_NAME) ? UwmmseModel.readResource(UwmmseModel.SHIPPED)
                : UwmmseModel.read(Path.of(model));
        int layers = m.weights().layers();
        UwmmsePrecoder uw = new UwmmsePrecoder(m.weights());
        ScalarWmmsePrecoder wmmse = new ScalarWmmsePrecoder(PrecoderOptions.defaults()
                .withMaxIterations(WMMSE_ITERATIONS).withTolerance(0).withTrace(true));
        var base = SnapshotCatalog.get(scenario);
        List<String> rows = new ArrayList<>();
        if (base instanceof UwmmsePairsScenario p && Double.isNaN(p.density())) {
            for (double d : DENSITIES) {
                rows.add(new UwmmsePairsScenario(p.numPairs(), d).name());
            }
        } else {
            rows.add(base.name());
        }
        StringBuilder csv = new StringBuilder("scenario,uwmmse_nat,wmmse_mrc_tr_nat,wmmse_mrc_100_nat,"
                + "wmmse_iterations_to_match\n");
        out.printf(Locale.ROOT, "%s (L = %d) on %d samples per row (seed %d), sum rate in nat/s/Hz%n", model, layers,
                samples, seed);
        out.printf(Locale.ROOT, "%-24s %10s %16s %18s %14s%n", "scenario", "UWMMSE", "WMMSE MRC TR (" + layers + ")",
                "WMMSE MRC (100 it.)", "WMMSE it. = UW");
        for (String name : rows) {
            List<Problem> problems = ScenarioSamples.draw(SnapshotCatalog.get(name), samples, seed);
            double u = 0;
            double[] trace = new double[WMMSE_ITERATIONS];
            for (Problem p : problems) {
                u += uw.solve(p, Init.mrc()).wsrNat() / samples;
                Solution s = wmmse.solve(p, Init.mrc());
                for (int t = 0; t < WMMSE_ITERATIONS; t++) {
                    trace[t] += s.trace().get(Math.min(t, s.trace().size() - 1)).wsrNat() / samples;
                }
            }
            int match = -1;
            for (int t = 0; t < WMMSE_ITERATIONS; t++) {
                if (trace[t] >= u) {
                    match = t + 1;
                    break;
                }
            }
            String matchText = match < 0 ? "> " + WMMSE_ITERATIONS : Integer.toString(match);
            out.printf(Locale.ROOT, "%-24s %10.3f %16.3f %18.3f %14s%n", name, u, trace[Math.min(layers, WMMSE_ITERATIONS) - 1],
                    trace[WMMSE_ITERATIONS - 1], matchText);
            csv.append(String.format(Locale.ROOT, "%s,%.8g,%.8g,%.8g,%d%n", name, u, trace[Math.min(layers, WMMSE_ITERATIONS) - 1],
                    trace[WMMSE_ITERATIONS - 1], match));
        }
        Files.createDirectories(outDir);
        AtomicFiles.writeString(outDir.resolve("evaluation.csv"), csv.toString());
        out.printf("written: %s%n", outDir.resolve("evaluation.csv"));
        return 0;
    }
}
