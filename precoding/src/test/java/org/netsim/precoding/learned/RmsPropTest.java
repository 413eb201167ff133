package org.netsim.precoding.learned;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import org.junit.jupiter.api.Test;

class RmsPropTest {

    /** float32 parameters: the recursion is followed to a few float roundings per step. */
    private static final double FLOAT_TOLERANCE = 1e-5;

    /**
     * One weight w, loss (w x - t)^2 with x = 1: gradient g = 2 (w - t). The trajectory of w over five steps
     * equals the recursion s &lt;- rho s + (1 - rho) g^2, w &lt;- w - eta g / sqrt(s + eps) computed in double, and
     * the gradient is zeroed after every step (it would double otherwise).
     */
    @Test
    void followsTheRecursionAndZeroesGradients() {
        EngineAssumptions.assumeEngine();
        double eta = 0.05;
        double rho = 0.9;
        double eps = 1e-8;
        double target = 2.0;
        try (NDManager m = LearnedEngine.engine().newBaseManager()) {
            Linear block = Linear.builder().setUnits(1).optBias(false).build();
            block.setInitializer(new ConstantInitializer(0.5f), Parameter.Type.WEIGHT);
            block.initialize(m, DataType.FLOAT32, new Shape(1, 1));
            ParameterStore ps = new ParameterStore(m, false);
            RmsProp opt = new RmsProp(eta, rho, eps);
            double w = 0.5;
            double s = 0;
            for (int step = 0; step < 5; step++) {
                try (NDManager sub = m.newSubManager()) {
                    NDArray x = sub.ones(new Shape(1, 1));
                    try (GradientCollector gc = LearnedEngine.engine().newGradientCollector()) {
                        NDArray y = block.forward(ps, new NDList(x), true).singletonOrThrow();
                        gc.backward(y.sub(target).square().sum());
                    }
                    opt.step(block.getParameters());
                }
                double g = 2 * (w - target);
                s = rho * s + (1 - rho) * g * g;
                w -= eta * g / Math.sqrt(s + eps);
                double got = block.getParameters().get("weight").getArray().getFloat(0, 0);
                assertEquals(w, got, FLOAT_TOLERANCE, "step " + step);
            }
            opt.setLearningRate(0.01);
            assertEquals(0.01, opt.learningRate());
        }
    }

    @Test
    void rejectsBadHyperparameters() {
        assertThrows(IllegalArgumentException.class, () -> new RmsProp(0, 0.9, 1e-8));
        assertThrows(IllegalArgumentException.class, () -> new RmsProp(1e-3, 1.0, 1e-8));
        assertThrows(IllegalArgumentException.class, () -> new RmsProp(1e-3, 0.9, 0));
    }
}
