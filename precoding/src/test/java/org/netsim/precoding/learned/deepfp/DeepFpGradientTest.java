package org.netsim.precoding.learned.deepfp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netsim.precoding.Problem;
import org.netsim.precoding.learned.ComplexTensor;
import org.netsim.precoding.learned.EngineAssumptions;
import org.netsim.precoding.learned.LearnedEngine;
import org.netsim.precoding.linalg.ComplexOps;

/**
 * Gradients of the custom pieces of DeepFP against central finite differences: the log-determinant by elimination,
 * the batched weighted sum rate (float64, tight), and the whole unfolded network with respect to its parameters
 * (float32, loose).
 */
class DeepFpGradientTest {

    /** Central differences in float64 with step 1e-6 have truncation and rounding errors near 1e-8 relative. */
    static final double FLOAT64_TOLERANCE = 1e-6;
    /**
     * Float32 network, step 1e-2 on O(1) parameters: rounding of the loss (~1e-7 x 8 layers) over 2e-2 dominates,
     * plus the curvature term; 5e-2 relative (of the larger of the two) is far below the O(1) error of a missing
     * or mis-signed term.
     */
    static final double FLOAT32_TOLERANCE = 5e-2;

    @BeforeEach
    void engine() {
        EngineAssumptions.assumeEngine();
    }

