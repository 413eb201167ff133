package org.netsim.precoding.learned;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netsim.precoding.TestProblems;
import org.netsim.precoding.linalg.ComplexOps;

/**
 * {@link ComplexTensor}: values against the EJML facade (double precision), and gradients of a real loss built
 * from every operation against central finite differences, in float64 and float32.
 */
class ComplexTensorTest {

    /** Values in float64 against EJML: a few roundings of sums of 4 to 16 products of O(1) numbers. */
    private static final double VALUE_TOLERANCE_F64 = 1e-12;
    /**
     * Gradient check in float64: central differences with step 1e-6 have truncation error O(h^2) ~ 1e-12 and
     * rounding error eps |L| / h ~ 1e-9 relative, so 1e-6 of the largest gradient entry has ample margin.
     */
    private static final double GRADIENT_TOLERANCE_F64 = 1e-6;
    private static final double STEP_F64 = 1e-6;
    /**
     * Gradient check in float32: with step 1e-2 the truncation error is ~1e-4 and the rounding error
     * eps_32 |L| / h ~ 1e-5 |L|; 1e-2 of the largest gradient entry, as expected of single precision.
     */
    private static final double GRADIENT_TOLERANCE_F32 = 1e-2;
    private static final double STEP_F32 = 1e-2;

    @BeforeEach
    void engine() {
        EngineAssumptions.assumeEngine();
    }

    private static ZMatrixRMaj[] batch(SplittableRandom rng, int b, int rows, int cols) {
        ZMatrixRMaj[] m = new ZMatrixRMaj[b];
        for (int i = 0; i < b; i++) {
            m[i] = TestProblems.complexGaussian(rng, rows, cols, 1.0);
        }
        return m;
    }

    private static void assertClose(ZMatrixRMaj expected, ZMatrixRMaj actual, String what) {
        assertEquals(expected.numRows, actual.numRows, what);
        assertEquals(expected.numCols, actual.numCols, what);
        for (int e = 0; e < expected.getDataLength(); e++) {
            assertEquals(expected.data[e], actual.data[e],
                    VALUE_TOLERANCE_F64 * Math.max(1, Math.abs(expected.data[e])), what + " entry " + e);
        }
    }

    @Test
    void productsInverseAndNormsMatchTheEjmlFacade() {
        SplittableRandom rng = new SplittableRandom(1);
        int b = 3;
        ZMatrixRMaj[] a = batch(rng, b, 4, 3);
        ZMatrixRMaj[] c = batch(rng, b, 3, 2);
        ZMatrixRMaj[] d = batch(rng, b, 4, 2);
        ZMatrixRMaj[] e = batch(rng, b, 5, 3);
        try (NDManager m = LearnedEngine.engine().newBaseManager()) {
            ComplexTensor ta = ComplexTensor.fromMatrices(m, a, DataType.FLOAT64);
            ComplexTensor tc = ComplexTensor.fromMatrices(m, c, DataType.FLOAT64);
            ComplexTensor td = ComplexTensor.fromMatrices(m, d, DataType.FLOAT64);
            ComplexTensor te = ComplexTensor.fromMatrices(m, e, DataType.FLOAT64);
            ComplexTensor ac = ta.matMul(tc);
            ComplexTensor ahd = ta.hermitianTimes(td);
            ComplexTensor aeh = ta.timesHermitian(te);
            // (I + A^H A) is Hermitian positive definite: invertible
            ComplexTensor gram = ta.hermitianTimes(ta);
            ComplexTensor eye = ComplexTensor.real(m.eye(3).toType(DataType.FLOAT64, false));
            ComplexTensor inv = gram.add(eye).inverse();
            NDArray fro = ta.frobeniusSquared();
            ComplexTensor prod = ta.mul(ta.conj()).scale(0.5);
            for (int i = 0; i < b; i++) {
                ZMatrixRMaj x = new ZMatrixRMaj(4, 2);
                ComplexOps.mult(a[i], c[i], x);
                assertClose(x, ac.toMatrix(i), "A C");
                x = new ZMatrixRMaj(3, 2);
                ComplexOps.multAhB(a[i], d[i], x);
                assertClose(x, ahd.toMatrix(i), "A^H D");
                x = new ZMatrixRMaj(4, 5);
                ComplexOps.multABh(a[i], e[i], x);
                assertClose(x, aeh.toMatrix(i), "A E^H");
                x = new ZMatrixRMaj(3, 3);
                ComplexOps.multAhB(a[i], a[i], x);
                ComplexOps.addIdentity(1.0, x);
                assertClose(ComplexOps.invert(x), inv.toMatrix(i), "(I + A^H A)^-1");
                assertEquals(ComplexOps.frobeniusSquared(a[i]), fro.getDouble(i), VALUE_TOLERANCE_F64 * 12);
                ZMatrixRMaj halfAbs2 = new ZMatrixRMaj(4, 3);
                for (int q = 0; q < 12; q++) {
                    halfAbs2.data[2 * q] = 0.5 * (a[i].data[2 * q] * a[i].data[2 * q]
                            + a[i].data[2 * q + 1] * a[i].data[2 * q + 1]);
                }
                assertClose(halfAbs2, prod.toMatrix(i), "A .* conj(A) / 2");
                assertClose(ComplexOps.conjugateTranspose(a[i]), ta.hermitian().toMatrix(i), "A^H");
                ZMatrixRMaj t = ComplexOps.conjugateTranspose(a[i]);
                for (int q = 0; q < 12; q++) {
                    t.data[2 * q + 1] = -t.data[2 * q + 1];
                }
                assertClose(t, ta.transpose().toMatrix(i), "A^T");
            }
            assertEquals(new Shape(b), fro.getShape());
        }
    }

