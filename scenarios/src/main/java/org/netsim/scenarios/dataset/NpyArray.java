package org.netsim.scenarios.dataset;

import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable n-dimensional NumPy array of one of the {@link NpyDtype}s, in C (row-major) order: the element at
 * multi-index (j_0, ..., j_{r-1}) of shape (n_0, ..., n_{r-1}) has the flat index sum_a j_a prod_{b &gt; a} n_b.
 * A 0-d array (shape {@code ()}) holds exactly one element.
 *
 * <p>Complex arrays are stored interleaved (real, imaginary), as EJML's {@code ZMatrixRMaj} and NumPy's complex128
 * are. Factories copy their arguments and accessors return copies, so an instance never changes.
 */
public final class NpyArray {

    /** Largest element count accepted: a Java array holds at most about 2^31 - 1 entries (complex uses two). */
    static final int MAX_ELEMENTS = (Integer.MAX_VALUE - 16) / 2;

    private final NpyDtype dtype;
    private final int[] shape;
    private final int size;
    private final double[] doubles; // COMPLEX128 (interleaved, 2 * size) or FLOAT64 (size); null for INT32
    private final int[] ints; // INT32; null otherwise

    private NpyArray(NpyDtype dtype, int[] shape, double[] doubles, int[] ints) {
        this.dtype = dtype;
        this.shape = shape;
        this.size = checkedSize(shape);
        this.doubles = doubles;
        this.ints = ints;
        int expected = dtype == NpyDtype.COMPLEX128 ? 2 * size : size;
        int actual = ints != null ? ints.length : doubles.length;
        if (actual != expected) {
            throw new IllegalArgumentException("data: shape " + shapeString(shape) + " of " + dtype.descr()
                    + " needs " + expected + " values" + (dtype == NpyDtype.COMPLEX128 ? " (interleaved re, im)" : "")
                    + ", got " + actual);
        }
    }

    /**
     * @param shape the dimensions, each &gt;= 0 ({@code new int[0]} for a 0-d array); copied
     * @param interleaved real and imaginary parts, 2 * prod(shape) values in C order; copied
     * @return a complex128 array
     */
    public static NpyArray ofComplex128(int[] shape, double[] interleaved) {
        return new NpyArray(NpyDtype.COMPLEX128, shape.clone(), interleaved.clone(), null);
    }

    /**
     * @param shape the dimensions, each &gt;= 0; copied
     * @param values prod(shape) values in C order; copied
     * @return a float64 array
     */
    public static NpyArray ofFloat64(int[] shape, double[] values) {
        return new NpyArray(NpyDtype.FLOAT64, shape.clone(), values.clone(), null);
    }

    /**
     * @param shape the dimensions, each &gt;= 0; copied
     * @param values prod(shape) values in C order; copied
     * @return an int32 array
     */
    public static NpyArray ofInt32(int[] shape, int[] values) {
        return new NpyArray(NpyDtype.INT32, shape.clone(), null, values.clone());
    }

    /**
     * @param value the value
     * @return a 0-d float64 array holding {@code value} (what {@code np.savez(f, x=np.float64(value))} stores)
     */
    public static NpyArray scalarFloat64(double value) {
        return new NpyArray(NpyDtype.FLOAT64, new int[0], new double[] {value}, null);
    }

    /**
     * @param value the value
     * @return a 0-d int32 array holding {@code value}
     */
    public static NpyArray scalarInt32(int value) {
        return new NpyArray(NpyDtype.INT32, new int[0], null, new int[] {value});
    }

    /** Wraps arrays without copying; for this package's reader, which owns the freshly decoded arrays. */
    static NpyArray wrap(NpyDtype dtype, int[] shape, double[] doubles, int[] ints) {
        return new NpyArray(dtype, shape, doubles, ints);
    }

    /** @return the element type */
    public NpyDtype dtype() {
        return dtype;
    }

    /** @return the shape (a copy; length 0 for a 0-d array) */
    public int[] shape() {
        return shape.clone();
    }

    /** @return the number of dimensions (0 for a 0-d array) */
    public int rank() {
        return shape.length;
    }

    /**
     * @param axis a dimension in 0..rank()-1
     * @return its length
     */
    public int dim(int axis) {
        return shape[axis];
    }

    /** @return the number of elements, prod(shape) (1 for a 0-d array) */
    public int size() {
        return size;
    }

    /**
     * @param multiIndex one index per dimension, each within its dimension
     * @return the flat C-order index of that element
     */
    public int flatIndex(int... multiIndex) {
        if (multiIndex.length != shape.length) {
            throw new IllegalArgumentException("multiIndex: expected " + shape.length + " indices, got "
                    + multiIndex.length);
        }
        int flat = 0;
        for (int a = 0; a < shape.length; a++) {
            if (multiIndex[a] < 0 || multiIndex[a] >= shape[a]) {
                throw new IndexOutOfBoundsException("multiIndex[" + a + "]: " + multiIndex[a] + " outside 0.."
                        + (shape[a] - 1));
            }
            flat = flat * shape[a] + multiIndex[a];
        }
        return flat;
    }

