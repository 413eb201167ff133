package org.netsim.radio.fading;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.random.RandomGenerator;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.netsim.radio.random.RandomStreams;

class RayleighFadingTest {

    /** Tolerances are 5 standard errors of the estimated moment (two-sided false-alarm rate about 6e-7). */
    private static final double STANDARD_ERRORS = 5.0;

    @Test
    void entryPowerIsOneAndPartsAreHalfEach() {
        RandomGenerator rng = new RandomStreams(3).stream("test/fading");
        int reps = 20_000;
        int n = 2;
        int m = 3;
        double sumAbs2 = 0;
        double sumRe2 = 0;
        double sumReIm = 0;
        double sumFro = 0;
        double sumFroSq = 0;
        ZMatrixRMaj h = new ZMatrixRMaj(n, m);
        for (int t = 0; t < reps; t++) {
            RayleighFading.INSTANCE.drawInto(rng, h);
            double fro = 0;
            for (int e = 0; e < n * m; e++) {
                double re = h.data[2 * e];
                double im = h.data[2 * e + 1];
                sumAbs2 += re * re + im * im;
                sumRe2 += re * re;
                sumReIm += re * im;
                fro += re * re + im * im;
            }
            sumFro += fro;
            sumFroSq += fro * fro;
        }
        int entries = reps * n * m;
        // |h|^2 ~ Exp(1): variance 1, so SE = 1/sqrt(entries)
        assertEquals(1.0, sumAbs2 / entries, STANDARD_ERRORS / Math.sqrt(entries));
        // Re^2 with Re ~ N(0, 1/2): variance 2 (1/2)^2 = 1/2
        assertEquals(0.5, sumRe2 / entries, STANDARD_ERRORS * Math.sqrt(0.5 / entries));
        // Re Im: variance 1/4
        assertEquals(0.0, sumReIm / entries, STANDARD_ERRORS * 0.5 / Math.sqrt(entries));
        // ||H||_F^2 ~ Gamma(NM, 1): mean NM, variance NM
        assertEquals(n * m, sumFro / reps, STANDARD_ERRORS * Math.sqrt((double) n * m / reps));
        double varFro = sumFroSq / reps - Math.pow(sumFro / reps, 2);
        // variance estimate of Gamma(6,1) (var 6, fourth central moment 3*6^2 + 6*6 = 144): SE sqrt((144-36)/reps)
        assertEquals(n * m, varFro, STANDARD_ERRORS * Math.sqrt(108.0 / reps));
    }

    @Test
    void sameStreamGivesSameDraw() {
        ZMatrixRMaj a = RayleighFading.INSTANCE.draw(new RandomStreams(5).stream("f"), 4, 2);
        ZMatrixRMaj b = RayleighFading.INSTANCE.draw(new RandomStreams(5).stream("f"), 4, 2);
        assertArrayEquals(a.data, b.data);
        assertEquals(4, a.numRows);
        assertEquals(2, a.numCols);
    }
}
