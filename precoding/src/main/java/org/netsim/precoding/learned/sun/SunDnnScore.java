package org.netsim.precoding.learned.sun;

import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.netsim.precoding.Problem;
import org.netsim.precoding.RateEvaluator;

/**
 * The paper's figure of merit (Sun et al., Tables I and II, "DNN/WMMSE"): the average sum rate of the DNN's powers
 * over the average sum rate of WMMSE on the same samples, for the continuous output and for the binarised one
 * (p_k in {0, P_k}, threshold q_k &gt;= 1/2, Section V-C). Rates by {@link RateEvaluator}.
 *
 * @param dnnSumRateNat mean sum rate of the continuous DNN output, nat/s/Hz
 * @param binarizedSumRateNat mean sum rate of the binarised output, nat/s/Hz
 * @param wmmseSumRateNat mean sum rate of WMMSE, nat/s/Hz
 * @param mse mean squared error of q against the WMMSE fractions
 */
public record SunDnnScore(double dnnSumRateNat, double binarizedSumRateNat, double wmmseSumRateNat, double mse) {

    /** @return DNN / WMMSE for the continuous output */
    public double ratio() {
        return dnnSumRateNat / wmmseSumRateNat;
    }

    /** @return DNN / WMMSE for the binarised output */
    public double binarizedRatio() {
        return binarizedSumRateNat / wmmseSumRateNat;
    }

    /** @return the better of the two ratios */
    public double bestRatio() {
        return Math.max(ratio(), binarizedRatio());
    }

    /** @return whether binarising scores higher */
    public boolean binarizeIsBetter() {
        return binarizedRatio() > ratio();
    }

    /** Scores {@code network} on a list of problems labelled in {@code data}. */
    public static SunDnnScore of(SunDnnNetwork network, List<Problem> problems, SunDnnDataset data) {
        return of(network, problems::get, data);
    }

    /**
     * Scores {@code network} on the samples of {@code data}.
     *
     * @param sample s -&gt; the problem of sample s, the one {@code data} was built from
     */
    public static SunDnnScore of(SunDnnNetwork network, IntFunction<Problem> sample, SunDnnDataset data) {
        float[] q = network.predict(data.features(), data.size());
        int k = data.architecture().links();
        double[] dnn = new double[data.size()];
        double[] bin = new double[data.size()];
        IntStream.range(0, data.size()).parallel().forEach(s -> {
            Problem p = sample.apply(s);
            double[] qs = new double[k];
            for (int j = 0; j < k; j++) {
                qs[j] = q[s * k + j];
            }
            dnn[s] = RateEvaluator.wsrNat(p, SunDnnPrecoder.precoders(p, qs, false));
            bin[s] = RateEvaluator.wsrNat(p, SunDnnPrecoder.precoders(p, qs, true));
        });
        double se = 0;
        for (int e = 0; e < q.length; e++) {
            double d = q[e] - data.fractions()[e];
            se += d * d;
        }
        int n = data.size();
        return new SunDnnScore(mean(dnn), mean(bin), data.meanWmmseSumRateNat(), se / ((double) n * k));
    }

    private static double mean(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s / a.length;
    }
}
