package org.netsim.visualization.charts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The charts of {@code netsim compare}, the papers' figure views (e.g. the GCN-WMMSE paper's Fig. 6/7 and the
 * DeepFP paper's convergence figures), drawn headless with JFreeChart, each PNG with its data beside it as CSV:
 * <ul>
 *   <li>{@code wsr_cdf.png}: the empirical CDF of the per-sample WSR of every precoder, on the same channels;</li>
 *   <li>{@code wsr_vs_iterations.png}: the mean WSR after each iteration (or layer) of every iterative precoder.</li>
 * </ul>
 */
public final class CompareCharts {

    private CompareCharts() {
    }

    /**
     * Writes {@code wsr_cdf.png} and {@code wsr_cdf.csv}.
     *
     * @param labels the precoder labels
     * @param wsr per precoder, the WSR of every sample (in {@code unit})
     * @param unit the rate unit for the axis label, e.g. {@code bit}
     */
    public static void wsrCdf(Path dir, List<String> labels, double[][] wsr, String unit, int w, int h)
            throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        StringBuilder csv = new StringBuilder("precoder,wsr_" + unit + ",cdf\n");
        for (int p = 0; p < labels.size(); p++) {
            double[] sorted = wsr[p].clone();
            Arrays.sort(sorted);
            XYSeries s = new XYSeries(labels.get(p));
            for (int i = 0; i < sorted.length; i++) {
                double cdf = (i + 1) / (double) sorted.length;
                s.add(sorted[i], cdf);
                csv.append(String.format(Locale.ROOT, "%s,%.10g,%.10g%n", ChartFiles.csvField(labels.get(p)),
                        sorted[i], cdf));
            }
            data.addSeries(s);
        }
        JFreeChart chart = ChartFactory.createXYLineChart("CDF of the weighted sum rate per sample",
                "WSR [" + unit + "/s/Hz]", "P(WSR <= x)", data, PlotOrientation.VERTICAL, true, false, false);
        ChartFiles.style(chart);
        ChartFiles.save(dir, "wsr_cdf", chart, csv, w, h);
    }

    /**
     * Writes {@code wsr_vs_iterations.png} and {@code .csv}.
     *
     * @param labels the labels of the iterative precoders
     * @param meanWsrPerIteration per precoder, the mean WSR after iteration 1, 2, ... (in {@code unit})
     */
    public static void wsrVersusIterations(Path dir, List<String> labels, double[][] meanWsrPerIteration, String unit,
            int w, int h) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        StringBuilder csv = new StringBuilder("precoder,iteration,mean_wsr_" + unit + "\n");
        for (int p = 0; p < labels.size(); p++) {
            XYSeries s = new XYSeries(labels.get(p));
            for (int t = 0; t < meanWsrPerIteration[p].length; t++) {
                s.add(t + 1, meanWsrPerIteration[p][t]);
                csv.append(String.format(Locale.ROOT, "%s,%d,%.10g%n", ChartFiles.csvField(labels.get(p)), t + 1,
                        meanWsrPerIteration[p][t]));
            }
            data.addSeries(s);
        }
        JFreeChart chart = ChartFactory.createXYLineChart("Mean weighted sum rate versus iterations (layers)",
                "iteration", "mean WSR [" + unit + "/s/Hz]", data, PlotOrientation.VERTICAL, true, false, false);
        ChartFiles.style(chart);
        ChartFiles.save(dir, "wsr_vs_iterations", chart, csv, w, h);
    }
}
