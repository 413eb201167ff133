package org.netsim.precoding.learned;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.util.HashMap;
import java.util.Map;

/**
 * AdamW (Loshchilov and Hutter, "Decoupled Weight Decay Regularization", Algorithm 2; reference [23] and Table III
 * of "A Learning-only Method for Multi-Cell Multi-User MIMO Sum Rate Maximization"): per weight w with gradient g at
 * step t = 1, 2, ...,
 * <pre>
 *   w &lt;- w (1 - eta lambda)                                  (decoupled weight decay)
 *   m &lt;- beta_1 m + (1 - beta_1) g,   s &lt;- beta_2 s + (1 - beta_2) g^2
 *   w &lt;- w - eta (m / (1 - beta_1^t)) / (sqrt(s / (1 - beta_2^t)) + epsilon)
 * </pre>
 * (PyTorch's {@code AdamW} form, the decay scaled by the current learning rate eta). Written here, like
 * {@link RmsProp}, so that the update is explicit and engine-independent.
 *
 * <p>Call {@link #step} after the backward pass, outside the gradient collector; it zeroes the gradients it used.
 * The moments live in the weights' managers. Not thread-safe.
 */
public final class AdamW {

    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double weightDecay;
    private double learningRate;
    private long steps;
    private final Map<String, NDArray[]> moments = new HashMap<>();

    /**
     * @param learningRate eta &gt; 0
     * @param beta1 first-moment decay in [0, 1) (the paper: 0.9)
     * @param beta2 second-moment decay in [0, 1) (the paper: 0.999)
     * @param epsilon &gt; 0
     * @param weightDecay lambda &gt;= 0 (the paper: 0.01)
     */
    public AdamW(double learningRate, double beta1, double beta2, double epsilon, double weightDecay) {
        if (!(beta1 >= 0 && beta1 < 1)) {
            throw new IllegalArgumentException("beta1: must be in [0, 1), got " + beta1);
        }
        if (!(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("beta2: must be in [0, 1), got " + beta2);
        }
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("epsilon: must be > 0, got " + epsilon);
        }
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("weightDecay: must be finite and >= 0, got " + weightDecay);
        }
        setLearningRate(learningRate);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.weightDecay = weightDecay;
    }

    /** @return the current learning rate */
    public double learningRate() {
        return learningRate;
    }

    /** Changes the learning rate (a schedule). */
    public void setLearningRate(double eta) {
        if (!(eta > 0) || Double.isInfinite(eta)) {
            throw new IllegalArgumentException("learningRate: must be finite and > 0, got " + eta);
        }
        this.learningRate = eta;
    }

    /** Updates every trainable parameter from its gradient, then zeroes the gradient. */
    public void step(PairList<String, Parameter> parameters) {
        steps++;
        double c1 = 1 - Math.pow(beta1, steps);
        double c2 = 1 - Math.pow(beta2, steps);
        for (Pair<String, Parameter> entry : parameters) {
            Parameter p = entry.getValue();
            if (!p.requiresGradient()) {
                continue;
            }
            NDArray w = p.getArray();
            NDArray[] ms = moments.get(p.getId());
            if (ms == null) {
                ms = new NDArray[] {w.zerosLike(), w.zerosLike()};
                NDScope.unregister(ms);
                moments.put(p.getId(), ms);
            }
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                NDArray g = w.getGradient();
                w.muli(1 - learningRate * weightDecay);
                ms[0].muli(beta1).addi(g.mul(1 - beta1));
                ms[1].muli(beta2).addi(g.square().muli(1 - beta2));
                NDArray denom = ms[1].div(c2).sqrt().addi(epsilon);
                w.subi(ms[0].div(c1).divi(denom).muli(learningRate));
                g.subi(g);
            }
        }
    }
}
