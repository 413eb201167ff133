package org.netsim.precoding.linalg;

import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_ZDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;

/**
 * Thin singular value decomposition A = U diag(s) V^H of an m x n complex matrix, r = min(m, n), with U (m x r)
 * and V (n x r) having orthonormal columns and s descending and non-negative.
 *
 * <p>Reduction to a square core: a very wide or tall A is first reduced by a thin Householder QR (EJML's complex
 * {@code DecompositionFactory_ZDRM.qr}, success checked). For m &lt; n, A^H = Q R with Q (n x m) orthonormal and
 * R (m x m) upper triangular, so A = R^H Q^H; with the square SVD R^H = U diag(s) W^H, A = U diag(s) (Q W)^H and
 * V = Q W. For m &gt; n, A = Q R and R = W diag(s) V^H give U = Q W. Householder QR is backward stable
 * (A + E = Q R with ||E|| of order eps ||A||), so the reduction keeps the absolute accuracy of the singular values,
 * and Q W has orthonormal columns to working precision. The cost is O(r^2 max(m, n)) for the QR and the products
 * plus O(r^3) for the core, instead of O((m + n)^3) (a 4 x 256 channel: an 8 x 8 instead of a 260 x 260 Hermitian
 * eigenproblem). Square matrices, and the rare inputs on which the QR reports failure, go to the core directly:
 * EJML flags a column that is exactly zero after the earlier reflections (the zero matrix, a zero row of a wide or
 * a zero column of a tall A, exactly parallel unit columns; rounding makes this practically impossible otherwise).
 *
 * <p>The core is the Hermitian eigendecomposition ({@link HermitianEigen}) of the Jordan-Wielandt matrix
 * C = [[0, A], [A^H, 0]] of size m + n, whose eigenvalues are +-s_j (and |m - n| zeros), with eigenvectors
 * [u_j; +-v_j] / sqrt(2). Unlike the eigendecomposition of A^H A this does not square the condition number, so
 * small singular values keep their absolute accuracy (about eps ||A||_2). The singular vectors of a small s_j are
 * accurate only to about eps ||A||_2 / s_j (the eigenvalues +-s_j and the zeros of C are close), so the columns of
 * U and V are reorthonormalised by modified Gram-Schmidt in descending order of s_j; this moves a column by about
 * its loss of orthogonality and so changes U diag(s) V^H by about eps ||A||_2. Singular vectors of singular values
 * below {@code eps (m + n) s_max} (numerically zero, where u and v parts of C's eigenvectors mix; m and n of the
 * original matrix also after a reduction), and of the rare larger s_j whose u or v keeps less than half of its norm
 * through the reorthonormalisation (s_j within a small multiple of that threshold), are completed to an
 * orthonormal set from unit vectors. After a reduction the completed square factors stay orthonormal through Q,
 * so rank-deficient input still gets full orthonormal U and V.
 */
public final class ComplexSvd {

    private final double[] singularValues;
    private final ZMatrixRMaj u;
    private final ZMatrixRMaj v;

    private ComplexSvd(double[] s, ZMatrixRMaj u, ZMatrixRMaj v) {
        this.singularValues = s;
        this.u = u;
        this.v = v;
    }

    /**
     * Decomposes {@code a} (not modified).
     *
     * @throws DecompositionException if the underlying eigendecomposition fails
     */
    public static ComplexSvd decompose(ZMatrixRMaj a) {
        int m = a.numRows;
        int n = a.numCols;
        double zeroFactor = m + n;
        if (m < n) {
            // A^H = Q R [n x m], A = R^H Q^H; R^H = U S W^H gives V = Q W
            ZMatrixRMaj ah = ComplexOps.conjugateTranspose(a);
            QRDecomposition<ZMatrixRMaj> qr = DecompositionFactory_ZDRM.qr(n, m);
            if (qr.decompose(ah)) {
                ZMatrixRMaj q = qr.getQ(null, true); // [n x m]
                ZMatrixRMaj rh = ComplexOps.conjugateTranspose(qr.getR(null, true)); // [m x m] R^H
                ComplexSvd core = jordanWielandt(rh, zeroFactor);
                ZMatrixRMaj v = new ZMatrixRMaj(n, m);
                ComplexOps.mult(q, core.v, v); // [n x m] Q W
                return new ComplexSvd(core.singularValues, core.u, v);
            }
        } else if (m > n) {
            // A = Q R [m x n]; R = W S V^H gives U = Q W
            QRDecomposition<ZMatrixRMaj> qr = DecompositionFactory_ZDRM.qr(m, n);
            if (qr.decompose(qr.inputModified() ? a.copy() : a)) {
                ZMatrixRMaj q = qr.getQ(null, true); // [m x n]
                ZMatrixRMaj r = qr.getR(null, true); // [n x n]
                ComplexSvd core = jordanWielandt(r, zeroFactor);
                ZMatrixRMaj u = new ZMatrixRMaj(m, n);
                ComplexOps.mult(q, core.u, u); // [m x n] Q W
                return new ComplexSvd(core.singularValues, u, core.v);
            }
        }
        return jordanWielandt(a, zeroFactor);
    }

