package org.netsim.precoding.learned.gcn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.Map;
import org.netsim.precoding.gcn.GcnWmmseWeights;

/**
 * The trainable parameters Gamma of a GCN-WMMSE network (GCN-WMMSE paper "Coordinated Sum-Rate Maximization in
 * Multicell MU-MIMO with Deep Unrolling", §III-B5) as DJL arrays, one per named tensor of {@link GcnWmmseWeights}
 * with the same shape and layout (complex entries as a trailing dimension of 2), so that a flat array, a gradient
 * and an optimiser state line up with {@link GcnWmmseWeights#toArrays()} entry for entry.
 *
 * <p><b>Non-negative taps.</b> The paper restricts a_{W,lg} &gt;= 0 (eq. (12)). The trainable tensor {@code w_taps}
 * holds theta and the network uses a_{W,lg} = |theta_lg|, so the optimiser may take theta anywhere while the taps
 * stay non-negative; {@link #toWeights} stores |theta|, and {@link #of} starts from theta = a (&gt;= 0), so the
 * conversion is exact both ways. b_S (eq. (13)) is not trained by gradient (§III-C) and is carried along as a
 * number.
 *
 * @param arrays the tensors by name, in the order of {@link GcnWmmseWeights#NAMES} ({@code v_skip} absent for L = 1)
 */
public record GcnWmmseParameters(int layers, int degree, int features, double biasScale,
        Map<String, NDArray> arrays) {

    /**
     * Arrays holding {@code weights}.
     *
     * @param manager owner of the arrays
     * @param type FLOAT32 or FLOAT64
     * @param requiresGradient whether to attach gradients (training)
     */
    public static GcnWmmseParameters of(GcnWmmseWeights weights, NDManager manager, DataType type,
            boolean requiresGradient) {
        return of(weights.layers(), weights.degree(), weights.features(), weights.biasScale(), weights.toArrays(),
                manager, type, requiresGradient);
    }

    /** Arrays holding the named flat arrays {@code flat} (theta for {@code w_taps}). */
    public static GcnWmmseParameters of(int layers, int degree, int features, double biasScale,
            Map<String, double[]> flat, NDManager manager, DataType type, boolean requiresGradient) {
        Map<String, NDArray> m = new LinkedHashMap<>();
        for (String name : GcnWmmseWeights.NAMES) {
            int[] s = GcnWmmseWeights.shape(name, layers, degree, features);
            if (s[0] == 0) {
                continue;
            }
            long[] dims = new long[s.length];
            for (int j = 0; j < s.length; j++) {
                dims[j] = s[j];
            }
            NDArray a = GcnWmmseBatch.array(manager, flat.get(name), new Shape(dims), type);
            a.setName(name);
            if (requiresGradient) {
                a.setRequiresGradient(true);
            }
            m.put(name, a);
        }
        return new GcnWmmseParameters(layers, degree, features, biasScale, m);
    }

    /** @return tensor {@code name}, or null for an empty {@code v_skip} */
    public NDArray get(String name) {
        return arrays.get(name);
    }

    /** @return the weights these arrays hold, in double precision, with a_{W,lg} = |theta_lg| */
    public GcnWmmseWeights toWeights() {
        Map<String, double[]> flat = toFlat();
        double[] w = flat.get(GcnWmmseWeights.W_TAPS);
        for (int e = 0; e < w.length; e++) {
            w[e] = Math.abs(w[e]);
        }
        return GcnWmmseWeights.fromArrays(layers, degree, features, biasScale, flat);
    }

    /** @return every tensor's values as flat doubles (theta for {@code w_taps}), by name */
    public Map<String, double[]> toFlat() {
        Map<String, double[]> flat = new LinkedHashMap<>();
        for (String name : GcnWmmseWeights.NAMES) {
            NDArray a = arrays.get(name);
            flat.put(name, a == null ? new double[0] : a.toType(DataType.FLOAT64, false).toDoubleArray());
        }
        return flat;
    }

    /** @return every tensor's gradient as flat doubles, by name (zeros for an empty tensor) */
    public Map<String, double[]> gradients() {
        Map<String, double[]> flat = new LinkedHashMap<>();
        for (String name : GcnWmmseWeights.NAMES) {
            NDArray a = arrays.get(name);
            flat.put(name, a == null ? new double[0]
                    : a.getGradient().toType(DataType.FLOAT64, false).toDoubleArray());
        }
        return flat;
    }
}
