package org.netsim.precoding.gcn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The weight container: the paper's parameter count, layout, validation, immutability and initialisation. */
class GcnWmmseWeightsTest {

    @Test
    void parameterCountIsThePapersFormula() {
        for (int l = 1; l <= 9; l++) {
            for (int g = 1; g <= 4; g++) {
                for (int f = 1; f <= 6; f++) {
                    int paper = l * (4 * f + g + 1) + (l - 1) * f * f; // GCN-WMMSE paper §III-D
                    GcnWmmseWeights init = GcnWmmseWeights.paperInitial(l, g, f, new SplittableRandom(1));
                    GcnWmmseWeights wmmse = GcnWmmseWeights.classicWmmse(l, g, f);
                    assertEquals(paper, init.parameterCount(), "L=" + l + " G=" + g + " F=" + f);
                    assertEquals(paper, wmmse.parameterCount());
                    int real = l * (7 * f + g + 1) + 2 * (l - 1) * f * f;
                    assertEquals(real, init.realParameterCount());
                    int sum = 0;
                    for (double[] a : init.toArrays().values()) {
                        sum += a.length;
                    }
                    assertEquals(real, sum);
                }
            }
        }
        // Table I: L = 7, G = 2, F = 4
        assertEquals(229, GcnWmmseWeights.classicWmmse(7, 2, 4).parameterCount());
    }

    @Test
    void shapesMatchTheArraysAndTheAccessors() {
        GcnWmmseWeights w = GcnTestSupport.randomWeights(3, 3, 2, 4, 1.0, 0.7);
        Map<String, double[]> a = w.toArrays();
        assertEquals(GcnWmmseWeights.NAMES, java.util.List.copyOf(a.keySet()));
        for (String name : GcnWmmseWeights.NAMES) {
            int n = 1;
            for (int s : w.shape(name)) {
                n *= s;
            }
            assertEquals(n, a.get(name).length, name);
        }
        // row-major, complex interleaved: spot-check every accessor against the flat layout
        assertEquals(a.get(GcnWmmseWeights.W_TAPS)[2 * 3 + 1], w.weightTap(2, 1), 0.0);
        assertEquals(a.get(GcnWmmseWeights.V_INV_TAPS)[(1 * 4 + 2) * 2 + 1], w.inverseTapIm(1, 2), 0.0);
        assertEquals(a.get(GcnWmmseWeights.V_LOAD_TAPS)[(2 * 4 + 3) * 2], w.loadTapRe(2, 3), 0.0);
        assertEquals(a.get(GcnWmmseWeights.V_BIAS)[1 * 4 + 3], w.bias(1, 3), 0.0);
        assertEquals(a.get(GcnWmmseWeights.V_RECOMB)[(0 * 4 + 1) * 2 + 1], w.recombIm(0, 1), 0.0);
        // D_3 (code layer 2) is entry 1 of v_skip
        assertEquals(a.get(GcnWmmseWeights.V_SKIP)[((1 * 4 + 2) * 4 + 3) * 2], w.skipRe(2, 2, 3), 0.0);
        assertEquals(0.7, w.biasScale(), 0.0);
    }

    @Test
    void roundTripThroughArraysAndImmutability() {
        GcnWmmseWeights w = GcnTestSupport.randomWeights(5, 4, 3, 2, 1.0, 2.0);
        Map<String, double[]> a = w.toArrays();
        GcnWmmseWeights back = GcnWmmseWeights.fromArrays(4, 3, 2, 2.0, a);
        assertEquals(w, back);
        assertEquals(w.hashCode(), back.hashCode());
        double before = back.weightTap(0, 0);
        a.get(GcnWmmseWeights.W_TAPS)[0] = 123;                  // the caller's array after construction
        w.toArrays().get(GcnWmmseWeights.W_TAPS)[0] = 456;       // a returned copy
        assertEquals(before, back.weightTap(0, 0), 0.0);
        assertEquals(before, w.weightTap(0, 0), 0.0);
        GcnWmmseWeights scaled = w.withBiasScale(3.5);
        assertEquals(3.5, scaled.biasScale(), 0.0);
        assertEquals(2.0, w.biasScale(), 0.0);
        assertNotEquals(w, scaled);
        assertArrayEquals(w.toArrays().get(GcnWmmseWeights.V_SKIP), scaled.toArrays().get(GcnWmmseWeights.V_SKIP));
    }

