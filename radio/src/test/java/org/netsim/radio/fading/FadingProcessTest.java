package org.netsim.radio.fading;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.apache.commons.math3.special.BesselJ;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.netsim.radio.ModelParams;
import org.netsim.radio.random.RandomStreams;

class FadingProcessTest {

    /** Statistical tolerances: 5 standard errors (two-sided false alarm about 6e-7 per check; the seeds are fixed). */
    private static final double Z = 5.0;

    private static final double CARRIER_HZ = 2e9;
    private static final double SLOT_S = 1e-3;
    /** 30 km/h at 2 GHz: f_D = 55.6 Hz, 2 pi f_D T = 0.349 rad per slot, lag 20 = 6.99 rad (past J0's 2nd zero). */
    private static final double SPEED_MPS = 30 / 3.6;
    private static final int MAX_LAG = 20;

    private static double j0Argument(int lag) {
        return 2 * Math.PI * Doppler.maxDopplerHz(SPEED_MPS, CARRIER_HZ) * SLOT_S * lag;
    }

    /**
     * Per-series time-average autocorrelations Re E[w_t w*_{t+k}], k = 0..MAX_LAG, of every entry of
     * {@code links} independent links (each entry is an independent series), for a UE at constant speed.
     * Returns [k][series].
     */
    private static double[][] autocorrelations(FadingProcess p, int links, int n, int m, int slots, long seed) {
        RandomStreams streams = new RandomStreams(seed);
        int series = links * n * m;
        double[][] r = new double[MAX_LAG + 1][series];
        ZMatrixRMaj h = new ZMatrixRMaj(n, m);
        double[][] re = new double[n * m][slots];
        double[][] im = new double[n * m][slots];
        for (int l = 0; l < links; l++) {
            LinkFading link = p.newLink(n, m, streams.stream("fading/link/" + l));
            for (int t = 0; t < slots; t++) {
                link.next(SLOT_S, SPEED_MPS, h);
                for (int e = 0; e < n * m; e++) {
                    re[e][t] = h.data[2 * e];
                    im[e][t] = h.data[2 * e + 1];
                }
            }
            for (int e = 0; e < n * m; e++) {
                for (int k = 0; k <= MAX_LAG; k++) {
                    double s = 0;
                    for (int t = 0; t + k < slots; t++) {
                        s += re[e][t] * re[e][t + k] + im[e][t] * im[e][t + k];
                    }
                    r[k][l * n * m + e] = s / (slots - k);
                }
            }
        }
        return r;
    }

    /**
     * Sum of sinusoids at constant speed: the ensemble autocorrelation at lags 1..20 slots is Clarke's
     * J0(2 pi f_D tau) (exact over the ensemble of random arrival angles and phases for any Q, so the estimate over
     * 800 independent series is unbiased); 5 SE of the mean of the per-series estimates. The same estimates are far
     * from the AR(1)'s rho^k at lag 5, so the test distinguishes the two models.
     */
    @Test
    void sumOfSinusoidsAutocorrelationIsJ0() {
        FadingProcess p = FadingModels.process("sum-of-sinusoids", ModelParams.of("carrierHz", CARRIER_HZ));
        double[][] r = autocorrelations(p, 200, 2, 2, 2000, 81);
        for (int k = 0; k <= MAX_LAG; k++) {
            double expected = BesselJ.value(0, j0Argument(k));
            double se = standardError(r[k]);
            assertTrue(se < 0.02, "enough data for a meaningful test: SE " + se);
            assertEquals(expected, mean(r[k]), Z * se, "lag " + k + " (SE " + se + ")");
        }
        double rho5 = Math.pow(BesselJ.value(0, j0Argument(1)), 5);
        assertTrue(Math.abs(mean(r[5]) - rho5) > 10 * standardError(r[5]), "differs from an exponential decay");
    }

    /**
     * AR(1) at constant speed: the autocorrelation at lag k is rho^k with rho = J0(2 pi f_D T_slot), by
     * construction; at lag 1 that is Clarke's value. 400 series of 4000 slots; 5 SE of the mean.
     */
    @Test
    void ar1AutocorrelationIsRhoToTheLag() {
        Ar1Fading p = (Ar1Fading) FadingModels.process("ar1", ModelParams.of("carrierHz", CARRIER_HZ));
        double rho = p.coefficient(SPEED_MPS, SLOT_S);
        assertEquals(BesselJ.value(0, j0Argument(1)), rho, 1e-14, "lag-1 coefficient is Clarke's J0");
        double[][] r = autocorrelations(p, 100, 2, 2, 4000, 82);
        for (int k = 0; k <= MAX_LAG; k++) {
            double se = standardError(r[k]);
            assertTrue(se < 0.02, "SE " + se);
            assertEquals(Math.pow(rho, k), mean(r[k]), Z * se, "lag " + k + " (SE " + se + ")");
        }
        assertTrue(Math.abs(mean(r[10]) - BesselJ.value(0, j0Argument(10))) > 10 * standardError(r[10]),
                "AR(1) does not follow J0 beyond lag 1");
    }

