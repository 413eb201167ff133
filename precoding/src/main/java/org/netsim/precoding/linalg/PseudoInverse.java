package org.netsim.precoding.linalg;

import org.ejml.data.ZMatrixRMaj;

/**
 * Moore-Penrose pseudo-inverse A^+ = V diag(1/s_j for s_j &gt; tol, else 0) U^H.
 *
 * <p>Threshold: singular values (or, for Hermitian input, eigenvalue magnitudes) at or below
 * {@code tol = max(m, n) * eps * s_max} are treated as zero, the convention of NumPy's {@code pinv} (rcond = eps
 * max(m, n)) and LAPACK-based rank decisions; {@link #compute(ZMatrixRMaj, double)} takes an explicit relative
 * threshold instead.
 *
 * <p>Cost: one {@link ComplexSvd}, O(r^2 max(m, n)) with r = min(m, n) (its thin-QR reduction), so the
 * pseudo-inverse of a wide stacked channel (a few streams, hundreds of BS antennas) is cheap.
 */
public final class PseudoInverse {

    private PseudoInverse() {
    }

    /** @return the default relative threshold max(m, n) * eps for an m x n matrix */
    public static double defaultRelativeTolerance(int m, int n) {
        return Math.max(m, n) * Math.ulp(1.0);
    }

    /** @return a new matrix A^+ (n x m) with the default threshold; {@code a} not modified */
    public static ZMatrixRMaj compute(ZMatrixRMaj a) {
        return compute(a, defaultRelativeTolerance(a.numRows, a.numCols));
    }

    /**
     * @param relativeTolerance singular values at or below relativeTolerance * s_max are treated as zero
     * @return a new matrix A^+ (n x m); {@code a} not modified
     */
    public static ZMatrixRMaj compute(ZMatrixRMaj a, double relativeTolerance) {
        ComplexSvd svd = ComplexSvd.decompose(a);
        double[] s = svd.singularValues();
        ZMatrixRMaj u = svd.u();
        ZMatrixRMaj v = svd.v();
        double tol = relativeTolerance * (s.length == 0 ? 0 : s[0]);
        // scale the columns of V by 1/s_j (or 0), then A^+ = (V S^+) U^H
        for (int j = 0; j < s.length; j++) {
            double f = s[j] > tol ? 1.0 / s[j] : 0.0;
            for (int i = 0; i < v.numRows; i++) {
                int idx = (i * v.numCols + j) * 2;
                v.data[idx] *= f;
                v.data[idx + 1] *= f;
            }
        }
        ZMatrixRMaj out = new ZMatrixRMaj(a.numCols, a.numRows);
        ComplexOps.multABh(v, u, out);
        return out;
    }

    /**
     * Pseudo-inverse of a Hermitian matrix from its eigendecomposition: A^+ = Q diag(1/lambda_j for |lambda_j| &gt;
     * tol, else 0) Q^H, tol = n eps max|lambda|.
     *
     * @param eig a decomposition of A, already computed
     * @param out modified: A^+ (n x n)
     */
    public static void hermitian(HermitianEigen eig, ZMatrixRMaj out) {
        int n = eig.size();
        double[] lambda = eig.values();
        ZMatrixRMaj q = eig.vectors();
        double maxAbs = Math.max(Math.abs(lambda[0]), Math.abs(lambda[n - 1]));
        double tol = n * Math.ulp(1.0) * maxAbs;
        out.reshape(n, n);
        java.util.Arrays.fill(out.data, 0, out.getDataLength(), 0.0);
        for (int j = 0; j < n; j++) {
            if (Math.abs(lambda[j]) <= tol) {
                continue;
            }
            double f = 1.0 / lambda[j];
            for (int r = 0; r < n; r++) {
                double ar = q.data[(r * n + j) * 2];
                double ai = q.data[(r * n + j) * 2 + 1];
                for (int c = 0; c < n; c++) {
                    double br = q.data[(c * n + j) * 2];
                    double bi = q.data[(c * n + j) * 2 + 1];
                    // f * a * conj(b)
                    out.data[(r * n + c) * 2] += f * (ar * br + ai * bi);
                    out.data[(r * n + c) * 2 + 1] += f * (ai * br - ar * bi);
                }
            }
        }
    }
}
