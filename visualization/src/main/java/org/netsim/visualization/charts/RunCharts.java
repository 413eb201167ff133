package org.netsim.visualization.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.netsim.visualization.trace.TraceReader;

/**
 * The charts of a run directory, drawn headless with JFreeChart from the run's own files ({@code metrics.csv} and
 * {@code trace.bin}) after the run, so nothing is kept in memory while it runs:
 * <ul>
 *   <li>{@code sum_rate.png}: the per-slot sum rate over time (bit/s/Hz) with its moving average over
 *       {@code window} slots;</li>
 *   <li>{@code ue_rate_cdf.png}: the empirical CDF of the UE rates over every (UE, recorded slot) pair;</li>
 *   <li>{@code handovers.png}: handovers per second over time, in bins of {@code window} slots.</li>
 * </ul>
 * Each PNG has its data beside it as CSV ({@code sum_rate.csv}, {@code ue_rate_cdf.csv}, {@code handovers.csv}).
 * Files are written to a temporary name and renamed. The CDF keeps at most {@link #MAX_CDF_SAMPLES} rates (every
 * n-th when there are more), about 16 MB.
 */
public final class RunCharts {

    /** Largest number of UE rates kept for the CDF. */
    public static final int MAX_CDF_SAMPLES = 2_000_000;
    private static final double LN2 = Math.log(2);

    private RunCharts() {
    }

    /**
     * Draws the charts of {@code runDir}.
     *
     * @param widthPx image width in pixels
     * @param heightPx image height in pixels
     */
    public static void write(Path runDir, int widthPx, int heightPx) throws IOException {
        if (widthPx < 100 || heightPx < 100) {
            throw new IllegalArgumentException("chart size: at least 100 x 100 pixels, got " + widthPx + "x"
                    + heightPx);
        }
        Metrics m = Metrics.read(runDir.resolve("metrics.csv"));
        int window = Math.max(1, Math.min(1000, m.slots / 50));
        sumRate(runDir, m, window, widthPx, heightPx);
        handovers(runDir, m, window, widthPx, heightPx);
        Path trace = runDir.resolve("trace.bin");
        if (Files.exists(trace)) {
            ueRateCdf(runDir, trace, widthPx, heightPx);
        }
    }

    /** The columns of metrics.csv that the charts use. */
    record Metrics(int slots, double[] timeS, double[] sumRateBit, int[] handovers) {

