package org.netsim.precoding.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.netsim.precoding.linalg.TestMatrices.EPS;
import static org.netsim.precoding.linalg.TestMatrices.conjTrans;
import static org.netsim.precoding.linalg.TestMatrices.distance;
import static org.netsim.precoding.linalg.TestMatrices.gaussian;
import static org.netsim.precoding.linalg.TestMatrices.naiveMult;
import static org.netsim.precoding.linalg.TestMatrices.norm;
import static org.netsim.precoding.linalg.TestMatrices.orthonormalColumns;
import static org.netsim.precoding.linalg.TestMatrices.orthonormalityError;
import static org.netsim.precoding.linalg.TestMatrices.scaleColumns;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * {@link DominantModes}: for H = U0 diag(s0) V0^H of known singular values, U_d is orthonormal, s and V_d match
 * s0 and V0, the effective channel is U_d^H H = diag(s) V_d^H, absent modes (beyond the rank, numerically zero)
 * have exactly zero s, V_d columns and G rows, modes far weaker than sqrt(eps) s_1 are resolved, and the modes are
 * the {@link ComplexSvd}'s, phases included.
 *
 * <p>Tolerances as in {@link ComplexSvdTest}: c(p) eps ||H||_F with c(p) = {@value HermitianEigenTest#BACKWARD_FACTOR}
 * p, p = N + M, for singular values, products and orthonormality. A singular vector of s_j is determined to about
 * c(p) eps ||H|| / gap_j (gap_j: the distance of s_j to the other singular values, including the M - N zeros of a
 * wide H); the comparisons with V0 allow {@value #VECTOR_FACTOR} times that.
 */
class DominantModesTest {

    /** Safety factor on the first-order singular-vector perturbation bound. */
    private static final double VECTOR_FACTOR = 10;

    private static double tol(ZMatrixRMaj h) {
        return HermitianEigenTest.BACKWARD_FACTOR * (h.numRows + h.numCols) * EPS * norm(h);
    }

    /** Checks the defining properties for every d and returns the modes for d = N. */
    private static DominantModes check(ZMatrixRMaj h, String what) {
        int n = h.numRows;
        int m = h.numCols;
        ZMatrixRMaj before = h.copy();
        ComplexSvd svd = ComplexSvd.decompose(h);
        DominantModes all = null;
        for (int d = 1; d <= n; d++) {
            String at = what + ", d = " + d;
            DominantModes modes = DominantModes.of(h, d);
            assertArrayEquals(before.data, h.data, 0.0, at + ": input modified");
            assertEquals(d, modes.count(), at);
            ZMatrixRMaj u = modes.left();
            ZMatrixRMaj v = modes.right();
            ZMatrixRMaj g = modes.effectiveChannel();
            double[] s = modes.singularValues();
            assertEquals(n, u.numRows, at);
            assertEquals(d, u.numCols, at);
            assertEquals(m, v.numRows, at);
            assertEquals(d, v.numCols, at);
            assertEquals(d, g.numRows, at);
            assertEquals(m, g.numCols, at);
            assertTrue(orthonormalityError(u) <= HermitianEigenTest.BACKWARD_FACTOR * (n + m) * EPS,
                    at + ": ||U^H U - I|| = " + orthonormalityError(u));
            int present = modes.present();
            double[] sAll = svd.singularValues();
            for (int j = 0; j < d; j++) {
                boolean isPresent = j < present;
                assertEquals(isPresent, j < sAll.length && sAll[j] > PseudoInverse.defaultRelativeTolerance(n, m)
                        * sAll[0], at + ": mode " + j + " present");
                assertEquals(isPresent ? sAll[j] : 0.0, s[j], 0.0, at + ": s_" + j + " is the SVD's");
                for (int r = 0; r < n; r++) { // the SVD's left vectors, same phase
                    if (j < sAll.length) {
                        assertEquals(svd.u().getReal(r, j), u.getReal(r, j), 0.0, at + ": u_" + j);
                        assertEquals(svd.u().getImag(r, j), u.getImag(r, j), 0.0, at + ": u_" + j);
                    }
                }
                for (int r = 0; r < m; r++) {
                    double vr = isPresent ? svd.v().getReal(r, j) : 0.0;
                    double vi = isPresent ? svd.v().getImag(r, j) : 0.0;
                    assertEquals(vr, v.getReal(r, j), 0.0, at + ": v_" + j);
                    assertEquals(vi, v.getImag(r, j), 0.0, at + ": v_" + j);
                    if (!isPresent) {
                        assertEquals(0.0, g.getReal(j, r), 0.0, at + ": absent row of G");
                        assertEquals(0.0, g.getImag(j, r), 0.0, at + ": absent row of G");
                    }
                }
            }
            // G = U_d^H H (present rows) = diag(s) V_d^H
            ZMatrixRMaj uhH = naiveMult(u, true, h, false);
            for (int j = present; j < d; j++) {
                for (int c = 0; c < m; c++) {
                    uhH.set(j, c, 0, 0);
                }
            }
            assertTrue(distance(uhH, g) <= tol(h), at + ": G = U_d^H H, error " + distance(uhH, g));
            ZMatrixRMaj svh = conjTrans(scaleColumns(v, s));
            assertTrue(distance(svh, g) <= tol(h), at + ": G = diag(s) V_d^H, error " + distance(svh, g));
            all = modes;
        }
        return all;
    }

    @Test
    void modesOfMatricesWithKnownSingularValues() {
        SplittableRandom rng = new SplittableRandom(71);
        for (int[] nm : new int[][] {{1, 1}, {2, 8}, {4, 64}, {4, 256}, {3, 3}, {4, 2}, {6, 1}}) {
            int n = nm[0];
            int m = nm[1];
            int r = Math.min(n, m);
            double[] s0 = new double[r];
            for (int j = 0; j < r; j++) {
                s0[j] = 10.0 - 9.0 * j / Math.max(1, r - 1) * (0.5 + 0.5 * rng.nextDouble()); // distinct, in [1, 10]
            }
            Arrays.sort(s0);
            double[] desc = new double[r];
            for (int j = 0; j < r; j++) {
                desc[j] = s0[r - 1 - j];
            }
            ZMatrixRMaj u0 = orthonormalColumns(rng, n, r);
            ZMatrixRMaj v0 = orthonormalColumns(rng, m, r);
            ZMatrixRMaj h = naiveMult(scaleColumns(u0, desc), false, v0, true);
            String what = n + "x" + m;
            DominantModes modes = check(h, what);
            assertEquals(r, modes.present(), what + ": full rank");
            double[] s = modes.singularValues();
            for (int j = 0; j < r; j++) {
                assertEquals(desc[j], s[j], tol(h), what + ": s_" + j);
            }
            for (int j = r; j < n; j++) {
                assertEquals(0.0, s[j], 0.0, what + ": beyond the rank");
            }
        }
    }

    @Test
    void gaussianChannelsAndAbsentModes() {
        SplittableRandom rng = new SplittableRandom(72);
        for (int[] nm : new int[][] {{2, 4}, {4, 16}, {8, 3}, {5, 5}}) {
            check(gaussian(rng, nm[0], nm[1]), "Gaussian " + nm[0] + "x" + nm[1]);
        }
        // rank 1 of 3 (x y^H): two absent modes with exactly zero rows of G, U_d still orthonormal
        ZMatrixRMaj h = naiveMult(gaussian(rng, 3, 1), false, gaussian(rng, 9, 1), true);
        assertEquals(1, check(h, "rank one 3x9").present());
        // the zero channel: every mode absent
        DominantModes zero = check(new ZMatrixRMaj(3, 5), "zero 3x5");
        assertEquals(0, zero.present());
        assertEquals(0.0, norm(zero.effectiveChannel()), 0.0);
    }

    /**
     * A mode 1e-9 below the strongest (s^2 = 1e-18 s_1^2, far below what the Gram matrix H H^H resolves) is
     * present, with its singular value accurate to eps ||H|| and its transmit direction v_2 that of the construction
     * to within the perturbation bound c(p) eps ||H|| / s_2.
     */
    @Test
    void resolvesModesFarWeakerThanTheStrongest() {
        SplittableRandom rng = new SplittableRandom(73);
        double[] s0 = {1.0, 1e-9};
        ZMatrixRMaj u0 = orthonormalColumns(rng, 2, 2);
        ZMatrixRMaj v0 = orthonormalColumns(rng, 32, 2);
        ZMatrixRMaj h = naiveMult(scaleColumns(u0, s0), false, v0, true);
        DominantModes modes = check(h, "weak mode 2x32");
        assertEquals(2, modes.present());
        assertEquals(1e-9, modes.singularValues()[1], tol(h), "weak singular value");
        ZMatrixRMaj v = modes.right();
        ZMatrixRMaj overlap = naiveMult(v0, true, v, false); // [2 x 2], diagonal of unit-magnitude phases
        double bound = VECTOR_FACTOR * tol(h) / 1e-9;
        assertTrue(bound < 1e-3, "the test resolves the direction");
        assertEquals(1.0, Math.hypot(overlap.getReal(1, 1), overlap.getImag(1, 1)), bound, "|v0_2^H v_2|");
        assertEquals(0.0, Math.hypot(overlap.getReal(0, 1), overlap.getImag(0, 1)), bound, "|v0_1^H v_2|");
    }

    /** N &gt; M with d &gt; M: U_d is completed beyond the rank to orthonormal columns; the extra modes are absent. */
    @Test
    void completesTheReceiveModesBeyondTheRank() {
        SplittableRandom rng = new SplittableRandom(74);
        ZMatrixRMaj h = gaussian(rng, 6, 2);
        DominantModes modes = DominantModes.of(h, 5);
        assertEquals(2, modes.present());
        ZMatrixRMaj u = modes.left();
        assertTrue(orthonormalityError(u) <= HermitianEigenTest.BACKWARD_FACTOR * 8 * EPS,
                "||U^H U - I|| = " + orthonormalityError(u));
        ZMatrixRMaj leak = naiveMult(u, true, h, false); // rows 2..4: the completion is orthogonal to range(H)
        for (int j = 2; j < 5; j++) {
            for (int c = 0; c < 2; c++) {
                assertEquals(0.0, Math.hypot(leak.getReal(j, c), leak.getImag(j, c)), tol(h), "u_" + j + "^H H");
            }
        }
    }

    @Test
    void rejectsStreamCountsOutOfRangeAndReturnsCopies() {
        ZMatrixRMaj h = gaussian(new SplittableRandom(75), 3, 4);
        assertThrows(IllegalArgumentException.class, () -> DominantModes.of(h, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DominantModes.of(h, 4));
        assertTrue(e.getMessage().startsWith("d: must be in [1, 3]"), e.getMessage());
        DominantModes modes = DominantModes.of(h, 2);
        modes.left().data[0] = 99;
        modes.right().data[0] = 99;
        modes.effectiveChannel().data[0] = 99;
        modes.singularValues()[0] = -1;
        assertTrue(modes.left().data[0] != 99 && modes.right().data[0] != 99);
        assertTrue(modes.effectiveChannel().data[0] != 99 && modes.singularValues()[0] > 0);
    }
}
