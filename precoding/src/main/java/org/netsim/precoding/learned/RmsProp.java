package org.netsim.precoding.learned;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.util.HashMap;
import java.util.Map;

/**
 * RMSprop (Hinton, Srivastava and Swersky, "Lecture 6a", reference [34] of "Learning to Optimize: Training Deep
 * Neural Networks for Wireless Resource Management"): per weight w with gradient g,
 * <pre>
 *   s &lt;- rho s + (1 - rho) g^2,        w &lt;- w - eta g / sqrt(s + epsilon)
 * </pre>
 * with decay rho (the paper: 0.9), learning rate eta and a small epsilon inside the square root (TensorFlow's
 * form, which the paper used). Written here because DJL's PyTorch engine does not implement DJL's own RMSprop
 * update.
 *
 * <p>Call {@link #step} after the backward pass, outside the gradient collector (PyTorch's grad mode off, so the
 * in-place updates are not recorded); it zeroes the gradients it used. The running averages s live in the
 * weights' managers. Not thread-safe.
 */
public final class RmsProp {

    private final double rho;
    private final double epsilon;
    private double learningRate;
    private final Map<String, NDArray> meanSquares = new HashMap<>();

    /**
     * @param learningRate eta &gt; 0
     * @param rho decay in [0, 1)
     * @param epsilon &gt; 0
     */
    public RmsProp(double learningRate, double rho, double epsilon) {
        if (!(rho >= 0 && rho < 1)) {
            throw new IllegalArgumentException("rho: must be in [0, 1), got " + rho);
        }
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("epsilon: must be > 0, got " + epsilon);
        }
        setLearningRate(learningRate);
        this.rho = rho;
        this.epsilon = epsilon;
    }

    /** @return the current learning rate */
    public double learningRate() {
        return learningRate;
    }

    /** Changes the learning rate (a schedule or a decay on a validation plateau). */
    public void setLearningRate(double eta) {
        if (!(eta > 0) || Double.isInfinite(eta)) {
            throw new IllegalArgumentException("learningRate: must be finite and > 0, got " + eta);
        }
        this.learningRate = eta;
    }

    /** Updates every trainable parameter from its gradient, then zeroes the gradient. */
    public void step(PairList<String, Parameter> parameters) {
        for (Pair<String, Parameter> entry : parameters) {
            Parameter p = entry.getValue();
            if (!p.requiresGradient()) {
                continue;
            }
            NDArray w = p.getArray();
            NDArray s = meanSquares.get(p.getId());
            if (s == null) {
                s = w.zerosLike();
                NDScope.unregister(s); // lives as long as the optimiser, not as a caller's scope
                meanSquares.put(p.getId(), s);
            }
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                NDArray g = w.getGradient();
                s.muli(rho).addi(g.square().muli(1.0 - rho));
                w.subi(g.mul(learningRate).divi(s.add(epsilon).sqrt()));
                g.subi(g);
            }
        }
    }
}
