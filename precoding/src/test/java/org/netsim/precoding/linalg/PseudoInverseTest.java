package org.netsim.precoding.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.netsim.precoding.linalg.TestMatrices.EPS;
import static org.netsim.precoding.linalg.TestMatrices.conjTrans;
import static org.netsim.precoding.linalg.TestMatrices.distance;
import static org.netsim.precoding.linalg.TestMatrices.naiveMult;
import static org.netsim.precoding.linalg.TestMatrices.norm;
import static org.netsim.precoding.linalg.TestMatrices.orthonormalColumns;
import static org.netsim.precoding.linalg.TestMatrices.scaleColumns;
import static org.netsim.precoding.linalg.TestMatrices.unitary;

import java.util.SplittableRandom;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * {@link PseudoInverse}: the four Moore-Penrose conditions, the closed form A^+ = V0 diag(1/s0) U0^H of a matrix
 * built as A = U0 diag(s0) V0^H (zeros in s0 for rank-deficient inputs), agreement with the LU inverse for
 * invertible A, the explicit relative threshold, and the Hermitian variant.
 *
 * <p>Tolerances: the SVD is backward stable with ||E||_F &lt;= c(p) eps ||A||_F, c(p) =
 * {@value HermitianEigenTest#BACKWARD_FACTOR} p, p = m + n (see {@link ComplexSvdTest}). While the rank is
 * preserved, Wedin's perturbation bound gives ||(A + E)^+ - A^+|| &lt;= mu ||A^+||^2 ||E|| with mu &lt; 2, so a
 * result equal to A^+ (and each Moore-Penrose identity) holds to {@value #WEDIN_MU} c(p) eps kappa times the norm of
 * the compared quantity, kappa = s_max / s_min over the nonzero singular values. The test matrices have
 * kappa &lt;= 10 by construction.
 */
class PseudoInverseTest {

    /** Wedin's constant, rounded up (the spectral-norm bound is (1 + sqrt 5) / 2). */
    static final double WEDIN_MU = 2;

    private static double tolerance(int m, int n, double kappa, double scale) {
        return WEDIN_MU * HermitianEigenTest.BACKWARD_FACTOR * (m + n) * EPS * kappa * scale;
    }

    /** Singular values in [1, 10] with the given number of exact zeros at random positions. */
    private static double[] singularValues(SplittableRandom rng, int r, int zeros) {
        double[] s = new double[r];
        for (int j = 0; j < r; j++) {
            s[j] = 1 + 9 * rng.nextDouble();
        }
        for (int z = 0; z < zeros; z++) {
            s[(z * 7 + 3) % r] = 0;
        }
        return s;
    }

    private static double[] inverted(double[] s) {
        double[] out = new double[s.length];
        for (int j = 0; j < s.length; j++) {
            out[j] = s[j] == 0 ? 0 : 1 / s[j];
        }
        return out;
    }

    private static double kappa(double[] s) {
        double max = 0;
        double min = Double.POSITIVE_INFINITY;
        for (double x : s) {
            if (x > 0) {
                max = Math.max(max, x);
                min = Math.min(min, x);
            }
        }
        return max == 0 ? 1 : max / min;
    }

    /** The four Moore-Penrose conditions for x = a^+, each to {@link #tolerance} of its own scale. */
    static void checkMoorePenrose(ZMatrixRMaj a, ZMatrixRMaj x, double kappa, String what) {
        int m = a.numRows;
        int n = a.numCols;
        assertEquals(n, x.numRows, what + ": rows of A^+");
        assertEquals(m, x.numCols, what + ": columns of A^+");
        ZMatrixRMaj ax = naiveMult(a, false, x, false); // [m x m]
        ZMatrixRMaj xa = naiveMult(x, false, a, false); // [n x n]
        double normA = norm(a);
        double normX = norm(x);
        double e1 = distance(naiveMult(ax, false, a, false), a);
        double e2 = distance(naiveMult(xa, false, x, false), x);
        double e3 = distance(conjTrans(ax), ax);
        double e4 = distance(conjTrans(xa), xa);
        // A A^+ and A^+ A are orthogonal projectors: Frobenius norm sqrt(rank) <= sqrt(min(m, n))
        double projScale = Math.sqrt(Math.min(m, n));
        assertTrue(e1 <= tolerance(m, n, kappa, normA), what + ": ||A A+ A - A|| = " + e1);
        assertTrue(e2 <= tolerance(m, n, kappa, normX), what + ": ||A+ A A+ - A+|| = " + e2);
        assertTrue(e3 <= tolerance(m, n, kappa, projScale), what + ": ||(A A+)^H - A A+|| = " + e3);
        assertTrue(e4 <= tolerance(m, n, kappa, projScale), what + ": ||(A+ A)^H - A+ A|| = " + e4);
    }

    @Test
    void moorePenroseConditionsAndClosedFormForFullAndDeficientRank() {
        SplittableRandom rng = new SplittableRandom(31);
        int[] sizes = {1, 2, 3, 5, 8, 13, 20};
        for (int m : sizes) {
            for (int n : sizes) {
                int r = Math.min(m, n);
                for (int zeros : new int[] {0, r / 2, r - 1, r}) {
                    double[] s = singularValues(rng, r, zeros);
                    ZMatrixRMaj u0 = orthonormalColumns(rng, m, r);
                    ZMatrixRMaj v0 = orthonormalColumns(rng, n, r);
                    ZMatrixRMaj a = naiveMult(scaleColumns(u0, s), false, v0, true);
                    ZMatrixRMaj before = a.copy();
                    ZMatrixRMaj x = PseudoInverse.compute(a);
                    assertArrayEquals(before.data, a.data, 0.0, "input modified");
                    String what = m + "x" + n + " with " + zeros + " zero singular values";
                    checkMoorePenrose(a, x, kappa(s), what);
                    ZMatrixRMaj expected = naiveMult(scaleColumns(v0, inverted(s)), false, u0, true);
                    double err = distance(expected, x);
                    // scale: ||A^+||_F, or 1 / max s = 0.1 when A^+ = 0
                    assertTrue(err <= tolerance(m, n, kappa(s), Math.max(norm(expected), 0.1)),
                            what + ": ||A+ - V0 S0^+ U0^H|| = " + err);
                }
            }
        }
    }

    /**
     * Massive-MIMO shapes (one 4-antenna UE, and 16 stacked streams, at a 256-antenna BS, and their transposes),
     * where the SVD goes through its thin-QR reduction: the Moore-Penrose conditions and the closed form, also with
     * a zero singular value.
     */
    @Test
    void veryWideAndTallMatrices() {
        SplittableRandom rng = new SplittableRandom(36);
        for (int[] mn : new int[][] {{4, 256}, {256, 4}, {16, 256}, {256, 16}}) {
            int m = mn[0];
            int n = mn[1];
            int r = Math.min(m, n);
            for (int zeros : new int[] {0, 1}) {
                double[] s = singularValues(rng, r, zeros);
                ZMatrixRMaj u0 = orthonormalColumns(rng, m, r);
                ZMatrixRMaj v0 = orthonormalColumns(rng, n, r);
                ZMatrixRMaj a = naiveMult(scaleColumns(u0, s), false, v0, true);
                ZMatrixRMaj x = PseudoInverse.compute(a);
                String what = m + "x" + n + " with " + zeros + " zero singular values";
                checkMoorePenrose(a, x, kappa(s), what);
                ZMatrixRMaj expected = naiveMult(scaleColumns(v0, inverted(s)), false, u0, true);
                double err = distance(expected, x);
                assertTrue(err <= tolerance(m, n, kappa(s), norm(expected)), what + ": ||A+ - V0 S0^+ U0^H|| = " + err);
            }
        }
    }

    @Test
    void equalsTheInverseOfAnInvertibleMatrix() {
        SplittableRandom rng = new SplittableRandom(32);
        for (int n : new int[] {1, 2, 4, 9, 16}) {
            double[] s = singularValues(rng, n, 0);
            ZMatrixRMaj a = TestMatrices.withSingularValues(rng, n, n, s);
            ZMatrixRMaj pinv = PseudoInverse.compute(a);
            ZMatrixRMaj inv = ComplexOps.invert(a);
            assertTrue(distance(pinv, inv) <= tolerance(n, n, kappa(s), norm(inv)),
                    "n = " + n + ": ||A+ - A^-1|| = " + distance(pinv, inv));
        }
    }

    @Test
    void explicitRelativeThresholdDropsSmallSingularValues() {
        SplittableRandom rng = new SplittableRandom(33);
        double[] s = {8, 6, 3, 1, 0.5};
        ZMatrixRMaj u0 = orthonormalColumns(rng, 7, 5);
        ZMatrixRMaj v0 = orthonormalColumns(rng, 5, 5);
        ZMatrixRMaj a = naiveMult(scaleColumns(u0, s), false, v0, true);
        // relative threshold 0.2: keep s > 0.2 * 8 = 1.6, i.e. 8, 6, 3
        ZMatrixRMaj x = PseudoInverse.compute(a, 0.2);
        ZMatrixRMaj expected = naiveMult(scaleColumns(v0, new double[] {1 / 8.0, 1 / 6.0, 1 / 3.0, 0, 0}), false, u0,
                true);
        assertTrue(distance(expected, x) <= tolerance(7, 5, 16, norm(expected)), "truncated pseudo-inverse");
        // the default threshold keeps all five
        ZMatrixRMaj full = PseudoInverse.compute(a);
        ZMatrixRMaj expectedFull = naiveMult(scaleColumns(v0, inverted(s)), false, u0, true);
        assertTrue(distance(expectedFull, full) <= tolerance(7, 5, 16, norm(expectedFull)), "full pseudo-inverse");
        assertEquals(7 * EPS, PseudoInverse.defaultRelativeTolerance(7, 5), 0.0);
        assertEquals(7 * EPS, PseudoInverse.defaultRelativeTolerance(5, 7), 0.0);
    }

    @Test
    void singularValuesBelowTheDefaultThresholdCountAsZero() {
        SplittableRandom rng = new SplittableRandom(34);
        double[] s = {1, 1e-17, 0.5};
        ZMatrixRMaj u0 = orthonormalColumns(rng, 3, 3);
        ZMatrixRMaj v0 = orthonormalColumns(rng, 4, 3);
        ZMatrixRMaj a = naiveMult(scaleColumns(u0, s), false, v0, true);
        ZMatrixRMaj x = PseudoInverse.compute(a);
        ZMatrixRMaj expected = naiveMult(scaleColumns(v0, new double[] {1, 0, 2}), false, u0, true);
        assertTrue(distance(expected, x) <= tolerance(3, 4, 2, norm(expected)),
                "1e-17 is below 4 eps and must be dropped, not inverted to 1e17");
        ZMatrixRMaj zero = PseudoInverse.compute(new ZMatrixRMaj(3, 2));
        assertEquals(2, zero.numRows);
        assertEquals(3, zero.numCols);
        assertEquals(0.0, norm(zero), 0.0);
    }

    @Test
    void hermitianVariantMatchesTheClosedFormAndTheGeneralOne() {
        SplittableRandom rng = new SplittableRandom(35);
        for (int n : new int[] {1, 2, 5, 12, 24}) {
            for (int zeros : new int[] {0, 1, n / 2, n}) {
                double[] lambda = new double[n];
                for (int j = 0; j < n; j++) {
                    lambda[j] = j < zeros ? 0 : (j % 2 == 0 ? 1 : -1) * (1 + 9 * rng.nextDouble());
                }
                ZMatrixRMaj q0 = unitary(rng, n);
                ZMatrixRMaj a = naiveMult(scaleColumns(q0, lambda), false, q0, true);
                for (int r = 0; r < n; r++) { // exactly Hermitian
                    a.set(r, r, a.getReal(r, r), 0);
                    for (int c = r + 1; c < n; c++) {
                        a.set(c, r, a.getReal(r, c), -a.getImag(r, c));
                    }
                }
                double[] magnitudes = new double[n];
                for (int j = 0; j < n; j++) {
                    magnitudes[j] = Math.abs(lambda[j]);
                }
                double kappa = kappa(magnitudes);
                HermitianEigen eig = new HermitianEigen(n);
                eig.decompose(a);
                ZMatrixRMaj x = new ZMatrixRMaj(1, 3); // wrong shape: reshaped
                PseudoInverse.hermitian(eig, x);
                String what = "Hermitian n = " + n + " with " + zeros + " zero eigenvalues";
                checkMoorePenrose(a, x, kappa, what);
                ZMatrixRMaj expected = naiveMult(scaleColumns(q0, inverted(lambda)), false, q0, true);
                double tol = tolerance(n, n, kappa, Math.max(norm(expected), 0.1));
                assertTrue(distance(expected, x) <= tol, what + ": closed form, error " + distance(expected, x));
                assertTrue(distance(PseudoInverse.compute(a), x) <= tol,
                        what + ": agrees with the SVD-based pseudo-inverse");
            }
        }
    }
}
