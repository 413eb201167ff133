package org.netsim.precoding.gcn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.netsim.precoding.TestProblems;
import org.netsim.precoding.linalg.ComplexOps;
import org.netsim.precoding.linalg.HermitianEigen;
import org.netsim.precoding.linalg.SmallCholesky;

/** The weight-matrix filter (12) against its spectral form, its outputs' identities, and the classic taps. */
class WeightMatrixFilterTest {

    /**
     * Normwise relative agreement of the power form with the spectral form Q p(Lambda) Q^H: both are backward
     * stable to a few eps ||W||, for G &lt;= 4 products of well-scaled (divided by the mean eigenvalue) factors.
     */
    private static final double SPECTRAL_TOLERANCE = 1e-12;
    /** U W and U W U^H formed from the filter's outputs: one or two more products (cond(W^) up to 1e6 here). */
    private static final double PRODUCT_TOLERANCE = 1e-10;

    @Test
    void matchesTheSpectralFormOfEq12() {
        SplittableRandom rng = new SplittableRandom(1);
        int cases = 0;
        for (int d = 1; d <= 4; d++) {
            for (int n = d; n <= 4; n++) {
                for (int degree = 1; degree <= 4; degree++) {
                    for (double scale : new double[] {0.3, 30, 1e3}) {
                        ZMatrixRMaj wHat = mmseLike(rng, d, scale);
                        ZMatrixRMaj u = TestProblems.complexGaussian(rng, n, d, 1.0);
                        ZMatrixRMaj x = new ZMatrixRMaj(n, d);
                        ComplexOps.mult(u, wHat, x);
                        double[] taps = new double[degree + 1];
                        for (int g = 0; g <= degree; g++) {
                            taps[g] = rng.nextDouble();
                        }
                        ZMatrixRMaj w = new ZMatrixRMaj(d, d);
                        ZMatrixRMaj uw = new ZMatrixRMaj(n, d);
                        ZMatrixRMaj factor = new ZMatrixRMaj(n, d);
                        WeightMatrixFilter filter = new WeightMatrixFilter(n, d);
                        filter.apply(wHat, u, x, weightsWithTaps(taps), 0, w, uw, factor);
                        String where = "d=" + d + " n=" + n + " G=" + degree + " scale=" + scale;
                        assertFalse(filter.lastUsedEigen(), where + ": W is positive definite");
                        ZMatrixRMaj expected = spectral(wHat, taps);
                        assertTrue(relative(w, expected) <= SPECTRAL_TOLERANCE, where + ": W " + relative(w,
                                expected));
                        ZMatrixRMaj uwExpected = new ZMatrixRMaj(n, d);
                        ComplexOps.mult(u, expected, uwExpected);
                        assertTrue(relative(uw, uwExpected) <= PRODUCT_TOLERANCE, where + ": U W");
                        ZMatrixRMaj ffh = new ZMatrixRMaj(n, n);
                        ComplexOps.multABh(factor, factor, ffh);
                        ZMatrixRMaj uwuh = new ZMatrixRMaj(n, n);
                        ComplexOps.multABh(uwExpected, u, uwuh);
                        assertTrue(relative(ffh, uwuh) <= PRODUCT_TOLERANCE, where + ": F F^H = U W U^H");
                        cases++;
                    }
                }
            }
        }
        assertTrue(cases == 120);
    }

    /** Taps (0, 1, 0, ...) give the W-step (3b) itself, bit for bit, and the classic step's factor. */
    @Test
    void classicTapsReproduceTheWStepExactly() {
        SplittableRandom rng = new SplittableRandom(2);
        for (int d = 1; d <= 3; d++) {
            for (int degree = 1; degree <= 3; degree++) {
                int n = d + 1;
                ZMatrixRMaj wHat = mmseLike(rng, d, 10);
                ZMatrixRMaj u = TestProblems.complexGaussian(rng, n, d, 1.0);
                ZMatrixRMaj x = TestProblems.complexGaussian(rng, n, d, 1.0);
                ZMatrixRMaj w = new ZMatrixRMaj(d, d);
                ZMatrixRMaj uw = new ZMatrixRMaj(n, d);
                ZMatrixRMaj factor = new ZMatrixRMaj(n, d);
                new WeightMatrixFilter(n, d).apply(wHat, u, x, GcnWmmseWeights.classicWmmse(1, degree, 2), 0, w,
                        uw, factor);
                assertArrayEquals(wHat.data, w.data, 0.0, "W = W^");
                assertArrayEquals(x.data, uw.data, 0.0, "U W = X");
                ZMatrixRMaj lower = new ZMatrixRMaj(d, d);
                SmallCholesky.choleskyLower(wHat, lower);
                ZMatrixRMaj expected = new ZMatrixRMaj(n, d);
                ComplexOps.mult(u, lower, expected);
                assertArrayEquals(expected.data, factor.data, 0.0, "F = U chol(W^)");
            }
        }
    }

