package org.netsim.precoding.linalg;

import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_ZDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;

/**
 * The d dominant singular modes of a channel H in C^{N x M} (N receive, M transmit antennas, 1 &lt;= d &lt;= N), from
 * its SVD H = sum_j s_j u_j v_j^H ({@link ComplexSvd}, singular values descending):
 * <pre>
 *   U_d = [u_1 ... u_d]                [N x d]  orthonormal: the d strongest receive directions
 *   s_1 &gt;= ... &gt;= s_d                          0 for an absent mode
 *   V_d = [v_1 ... v_d]                [M x d]  the matching transmit directions (zero column if absent)
 *   G   = U_d^H H = diag(s) V_d^H      [d x M]  the effective channel seen through U_d (zero row if absent)
 * </pre>
 * Mode j is absent when j &gt;= min(N, M) (beyond the rank of H) or s_j &lt;= max(N, M) eps s_1 (numerically zero,
 * the threshold of {@link PseudoInverse}); then s_j, v_j and row j of G are exactly zero, so precoders built on G or
 * V_d (maximum ratio H^H U_d = G^H, zero forcing on stacked G, eigen zero forcing on V_d) put no power on it.
 * u_j of an absent mode is still a unit vector orthogonal to the others (the SVD's completion, or beyond
 * min(N, M) = M a completion of U by the full Q of a Householder QR), so U_d always has orthonormal columns.
 *
 * <p>Accuracy: that of {@link ComplexSvd}, which does not square the condition number: modes far below the
 * strongest (down to about max(N, M) eps s_1) are resolved, unlike with the eigendecomposition of the N x N Gram
 * matrix H H^H, which loses modes weaker than about sqrt(eps) s_1. Cost O(N^2 M) for N &lt;= M (thin-QR reduction
 * in the SVD), so linear in the number of BS antennas.
 *
 * <p>The phases of the modes are those of the SVD; precoders that share this class therefore agree exactly, not
 * only up to one phase per stream.
 */
public final class DominantModes {

    private final ZMatrixRMaj left;
    private final double[] singularValues;
    private final ZMatrixRMaj right;
    private final ZMatrixRMaj effectiveChannel;
    private final int present;

    private DominantModes(ZMatrixRMaj left, double[] s, ZMatrixRMaj right, ZMatrixRMaj g, int present) {
        this.left = left;
        this.singularValues = s;
        this.right = right;
        this.effectiveChannel = g;
        this.present = present;
    }

    /**
     * @param h the channel [N x M], not modified
     * @param d the number of modes, 1 &lt;= d &lt;= N
     * @throws IllegalArgumentException if d is out of range
     * @throws DecompositionException if a decomposition fails
     */
    public static DominantModes of(ZMatrixRMaj h, int d) {
        int n = h.numRows;
        int m = h.numCols;
        if (d < 1 || d > n) {
            throw new IllegalArgumentException("d: must be in [1, " + n + "] (the receive antennas), got " + d);
        }
        ComplexSvd svd = ComplexSvd.decompose(h);
        double[] sAll = svd.singularValues();
        ZMatrixRMaj u = svd.u(); // [N x r], r = min(N, M)
        ZMatrixRMaj v = svd.v(); // [M x r]
        int r = sAll.length;
        double tol = PseudoInverse.defaultRelativeTolerance(n, m) * sAll[0];

        ZMatrixRMaj left = new ZMatrixRMaj(n, d);
        ZMatrixRMaj completion = d > r ? orthonormalCompletion(u) : null; // [N x N], first r columns span U
        double[] s = new double[d];
        ZMatrixRMaj right = new ZMatrixRMaj(m, d);
        int present = 0;
        for (int j = 0; j < d; j++) {
            ZMatrixRMaj src = j < r ? u : completion;
            for (int row = 0; row < n; row++) {
                left.set(row, j, src.getReal(row, j), src.getImag(row, j));
            }
            if (j < r && sAll[j] > tol) {
                s[j] = sAll[j];
                present++;
                for (int row = 0; row < m; row++) {
                    right.set(row, j, v.getReal(row, j), v.getImag(row, j));
                }
            }
        }
        ZMatrixRMaj g = new ZMatrixRMaj(d, m);
        ComplexOps.multAhB(left, h, g); // [d x M] U_d^H H
        for (int j = present; j < d; j++) { // absent modes (descending s: they are the last ones)
            java.util.Arrays.fill(g.data, 2 * j * m, 2 * (j + 1) * m, 0.0);
        }
        return new DominantModes(left, s, right, g, present);
    }

    /**
     * @return the full N x N Q of a Householder QR of u [N x r] (orthonormal columns): its first r columns span
     *     the columns of u and the others complete them to an orthonormal basis
     */
    private static ZMatrixRMaj orthonormalCompletion(ZMatrixRMaj u) {
        QRDecomposition<ZMatrixRMaj> qr = DecompositionFactory_ZDRM.qr(u.numRows, u.numCols);
        if (!qr.decompose(u.copy())) {
            throw new DecompositionException("dominant modes: QR of the " + u.numRows + "x" + u.numCols
                    + " left singular vectors failed");
        }
        return qr.getQ(null, false);
    }

    /** @return d, the number of modes asked for */
    public int count() {
        return singularValues.length;
    }

    /** @return the number of present modes (the first ones; the rest are absent) */
    public int present() {
        return present;
    }

    /** @return U_d [N x d] with orthonormal columns (a copy) */
    public ZMatrixRMaj left() {
        return left.copy();
    }

    /** @return s_1 &gt;= ... &gt;= s_d, 0 for absent modes (a copy) */
    public double[] singularValues() {
        return singularValues.clone();
    }

    /** @return V_d [M x d]: orthonormal columns for the present modes, zero columns for absent ones (a copy) */
    public ZMatrixRMaj right() {
        return right.copy();
    }

    /** @return G = U_d^H H [d x M], zero rows for absent modes (a copy) */
    public ZMatrixRMaj effectiveChannel() {
        return effectiveChannel.copy();
    }
}