    @Test
    void logDetMatchesEjmlAndItsGradient() {
        SplittableRandom rng = new SplittableRandom(3);
        int n = 3;
        double[] re = new double[n * n];
        double[] im = new double[n * n];
        ZMatrixRMaj a = new ZMatrixRMaj(n, n);
        // A = I + X X^H, Hermitian positive definite
        double[][] xr = new double[n][n];
        double[][] xi = new double[n][n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                xr[r][c] = rng.nextGaussian();
                xi[r][c] = rng.nextGaussian();
            }
        }
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                double sr = r == c ? 1 : 0;
                double si = 0;
                for (int q = 0; q < n; q++) {
                    sr += xr[r][q] * xr[c][q] + xi[r][q] * xi[c][q];
                    si += xi[r][q] * xr[c][q] - xr[r][q] * xi[c][q];
                }
                re[r * n + c] = sr;
                im[r * n + c] = si;
                a.set(r, c, sr, si);
            }
        }
        try (NDManager m = LearnedEngine.engine().newBaseManager(Device.cpu())) {
            NDArray ar = m.create(re, new Shape(1, n, n));
            NDArray ai = m.create(im, new Shape(1, n, n));
            ar.setRequiresGradient(true);
            double value;
            double[] grad;
            try (GradientCollector gc = LearnedEngine.engine().newGradientCollector()) {
                NDArray ld = DeepFpNetwork.logDetHpd(new ComplexTensor(ar, ai)).sum();
                gc.backward(ld);
                value = ld.getDouble();
            }
            grad = ar.getGradient().toDoubleArray();
            assertEquals(ComplexOps.logDetHpd(a), value, 1e-10 * Math.abs(value), "log det");
            double h = 1e-6;
            for (int e = 0; e < n * n; e++) {
                double[] plus = re.clone();
                double[] minus = re.clone();
                plus[e] += h;
                minus[e] -= h;
                double fp = DeepFpNetwork.logDetHpd(new ComplexTensor(m.create(plus, new Shape(1, n, n)), ai))
                        .getDouble();
                double fm = DeepFpNetwork.logDetHpd(new ComplexTensor(m.create(minus, new Shape(1, n, n)), ai))
                        .getDouble();
                double fd = (fp - fm) / (2 * h);
                assertEquals(fd, grad[e], FLOAT64_TOLERANCE * Math.max(1, Math.abs(fd)), "d logdet / d Re A[" + e + "]");
            }
        }
    }

    @Test
    void weightedSumRateGradientWithRespectToPrecoders() {
        List<Problem> problems = DeepFpSamples.problems(30, 2);
        List<ZMatrixRMaj[]> init = DeepFpSamples.initial(problems, "g");
        DeepFpBatch batch = DeepFpBatch.pack(DeepFpSamples.SMALL, problems, init);
        try (NDManager m = LearnedEngine.engine().newBaseManager(Device.cpu())) {
            ComplexTensor h32 = batch.channels(m);
            ComplexTensor h = new ComplexTensor(h32.re().toType(DataType.FLOAT64, true),
                    h32.im().toType(DataType.FLOAT64, true));
            ComplexTensor v32 = batch.initialPrecoders(m);
            double[] vr = v32.re().toType(DataType.FLOAT64, true).toDoubleArray();
            NDArray vi = v32.im().toType(DataType.FLOAT64, true);
            NDArray alpha = batch.weights(m).toType(DataType.FLOAT64, true);
            Shape s = v32.shape();
            NDArray vre = m.create(vr, s);
            vre.setRequiresGradient(true);
            try (GradientCollector gc = LearnedEngine.engine().newGradientCollector()) {
                gc.backward(DeepFpNetwork.weightedSumRate(h, new ComplexTensor(vre, vi), alpha).sum());
            }
            double[] grad = vre.getGradient().toDoubleArray();
            double step = 1e-6;
            SplittableRandom rng = new SplittableRandom(9);
            for (int t = 0; t < 12; t++) {
                int e;
                do {
                    e = rng.nextInt(vr.length);
                } while (vr[e] == 0); // padded entries have no gradient path worth probing
                double[] plus = vr.clone();
                double[] minus = vr.clone();
                plus[e] += step;
                minus[e] -= step;
                double fp = DeepFpNetwork.weightedSumRate(h, new ComplexTensor(m.create(plus, s), vi), alpha).sum()
                        .getDouble();
                double fm = DeepFpNetwork.weightedSumRate(h, new ComplexTensor(m.create(minus, s), vi), alpha).sum()
                        .getDouble();
                double fd = (fp - fm) / (2 * step);
                assertEquals(fd, grad[e], FLOAT64_TOLERANCE * Math.max(1, Math.abs(fd)), "d WSR / d Re V[" + e + "]");
            }
        }
    }

    @Test
    void networkGradientWithRespectToParameters() {
        List<Problem> problems = DeepFpSamples.problems(40, 2);
        List<ZMatrixRMaj[]> init = DeepFpSamples.initial(problems, "p");
        DeepFpBatch batch = DeepFpBatch.pack(DeepFpSamples.SMALL, problems, init);
        try (DeepFpNetwork net = DeepFpNetwork.initialise(DeepFpSamples.SMALL, 4L, 2.0, Device.cpu());
                NDManager m = net.manager().newSubManager()) {
            ComplexTensor h = batch.channels(m);
            ComplexTensor v0 = batch.initialPrecoders(m);
            NDArray alpha = batch.weights(m);
            try (GradientCollector gc = LearnedEngine.engine().newGradientCollector()) {
                DeepFpNetwork.Output out = net.forward(h, v0, alpha, true);
                gc.backward(DeepFpNetwork.weightedSumRate(h, out.precoders(), alpha).sum());
            }
            int depth = DeepFpSamples.SMALL.widths().length - 1;
            DeepFpBlock block = (DeepFpBlock) net.block();
            Parameter[] probes = {block.biasRe(0, depth - 1), block.biasRe(2, depth - 1), block.weightRe(1, 0),
                block.weightIm(0, 1)};
            for (Parameter p : probes) {
                NDArray w = p.getArray();
                float[] values = w.toFloatArray();
                float[] grads = w.getGradient().toFloatArray();
                int e = argMaxAbs(grads);
                double step = 1e-2 * Math.max(1, Math.abs(values[e]));
                double fp = wsrWith(net, p, values, e, step, h, v0, alpha, m);
                double fm = wsrWith(net, p, values, e, -step, h, v0, alpha, m);
                w.set(java.nio.FloatBuffer.wrap(values));
                double fd = (fp - fm) / (2 * step);
                assertEquals(fd, grads[e], FLOAT32_TOLERANCE * Math.max(Math.abs(fd), Math.abs(grads[e])),
                        "d WSR / d " + p.getName() + "[" + e + "]");
            }
        }
    }

    private static double wsrWith(DeepFpNetwork net, Parameter p, float[] values, int e, double delta,
            ComplexTensor h, ComplexTensor v0, NDArray alpha, NDManager m) {
        float[] moved = values.clone();
        moved[e] += (float) delta;
        p.getArray().set(java.nio.FloatBuffer.wrap(moved));
        DeepFpNetwork.Output out = net.forward(h, v0, alpha, false);
        return DeepFpNetwork.weightedSumRate(h, out.precoders(), alpha).sum().getFloat();
    }

    private static int argMaxAbs(float[] a) {
        int best = 0;
        for (int i = 1; i < a.length; i++) {
            if (Math.abs(a[i]) > Math.abs(a[best])) {
                best = i;
            }
        }
        return best;
    }
}
