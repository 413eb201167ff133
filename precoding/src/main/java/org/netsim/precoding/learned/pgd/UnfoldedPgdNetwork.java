package org.netsim.precoding.learned.pgd;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.netsim.precoding.learned.ComplexTensor;
import org.netsim.precoding.learned.gcn.GcnWmmseBatch;
import org.netsim.precoding.learned.gcn.GcnWmmseNetwork;

/**
 * The batched DJL executor of the unfolded PGD WMMSE (GCN-WMMSE paper "Coordinated Sum-Rate Maximization in
 * Multicell MU-MIMO with Deep Unrolling", §V-B): the layers of {@link UnfoldedPgdExecutor} over a
 * {@link GcnWmmseBatch} (UEs ordered by BS, complex tensors as real pairs {@link ComplexTensor}), differentiable in
 * rho ({@link UnfoldedPgdSteps}, gamma_lq = exp(rho_lq)). Layer l:
 * <pre>
 *   G_pj  = H_{p k_j} V_j                                      [B, I, K, I_k, N, d]
 *   Z_p   = sigma_p^2 I + sum_{j != p} G_pj G_pj^H               [B, I, N, N]
 *   X_p   = Z_p^{-1} G_pp,  W_p = I + G_pp^H X_p,  U_p = X_p W_p^{-1},  U_p W_p = X_p   (3a), (3b)
 *   R_k   = sum_j alpha_j (U_j^H H_jk)^H W_j (U_j^H H_jk)   [B, K, M, M]   (4)
 *   V~_p  = alpha_p H_{p k_p}^H X_p                          [B, K, I_k, M, d]   (5)
 *   Q times:  V^ = V - gamma_lq (R_k V - V~),  V = V^ sqrt(P_k / max(sum_{I_k} ||V^||^2, P_k))   (15)
 * </pre>
 * The rate of layer l's output is log det W of the next UE side ({@link GcnWmmseNetwork#logDetHpd}). The inverses
 * are those of the real block form, in float32 refined by {@link #FLOAT_REFINEMENTS} steps. As in
 * {@link GcnWmmseNetwork}, no operation on the gradient path takes a Java number (constants are engine-owned arrays).
 * Run a forward pass inside a child manager and close it after reading the outputs.
 */
public final class UnfoldedPgdNetwork {

    /** Iterative-refinement steps of the float32 solves. */
    static final int FLOAT_REFINEMENTS = 2;

    private UnfoldedPgdNetwork() {
    }

    /**
     * The outputs of a forward pass.
     *
     * @param precoders V^(L), [B, K, I_k, M, d]
     * @param layerWsr WSR in nat/s/Hz of V^(l) for l = 0..numLayers, each [B] (index 0 the start)
     */
    public record Output(ComplexTensor precoders, NDArray[] layerWsr) {
        /** @return the WSR of the last layer's precoders, [B] */
        public NDArray wsr() {
            return layerWsr[layerWsr.length - 1];
        }
    }

    /**
     * Runs the first {@code numLayers} layers.
     *
     * @param logSteps rho [L Q] in the batch's type (attach a gradient to train)
     * @param layers L
     * @param substeps Q
     * @param batch the problems and their starts
     * @param numLayers 1..L
     */
    public static Output forward(NDArray logSteps, int layers, int substeps, GcnWmmseBatch batch, int numLayers) {
        return forwardSteps(logSteps.exp(), layers, substeps, batch, numLayers);
    }

    /**
     * Runs the first {@code numLayers} layers with the step sizes themselves.
     *
     * @param gamma gamma [L Q] in the batch's type
     * @param layers L
     * @param substeps Q
     * @param batch the problems and their starts
     * @param numLayers 1..L
     */
    public static Output forwardSteps(NDArray gamma, int layers, int substeps, GcnWmmseBatch batch, int numLayers) {
        if (numLayers < 1 || numLayers > layers) {
            throw new IllegalArgumentException("numLayers: must be in 1.." + layers + ", got " + numLayers);
        }
        if (gamma.getShape().size() != (long) layers * substeps) {
            throw new IllegalArgumentException("gamma: expected " + layers * substeps + " values, got "
                    + gamma.getShape());
        }
        Layers run = new Layers(batch);
        ComplexTensor v = batch.start();
        NDArray[] wsr = new NDArray[numLayers + 1];
        for (int l = 0; l < numLayers; l++) {
            UeSide ue = run.ueSide(v);
            wsr[l] = ue.wsr;
            v = run.bsSide(ue, v, gamma, l, substeps);
        }
        wsr[numLayers] = run.ueSide(v).wsr;
        return new Output(v, wsr);
    }

    /** U_p, W_p, X_p = U_p W_p and the WSR [B] of the precoders they were computed from. */
    private record UeSide(ComplexTensor u, ComplexTensor w, ComplexTensor x, NDArray wsr) {
    }

    private static final class Layers {
        private final GcnWmmseBatch batch;
        private final DataType type;
        private final int bsz;
        private final int k;
        private final int ik;
        private final int numUe;
        private final int n;
        private final NDArray interferenceMask; // [1, I, K, I_k, 1, 1]: 0 where j = p
        private final NDArray eyeN;
        private final NDArray eyeD;
        private final NDArray noise;            // [B, I, 1, 1]
        private final NDArray alpha5;           // [B, I, 1, 1, 1]
        private final NDArray alphaServed;      // [B, K, I_k, 1, 1]
        private final NDArray budget;           // [B, K]

