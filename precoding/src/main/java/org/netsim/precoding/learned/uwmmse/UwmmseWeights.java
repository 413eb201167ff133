package org.netsim.precoding.learned.uwmmse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The architecture and trainable parameters of UWMMSE ("Unfolding WMMSE using graph neural networks", as reviewed
 * in "Coordinated Sum-Rate Maximization in Multicell MU-MIMO with Deep Unrolling", Section V-A): L unrolled scalar
 * WMMSE layers; in layer l two 2-layer GCNs with hidden dimension H produce the coefficients a^(l), b^(l) of the
 * affine weight map w_i &lt;- a_i w_i + b_i (see {@link UwmmseExecutor} for the equations).
 *
 * <p>Per layer l (0-based) and map m in {a, b}, the GCN
 * <pre>
 *   Y   = relu(X Theta0 + S X Theta1 + 1 beta1^T)        X: K x F0, Theta0, Theta1: F0 x H, beta1: H
 *   out = Y phi0 + S Y phi1 + beta2                      phi0, phi1: H, beta2: scalar
 * </pre>
 * with the tensors named {@code l<l>.<m>.theta0} (F0 x H row-major), {@code .theta1}, {@code .beta1},
 * {@code .phi0}, {@code .phi1}, {@code .beta2}; F0 = {@value #INPUT_FEATURES} node features. The parameters do
 * not depend on K: one model runs on any number of pairs. Immutable (arrays are copied in and out).
 *
 * @param layers L &gt;= 1
 * @param hidden H &gt;= 1
 * @param tensors every tensor by name, in {@link #names} order
 */
public record UwmmseWeights(int layers, int hidden, Map<String, double[]> tensors) {

    /** F0: node features [1, s_ii] (see {@link UwmmseExecutor}). */
    public static final int INPUT_FEATURES = 2;
    /** The paper's L (Section V-A: "the number of layers L of both networks is set to 4"). */
    public static final int PAPER_LAYERS = 4;
    /** The paper's hidden dimension ("2-layered GCNs with a hidden layer dimension of 4"). */
    public static final int PAPER_HIDDEN = 4;

    private static final String[] MAPS = {"a", "b"};
    private static final String[] PARTS = {"theta0", "theta1", "beta1", "phi0", "phi1", "beta2"};

    public UwmmseWeights {
        if (layers < 1 || hidden < 1) {
            throw new IllegalArgumentException("layers, hidden: must be >= 1, got " + layers + ", " + hidden);
        }
        if (tensors == null) {
            throw new IllegalArgumentException("tensors: must not be null");
        }
        Map<String, double[]> copy = new LinkedHashMap<>();
        for (String name : names(layers)) {
            double[] t = tensors.get(name);
            if (t == null) {
                throw new IllegalArgumentException("tensors: missing '" + name + "'");
            }
            if (t.length != size(name, hidden)) {
                throw new IllegalArgumentException("tensors: '" + name + "' has " + t.length + " values, expected "
                        + size(name, hidden));
            }
            for (double v : t) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("tensors: '" + name + "' has a non-finite value");
                }
            }
            copy.put(name, t.clone());
        }
        for (String name : tensors.keySet()) {
            if (!copy.containsKey(name)) {
                throw new IllegalArgumentException("tensors: unknown tensor '" + name + "' for L = " + layers);
            }
        }
        tensors = Collections.unmodifiableMap(copy);
    }

    /** @return the tensor names of an L-layer model */
    public static List<String> names(int layers) {
        List<String> names = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            for (String m : MAPS) {
                for (String p : PARTS) {
                    names.add(name(l, m, p));
                }
            }
        }
        return names;
    }

    static String name(int layer, String map, String part) {
        return "l" + layer + "." + map + "." + part;
    }

    /** @return the number of values of tensor {@code name} for hidden dimension H */
    static int size(String name, int hidden) {
        String part = name.substring(name.lastIndexOf('.') + 1);
        return switch (part) {
            case "theta0", "theta1" -> INPUT_FEATURES * hidden;
            case "beta1", "phi0", "phi1" -> hidden;
            case "beta2" -> 1;
            default -> throw new IllegalArgumentException("tensors: unknown tensor '" + name + "'");
        };
    }

    /** @return the DJL shape of tensor {@code name} */
    static long[] shape(String name, int hidden) {
        String part = name.substring(name.lastIndexOf('.') + 1);
        return switch (part) {
            case "theta0", "theta1" -> new long[] {INPUT_FEATURES, hidden};
            case "beta1" -> new long[] {hidden};
            case "phi0", "phi1" -> new long[] {hidden, 1};
            default -> new long[] {1};
        };
    }

    /**
     * The classic member: every weight zero except beta2 = 1 for a, so a = 1 and b = 0 and the network is scalar
     * WMMSE truncated to L iterations from full power.
     */
    public static UwmmseWeights wmmse(int layers, int hidden) {
        Map<String, double[]> t = new LinkedHashMap<>();
        for (String name : names(layers)) {
            double[] v = new double[size(name, hidden)];
            if (name.endsWith(".a.beta2")) {
                v[0] = 1.0;
            }
            t.put(name, v);
        }
        return new UwmmseWeights(layers, hidden, t);
    }

    /**
     * The initial weights of training: the classic member plus N(0, std^2) on every Theta, phi and beta1, so
     * training starts near truncated WMMSE. (The UWMMSE paper's initialiser is not given in the GCN-WMMSE paper;
     * this is our choice.)
     */
    public static UwmmseWeights initial(int layers, int hidden, double std, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Map<String, double[]> t = new LinkedHashMap<>(wmmse(layers, hidden).tensors());
        for (String name : names(layers)) {
            if (name.endsWith(".beta2")) {
                continue;
            }
            double[] v = t.get(name).clone();
            for (int e = 0; e < v.length; e++) {
                v[e] = std * gaussian(rng);
            }
            t.put(name, v);
        }
        return new UwmmseWeights(layers, hidden, t);
    }

    private static double gaussian(SplittableRandom rng) {
        double u1 = 1.0 - rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** @return a copy of tensor {@code name} */
    public double[] get(String name) {
        double[] t = tensors.get(name);
        if (t == null) {
            throw new IllegalArgumentException("tensors: unknown tensor '" + name + "'");
        }
        return t.clone();
    }

    /** @return copies of every tensor, by name */
    public Map<String, double[]> toArrays() {
        Map<String, double[]> out = new LinkedHashMap<>();
        tensors.forEach((k, v) -> out.put(k, v.clone()));
        return out;
    }

    /** @return the number of trainable values */
    public int parameterCount() {
        return tensors.values().stream().mapToInt(a -> a.length).sum();
    }

    /** @return a one-line description */
    public String describe() {
        return "UWMMSE: L = " + layers + " unrolled scalar WMMSE layers, affine weight maps a, b from two 2-layer GCNs"
                + " per layer (hidden " + hidden + ", inputs [1, s_ii], shift S = channel amplitudes / max), "
                + parameterCount() + " parameters";
    }
}
