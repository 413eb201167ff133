package org.netsim.precoding.linalg;

import org.ejml.data.ZMatrixRMaj;

/**
 * Allocation-free LU kernels for the small square, non-Hermitian systems of solver hot loops (the N x N reduced
 * transmit system c I + X Hb of RWMMSE): factor P a = L U in place by Gaussian elimination with partial pivoting
 * (L unit lower triangular, U upper triangular, both stored in a), and solve a z = b for columns of b by
 * substitution. Every pivot is checked ({@link DecompositionException} if the squared magnitude of the largest
 * candidate, the divisor of the elimination, is zero or not finite: an exactly singular matrix, NaN or infinite
 * entries, or a pivot beyond about 1e+-154). Unlike {@link ComplexOps#luSolve}, nothing is copied or allocated,
 * so callers reuse their matrix and pivot array across iterations.
 */
public final class SmallLu {

    private SmallLu() {
    }

    /**
     * LU factorisation with partial pivoting, P a = L U, in place: on return the strict lower triangle of
     * {@code a} holds L (unit diagonal implied) and the upper triangle U; at step k row k was swapped with row
     * {@code pivots[k]} &gt;= k.
     *
     * @param a square n x n, modified (overwritten by the factors)
     * @param pivots length &gt;= n, modified
     * @param what names {@code a} in the {@link DecompositionException}'s message, e.g. "rwmmse: reduced transmit
     *     system"
     * @throws DecompositionException if a pivot's squared magnitude is zero or not finite (see the class comment)
     * @throws IllegalArgumentException if {@code a} is not square or {@code pivots} is too short
     */
    public static void factorInPlace(ZMatrixRMaj a, int[] pivots, String what) {
        ComplexOps.requireSquare(a, "a");
        int n = a.numRows;
        if (pivots.length < n) {
            throw new IllegalArgumentException("pivots: need length >= " + n + ", got " + pivots.length);
        }
        double[] x = a.data;
        for (int k = 0; k < n; k++) {
            // pivot: the largest |a_ik|^2 in column k on or below the diagonal
            int p = k;
            double best = -1;
            for (int i = k; i < n; i++) {
                int ik = 2 * (i * n + k);
                double mag = x[ik] * x[ik] + x[ik + 1] * x[ik + 1];
                if (mag > best) {
                    best = mag;
                    p = i;
                }
            }
            // |pivot|^2 is the divisor below: zero (also by underflow) or not finite cannot be divided by
            if (!(best > 0) || !Double.isFinite(best)) {
                throw new DecompositionException("LU factorisation failed: " + what + " (" + n + "x" + n
                        + ") is singular or not finite (no finite nonzero pivot in column " + k + ", largest |a_ik|^2 "
                        + (best < 0 ? "NaN" : Double.toString(best)) + ")");
            }
            pivots[k] = p;
            if (p != k) {
                for (int c = 0; c < 2 * n; c++) {
                    double t = x[2 * k * n + c];
                    x[2 * k * n + c] = x[2 * p * n + c];
                    x[2 * p * n + c] = t;
                }
            }
            int kk = 2 * (k * n + k);
            double pr = x[kk];
            double pi = x[kk + 1];
            double den = best; // |a_kk|^2 after the swap
            for (int i = k + 1; i < n; i++) {
                int ik = 2 * (i * n + k);
                // l_ik = a_ik / a_kk = a_ik conj(a_kk) / |a_kk|^2 (exactly 1 for an entry equal to the pivot)
                double lr = (x[ik] * pr + x[ik + 1] * pi) / den;
                double li = (x[ik + 1] * pr - x[ik] * pi) / den;
                x[ik] = lr;
                x[ik + 1] = li;
                for (int j = k + 1; j < n; j++) {
                    int ij = 2 * (i * n + j);
                    int kj = 2 * (k * n + j);
                    x[ij] -= lr * x[kj] - li * x[kj + 1];
                    x[ij + 1] -= lr * x[kj + 1] + li * x[kj];
                }
            }
        }
    }

    /**
     * Solves a z = b for column {@code col} of {@code b} in place, from the factors of
     * {@link #factorInPlace}: z = U^{-1} L^{-1} P b.
     *
     * @param lu the factors (n x n), not modified
     * @param pivots the row swaps of the factorisation, not modified
     * @param b n x c; column {@code col} modified (replaced by z), the other columns untouched
     */
    public static void solveColumnInPlace(ZMatrixRMaj lu, int[] pivots, ZMatrixRMaj b, int col) {
        int n = lu.numRows;
        double[] x = lu.data;
        double[] z = b.data;
        int stride = 2 * b.numCols;
        int off = 2 * col;
        for (int k = 0; k < n; k++) {
            int p = pivots[k];
            if (p != k) {
                int a = off + k * stride;
                int c = off + p * stride;
                double tr = z[a];
                double ti = z[a + 1];
                z[a] = z[c];
                z[a + 1] = z[c + 1];
                z[c] = tr;
                z[c + 1] = ti;
            }
        }
        for (int i = 1; i < n; i++) { // L (unit diagonal)
            int q = off + i * stride;
            double re = z[q];
            double im = z[q + 1];
            for (int k = 0; k < i; k++) {
                int ik = 2 * (i * n + k);
                int s = off + k * stride;
                re -= x[ik] * z[s] - x[ik + 1] * z[s + 1];
                im -= x[ik] * z[s + 1] + x[ik + 1] * z[s];
            }
            z[q] = re;
            z[q + 1] = im;
        }
        for (int i = n - 1; i >= 0; i--) { // U
            int q = off + i * stride;
            double re = z[q];
            double im = z[q + 1];
            for (int k = i + 1; k < n; k++) {
                int ik = 2 * (i * n + k);
                int s = off + k * stride;
                re -= x[ik] * z[s] - x[ik + 1] * z[s + 1];
                im -= x[ik] * z[s + 1] + x[ik + 1] * z[s];
            }
            int ii = 2 * (i * n + i);
            double dr = x[ii];
            double di = x[ii + 1];
            double den = dr * dr + di * di; // checked > 0 and finite by the factorisation
            z[q] = (re * dr + im * di) / den;
            z[q + 1] = (im * dr - re * di) / den;
        }
    }

    /** Solves a Z = B for every column of {@code b} in place ({@link #solveColumnInPlace} per column). */
    public static void solveInPlace(ZMatrixRMaj lu, int[] pivots, ZMatrixRMaj b) {
        for (int c = 0; c < b.numCols; c++) {
            solveColumnInPlace(lu, pivots, b, c);
        }
    }
}
