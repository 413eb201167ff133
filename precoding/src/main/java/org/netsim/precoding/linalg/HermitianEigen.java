package org.netsim.precoding.linalg;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Eigendecomposition A = Q diag(lambda) Q^H of an n x n Hermitian matrix, with Q unitary and the eigenvalues
 * real and ascending.
 *
 * <p>EJML has no complex eigen solver, so this uses the real-symmetric embedding: for A = X + iY (X symmetric,
 * Y antisymmetric), E = [[X, -Y], [Y, X]] is real symmetric of size 2n, and E [a; b] = lambda [a; b] if and only
 * if A (a + ib) = lambda (a + ib). Every eigenvalue of A appears twice in E, with the real eigenvectors [a; b] and
 * [-b; a], which map to the complex vectors z and iz. The 2n real eigenvectors, ordered by eigenvalue, are mapped
 * to complex vectors and kept greedily when they are not in the complex span of those kept before (modified
 * Gram-Schmidt with reorthogonalisation), which picks exactly n orthonormal vectors, also inside degenerate
 * eigenspaces. EJML's symmetric QR algorithm solves E; its convergence flag is checked.
 *
 * <p>Only the Hermitian part (A + A^H)/2 of the input is used. An instance holds the workspace for one size and
 * reuses it: {@link #decompose(ZMatrixRMaj)} allocates nothing but EJML's internal work. Not thread-safe.
 */
public final class HermitianEigen {

    private final int n;
    private final DMatrixRMaj embedding;
    private final EigenDecomposition_F64<DMatrixRMaj> eig;
    private final double[] values;
    private final ZMatrixRMaj vectors;
    private final Integer[] order;
    private final double[] candidateRe;
    private final double[] candidateIm;
    private final double[] embValues;

    /** @param n the matrix size, at least 1 */
    public HermitianEigen(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n: must be >= 1, got " + n);
        }
        this.n = n;
        this.embedding = new DMatrixRMaj(2 * n, 2 * n);
        this.eig = DecompositionFactory_DDRM.eig(2 * n, true, true);
        this.values = new double[n];
        this.vectors = new ZMatrixRMaj(n, n);
        this.order = new Integer[2 * n];
        this.candidateRe = new double[n];
        this.candidateIm = new double[n];
        this.embValues = new double[2 * n];
    }

    /** @return the size this instance decomposes */
    public int size() {
        return n;
    }

    /**
     * Decomposes {@code a}.
     *
     * @param a n x n, Hermitian (its Hermitian part is used); not modified
     * @throws DecompositionException if the eigen solver fails or {@code a} has non-finite entries
     */
    public void decompose(ZMatrixRMaj a) {
        if (a.numRows != n || a.numCols != n) {
            throw new IllegalArgumentException("a: expected " + n + "x" + n + ", got " + a.numRows + "x" + a.numCols);
        }
        ComplexOps.requireFinite(a, "Hermitian eigendecomposition: matrix has non-finite entries");
        int m = 2 * n;
        double[] e = embedding.data;
        double[] d = a.data;
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                int rc = (r * n + c) * 2;
                int cr = (c * n + r) * 2;
                double x = 0.5 * (d[rc] + d[cr]);
                double y = 0.5 * (d[rc + 1] - d[cr + 1]);
                e[r * m + c] = x;
                e[(r + n) * m + c + n] = x;
                e[r * m + c + n] = -y;
                e[(r + n) * m + c] = y;
            }
        }
        if (!eig.decompose(embedding)) {
            throw new DecompositionException("Hermitian eigendecomposition of a " + n + "x" + n
                    + " matrix did not converge");
        }
        for (int j = 0; j < m; j++) {
            order[j] = j;
            embValues[j] = eig.getEigenvalue(j).real;
        }
        Arrays.sort(order, (p, q) -> Double.compare(embValues[p], embValues[q]));

        int kept = select(0.5);
        if (kept < n) {
            kept = select(1e-6);
        }
        if (kept < n) {
            throw new DecompositionException("Hermitian eigendecomposition: could not extract " + n
                    + " independent eigenvectors");
        }
        sortKept();
    }

    /** Greedy selection of n complex eigenvectors; returns how many were kept. */
    private int select(double minResidualNorm) {
        int kept = 0;
        double[] v = vectors.data;
        for (int idx = 0; idx < 2 * n && kept < n; idx++) {
            int j = order[idx];
            DMatrixRMaj x = eig.getEigenVector(j);
            if (x == null) {
                throw new DecompositionException("Hermitian eigendecomposition: missing eigenvector");
            }
            for (int r = 0; r < n; r++) {
                candidateRe[r] = x.data[r];
                candidateIm[r] = x.data[r + n];
            }
            double norm0 = norm(candidateRe, candidateIm);
            if (!(norm0 > 0)) {
                continue;
            }
            for (int pass = 0; pass < 2; pass++) {
                for (int c = 0; c < kept; c++) {
                    // coefficient = q_c^H z
                    double pr = 0;
                    double pi = 0;
                    for (int r = 0; r < n; r++) {
                        double qr = v[(r * n + c) * 2];
                        double qi = v[(r * n + c) * 2 + 1];
                        pr += qr * candidateRe[r] + qi * candidateIm[r];
                        pi += qr * candidateIm[r] - qi * candidateRe[r];
                    }
                    for (int r = 0; r < n; r++) {
                        double qr = v[(r * n + c) * 2];
                        double qi = v[(r * n + c) * 2 + 1];
                        candidateRe[r] -= pr * qr - pi * qi;
                        candidateIm[r] -= pr * qi + pi * qr;
                    }
                }
            }
            double res = norm(candidateRe, candidateIm);
            if (res > minResidualNorm * norm0) {
                for (int r = 0; r < n; r++) {
                    v[(r * n + kept) * 2] = candidateRe[r] / res;
                    v[(r * n + kept) * 2 + 1] = candidateIm[r] / res;
                }
                values[kept] = embValues[j];
                kept++;
            }
        }
        return kept;
    }

    /** The kept vectors arrive nearly sorted; a stable insertion sort of columns makes the order exact. */
    private void sortKept() {
        double[] v = vectors.data;
        for (int c = 1; c < n; c++) {
            int p = c;
            while (p > 0 && values[p - 1] > values[p]) {
                double t = values[p - 1];
                values[p - 1] = values[p];
                values[p] = t;
                for (int r = 0; r < n; r++) {
                    int a = (r * n + p - 1) * 2;
                    int b = (r * n + p) * 2;
                    double tr = v[a];
                    double ti = v[a + 1];
                    v[a] = v[b];
                    v[a + 1] = v[b + 1];
                    v[b] = tr;
                    v[b + 1] = ti;
                }
                p--;
            }
        }
    }

    private static double norm(double[] re, double[] im) {
        double s = 0;
        for (int r = 0; r < re.length; r++) {
            s += re[r] * re[r] + im[r] * im[r];
        }
        return Math.sqrt(s);
    }

    /** @return the eigenvalues in ascending order; the instance's own array, overwritten by the next call */
    public double[] values() {
        return values;
    }

    /** @return the largest eigenvalue */
    public double maxValue() {
        return values[n - 1];
    }

    /**
     * @return Q, whose columns are the unit-norm eigenvectors in the order of {@link #values()}; the instance's
     *     own matrix, overwritten by the next call
     */
    public ZMatrixRMaj vectors() {
        return vectors;
    }

    /** Convenience: the eigenvalues (ascending) of a Hermitian matrix, in a new array. */
    public static double[] eigenvalues(ZMatrixRMaj a) {
        HermitianEigen e = new HermitianEigen(a.numRows);
        e.decompose(a);
        return e.values().clone();
    }

    /** Convenience: the largest eigenvalue of a Hermitian matrix. */
    public static double largestEigenvalue(ZMatrixRMaj a) {
        HermitianEigen e = new HermitianEigen(a.numRows);
        e.decompose(a);
        return e.maxValue();
    }
}
