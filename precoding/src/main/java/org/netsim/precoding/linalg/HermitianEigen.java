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
 * [-b; a], which map to the complex vectors z and iz. EJML's symmetric QR algorithm solves E (its convergence flag
 * is checked); its 2n eigenvalues, sorted, are split into clusters of values closer than 2n eps max|lambda| to
 * their neighbour. A cluster holding real positions lo..hi-1 of the sorted list contributes
 * ceil(hi / 2) - ceil(lo / 2) complex eigenvectors (half its size, and exactly n in total even if rounding splits
 * a pair across two clusters), chosen by pivoted modified Gram-Schmidt over its complex-mapped real eigenvectors:
 * each step keeps the candidate with the largest component orthogonal to every vector kept so far. Inside a
 * degenerate eigenspace of complex dimension k, spanned by 2k real vectors, the largest remaining component is at
 * least 1/sqrt(k) of a unit vector, so the k kept vectors are an orthonormal basis of the eigenspace; rounding
 * noise from neighbouring clusters is never promoted to an eigenvector.
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
    private final double[] candidateRe; // [2n candidates x n], candidate c at offset c n
    private final double[] candidateIm;
    private final double[] candidateNorm0;
    private final boolean[] candidateUsed;
    private final double[] embValues;

    /** A kept vector must have at least this fraction of its norm outside the span of those kept before. */
    private static final double MIN_NEW_COMPONENT = 1e-3;

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
        this.candidateRe = new double[2 * n * n];
        this.candidateIm = new double[2 * n * n];
        this.candidateNorm0 = new double[2 * n];
        this.candidateUsed = new boolean[2 * n];
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

        double maxAbs = Math.max(Math.abs(embValues[order[0]]), Math.abs(embValues[order[m - 1]]));
        double clusterGap = m * Math.ulp(1.0) * maxAbs;
        int kept = 0;
        int lo = 0;
        while (lo < m) {
            int hi = lo + 1;
            while (hi < m && embValues[order[hi]] - embValues[order[hi - 1]] <= clusterGap) {
                hi++;
            }
            kept = selectCluster(lo, hi, (hi + 1) / 2 - (lo + 1) / 2, kept);
            lo = hi;
        }
        sortKept();
    }

    /**
     * Keeps {@code want} complex eigenvectors from the real eigenvectors at sorted positions lo..hi-1 by pivoted
     * modified Gram-Schmidt against the {@code kept} vectors so far; returns the new number of kept vectors.
     */
    private int selectCluster(int lo, int hi, int want, int kept) {
        double[] v = vectors.data;
        int size = hi - lo;
        for (int t = 0; t < size; t++) {
            DMatrixRMaj x = eig.getEigenVector(order[lo + t]);
            if (x == null) {
                throw new DecompositionException("Hermitian eigendecomposition: missing eigenvector");
            }
            int off = t * n;
            for (int r = 0; r < n; r++) {
                candidateRe[off + r] = x.data[r];
                candidateIm[off + r] = x.data[r + n];
            }
            candidateNorm0[t] = norm(off);
            candidateUsed[t] = false;
            for (int pass = 0; pass < 2; pass++) {
                for (int c = 0; c < kept; c++) {
                    removeComponent(off, c);
                }
            }
        }
        for (int step = 0; step < want; step++) {
            int best = -1;
            double bestRatio = -1;
            for (int t = 0; t < size; t++) {
                if (!candidateUsed[t] && candidateNorm0[t] > 0) {
                    double ratio = norm(t * n) / candidateNorm0[t];
                    if (ratio > bestRatio) {
                        bestRatio = ratio;
                        best = t;
                    }
                }
            }
            if (best < 0 || !(bestRatio >= MIN_NEW_COMPONENT)) {
                throw new DecompositionException("Hermitian eigendecomposition: could not extract " + n
                        + " independent eigenvectors of a " + n + "x" + n + " matrix");
            }
            candidateUsed[best] = true;
            int off = best * n;
            for (int c = 0; c < kept; c++) {
                removeComponent(off, c); // reorthogonalisation of the chosen vector
            }
            double res = norm(off);
            for (int r = 0; r < n; r++) {
                v[(r * n + kept) * 2] = candidateRe[off + r] / res;
                v[(r * n + kept) * 2 + 1] = candidateIm[off + r] / res;
            }
            values[kept] = embValues[order[lo + best]];
            for (int t = 0; t < size; t++) {
                if (!candidateUsed[t]) {
                    removeComponent(t * n, kept);
                }
            }
            kept++;
        }
        return kept;
    }

    /** Candidate at {@code off} minus its component along kept column c: z = z - q_c (q_c^H z). */
    private void removeComponent(int off, int c) {
        double[] v = vectors.data;
        double pr = 0;
        double pi = 0;
        for (int r = 0; r < n; r++) {
            double qr = v[(r * n + c) * 2];
            double qi = v[(r * n + c) * 2 + 1];
            pr += qr * candidateRe[off + r] + qi * candidateIm[off + r];
            pi += qr * candidateIm[off + r] - qi * candidateRe[off + r];
        }
        for (int r = 0; r < n; r++) {
            double qr = v[(r * n + c) * 2];
            double qi = v[(r * n + c) * 2 + 1];
            candidateRe[off + r] -= pr * qr - pi * qi;
            candidateIm[off + r] -= pr * qi + pi * qr;
        }
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

    /** @return the Euclidean norm of the candidate at {@code off} */
    private double norm(int off) {
        double s = 0;
        for (int r = 0; r < n; r++) {
            s += candidateRe[off + r] * candidateRe[off + r] + candidateIm[off + r] * candidateIm[off + r];
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
