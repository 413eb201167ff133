package org.netsim.precoding.linalg;

import org.ejml.data.Complex_F64;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_ZDRM;
import org.ejml.dense.row.NormOps_ZDRM;
import org.ejml.dense.row.factory.DecompositionFactory_ZDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_ZDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * The complex linear-algebra facade over EJML's {@link ZMatrixRMaj} (row-major, interleaved real/imaginary
 * parts). Conventions as in EJML: inputs are not modified, the output argument comes last and is reshaped, and
 * every decomposition's success flag is checked ({@link DecompositionException} on failure).
 *
 * <p>Products with conjugate transposes, Cholesky and LU solves, the log-determinant of a Hermitian positive
 * definite matrix, Frobenius norms and traces. Eigen- and singular-value decompositions, which EJML lacks for
 * complex matrices, are in {@link HermitianEigen}, {@link ComplexSvd} and {@link PseudoInverse}.
 */
public final class ComplexOps {

    private ComplexOps() {
    }

    /** c = a b. {@code a}, {@code b} not modified; {@code c} modified (reshaped). */
    public static void mult(ZMatrixRMaj a, ZMatrixRMaj b, ZMatrixRMaj c) {
        c.reshape(a.numRows, b.numCols);
        CommonOps_ZDRM.mult(a, b, c);
    }

    /** c = a^H b (conjugate transpose of a). {@code c} modified (reshaped). */
    public static void multAhB(ZMatrixRMaj a, ZMatrixRMaj b, ZMatrixRMaj c) {
        c.reshape(a.numCols, b.numCols);
        CommonOps_ZDRM.multTransA(a, b, c);
    }

    /** c = a b^H (conjugate transpose of b). {@code c} modified (reshaped). */
    public static void multABh(ZMatrixRMaj a, ZMatrixRMaj b, ZMatrixRMaj c) {
        c.reshape(a.numRows, b.numRows);
        CommonOps_ZDRM.multTransB(a, b, c);
    }

    /** c = c + a b^H. {@code c} modified, must be a.numRows x b.numRows. */
    public static void multAddABh(ZMatrixRMaj a, ZMatrixRMaj b, ZMatrixRMaj c) {
        CommonOps_ZDRM.multAddTransB(a, b, c);
    }

    /** @return a new matrix a^H */
    public static ZMatrixRMaj conjugateTranspose(ZMatrixRMaj a) {
        ZMatrixRMaj out = new ZMatrixRMaj(a.numCols, a.numRows);
        CommonOps_ZDRM.transposeConjugate(a, out);
        return out;
    }

    /** @return ||a||_F^2, the sum of squared magnitudes of all entries */
    public static double frobeniusSquared(ZMatrixRMaj a) {
        double s = 0;
        double[] d = a.data;
        int n = a.getDataLength();
        for (int e = 0; e < n; e++) {
            s += d[e] * d[e];
        }
        return s;
    }

    /** @return ||a||_F */
    public static double frobenius(ZMatrixRMaj a) {
        return NormOps_ZDRM.normF(a);
    }

    /** @return Re tr(a) of a square matrix */
    public static double traceReal(ZMatrixRMaj a) {
        requireSquare(a, "a");
        double s = 0;
        for (int r = 0; r < a.numRows; r++) {
            s += a.data[(r * a.numCols + r) * 2];
        }
        return s;
    }

    /** a = a * s for a real scalar s. {@code a} modified. */
    public static void scale(double s, ZMatrixRMaj a) {
        double[] d = a.data;
        int n = a.getDataLength();
        for (int e = 0; e < n; e++) {
            d[e] *= s;
        }
    }

    /** a = a + s I for a real scalar s. {@code a} modified (square). */
    public static void addIdentity(double s, ZMatrixRMaj a) {
        requireSquare(a, "a");
        for (int r = 0; r < a.numRows; r++) {
            a.data[(r * a.numCols + r) * 2] += s;
        }
    }

    /** @return a new n x n identity */
    public static ZMatrixRMaj identity(int n) {
        return CommonOps_ZDRM.identity(n);
    }