    /**
     * The SVD of {@code a} (not modified) from the eigendecomposition of its Jordan-Wielandt matrix; singular values
     * at or below {@code eps zeroFactor s_max} count as numerically zero (their vectors are completed).
     */
    private static ComplexSvd jordanWielandt(ZMatrixRMaj a, double zeroFactor) {
        int m = a.numRows;
        int n = a.numCols;
        int r = Math.min(m, n);
        int p = m + n;
        ZMatrixRMaj c = new ZMatrixRMaj(p, p);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double re = a.data[(i * n + j) * 2];
                double im = a.data[(i * n + j) * 2 + 1];
                c.set(i, m + j, re, im);
                c.set(m + j, i, re, -im);
            }
        }
        HermitianEigen eig = new HermitianEigen(p);
        eig.decompose(c);
        double[] lambda = eig.values();
        ZMatrixRMaj q = eig.vectors();
        double sMax = Math.max(0, lambda[p - 1]);
        double tol = Math.ulp(1.0) * zeroFactor * sMax;

        double[] s = new double[r];
        ZMatrixRMaj uu = new ZMatrixRMaj(m, r);
        ZMatrixRMaj vv = new ZMatrixRMaj(n, r);
        boolean[] filledU = new boolean[r];
        for (int j = 0; j < r; j++) {
            int col = p - 1 - j;
            s[j] = Math.max(0, lambda[col]);
            if (s[j] <= tol) {
                continue;
            }
            double nu = 0;
            double nv = 0;
            for (int i = 0; i < m; i++) {
                nu += sq(q.data[(i * p + col) * 2]) + sq(q.data[(i * p + col) * 2 + 1]);
            }
            for (int i = 0; i < n; i++) {
                nv += sq(q.data[((m + i) * p + col) * 2]) + sq(q.data[((m + i) * p + col) * 2 + 1]);
            }
            nu = Math.sqrt(nu);
            nv = Math.sqrt(nv);
            for (int i = 0; i < m; i++) {
                uu.set(i, j, q.data[(i * p + col) * 2] / nu, q.data[(i * p + col) * 2 + 1] / nu);
            }
            for (int i = 0; i < n; i++) {
                vv.set(i, j, q.data[((m + i) * p + col) * 2] / nv, q.data[((m + i) * p + col) * 2 + 1] / nv);
            }
            filledU[j] = true;
        }
        for (int j = 0; j < r; j++) {
            if (filledU[j] && !(orthonormalise(uu, j, filledU) && orthonormalise(vv, j, filledU))) {
                filledU[j] = false;
            }
        }
        boolean[] filledV = filledU.clone();
        complete(uu, filledU);
        complete(vv, filledV);
        return new ComplexSvd(s, uu, vv);
    }

    /**
     * Column j of x minus its components along the filled columns before it (modified Gram-Schmidt, two passes),
     * normalised. {@code x} modified.
     *
     * @return false if less than half of the column's norm remains (the column is then left unnormalised)
     */
    private static boolean orthonormalise(ZMatrixRMaj x, int j, boolean[] filled) {
        int rows = x.numRows;
        int cols = x.numCols;
        double before = 0;
        for (int i = 0; i < rows; i++) {
            before += sq(x.data[(i * cols + j) * 2]) + sq(x.data[(i * cols + j) * 2 + 1]);
        }
        for (int pass = 0; pass < 2; pass++) {
            for (int c = 0; c < j; c++) {
                if (filled[c]) {
                    removeComponent(x, c, j);
                }
            }
        }
        double after = 0;
        for (int i = 0; i < rows; i++) {
            after += sq(x.data[(i * cols + j) * 2]) + sq(x.data[(i * cols + j) * 2 + 1]);
        }
        if (!(after > 0.25 * before)) {
            return false;
        }
        double nrm = Math.sqrt(after);
        for (int i = 0; i < rows; i++) {
            x.data[(i * cols + j) * 2] /= nrm;
            x.data[(i * cols + j) * 2 + 1] /= nrm;
        }
        return true;
    }

    /** Column j of x minus its component along the unit column c: x_j = x_j - x_c (x_c^H x_j). */
    private static void removeComponent(ZMatrixRMaj x, int c, int j) {
        int rows = x.numRows;
        int cols = x.numCols;
        double pr = 0;
        double pi = 0;
        for (int i = 0; i < rows; i++) {
            double qr = x.data[(i * cols + c) * 2];
            double qi = x.data[(i * cols + c) * 2 + 1];
            double zr = x.data[(i * cols + j) * 2];
            double zi = x.data[(i * cols + j) * 2 + 1];
            pr += qr * zr + qi * zi;
            pi += qr * zi - qi * zr;
        }
        for (int i = 0; i < rows; i++) {
            double qr = x.data[(i * cols + c) * 2];
            double qi = x.data[(i * cols + c) * 2 + 1];
            x.data[(i * cols + j) * 2] -= pr * qr - pi * qi;
            x.data[(i * cols + j) * 2 + 1] -= pr * qi + pi * qr;
        }
    }

    /**
     * Fills the columns not marked in {@code filled} with unit vectors orthonormal to every filled column (and
     * marks them). For each new column the unit vector e_t with the largest component outside the span of the
     * filled columns is taken: its residual norm^2 is 1 - sum_c |x_tc|^2, and the largest over t is at least
     * (rows - filled) / rows &gt; 0 (the squared row norms sum to the number of orthonormal columns), so every
     * column is filled. The residual is computed by Gram-Schmidt with one reorthogonalisation pass.
     */
    private static void complete(ZMatrixRMaj x, boolean[] filled) {
        int rows = x.numRows;
        int cols = x.numCols;
        for (int j = 0; j < cols; j++) {
            if (filled[j]) {
                continue;
            }
            int best = 0;
            double bestResidual = -1;
            for (int t = 0; t < rows; t++) {
                double rowNorm = 0;
                for (int c = 0; c < cols; c++) {
                    if (filled[c]) {
                        rowNorm += sq(x.data[(t * cols + c) * 2]) + sq(x.data[(t * cols + c) * 2 + 1]);
                    }
                }
                if (1 - rowNorm > bestResidual) {
                    bestResidual = 1 - rowNorm;
                    best = t;
                }
            }
            for (int i = 0; i < rows; i++) {
                x.set(i, j, i == best ? 1 : 0, 0);
            }
            for (int pass = 0; pass < 2; pass++) {
                for (int c = 0; c < cols; c++) {
                    if (filled[c]) {
                        removeComponent(x, c, j);
                    }
                }
            }
            double nrm = 0;
            for (int i = 0; i < rows; i++) {
                nrm += sq(x.data[(i * cols + j) * 2]) + sq(x.data[(i * cols + j) * 2 + 1]);
            }
            nrm = Math.sqrt(nrm);
            for (int i = 0; i < rows; i++) {
                x.data[(i * cols + j) * 2] /= nrm;
                x.data[(i * cols + j) * 2 + 1] /= nrm;
            }
            filled[j] = true;
        }
    }

    private static double sq(double x) {
        return x * x;
    }

    /** @return the r = min(m, n) singular values, descending (a copy) */
    public double[] singularValues() {
        return singularValues.clone();
    }

    /** @return U, m x r with orthonormal columns (a copy) */
    public ZMatrixRMaj u() {
        return u.copy();
    }

    /** @return V, n x r with orthonormal columns (a copy) */
    public ZMatrixRMaj v() {
        return v.copy();
    }

    /** @return the number of singular values above {@code tol} */
    public int rank(double tol) {
        int k = 0;
        for (double s : singularValues) {
            if (s > tol) {
                k++;
            }
        }
        return k;
    }
}