    /** All taps zero: W = 0 is only semidefinite; the eigen path gives F = 0 and U W = 0. */
    @Test
    void zeroTapsGiveAZeroWeightThroughTheSemidefinitePath() {
        SplittableRandom rng = new SplittableRandom(3);
        ZMatrixRMaj wHat = mmseLike(rng, 2, 1);
        ZMatrixRMaj u = TestProblems.complexGaussian(rng, 3, 2, 1.0);
        ZMatrixRMaj x = new ZMatrixRMaj(3, 2);
        ComplexOps.mult(u, wHat, x);
        ZMatrixRMaj w = new ZMatrixRMaj(2, 2);
        ZMatrixRMaj uw = new ZMatrixRMaj(3, 2);
        ZMatrixRMaj factor = new ZMatrixRMaj(3, 2);
        WeightMatrixFilter filter = new WeightMatrixFilter(3, 2);
        filter.apply(wHat, u, x, weightsWithTaps(new double[] {0, 0, 0}), 0, w, uw, factor);
        assertTrue(filter.lastUsedEigen());
        assertEquals0(w);
        assertEquals0(uw);
        assertEquals0(factor);
    }

    /** W^ = I + A A^H with A ~ CN(0, scale^2): Hermitian, eigenvalues &gt;= 1 like an MMSE weight. */
    static ZMatrixRMaj mmseLike(SplittableRandom rng, int d, double scale) {
        ZMatrixRMaj a = TestProblems.complexGaussian(rng, d, d, scale * scale);
        ZMatrixRMaj w = new ZMatrixRMaj(d, d);
        ComplexOps.multABh(a, a, w);
        ComplexOps.addIdentity(1, w);
        SmallCholesky.hermitianPart(w);
        return w;
    }

    /** One-layer weights with the given filter taps (G = taps.length - 1), classic GCN. */
    static GcnWmmseWeights weightsWithTaps(double[] taps) {
        int degree = taps.length - 1;
        Map<String, double[]> a = GcnWmmseWeights.classicWmmse(1, degree, 1).toArrays();
        a.put(GcnWmmseWeights.W_TAPS, taps.clone());
        return GcnWmmseWeights.fromArrays(1, degree, 1, 1.0, a);
    }

    /** Q diag(p(lambda)) Q^H with p(lambda) = a_0 + sum_g a_g lambda^g / m^{g-1}, m the mean eigenvalue. */
    private static ZMatrixRMaj spectral(ZMatrixRMaj wHat, double[] taps) {
        int d = wHat.numRows;
        HermitianEigen eig = new HermitianEigen(d);
        eig.decompose(wHat);
        double[] lambda = eig.values();
        double mean = 0;
        for (double l : lambda) {
            mean += l / d;
        }
        ZMatrixRMaj q = eig.vectors();
        ZMatrixRMaj scaled = q.copy();
        for (int c = 0; c < d; c++) {
            double p = taps[0];
            for (int g = 1; g < taps.length; g++) {
                p += taps[g] * mean * Math.pow(lambda[c] / mean, g);
            }
            for (int r = 0; r < d; r++) {
                scaled.set(r, c, p * q.getReal(r, c), p * q.getImag(r, c));
            }
        }
        ZMatrixRMaj out = new ZMatrixRMaj(d, d);
        ComplexOps.multABh(scaled, q, out);
        return out;
    }

    private static double relative(ZMatrixRMaj a, ZMatrixRMaj b) {
        return GcnTestSupport.relativeError(new ZMatrixRMaj[] {a}, new ZMatrixRMaj[] {b});
    }

    private static void assertEquals0(ZMatrixRMaj a) {
        for (int e = 0; e < a.getDataLength(); e++) {
            assertTrue(a.data[e] == 0.0, "entry " + e + " = " + a.data[e]);
        }
    }
}
