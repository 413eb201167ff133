package org.netsim.visualization.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;

/** Shared look and atomic output of the project's charts (a PNG and its CSV data, each temporary file + rename). */
final class ChartFiles {

    private static final Color[] PALETTE = {new Color(31, 119, 180), new Color(214, 39, 40), new Color(44, 160, 44),
        new Color(255, 127, 14), new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194),
        new Color(127, 127, 127), new Color(188, 189, 34), new Color(23, 190, 207)};

    private ChartFiles() {
    }

    /** White background, light grid, lines without markers in a ten-colour palette. */
    static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(220, 220, 220));
        plot.setRangeGridlinePaint(new Color(220, 220, 220));
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        for (int s = 0; s < plot.getDataset().getSeriesCount(); s++) {
            r.setSeriesPaint(s, PALETTE[s % PALETTE.length]);
            r.setSeriesStroke(s, new BasicStroke(2f));
        }
        plot.setRenderer(r);
    }

    /** @return {@code s} quoted for CSV when it contains a comma or quote */
    static String csvField(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /** Writes NAME.png and NAME.csv into {@code dir}, each to a temporary name first. */
    static void save(Path dir, String name, JFreeChart chart, CharSequence csv, int w, int h) throws IOException {
        Files.createDirectories(dir);
        Path png = dir.resolve(name + ".png");
        Path tmpPng = dir.resolve("." + name + ".png." + UUID.randomUUID() + ".tmp");
        try {
            ChartUtils.saveChartAsPNG(tmpPng.toFile(), chart, w, h);
            move(tmpPng, png);
        } finally {
            Files.deleteIfExists(tmpPng);
        }
        Path data = dir.resolve(name + ".csv");
        Path tmpCsv = dir.resolve("." + name + ".csv." + UUID.randomUUID() + ".tmp");
        try {
            try (Writer out = Files.newBufferedWriter(tmpCsv, StandardCharsets.UTF_8, StandardOpenOption.WRITE,
                    StandardOpenOption.CREATE_NEW)) {
                out.append(csv);
            }
            move(tmpCsv, data);
        } finally {
            Files.deleteIfExists(tmpCsv);
        }
    }

    private static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
