package org.netsim.radio.shadowing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.netsim.radio.ModelParams;
import org.netsim.radio.random.RandomStreams;

class GudmundsonShadowingTest {

    /** Statistical tolerances: 5 standard errors (two-sided false alarm about 6e-7 per check; the seeds are fixed). */
    private static final double Z = 5.0;

    private static UeShadowing start(ShadowingProcess p, int ue, int numSites, long seed) {
        RandomStreams streams = new RandomStreams(seed);
        return p.start(numSites, streams.stream("shadowing/ue/" + ue), s -> streams.stream("shadowing/link/" + ue + "/" + s));
    }

    /**
     * The marginal law is N(0, sigma^2) at the start and after moving: 4000 independent UEs, sample mean (SE
     * sigma / sqrt(n)) and standard deviation (SE sigma / sqrt(2 n)).
     */
    @Test
    void marginalStandardDeviationIsSigma() {
        GudmundsonShadowing p = new GudmundsonShadowing(8.0, 50.0, 0.5);
        int n = 4000;
        double[] at0 = new double[n];
        double[] atFar = new double[n];
        for (int ue = 0; ue < n; ue++) {
            UeShadowing s = start(p, ue, 3, 71);
            at0[ue] = s.db(2);
            for (int t = 0; t < 100; t++) {
                s.advance(3.7);
            }
            atFar[ue] = s.db(2);
        }
        for (double[] x : new double[][] {at0, atFar}) {
            double m = mean(x);
            assertEquals(0.0, m, Z * 8 / Math.sqrt(n));
            assertEquals(8.0, Math.sqrt(variance(x, m)), Z * 8 / Math.sqrt(2.0 * n));
        }
    }

    /**
     * Empirical autocorrelation versus travelled distance matches exp(-D / d_corr). Steps alternate 0.4 m and
     * 1.6 m (so the correlation must depend on the distance, not on the number of steps): a lag of 2 k steps is
     * exactly 2 k m. Per-UE time averages over 40 km of trajectory for 60 independent UEs; tolerance 5 standard
     * errors of their mean plus the O(d_corr / L) bias of a time-average autocorrelation (L = 40 km: about 3e-3).
     */
    @Test
    void autocorrelationVersusDistanceIsExponential() {
        double dCorr = 50;
        GudmundsonShadowing p = new GudmundsonShadowing(6.0, dCorr, 0.0);
        int steps = 40_000;
        int[] lagSteps = {2, 10, 26, 50, 100, 150};
        int ues = 60;
        double[][] est = new double[lagSteps.length][ues];
        for (int ue = 0; ue < ues; ue++) {
            UeShadowing s = start(p, ue, 1, 72);
            double[] x = new double[steps];
            for (int t = 0; t < steps; t++) {
                x[t] = s.db(0);
                s.advance(t % 2 == 0 ? 0.4 : 1.6);
            }
            double m = mean(x);
            double v = variance(x, m);
            for (int k = 0; k < lagSteps.length; k++) {
                est[k][ue] = autocovariance(x, m, lagSteps[k]) / v;
            }
        }
        for (int k = 0; k < lagSteps.length; k++) {
            double distance = lagSteps[k]; // 2k steps of 0.4 + 1.6 m
            assertMeanWithin(Math.exp(-distance / dCorr), est[k], 3e-3 + 2 * dCorr / 40_000.0,
                    "correlation at " + distance + " m");
        }
    }

    /** Links of one UE to different sites are correlated with coefficient r (the common component). */
    @Test
    void siteToSiteCorrelationIsR() {
        double r = 0.5;
        GudmundsonShadowing p = new GudmundsonShadowing(8.0, 50.0, r);
        int n = 6000;
        double[] s0 = new double[n];
        double[] s1 = new double[n];
        for (int ue = 0; ue < n; ue++) {
            UeShadowing s = start(p, ue, 2, 73);
            s.advance(20);
            s0[ue] = s.db(0);
            s1[ue] = s.db(1);
        }
        double c = covariance(s0, s1) / Math.sqrt(variance(s0, mean(s0)) * variance(s1, mean(s1)));
        // SE of a sample correlation coefficient of bivariate normals: (1 - r^2) / sqrt(n)
        assertEquals(r, c, Z * (1 - r * r) / Math.sqrt(n));
    }

    @Test
    void frozenAndNoShadowingDoNotEvolve() {
        ShadowingProcess frozen = ShadowingModels.process("lognormal", ModelParams.of("sigmaDb", 8));
        UeShadowing s = start(frozen, 0, 4, 74);
        double before = s.db(3);
        s.advance(1e4);
        assertEquals(before, s.db(3));
        assertTrue(before != 0);
        UeShadowing none = start(ShadowingModels.process("none", ModelParams.empty()), 0, 4, 74);
        none.advance(5);
        assertEquals(0.0, none.db(2));
    }

    /** Each link has its own stream: the number of sites does not change a link's sequence (common random numbers). */
    @Test
    void linksAreIndependentOfTheNumberOfSites() {
        ShadowingProcess p = ShadowingModels.process("gudmundson", ModelParams.of("siteCorrelation", 0.3));
        UeShadowing few = start(p, 5, 2, 75);
        UeShadowing many = start(p, 5, 19, 75);
        for (int t = 0; t < 100; t++) {
            assertEquals(few.db(1), many.db(1));
            few.advance(0.01 * t);
            many.advance(0.01 * t);
        }
        UeShadowing still = start(p, 5, 2, 75);
        double v = still.db(0);
        still.advance(0.0);
        assertEquals(v, still.db(0), "no movement, no change");
    }

    @Test
    void invalidParametersNameTheKey() {
        assertStarts("siteCorrelation", () -> ShadowingModels.process("gudmundson", ModelParams.of("siteCorrelation", 2)));
        assertStarts("decorrelationDistanceM", () -> ShadowingModels.process("gudmundson",
                ModelParams.of("decorrelationDistanceM", 0)));
        assertStarts("sigma", () -> ShadowingModels.process("lognormal", ModelParams.of("sigma", 3)));
        assertStarts("shadowing", () -> ShadowingModels.process("rician", ModelParams.empty()));
        assertStarts("movedDistanceM", () -> start(new GudmundsonShadowing(8, 50, 0), 0, 1, 1).advance(-1));
    }

    private static void assertStarts(String field, org.junit.jupiter.api.function.Executable e) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().startsWith(field), ex.getMessage());
    }

    static void assertMeanWithin(double expected, double[] x, double bias, String what) {
        double m = mean(x);
        double se = Math.sqrt(variance(x, m) * x.length / (x.length - 1) / x.length);
        assertEquals(expected, m, Z * se + bias, what + " (SE " + se + ")");
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    static double variance(double[] x, double m) {
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return s / x.length;
    }

    static double autocovariance(double[] x, double m, int lag) {
        double s = 0;
        for (int t = 0; t + lag < x.length; t++) {
            s += (x[t] - m) * (x[t + lag] - m);
        }
        return s / (x.length - lag);
    }

    static double covariance(double[] a, double[] b) {
        double ma = mean(a);
        double mb = mean(b);
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - ma) * (b[i] - mb);
        }
        return s / a.length;
    }
}
