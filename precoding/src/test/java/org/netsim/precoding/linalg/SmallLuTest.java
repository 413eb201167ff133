package org.netsim.precoding.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.netsim.precoding.linalg.TestMatrices.EPS;
import static org.netsim.precoding.linalg.TestMatrices.distance;
import static org.netsim.precoding.linalg.TestMatrices.gaussian;
import static org.netsim.precoding.linalg.TestMatrices.naiveMult;
import static org.netsim.precoding.linalg.TestMatrices.norm;
import static org.netsim.precoding.linalg.TestMatrices.withSingularValues;

import java.util.SplittableRandom;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * {@link SmallLu}: the factors reproduce the row-permuted matrix, solves agree with the independent EJML-based
 * {@link ComplexOps#luSolve} and have small residuals, a column solve leaves the other columns alone, failures
 * name the matrix, and nothing is allocated.
 *
 * <p>Tolerances: LU with partial pivoting is backward stable with a growth factor that is small for these random
 * matrices, so ||P A - L U||_F and the residual ||A X - B||_F are at most c n eps ||A||_F (times ||X||_F), and two
 * such solves of a system with condition number kappa differ by at most 2 c n eps kappa ||X||_F; c =
 * {@value ComplexOpsTest#SOLVE_FACTOR} as in {@link ComplexOpsTest}. The agreement test uses non-Hermitian
 * matrices with singular values in [1, 10] (kappa &lt;= 10); the residual test plain Gaussian ones.
 */
class SmallLuTest {

    private static final double C = ComplexOpsTest.SOLVE_FACTOR;
    private static final int[] SIZES = {1, 2, 3, 4, 7, 12, 32};

    private static double[] singularValues(SplittableRandom rng, int n) {
        double[] s = new double[n];
        for (int j = 0; j < n; j++) {
            s[j] = 1 + 9 * rng.nextDouble();
        }
        return s;
    }

    @Test
    void factorsReproduceTheRowPermutedMatrix() {
        SplittableRandom rng = new SplittableRandom(61);
        for (int n : SIZES) {
            ZMatrixRMaj a = gaussian(rng, n, n);
            ZMatrixRMaj lu = a.copy();
            int[] pivots = new int[n + 2]; // longer than needed is allowed
            SmallLu.factorInPlace(lu, pivots, "test: A");
            ZMatrixRMaj l = new ZMatrixRMaj(n, n);
            ZMatrixRMaj u = new ZMatrixRMaj(n, n);
            for (int r = 0; r < n; r++) {
                assertTrue(pivots[r] >= r && pivots[r] < n, "pivot " + r + " = " + pivots[r]);
                l.set(r, r, 1, 0);
                for (int c = 0; c < n; c++) {
                    if (c < r) {
                        l.set(r, c, lu.getReal(r, c), lu.getImag(r, c));
                        double mag = Math.hypot(lu.getReal(r, c), lu.getImag(r, c));
                        assertTrue(mag <= 1 + 4 * EPS, "partial pivoting bounds |L_rc| by 1, got " + mag);
                    } else {
                        u.set(r, c, lu.getReal(r, c), lu.getImag(r, c));
                    }
                }
            }
            ZMatrixRMaj pa = a.copy(); // apply the swaps in order
            for (int k = 0; k < n; k++) {
                int p = pivots[k];
                for (int c = 0; c < n; c++) {
                    double re = pa.getReal(k, c);
                    double im = pa.getImag(k, c);
                    pa.set(k, c, pa.getReal(p, c), pa.getImag(p, c));
                    pa.set(p, c, re, im);
                }
            }
            double err = distance(pa, naiveMult(l, false, u, false));
            assertTrue(err <= C * n * EPS * norm(a), "n = " + n + ": ||P A - L U||_F = " + err);
        }
    }

    @Test
    void solvesAgreeWithTheEjmlLuSolveAndHaveSmallResiduals() {
        SplittableRandom rng = new SplittableRandom(62);
        for (int n : SIZES) {
            for (int cols : new int[] {1, 4}) {
                String what = "n = " + n + ", " + cols + " columns";
                ZMatrixRMaj a = withSingularValues(rng, n, n, singularValues(rng, n));
                ZMatrixRMaj b = gaussian(rng, n, cols);
                ZMatrixRMaj expected = new ZMatrixRMaj(n, cols);
                ComplexOps.luSolve(a, b, expected);
                ZMatrixRMaj lu = a.copy();
                int[] pivots = new int[n];
                SmallLu.factorInPlace(lu, pivots, "test: A");
                ZMatrixRMaj luCopy = lu.copy();
                ZMatrixRMaj x = b.copy();
                SmallLu.solveInPlace(lu, pivots, x);
                assertArrayEquals(luCopy.data, lu.data, 0.0, what + ": factors modified by the solve");
                double tol = 2 * C * n * EPS * 10 * norm(expected);
                assertTrue(distance(expected, x) <= tol, what + ": error " + distance(expected, x));

                ZMatrixRMaj g = gaussian(rng, n, n);
                ZMatrixRMaj gLu = g.copy();
                SmallLu.factorInPlace(gLu, pivots, "test: G");
                ZMatrixRMaj z = b.copy();
                SmallLu.solveInPlace(gLu, pivots, z);
                double residual = distance(naiveMult(g, false, z, false), b);
                assertTrue(residual <= C * n * EPS * norm(g) * norm(z), what + ": residual " + residual);
            }
        }
    }

    @Test
    void aColumnSolveChangesOnlyItsColumn() {
        SplittableRandom rng = new SplittableRandom(63);
        int n = 6;
        ZMatrixRMaj lu = gaussian(rng, n, n);
        int[] pivots = new int[n];
        SmallLu.factorInPlace(lu, pivots, "test: A");
        ZMatrixRMaj b = gaussian(rng, n, 3);
        ZMatrixRMaj all = b.copy();
        SmallLu.solveInPlace(lu, pivots, all);
        ZMatrixRMaj one = b.copy();
        SmallLu.solveColumnInPlace(lu, pivots, one, 1);
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < 3; c++) {
                ZMatrixRMaj ref = c == 1 ? all : b;
                assertTrue(ref.getReal(r, c) == one.getReal(r, c) && ref.getImag(r, c) == one.getImag(r, c),
                        "entry (" + r + ", " + c + ")");
            }
        }
    }

    @Test
    void rejectsSingularAndNonFiniteMatricesNamingThem() {
        SplittableRandom rng = new SplittableRandom(64);
        ZMatrixRMaj zero = new ZMatrixRMaj(4, 4);
        ZMatrixRMaj zeroRow = gaussian(rng, 4, 4);
        for (int c = 0; c < 4; c++) {
            zeroRow.set(1, c, 0, 0);
        }
        ZMatrixRMaj equalRows = gaussian(rng, 4, 4);
        for (int c = 0; c < 4; c++) {
            equalRows.set(3, c, equalRows.getReal(0, c), equalRows.getImag(0, c));
        }
        ZMatrixRMaj notANumber = gaussian(rng, 4, 4);
        notANumber.set(0, 0, Double.NaN, 0);
        ZMatrixRMaj infinite = gaussian(rng, 4, 4);
        infinite.set(2, 0, 0, Double.NEGATIVE_INFINITY);
        for (ZMatrixRMaj a : new ZMatrixRMaj[] {zero, zeroRow, equalRows, notANumber, infinite}) {
            DecompositionException e = assertThrows(DecompositionException.class,
                    () -> SmallLu.factorInPlace(a, new int[4], "test: system S"));
            assertTrue(e.getMessage().contains("test: system S (4x4) is singular or not finite"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class,
                () -> SmallLu.factorInPlace(new ZMatrixRMaj(3, 4), new int[4], "test"));
        assertThrows(IllegalArgumentException.class,
                () -> SmallLu.factorInPlace(new ZMatrixRMaj(4, 4), new int[3], "test"));
    }

    @Test
    void kernelsDoNotAllocate() {
        SplittableRandom rng = new SplittableRandom(65);
        int n = 8;
        ZMatrixRMaj a = gaussian(rng, n, n);
        ZMatrixRMaj lu = new ZMatrixRMaj(n, n);
        ZMatrixRMaj b = gaussian(rng, n, 3);
        ZMatrixRMaj x = new ZMatrixRMaj(n, 3);
        int[] pivots = new int[n];
        Runnable kernels = () -> {
            for (int rep = 0; rep < 1000; rep++) {
                System.arraycopy(a.data, 0, lu.data, 0, a.getDataLength());
                SmallLu.factorInPlace(lu, pivots, "test: A");
                System.arraycopy(b.data, 0, x.data, 0, b.getDataLength());
                SmallLu.solveInPlace(lu, pivots, x);
            }
        };
        kernels.run(); // warm up
        long bytes = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 3 && bytes > SmallCholeskyTest.ALLOWANCE_BYTES; attempt++) {
            bytes = TestMatrices.allocatedBytes(kernels);
            assumeTrue(bytes >= 0, "no per-thread allocation counter");
        }
        assertTrue(bytes <= SmallCholeskyTest.ALLOWANCE_BYTES, "1000 rounds allocated " + bytes + " bytes");
    }
}