    /**
     * @param flatIndex a C-order flat index in 0..size()-1
     * @return the multi-index of that element (length rank())
     */
    public int[] multiIndex(int flatIndex) {
        Objects.checkIndex(flatIndex, size);
        int[] idx = new int[shape.length];
        int rest = flatIndex;
        for (int a = shape.length - 1; a >= 0; a--) {
            idx[a] = rest % shape[a];
            rest /= shape[a];
        }
        return idx;
    }

    /**
     * @param flatIndex a C-order flat index (see {@link #flatIndex(int...)})
     * @return element {@code flatIndex} of a float64 array
     */
    public double getFloat64(int flatIndex) {
        require(NpyDtype.FLOAT64);
        return doubles[Objects.checkIndex(flatIndex, size)];
    }

    /**
     * @param flatIndex a C-order flat index (see {@link #flatIndex(int...)})
     * @return element {@code flatIndex} of an int32 array
     */
    public int getInt32(int flatIndex) {
        require(NpyDtype.INT32);
        return ints[Objects.checkIndex(flatIndex, size)];
    }

    /**
     * @param flatIndex a C-order flat index (see {@link #flatIndex(int...)})
     * @return the real part of element {@code flatIndex} of a complex128 array
     */
    public double real(int flatIndex) {
        require(NpyDtype.COMPLEX128);
        return doubles[2 * Objects.checkIndex(flatIndex, size)];
    }

    /**
     * @param flatIndex a C-order flat index (see {@link #flatIndex(int...)})
     * @return the imaginary part of element {@code flatIndex} of a complex128 array
     */
    public double imag(int flatIndex) {
        require(NpyDtype.COMPLEX128);
        return doubles[2 * Objects.checkIndex(flatIndex, size) + 1];
    }

    /** @return the value of a 0-d float64 array (for scalars such as {@code carrier_hz}) */
    public double float64Value() {
        require(NpyDtype.FLOAT64);
        requireScalar();
        return doubles[0];
    }

    /** @return the value of a 0-d int32 array */
    public int int32Value() {
        require(NpyDtype.INT32);
        requireScalar();
        return ints[0];
    }

    /** @return a copy of the values of a float64 array, C order */
    public double[] toFloat64Array() {
        require(NpyDtype.FLOAT64);
        return doubles.clone();
    }

    /** @return a copy of the values of an int32 array, C order */
    public int[] toInt32Array() {
        require(NpyDtype.INT32);
        return ints.clone();
    }

    /** @return a copy of the values of a complex128 array, interleaved (re, im), C order */
    public double[] toComplex128Array() {
        require(NpyDtype.COMPLEX128);
        return doubles.clone();
    }

    /** The backing doubles (complex interleaved or float64) without copying; package use only, never modify. */
    double[] doublesView() {
        return doubles;
    }

    /** The backing ints without copying; package use only, never modify. */
    int[] intsView() {
        return ints;
    }

    private void require(NpyDtype expected) {
        if (dtype != expected) {
            throw new IllegalStateException("dtype: array is " + dtype.descr() + ", not " + expected.descr());
        }
    }

    private void requireScalar() {
        if (shape.length != 0) {
            throw new IllegalStateException("shape: expected a 0-d array, got shape " + shapeString(shape));
        }
    }

    private static int checkedSize(int[] shape) {
        long n = 1;
        for (int a = 0; a < shape.length; a++) {
            if (shape[a] < 0) {
                throw new IllegalArgumentException("shape[" + a + "]: must be >= 0, got " + shape[a]);
            }
            n *= shape[a];
            if (n > MAX_ELEMENTS) {
                throw new IllegalArgumentException("shape: " + shapeString(shape) + " has more than "
                        + MAX_ELEMENTS + " elements");
            }
        }
        return (int) n;
    }

    /** @return the shape as NumPy prints it: {@code ()}, {@code (3,)}, {@code (2, 3)} */
    static String shapeString(int[] shape) {
        StringBuilder sb = new StringBuilder("(");
        for (int a = 0; a < shape.length; a++) {
            if (a > 0) {
                sb.append(", ");
            }
            sb.append(shape[a]);
        }
        if (shape.length == 1) {
            sb.append(',');
        }
        return sb.append(')').toString();
    }

    /** Equal when dtype, shape and every value are equal (doubles compared bit for bit, as {@link Arrays#equals}). */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof NpyArray)) {
            return false;
        }
        NpyArray that = (NpyArray) o;
        return dtype == that.dtype && Arrays.equals(shape, that.shape) && Arrays.equals(doubles, that.doubles)
                && Arrays.equals(ints, that.ints);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dtype, Arrays.hashCode(shape), Arrays.hashCode(doubles), Arrays.hashCode(ints));
    }

    @Override
    public String toString() {
        return "NpyArray[" + dtype.descr() + ", shape " + shapeString(shape) + "]";
    }
}
