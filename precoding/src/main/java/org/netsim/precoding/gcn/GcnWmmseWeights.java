package org.netsim.precoding.gcn;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The trainable parameters Gamma of an L-layer GCN-WMMSE network (GCN-WMMSE paper "Coordinated Sum-Rate
 * Maximization in Multicell MU-MIMO with Deep Unrolling", §III-B5), plus the bias scale b_S of eq. (13), which the
 * paper treats separately (§III-C: a running mean from training, not a gradient-trained parameter). One immutable
 * set shared by every executor of the network: the per-problem EJML {@link GcnWmmseExecutor} and the batched DJL
 * executor, which exchange it as named flat arrays ({@link #fromArrays}, {@link #toArrays}).
 *
 * <p>Layers are indexed l = 0..L-1 in code, the paper's l + 1 = 1..L. G is the degree of the weight-matrix filter,
 * F the number of GCN features. The named tensors, each flattened row-major, complex entries as interleaved
 * (re, im) pairs in a trailing dimension of 2 (EJML's storage order); the first dimension is the code's layer
 * index, except for v_skip, whose entry j holds D_{j+2} in the paper's numbering (layer 1 has no skip):
 * <pre>
 *   name          shape            paper symbol            equation  domain
 *   w_taps        [L, G+1]         a_{W,lg}, g = 0..G      (12)      real, &gt;= 0
 *   v_inv_taps    [L, F, 2]        a_{V,l1}                (13)      complex: tap on (R~_k)^+ v~_id
 *   v_load_taps   [L, F, 2]        a_{V,l0}                (13)      complex: tap on v~_id (diagonal loading)
 *   v_bias        [L, F]           b_l                     (13),(14) real: modReLU bias before scaling
 *   v_recomb      [L, F, 2]        c_l                     (13)      complex: recombination of the F features
 *   v_skip        [L-1, F, F, 2]   D_l, l = 2..L           §III-B4   complex: P^(l) = P~^(l) + P^(l-1) D_l,
 *                                                                              entry [l-2][f_in][f_out]
 * </pre>
 * The taps a_{W,lg} are the non-negative taps of eq. (12) themselves (how a trainer keeps them non-negative, e.g.
 * by training |theta|, is the trainer's business; it stores the resulting taps here). b_S &gt; 0 scales the bias as
 * b_l sqrt(P_k / |I_k|) / b_S (eq. (13)).
 *
 * <p>{@link #parameterCount()} counts a complex parameter once, as the paper does (§III-D):
 * L (4F + G + 1) + (L - 1) F^2; {@link #realParameterCount()} is the number of doubles in the arrays.
 */
public final class GcnWmmseWeights {

    /** Name of the weight-matrix filter taps a_{W,lg} (eq. (12)), shape [L, G+1], real, non-negative. */
    public static final String W_TAPS = "w_taps";
    /** Name of the taps a_{V,l1} on (R~_k)^+ v~_id (eq. (13)), shape [L, F, 2]. */
    public static final String V_INV_TAPS = "v_inv_taps";
    /** Name of the diagonal-loading taps a_{V,l0} on v~_id (eq. (13)), shape [L, F, 2]. */
    public static final String V_LOAD_TAPS = "v_load_taps";
    /** Name of the modReLU biases b_l (eq. (13), (14)), shape [L, F], real. */
    public static final String V_BIAS = "v_bias";
    /** Name of the feature recombination vectors c_l (eq. (13)), shape [L, F, 2]. */
    public static final String V_RECOMB = "v_recomb";
    /** Name of the skip matrices D_l, l = 2..L (§III-B4), shape [L-1, F, F, 2]. */
    public static final String V_SKIP = "v_skip";
    /** Every tensor name, in the order of {@link #toArrays()} and of the random draws of {@link #paperInitial}. */
    public static final List<String> NAMES = List.of(W_TAPS, V_INV_TAPS, V_LOAD_TAPS, V_BIAS, V_RECOMB, V_SKIP);

    private final int layers;
    private final int degree;
    private final int features;
    private final double biasScale;
    private final double[] wTaps;
    private final double[] invTaps;
    private final double[] loadTaps;
    private final double[] bias;
    private final double[] recomb;
    private final double[] skip;

    private GcnWmmseWeights(int layers, int degree, int features, double biasScale, double[] wTaps,
            double[] invTaps, double[] loadTaps, double[] bias, double[] recomb, double[] skip) {
        this.layers = layers;
        this.degree = degree;
        this.features = features;
        this.biasScale = biasScale;
        this.wTaps = wTaps;
        this.invTaps = invTaps;
        this.loadTaps = loadTaps;
        this.bias = bias;
        this.recomb = recomb;
        this.skip = skip;
        validate();
    }

    /**
     * Weights from named flat arrays (the DJL executor's parameters, a model file); the arrays are copied.
     *
     * @param layers L &gt;= 1
     * @param degree G &gt;= 1
     * @param features F &gt;= 1
     * @param biasScale b_S &gt; 0, finite
     * @param arrays exactly the tensors of {@link #NAMES} with the lengths of {@link #shape(String, int, int, int)}
     *     ({@link #V_SKIP} may be absent when L = 1, where it is empty); not modified
     * @throws IllegalArgumentException naming the tensor (and entry) that is missing, unknown, of the wrong
     *     length, not finite, or a negative {@link #W_TAPS} entry
     */
    public static GcnWmmseWeights fromArrays(int layers, int degree, int features, double biasScale,
            Map<String, double[]> arrays) {
        requireSizes(layers, degree, features);
        Objects.requireNonNull(arrays, "arrays");
        for (String name : arrays.keySet()) {
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("gcn-wmmse weights: unknown tensor '" + name + "' (known: "
                        + String.join(", ", NAMES) + ")");
            }
        }
        double[][] t = new double[NAMES.size()][];
        for (int n = 0; n < NAMES.size(); n++) {
            String name = NAMES.get(n);
            int expected = length(shape(name, layers, degree, features));
            double[] a = arrays.get(name);
            if (a == null) {
                if (expected != 0) {
                    throw new IllegalArgumentException("gcn-wmmse weights: tensor '" + name + "' is missing");
                }
                a = new double[0];
            }
            if (a.length != expected) {
                throw new IllegalArgumentException("gcn-wmmse weights: tensor '" + name + "' has " + a.length
                        + " entries, expected " + expected + " (shape "
                        + Arrays.toString(shape(name, layers, degree, features)) + ")");
            }
            t[n] = a.clone();
        }
        return new GcnWmmseWeights(layers, degree, features, biasScale, t[0], t[1], t[2], t[3], t[4], t[5]);
    }

    /**
     * The initial weights of the GCN-WMMSE paper (§IV, "initialized according to [35], the biases with 0 and the
     * taps of the weight GCFs by 1/(G+1)"): a_{W,lg} = 1/(G+1); b_l = 0; and the complex GCN taps a_{V,l1},
     * a_{V,l0}, c_l and D_l drawn by the complex Glorot criterion of the cited Deep Complex Networks (Trabelsi et
     * al. 2017, §3.6): magnitude Rayleigh(sigma) with sigma = 1 / sqrt(n_in + n_out), phase uniform in [-pi, pi),
     * so that E|a|^2 = 2 sigma^2 = 2 / (n_in + n_out). Fan-in and fan-out are those of the GCN layer (11) with one
     * input feature per stream: (1, F) for a_{V,l1} and a_{V,l0}, (F, 1) for c_l, (F, F) for D_l. b_S = 1 (it
     * multiplies the zero biases; training sets it, {@link #withBiasScale}).
     *
     * <p>Draw order: tensor by tensor in the order of {@link #NAMES}, entry by entry row-major, magnitude then
     * phase, one {@code nextDouble()} each. These are untrained weights: the starting point of training.
     *
     * @param rng the caller's seeded generator (a named sub-stream); advanced
     */
    public static GcnWmmseWeights paperInitial(int layers, int degree, int features, RandomGenerator rng) {
        return paperInitial(layers, degree, features, GLOROT_GAIN, rng);
    }

    /** The gain of the complex Glorot criterion of Deep Complex Networks: E|a|^2 = 2 / (n_in + n_out). */
    public static final double GLOROT_GAIN = 2.0;

    /**
     * {@link #paperInitial(int, int, int, RandomGenerator)} with the complex taps' variance
     * E|a|^2 = gain / (n_in + n_out): {@link #GLOROT_GAIN} is the complex Glorot criterion, 1 the variance the
     * GCN-WMMSE authors' published implementation draws (CN(0, 1) / sqrt(n_in + n_out)). The draws are the same
     * numbers scaled by sqrt(gain / 2), in the same order.
     *
     * @param initGain &gt; 0
     * @param rng the caller's seeded generator (a named sub-stream); advanced
     */
    public static GcnWmmseWeights paperInitial(int layers, int degree, int features, double initGain,
            RandomGenerator rng) {
        requireSizes(layers, degree, features);
        Objects.requireNonNull(rng, "rng");
        if (!(initGain > 0) || Double.isInfinite(initGain)) {
            throw new IllegalArgumentException("init gain: must be finite and > 0, got " + initGain);
        }
        int f = features;
        double[] w = new double[layers * (degree + 1)];
        Arrays.fill(w, 1.0 / (degree + 1));
        double[] inv = complexGlorot(rng, layers * f, 1, f, initGain);
        double[] load = complexGlorot(rng, layers * f, 1, f, initGain);
        double[] b = new double[layers * f];
        double[] c = complexGlorot(rng, layers * f, f, 1, initGain);
        double[] d = complexGlorot(rng, (layers - 1) * f * f, f, f, initGain);
        return new GcnWmmseWeights(layers, degree, features, 1.0, w, inv, load, b, c, d);
    }

    /**
     * The member of the GCN-WMMSE family that is the classic WMMSE (GCN-WMMSE paper §III-D): every layer is one
     * WMMSE iteration (3a)-(3d). a_{W,l} = (0, 1, 0, ..., 0) makes (12) the plain W-step (3b); a_{V,l1} = e_1,
     * a_{V,l0} = 0, b_l = 0, c_l = e_1 and D_l = 0 make (13) V^_i = (R~_k)^+ V~_i, the V-step (3d), because
     * modReLU(x, 0) = x; the projection (15) then leaves the feasible V-step result unchanged. Features 2..F are
     * inactive. b_S = 1.
     */
    public static GcnWmmseWeights classicWmmse(int layers, int degree, int features) {
        requireSizes(layers, degree, features);
        int f = features;
        double[] w = new double[layers * (degree + 1)];
        double[] inv = new double[layers * f * 2];
        double[] c = new double[layers * f * 2];
        for (int l = 0; l < layers; l++) {
            w[l * (degree + 1) + 1] = 1.0;
            inv[l * f * 2] = 1.0;
            c[l * f * 2] = 1.0;
        }
        return new GcnWmmseWeights(layers, degree, features, 1.0, w, inv, new double[layers * f * 2],
                new double[layers * f], c, new double[(layers - 1) * f * f * 2]);
    }

    /** @return these weights with bias scale b_S (eq. (13)) replaced */
    public GcnWmmseWeights withBiasScale(double newBiasScale) {
        return new GcnWmmseWeights(layers, degree, features, newBiasScale, wTaps, invTaps, loadTaps, bias, recomb,
                skip);
    }

    /** @return the shape of tensor {@code name} for L, G, F (see the class comment); a new array */
    public static int[] shape(String name, int layers, int degree, int features) {
        return switch (name) {
            case W_TAPS -> new int[] {layers, degree + 1};
            case V_INV_TAPS, V_LOAD_TAPS, V_RECOMB -> new int[] {layers, features, 2};
            case V_BIAS -> new int[] {layers, features};
            case V_SKIP -> new int[] {layers - 1, features, features, 2};
            default -> throw new IllegalArgumentException("gcn-wmmse weights: unknown tensor '" + name + "' (known: "
                    + String.join(", ", NAMES) + ")");
        };
    }

    /** @return the shape of tensor {@code name} of these weights; a new array */
    public int[] shape(String name) {
        return shape(name, layers, degree, features);
    }

    /** @return every tensor by name, in the order of {@link #NAMES}; new arrays (the weights stay immutable) */
    public Map<String, double[]> toArrays() {
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put(W_TAPS, wTaps.clone());
        m.put(V_INV_TAPS, invTaps.clone());
        m.put(V_LOAD_TAPS, loadTaps.clone());
        m.put(V_BIAS, bias.clone());
        m.put(V_RECOMB, recomb.clone());
        m.put(V_SKIP, skip.clone());
        return m;
    }

    /**
     * @return the number of trainable parameters counting a complex one once (GCN-WMMSE paper §III-D):
     *     L (4F + G + 1) + (L - 1) F^2
     */
    public int parameterCount() {
        return wTaps.length + (invTaps.length + loadTaps.length + recomb.length + skip.length) / 2 + bias.length;
    }

    /** @return the number of real numbers in the tensors: L (7F + G + 1) + 2 (L - 1) F^2 */
    public int realParameterCount() {
        return wTaps.length + invTaps.length + loadTaps.length + bias.length + recomb.length + skip.length;
    }

    /** @return L, the number of layers */
    public int layers() {
        return layers;
    }

    /** @return G, the degree of the weight-matrix filter (12) */
    public int degree() {
        return degree;
    }

    /** @return F, the number of GCN features of (13) */
    public int features() {
        return features;
    }

    /** @return b_S of eq. (13), &gt; 0 */
    public double biasScale() {
        return biasScale;
    }

    /** @return a_{W,lg} of eq. (12) (layer l = 0..L-1, g = 0..G), &gt;= 0 */
    public double weightTap(int l, int g) {
        return wTaps[l * (degree + 1) + g];
    }

    /** @return Re a_{V,l1}[f] of eq. (13) */
    public double inverseTapRe(int l, int f) {
        return invTaps[(l * features + f) * 2];
    }

    /** @return Im a_{V,l1}[f] of eq. (13) */
    public double inverseTapIm(int l, int f) {
        return invTaps[(l * features + f) * 2 + 1];
    }

    /** @return Re a_{V,l0}[f] of eq. (13) */
    public double loadTapRe(int l, int f) {
        return loadTaps[(l * features + f) * 2];
    }

    /** @return Im a_{V,l0}[f] of eq. (13) */
    public double loadTapIm(int l, int f) {
        return loadTaps[(l * features + f) * 2 + 1];
    }

    /** @return b_l[f] of eq. (13), before the scaling sqrt(P_k / |I_k|) / b_S */
    public double bias(int l, int f) {
        return bias[l * features + f];
    }

    /** @return Re c_l[f] of eq. (13) */
    public double recombRe(int l, int f) {
        return recomb[(l * features + f) * 2];
    }

    /** @return Im c_l[f] of eq. (13) */
    public double recombIm(int l, int f) {
        return recomb[(l * features + f) * 2 + 1];
    }

    /** @return Re [D]_{fIn, fOut} of the skip matrix into layer l (l = 1..L-1, the paper's D_{l+1}) */
    public double skipRe(int l, int fIn, int fOut) {
        return skip[(((l - 1) * features + fIn) * features + fOut) * 2];
    }

    /** @return Im [D]_{fIn, fOut} of the skip matrix into layer l (l = 1..L-1, the paper's D_{l+1}) */
    public double skipIm(int l, int fIn, int fOut) {
        return skip[(((l - 1) * features + fIn) * features + fOut) * 2 + 1];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GcnWmmseWeights w && layers == w.layers && degree == w.degree && features == w.features
                && Double.compare(biasScale, w.biasScale) == 0 && Arrays.equals(wTaps, w.wTaps)
                && Arrays.equals(invTaps, w.invTaps) && Arrays.equals(loadTaps, w.loadTaps)
                && Arrays.equals(bias, w.bias) && Arrays.equals(recomb, w.recomb) && Arrays.equals(skip, w.skip);
    }

    @Override
    public int hashCode() {
        int h = Objects.hash(layers, degree, features, biasScale);
        h = 31 * h + Arrays.hashCode(wTaps);
        h = 31 * h + Arrays.hashCode(invTaps);
        h = 31 * h + Arrays.hashCode(loadTaps);
        h = 31 * h + Arrays.hashCode(bias);
        h = 31 * h + Arrays.hashCode(recomb);
        return 31 * h + Arrays.hashCode(skip);
    }

    @Override
    public String toString() {
        return "GcnWmmseWeights[L=" + layers + ", G=" + degree + ", F=" + features + ", b_S=" + biasScale
                + ", parameters=" + parameterCount() + "]";
    }

    private void validate() {
        if (!(biasScale > 0) || Double.isInfinite(biasScale)) {
            throw new IllegalArgumentException("gcn-wmmse weights: bias scale b_S must be finite and > 0, got "
                    + biasScale);
        }
        requireFinite(W_TAPS, wTaps);
        requireFinite(V_INV_TAPS, invTaps);
        requireFinite(V_LOAD_TAPS, loadTaps);
        requireFinite(V_BIAS, bias);
        requireFinite(V_RECOMB, recomb);
        requireFinite(V_SKIP, skip);
        for (int e = 0; e < wTaps.length; e++) {
            if (wTaps[e] < 0) {
                throw new IllegalArgumentException("gcn-wmmse weights: " + W_TAPS + "[" + e / (degree + 1) + "]["
                        + e % (degree + 1) + "] must be >= 0 (eq. (12) keeps W_i positive semidefinite), got "
                        + wTaps[e]);
            }
        }
    }

    private static void requireFinite(String name, double[] a) {
        for (int e = 0; e < a.length; e++) {
            if (!Double.isFinite(a[e])) {
                throw new IllegalArgumentException("gcn-wmmse weights: tensor '" + name + "' entry " + e
                        + " is not finite: " + a[e]);
            }
        }
    }

    private static void requireSizes(int layers, int degree, int features) {
        if (layers < 1) {
            throw new IllegalArgumentException("gcn-wmmse weights: layers L must be >= 1, got " + layers);
        }
        if (degree < 1) {
            throw new IllegalArgumentException("gcn-wmmse weights: degree G must be >= 1, got " + degree);
        }
        if (features < 1) {
            throw new IllegalArgumentException("gcn-wmmse weights: features F must be >= 1, got " + features);
        }
    }

    private static int length(int[] shape) {
        int n = 1;
        for (int s : shape) {
            n *= s;
        }
        return n;
    }

    /**
     * {@code count} complex entries, interleaved, with E|a|^2 = gain / (fanIn + fanOut) (gain 2: the complex Glorot
     * criterion).
     */
    private static double[] complexGlorot(RandomGenerator rng, int count, int fanIn, int fanOut, double gain) {
        double sigma = 1.0 / Math.sqrt(fanIn + fanOut);
        double scale = Math.sqrt(gain / GLOROT_GAIN);
        double[] a = new double[2 * count];
        for (int e = 0; e < count; e++) {
            // Rayleigh(sigma) by inversion; 1 - u is in (0, 1]. StrictMath: the same draws on every platform.
            double magnitude = sigma * Math.sqrt(-2.0 * StrictMath.log(1.0 - rng.nextDouble()));
            double phase = Math.PI * (2.0 * rng.nextDouble() - 1.0);
            a[2 * e] = magnitude * StrictMath.cos(phase);
            a[2 * e + 1] = magnitude * StrictMath.sin(phase);
        }
        if (gain != GLOROT_GAIN) {
            for (int e = 0; e < a.length; e++) {
                a[e] *= scale;
            }
        }
        return a;
    }
}