        Layers(GcnWmmseBatch batch) {
            this.batch = batch;
            NDManager manager = batch.noise().getManager();
            this.type = batch.noise().getDataType();
            this.bsz = batch.size();
            this.k = batch.numBs();
            this.ik = batch.uesPerBs();
            this.numUe = k * ik;
            this.n = batch.ueAntennas();
            double[] mask = new double[numUe * numUe];
            java.util.Arrays.fill(mask, 1.0);
            for (int p = 0; p < numUe; p++) {
                mask[p * numUe + p] = 0.0;
            }
            interferenceMask = constant(manager, mask, new Shape(1, numUe, k, ik, 1, 1), type);
            eyeN = manager.eye(n, n, 0, type);
            eyeD = manager.eye(batch.streams(), batch.streams(), 0, type);
            noise = batch.noise().reshape(bsz, numUe, 1, 1);
            alpha5 = batch.ueWeights().reshape(bsz, numUe, 1, 1, 1);
            alphaServed = batch.ueWeights().reshape(bsz, k, ik, 1, 1);
            budget = batch.budgets();
        }

        UeSide ueSide(ComplexTensor v) {
            // [B, I, K, 1, N, M] x [B, 1, K, I_k, M, d] -> [B, I, K, I_k, N, d]
            ComplexTensor g = expand(batch.channels(), 3).matMul(expand(v, 1));
            ComplexTensor gg = g.timesHermitian(g).scale(interferenceMask);                  // [B, I, K, I_k, N, N]
            ComplexTensor z = new ComplexTensor(gg.re().sum(new int[] {2, 3}).add(eyeN.mul(noise)),
                    gg.im().sum(new int[] {2, 3}));                                            // Z [B, I, N, N]
            ComplexTensor own = reshape(batch.servedChannels().matMul(v), bsz, numUe, n, batch.streams()); // G_pp
            ComplexTensor x = solve(z, z.inverse(), own);                                    // Z^-1 G [B, I, N, d]
            ComplexTensor w = own.hermitianTimes(x);
            w = new ComplexTensor(w.re().add(eyeD), w.im());                                 // W = I + G^H X
            NDArray rate = GcnWmmseNetwork.logDetHpd(w, batch.streams());                    // [B, I]
            NDArray wsr = rate.mul(batch.ueWeights()).sum(new int[] {1});                    // [B]
            ComplexTensor u = x.matMul(w.inverse());                                         // U = X W^-1
            return new UeSide(u, w, x, wsr);
        }

        ComplexTensor bsSide(UeSide ue, ComplexTensor v, NDArray gamma, int l, int substeps) {
            // A_pk = U_p^H H_pk: [B, I, 1, d, N] x [B, I, K, N, M] -> [B, I, K, d, M]
            ComplexTensor a = expand(ue.u, 2).hermitianTimes(batch.channels());
            ComplexTensor wa = expand(ue.w, 2).matMul(a);
            ComplexTensor rs = a.hermitianTimes(wa).scale(alpha5);                           // [B, I, K, M, M]
            ComplexTensor r = expand(new ComplexTensor(rs.re().sum(new int[] {1}), rs.im().sum(new int[] {1})), 2);
            ComplexTensor uw = reshape(ue.x, bsz, k, ik, n, batch.streams());
            ComplexTensor cand = batch.servedChannels().hermitianTimes(uw).scale(alphaServed); // V~ [B, K, I_k, M, d]
            for (int q = 0; q < substeps; q++) {
                NDArray g = gamma.get(l * substeps + q);
                ComplexTensor vhat = v.sub(r.matMul(v).sub(cand).scale(g));
                NDArray used = vhat.abs2().sum(new int[] {2, 3, 4});                        // [B, K]
                NDArray factor = budget.div(used.maximum(budget)).sqrt().reshape(bsz, k, 1, 1, 1);
                v = vhat.scale(factor);                                                      // projection (15)
            }
            return v;
        }

        ComplexTensor solve(ComplexTensor a, ComplexTensor inv, ComplexTensor b) {
            ComplexTensor y = inv.matMul(b);
            if (type == DataType.FLOAT32) {
                for (int r = 0; r < FLOAT_REFINEMENTS; r++) {
                    y = y.add(inv.matMul(b.sub(a.matMul(y))));
                }
            }
            return y;
        }
    }

    /** An engine-owned copy of {@code a} (see {@link GcnWmmseBatch}'s note on Java buffers and autograd). */
    static NDArray constant(NDManager manager, double[] a, Shape shape, DataType type) {
        NDArray t = manager.zeros(shape, type);
        if (type == DataType.FLOAT64) {
            t.set(java.nio.DoubleBuffer.wrap(a));
        } else {
            float[] f = new float[a.length];
            for (int e = 0; e < a.length; e++) {
                f[e] = (float) a[e];
            }
            t.set(java.nio.FloatBuffer.wrap(f));
        }
        return t;
    }

    private static ComplexTensor expand(ComplexTensor a, int axis) {
        return new ComplexTensor(a.re().expandDims(axis), a.im().expandDims(axis));
    }

    private static ComplexTensor reshape(ComplexTensor a, long... shape) {
        return new ComplexTensor(a.re().reshape(shape), a.im().reshape(shape));
    }
}
