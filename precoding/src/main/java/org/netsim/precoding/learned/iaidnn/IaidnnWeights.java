package org.netsim.precoding.learned.iaidnn;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.ejml.data.ZMatrixRMaj;
import org.netsim.precoding.InitialPrecoders;

/**
 * The trainable matrices of an {@link IaidnnArchitecture}, as flat double arrays by tensor name (layout
 * [layers, G, rows, cols, (Re, Im)] row-major). Immutable: the arrays are copied in and out.
 *
 * <p>Initial values ({@link #initial}, {@link Init}): {@link Init#JACOBI} X = I + 0.01 (G_re + j G_im) with G
 * standard normal entries, Y = Z = O = 0, so that the untrained network starts as the no-μ WMMSE iteration with every
 * inverse replaced by the inverse of its diagonal (a Jacobi step); the small perturbation breaks the symmetry
 * between UE indices. {@link Init#AUTHORS}: every entry of every matrix (X, Y, Z, O) is 0.1 (a + j b) with a, b
 * independent and uniform in [-1, 1], the initialisation of the GCN-WMMSE authors' IAIDNN reimplementation (their
 * numbers are the paper's Table XIII); with our dimensionless Z, Y, O ({@link IaidnnExecutor}) it is the same
 * draw as theirs for problems whose |1 / A_rr| and rms |T| are 1.
 *
 * @param architecture the shape
 * @param tensors the values by tensor name
 */
public record IaidnnWeights(IaidnnArchitecture architecture, Map<String, double[]> tensors) {

    /** Standard deviation of the perturbation of X at initialisation. */
    public static final double INITIAL_X_NOISE = 0.01;

    /** Half-width of the uniform real and imaginary parts of every entry under {@link Init#AUTHORS}. */
    public static final double AUTHORS_SCALE = 0.1;

    /** The initial draw of the trainable matrices (class comment). */
    public enum Init {
        /** X = I + small noise, Y = Z = O = 0: Jacobi inverses. */
        JACOBI,
        /** Every entry 0.1 (U[-1, 1] + j U[-1, 1]), as the GCN-WMMSE authors. */
        AUTHORS;

        /** @return the init named {@code name} (jacobi or authors, case-insensitive) */
        public static Init parse(String name) {
            for (Init i : values()) {
                if (i.name().equalsIgnoreCase(name.trim())) {
                    return i;
                }
            }
            throw new IllegalArgumentException("init: expected jacobi or authors, got '" + name + "'");
        }
    }

    public IaidnnWeights {
        Map<String, double[]> copy = new LinkedHashMap<>();
        for (String name : architecture.tensorNames()) {
            double[] t = tensors.get(name);
            int n = IaidnnArchitecture.length(architecture.shape(name));
            if (t == null) {
                throw new IllegalArgumentException("tensors: missing '" + name + "'");
            }
            if (t.length != n) {
                throw new IllegalArgumentException("tensors." + name + ": " + t.length + " values, expected " + n);
            }
            for (double x : t) {
                if (!Double.isFinite(x)) {
                    throw new IllegalArgumentException("tensors." + name + ": not finite");
                }
            }
            copy.put(name, t.clone());
        }
        for (String name : tensors.keySet()) {
            if (!copy.containsKey(name)) {
                throw new IllegalArgumentException("tensors: unknown tensor '" + name + "' for " + architecture);
            }
        }
        tensors = java.util.Collections.unmodifiableMap(copy);
    }

    /** @return the {@link Init#JACOBI} initial weights, the perturbation drawn from {@code seed} */
    public static IaidnnWeights initial(IaidnnArchitecture arch, long seed) {
        return initial(arch, seed, Init.JACOBI);
    }

    /** @return the initial weights of kind {@code init} (see the class comment), drawn from {@code seed} */
    public static IaidnnWeights initial(IaidnnArchitecture arch, long seed, Init init) {
        SplittableRandom rng = new SplittableRandom(seed);
        if (init == Init.AUTHORS) {
            Map<String, double[]> t = new LinkedHashMap<>();
            for (String name : arch.tensorNames()) {
                double[] a = new double[IaidnnArchitecture.length(arch.shape(name))];
                for (int e = 0; e < a.length; e++) {
                    a[e] = AUTHORS_SCALE * (2 * rng.nextDouble() - 1);
                }
                t.put(name, a);
            }
            return new IaidnnWeights(arch, t);
        }
        Map<String, double[]> t = new LinkedHashMap<>();
        for (String name : arch.tensorNames()) {
            int[] s = arch.shape(name);
            double[] a = new double[IaidnnArchitecture.length(s)];
            if (name.startsWith("X")) {
                for (int l = 0; l < s[0]; l++) {
                    for (int g = 0; g < s[1]; g++) {
                        for (int r = 0; r < s[2]; r++) {
                            for (int c = 0; c < s[3]; c++) {
                                int e = index(s, l, g, r, c);
                                a[e] = (r == c ? 1.0 : 0.0) + INITIAL_X_NOISE * InitialPrecoders.gaussian(rng);
                                a[e + 1] = INITIAL_X_NOISE * InitialPrecoders.gaussian(rng);
                            }
                        }
                    }
                }
            }
            t.put(name, a);
        }
        return new IaidnnWeights(arch, t);
    }

    /** @return the weights with X = I and Y = Z = O = 0 exactly (the Jacobi network, for tests) */
    public static IaidnnWeights jacobi(IaidnnArchitecture arch) {
        Map<String, double[]> t = new LinkedHashMap<>();
        for (String name : arch.tensorNames()) {
            int[] s = arch.shape(name);
            double[] a = new double[IaidnnArchitecture.length(s)];
            if (name.startsWith("X")) {
                for (int l = 0; l < s[0]; l++) {
                    for (int g = 0; g < s[1]; g++) {
                        for (int r = 0; r < s[2]; r++) {
                            a[index(s, l, g, r, r)] = 1.0;
                        }
                    }
                }
            }
            t.put(name, a);
        }
        return new IaidnnWeights(arch, t);
    }

    /** @return a copy of the flat arrays by name */
    public Map<String, double[]> toArrays() {
        Map<String, double[]> out = new LinkedHashMap<>();
        tensors.forEach((k, v) -> out.put(k, v.clone()));
        return out;
    }

    /** @return matrix {@code name} of layer l (0-based) and group g, as a new complex matrix */
    public ZMatrixRMaj matrix(String name, int layer, int group) {
        int[] s = architecture.shape(name);
        double[] a = tensors.get(name);
        if (a == null) {
            throw new IllegalArgumentException("tensor: '" + name + "' not in " + architecture.tensorNames());
        }
        ZMatrixRMaj m = new ZMatrixRMaj(s[2], s[3]);
        for (int r = 0; r < s[2]; r++) {
            for (int c = 0; c < s[3]; c++) {
                int e = index(s, layer, group, r, c);
                m.set(r, c, a[e], a[e + 1]);
            }
        }
        return m;
    }

    /** @return the flat offset of the real part of entry (l, g, r, c) in a tensor of shape s */
    static int index(int[] s, int l, int g, int r, int c) {
        return ((((l * s[1]) + g) * s[2] + r) * s[3] + c) * 2;
    }
}
