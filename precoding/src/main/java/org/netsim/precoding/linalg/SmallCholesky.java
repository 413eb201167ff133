package org.netsim.precoding.linalg;

import java.util.Arrays;
import org.ejml.data.ZMatrixRMaj;

/**
 * Allocation-free Cholesky kernels for the small Hermitian positive definite matrices of solver hot loops (the
 * N_i x N_i covariances and d_i x d_i weights of WMMSE, WMMSE-SC, RWMMSE and FP, and the M x M transmit covariance
 * of WMMSE-SC): factor a = L L^H, solve (L L^H) X = B and X (L L^H) = B by substitution, the log-determinant
 * log det(L L^H) = 2 sum_r log L_rr from a factor, and the Hermitian part. Every pivot is checked
 * ({@link DecompositionException} if one is not positive and finite). Unlike {@link ComplexOps#choleskySolve},
 * nothing is copied or allocated, so callers reuse their matrices across iterations; every kernel may work in
 * place (the output argument may be the input matrix).
 */
public final class SmallCholesky {

    private SmallCholesky() {
    }

    /** a = (a + a^H) / 2. */
    public static void hermitianPart(ZMatrixRMaj a) {
        int n = a.numRows;
        double[] d = a.data;
        for (int r = 0; r < n; r++) {
            d[(r * n + r) * 2 + 1] = 0;
            for (int c = r + 1; c < n; c++) {
                int rc = (r * n + c) * 2;
                int cr = (c * n + r) * 2;
                double re = 0.5 * (d[rc] + d[cr]);
                double im = 0.5 * (d[rc + 1] - d[cr + 1]);
                d[rc] = re;
                d[rc + 1] = im;
                d[cr] = re;
                d[cr + 1] = -im;
            }
        }
    }

    /**
     * Lower Cholesky factor of a small Hermitian positive definite matrix, a = L L^H. Reads only the lower triangle
     * and the real part of the diagonal of {@code a}; {@code l} is reshaped to n x n and receives L with zeros above
     * the diagonal. {@code l} may be {@code a} (in place).
     *
     * @throws DecompositionException if a pivot is not positive and finite
     * @throws IllegalArgumentException if {@code a} is not square
     */
    public static void choleskyLower(ZMatrixRMaj a, ZMatrixRMaj l) {
        choleskyLower(a, l, "matrix");
    }

    /**
     * {@link #choleskyLower(ZMatrixRMaj, ZMatrixRMaj)} naming the factored matrix in the failure message.
     *
     * @param what names {@code a} in the {@link DecompositionException}'s message, e.g. "wmmse-sc: transmit
     *     covariance"
     */
    public static void choleskyLower(ZMatrixRMaj a, ZMatrixRMaj l, String what) {
        ComplexOps.requireSquare(a, "a");
        int n = a.numRows;
        l.reshape(n, n);
        double[] ad = a.data;
        double[] ld = l.data;
        // column j of L needs column j of a (on and below the diagonal) and the columns of L before j, so each
        // entry of a is read before the entry of L at its place is written (which makes l = a safe)
        for (int j = 0; j < n; j++) {
            double s = ad[(j * n + j) * 2];
            for (int k = 0; k < j; k++) {
                double re = ld[(j * n + k) * 2];
                double im = ld[(j * n + k) * 2 + 1];
                s -= re * re + im * im;
            }
            if (!(s > 0) || !Double.isFinite(s)) {
                throw new DecompositionException("Cholesky factorisation failed: " + what + " (" + n + "x" + n
                        + ") is not positive definite (pivot " + s + " at " + j + ")");
            }
            double ljj = Math.sqrt(s);
            ld[(j * n + j) * 2] = ljj;
            ld[(j * n + j) * 2 + 1] = 0;
            for (int i = j + 1; i < n; i++) {
                // l_ij = (a_ij - sum_k l_ik conj(l_jk)) / l_jj
                double re = ad[(i * n + j) * 2];
                double im = ad[(i * n + j) * 2 + 1];
                for (int k = 0; k < j; k++) {
                    double ar = ld[(i * n + k) * 2];
                    double ai = ld[(i * n + k) * 2 + 1];
                    double br = ld[(j * n + k) * 2];
                    double bi = ld[(j * n + k) * 2 + 1];
                    re -= ar * br + ai * bi;
                    im -= ai * br - ar * bi;
                }
                ld[(i * n + j) * 2] = re / ljj;
                ld[(i * n + j) * 2 + 1] = im / ljj;
            }
            Arrays.fill(ld, (j * n + j + 1) * 2, (j * n + n) * 2, 0.0); // above the diagonal in row j
        }
    }