    /** Marginal law of every process: E|w|^2 = 1, Re and Im each 1/2, E[Re Im] = 0 (pooled over links and slots). */
    @Test
    void entriesHaveUnitPowerAndCircularSymmetry() {
        for (FadingProcess p : List.of(FadingModels.process("iid", ModelParams.empty()),
                FadingModels.process("ar1", ModelParams.empty()),
                FadingModels.process("sum-of-sinusoids", ModelParams.of("numSinusoids", 4)))) {
            RandomStreams streams = new RandomStreams(83);
            ZMatrixRMaj h = new ZMatrixRMaj(3, 2);
            int links = 600;
            double[] power = new double[links];
            double[] re2 = new double[links];
            double[] reim = new double[links];
            for (int l = 0; l < links; l++) {
                LinkFading link = p.newLink(3, 2, streams.stream("fading/link/" + l));
                // one value per link, taken after 1 s (decorrelated from the start): independent across links
                for (int t = 0; t < 100; t++) {
                    link.advance(0.01, SPEED_MPS);
                }
                link.writeInto(h);
                for (int e = 0; e < 6; e++) {
                    double a = h.data[2 * e];
                    double b = h.data[2 * e + 1];
                    power[l] += (a * a + b * b) / 6;
                    re2[l] += a * a / 6;
                    reim[l] += a * b / 6;
                }
            }
            assertEquals(1.0, mean(power), Z * standardError(power), p.name());
            assertEquals(0.5, mean(re2), Z * standardError(re2), p.name());
            assertEquals(0.0, mean(reim), Z * standardError(reim), p.name());
        }
    }

    /**
     * The sum of sinusoids is evaluated at continuous Doppler phase: any sequence of steps and speeds with the same
     * total travelled distance gives the same channel as one step (up to rounding in the oscillator rotations).
     * First large speed and step changes (rotations recomputed), then a slow speed drift of 1 mm/s per slot (a
     * per-slot phase change of 4e-5 rad: the Taylor-corrected rotations, across several renormalisations).
     */
    @Test
    void sumOfSinusoidsHandlesSpeedChangesContinuously() {
        FadingProcess p = FadingModels.process("sum-of-sinusoids", ModelParams.empty());
        LinkFading varying = p.newLink(2, 3, new RandomStreams(84).stream("fading/link/0"));
        LinkFading once = p.newLink(2, 3, new RandomStreams(84).stream("fading/link/0"));
        double distance = 0;
        for (int t = 0; t < 5000; t++) {
            double v = 5 + 20 * Math.abs(Math.sin(0.01 * t));
            double dt = t % 3 == 0 ? 5e-4 : 1e-3;
            varying.advance(dt, v);
            distance += v * dt;
        }
        for (int t = 0; t < 5000; t++) {
            double v = 10 + 1e-3 * t;
            varying.advance(1e-3, v);
            distance += v * 1e-3;
        }
        once.advance(1.0, distance);
        ZMatrixRMaj a = new ZMatrixRMaj(2, 3);
        ZMatrixRMaj b = new ZMatrixRMaj(2, 3);
        varying.writeInto(a);
        once.writeInto(b);
        // 10000 rotations in double precision: error ~ 1e4 x 1e-16 per oscillator; 1e-9 is ample
        assertArrayEquals(b.data, a.data, 1e-9);
        assertEquals(2 * Math.PI * distance * 2e9 / Doppler.SPEED_OF_LIGHT_MPS,
                ((SumOfSinusoidsFading.Link) varying).dopplerPhaseRad(), 1e-6);
    }

    /**
     * Kronecker exponential correlation: E[h_ij h*_i'j'] = r_ue^|i-i'| r_bs^|j-j'| over i.i.d. draws (20000 draws;
     * 5 SE per pair from the empirical spread of the products).
     */
    @Test
    void spatialCorrelationIsKroneckerExponential() {
        double rUe = 0.4;
        double rBs = 0.8;
        FadingProcess p = FadingModels.process("iid", ModelParams.of("ueCorrelation", rUe, "bsCorrelation", rBs));
        int n = 2;
        int m = 4;
        LinkFading link = p.newLink(n, m, new RandomStreams(85).stream("fading/link/0"));
        ZMatrixRMaj h = new ZMatrixRMaj(n, m);
        int draws = 20_000;
        int e = n * m;
        double[][][] prod = new double[e][e][draws];
        for (int t = 0; t < draws; t++) {
            link.next(SLOT_S, 0, h);
            for (int a = 0; a < e; a++) {
                for (int b = 0; b < e; b++) {
                    prod[a][b][t] = h.data[2 * a] * h.data[2 * b] + h.data[2 * a + 1] * h.data[2 * b + 1];
                }
            }
        }
        for (int a = 0; a < e; a++) {
            for (int b = 0; b < e; b++) {
                double expected = Math.pow(rUe, Math.abs(a / m - b / m)) * Math.pow(rBs, Math.abs(a % m - b % m));
                assertEquals(expected, mean(prod[a][b]), Z * standardError(prod[a][b]), "entries " + a + ", " + b);
            }
        }
    }

