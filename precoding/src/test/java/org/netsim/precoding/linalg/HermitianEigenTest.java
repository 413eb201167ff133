package org.netsim.precoding.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.netsim.precoding.linalg.TestMatrices.EPS;
import static org.netsim.precoding.linalg.TestMatrices.distance;
import static org.netsim.precoding.linalg.TestMatrices.hermitianWithSpectrum;
import static org.netsim.precoding.linalg.TestMatrices.naiveMult;
import static org.netsim.precoding.linalg.TestMatrices.norm;
import static org.netsim.precoding.linalg.TestMatrices.orthonormalityError;
import static org.netsim.precoding.linalg.TestMatrices.randomHermitian;
import static org.netsim.precoding.linalg.TestMatrices.scaleColumns;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * {@link HermitianEigen} through its public API only: A = Q diag(lambda) Q^H with Q unitary and lambda real and
 * ascending, against matrices of known spectrum (A = Q0 diag(d) Q0^H with a random unitary Q0) and closed forms.
 *
 * <p>Tolerances. A backward-stable Hermitian eigensolver returns the exact decomposition of A + E with
 * ||E|| &lt;= c(n) eps ||A|| for a modest c(n); we allow c(n) = {@value #BACKWARD_FACTOR} n (Frobenius norms), so
 * <ul>
 *   <li>reconstruction: ||A - Q diag(lambda) Q^H||_F &lt;= {@value #BACKWARD_FACTOR} n eps ||A||_F;</li>
 *   <li>eigenvalues (Weyl's theorem, |lambda_j(A + E) - lambda_j(A)| &lt;= ||E||_2): the same absolute bound, so
 *       small eigenvalues of an ill-conditioned matrix are checked in absolute, not relative, terms;</li>
 *   <li>unitarity: ||Q^H Q - I||_F &lt;= {@value #BACKWARD_FACTOR} n eps.</li>
 * </ul>
 * The measured values on these inputs are below 2 n eps ||A||_F; the factor 10 leaves room for another correct
 * implementation of the same API.
 */
class HermitianEigenTest {

    /** c(n) / n in the backward-error bound c(n) eps ||A||_F (see the class comment). */
    static final double BACKWARD_FACTOR = 10;

    private static double tolerance(int n, double normA) {
        return BACKWARD_FACTOR * n * EPS * normA;
    }

    /**
     * Checks the decomposition of {@code a} against its known spectrum {@code d} (any order): reconstruction,
     * unitarity, ascending eigenvalues equal to sort(d), and the eigen-residual ||A q_j - lambda_j q_j|| per column.
     */
    private static void checkDecomposition(ZMatrixRMaj a, double[] d, String what) {
        int n = a.numRows;
        HermitianEigen eig = new HermitianEigen(n);
        eig.decompose(a);
        checkDecomposition(eig, a, d, what);
    }

    private static void checkDecomposition(HermitianEigen eig, ZMatrixRMaj a, double[] d, String what) {
        int n = a.numRows;
        double normA = norm(a);
        double tol = tolerance(n, normA);
        double[] lambda = eig.values();
        ZMatrixRMaj q = eig.vectors();
        assertEquals(n, lambda.length, what);
        assertEquals(n, q.numRows, what);
        assertEquals(n, q.numCols, what);
        for (int j = 1; j < n; j++) {
            assertTrue(lambda[j - 1] <= lambda[j], what + ": eigenvalues not ascending at " + j + ": "
                    + Arrays.toString(lambda));
        }
        if (d != null) {
            double[] sorted = d.clone();
            Arrays.sort(sorted);
            for (int j = 0; j < n; j++) {
                assertEquals(sorted[j], lambda[j], tol, what + ": eigenvalue " + j + " of " + Arrays.toString(lambda));
            }
        }
        assertEquals(lambda[n - 1], eig.maxValue(), 0.0, what + ": maxValue");
        double ortho = orthonormalityError(q);
        assertTrue(ortho <= BACKWARD_FACTOR * n * EPS, what + ": ||Q^H Q - I||_F = " + ortho);
        ZMatrixRMaj rebuilt = naiveMult(scaleColumns(q, lambda), false, q, true);
        double rec = distance(a, rebuilt);
        assertTrue(rec <= tol, what + ": ||A - Q L Q^H||_F = " + rec + " > " + tol);
        ZMatrixRMaj aq = naiveMult(a, false, q, false);
        ZMatrixRMaj ql = scaleColumns(q, lambda);
        for (int j = 0; j < n; j++) {
            double r = 0;
            for (int i = 0; i < n; i++) {
                double re = aq.getReal(i, j) - ql.getReal(i, j);
                double im = aq.getImag(i, j) - ql.getImag(i, j);
                r += re * re + im * im;
            }
            assertTrue(Math.sqrt(r) <= tol, what + ": ||A q_j - lambda_j q_j|| = " + Math.sqrt(r) + " for j = " + j);
        }
    }

    @Test
    void decomposesRandomSpectraOfEverySizeUpTo64() {
        SplittableRandom rng = new SplittableRandom(11);
        for (int n = 1; n <= 64; n++) {
            double[] d = new double[n];
            double scale = Math.pow(10, rng.nextInt(-3, 4));
            for (int j = 0; j < n; j++) {
                d[j] = scale * (2 * rng.nextDouble() - 1);
            }
            checkDecomposition(hermitianWithSpectrum(rng, d), d, "n = " + n);
        }
    }

    @Test
    void decomposesRandomHermitianMatricesWithoutKnownSpectrum() {
        SplittableRandom rng = new SplittableRandom(12);
        for (int n : new int[] {1, 2, 3, 5, 9, 17, 33, 64}) {
            ZMatrixRMaj a = randomHermitian(rng, n);
            checkDecomposition(a, null, "random Hermitian n = " + n);
            double sum = Arrays.stream(HermitianEigen.eigenvalues(a)).sum();
            assertEquals(ComplexOps.traceReal(a), sum, tolerance(n, norm(a)) * Math.sqrt(n), "sum = trace");
        }
    }

    @Test
    void closedFormOfTwoByTwo() {
        // [[a, b], [conj(b), c]]: lambda = (a + c)/2 -+ sqrt(((a - c)/2)^2 + |b|^2)
        double a = 1.5;
        double c = -0.25;
        double br = 0.3;
        double bi = -0.8;
        ZMatrixRMaj m = new ZMatrixRMaj(2, 2);
        m.set(0, 0, a, 0);
        m.set(0, 1, br, bi);
        m.set(1, 0, br, -bi);
        m.set(1, 1, c, 0);
        double mid = (a + c) / 2;
        double rad = Math.sqrt((a - c) * (a - c) / 4 + br * br + bi * bi);
        checkDecomposition(m, new double[] {mid + rad, mid - rad}, "2x2 closed form");
    }

    @Test
    void diagonalMatrixGivesItsSortedDiagonalAndUnitVectors() {
        double[] d = {3, -1, 0.5, 7, -2};
        ZMatrixRMaj a = new ZMatrixRMaj(5, 5);
        for (int j = 0; j < 5; j++) {
            a.set(j, j, d[j], 0);
        }
        HermitianEigen eig = new HermitianEigen(5);
        eig.decompose(a);
        assertArrayEquals(new double[] {-2, -1, 0.5, 3, 7}, eig.values(), 4 * EPS * 7);
        int[] source = {4, 1, 2, 0, 3}; // the diagonal position of the j-th smallest value
        ZMatrixRMaj q = eig.vectors();
        for (int j = 0; j < 5; j++) {
            double mag = Math.hypot(q.getReal(source[j], j), q.getImag(source[j], j));
            assertEquals(1.0, mag, 1e-14, "eigenvector " + j + " is a unit vector (up to phase)");
        }
        checkDecomposition(eig, a, d, "diagonal");
    }

    @Test
    void degenerateEigenvaluesGiveAnOrthonormalBasisOfEachEigenspace() {
        SplittableRandom rng = new SplittableRandom(13);
        for (int n : new int[] {2, 3, 4, 8, 16, 31, 64}) {
            double[] identityLike = new double[n];
            Arrays.fill(identityLike, 2.5);
            checkDecomposition(hermitianWithSpectrum(rng, identityLike), identityLike, "c I, n = " + n);
            double[] threeValues = new double[n];
            for (int j = 0; j < n; j++) {
                threeValues[j] = j % 3 - 1.0;
            }
            checkDecomposition(hermitianWithSpectrum(rng, threeValues), threeValues, "{-1, 0, 1}, n = " + n);
            double[] twoClusters = new double[n];
            for (int j = 0; j < n; j++) {
                twoClusters[j] = j < n / 4 ? 5.0 : -3.0;
            }
            checkDecomposition(hermitianWithSpectrum(rng, twoClusters), twoClusters, "{5, -3}, n = " + n);
        }
        ZMatrixRMaj identity = ComplexOps.identity(7);
        checkDecomposition(identity, new double[] {1, 1, 1, 1, 1, 1, 1}, "exact identity");
    }

    @Test
    void illConditionedSpectrumHasAbsoluteAccuracy() {
        SplittableRandom rng = new SplittableRandom(14);
        for (int n : new int[] {2, 3, 8, 20, 38, 64}) {
            // condition number 1e12: eigenvalues log-spaced from 1 down to 1e-12, half of them negative
            double[] d = new double[n];
            for (int j = 0; j < n; j++) {
                d[j] = (j % 2 == 0 ? 1 : -1) * Math.pow(10, -12.0 * j / (n - 1));
            }
            checkDecomposition(hermitianWithSpectrum(rng, d), d, "condition 1e12, n = " + n);
        }
    }

    @Test
    void rankDeficientInputsHaveZeroEigenvaluesAndAFullBasis() {
        SplittableRandom rng = new SplittableRandom(15);
        for (int n : new int[] {2, 5, 12, 38, 64}) {
            for (int rank : new int[] {0, 1, n / 3, n - 1}) {
                double[] d = new double[n];
                for (int j = 0; j < rank; j++) {
                    d[j] = Math.pow(10, -12.0 * j / Math.max(1, rank - 1)); // also ill-conditioned on its range
                }
                checkDecomposition(hermitianWithSpectrum(rng, d), d, "rank " + rank + " of n = " + n);
            }
            // a Gram matrix B B^H with B n x r: positive semidefinite with n - r zero eigenvalues
            int r = Math.max(1, n / 4);
            ZMatrixRMaj b = TestMatrices.gaussian(rng, n, r);
            ZMatrixRMaj gram = naiveMult(b, false, b, true);
            HermitianEigen eig = new HermitianEigen(n);
            eig.decompose(gram);
            checkDecomposition(eig, gram, null, "Gram matrix of rank " + r + ", n = " + n);
            double tol = tolerance(n, norm(gram));
            for (int j = 0; j < n - r; j++) {
                assertEquals(0.0, eig.values()[j], tol, "zero eigenvalue " + j);
            }
            assertTrue(eig.values()[n - r] > 100 * tol, "the r nonzero eigenvalues are resolved");
        }
    }

    @Test
    void symmetricSpectrumWithALargeNullSpace() {
        // the spectrum of the Jordan-Wielandt matrix [[0, B], [B^H, 0]] of a 7 x 31 matrix B with singular values
        // 1, 1e-2, ..., 1e-12: +-s_j and 24 zeros
        SplittableRandom rng = new SplittableRandom(19);
        double[] d = new double[38];
        for (int j = 0; j < 7; j++) {
            d[2 * j] = Math.pow(10, -2.0 * j);
            d[2 * j + 1] = -d[2 * j];
        }
        for (int trial = 0; trial < 10; trial++) {
            checkDecomposition(hermitianWithSpectrum(rng, d), d, "+-s and 24 zeros, trial " + trial);
        }
    }

    @Test
    void inputIsNotModified() {
        SplittableRandom rng = new SplittableRandom(16);
        ZMatrixRMaj a = randomHermitian(rng, 9);
        ZMatrixRMaj before = a.copy();
        new HermitianEigen(9).decompose(a);
        HermitianEigen.eigenvalues(a);
        HermitianEigen.largestEigenvalue(a);
        assertArrayEquals(before.data, a.data, 0.0);
    }

    @Test
    void reusedInstanceGivesTheResultOfAFreshInstance() {
        SplittableRandom rng = new SplittableRandom(17);
        int n = 12;
        ZMatrixRMaj a = randomHermitian(rng, n);
        double[] degenerate = new double[n];
        Arrays.fill(degenerate, 0, n / 2, 1.0);
        ZMatrixRMaj b = hermitianWithSpectrum(rng, degenerate);
        HermitianEigen fresh = new HermitianEigen(n);
        fresh.decompose(a);
        double[] freshValues = fresh.values().clone();
        ZMatrixRMaj freshVectors = fresh.vectors().copy();

        HermitianEigen reused = new HermitianEigen(n);
        reused.decompose(b);
        reused.decompose(a);
        assertArrayEquals(freshValues, reused.values(), 0.0, "eigenvalues after reuse");
        assertArrayEquals(freshVectors.data, reused.vectors().data, 0.0, "eigenvectors after reuse");
        reused.decompose(b);
        checkDecomposition(reused, b, degenerate, "second matrix after reuse");
    }

    @Test
    void staticHelpersAgreeWithAnInstance() {
        SplittableRandom rng = new SplittableRandom(18);
        ZMatrixRMaj a = randomHermitian(rng, 10);
        HermitianEigen eig = new HermitianEigen(10);
        eig.decompose(a);
        assertEquals(10, eig.size());
        double[] values = HermitianEigen.eigenvalues(a);
        assertArrayEquals(eig.values(), values, 0.0);
        assertEquals(eig.maxValue(), HermitianEigen.largestEigenvalue(a), 0.0);
        values[0] = 1e300; // a new array: the caller may modify it
        assertArrayEquals(eig.values(), HermitianEigen.eigenvalues(a), 0.0);
    }

    @Test
    void nonFiniteInputIsADecompositionException() {
        double[] bad = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (double x : bad) {
            for (int part = 0; part < 2; part++) {
                ZMatrixRMaj a = ComplexOps.identity(3);
                a.data[(1 * 3 + 2) * 2 + part] = x;
                a.data[(2 * 3 + 1) * 2 + part] = part == 0 ? x : -x;
                HermitianEigen eig = new HermitianEigen(3);
                assertThrows(DecompositionException.class, () -> eig.decompose(a), "entry " + x + " part " + part);
            }
        }
        ZMatrixRMaj diagonalNan = ComplexOps.identity(2);
        diagonalNan.set(0, 0, Double.NaN, 0);
        assertThrows(DecompositionException.class, () -> HermitianEigen.eigenvalues(diagonalNan));
        assertThrows(DecompositionException.class, () -> HermitianEigen.largestEigenvalue(diagonalNan));
    }

    @Test
    void rejectsBadSizes() {
        assertThrows(IllegalArgumentException.class, () -> new HermitianEigen(0));
        HermitianEigen eig = new HermitianEigen(3);
        assertThrows(IllegalArgumentException.class, () -> eig.decompose(new ZMatrixRMaj(3, 4)));
        assertThrows(IllegalArgumentException.class, () -> eig.decompose(new ZMatrixRMaj(4, 4)));
    }
}
