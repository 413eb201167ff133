package org.netsim.precoding.learned;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.ejml.data.ZMatrixRMaj;

/**
 * A complex tensor Z = X + jY held as a pair of real DJL arrays (X, Y) of equal shape: the one representation of
 * complex quantities in the learned models of this project.
 *
 * <p><b>Why a real pair.</b> DJL's PyTorch engine has COMPLEX64 arrays, but gradients do not flow through
 * {@code complex()} or {@code toType()}, and {@code zeros}/{@code ones} silently ignore the complex type. With a
 * pair of real arrays every operation below is a composition of real, differentiable PyTorch operations, so a
 * trainable real parameter can enter either part and its gradient is exact; the cost is two to four real
 * products per complex product. Tests check the gradients of these operations against central finite differences.
 *
 * <p><b>Shapes.</b> Matrices are the last two axes, [..., rows, cols]; leading axes are batch axes and broadcast
 * as in PyTorch's {@code matmul}. Formulas (A = A_r + j A_i, B = B_r + j B_i):
 * <pre>
 *   A B       = (A_r B_r - A_i B_i) + j (A_r B_i + A_i B_r)
 *   A^H       = A_r^T - j A_i^T
 *   ||A||_F^2 = sum (A_r^2 + A_i^2)                        (over the last two axes)
 *   A^{-1}    from the real block form [[A_r, -A_i], [A_i, A_r]]^{-1} = [[X_r, -X_i], [X_i, X_r]]
 * </pre>
 * Instances are immutable views: every operation returns a new tensor in the arrays' manager; scope them with a
 * child {@link NDManager} or an NDScope in loops.
 *
 * @param re the real part X
 * @param im the imaginary part Y, same shape as {@code re}
 */
public record ComplexTensor(NDArray re, NDArray im) {

    public ComplexTensor {
        if (re == null || im == null) {
            throw new IllegalArgumentException("re, im: must not be null");
        }
        if (!re.getShape().equals(im.getShape())) {
            throw new IllegalArgumentException("im: shape " + im.getShape() + " differs from re " + re.getShape());
        }
    }

    /** @return the complex tensor with real part {@code re} and zero imaginary part */
    public static ComplexTensor real(NDArray re) {
        return new ComplexTensor(re, re.zerosLike());
    }

    /**
     * Stacks equally sized complex matrices into one tensor of shape [B, rows, cols].
     *
     * @param manager owner of the new arrays
     * @param batch B &gt;= 1 matrices of equal shape; not modified
     * @param type FLOAT32 or FLOAT64
     */
    public static ComplexTensor fromMatrices(NDManager manager, ZMatrixRMaj[] batch, DataType type) {
        if (batch.length == 0) {
            throw new IllegalArgumentException("batch: at least one matrix is required");
        }
        int rows = batch[0].numRows;
        int cols = batch[0].numCols;
        int n = rows * cols;
        double[] re = new double[batch.length * n];
        double[] im = new double[batch.length * n];
        for (int b = 0; b < batch.length; b++) {
            ZMatrixRMaj m = batch[b];
            if (m.numRows != rows || m.numCols != cols) {
                throw new IllegalArgumentException("batch[" + b + "]: " + m.numRows + "x" + m.numCols
                        + ", expected " + rows + "x" + cols);
            }
            for (int e = 0; e < n; e++) {
                re[b * n + e] = m.data[2 * e];
                im[b * n + e] = m.data[2 * e + 1];
            }
        }
        Shape shape = new Shape(batch.length, rows, cols);
        return new ComplexTensor(converted(manager.create(re, shape), type),
                converted(manager.create(im, shape), type));
    }

    /** @return {@code a} as {@code type}, closing the float64 staging array when a copy was made */
    private static NDArray converted(NDArray a, DataType type) {
        NDArray t = a.toType(type, false);
        if (t != a) {
            a.close();
        }
        return t;
    }

    /** @return matrix {@code b} of a tensor of shape [B, rows, cols], in double precision */
    public ZMatrixRMaj toMatrix(int b) {
        Shape s = re.getShape();
        if (s.dimension() != 3) {
            throw new IllegalStateException("toMatrix: needs shape [B, rows, cols], got " + s);
        }
        int rows = (int) s.get(1);
        int cols = (int) s.get(2);
        double[] r = re.get(b).toType(DataType.FLOAT64, false).toDoubleArray();
        double[] i = im.get(b).toType(DataType.FLOAT64, false).toDoubleArray();
        ZMatrixRMaj m = new ZMatrixRMaj(rows, cols);
        for (int e = 0; e < rows * cols; e++) {
            m.data[2 * e] = r[e];
            m.data[2 * e + 1] = i[e];
        }
        return m;
    }