    @Test
    void invalidArraysAreRejectedNamingTheTensor() {
        Map<String, double[]> good = GcnWmmseWeights.classicWmmse(2, 2, 3).toArrays();
        Map<String, double[]> negative = GcnWmmseWeights.classicWmmse(2, 2, 3).toArrays();
        negative.get(GcnWmmseWeights.W_TAPS)[1 * 3 + 2] = -1e-3;
        assertMessage("w_taps[1][2] must be >= 0", () -> GcnWmmseWeights.fromArrays(2, 2, 3, 1, negative));
        Map<String, double[]> shortArray = GcnWmmseWeights.classicWmmse(2, 2, 3).toArrays();
        shortArray.put(GcnWmmseWeights.V_RECOMB, new double[5]);
        assertMessage("'v_recomb' has 5 entries, expected 12", () -> GcnWmmseWeights.fromArrays(2, 2, 3, 1,
                shortArray));
        Map<String, double[]> unknown = GcnWmmseWeights.classicWmmse(2, 2, 3).toArrays();
        unknown.put("v_ma_taps", new double[6]);
        assertMessage("unknown tensor 'v_ma_taps'", () -> GcnWmmseWeights.fromArrays(2, 2, 3, 1, unknown));
        Map<String, double[]> missing = GcnWmmseWeights.classicWmmse(2, 2, 3).toArrays();
        missing.remove(GcnWmmseWeights.V_SKIP);
        assertMessage("'v_skip' is missing", () -> GcnWmmseWeights.fromArrays(2, 2, 3, 1, missing));
        Map<String, double[]> nan = GcnWmmseWeights.classicWmmse(2, 2, 3).toArrays();
        nan.get(GcnWmmseWeights.V_BIAS)[4] = Double.NaN;
        assertMessage("'v_bias' entry 4 is not finite", () -> GcnWmmseWeights.fromArrays(2, 2, 3, 1, nan));
        assertMessage("b_S must be finite and > 0", () -> GcnWmmseWeights.fromArrays(2, 2, 3, 0, good));
        assertMessage("layers L must be >= 1", () -> GcnWmmseWeights.classicWmmse(0, 2, 3));
        assertMessage("degree G must be >= 1", () -> GcnWmmseWeights.paperInitial(2, 0, 3, new SplittableRandom(1)));
        assertMessage("features F must be >= 1", () -> GcnWmmseWeights.fromArrays(2, 2, 0, 1, good));
        assertMessage("unknown tensor 'x'", () -> GcnWmmseWeights.shape("x", 1, 1, 1));
        // a one-layer network has no skip matrices: the empty tensor may be omitted
        Map<String, double[]> one = GcnWmmseWeights.classicWmmse(1, 2, 3).toArrays();
        assertEquals(0, one.remove(GcnWmmseWeights.V_SKIP).length);
        assertEquals(GcnWmmseWeights.classicWmmse(1, 2, 3), GcnWmmseWeights.fromArrays(1, 2, 3, 1, one));
    }

    @Test
    void classicWmmseWeightsSelectThePlainSteps() {
        GcnWmmseWeights w = GcnWmmseWeights.classicWmmse(3, 2, 4);
        for (int l = 0; l < 3; l++) {
            assertEquals(0.0, w.weightTap(l, 0), 0.0);
            assertEquals(1.0, w.weightTap(l, 1), 0.0);
            assertEquals(0.0, w.weightTap(l, 2), 0.0);
            for (int f = 0; f < 4; f++) {
                double one = f == 0 ? 1.0 : 0.0;
                assertEquals(one, w.inverseTapRe(l, f), 0.0);
                assertEquals(one, w.recombRe(l, f), 0.0);
                assertEquals(0.0, w.inverseTapIm(l, f) + w.recombIm(l, f), 0.0);
                assertEquals(0.0, Math.abs(w.loadTapRe(l, f)) + Math.abs(w.loadTapIm(l, f)) + Math.abs(w.bias(l, f)),
                        0.0);
                for (int g = 0; l > 0 && g < 4; g++) {
                    assertEquals(0.0, Math.abs(w.skipRe(l, f, g)) + Math.abs(w.skipIm(l, f, g)), 0.0);
                }
            }
        }
    }

