package org.netsim.precoding;

import java.util.SplittableRandom;
import org.ejml.data.ZMatrixRMaj;
import org.netsim.precoding.linalg.ComplexOps;
import org.netsim.precoding.linalg.DominantModes;
import org.netsim.precoding.linalg.PseudoInverse;

/**
 * Materialises an {@link Init} into precoders V_i in C^{M_k x d_i} that meet every per-BS budget.
 *
 * <ul>
 *   <li>{@code mrc}: V_i = H_ik^H (d_i = N_i) or H_ik^H U_i,d with U_i,d the d_i dominant left singular vectors of
 *       H_ik (d_i &lt; N_i; {@link #effectiveChannel}, zero columns for modes beyond the rank), then every BS's
 *       precoders are scaled by one common factor so that
 *       sum_{i in I_k} ||V_i||_F^2 = P_k: the maximum-ratio initialisation of the GCN-WMMSE paper (§III-B1).</li>
 *   <li>{@code zf}: per BS, the zero-forcing precoder of its own UEs' stacked effective channels
 *       ({@link #stackedEffectiveChannels}; pseudo-inverse, DeepFP paper eq. (40)), scaled by one common factor to
 *       the budget.</li>
 *   <li>{@code random}: i.i.d. CN(0, 1) entries from a {@link SplittableRandom} seeded with the init's seed, scaled
 *       per BS to the budget; the draw order is UE by UE, row-major, real part first.</li>
 *   <li>{@code given}: the caller's precoders, checked for shape, scaled down per BS only if over budget.</li>
 * </ul>
 */
public final class InitialPrecoders {

    private InitialPrecoders() {
    }

    /** @return new precoders for {@code problem} as {@code init} prescribes */
    public static ZMatrixRMaj[] create(Problem problem, Init init) {
        ZMatrixRMaj[] v = switch (init.kind()) {
            case MRC -> mrc(problem);
            case ZF -> zf(problem);
            case RANDOM -> random(problem, init.seed());
            case GIVEN -> given(problem, init);
        };
        if (init.kind() == Init.Kind.GIVEN) {
            scaleDownToBudget(problem, v);
        } else {
            scaleToBudget(problem, v);
        }
        return v;
    }

    /** Maximum-ratio precoders before power scaling: V_i = G_i^H = H_ik^H U_i,d ({@link #effectiveChannel}). */
    static ZMatrixRMaj[] mrc(Problem problem) {
        ZMatrixRMaj[] v = new ZMatrixRMaj[problem.numUe()];
        for (int i = 0; i < problem.numUe(); i++) {
            v[i] = ComplexOps.conjugateTranspose(effectiveChannel(problem, i)); // [M_k x d_i]
        }
        return v;
    }

    /**
     * Per-BS zero forcing before scaling: for BS k, V = G_k^+ (pseudo-inverse) of the stacked effective channels
     * ({@link #stackedEffectiveChannels}), split by UE.
     */
    static ZMatrixRMaj[] zf(Problem problem) {
        ZMatrixRMaj[] v = new ZMatrixRMaj[problem.numUe()];
        for (int k = 0; k < problem.numBs(); k++) {
            int[] ues = problem.uesOf(k);
            if (ues.length == 0) {
                continue;
            }
            int m = problem.bsAntennas(k);
            ZMatrixRMaj pinv = PseudoInverse.compute(stackedEffectiveChannels(problem, k)); // [M_k x D_k]
            int c0 = 0;
            for (int i : ues) {
                int d = problem.streams(i);
                v[i] = new ZMatrixRMaj(m, d);
                for (int r = 0; r < m; r++) {
                    System.arraycopy(pinv.data, 2 * (r * pinv.numCols + c0), v[i].data, 2 * r * d, 2 * d);
                }
                c0 += d;
            }
        }
        return v;
    }