    /**
     * Solves a x = b for Hermitian positive definite a by Cholesky factorisation.
     *
     * @param a Hermitian positive definite, not modified
     * @param b right-hand sides, not modified
     * @param x the solution, modified (reshaped)
     * @throws DecompositionException if a is not (numerically) positive definite
     */
    public static void choleskySolve(ZMatrixRMaj a, ZMatrixRMaj b, ZMatrixRMaj x) {
        requireSquare(a, "a");
        LinearSolverDense<ZMatrixRMaj> solver = LinearSolverFactory_ZDRM.chol(a.numRows);
        if (!solver.setA(a.copy())) {
            throw new DecompositionException("Cholesky factorisation failed: " + a.numRows + "x" + a.numCols
                    + " matrix is not positive definite");
        }
        x.reshape(a.numCols, b.numCols);
        solver.solve(b.copy(), x);
    }

    /**
     * Solves a x = b for square a by LU factorisation with partial pivoting.
     *
     * @throws DecompositionException if a is singular (a zero pivot) or the solution is not finite
     */
    public static void luSolve(ZMatrixRMaj a, ZMatrixRMaj b, ZMatrixRMaj x) {
        requireSquare(a, "a");
        LinearSolverDense<ZMatrixRMaj> solver = LinearSolverFactory_ZDRM.lu(a.numRows);
        if (!solver.setA(a.copy())) {
            throw new DecompositionException("LU factorisation failed: " + a.numRows + "x" + a.numCols
                    + " matrix is singular");
        }
        x.reshape(a.numCols, b.numCols);
        solver.solve(b.copy(), x);
        requireFinite(x, "LU solve: " + a.numRows + "x" + a.numCols + " matrix is singular");
    }

    /** @return a new matrix a^{-1} by LU; {@link DecompositionException} if a is singular */
    public static ZMatrixRMaj invert(ZMatrixRMaj a) {
        ZMatrixRMaj x = new ZMatrixRMaj(a.numRows, a.numCols);
        luSolve(a, identity(a.numRows), x);
        return x;
    }

    /**
     * log det(a) of a Hermitian positive definite matrix, from its Cholesky factor a = L L^H:
     * log det a = 2 sum_r log L_rr.
     *
     * @throws DecompositionException if a is not (numerically) positive definite
     */
    public static double logDetHpd(ZMatrixRMaj a) {
        requireSquare(a, "a");
        CholeskyDecomposition_F64<ZMatrixRMaj> chol = DecompositionFactory_ZDRM.chol(a.numRows, true);
        if (!chol.decompose(a.copy())) {
            throw new DecompositionException("log-det: Cholesky factorisation failed: " + a.numRows + "x"
                    + a.numCols + " matrix is not positive definite");
        }
        ZMatrixRMaj l = chol.getT(null);
        double s = 0;
        for (int r = 0; r < l.numRows; r++) {
            double d = l.data[(r * l.numCols + r) * 2];
            if (!(d > 0)) {
                throw new DecompositionException("log-det: non-positive Cholesky pivot " + d);
            }
            s += Math.log(d);
        }
        return 2 * s;
    }

    /** @return the determinant of a square matrix, by LU */
    public static Complex_F64 det(ZMatrixRMaj a) {
        requireSquare(a, "a");
        return CommonOps_ZDRM.det(a);
    }

    /** @throws IllegalArgumentException naming {@code what} if a is not square */
    static void requireSquare(ZMatrixRMaj a, String what) {
        if (a.numRows != a.numCols) {
            throw new IllegalArgumentException(what + ": expected a square matrix, got " + a.numRows + "x"
                    + a.numCols);
        }
    }

    /** @throws DecompositionException with {@code message} if any entry is NaN or infinite */
    static void requireFinite(ZMatrixRMaj x, String message) {
        int n = x.getDataLength();
        for (int e = 0; e < n; e++) {
            if (!Double.isFinite(x.data[e])) {
                throw new DecompositionException(message);
            }
        }
    }
}
