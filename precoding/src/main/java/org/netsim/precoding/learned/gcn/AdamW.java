package org.netsim.precoding.learned.gcn;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * AdamW (Loshchilov and Hutter, "Decoupled Weight Decay Regularization", the optimiser of the GCN-WMMSE paper's
 * Table I) on named flat double arrays, in PyTorch's form: for each parameter theta with gradient g at step t
 * (1-based), learning rate eta, decay lambda,
 * <pre>
 *   theta &lt;- theta (1 - eta lambda)
 *   m &lt;- beta1 m + (1 - beta1) g,   v &lt;- beta2 v + (1 - beta2) g^2
 *   theta &lt;- theta - eta (m / (1 - beta1^t)) / (sqrt(v / (1 - beta2^t)) + epsilon)
 * </pre>
 * Written in Java double precision because a GCN-WMMSE network has a few hundred parameters, so that the state
 * (m, v, t) is plain arrays that a checkpoint stores exactly and a resumed run continues bit for bit. Not
 * thread-safe.
 */
public final class AdamW {

    private final double beta1;
    private final double beta2;
    private final double weightDecay;
    private final double epsilon;
    private final Map<String, double[]> first = new LinkedHashMap<>();
    private final Map<String, double[]> second = new LinkedHashMap<>();
    private long step;

    /**
     * @param beta1 in [0, 1)
     * @param beta2 in [0, 1)
     * @param weightDecay lambda &gt;= 0
     * @param epsilon &gt; 0
     */
    public AdamW(double beta1, double beta2, double weightDecay, double epsilon) {
        if (!(beta1 >= 0 && beta1 < 1)) {
            throw new IllegalArgumentException("beta1: must be in [0, 1), got " + beta1);
        }
        if (!(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("beta2: must be in [0, 1), got " + beta2);
        }
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("weightDecay: must be finite and >= 0, got " + weightDecay);
        }
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("epsilon: must be > 0, got " + epsilon);
        }
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.weightDecay = weightDecay;
        this.epsilon = epsilon;
    }

    /**
     * One update of every named parameter, in place.
     *
     * @param params theta by name; modified
     * @param grads g by name, same lengths; not modified
     * @param learningRate eta &gt; 0
     */
    public void step(Map<String, double[]> params, Map<String, double[]> grads, double learningRate) {
        step++;
        double c1 = 1 - Math.pow(beta1, step);
        double c2 = 1 - Math.pow(beta2, step);
        for (Map.Entry<String, double[]> e : params.entrySet()) {
            double[] theta = e.getValue();
            double[] g = grads.get(e.getKey());
            double[] m = first.computeIfAbsent(e.getKey(), k -> new double[theta.length]);
            double[] v = second.computeIfAbsent(e.getKey(), k -> new double[theta.length]);
            for (int j = 0; j < theta.length; j++) {
                theta[j] *= 1 - learningRate * weightDecay;
                m[j] = beta1 * m[j] + (1 - beta1) * g[j];
                v[j] = beta2 * v[j] + (1 - beta2) * g[j] * g[j];
                theta[j] -= learningRate * (m[j] / c1) / (Math.sqrt(v[j] / c2) + epsilon);
            }
        }
    }

    /** @return the number of steps taken */
    public long steps() {
        return step;
    }

    /** @return copies of the first moments m by name */
    public Map<String, double[]> firstMoments() {
        return copy(first);
    }

    /** @return copies of the second moments v by name */
    public Map<String, double[]> secondMoments() {
        return copy(second);
    }

    /** Restores a saved state (a checkpoint's moments and step count). */
    public void restore(long steps, Map<String, double[]> m, Map<String, double[]> v) {
        this.step = steps;
        first.clear();
        second.clear();
        first.putAll(copy(m));
        second.putAll(copy(v));
    }

    private static Map<String, double[]> copy(Map<String, double[]> a) {
        Map<String, double[]> c = new LinkedHashMap<>();
        a.forEach((k, v) -> c.put(k, v.clone()));
        return c;
    }
}
