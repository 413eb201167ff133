package org.netsim.precoding.linalg;

import java.util.SplittableRandom;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_ZDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.netsim.precoding.TestProblems;

/**
 * Test matrices with known structure and naive reference operations for the linear-algebra tests: random
 * unitaries (from EJML's Householder QR, independent of the code under test), Hermitian matrices with a prescribed
 * spectrum, matrices with prescribed singular values, and triple-loop products.
 */
final class TestMatrices {

    /** Machine epsilon, 2^-52. */
    static final double EPS = Math.ulp(1.0);

    private TestMatrices() {
    }

    /** @return a new rows x cols matrix of i.i.d. CN(0, 1) entries */
    static ZMatrixRMaj gaussian(SplittableRandom rng, int rows, int cols) {
        return TestProblems.complexGaussian(rng, rows, cols, 1.0);
    }

    /** @return an n x n unitary matrix: the Q factor of the QR decomposition of a complex Gaussian matrix */
    static ZMatrixRMaj unitary(SplittableRandom rng, int n) {
        ZMatrixRMaj g = gaussian(rng, n, n);
        QRDecomposition<ZMatrixRMaj> qr = DecompositionFactory_ZDRM.qr(n, n);
        if (!qr.decompose(g)) {
            throw new IllegalStateException("QR of a Gaussian test matrix failed");
        }
        return qr.getQ(null, false);
    }