    /** Spatial correlation is applied after the temporal process: the AR(1) lag-1 correlation is still rho. */
    @Test
    void spatialCorrelationKeepsTheTemporalCorrelation() {
        Ar1Fading p = (Ar1Fading) FadingModels.process("ar1", ModelParams.of("bsCorrelation", 0.9));
        double[][] r = autocorrelations(p, 100, 1, 4, 2000, 86);
        assertEquals(p.coefficient(SPEED_MPS, SLOT_S), mean(r[1]), Z * standardError(r[1]));
        assertEquals(1.0, mean(r[0]), Z * standardError(r[0]));
    }

    @Test
    void iidBlockFadingIsIndependentAcrossSlots() {
        double[][] r = autocorrelations(FadingModels.process("iid", ModelParams.empty()), 100, 2, 2, 500, 87);
        assertEquals(0.0, mean(r[1]), Z * standardError(r[1]));
        assertEquals(1.0, mean(r[0]), Z * standardError(r[0]));
    }

    @Test
    void staticUesKeepTheirChannel() {
        for (String name : List.of("ar1", "sum-of-sinusoids")) {
            LinkFading link = FadingModels.process(name, ModelParams.empty()).newLink(2, 2,
                    new RandomStreams(88).stream("x"));
            ZMatrixRMaj a = new ZMatrixRMaj(2, 2);
            ZMatrixRMaj b = new ZMatrixRMaj(2, 2);
            link.writeInto(a);
            link.next(SLOT_S, 0.0, b);
            assertArrayEquals(a.data, b.data, 0.0, name);
        }
    }

    /** The series J0 matches Commons Math's Bessel function, and 1 - J0 is accurate for tiny arguments. */
    @Test
    void besselSeriesMatchesCommonsMath() {
        for (double x = 0; x <= 10; x += 0.01) {
            assertEquals(BesselJ.value(0, x), BesselJ0.value(x), 1e-13, "x = " + x);
        }
        double tiny = 1e-4;
        assertEquals(tiny * tiny / 4 - Math.pow(tiny, 4) / 64, BesselJ0.oneMinus(tiny), 1e-24);
    }

    /**
     * The per-slot update allocates nothing (the link constants are precomputed): a 16 x 4 link over 2000 slots,
     * at constant and at varying speed, allocates less than 2 kB in total on this thread (the measurement itself
     * may allocate a few bytes), i.e. under one byte per slot.
     */
    @Test
    void perSlotUpdateAllocatesNothing() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "allocation counter available");
        com.sun.management.ThreadMXBean counter = (com.sun.management.ThreadMXBean) bean;
        Assumptions.assumeTrue(counter.isThreadAllocatedMemorySupported());
        for (FadingProcess p : List.of(FadingModels.process("iid", ModelParams.of("bsCorrelation", 0.5)),
                FadingModels.process("ar1", ModelParams.of("bsCorrelation", 0.5, "ueCorrelation", 0.3)),
                FadingModels.process("sum-of-sinusoids", ModelParams.of("bsCorrelation", 0.5)))) {
            LinkFading link = p.newLink(4, 16, new RandomStreams(89).stream("fading/link/0"));
            ZMatrixRMaj h = new ZMatrixRMaj(4, 16);
            for (int t = 0; t < 2000; t++) {
                link.next(SLOT_S, 3 + (t % 7), h);
            }
            long tid = Thread.currentThread().getId();
            long before = counter.getThreadAllocatedBytes(tid);
            for (int t = 0; t < 1000; t++) {
                link.next(SLOT_S, 10.0, h);
            }
            for (int t = 0; t < 1000; t++) {
                link.next(SLOT_S, 3 + (t % 7), h);
            }
            long allocated = counter.getThreadAllocatedBytes(tid) - before;
            assertTrue(allocated < 2048, p.name() + " allocated " + allocated + " bytes in 2000 slots");
        }
    }

    @Test
    void invalidArgumentsNameTheField() {
        assertStarts("carrierHz", () -> FadingModels.process("ar1", ModelParams.of("carrierHz", -1)));
        assertStarts("numSinusoids", () -> FadingModels.process("sum-of-sinusoids", ModelParams.of("numSinusoids", 0)));
        assertStarts("bsCorrelation", () -> FadingModels.process("iid", ModelParams.of("bsCorrelation", 1.0)));
        assertStarts("carrier", () -> FadingModels.process("iid", ModelParams.of("carrier", 1.0)));
        assertStarts("fading", () -> FadingModels.process("jakes", ModelParams.empty()));
        LinkFading link = FadingModels.process("ar1", ModelParams.empty()).newLink(2, 2, new RandomStreams(1).stream("x"));
        assertStarts("out", () -> link.writeInto(new ZMatrixRMaj(2, 3)));
        assertStarts("speedMps", () -> link.advance(1e-3, -1));
        assertStarts("numTx", () -> FadingModels.process("ar1", ModelParams.empty()).newLink(1, 0,
                new RandomStreams(1).stream("x")));
    }

    private static void assertStarts(String field, org.junit.jupiter.api.function.Executable e) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().startsWith(field), ex.getMessage());
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    /** Standard error of the mean of independent samples x. */
    static double standardError(double[] x) {
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / (x.length - 1) / x.length);
    }
}
