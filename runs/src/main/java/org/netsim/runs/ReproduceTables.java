package org.netsim.runs;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tables {@code netsim reproduce} knows, in listing order. Adding a table is one entry here plus its resource
 * file of paper values ({@link PaperRow}); a table of precoder-against-baseline rows is a {@link CompareRowsTable}.
 */
final class ReproduceTables {

    private ReproduceTables() {
    }

    private static final Map<String, ReproduceTable> TABLES = new LinkedHashMap<>();

    static {
        add(new CompareRowsTable("sun-table1", "Sun et al., \"Learning to Optimize\", Table I: DNN vs WMMSE sum rate "
                + "and CPU time, Gaussian IC (shipped sun-ic-10)", 1000, "10,000 test samples", "mrc"));
        add(new CompareRowsTable("sun-table2", "Sun et al., \"Learning to Optimize\", Table II: DNN vs WMMSE sum rate "
                + "and CPU time, IMAC (shipped sun-imac-3-12)", 1000, "10,000 test samples", "mrc"));
        add(new CompareRowsTable("deepfp-table1", "DeepFP paper, Table I: single-cell MIMO, DeepFP vs FastFP (no "
                + "single-cell model ships: every row not available)", 10, "10,000 test samples", "random"));
        add(new CommandTable("deepfp-table2", "DeepFP paper, Table II: 7-cell MIMO, DeepFP vs FastFP WSR, CPU time, "
                + "FastFP iterations for the same WSR (shipped deepfp-7cell)", 20, "10,000 test samples",
                ctx -> ReproduceContext.args("evaluate", "--model", "deepfp-7cell", "--samples",
                        Integer.toString(ctx.samples()), "--seed", Long.toString(ctx.seed()), "--quiet"),
                ReproduceTables::deepFp, "FastFP does not reach DeepFP's mean WSR within "
                        + DeepFpEvaluation.MATCH_SEARCH_ITERATIONS + " iterations"));
        add(new CommandTable("gcnwmmse-table4", "GCN-WMMSE paper, Table IV (and Sec. IV-A): WSR relative to WMMSE50 "
                + "of GCN-WMMSE (shipped gcn-wmmse-base, L = 7) and the WMMSE variants", 10,
                "validation sets of 1000 realizations, 50 random starts each",
                ctx -> ReproduceContext.args("evaluate", "--model", GcnWmmseEvaluation.SHIPPED_NAME, "--scenario",
                        "gcnwmmse-base", "--samples", Integer.toString(ctx.samples()), "--inits", "50", "--seed",
                        Long.toString(ctx.seed()), "--quiet"),
                ReproduceTables::gcnWmmse, "not measured"));
        add(new CommandTable("gcnwmmse-table8", "GCN-WMMSE paper, Table VIII: communication rounds and compute time "
                + "of GCN-WMMSE and of WMMSE RI for the same WSR (shipped model, L = 7)", 20,
                "not stated (base scenario)",
                ctx -> ReproduceContext.args("rounds", "--scenario", "gcnwmmse-base", "--init", "random",
                        "--samples", Integer.toString(ctx.samples()), "--seed", Long.toString(ctx.seed()),
                        "--quiet", "--no-charts"),
                ReproduceTables::rounds, "WMMSE does not reach GCN-WMMSE's mean WSR within the searched rounds"));
        add(new CommandTable("gcnwmmse-table12", "GCN-WMMSE paper, Table XII: unfolded PGD WMMSE relative to WMMSE50 "
                + "(shipped unfolded-pgd-iid-cn, Q = 16, on Scenario I = iid-cn)", 10,
                "not stated (validation sets of 1000 realizations in Sec. IV)",
                ctx -> ReproduceContext.args("evaluate", "--model", UnfoldedPgdEvaluation.SHIPPED_NAME, "--scenario",
                        "iid-cn", "--samples", Integer.toString(ctx.samples()), "--inits", "50", "--seed",
                        Long.toString(ctx.seed()), "--quiet"),
                ReproduceTables::unfoldedPgd, "not measured"));
        add(new CommandTable("gcnwmmse-table13", "GCN-WMMSE paper, Tables XIII-XIV: IAIDNN relative to WMMSE50 and "
                + "its average UE rates (shipped iaidnn-m16-i8, L = 7, on iaidnn-16x8)", 20,
                "not stated (validation sets of 1000 realizations in Sec. IV)",
                ctx -> ReproduceContext.args("evaluate", "--model", "iaidnn-m16-i8", "--scenario", "iaidnn-16x8",
                        "--samples", Integer.toString(ctx.samples()), "--inits", "50", "--seed",
                        Long.toString(ctx.seed()), "--quiet"),
                ReproduceTables::iaidnn, "not measured"));
        add(new CommandTable("gcnwmmse-fig5", "GCN-WMMSE paper, Sec. V-A / Fig. 5 (left) at density 1: UWMMSE (shipped "
                + "uwmmse-pairs-20, L = 4) and the scalar WMMSE iterations that reach it", 200,
                "1000 realizations per density",
                ctx -> ReproduceContext.args("evaluate", "--model", UwmmseEvaluation.SHIPPED_NAME, "--scenario",
                        "uwmmse-pairs-20-d1", "--samples", Integer.toString(ctx.samples()), "--seed",
                        Long.toString(ctx.seed()), "--quiet"),
                ReproduceTables::uwmmse, "WMMSE does not reach UWMMSE's mean sum rate within "
                        + UwmmseEvaluation.WMMSE_ITERATIONS + " iterations"));
        add(new CompareRowsTable("mpnn-table4", "Song et al., \"A Learning-only Method for Multi-Cell Multi-User MIMO "
                + "Sum Rate Maximization\", Table IV: sum rate in % of WMMSE (structural-mpnn needs --model DIR)", 50,
                "test split (1/10) of the generated datasets", "zf"));
        add(new CompareRowsTable("mpnn-table5", "Song et al., \"A Learning-only Method for Multi-Cell Multi-User MIMO "
                + "Sum Rate Maximization\", Table V: CPU speed-up over WMMSE (structural-mpnn needs --model DIR)", 50,
                "100 problems solved serially", "zf"));
    }

