package org.netsim.visualization.charts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The communication-rounds view of the distributed mode (the GCN-WMMSE paper's Table VIII as a curve): the mean
 * WSR after each communication round (one round = one WMMSE iteration = one GCN-WMMSE layer), i.e. the WSR as a
 * function of the round budget, drawn headless with JFreeChart as {@code wsr_vs_rounds.png} with its data beside
 * it as {@code wsr_vs_rounds.csv}. Used by {@code netsim rounds} (several algorithms on the same samples) and by
 * {@code netsim run --mode distributed} (the mean over the slots of the run).
 */
public final class RoundsCharts {

    private RoundsCharts() {
    }

    /**
     * Writes {@code wsr_vs_rounds.png} and {@code wsr_vs_rounds.csv} (columns {@code algorithm,rounds,mean_wsr_UNIT}).
     *
     * @param labels the algorithm labels
     * @param meanWsrAfterRounds per algorithm, the mean WSR after 0, 1, 2, ... rounds (entry 0 the start), in
     *     {@code unit}
     * @param unit the rate unit for the axis label, e.g. {@code bit}
     * @param title the chart title
     */
    public static void wsrVersusRounds(Path dir, List<String> labels, double[][] meanWsrAfterRounds, String unit,
            String title, int w, int h) throws IOException {
        if (labels.size() != meanWsrAfterRounds.length) {
            throw new IllegalArgumentException("labels: one per curve expected");
        }
        XYSeriesCollection data = new XYSeriesCollection();
        StringBuilder csv = new StringBuilder("algorithm,rounds,mean_wsr_" + unit + "\n");
        for (int p = 0; p < labels.size(); p++) {
            XYSeries s = new XYSeries(labels.get(p));
            for (int r = 0; r < meanWsrAfterRounds[p].length; r++) {
                s.add(r, meanWsrAfterRounds[p][r]);
                csv.append(String.format(Locale.ROOT, "%s,%d,%.10g%n", ChartFiles.csvField(labels.get(p)), r,
                        meanWsrAfterRounds[p][r]));
            }
            data.addSeries(s);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, "communication rounds (round budget)",
                "mean WSR [" + unit + "/s/Hz]", data, PlotOrientation.VERTICAL, true, false, false);
        ChartFiles.style(chart);
        ChartFiles.save(dir, "wsr_vs_rounds", chart, csv, w, h);
    }
}
