package org.netsim.precoding.learned;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.util.PairList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Adam and AdamW against their closed form on f(w) = sum c w^2, and an exact state round trip. */
class AdamTest {

    /** Float32 arithmetic on O(1) values over three steps. */
    static final double TOLERANCE = 1e-6;

    @BeforeEach
    void engine() {
        EngineAssumptions.assumeEngine();
    }

    private static PairList<String, Parameter> single(NDManager m, float[] w0) {
        Parameter p = Parameter.builder().setName("w").setType(Parameter.Type.WEIGHT).build();
        p.setArray(m.create(w0, new Shape(w0.length)));
        p.getArray().setRequiresGradient(true);
        PairList<String, Parameter> list = new PairList<>();
        list.add("w", p);
        return list;
    }

    private static void gradientStep(Adam adam, PairList<String, Parameter> ps, float[] c) {
        NDArray w = ps.get(0).getValue().getArray();
        try (GradientCollector gc = LearnedEngine.engine().newGradientCollector()) {
            gc.backward(w.square().mul(w.getManager().create(c)).sum());
        }
        adam.step(ps);
    }

    @Test
    void threeStepsFollowTheClosedForm() {
        threeStepsFollowTheClosedForm(0.0);
    }

    /** AdamW: the decoupled decay w (1 - eta lambda) before each Adam update. */
    @Test
    void threeStepsWithWeightDecayFollowTheClosedForm() {
        threeStepsFollowTheClosedForm(0.5);
    }

    private static void threeStepsFollowTheClosedForm(double weightDecay) {
        float[] w0 = {1.0f, -0.5f};
        float[] c = {0.7f, 2.0f};
        double lr = 0.1;
        double b1 = 0.9;
        double b2 = 0.999;
        double eps = 1e-8;
        try (NDManager m = LearnedEngine.engine().newBaseManager(Device.cpu())) {
            PairList<String, Parameter> ps = single(m, w0);
            Adam adam = new Adam(lr, b1, b2, eps, weightDecay);
            double[] w = {w0[0], w0[1]};
            double[] mm = new double[2];
            double[] vv = new double[2];
            for (int t = 1; t <= 3; t++) {
                gradientStep(adam, ps, c);
                for (int e = 0; e < 2; e++) {
                    double g = 2 * c[e] * w[e];
                    w[e] *= 1 - lr * weightDecay;
                    mm[e] = b1 * mm[e] + (1 - b1) * g;
                    vv[e] = b2 * vv[e] + (1 - b2) * g * g;
                    w[e] -= lr * (mm[e] / (1 - Math.pow(b1, t))) / (Math.sqrt(vv[e] / (1 - Math.pow(b2, t))) + eps);
                }
            }
            float[] got = ps.get(0).getValue().getArray().toType(DataType.FLOAT32, false).toFloatArray();
            assertEquals(w[0], got[0], TOLERANCE);
            assertEquals(w[1], got[1], TOLERANCE);
        }
    }

    @Test
    void restoredStateContinuesIdentically() {
        float[] c = {0.3f, 1.1f, -0.4f};
        try (NDManager m = LearnedEngine.engine().newBaseManager(Device.cpu())) {
            PairList<String, Parameter> a = single(m, new float[] {1f, 2f, 3f});
            Adam adamA = Adam.withDefaults(0.05);
            gradientStep(adamA, a, c);
            gradientStep(adamA, a, c);
            Adam.State state = adamA.state();
            PairList<String, Parameter> b = single(m, a.get(0).getValue().getArray().toFloatArray());
            Adam adamB = Adam.withDefaults(0.05);
            adamB.restore(state, b);
            assertEquals(2, adamB.steps());
            gradientStep(adamA, a, c);
            gradientStep(adamB, b, c);
            assertArrayEquals(a.get(0).getValue().getArray().toFloatArray(),
                    b.get(0).getValue().getArray().toFloatArray(), 0f);
        }
    }
}
