package org.netsim.precoding;

import java.util.SplittableRandom;
import org.ejml.data.ZMatrixRMaj;
import org.netsim.precoding.linalg.ComplexOps;
import org.netsim.precoding.linalg.ComplexSvd;
import org.netsim.precoding.linalg.PseudoInverse;

/**
 * Materialises an {@link Init} into precoders V_i in C^{M_k x d_i} that meet every per-BS budget.
 *
 * <ul>
 *   <li>{@code mrc}: V_i = H_ik^H (d_i = N_i) or H_ik^H U_i,d with U_i,d the d_i dominant left singular vectors of
 *       H_ik (d_i &lt; N_i), then every BS's precoders are scaled by one common factor so that
 *       sum_{i in I_k} ||V_i||_F^2 = P_k: the maximum-ratio initialisation of the GCN-WMMSE paper (§III-B1).</li>
 *   <li>{@code zf}: per BS, the zero-forcing precoder of its own UEs' stacked effective channels
 *       (pseudo-inverse, DeepFP paper eq. (40)), scaled by one common factor to the budget.</li>
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

    /** Maximum-ratio precoders before power scaling. */
    static ZMatrixRMaj[] mrc(Problem problem) {
        ZMatrixRMaj[] v = new ZMatrixRMaj[problem.numUe()];
        for (int i = 0; i < problem.numUe(); i++) {
            ZMatrixRMaj h = problem.servingChannel(i); // [N_i x M_k]
            ZMatrixRMaj hh = ComplexOps.conjugateTranspose(h); // [M_k x N_i]
            int d = problem.streams(i);
            if (d == problem.ueAntennas(i)) {
                v[i] = hh;
            } else {
                ZMatrixRMaj u = ComplexSvd.decompose(h).u(); // [N_i x min(N_i, M_k)]
                ZMatrixRMaj ud = new ZMatrixRMaj(h.numRows, d);
                for (int r = 0; r < h.numRows; r++) {
                    for (int c = 0; c < d && c < u.numCols; c++) {
                        ud.set(r, c, u.getReal(r, c), u.getImag(r, c));
                    }
                }
                v[i] = new ZMatrixRMaj(hh.numRows, d);
                ComplexOps.mult(hh, ud, v[i]);
            }
        }
        return v;
    }

    /**
     * Per-BS zero forcing before scaling: for BS k with UEs I_k, stack the effective channels G_i = U_i,d^H H_ik
     * (d_i x M_k, U_i,d the dominant left singular vectors; G_i = H_ik when d_i = N_i) into G_k and take
     * V = G_k^+ (pseudo-inverse), split by UE.
     */
    static ZMatrixRMaj[] zf(Problem problem) {
        ZMatrixRMaj[] v = new ZMatrixRMaj[problem.numUe()];
        for (int k = 0; k < problem.numBs(); k++) {
            int[] ues = problem.uesOf(k);
            int m = problem.bsAntennas(k);
            int rows = 0;
            for (int i : ues) {
                rows += problem.streams(i);
            }
            if (rows == 0) {
                continue;
            }
            ZMatrixRMaj g = new ZMatrixRMaj(rows, m);
            int r0 = 0;
            for (int i : ues) {
                ZMatrixRMaj gi = effectiveChannel(problem, i);
                for (int r = 0; r < gi.numRows; r++) {
                    for (int c = 0; c < m; c++) {
                        g.set(r0 + r, c, gi.getReal(r, c), gi.getImag(r, c));
                    }
                }
                r0 += gi.numRows;
            }
            ZMatrixRMaj pinv = PseudoInverse.compute(g); // [M_k x rows]
            int c0 = 0;
            for (int i : ues) {
                int d = problem.streams(i);
                v[i] = new ZMatrixRMaj(m, d);
                for (int r = 0; r < m; r++) {
                    for (int c = 0; c < d; c++) {
                        v[i].set(r, c, pinv.getReal(r, c0 + c), pinv.getImag(r, c0 + c));
                    }
                }
                c0 += d;
            }
        }
        return v;
    }

    /** G_i = U_i,d^H H_ik (d_i x M_k): the serving channel seen through the UE's d_i strongest receive modes. */
    static ZMatrixRMaj effectiveChannel(Problem problem, int i) {
        ZMatrixRMaj h = problem.servingChannel(i);
        int d = problem.streams(i);
        if (d == problem.ueAntennas(i)) {
            return h.copy();
        }
        ZMatrixRMaj u = ComplexSvd.decompose(h).u();
        ZMatrixRMaj ud = new ZMatrixRMaj(h.numRows, d);
        for (int r = 0; r < h.numRows; r++) {
            for (int c = 0; c < d && c < u.numCols; c++) {
                ud.set(r, c, u.getReal(r, c), u.getImag(r, c));
            }
        }
        ZMatrixRMaj gi = new ZMatrixRMaj(d, h.numCols);
        ComplexOps.multAhB(ud, h, gi);
        return gi;
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

    /** A standard normal draw by the polar Box-Muller method (deterministic for a given generator state). */
    private static double gaussian(SplittableRandom rng) {
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
