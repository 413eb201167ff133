package org.netsim.precoding.linalg;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.decompose.hessenberg.TridiagonalDecompositionHouseholder_ZDRM;
import org.ejml.dense.row.decomposition.eig.symm.SymmetricQrAlgorithm_DDRM;

/**
 * Eigendecomposition A = Q diag(lambda) Q^H of an n x n Hermitian matrix, with Q unitary and the eigenvalues
 * real and ascending.
 *
 * <p>EJML has no complex eigen solver, so this composes two of its parts:
 * <ol>
 *   <li>Householder reduction to tridiagonal form, A = Q_t T_c Q_t^H (EJML's complex
 *       {@code TridiagonalDecompositionHouseholder_ZDRM}), where T_c is Hermitian tridiagonal with a real diagonal
 *       a_j and complex sub-diagonal e_j;</li>
 *   <li>a unitary diagonal phase S = diag(s_j), s_0 = 1, s_{j+1} = s_j e_j / |e_j|, which makes
 *       T = S^H T_c S real symmetric tridiagonal with sub-diagonal |e_j|;</li>
 *   <li>EJML's implicit symmetric QR algorithm on T with accumulated rotations, T = Z diag(lambda) Z^T
 *       (convergence flag checked).</li>
 * </ol>
 * Then Q = Q_t S Z. This costs about 9 n^3 real flops, an eighth of the real-symmetric embedding
 * [[X, -Y], [Y, X]] of size 2n, and yields exactly n orthonormal eigenvectors also for repeated eigenvalues.
 *
 * <p>Only the Hermitian part (A + A^H)/2 of the input is used. An instance holds the workspace for one size and
 * reuses it: {@link #decompose(ZMatrixRMaj)} allocates nothing after the first call. Not thread-safe.
 */
public final class HermitianEigen {

    private final int n;
    private final ZMatrixRMaj work;
    private final ZMatrixRMaj tridiagonal;
    private final ZMatrixRMaj qt;
    private final DMatrixRMaj zt;
    private final TridiagonalDecompositionHouseholder_ZDRM tridiag;
    private final SymmetricQrAlgorithm_DDRM qrValues;
    private final SymmetricQrAlgorithm_DDRM qrVectors;
    private final double[] diagCopy;
    private final double[] offCopy;
    private final double[] shifts;
    private final double[] diag;
    private final double[] off;
    private final double[] phaseRe;
    private final double[] phaseIm;
    private final double[] rawValues;
    private final int[] order;
    private final double[] values;
    private final ZMatrixRMaj vectors;

