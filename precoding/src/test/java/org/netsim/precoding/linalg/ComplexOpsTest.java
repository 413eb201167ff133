package org.netsim.precoding.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.netsim.precoding.linalg.TestMatrices.EPS;
import static org.netsim.precoding.linalg.TestMatrices.conjTrans;
import static org.netsim.precoding.linalg.TestMatrices.distance;
import static org.netsim.precoding.linalg.TestMatrices.gaussian;
import static org.netsim.precoding.linalg.TestMatrices.hermitianWithSpectrum;
import static org.netsim.precoding.linalg.TestMatrices.naiveMult;
import static org.netsim.precoding.linalg.TestMatrices.norm;

import java.util.SplittableRandom;
import org.ejml.data.Complex_F64;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * {@link ComplexOps}: products with conjugate transposes against triple loops, Cholesky and LU solves by their
 * residuals, failures on matrices that are not positive definite or are singular, the log-determinant against the
 * LU determinant and closed forms, and that inputs are never modified.
 *
 * <p>Tolerances. A product of inner dimension k has entrywise error at most k eps sum_t |a_it| |b_tj|, so
 * ||C - C_naive||_F &lt;= 2 k eps ||A||_F ||B||_F (both sides round); we allow {@value #PRODUCT_FACTOR} k eps
 * ||A||_F ||B||_F. Backward-stable solves (Cholesky; LU with partial pivoting, whose growth factor is small for
 * these random matrices) give a residual ||A X - B||_F &lt;= c n eps ||A||_F ||X||_F; we allow c =
 * {@value #SOLVE_FACTOR}. A log-determinant sums n logarithms of pivots with relative error about n eps
 * kappa each; for the well-conditioned test matrices (kappa &lt;= 10) we allow {@value #LOGDET_FACTOR} n eps kappa
 * absolute.
 */
class ComplexOpsTest {

    static final double PRODUCT_FACTOR = 4;
    static final double SOLVE_FACTOR = 10;
    static final double LOGDET_FACTOR = 10;

    private static final int[][] SHAPES = {{1, 1, 1}, {1, 5, 1}, {4, 1, 3}, {3, 4, 5}, {7, 2, 6}, {16, 16, 16},
            {9, 13, 2}};

    private static void assertProduct(ZMatrixRMaj expected, ZMatrixRMaj actual, int inner, double normA,
            double normB, String what) {
        assertClose(expected, actual, PRODUCT_FACTOR * inner * EPS * normA * normB, what);
    }

    private static void assertClose(ZMatrixRMaj expected, ZMatrixRMaj actual, double tol, String what) {
        assertEquals(expected.numRows, actual.numRows, what + ": rows");
        assertEquals(expected.numCols, actual.numCols, what + ": columns");
        assertTrue(distance(expected, actual) <= tol, what + ": error " + distance(expected, actual) + " > " + tol);
    }

    @Test
    void productsWithConjugateTransposesMatchNaiveLoops() {
        SplittableRandom rng = new SplittableRandom(41);
        for (int[] s : SHAPES) {
            int m = s[0];
            int k = s[1];
            int n = s[2];
            String what = m + "x" + k + " times " + k + "x" + n;
            ZMatrixRMaj a = gaussian(rng, m, k);
            ZMatrixRMaj b = gaussian(rng, k, n);
            ZMatrixRMaj aCopy = a.copy();
            ZMatrixRMaj bCopy = b.copy();
            ZMatrixRMaj c = new ZMatrixRMaj(2, 7); // wrong shape on purpose: outputs are reshaped
            ComplexOps.mult(a, b, c);
            assertProduct(naiveMult(a, false, b, false), c, k, norm(a), norm(b), "mult " + what);

            ZMatrixRMaj ah = conjTrans(a); // [k x m]
            ComplexOps.multAhB(ah, b, c); // (a^H)^H b = a b, [m x n]
            assertProduct(naiveMult(ah, true, b, false), c, k, norm(a), norm(b), "multAhB " + what);
            ComplexOps.multAhB(a, a, c); // a^H a, k x k
            assertProduct(naiveMult(a, true, a, false), c, m, norm(a), norm(a), "multAhB a^H a " + what);

            ZMatrixRMaj bh = conjTrans(b); // [n x k]
            ComplexOps.multABh(a, bh, c); // a (b^H)^H = a b
            assertProduct(naiveMult(a, false, bh, true), c, k, norm(a), norm(b), "multABh " + what);

            ZMatrixRMaj acc = gaussian(rng, m, n);
            ZMatrixRMaj expected = naiveMult(a, false, bh, true);
            for (int e = 0; e < expected.getDataLength(); e++) {
                expected.data[e] += acc.data[e];
            }
            double accNorm = norm(acc);
            ComplexOps.multAddABh(a, bh, acc);
            // the product's error plus one rounding of each sum with the previous entries
            assertClose(expected, acc, PRODUCT_FACTOR * (k * EPS * norm(a) * norm(b) + EPS * accNorm),
                    "multAddABh " + what);

            assertArrayEquals(aCopy.data, a.data, 0.0, "a modified");
            assertArrayEquals(bCopy.data, b.data, 0.0, "b modified");
            assertArrayEquals(conjTrans(a).data, ComplexOps.conjugateTranspose(a).data, 0.0, "a^H");
            assertArrayEquals(aCopy.data, a.data, 0.0, "a modified by conjugateTranspose");
        }
    }

    @Test
    void normsTraceScaleAndIdentity() {
        ZMatrixRMaj a = new ZMatrixRMaj(2, 2);
        a.set(0, 0, 1, 2);
        a.set(0, 1, -3, 0);
        a.set(1, 0, 0, 4);
        a.set(1, 1, 5, -1);
        double fro2 = 1 + 4 + 9 + 16 + 25 + 1;
        assertEquals(fro2, ComplexOps.frobeniusSquared(a), 0.0);
        assertEquals(Math.sqrt(fro2), ComplexOps.frobenius(a), 1e-15 * Math.sqrt(fro2));
        assertEquals(6.0, ComplexOps.traceReal(a), 0.0);
        ComplexOps.scale(-2, a);
        assertArrayEquals(new double[] {-2, -4, 6, 0, 0, -8, -10, 2}, a.data, 0.0);
        ComplexOps.addIdentity(0.5, a);
        assertArrayEquals(new double[] {-1.5, -4, 6, 0, 0, -8, -9.5, 2}, a.data, 0.0);
        ZMatrixRMaj id = ComplexOps.identity(3);
        assertArrayEquals(new double[] {1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0}, id.data, 0.0);
        // det [[a, b], [c, d]] = a d - b c = (1+2i)(5-i) - (-3)(4i) = 7 + 9i + 12i
        ZMatrixRMaj m = new ZMatrixRMaj(2, 2);
        m.set(0, 0, 1, 2);
        m.set(0, 1, -3, 0);
        m.set(1, 0, 0, 4);
        m.set(1, 1, 5, -1);
        Complex_F64 det = ComplexOps.det(m);
        assertEquals(7.0, det.real, 1e-14);
        assertEquals(21.0, det.imaginary, 1e-14);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ComplexOps.traceReal(new ZMatrixRMaj(2, 3)));
        assertTrue(e.getMessage().contains("2x3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ComplexOps.addIdentity(1, new ZMatrixRMaj(3, 2)));
        assertThrows(IllegalArgumentException.class, () -> ComplexOps.det(new ZMatrixRMaj(3, 2)));
    }

    /** A Hermitian positive definite n x n matrix with eigenvalues in [1, 10] (condition number at most 10). */
    private static ZMatrixRMaj hpd(SplittableRandom rng, int n) {
        double[] d = new double[n];
        for (int j = 0; j < n; j++) {
            d[j] = 1 + 9 * rng.nextDouble();
        }
        return hermitianWithSpectrum(rng, d);
    }

    private static void assertSmallResidual(ZMatrixRMaj a, ZMatrixRMaj x, ZMatrixRMaj b, String what) {
        int n = a.numRows;
        double residual = distance(naiveMult(a, false, x, false), b);
        double tol = SOLVE_FACTOR * n * EPS * norm(a) * norm(x);
        assertTrue(residual <= tol, what + ": ||A X - B||_F = " + residual + " > " + tol);
    }

    @Test
    void choleskyAndLuSolvesHaveSmallResiduals() {
        SplittableRandom rng = new SplittableRandom(42);
        for (int n : new int[] {1, 2, 3, 6, 12, 32}) {
            for (int rhs : new int[] {1, 4}) {
                ZMatrixRMaj a = hpd(rng, n);
                ZMatrixRMaj b = gaussian(rng, n, rhs);
                ZMatrixRMaj aCopy = a.copy();
                ZMatrixRMaj bCopy = b.copy();
                ZMatrixRMaj x = new ZMatrixRMaj(1, 1);
                ComplexOps.choleskySolve(a, b, x);
                assertEquals(n, x.numRows);
                assertEquals(rhs, x.numCols);
                assertSmallResidual(a, x, b, "Cholesky n = " + n);
                assertArrayEquals(aCopy.data, a.data, 0.0, "Cholesky modified a");
                assertArrayEquals(bCopy.data, b.data, 0.0, "Cholesky modified b");

                ZMatrixRMaj g = gaussian(rng, n, n);
                ZMatrixRMaj gCopy = g.copy();
                ComplexOps.luSolve(g, b, x);
                assertSmallResidual(g, x, b, "LU n = " + n);
                assertArrayEquals(gCopy.data, g.data, 0.0, "LU modified a");
                assertArrayEquals(bCopy.data, b.data, 0.0, "LU modified b");
            }
            ZMatrixRMaj g = gaussian(rng, n, n);
            ZMatrixRMaj inv = ComplexOps.invert(g);
            assertSmallResidual(g, inv, ComplexOps.identity(n), "inverse n = " + n);
        }
    }

    @Test
    void choleskyRejectsMatricesThatAreNotPositiveDefinite() {
        SplittableRandom rng = new SplittableRandom(43);
        ZMatrixRMaj b = gaussian(rng, 4, 1);
        ZMatrixRMaj x = new ZMatrixRMaj(4, 1);
        ZMatrixRMaj indefinite = hermitianWithSpectrum(rng, new double[] {3, 1, -0.5, 2});
        ZMatrixRMaj negative = hermitianWithSpectrum(rng, new double[] {-1, -2, -3, -4});
        ZMatrixRMaj zero = new ZMatrixRMaj(4, 4);
        ZMatrixRMaj singular = ComplexOps.identity(4);
        singular.set(2, 2, 0, 0);
        for (ZMatrixRMaj a : new ZMatrixRMaj[] {indefinite, negative, zero, singular}) {
            ZMatrixRMaj copy = a.copy();
            DecompositionException e = assertThrows(DecompositionException.class,
                    () -> ComplexOps.choleskySolve(a, b, x));
            assertTrue(e.getMessage().contains("positive definite"), e.getMessage());
            assertThrows(DecompositionException.class, () -> ComplexOps.logDetHpd(a));
            assertArrayEquals(copy.data, a.data, 0.0, "input modified on failure");
        }
        assertThrows(IllegalArgumentException.class, () -> ComplexOps.choleskySolve(new ZMatrixRMaj(4, 3), b, x));
    }

    @Test
    void luRejectsSingularMatrices() {
        SplittableRandom rng = new SplittableRandom(44);
        ZMatrixRMaj b = gaussian(rng, 4, 2);
        ZMatrixRMaj x = new ZMatrixRMaj(4, 2);
        ZMatrixRMaj zero = new ZMatrixRMaj(4, 4);
        ZMatrixRMaj zeroRow = gaussian(rng, 4, 4);
        for (int c = 0; c < 4; c++) {
            zeroRow.set(1, c, 0, 0);
        }
        ZMatrixRMaj equalRows = gaussian(rng, 4, 4);
        for (int c = 0; c < 4; c++) {
            equalRows.set(3, c, equalRows.getReal(0, c), equalRows.getImag(0, c));
        }
        for (ZMatrixRMaj a : new ZMatrixRMaj[] {zero, zeroRow, equalRows}) {
            ZMatrixRMaj copy = a.copy();
            DecompositionException e = assertThrows(DecompositionException.class, () -> ComplexOps.luSolve(a, b, x));
            assertTrue(e.getMessage().contains("singular"), e.getMessage());
            assertThrows(DecompositionException.class, () -> ComplexOps.invert(a));
            assertArrayEquals(copy.data, a.data, 0.0, "input modified on failure");
        }
        assertThrows(IllegalArgumentException.class, () -> ComplexOps.luSolve(new ZMatrixRMaj(3, 4), b, x));
    }

    @Test
    void logDetHpdAgreesWithLuDeterminantAndClosedForms() {
        SplittableRandom rng = new SplittableRandom(45);
        for (int n : new int[] {1, 2, 5, 10, 24}) {
            ZMatrixRMaj a = hpd(rng, n);
            ZMatrixRMaj copy = a.copy();
            double logDet = ComplexOps.logDetHpd(a);
            assertArrayEquals(copy.data, a.data, 0.0, "logDetHpd modified its input");
            Complex_F64 det = ComplexOps.det(a);
            double tol = LOGDET_FACTOR * n * EPS * 10;
            assertEquals(Math.log(det.getMagnitude()), logDet, tol, "log|det| by LU, n = " + n);
            // log det(c A) = n log c + log det A
            ZMatrixRMaj scaled = a.copy();
            ComplexOps.scale(3.0, scaled);
            assertEquals(n * Math.log(3.0) + logDet, ComplexOps.logDetHpd(scaled), tol, "scaling, n = " + n);
        }
        // closed form: a diagonal matrix with entries far beyond the range of det itself (1e200 each)
        ZMatrixRMaj big = ComplexOps.identity(4);
        ComplexOps.scale(1e200, big);
        assertEquals(4 * Math.log(1e200), ComplexOps.logDetHpd(big), 1e-12 * 4 * Math.log(1e200));
        double[] d = {0.5, 2, 7};
        ZMatrixRMaj diag = hermitianWithSpectrum(rng, d);
        assertEquals(Math.log(0.5 * 2 * 7), ComplexOps.logDetHpd(diag), LOGDET_FACTOR * 3 * EPS * 14);
    }
}