    @Test
    void rejectsMismatchedParts() {
        try (NDManager m = LearnedEngine.engine().newBaseManager()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new ComplexTensor(m.zeros(new Shape(2, 3)), m.zeros(new Shape(3, 2))));
            assertTrue(e.getMessage().startsWith("im: shape"), e.getMessage());
            assertThrows(IllegalArgumentException.class,
                    () -> ComplexTensor.real(m.zeros(new Shape(2, 3))).inverse());
        }
    }

    /**
     * A real loss that uses every operation: with A [B, 4, 3] (the differentiated leaves), C [B, 3, 2],
     * D [B, 4, 2], E [B, 5, 3] and a per-sample real scale s [B, 1, 1],
     * <pre>
     *   L = ||A C - D||_F^2 + ||(I + A^H A)^{-1} C||_F^2 + sum Re(A .* conj((A^T)^T)) / 2 + ||s A E^H||_F^2
     *       + 0.1 sum |A^H D|^2                                         (summed over the batch)
     * </pre>
     */
    private static NDArray loss(ComplexTensor a, ComplexTensor c, ComplexTensor d, ComplexTensor e, NDArray s,
            ComplexTensor eye) {
        NDArray t1 = a.matMul(c).sub(d).frobeniusSquared().sum();
        NDArray t2 = a.hermitianTimes(a).add(eye).inverse().matMul(c).frobeniusSquared().sum();
        NDArray t3 = a.mul(a.transpose().transpose().conj()).scale(0.5).re().sum();
        NDArray t4 = a.timesHermitian(e).scale(s).frobeniusSquared().sum();
        NDArray t5 = a.hermitian().matMul(d).abs2().sum().mul(0.1);
        return t1.add(t2).add(t3).add(t4).add(t5);
    }

    @Test
    void gradientsMatchCentralDifferencesInDoublePrecision() {
        checkGradients(DataType.FLOAT64, STEP_F64, GRADIENT_TOLERANCE_F64);
    }

    @Test
    void gradientsMatchCentralDifferencesInSinglePrecision() {
        checkGradients(DataType.FLOAT32, STEP_F32, GRADIENT_TOLERANCE_F32);
    }

    private static void checkGradients(DataType type, double step, double tolerance) {
        SplittableRandom rng = new SplittableRandom(7);
        int b = 2;
        ZMatrixRMaj[] a = batch(rng, b, 4, 3);
        ZMatrixRMaj[] c = batch(rng, b, 3, 2);
        ZMatrixRMaj[] d = batch(rng, b, 4, 2);
        ZMatrixRMaj[] e = batch(rng, b, 5, 3);
        try (NDManager m = LearnedEngine.engine().newBaseManager()) {
            ComplexTensor tc = ComplexTensor.fromMatrices(m, c, type);
            ComplexTensor td = ComplexTensor.fromMatrices(m, d, type);
            ComplexTensor te = ComplexTensor.fromMatrices(m, e, type);
            NDArray s = m.create(new double[] {0.7, 1.3}, new Shape(b, 1, 1)).toType(type, false);
            ComplexTensor eye = ComplexTensor.real(m.eye(3).toType(type, false));
            ComplexTensor ta = ComplexTensor.fromMatrices(m, a, type);
            NDArray ar = ta.re();
            NDArray ai = ta.im();
            double[] gradRe;
            double[] gradIm;
            ar.setRequiresGradient(true);
            ai.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray l = loss(new ComplexTensor(ar, ai), tc, td, te, s, eye);
                gc.backward(l);
            }
            gradRe = ar.getGradient().toType(DataType.FLOAT64, false).toDoubleArray();
            gradIm = ai.getGradient().toType(DataType.FLOAT64, false).toDoubleArray();
            double[] re0 = ar.toType(DataType.FLOAT64, false).toDoubleArray();
            double[] im0 = ai.toType(DataType.FLOAT64, false).toDoubleArray();
            Shape shape = ar.getShape();
            double scale = 0;
            for (int q = 0; q < gradRe.length; q++) {
                scale = Math.max(scale, Math.max(Math.abs(gradRe[q]), Math.abs(gradIm[q])));
            }
            for (int part = 0; part < 2; part++) {
                double[] g = part == 0 ? gradRe : gradIm;
                for (int q = 0; q < g.length; q++) {
                    final int fq = q;
                    final boolean rePart = part == 0;
                    Function<Double, Double> f = h -> {
                        try (NDManager sub = m.newSubManager()) {
                            double[] r = re0.clone();
                            double[] i = im0.clone();
                            (rePart ? r : i)[fq] += h;
                            ComplexTensor x = new ComplexTensor(sub.create(r, shape).toType(type, false),
                                    sub.create(i, shape).toType(type, false));
                            return loss(x, tc, td, te, s, eye).toType(DataType.FLOAT64, false).getDouble();
                        }
                    };
                    double numeric = (f.apply(step) - f.apply(-step)) / (2 * step);
                    assertEquals(numeric, g[q], tolerance * scale,
                            type + " d L / d " + (rePart ? "Re" : "Im") + " A[" + q + "]");
                }
            }
        }
    }
}
