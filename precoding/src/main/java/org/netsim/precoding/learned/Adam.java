package org.netsim.precoding.learned;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adam (Kingma and Ba, "Adam: A Method for Stochastic Optimization", Algorithm 1), and AdamW when a weight decay
 * lambda &gt; 0 is given (Loshchilov and Hutter, "Decoupled Weight Decay Regularization", Algorithm 2, in PyTorch's
 * form with the decay scaled by the current learning rate; the optimiser of Table III of "A Learning-only Method
 * for Multi-Cell Multi-User MIMO Sum Rate Maximization"): per weight w with gradient g at step t,
 * <pre>
 *   w &lt;- w (1 - eta lambda)                                  (only when lambda &gt; 0)
 *   m &lt;- beta1 m + (1 - beta1) g,   v &lt;- beta2 v + (1 - beta2) g^2,
 *   w &lt;- w - eta (m / (1 - beta1^t)) / (sqrt(v / (1 - beta2^t)) + epsilon).
 * </pre>
 * Written here (as {@link RmsProp}) so that its state can be exported and restored exactly ({@link #state},
 * {@link #restore}): a training run resumed from a checkpoint continues as the uninterrupted one.
 *
 * <p>Call {@link #step} after the backward pass, outside the gradient collector; it zeroes the gradients. The
 * moments live in the weights' managers. Not thread-safe.
 */
public final class Adam {

    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double weightDecay;
    private double learningRate;
    private long steps;
    private final Map<String, NDArray[]> moments = new LinkedHashMap<>();

    /**
     * @param learningRate eta &gt; 0
     * @param beta1 first-moment decay in [0, 1)
     * @param beta2 second-moment decay in [0, 1)
     * @param epsilon &gt; 0
     */
    public Adam(double learningRate, double beta1, double beta2, double epsilon) {
        this(learningRate, beta1, beta2, epsilon, 0.0);
    }

    /**
     * AdamW.
     *
     * @param learningRate eta &gt; 0
     * @param beta1 first-moment decay in [0, 1)
     * @param beta2 second-moment decay in [0, 1)
     * @param epsilon &gt; 0
     * @param weightDecay decoupled weight decay lambda &gt;= 0 (0: plain Adam)
     */
    public Adam(double learningRate, double beta1, double beta2, double epsilon, double weightDecay) {
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("weightDecay: must be finite and >= 0, got " + weightDecay);
        }
        this.weightDecay = weightDecay;
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("beta1, beta2: must be in [0, 1), got " + beta1 + ", " + beta2);
        }
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("epsilon: must be > 0, got " + epsilon);
        }
        setLearningRate(learningRate);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    /** Adam with the paper's defaults beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8. */
    public static Adam withDefaults(double learningRate) {
        return new Adam(learningRate, 0.9, 0.999, 1e-8);
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

    /** @return the number of updates made */
    public long steps() {
        return steps;
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
            NDArray[] mv = moments.computeIfAbsent(entry.getKey(), key -> {
                NDArray m = w.zerosLike();
                NDArray v = w.zerosLike();
                NDScope.unregister(m, v);
                return new NDArray[] {m, v};
            });
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                NDArray g = w.getGradient();
                if (weightDecay > 0) {
                    w.muli((float) (1 - learningRate * weightDecay));
                }
                mv[0].muli((float) beta1).addi(g.mul((float) (1 - beta1)));
                mv[1].muli((float) beta2).addi(g.square().muli((float) (1 - beta2)));
                NDArray denom = mv[1].div((float) c2).sqrt().addi((float) epsilon);
                w.subi(mv[0].mul((float) (learningRate / c1)).divi(denom));
                g.subi(g);
            }
        }
    }

    /**
     * The optimiser's state.
     *
     * @param steps updates made
     * @param names parameter names in update order
     * @param first first moments per name
     * @param second second moments per name
     */
    public record State(long steps, List<String> names, List<float[]> first, List<float[]> second) {
    }

    /** @return a copy of the state (moments as float arrays) */
    public State state() {
        List<String> names = new ArrayList<>();
        List<float[]> m = new ArrayList<>();
        List<float[]> v = new ArrayList<>();
        for (Map.Entry<String, NDArray[]> e : moments.entrySet()) {
            names.add(e.getKey());
            m.add(e.getValue()[0].toFloatArray());
            v.add(e.getValue()[1].toFloatArray());
        }
        return new State(steps, names, m, v);
    }

    /**
     * Restores a state exported by {@link #state} for the same parameters.
     *
     * @throws IllegalArgumentException naming a parameter the state does not fit
     */
    public void restore(State state, PairList<String, Parameter> parameters) {
        Map<String, Parameter> byName = new LinkedHashMap<>();
        for (Pair<String, Parameter> e : parameters) {
            byName.put(e.getKey(), e.getValue());
        }
        moments.clear();
        for (int i = 0; i < state.names().size(); i++) {
            String name = state.names().get(i);
            Parameter p = byName.get(name);
            if (p == null || p.getArray().size() != state.first().get(i).length) {
                throw new IllegalArgumentException("optimiser state: parameter '" + name + "' does not fit");
            }
            NDArray w = p.getArray();
            NDArray m = w.zerosLike();
            NDArray v = w.zerosLike();
            NDScope.unregister(m, v);
            m.set(FloatBuffer.wrap(state.first().get(i)));
            v.set(FloatBuffer.wrap(state.second().get(i)));
            moments.put(name, new NDArray[] {m, v});
        }
        steps = state.steps();
    }
}