    /** @return the shape of either part */
    public Shape shape() {
        return re.getShape();
    }

    /** @return this + other (broadcasting) */
    public ComplexTensor add(ComplexTensor other) {
        return new ComplexTensor(re.add(other.re), im.add(other.im));
    }

    /** @return this - other (broadcasting) */
    public ComplexTensor sub(ComplexTensor other) {
        return new ComplexTensor(re.sub(other.re), im.sub(other.im));
    }

    /** @return the element-wise complex product (broadcasting) */
    public ComplexTensor mul(ComplexTensor other) {
        return new ComplexTensor(re.mul(other.re).sub(im.mul(other.im)), re.mul(other.im).add(im.mul(other.re)));
    }

    /** @return s Z for a real scalar s */
    public ComplexTensor scale(double s) {
        return new ComplexTensor(re.mul(s), im.mul(s));
    }

    /** @return a Z for a real array a broadcast against Z (e.g. a per-sample scale of shape [B, 1, 1]) */
    public ComplexTensor scale(NDArray a) {
        return new ComplexTensor(re.mul(a), im.mul(a));
    }

    /** @return the element-wise conjugate X - jY */
    public ComplexTensor conj() {
        return new ComplexTensor(re, im.neg());
    }

    /** @return the transpose of the last two axes (no conjugation) */
    public ComplexTensor transpose() {
        int r = re.getShape().dimension();
        return new ComplexTensor(re.swapAxes(r - 2, r - 1), im.swapAxes(r - 2, r - 1));
    }

    /** @return Z^H, the conjugate transpose of the last two axes */
    public ComplexTensor hermitian() {
        int r = re.getShape().dimension();
        return new ComplexTensor(re.swapAxes(r - 2, r - 1), im.swapAxes(r - 2, r - 1).neg());
    }

    /** @return the (batched) matrix product Z B: [..., m, n] x [..., n, p] -&gt; [..., m, p] */
    public ComplexTensor matMul(ComplexTensor b) {
        return new ComplexTensor(re.matMul(b.re).sub(im.matMul(b.im)), re.matMul(b.im).add(im.matMul(b.re)));
    }

    /** @return Z^H B: [..., n, m] x [..., n, p] -&gt; [..., m, p] */
    public ComplexTensor hermitianTimes(ComplexTensor b) {
        return hermitian().matMul(b);
    }

    /** @return Z B^H: [..., m, n] x [..., p, n] -&gt; [..., m, p] */
    public ComplexTensor timesHermitian(ComplexTensor b) {
        return matMul(b.hermitian());
    }

    /** @return |Z|^2 element-wise, real */
    public NDArray abs2() {
        return re.square().add(im.square());
    }

    /** @return ||Z||_F^2 over the last two axes, real, shape [...] (the batch axes) */
    public NDArray frobeniusSquared() {
        int r = re.getShape().dimension();
        return abs2().sum(new int[] {r - 2, r - 1});
    }

    /**
     * The inverse of square matrices [..., n, n] through the real block form: with M = [[A_r, -A_i], [A_i, A_r]]
     * (2n x 2n, real), M^{-1} = [[X_r, -X_i], [X_i, X_r]] and A^{-1} = X_r + j X_i. Differentiable (PyTorch's real
     * inverse); the caller guarantees invertibility (e.g. A = sigma^2 I + positive semidefinite).
     */
    public ComplexTensor inverse() {
        Shape s = re.getShape();
        int r = s.dimension();
        long n = s.get(r - 1);
        if (s.get(r - 2) != n) {
            throw new IllegalArgumentException("inverse: needs square matrices, got " + s);
        }
        NDArray top = NDArrays.concat(new NDList(re, im.neg()), r - 1);
        NDArray bottom = NDArrays.concat(new NDList(im, re), r - 1);
        NDArray inv = NDArrays.concat(new NDList(top, bottom), r - 2).inverse();
        NDArray xr = inv.get(new NDIndex("..., :" + n + ", :" + n));
        NDArray xi = inv.get(new NDIndex("..., " + n + ":, :" + n));
        return new ComplexTensor(xr, xi);
    }
}