    /** @return the first {@code cols} columns of a random n x n unitary (orthonormal columns) */
    static ZMatrixRMaj orthonormalColumns(SplittableRandom rng, int n, int cols) {
        ZMatrixRMaj q = unitary(rng, n);
        ZMatrixRMaj out = new ZMatrixRMaj(n, cols);
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < cols; c++) {
                out.set(r, c, q.getReal(r, c), q.getImag(r, c));
            }
        }
        return out;
    }

    /** @return Q diag(d) Q^H for a random unitary Q, symmetrised exactly (entry (c, r) = conj of (r, c)) */
    static ZMatrixRMaj hermitianWithSpectrum(SplittableRandom rng, double[] d) {
        int n = d.length;
        ZMatrixRMaj q = unitary(rng, n);
        ZMatrixRMaj a = naiveMult(scaleColumns(q, d), false, q, true);
        for (int r = 0; r < n; r++) {
            a.set(r, r, a.getReal(r, r), 0);
            for (int c = r + 1; c < n; c++) {
                a.set(c, r, a.getReal(r, c), -a.getImag(r, c));
            }
        }
        return a;
    }

    /** @return a random Hermitian n x n matrix (G + G^H) / 2 with G complex Gaussian */
    static ZMatrixRMaj randomHermitian(SplittableRandom rng, int n) {
        ZMatrixRMaj g = gaussian(rng, n, n);
        ZMatrixRMaj a = new ZMatrixRMaj(n, n);
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                a.set(r, c, 0.5 * (g.getReal(r, c) + g.getReal(c, r)), 0.5 * (g.getImag(r, c) - g.getImag(c, r)));
            }
        }
        return a;
    }

    /**
     * @param s the singular values (min(m, n) of them, any order, zeros allowed)
     * @return U0 diag(s) V0^H with U0 (m x r) and V0 (n x r) random with orthonormal columns, r = s.length
     */
    static ZMatrixRMaj withSingularValues(SplittableRandom rng, int m, int n, double[] s) {
        ZMatrixRMaj u = orthonormalColumns(rng, m, s.length);
        ZMatrixRMaj v = orthonormalColumns(rng, n, s.length);
        return naiveMult(scaleColumns(u, s), false, v, true);
    }

    /** @return a new matrix x diag(d) */
    static ZMatrixRMaj scaleColumns(ZMatrixRMaj x, double[] d) {
        ZMatrixRMaj out = x.copy();
        for (int r = 0; r < x.numRows; r++) {
            for (int c = 0; c < x.numCols; c++) {
                out.set(r, c, x.getReal(r, c) * d[c], x.getImag(r, c) * d[c]);
            }
        }
        return out;
    }

    /**
     * Triple-loop product op(a) op(b), op = conjugate transpose when the flag is set: the reference the facade's
     * products are checked against.
     */
    static ZMatrixRMaj naiveMult(ZMatrixRMaj a, boolean conjTransA, ZMatrixRMaj b, boolean conjTransB) {
        int rows = conjTransA ? a.numCols : a.numRows;
        int inner = conjTransA ? a.numRows : a.numCols;
        int innerB = conjTransB ? b.numCols : b.numRows;
        int cols = conjTransB ? b.numRows : b.numCols;
        if (inner != innerB) {
            throw new IllegalArgumentException("inner dimensions " + inner + " and " + innerB);
        }
        ZMatrixRMaj c = new ZMatrixRMaj(rows, cols);
        for (int r = 0; r < rows; r++) {
            for (int col = 0; col < cols; col++) {
                double re = 0;
                double im = 0;
                for (int t = 0; t < inner; t++) {
                    double ar = conjTransA ? a.getReal(t, r) : a.getReal(r, t);
                    double ai = conjTransA ? -a.getImag(t, r) : a.getImag(r, t);
                    double br = conjTransB ? b.getReal(col, t) : b.getReal(t, col);
                    double bi = conjTransB ? -b.getImag(col, t) : b.getImag(t, col);
                    re += ar * br - ai * bi;
                    im += ar * bi + ai * br;
                }
                c.set(r, col, re, im);
            }
        }
        return c;
    }

    /** @return ||a - b||_F (same shapes required) */
    static double distance(ZMatrixRMaj a, ZMatrixRMaj b) {
        if (a.numRows != b.numRows || a.numCols != b.numCols) {
            throw new AssertionError("shapes differ: " + a.numRows + "x" + a.numCols + " vs " + b.numRows + "x"
                    + b.numCols);
        }
        double s = 0;
        for (int e = 0; e < a.getDataLength(); e++) {
            double d = a.data[e] - b.data[e];
            s += d * d;
        }
        return Math.sqrt(s);
    }

    /** @return ||a||_F by a plain loop */
    static double norm(ZMatrixRMaj a) {
        double s = 0;
        for (int e = 0; e < a.getDataLength(); e++) {
            s += a.data[e] * a.data[e];
        }
        return Math.sqrt(s);
    }

    /** @return ||x^H x - I||_F, the loss of orthonormality of the columns of x */
    static double orthonormalityError(ZMatrixRMaj x) {
        ZMatrixRMaj g = naiveMult(x, true, x, false);
        for (int r = 0; r < g.numRows; r++) {
            g.set(r, r, g.getReal(r, r) - 1, g.getImag(r, r));
        }
        return norm(g);
    }

    /** @return a new matrix a^H by a plain loop */
    static ZMatrixRMaj conjTrans(ZMatrixRMaj a) {
        ZMatrixRMaj out = new ZMatrixRMaj(a.numCols, a.numRows);
        for (int r = 0; r < a.numRows; r++) {
            for (int c = 0; c < a.numCols; c++) {
                out.set(c, r, a.getReal(r, c), -a.getImag(r, c));
            }
        }
        return out;
    }

    /**
     * @return bytes allocated by the current thread while running {@code r}, or -1 if the JVM cannot tell (callers
     *     skip their check then)
     */
    static long allocatedBytes(Runnable r) {
        java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
        if (!(bean instanceof com.sun.management.ThreadMXBean counter) || !counter.isThreadAllocatedMemorySupported()
                || !counter.isThreadAllocatedMemoryEnabled()) {
            return -1;
        }
        long id = Thread.currentThread().getId();
        long before = counter.getThreadAllocatedBytes(id);
        r.run();
        return counter.getThreadAllocatedBytes(id) - before;
    }
}
