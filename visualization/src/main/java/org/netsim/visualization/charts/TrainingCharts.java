package org.netsim.visualization.charts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Charts of a training run, drawn headless with JFreeChart and written with their CSV data beside them (each file to
 * a temporary name, then renamed).
 */
public final class TrainingCharts {

    private TrainingCharts() {
    }

    /**
     * {@code validation_curve.png} and {@code validation_curve.csv}: the training and validation losses per epoch
     * (epoch 0 is the initial network, which has no training loss), on a logarithmic loss axis.
     *
     * @param trainingLoss loss of epoch e at index e - 1, length E
     * @param validationLoss validation loss after epoch e at index e, index 0 the initial network; length E + 1
     * @param lossLabel the loss and its unit, e.g. "MSE of p_k / P_k (dimensionless)"
     */
    public static void validationCurve(Path dir, double[] trainingLoss, double[] validationLoss, String lossLabel,
            int w, int h) throws IOException {
        if (validationLoss.length != trainingLoss.length + 1) {
            throw new IllegalArgumentException("validationLoss: expected " + (trainingLoss.length + 1)
                    + " values (the initial network and one per epoch), got " + validationLoss.length);
        }
        XYSeries tr = new XYSeries("training");
        XYSeries va = new XYSeries("validation");
        StringBuilder csv = new StringBuilder("epoch,training_loss,validation_loss\n");
        for (int e = 0; e < validationLoss.length; e++) {
            va.add(e, validationLoss[e]);
            if (e > 0) {
                tr.add(e, trainingLoss[e - 1]);
            }
            csv.append(String.format(Locale.ROOT, "%d,%s,%.10g%n", e,
                    e > 0 ? String.format(Locale.ROOT, "%.10g", trainingLoss[e - 1]) : "", validationLoss[e]));
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(tr);
        data.addSeries(va);
        JFreeChart chart = ChartFactory.createXYLineChart("Training and validation loss", "epoch", lossLabel, data,
                PlotOrientation.VERTICAL, true, false, false);
        ChartFiles.style(chart);
        boolean positive = true;
        for (double v : validationLoss) {
            positive &= v > 0;
        }
        for (double v : trainingLoss) {
            positive &= v > 0;
        }
        if (positive) {
            LogAxis axis = new LogAxis(lossLabel);
            axis.setSmallestValue(1e-12);
            chart.getXYPlot().setRangeAxis(axis);
        }
        ChartFiles.save(dir, "validation_curve", chart, csv, w, h);
    }
}