        static Metrics read(Path file) throws IOException {
            double[] t = new double[1024];
            double[] r = new double[1024];
            int[] h = new int[1024];
            int n = 0;
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String header = in.readLine();
                if (header == null || !header.startsWith("slot,time_s,")) {
                    throw new IOException(file + ": not a metrics.csv (header " + header + ")");
                }
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    String[] f = line.split(",");
                    if (f.length < 8) {
                        break; // an interrupted last line
                    }
                    if (n == t.length) {
                        t = Arrays.copyOf(t, 2 * n);
                        r = Arrays.copyOf(r, 2 * n);
                        h = Arrays.copyOf(h, 2 * n);
                    }
                    t[n] = Double.parseDouble(f[1]);
                    r[n] = Double.parseDouble(f[3]) / LN2;
                    h[n] = Integer.parseInt(f[7]);
                    n++;
                }
            }
            return new Metrics(n, Arrays.copyOf(t, n), Arrays.copyOf(r, n), Arrays.copyOf(h, n));
        }
    }

    private static void sumRate(Path dir, Metrics m, int window, int w, int h) throws IOException {
        XYSeries raw = new XYSeries("per slot");
        XYSeries avg = new XYSeries("moving average (" + window + " slots)");
        StringBuilder csv = new StringBuilder("time_s,sum_rate_bit,moving_average_bit\n");
        double sum = 0;
        for (int s = 0; s < m.slots; s++) {
            sum += m.sumRateBit[s];
            if (s >= window) {
                sum -= m.sumRateBit[s - window];
            }
            double a = sum / Math.min(s + 1, window);
            raw.add(m.timeS[s], m.sumRateBit[s]);
            avg.add(m.timeS[s], a);
            csv.append(String.format(Locale.ROOT, "%.9g,%.10g,%.10g%n", m.timeS[s], m.sumRateBit[s], a));
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(raw);
        data.addSeries(avg);
        JFreeChart chart = ChartFactory.createXYLineChart("Sum rate over time", "time [s]", "sum rate [bit/s/Hz]",
                data, PlotOrientation.VERTICAL, true, false, false);
        style(chart, new Color(160, 190, 230), new Color(20, 60, 150));
        save(dir, "sum_rate", chart, csv, w, h);
    }

    private static void handovers(Path dir, Metrics m, int window, int w, int h) throws IOException {
        XYSeries series = new XYSeries("handovers per second");
        StringBuilder csv = new StringBuilder("bin_start_s,bin_end_s,handovers,handovers_per_s\n");
        for (int s0 = 0; s0 < m.slots; s0 += window) {
            int s1 = Math.min(m.slots, s0 + window);
            int count = 0;
            for (int s = s0; s < s1; s++) {
                count += m.handovers[s];
            }
            double start = m.timeS[s0];
            double slotS = m.slots > 1 ? m.timeS[1] - m.timeS[0] : 1e-3;
            double end = m.timeS[s1 - 1] + slotS;
            double rate = count / (end - start);
            series.add(0.5 * (start + end), rate);
            csv.append(String.format(Locale.ROOT, "%.9g,%.9g,%d,%.10g%n", start, end, count, rate));
        }
        JFreeChart chart = ChartFactory.createXYLineChart("Handovers over time", "time [s]", "handovers [1/s]",
                new XYSeriesCollection(series), PlotOrientation.VERTICAL, true, false, false);
        style(chart, new Color(180, 40, 40), null);
        save(dir, "handovers", chart, csv, w, h);
    }

    private static void ueRateCdf(Path dir, Path trace, int w, int h) throws IOException {
        double[] rates = new double[1 << 16];
        int n = 0;
        long seen = 0;
        int stride = 1;
        try (TraceReader reader = new TraceReader(trace)) {
            for (TraceReader.Frame f = reader.next(); f != null; f = reader.next()) {
                for (float r : f.rateNat()) {
                    if (seen++ % stride != 0) {
                        continue;
                    }
                    if (n == rates.length) {
                        if (n >= MAX_CDF_SAMPLES) {
                            // keep every second sample and halve the rate of new ones
                            for (int i = 0; i < n / 2; i++) {
                                rates[i] = rates[2 * i];
                            }
                            n /= 2;
                            stride *= 2;
                        } else {
                            rates = Arrays.copyOf(rates, 2 * n);
                        }
                    }
                    rates[n++] = r / LN2;
                }
            }
        }
        double[] sorted = Arrays.copyOf(rates, n);
        Arrays.sort(sorted);
        XYSeries series = new XYSeries("UE rate");
        StringBuilder csv = new StringBuilder("ue_rate_bit,cdf\n");
        int points = Math.min(n, 2000);
        for (int p = 0; p < points; p++) {
            int idx = (int) ((long) p * (n - 1) / Math.max(1, points - 1));
            double cdf = (idx + 1) / (double) n;
            series.add(sorted[idx], cdf);
            csv.append(String.format(Locale.ROOT, "%.10g,%.10g%n", sorted[idx], cdf));
        }
        JFreeChart chart = ChartFactory.createXYLineChart("CDF of the UE rate", "UE rate [bit/s/Hz]",
                "P(rate <= x)", new XYSeriesCollection(series), PlotOrientation.VERTICAL, true, false, false);
        style(chart, new Color(20, 120, 60), null);
        save(dir, "ue_rate_cdf", chart, csv, w, h);
    }

    private static void style(JFreeChart chart, Color first, Color second) {
        chart.setBackgroundPaint(Color.WHITE);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(220, 220, 220));
        plot.setRangeGridlinePaint(new Color(220, 220, 220));
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setSeriesPaint(0, first);
        r.setSeriesStroke(0, new BasicStroke(1.2f));
        if (second != null) {
            r.setSeriesPaint(1, second);
            r.setSeriesStroke(1, new BasicStroke(2.5f));
        }
        plot.setRenderer(r);
    }

    private static void save(Path dir, String name, JFreeChart chart, StringBuilder csv, int w, int h)
            throws IOException {
        ChartFiles.save(dir, name, chart, csv, w, h);
    }
}
