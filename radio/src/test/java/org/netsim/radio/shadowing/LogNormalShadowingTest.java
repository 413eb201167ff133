package org.netsim.radio.shadowing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;
import org.netsim.radio.random.RandomStreams;

class LogNormalShadowingTest {

    /** KS test threshold: a correct generator fails it with probability 1e-3 per seed (the seed is fixed). */
    private static final double KS_MIN_P_VALUE = 1e-3;

    @Test
    void momentsMatchSigma() {
        RandomGenerator rng = new RandomStreams(11).stream("test/shadowing");
        double sigma = 8.0;
        int n = 50_000;
        double sum = 0;
        double sumSq = 0;
        LogNormalShadowing s = new LogNormalShadowing(sigma);
        for (int t = 0; t < n; t++) {
            double x = s.drawDb(rng);
            sum += x;
            sumSq += x * x;
        }
        double mean = sum / n;
        double std = Math.sqrt(sumSq / n - mean * mean);
        // standard errors: sigma / sqrt(n) for the mean, sigma / sqrt(2 n) for the standard deviation; 5 SE each
        assertEquals(0.0, mean, 5 * sigma / Math.sqrt(n));
        assertEquals(sigma, std, 5 * sigma / Math.sqrt(2.0 * n));
    }

    @Test
    void distributionIsNormalByKolmogorovSmirnov() {
        RandomGenerator rng = new RandomStreams(12).stream("test/shadowing-ks");
        double[] x = new double[20_000];
        LogNormalShadowing s = new LogNormalShadowing(6.0);
        for (int t = 0; t < x.length; t++) {
            x[t] = s.drawDb(rng);
        }
        double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new NormalDistribution(null, 0.0, 6.0), x);
        assertTrue(p > KS_MIN_P_VALUE, "KS p-value " + p);
    }

    @Test
    void zeroSigmaIsNoShadowing() {
        RandomGenerator rng = new RandomStreams(1).stream("x");
        assertEquals(0.0, LogNormalShadowing.NONE.drawDb(rng));
        assertEquals(1.0, LogNormalShadowing.NONE.drawGain(rng));
    }

    @Test
    void negativeSigmaIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LogNormalShadowing(-1));
        assertTrue(e.getMessage().startsWith("sigmaDb"));
    }
}
