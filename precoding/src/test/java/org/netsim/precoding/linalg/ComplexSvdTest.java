package org.netsim.precoding.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.netsim.precoding.linalg.TestMatrices.EPS;
import static org.netsim.precoding.linalg.TestMatrices.distance;
import static org.netsim.precoding.linalg.TestMatrices.gaussian;
import static org.netsim.precoding.linalg.TestMatrices.naiveMult;
import static org.netsim.precoding.linalg.TestMatrices.norm;
import static org.netsim.precoding.linalg.TestMatrices.orthonormalityError;
import static org.netsim.precoding.linalg.TestMatrices.scaleColumns;
import static org.netsim.precoding.linalg.TestMatrices.withSingularValues;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * {@link ComplexSvd}: A = U diag(s) V^H with U (m x r) and V (n x r) having orthonormal columns, r = min(m, n), s
 * descending and non-negative, checked against matrices of known singular values (A = U0 diag(s0) V0^H with random
 * U0, V0 of orthonormal columns) and closed forms.
 *
 * <p>Tolerances: the decomposition is a Hermitian eigendecomposition of the (m + n) x (m + n) Jordan-Wielandt
 * matrix (of the 2r x 2r one of the square QR factor for m != n, after a backward-stable Householder QR),
 * backward stable with error c(p) eps ||A|| for p = m + n; as in {@link HermitianEigenTest} we allow
 * c(p) = {@value HermitianEigenTest#BACKWARD_FACTOR} p (Frobenius norms) for the reconstruction, the absolute
 * error of every singular value (Weyl's theorem for singular values), and ||U^H U - I||_F, ||V^H V - I||_F
 * (reorthonormalised columns). Measured values are below 1 p eps ||A||_F.
 */
class ComplexSvdTest {

    private static final int[] SIZES = {1, 2, 3, 4, 5, 7, 8, 11, 16, 23, 32};

    private static double tolerance(int m, int n, double normA) {
        return HermitianEigenTest.BACKWARD_FACTOR * (m + n) * EPS * normA;
    }

    /** Checks the SVD of {@code a}; {@code s0}, if given, are its singular values (any order). */
    private static ComplexSvd check(ZMatrixRMaj a, double[] s0, String what) {
        int m = a.numRows;
        int n = a.numCols;
        int r = Math.min(m, n);
        ZMatrixRMaj before = a.copy();
        ComplexSvd svd = ComplexSvd.decompose(a);
        assertArrayEquals(before.data, a.data, 0.0, what + ": input modified");
        double normA = norm(a);
        double tol = tolerance(m, n, normA);
        double[] s = svd.singularValues();
        ZMatrixRMaj u = svd.u();
        ZMatrixRMaj v = svd.v();
        assertEquals(r, s.length, what);
        assertEquals(m, u.numRows, what);
        assertEquals(r, u.numCols, what);
        assertEquals(n, v.numRows, what);
        assertEquals(r, v.numCols, what);
        for (int j = 0; j < r; j++) {
            assertTrue(s[j] >= 0, what + ": negative singular value " + s[j]);
            if (j > 0) {
                assertTrue(s[j - 1] >= s[j], what + ": not descending: " + Arrays.toString(s));
            }
        }
        if (s0 != null) {
            double[] sorted = s0.clone();
            Arrays.sort(sorted);
            for (int j = 0; j < r; j++) {
                assertEquals(sorted[r - 1 - j], s[j], tol, what + ": singular value " + j);
            }
        }
        double orthoTol = HermitianEigenTest.BACKWARD_FACTOR * (m + n) * EPS;
        assertTrue(orthonormalityError(u) <= orthoTol, what + ": ||U^H U - I||_F = " + orthonormalityError(u));
        assertTrue(orthonormalityError(v) <= orthoTol, what + ": ||V^H V - I||_F = " + orthonormalityError(v));
        double rec = distance(a, naiveMult(scaleColumns(u, s), false, v, true));
        assertTrue(rec <= tol, what + ": ||A - U S V^H||_F = " + rec + " > " + tol);
        double sumSquares = 0;
        for (double x : s) {
            sumSquares += x * x;
        }
        assertEquals(normA * normA, sumSquares, 2 * tol * normA, what + ": sum s_j^2 = ||A||_F^2");
        return svd;
    }

    @Test
    void tallWideAndSquareMatricesOfKnownSingularValues() {
        SplittableRandom rng = new SplittableRandom(21);
        for (int m : SIZES) {
            for (int n : SIZES) {
                int r = Math.min(m, n);
                double scale = Math.pow(10, rng.nextInt(-3, 4));
                double[] s0 = new double[r];
                for (int j = 0; j < r; j++) {
                    s0[j] = scale * (1 + 9 * rng.nextDouble());
                }
                check(withSingularValues(rng, m, n, s0), s0, m + "x" + n);
            }
        }
    }

    @Test
    void gaussianMatrices() {
        SplittableRandom rng = new SplittableRandom(22);
        for (int m : SIZES) {
            for (int n : new int[] {1, 6, 32}) {
                check(gaussian(rng, m, n), null, "Gaussian " + m + "x" + n);
            }
        }
    }

    @Test
    void illConditionedMatricesKeepOrthonormalFactors() {
        SplittableRandom rng = new SplittableRandom(23);
        for (int[] mn : new int[][] {{4, 3}, {7, 31}, {7, 7}, {13, 13}, {32, 20}, {20, 32}}) {
            int r = Math.min(mn[0], mn[1]);
            double[] s0 = new double[r];
            for (int j = 0; j < r; j++) {
                s0[j] = Math.pow(10, -12.0 * j / Math.max(1, r - 1)); // condition number 1e12
            }
            for (int trial = 0; trial < 3; trial++) {
                check(withSingularValues(rng, mn[0], mn[1], s0), s0, "condition 1e12, " + mn[0] + "x" + mn[1]);
            }
        }
    }

    @Test
    void rankDeficientMatricesHaveZerosAndCompletedBases() {
        SplittableRandom rng = new SplittableRandom(24);
        for (int m : new int[] {3, 8, 13, 19, 32}) {
            for (int n : new int[] {2, 9, 13, 27, 32}) {
                int r = Math.min(m, n);
                for (int rank : new int[] {0, 1, r / 2, r - 1}) {
                    double[] s0 = new double[r];
                    for (int j = 0; j < rank; j++) {
                        s0[j] = 1 + 9 * rng.nextDouble();
                    }
                    ComplexSvd svd = check(withSingularValues(rng, m, n, s0), s0,
                            "rank " + rank + " of " + m + "x" + n);
                    double rankTol = PseudoInverse.defaultRelativeTolerance(m, n) * 10 * (m + n);
                    assertEquals(rank, svd.rank(rankTol), "rank of " + m + "x" + n);
                }
            }
        }
        ComplexSvd zero = check(new ZMatrixRMaj(5, 3), new double[3], "zero 5x3");
        assertEquals(0, zero.rank(0.0));
    }

    @Test
    void diagonalMatrixClosedForm() {
        // A = diag(d_j e^{i theta_j}) padded to m x n: s = sorted |d_j|, u_j and v_j unit vectors at the position
        // of the j-th largest |d|, with u_j^H A v_j = s_j
        double[] mag = {0.5, 4.0, 2.0, 3.0};
        double[] phase = {0.3, -2.0, 1.1, 2.9};
        for (int[] mn : new int[][] {{4, 4}, {6, 4}, {4, 7}}) {
            ZMatrixRMaj a = new ZMatrixRMaj(mn[0], mn[1]);
            for (int j = 0; j < 4; j++) {
                a.set(j, j, mag[j] * Math.cos(phase[j]), mag[j] * Math.sin(phase[j]));
            }
            ComplexSvd svd = check(a, mag, "diagonal " + mn[0] + "x" + mn[1]);
            double[] s = svd.singularValues();
            assertArrayEquals(new double[] {4.0, 3.0, 2.0, 0.5}, s, 4 * 11 * EPS * 4);
            int[] position = {1, 3, 2, 0};
            ZMatrixRMaj u = svd.u();
            ZMatrixRMaj v = svd.v();
            for (int j = 0; j < 4; j++) {
                int t = position[j];
                assertEquals(1.0, Math.hypot(u.getReal(t, j), u.getImag(t, j)), 1e-13, "|u_" + j + "|");
                assertEquals(1.0, Math.hypot(v.getReal(t, j), v.getImag(t, j)), 1e-13, "|v_" + j + "|");
                // u_tj^* a_tt v_tj = s_j (real, positive)
                double ur = u.getReal(t, j);
                double ui = -u.getImag(t, j);
                double ar = a.getReal(t, t);
                double ai = a.getImag(t, t);
                double vr = v.getReal(t, j);
                double vi = v.getImag(t, j);
                double pr = ur * ar - ui * ai;
                double pi = ur * ai + ui * ar;
                assertEquals(s[j], pr * vr - pi * vi, 1e-13, "u^H A v real part");
                assertEquals(0.0, pr * vi + pi * vr, 1e-13, "u^H A v imaginary part");
            }
        }
    }

    @Test
    void rankOneOuterProductClosedForm() {
        // A = x y^H: s_1 = ||x|| ||y||, the rest zero, u_1 = x / ||x|| up to phase
        SplittableRandom rng = new SplittableRandom(25);
        ZMatrixRMaj x = gaussian(rng, 6, 1);
        ZMatrixRMaj y = gaussian(rng, 9, 1);
        ZMatrixRMaj a = naiveMult(x, false, y, true);
        ComplexSvd svd = check(a, null, "x y^H");
        double s1 = norm(x) * norm(y);
        assertEquals(s1, svd.singularValues()[0], tolerance(6, 9, s1));
        ZMatrixRMaj u1 = new ZMatrixRMaj(6, 1);
        for (int i = 0; i < 6; i++) {
            u1.set(i, 0, svd.u().getReal(i, 0), svd.u().getImag(i, 0));
        }
        double alignment = norm(naiveMult(u1, true, x, false)) / norm(x);
        assertEquals(1.0, alignment, 1e-13, "|u_1^H x| / ||x||");
        for (int j = 1; j < 6; j++) {
            assertEquals(0.0, svd.singularValues()[j], tolerance(6, 9, s1));
        }
    }

    /**
     * Massive-MIMO shapes (a 4-antenna UE and a 256-antenna BS), decomposed through the thin-QR reduction: known
     * singular values (well and ill conditioned), rank-deficient input with completed bases, and Gaussian channels,
     * each as 4 x 256 and as 256 x 4, with the same tolerances as the small sizes.
     */
    @Test
    void veryWideAndTallMatricesDecompose() {
        SplittableRandom rng = new SplittableRandom(27);
        double[][] spectra = {{4.0, 2.5, 1.0, 0.3}, {1.0, 1e-4, 1e-8, 1e-12}, {3.0, 1.0, 0.0, 0.0}};
        for (int[] mn : new int[][] {{4, 256}, {256, 4}}) {
            String shape = mn[0] + "x" + mn[1];
            for (double[] s0 : spectra) {
                ComplexSvd svd = check(withSingularValues(rng, mn[0], mn[1], s0), s0,
                        shape + " with s = " + Arrays.toString(s0));
                if (s0[3] == 0) {
                    assertEquals(2, svd.rank(PseudoInverse.defaultRelativeTolerance(mn[0], mn[1]) * 10 * 260),
                            shape + ": rank");
                }
            }
            check(gaussian(rng, mn[0], mn[1]), null, "Gaussian " + shape);
        }
    }

    /**
     * Inputs on which the Householder QR of the reduction meets an exactly zero column (a zero row of a wide matrix,
     * a zero column of a tall one, exactly parallel unit columns, the zero matrix; EJML then reports failure) and
     * which are decomposed without the reduction, and a tall matrix with a repeated column (numerically rank
     * deficient, through the reduction): the same guarantees in every case.
     */
    @Test
    void exactlyDegenerateWideAndTallMatrices() {
        SplittableRandom rng = new SplittableRandom(28);
        ZMatrixRMaj wide = gaussian(rng, 3, 40);
        for (int c = 0; c < 40; c++) {
            wide.set(1, c, 0, 0); // a zero row
        }
        ComplexSvd w = check(wide, null, "3x40 with a zero row");
        assertEquals(0.0, w.singularValues()[2], tolerance(3, 40, norm(wide)), "the zero row's singular value");
        ZMatrixRMaj tall = gaussian(rng, 40, 3);
        for (int r = 0; r < 40; r++) {
            tall.set(r, 1, 0, 0); // a zero column
        }
        ComplexSvd t = check(tall, null, "40x3 with a zero column");
        assertEquals(0.0, t.singularValues()[2], tolerance(40, 3, norm(tall)), "the zero column's singular value");
        ZMatrixRMaj repeated = gaussian(rng, 40, 3);
        for (int r = 0; r < 40; r++) {
            repeated.set(r, 2, repeated.getReal(r, 0), repeated.getImag(r, 0)); // column 2 = column 0
        }
        ComplexSvd rep = check(repeated, null, "40x3 with a repeated column");
        assertEquals(0.0, rep.singularValues()[2], tolerance(40, 3, norm(repeated)), "repeated column");
        ZMatrixRMaj parallel = new ZMatrixRMaj(40, 3); // columns e_0, 2 e_0, e_2: s = {sqrt 5, 1, 0}
        parallel.set(0, 0, 1, 0);
        parallel.set(0, 1, 2, 0);
        parallel.set(2, 2, 1, 0);
        check(parallel, new double[] {Math.sqrt(5), 1, 0}, "40x3 with parallel unit columns");
        check(new ZMatrixRMaj(3, 40), new double[3], "zero 3x40");
        check(new ZMatrixRMaj(40, 3), new double[3], "zero 40x3");
    }

    @Test
    void accessorsReturnCopies() {
        SplittableRandom rng = new SplittableRandom(26);
        ComplexSvd svd = ComplexSvd.decompose(gaussian(rng, 4, 3));
        double[] s = svd.singularValues();
        ZMatrixRMaj u = svd.u();
        ZMatrixRMaj v = svd.v();
        s[0] = -1;
        u.data[0] = 99;
        v.data[0] = 99;
        assertTrue(svd.singularValues()[0] > 0);
        assertTrue(svd.u().data[0] != 99);
        assertTrue(svd.v().data[0] != 99);
    }
}