    /** @param n the matrix size, at least 1 */
    public HermitianEigen(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n: must be >= 1, got " + n);
        }
        this.n = n;
        this.work = new ZMatrixRMaj(n, n);
        this.tridiagonal = new ZMatrixRMaj(n, n);
        this.qt = new ZMatrixRMaj(n, n);
        this.zt = new DMatrixRMaj(n, n);
        this.tridiag = new TridiagonalDecompositionHouseholder_ZDRM();
        this.qrValues = new SymmetricQrAlgorithm_DDRM();
        this.qrValues.setMaxIterations(Math.max(100, 30 * n));
        this.qrValues.setFastEigenvalues(true);
        this.qrVectors = new SymmetricQrAlgorithm_DDRM();
        this.qrVectors.setMaxIterations(Math.max(100, 30 * n));
        this.diagCopy = new double[n];
        this.offCopy = new double[Math.max(1, n - 1)];
        this.shifts = new double[n];
        this.diag = new double[n];
        this.off = new double[Math.max(1, n - 1)];
        this.phaseRe = new double[n];
        this.phaseIm = new double[n];
        this.rawValues = new double[n];
        this.order = new int[n];
        this.values = new double[n];
        this.vectors = new ZMatrixRMaj(n, n);
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
        double[] d = a.data;
        double[] w = work.data;
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                int rc = (r * n + c) * 2;
                int cr = (c * n + r) * 2;
                w[rc] = 0.5 * (d[rc] + d[cr]);
                w[rc + 1] = 0.5 * (d[rc + 1] - d[cr + 1]);
            }
        }
        if (n == 1) {
            values[0] = w[0];
            vectors.set(0, 0, 1, 0);
            return;
        }
        if (n == 2) {
            // already tridiagonal (and EJML's reduction does not accept 2 x 2): T_c = A, Q_t = I
            System.arraycopy(w, 0, tridiagonal.data, 0, 8);
            Arrays.fill(qt.data, 0, 8, 0.0);
            qt.data[0] = 1;
            qt.data[6] = 1;
        } else {
            if (!tridiag.decompose(work)) {
                throw new DecompositionException("Hermitian eigendecomposition: tridiagonal reduction of a " + n
                        + "x" + n + " matrix failed");
            }
            tridiag.getT(tridiagonal);
            tridiag.getQ(qt, false);
        }
        double[] t = tridiagonal.data;
        phaseRe[0] = 1;
        phaseIm[0] = 0;
        for (int j = 0; j < n; j++) {
            diag[j] = t[(j * n + j) * 2];
            if (j + 1 < n) {
                double er = t[((j + 1) * n + j) * 2];
                double ei = t[((j + 1) * n + j) * 2 + 1];
                double mag = Math.hypot(er, ei);
                off[j] = mag;
                if (mag > 0) {
                    // s_{j+1} = s_j e_j / |e_j|
                    double ur = er / mag;
                    double ui = ei / mag;
                    phaseRe[j + 1] = phaseRe[j] * ur - phaseIm[j] * ui;
                    phaseIm[j + 1] = phaseRe[j] * ui + phaseIm[j] * ur;
                } else {
                    phaseRe[j + 1] = phaseRe[j];
                    phaseIm[j + 1] = phaseIm[j];
                }
            }
        }
        Arrays.fill(zt.data, 0, n * n, 0.0);
        for (int j = 0; j < n; j++) {
            zt.data[j * n + j] = 1;
        }
        // EJML's two-pass scheme: eigenvalues first, then the same QR sweeps with those eigenvalues as shifts,
        // accumulating the rotations into zt
        System.arraycopy(diag, 0, diagCopy, 0, n);
        System.arraycopy(off, 0, offCopy, 0, n - 1);
        if (!qrValues.process(n, diagCopy, offCopy)) {
            throw new DecompositionException("Hermitian eigendecomposition of a " + n + "x" + n
                    + " matrix did not converge (eigenvalues)");
        }
        for (int j = 0; j < n; j++) {
            shifts[j] = qrValues.getEigenvalue(j);
        }
        qrVectors.setQ(zt);
        if (!qrVectors.process(n, diag, off, shifts)) {
            throw new DecompositionException("Hermitian eigendecomposition of a " + n + "x" + n
                    + " matrix did not converge (eigenvectors)");
        }
        for (int j = 0; j < n; j++) {
            rawValues[j] = qrVectors.getEigenvalue(j);
            order[j] = j;
        }
        sortOrderByValue();
        // Q = Q_t S Z: column c is Q_t S z_{order[c]}, and z_j is row j of zt (rotations accumulate transposed)
        double[] q = qt.data;
        double[] z = zt.data;
        double[] v = vectors.data;
        for (int c = 0; c < n; c++) {
            int src = order[c];
            values[c] = rawValues[src];
            for (int r = 0; r < n; r++) {
                double sr = 0;
                double si = 0;
                for (int m = 0; m < n; m++) {
                    double zm = z[src * n + m];
                    // (Q_t)_{rm} s_m zm
                    double ar = q[(r * n + m) * 2];
                    double ai = q[(r * n + m) * 2 + 1];
                    double br = phaseRe[m] * zm;
                    double bi = phaseIm[m] * zm;
                    sr += ar * br - ai * bi;
                    si += ar * bi + ai * br;
                }
                v[(r * n + c) * 2] = sr;
                v[(r * n + c) * 2 + 1] = si;
            }
        }
        ComplexOps.requireFinite(vectors, "Hermitian eigendecomposition: non-finite eigenvectors");
    }

    /** Stable insertion sort of {@code order} by ascending raw eigenvalue (no boxing, no allocation). */
    private void sortOrderByValue() {
        for (int c = 1; c < n; c++) {
            int idx = order[c];
            double key = rawValues[idx];
            int p = c - 1;
            while (p >= 0 && rawValues[order[p]] > key) {
                order[p + 1] = order[p];
                p--;
            }
            order[p + 1] = idx;
        }
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