    private static void add(ReproduceTable t) {
        TABLES.put(t.name(), t);
    }

    /** @return every table, in listing order */
    static List<ReproduceTable> all() {
        return List.copyOf(TABLES.values());
    }

    /** @return the table {@code name} */
    static ReproduceTable get(String name) {
        ReproduceTable t = TABLES.get(name);
        if (t == null) {
            throw new IllegalArgumentException("table: unknown table '" + name + "' (known: "
                    + String.join(", ", TABLES.keySet()) + ")");
        }
        return t;
    }

    /** DeepFP evaluation.csv: algorithm, wsr_bit, wsr_percent, cpu_s_per_problem, time_percent. */
    private static Map<String, Double> deepFp(Path dir) throws Exception {
        List<List<String>> csv = ReproduceContext.readCsv(dir.resolve("evaluation.csv"));
        Map<String, Double> v = new HashMap<>();
        List<String> deep = csv.get(0);
        List<String> fast = csv.get(2);
        List<String> match = csv.get(3);
        v.put("deepfp_wsr", Double.parseDouble(deep.get(1)));
        v.put("deepfp_percent", Double.parseDouble(deep.get(2)));
        v.put("deepfp_seconds", Double.parseDouble(deep.get(3)));
        v.put("deepfp_time_percent", Double.parseDouble(deep.get(4)));
        v.put("fastfp_wsr", Double.parseDouble(fast.get(1)));
        v.put("fastfp_seconds", Double.parseDouble(fast.get(3)));
        int it = Integer.parseInt(match.get(0).substring("fastfp-".length()));
        boolean reached = it <= DeepFpEvaluation.MATCH_SEARCH_ITERATIONS;
        v.put("match_iterations", reached ? it : Double.NaN);
        v.put("match_percent", reached ? Double.parseDouble(match.get(2)) : Double.NaN);
        v.put("match_time_percent", reached ? Double.parseDouble(match.get(4)) : Double.NaN);
        v.put("mean_iterations_to_match", Double.parseDouble(csv.get(4).get(1)));
        return v;
    }

    /** GCN-WMMSE evaluation.csv: sample, gcn, mrc_tr, mrc, ri_tr, ri, best (nat/s/Hz). */
    private static Map<String, Double> gcnWmmse(Path dir) throws Exception {
        double[] mean = columnMeans(ReproduceContext.readCsv(dir.resolve("evaluation.csv")), 6);
        String[] names = {"gcn", "mrc_tr", "mrc", "ri_tr", "ri", "best"};
        Map<String, Double> v = new HashMap<>();
        for (int c = 0; c < 6; c++) {
            v.put(names[c] + "_wsr", mean[c]);
            v.put(names[c] + "_percent", 100 * mean[c] / mean[5]);
        }
        return v;
    }

