package org.netsim.precoding.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.netsim.precoding.linalg.TestMatrices.EPS;
import static org.netsim.precoding.linalg.TestMatrices.conjTrans;
import static org.netsim.precoding.linalg.TestMatrices.distance;
import static org.netsim.precoding.linalg.TestMatrices.gaussian;
import static org.netsim.precoding.linalg.TestMatrices.hermitianWithSpectrum;
import static org.netsim.precoding.linalg.TestMatrices.naiveMult;
import static org.netsim.precoding.linalg.TestMatrices.norm;

import java.util.SplittableRandom;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * {@link SmallCholesky}: the factor reproduces the matrix and has the documented shape, the solves and the
 * log-determinant agree with the independent EJML-based {@link ComplexOps#choleskySolve} and
 * {@link ComplexOps#logDetHpd}, in-place use gives bit-for-bit the out-of-place result, failures name the matrix,
 * and nothing is allocated.
 *
 * <p>Tolerances: test matrices have eigenvalues in [1, 10] (kappa &lt;= 10). A backward-stable Cholesky gives
 * ||A - L L^H||_F &lt;= c n eps ||A||_F; two backward-stable solves of the same system differ by at most
 * 2 c n eps kappa ||X||_F (forward error bound); a log-determinant of n pivots is accurate to c n eps kappa; all
 * with c = {@value ComplexOpsTest#SOLVE_FACTOR}, as in {@link ComplexOpsTest}.
 */
class SmallCholeskyTest {

    private static final double C = ComplexOpsTest.SOLVE_FACTOR;
    private static final double KAPPA = 10;
    private static final int[] SIZES = {1, 2, 3, 4, 7, 12, 32};

    private static ZMatrixRMaj hpd(SplittableRandom rng, int n) {
        double[] d = new double[n];
        for (int j = 0; j < n; j++) {
            d[j] = 1 + 9 * rng.nextDouble();
        }
        return hermitianWithSpectrum(rng, d);
    }

    @Test
    void factorIsLowerTriangularWithPositiveDiagonalAndReproducesTheMatrix() {
        SplittableRandom rng = new SplittableRandom(51);
        for (int n : SIZES) {
            ZMatrixRMaj a = hpd(rng, n);
            ZMatrixRMaj copy = a.copy();
            ZMatrixRMaj l = new ZMatrixRMaj(1, 1); // wrong shape: reshaped
            SmallCholesky.choleskyLower(a, l);
            assertArrayEquals(copy.data, a.data, 0.0, "input modified");
            assertEquals(n, l.numRows);
            assertEquals(n, l.numCols);
            for (int r = 0; r < n; r++) {
                assertTrue(l.getReal(r, r) > 0, "positive diagonal");
                assertEquals(0.0, l.getImag(r, r), 0.0, "real diagonal");
                for (int c = r + 1; c < n; c++) {
                    assertEquals(0.0, l.getReal(r, c), 0.0, "zero above the diagonal");
                    assertEquals(0.0, l.getImag(r, c), 0.0, "zero above the diagonal");
                }
            }
            double err = distance(a, naiveMult(l, false, l, true));
            assertTrue(err <= C * n * EPS * norm(a), "n = " + n + ": ||A - L L^H||_F = " + err);
        }
    }

    @Test
    void factorReadsOnlyTheLowerTriangleAndWorksInPlace() {
        SplittableRandom rng = new SplittableRandom(52);
        for (int n : SIZES) {
            ZMatrixRMaj a = hpd(rng, n);
            ZMatrixRMaj l = new ZMatrixRMaj(n, n);
            SmallCholesky.choleskyLower(a, l);
            ZMatrixRMaj garbled = a.copy(); // garbage above the diagonal and in the imaginary diagonal
            for (int r = 0; r < n; r++) {
                garbled.set(r, r, garbled.getReal(r, r), 7.0);
                for (int c = r + 1; c < n; c++) {
                    garbled.set(r, c, 99.0 * r - c, -3.0);
                }
            }
            SmallCholesky.choleskyLower(garbled, garbled); // in place
            assertArrayEquals(l.data, garbled.data, 0.0, "n = " + n + ": in place, upper triangle ignored");
        }
    }

    @Test
    void solvesAgreeWithTheEjmlCholeskySolve() {
        SplittableRandom rng = new SplittableRandom(53);
        for (int n : SIZES) {
            for (int cols : new int[] {1, 3, 8}) {
                String what = "n = " + n + ", " + cols + " columns";
                ZMatrixRMaj a = hpd(rng, n);
                ZMatrixRMaj l = new ZMatrixRMaj(n, n);
                SmallCholesky.choleskyLower(a, l);
                ZMatrixRMaj lCopy = l.copy();

                // left: (L L^H) X = B
                ZMatrixRMaj b = gaussian(rng, n, cols);
                ZMatrixRMaj bCopy = b.copy();
                ZMatrixRMaj expected = new ZMatrixRMaj(n, cols);
                ComplexOps.choleskySolve(a, b, expected);
                ZMatrixRMaj x = new ZMatrixRMaj(1, 1);
                SmallCholesky.solveLeftHermitian(l, b, x);
                assertArrayEquals(bCopy.data, b.data, 0.0, what + ": b modified");
                double tol = 2 * C * n * EPS * KAPPA * norm(expected);
                assertTrue(distance(expected, x) <= tol, what + ": left solve error " + distance(expected, x));
                SmallCholesky.solveLeftHermitian(l, b, b); // in place
                assertArrayEquals(x.data, b.data, 0.0, what + ": left solve in place");

                // right: U (L L^H) = X, i.e. (L L^H) U^H = X^H for Hermitian L L^H
                ZMatrixRMaj rows = gaussian(rng, cols, n);
                ZMatrixRMaj rowsCopy = rows.copy();
                ZMatrixRMaj expectedH = new ZMatrixRMaj(n, cols);
                ComplexOps.choleskySolve(a, conjTrans(rows), expectedH);
                ZMatrixRMaj expectedRight = conjTrans(expectedH);
                ZMatrixRMaj u = new ZMatrixRMaj(1, 1);
                SmallCholesky.solveRightHermitian(l, rows, u);
                assertArrayEquals(rowsCopy.data, rows.data, 0.0, what + ": x modified");
                double tolRight = 2 * C * n * EPS * KAPPA * norm(expectedRight);
                assertTrue(distance(expectedRight, u) <= tolRight,
                        what + ": right solve error " + distance(expectedRight, u));
                SmallCholesky.solveRightHermitian(l, rows, rows); // in place
                assertArrayEquals(u.data, rows.data, 0.0, what + ": right solve in place");
                assertArrayEquals(lCopy.data, l.data, 0.0, what + ": factor modified");
            }
        }
    }

    @Test
    void logDetFromFactorAgreesWithLogDetHpdAndClosedForms() {
        SplittableRandom rng = new SplittableRandom(54);
        for (int n : SIZES) {
            ZMatrixRMaj a = hpd(rng, n);
            ZMatrixRMaj l = new ZMatrixRMaj(n, n);
            SmallCholesky.choleskyLower(a, l);
            double expected = ComplexOps.logDetHpd(a);
            assertEquals(expected, SmallCholesky.logDetFromFactor(l), C * n * EPS * KAPPA, "n = " + n);
        }
        // far beyond the range of det itself: diag(1e200) gives 4 log(1e200)
        ZMatrixRMaj big = ComplexOps.identity(4);
        ComplexOps.scale(1e200, big);
        SmallCholesky.choleskyLower(big, big);
        assertEquals(4 * Math.log(1e200), SmallCholesky.logDetFromFactor(big), 1e-12 * 4 * Math.log(1e200));
        double[] d = {0.5, 2, 7};
        ZMatrixRMaj diag = hermitianWithSpectrum(rng, d);
        SmallCholesky.choleskyLower(diag, diag);
        assertEquals(Math.log(7.0), SmallCholesky.logDetFromFactor(diag), C * 3 * EPS * 14);
    }

    @Test
    void rejectsMatricesThatAreNotPositiveDefiniteNamingThem() {
        SplittableRandom rng = new SplittableRandom(55);
        ZMatrixRMaj indefinite = hermitianWithSpectrum(rng, new double[] {3, 1, -0.5, 2});
        ZMatrixRMaj negative = hermitianWithSpectrum(rng, new double[] {-1, -2, -3, -4});
        ZMatrixRMaj zero = new ZMatrixRMaj(4, 4);
        ZMatrixRMaj singular = ComplexOps.identity(4);
        singular.set(2, 2, 0, 0);
        ZMatrixRMaj notANumber = ComplexOps.identity(4);
        notANumber.set(3, 1, Double.NaN, 0);
        ZMatrixRMaj infinite = ComplexOps.identity(4);
        infinite.set(0, 0, Double.POSITIVE_INFINITY, 0);
        for (ZMatrixRMaj a : new ZMatrixRMaj[] {indefinite, negative, zero, singular, notANumber, infinite}) {
            ZMatrixRMaj l = new ZMatrixRMaj(4, 4);
            DecompositionException e = assertThrows(DecompositionException.class,
                    () -> SmallCholesky.choleskyLower(a, l, "test: covariance F"));
            assertTrue(e.getMessage().contains("test: covariance F (4x4) is not positive definite"), e.getMessage());
            assertThrows(DecompositionException.class, () -> SmallCholesky.choleskyLower(a, l));
        }
        assertThrows(IllegalArgumentException.class,
                () -> SmallCholesky.choleskyLower(new ZMatrixRMaj(4, 3), new ZMatrixRMaj(4, 4)));
    }

    @Test
    void hermitianPartIsTheAverageWithTheConjugateTranspose() {
        SplittableRandom rng = new SplittableRandom(56);
        for (int n : SIZES) {
            ZMatrixRMaj a = gaussian(rng, n, n);
            ZMatrixRMaj ah = conjTrans(a);
            ZMatrixRMaj expected = new ZMatrixRMaj(n, n);
            for (int e = 0; e < expected.getDataLength(); e++) {
                expected.data[e] = 0.5 * (a.data[e] + ah.data[e]);
            }
            SmallCholesky.hermitianPart(a);
            assertTrue(distance(expected, a) <= EPS * norm(expected), "n = " + n);
            assertArrayEquals(conjTrans(a).data, a.data, 0.0, "exactly Hermitian, n = " + n);
        }
    }

    @Test
    void kernelsDoNotAllocate() {
        SplittableRandom rng = new SplittableRandom(57);
        int n = 8;
        ZMatrixRMaj a = hpd(rng, n);
        ZMatrixRMaj l = new ZMatrixRMaj(n, n);
        ZMatrixRMaj b = gaussian(rng, n, 3);
        ZMatrixRMaj x = new ZMatrixRMaj(n, 3);
        ZMatrixRMaj rows = gaussian(rng, 3, n);
        ZMatrixRMaj u = new ZMatrixRMaj(3, n);
        double[] sink = new double[1];
        Runnable kernels = () -> {
            for (int rep = 0; rep < 1000; rep++) {
                SmallCholesky.choleskyLower(a, l, "test: A");
                SmallCholesky.solveLeftHermitian(l, b, x);
                SmallCholesky.solveRightHermitian(l, rows, u);
                sink[0] += SmallCholesky.logDetFromFactor(l);
            }
        };
        kernels.run(); // warm up
        long bytes = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 3 && bytes > ALLOWANCE_BYTES; attempt++) {
            bytes = TestMatrices.allocatedBytes(kernels);
            assumeTrue(bytes >= 0, "no per-thread allocation counter");
        }
        assertTrue(bytes <= ALLOWANCE_BYTES, "1000 rounds of the kernels allocated " + bytes + " bytes");
        assertTrue(Double.isFinite(sink[0]));
    }

    /** What the JVM may allocate around a measurement (counter bookkeeping), far below one matrix per round. */
    static final long ALLOWANCE_BYTES = 1000;
}
