package org.netsim.precoding.linalg;

import java.util.Arrays;
import org.ejml.data.ZMatrixRMaj;

/**
 * Allocation-free Cholesky kernels for the small Hermitian positive definite matrices of solver hot loops (the
 * N_i x N_i covariances and d_i x d_i weights of WMMSE and FP): factor a = L L^H, solve (L L^H) X = B and
 * X (L L^H) = B by substitution, and take the Hermitian part. Every pivot is checked
 * ({@link DecompositionException} if one is not positive and finite). Unlike {@link ComplexOps#choleskySolve},
 * nothing is copied or allocated, so callers reuse their matrices across iterations.
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
     * Lower Cholesky factor of a small Hermitian positive definite matrix, a = L L^H (a is read only).
     *
     * @throws DecompositionException if a pivot is not positive
     */
    public static void choleskyLower(ZMatrixRMaj a, ZMatrixRMaj l) {
        int n = a.numRows;
        l.reshape(n, n);
        double[] ad = a.data;
        double[] ld = l.data;
        Arrays.fill(ld, 0, 2 * n * n, 0.0);
        for (int j = 0; j < n; j++) {
            double s = ad[(j * n + j) * 2];
            for (int k = 0; k < j; k++) {
                double re = ld[(j * n + k) * 2];
                double im = ld[(j * n + k) * 2 + 1];
                s -= re * re + im * im;
            }
            if (!(s > 0) || !Double.isFinite(s)) {
                throw new DecompositionException("Cholesky factorisation failed: " + n + "x" + n
                        + " matrix is not positive definite (pivot " + s + ")");
            }
            double ljj = Math.sqrt(s);
            ld[(j * n + j) * 2] = ljj;
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
        }
    }

    /**
     * Solves (L L^H) X = B for X by forward and backward substitution on the columns of B.
     * {@code l} lower triangular n x n, {@code b} n x c; {@code x} modified (n x c).
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
     * {@code l} lower triangular d x d, {@code x} N x d; {@code u} modified (N x d).
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