    /**
     * @param l a lower Cholesky factor (n x n, positive diagonal) of a = L L^H, not modified
     * @return log det(a) = 2 sum_r log L_rr (natural logarithm)
     */
    public static double logDetFromFactor(ZMatrixRMaj l) {
        double s = 0;
        for (int r = 0; r < l.numRows; r++) {
            s += Math.log(l.data[(r * l.numCols + r) * 2]);
        }
        return 2 * s;
    }

    /**
     * Solves (L L^H) X = B for X by forward and backward substitution on the columns of B.
     * {@code l} lower triangular n x n, {@code b} n x c; {@code x} modified (n x c), may be {@code b} (in place).
     */
    public static void solveLeftHermitian(ZMatrixRMaj l, ZMatrixRMaj b, ZMatrixRMaj x) {
        int n = b.numRows;
        int cols = b.numCols;
        x.reshape(n, cols);
        double[] ld = l.data;
        double[] bd = b.data;
        double[] xd = x.data;
        for (int c = 0; c < cols; c++) {
            // L y = b_c
            for (int r = 0; r < n; r++) {
                double re = bd[(r * cols + c) * 2];
                double im = bd[(r * cols + c) * 2 + 1];
                for (int k = 0; k < r; k++) {
                    double lr = ld[(r * n + k) * 2];
                    double li = ld[(r * n + k) * 2 + 1];
                    double yr = xd[(k * cols + c) * 2];
                    double yi = xd[(k * cols + c) * 2 + 1];
                    re -= lr * yr - li * yi;
                    im -= lr * yi + li * yr;
                }
                double lrr = ld[(r * n + r) * 2];
                xd[(r * cols + c) * 2] = re / lrr;
                xd[(r * cols + c) * 2 + 1] = im / lrr;
            }
            // L^H x = y
            for (int r = n - 1; r >= 0; r--) {
                double re = xd[(r * cols + c) * 2];
                double im = xd[(r * cols + c) * 2 + 1];
                for (int k = r + 1; k < n; k++) {
                    // (L^H)_{rk} = conj(l_kr)
                    double lr = ld[(k * n + r) * 2];
                    double li = -ld[(k * n + r) * 2 + 1];
                    double xr = xd[(k * cols + c) * 2];
                    double xi = xd[(k * cols + c) * 2 + 1];
                    re -= lr * xr - li * xi;
                    im -= lr * xi + li * xr;
                }
                double lrr = ld[(r * n + r) * 2];
                xd[(r * cols + c) * 2] = re / lrr;
                xd[(r * cols + c) * 2 + 1] = im / lrr;
            }
        }
    }

    /**
     * Solves U (L L^H) = X for U, i.e. U = X (L L^H)^{-1}, by substitution on the rows of X.
     * {@code l} lower triangular d x d, {@code x} N x d; {@code u} modified (N x d), may be {@code x} (in place).
     */
    public static void solveRightHermitian(ZMatrixRMaj l, ZMatrixRMaj x, ZMatrixRMaj u) {
        int n = x.numRows;
        int d = x.numCols;
        u.reshape(n, d);
        double[] ld = l.data;
        double[] xd = x.data;
        double[] ud = u.data;
        for (int r = 0; r < n; r++) {
            int row = r * d * 2;
            // Y L^H = x_r  (Y = U L): forward over columns, y_c = (x_c - sum_{k<c} y_k conj(l_ck)) / l_cc
            for (int c = 0; c < d; c++) {
                double re = xd[row + c * 2];
                double im = xd[row + c * 2 + 1];
                for (int k = 0; k < c; k++) {
                    double yr = ud[row + k * 2];
                    double yi = ud[row + k * 2 + 1];
                    double lr = ld[(c * d + k) * 2];
                    double li = -ld[(c * d + k) * 2 + 1];
                    re -= yr * lr - yi * li;
                    im -= yr * li + yi * lr;
                }
                double lcc = ld[(c * d + c) * 2];
                ud[row + c * 2] = re / lcc;
                ud[row + c * 2 + 1] = im / lcc;
            }
            // U L = Y: backward over columns, u_c = (y_c - sum_{k>c} u_k l_kc) / l_cc
            for (int c = d - 1; c >= 0; c--) {
                double re = ud[row + c * 2];
                double im = ud[row + c * 2 + 1];
                for (int k = c + 1; k < d; k++) {
                    double ur = ud[row + k * 2];
                    double ui = ud[row + k * 2 + 1];
                    double lr = ld[(k * d + c) * 2];
                    double li = ld[(k * d + c) * 2 + 1];
                    re -= ur * lr - ui * li;
                    im -= ur * li + ui * lr;
                }
                double lcc = ld[(c * d + c) * 2];
                ud[row + c * 2] = re / lcc;
                ud[row + c * 2 + 1] = im / lcc;
            }
        }
    }
}
