package org.netsim.radio.csi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.netsim.radio.ModelParams;
import org.netsim.radio.fading.RayleighFading;
import org.netsim.radio.random.RandomStreams;

class CsiModelTest {

    /** Statistical tolerances: 5 standard errors (the seeds are fixed). */
    private static final double Z = 5.0;

    @Test
    void perfectCsiIsTheChannel() {
        LinkCsi csi = CsiModels.create("perfect", ModelParams.empty()).newLink(2, 3, null);
        ZMatrixRMaj h = RayleighFading.INSTANCE.draw(new RandomStreams(91).stream("h"), 2, 3);
        ZMatrixRMaj est = new ZMatrixRMaj(2, 3);
        csi.update(h, 1.0, est);
        assertArrayEquals(h.data, est.data, 0.0);
    }

    /** Delayed CSI returns the channel of tau slots ago exactly, and H(0) before tau slots have passed. */
    @Test
    void delayedCsiReturnsTheChannelOfTauSlotsAgo() {
        int tau = 4;
        LinkCsi csi = CsiModels.create("delayed", ModelParams.of("delaySlots", tau)).newLink(3, 2, null);
        RandomGenerator rng = new RandomStreams(92).stream("h");
        ZMatrixRMaj[] history = new ZMatrixRMaj[50];
        ZMatrixRMaj est = new ZMatrixRMaj(3, 2);
        for (int t = 0; t < 50; t++) {
            history[t] = RayleighFading.INSTANCE.draw(rng, 3, 2);
            csi.update(history[t], 1.0, est);
            assertArrayEquals(history[Math.max(0, t - tau)].data, est.data, 0.0, "slot " + t);
        }
        LinkCsi none = new DelayedCsi(0).newLink(3, 2, null);
        none.update(history[7], 1.0, est);
        assertArrayEquals(history[7].data, est.data, 0.0, "tau = 0 is perfect CSI");
    }

    /**
     * Estimation error: E||H_hat - H||^2 / E||H||^2 is the stated NMSE for both conventions, with channels of
     * per-entry gain g = 1e-9 (a path-loss scale); the power-preserving estimate has the channel's power, the
     * MMSE estimate (1 - NMSE) of it with an error uncorrelated with the estimate. 20000 slots of a 4 x 8 link;
     * the per-slot ratios are i.i.d., 5 SE of their mean.
     */
    @ParameterizedTest
    @CsvSource({"0.1, power-preserving", "0.3, power-preserving", "0.05, mmse", "0.5, mmse", "1.0, power-preserving"})
    void estimationErrorHasTheStatedNmse(double nmse, String errorModel) {
        double g = 1e-9;
        int n = 4;
        int m = 8;
        LinkCsi csi = CsiModels.create("noisy", ModelParams.of("nmse", nmse, "errorModel", errorModel))
                .newLink(n, m, new RandomStreams(93).stream("csi/link/0/0"));
        RandomGenerator rng = new RandomStreams(93).stream("h");
        ZMatrixRMaj h = new ZMatrixRMaj(n, m);
        ZMatrixRMaj est = new ZMatrixRMaj(n, m);
        int slots = 20_000;
        double[] err = new double[slots];
        double[] pow = new double[slots];
        double[] cross = new double[slots];
        for (int t = 0; t < slots; t++) {
            RayleighFading.INSTANCE.drawInto(rng, h);
            for (int e = 0; e < 2 * n * m; e++) {
                h.data[e] *= Math.sqrt(g);
            }
            csi.update(h, g, est);
            double ee = 0;
            double pp = 0;
            double cc = 0;
            for (int e = 0; e < 2 * n * m; e++) {
                double d = est.data[e] - h.data[e];
                ee += d * d;
                pp += est.data[e] * est.data[e];
                cc += -d * est.data[e];
            }
            double norm = n * m * g;
            err[t] = ee / norm;
            pow[t] = pp / norm;
            cross[t] = cc / norm;
        }
        assertEquals(nmse, mean(err), Z * se(err), "NMSE");
        if (errorModel.equals("mmse")) {
            assertEquals(1 - nmse, mean(pow), Z * se(pow), "E||H_hat||^2 / E||H||^2");
            assertEquals(0.0, mean(cross), Z * se(cross), "Re tr((H - H_hat)^H H_hat) = 0: orthogonal error");
        } else {
            assertEquals(1.0, mean(pow), Z * se(pow), "power preserved");
        }
    }

    @Test
    void naiveSquareRootFormWouldMissTheNmse() {
        // documents why e != epsilon: sqrt(1 - e) H + sqrt(e) E has NMSE 2 - 2 sqrt(1 - e)
        NoisyCsi c = new NoisyCsi(0.1, NoisyCsi.ErrorModel.POWER_PRESERVING);
        double a = c.channelScale();
        double b = c.errorScale();
        assertEquals(0.1, (1 - a) * (1 - a) + b * b, 1e-15);
        assertEquals(1.0, a * a + b * b, 1e-15);
        assertEquals(0.1026, 2 - 2 * Math.sqrt(1 - 0.1), 1e-4);
    }

    @Test
    void delayedNoisyCsiAddsErrorToTheOldChannel() {
        LinkCsi csi = CsiModels.create("delayed-noisy", ModelParams.of("delaySlots", 2, "nmse", 0.0))
                .newLink(1, 2, new RandomStreams(94).stream("c"));
        RandomGenerator rng = new RandomStreams(94).stream("h");
        ZMatrixRMaj[] hist = new ZMatrixRMaj[6];
        ZMatrixRMaj est = new ZMatrixRMaj(1, 2);
        for (int t = 0; t < 6; t++) {
            hist[t] = RayleighFading.INSTANCE.draw(rng, 1, 2);
            csi.update(hist[t], 1.0, est);
            assertArrayEquals(hist[Math.max(0, t - 2)].data, est.data, 0.0);
        }
    }

    @Test
    void invalidArgumentsNameTheField() {
        assertStarts("nmse", () -> CsiModels.create("noisy", ModelParams.of("nmse", 1.5)));
        assertStarts("nmse", () -> CsiModels.create("noisy", ModelParams.empty()));
        assertStarts("delaySlots", () -> CsiModels.create("delayed", ModelParams.of("delaySlots", -1)));
        assertStarts("errorModel", () -> CsiModels.create("noisy", ModelParams.of("nmse", 0.1, "errorModel", "x")));
        assertStarts("csi", () -> CsiModels.create("quantized", ModelParams.empty()));
        LinkCsi csi = PerfectCsi.INSTANCE.newLink(2, 2, null);
        ZMatrixRMaj h = new ZMatrixRMaj(2, 2);
        assertStarts("estimate", () -> csi.update(h, 1, new ZMatrixRMaj(2, 1)));
        assertStarts("estimate", () -> csi.update(h, 1, h));
        assertStarts("perEntryGain", () -> csi.update(h, Double.NaN, new ZMatrixRMaj(2, 2)));
    }

    private static void assertStarts(String field, org.junit.jupiter.api.function.Executable e) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().startsWith(field), ex.getMessage());
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    private static double se(double[] x) {
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / (x.length - 1) / x.length);
    }
}