    /**
     * The effective channel of UE i from its serving BS k, the channel seen through the UE's d_i strongest receive
     * modes: G_i = U_i,d^H H_ik in C^{d_i x M_k} ({@link DominantModes}: U_i,d the d_i dominant left singular
     * vectors, zero rows for modes beyond the rank), and G_i = H_ik when d_i = N_i. The common input of the
     * maximum-ratio ({@code mrc}, the {@code mrt} precoder), zero-forcing ({@code zf}, the {@code zf} precoder) and
     * regularized zero-forcing ({@code rzf}) precoders, so that they agree on the modes and their phases.
     *
     * @return a new d_i x M_k matrix
     */
    public static ZMatrixRMaj effectiveChannel(Problem problem, int i) {
        ZMatrixRMaj h = problem.servingChannel(i); // [N_i x M_k]
        int d = problem.streams(i);
        if (d == problem.ueAntennas(i)) {
            return h.copy();
        }
        return DominantModes.of(h, d).effectiveChannel();
    }

    /**
     * @return G_k in C^{D_k x M_k}, D_k = sum_{i in I_k} d_i: the {@link #effectiveChannel}s of BS k's UEs stacked
     *     by rows in the order of {@link Problem#uesOf(int)} (a new matrix; 0 x M_k for a BS without UEs)
     */
    public static ZMatrixRMaj stackedEffectiveChannels(Problem problem, int k) {
        int[] ues = problem.uesOf(k);
        int m = problem.bsAntennas(k);
        int rows = 0;
        for (int i : ues) {
            rows += problem.streams(i);
        }
        ZMatrixRMaj g = new ZMatrixRMaj(rows, m);
        int r0 = 0;
        for (int i : ues) {
            ZMatrixRMaj gi = effectiveChannel(problem, i); // [d_i x M_k]
            System.arraycopy(gi.data, 0, g.data, 2 * r0 * m, gi.getDataLength());
            r0 += gi.numRows;
        }
        return g;
    }

    /** CN(0,1) entries: real and imaginary parts N(0, 1/2). */
    static ZMatrixRMaj[] random(Problem problem, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        ZMatrixRMaj[] v = new ZMatrixRMaj[problem.numUe()];
        double s = Math.sqrt(0.5);
        for (int i = 0; i < problem.numUe(); i++) {
            v[i] = new ZMatrixRMaj(problem.bsAntennas(problem.servingBs(i)), problem.streams(i));
            for (int e = 0; e < v[i].getDataLength(); e++) {
                v[i].data[e] = s * gaussian(rng);
            }
        }
        return v;
    }

    /**
     * A standard normal draw by the polar Box-Muller method (deterministic for a given generator state: the draws of
     * {@code random} initialisations and of the test problems are fixed by their seeds).
     */
    public static double gaussian(SplittableRandom rng) {
        double u;
        double w;
        double r;
        do {
            u = 2 * rng.nextDouble() - 1;
            w = 2 * rng.nextDouble() - 1;
            r = u * u + w * w;
        } while (r >= 1 || r == 0);
        return u * Math.sqrt(-2 * Math.log(r) / r);
    }

    private static ZMatrixRMaj[] given(Problem problem, Init init) {
        if (init.numGiven() != problem.numUe()) {
            throw new IllegalArgumentException("init: expected precoders for " + problem.numUe() + " UEs, got "
                    + init.numGiven());
        }
        ZMatrixRMaj[] v = new ZMatrixRMaj[problem.numUe()];
        for (int i = 0; i < v.length; i++) {
            v[i] = init.given(i);
        }
        RateEvaluator.checkShapes(problem, v);
        return v;
    }

    /**
     * Scales every BS's precoders by one common factor so that its power use equals its budget (a BS whose
     * precoders are all zero is left at zero). {@code v} modified.
     */
    public static void scaleToBudget(Problem problem, ZMatrixRMaj[] v) {
        double[] used = RateEvaluator.powerUse(problem, v);
        for (int i = 0; i < v.length; i++) {
            int k = problem.servingBs(i);
            if (used[k] > 0) {
                ComplexOps.scale(Math.sqrt(problem.bsPowerW(k) / used[k]), v[i]);
            }
        }
    }

    /** Scales down, per BS, precoders that exceed the budget; leaves feasible ones unchanged. {@code v} modified. */
    public static void scaleDownToBudget(Problem problem, ZMatrixRMaj[] v) {
        double[] used = RateEvaluator.powerUse(problem, v);
        for (int i = 0; i < v.length; i++) {
            int k = problem.servingBs(i);
            if (used[k] > problem.bsPowerW(k)) {
                ComplexOps.scale(Math.sqrt(problem.bsPowerW(k) / used[k]), v[i]);
            }
        }
    }
}