    @Test
    void paperInitialisationIsTheDocumentedOne() {
        int layers = 20;
        int f = 50;
        GcnWmmseWeights w = GcnWmmseWeights.paperInitial(layers, 3, f, new SplittableRandom(42));
        assertEquals(w, GcnWmmseWeights.paperInitial(layers, 3, f, new SplittableRandom(42)), "same seed");
        assertNotEquals(w, GcnWmmseWeights.paperInitial(layers, 3, f, new SplittableRandom(43)), "other seed");
        assertEquals(1.0, w.biasScale(), 0.0);
        for (double tap : w.toArrays().get(GcnWmmseWeights.W_TAPS)) {
            assertEquals(0.25, tap, 0.0, "1 / (G + 1)");
        }
        for (double b : w.toArrays().get(GcnWmmseWeights.V_BIAS)) {
            assertEquals(0.0, b, 0.0);
        }
        // complex Glorot (Deep Complex Networks): E|a|^2 = 2 / (n_in + n_out), Rayleigh magnitude, uniform phase
        Map<String, double[]> a = w.toArrays();
        checkComplexGlorot(a.get(GcnWmmseWeights.V_INV_TAPS), 2.0 / (1 + f));
        checkComplexGlorot(a.get(GcnWmmseWeights.V_LOAD_TAPS), 2.0 / (1 + f));
        checkComplexGlorot(a.get(GcnWmmseWeights.V_RECOMB), 2.0 / (f + 1));
        checkComplexGlorot(a.get(GcnWmmseWeights.V_SKIP), 2.0 / (f + f));
    }

    @Test
    void initGainScalesTheSameDraws() {
        int f = 40;
        GcnWmmseWeights glorot = GcnWmmseWeights.paperInitial(10, 2, f, new SplittableRandom(8));
        assertEquals(glorot, GcnWmmseWeights.paperInitial(10, 2, f, GcnWmmseWeights.GLOROT_GAIN,
                new SplittableRandom(8)), "gain 2 is the complex Glorot draw");
        GcnWmmseWeights authors = GcnWmmseWeights.paperInitial(10, 2, f, 1.0, new SplittableRandom(8));
        Map<String, double[]> g = glorot.toArrays();
        Map<String, double[]> h = authors.toArrays();
        for (String name : GcnWmmseWeights.NAMES) {
            boolean complexTap = !name.equals(GcnWmmseWeights.W_TAPS) && !name.equals(GcnWmmseWeights.V_BIAS);
            for (int e = 0; e < g.get(name).length; e++) {
                assertEquals(g.get(name)[e] * (complexTap ? Math.sqrt(0.5) : 1.0), h.get(name)[e], 0.0, name);
            }
        }
        checkComplexGlorot(h.get(GcnWmmseWeights.V_SKIP), 1.0 / (f + f));
        assertMessage("init gain: must be finite and > 0, got 0.0",
                () -> GcnWmmseWeights.paperInitial(2, 1, 2, 0.0, new SplittableRandom(1)));
    }

    /**
     * n draws of a CN(0, s2) variable (Rayleigh magnitude with sigma^2 = s2 / 2, uniform phase): the sample mean of
     * |a|^2 (std s2 / sqrt(n)), the fraction below the median magnitude sqrt(s2 ln 2) (std 0.5 / sqrt(n)) and the
     * sample mean of a (std sqrt(s2 / n)) are each within 5 standard deviations.
     */
    private static void checkComplexGlorot(double[] a, double s2) {
        int n = a.length / 2;
        double power = 0;
        double meanRe = 0;
        double meanIm = 0;
        int belowMedian = 0;
        double median = Math.sqrt(s2 * Math.log(2));
        for (int e = 0; e < n; e++) {
            double re = a[2 * e];
            double im = a[2 * e + 1];
            power += re * re + im * im;
            meanRe += re;
            meanIm += im;
            if (Math.hypot(re, im) < median) {
                belowMedian++;
            }
        }
        assertEquals(s2, power / n, 5 * s2 / Math.sqrt(n), "E|a|^2");
        assertEquals(0.5, (double) belowMedian / n, 5 * 0.5 / Math.sqrt(n), "median of |a|");
        assertEquals(0.0, Math.hypot(meanRe, meanIm) / n, 5 * Math.sqrt(s2 / n), "E a");
    }

    private static void assertMessage(String part, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(part), "message '" + e.getMessage() + "' lacks '" + part + "'");
    }
}