    /**
     * Unfolded PGD evaluation.csv: sample, unfolded_pgd_qQ (one per model), [gcn_wmmse,] wmmse_mrc_tr, wmmse_best
     * (nat/s/Hz); keys pgd_qQ_percent, gcn_percent, mrc_tr_percent (of the last column) and best_wsr.
     */
    private static Map<String, Double> unfoldedPgd(Path dir) throws Exception {
        List<String> header = ReproduceContext.readHeader(dir.resolve("evaluation.csv"));
        int cols = header.size() - 1;
        double[] mean = columnMeans(ReproduceContext.readCsv(dir.resolve("evaluation.csv")), cols);
        double best = mean[cols - 1];
        Map<String, Double> v = new HashMap<>();
        for (int c = 0; c < cols; c++) {
            String name = header.get(c + 1).replace(" (nat/s/Hz)", "");
            String key = name.startsWith("unfolded_pgd_") ? "pgd_" + name.substring("unfolded_pgd_".length())
                    : name.equals("gcn_wmmse") ? "gcn" : name.equals("wmmse_mrc_tr") ? "mrc_tr" : "best";
            v.put(key + "_percent", 100 * mean[c] / best);
        }
        v.put("best_wsr", best);
        return v;
    }

    /**
     * IAIDNN evaluation.csv: sample, iaidnn, wmmse_mrc_tr, wmmse_mrc, wmmse_best, iaidnn_ue1..I, wmmse_mrc_ue1..I
     * (nat/s/Hz); keys iaidnn/mrc_tr/mrc _percent (of wmmse_best), best_wsr, and the mean UE rates with their sums.
     */
    private static Map<String, Double> iaidnn(Path dir) throws Exception {
        Path file = dir.resolve("evaluation.csv");
        List<String> header = ReproduceContext.readHeader(file);
        int cols = header.size() - 1;
        double[] mean = columnMeans(ReproduceContext.readCsv(file), cols);
        Map<String, Double> v = new HashMap<>();
        double best = mean[3];
        v.put("iaidnn_percent", 100 * mean[0] / best);
        v.put("mrc_tr_percent", 100 * mean[1] / best);
        v.put("mrc_percent", 100 * mean[2] / best);
        v.put("best_wsr", best);
        double iaidnnSum = 0;
        double mrcSum = 0;
        for (int c = 4; c < cols; c++) {
            String name = header.get(c + 1).replace(" (nat/s/Hz)", "");
            v.put(name, mean[c]);
            if (name.startsWith("iaidnn_ue")) {
                iaidnnSum += mean[c];
            } else if (name.startsWith("wmmse_mrc_ue")) {
                mrcSum += mean[c];
            }
        }
        v.put("iaidnn_sum", iaidnnSum);
        v.put("wmmse_mrc_sum", mrcSum);
        return v;
    }

    /** UWMMSE evaluation.csv: scenario, uwmmse_nat, wmmse_mrc_tr_nat, wmmse_mrc_100_nat, iterations (one row). */
    private static Map<String, Double> uwmmse(Path dir) throws Exception {
        List<String> row = ReproduceContext.readCsv(dir.resolve("evaluation.csv")).get(0);
        int match = Integer.parseInt(row.get(4));
        Map<String, Double> v = new HashMap<>();
        v.put("uwmmse_wsr", Double.parseDouble(row.get(1)));
        v.put("mrc_tr_wsr", Double.parseDouble(row.get(2)));
        v.put("mrc_wsr", Double.parseDouble(row.get(3)));
        v.put("match_iterations", match > 0 ? match : Double.NaN);
        return v;
    }

    /** The means over the rows of columns 1..cols (column 0 is the sample index). */
    private static double[] columnMeans(List<List<String>> csv, int cols) {
        double[] mean = new double[cols];
        for (List<String> row : csv) {
            for (int c = 0; c < cols; c++) {
                mean[c] += Double.parseDouble(row.get(c + 1)) / csv.size();
            }
        }
        return mean;
    }

    /** rounds_table.csv: gcn, gcn_rounds, wmmse_rounds, gcn_wsr, wmmse_wsr, gcn_ms, wmmse_ms, ... (first row). */
    private static Map<String, Double> rounds(Path dir) throws Exception {
        List<String> row = ReproduceContext.readCsv(dir.resolve("rounds_table.csv")).get(0);
        int wmmseRounds = Integer.parseInt(row.get(2));
        boolean reached = wmmseRounds > 0;
        Map<String, Double> v = new HashMap<>();
        v.put("gcn_rounds", Double.parseDouble(row.get(1)));
        v.put("wmmse_rounds", reached ? wmmseRounds : Double.NaN);
        v.put("gcn_ms", Double.parseDouble(row.get(5)));
        v.put("wmmse_ms", reached ? Double.parseDouble(row.get(6)) : Double.NaN);
        return v;
    }
}
