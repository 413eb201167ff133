package org.netsim.precoding.learned.gcn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.ejml.data.ZMatrixRMaj;
import org.netsim.precoding.classic.MuSolver;
import org.netsim.precoding.classic.PowerConstrainedStep;
import org.netsim.precoding.gcn.GcnWmmseWeights;
import org.netsim.precoding.learned.ComplexTensor;

/**
 * The batched DJL executor of GCN-WMMSE (GCN-WMMSE paper "Coordinated Sum-Rate Maximization in Multicell MU-MIMO
 * with Deep Unrolling", §III, Fig. 1): the forward pass of L layers over a {@link GcnWmmseBatch}, differentiable
 * in the parameters ({@link GcnWmmseParameters}, the same weights as the per-problem EJML
 * {@link org.netsim.precoding.gcn.GcnWmmseExecutor}, which it reproduces operation for operation). Layer l, with
 * the UEs ordered by BS and complex tensors as real pairs ({@link ComplexTensor}):
 * <pre>
 *   G_pj  = H_{p k_j} V_j                                      [B, I, K, I_k, N, d]
 *   Z_p   = sigma_p^2 I + sum_{j != p} G_pj G_pj^H               [B, I, N, N]
 *   X_p   = Z_p^{-1} G_pp,  W^_p = I + G_pp^H X_p,  U_p = X_p W^_p^{-1}     (3a), (3b)   [B, I, d, d]
 *   rate_p = log det W^_p  (of V^(l-1));  W_p, U_p W_p by the filter (12) with a_{W,lg} = |theta_lg|
 *   R_k   = sum_j alpha_j (U_j^H H_jk)^H W_j (U_j^H H_jk),   V~_p = alpha_p H_{p k_p}^H U_p W_p     (4), (5)
 *   mu_k  from (3c) (below);  Y_p = (R_k + mu_k I)^{-1} V~_p                                  (3d)
 *   P_pd  = Y_pd a_{V,l1}^T + V~_pd a_{V,l0}^T + P_pd^(l-1) D_l,  v^_pd = modReLU(P_pd, beta_k b_l) c_l   (13), (14)
 *   V_p   = sqrt(P_k) V^_p / sqrt(max(sum_{p in I_k} ||V^_p||^2, P_k))                       (15)
 * </pre>
 * with beta_k = sqrt(P_k / |I_k|) / b_S. The inverses are those of the real block form
 * ({@link ComplexTensor#inverse}), followed in float32 by two steps of iterative refinement of the solves;
 * R_k + mu_k I is inverted rather than pseudo-inverted, which equals the EJML
 * executor's pseudo-inverse whenever R_k is nonsingular (generic when sum_j d_j &gt;= M, as in every scenario of the
 * paper; with mu_k &gt; 0 always). modReLU evaluates |x| as sqrt(|x|^2 + 1e-30) so that its gradient stays finite
 * at x = 0.
 *
 * <p><b>The mu-step and its gradient (Proposition 1).</b> DJL has no eigendecomposition, so mu_k is not computed
 * in the graph: R_k and V~_p are read back in double precision and mu_k* is found per sample and BS by the classic
 * {@link PowerConstrainedStep} (the rational root finder of eq. (9), iterated to convergence, i.e. the paper's
 * mu^(l,P) for P large enough). Its gradient is then attached by one differentiable Newton correction at the root
 * of f(theta, mu) = sum_{p in I_k} ||(R_k + mu I)^{-1} V~_p||_F^2 - P_k:
 * <pre>
 *   mu' = mu* - (f(theta, mu*) - [f(theta, mu*)]) / [f'(mu*)],   f'(mu) = -2 sum_p Re tr(Y_p^H (R_k + mu I)^{-1} Y_p)
 *   Y'  = Y* - [(R_k + mu* I)^{-1} Y*] (mu' - mu*)
 * </pre>
 * where [.] stops the gradient. The value is exactly mu* (the bracket subtracts f's value) and Y' = Y*, while
 * d mu'/d theta = -(df/d theta) / f'(mu*), the implicit-function gradient of Proposition 1 (eq. (17) written for
 * the inputs R_k and V~ instead of lambda and phi), and dY/dmu = -(R + mu I)^{-1} Y enters linearly. For
 * mu* = 0 the correction is off: the gradient of mu is 0, eq. (18). No derivative flows through the root finder's
 * iterations, which is the point of the proposition. Gradients are checked against central finite differences in
 * double precision by the tests.
 *
 * <p>Memory: every array is created in the arrays' managers; run a forward pass inside a child manager of the
 * caller's and close it after reading the outputs. No operation on the gradient path takes a Java number
 * ({@code mul(0.5)}, {@code pow(-1)}, {@code maximum(0)}): DJL's PyTorch engine turns such a number into a
 * temporary tensor over a Java direct buffer ({@code from_blob}, no copy) and closes it after the operation, while
 * autograd keeps it for the backward pass; once the garbage collector frees the buffer the backward pass reads
 * garbage (observed: random gradients and NaNs after a {@code System.gc()}). Constants are engine-owned arrays
 * instead ({@link GcnWmmseBatch#array}, {@code onesLike()}).
 */
public final class GcnWmmseNetwork {

    /** |x|^2 floor inside modReLU's magnitude, keeping d|x|/dx finite at x = 0. */
    static final double MODRELU_FLOOR = 1e-30;
    /** Iterative-refinement steps of the float32 solves ({@code Layers#solve}). */
    static final int FLOAT_REFINEMENTS = 2;

    private GcnWmmseNetwork() {
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
     * @param params the network's parameters (their arrays' type sets the computation's)
     * @param batch the problems and their starts (same type)
     * @param numLayers 1..L
     * @param implicitMuGradient whether to attach the gradient of mu_k (training; off for inference, where it
     *     changes nothing but time)
     */
    public static Output forward(GcnWmmseParameters params, GcnWmmseBatch batch, int numLayers,
            boolean implicitMuGradient) {
        if (numLayers < 1 || numLayers > params.layers()) {
            throw new IllegalArgumentException("numLayers: must be in 1.." + params.layers() + ", got " + numLayers);
        }
        Layers run = new Layers(params, batch, implicitMuGradient);
        ComplexTensor v = batch.start();
        NDArray[] wsr = new NDArray[numLayers + 1];
        ComplexTensor skip = null;
        for (int l = 0; l < numLayers; l++) {
            UeSide ue = run.ueSide(v);
            wsr[l] = ue.wsr;
            Filtered f = run.filter(ue, l);
            BsOut bs = run.bsSide(f, l, skip);
            v = bs.v;
            skip = bs.skip;
        }
        wsr[numLayers] = run.ueSide(v).wsr;
        return new Output(v, wsr);
    }

    /**
     * The WSR of given precoders on a batch, [B], in nat/s/Hz (the UE side of the rate model, no layer).
     *
     * @param v precoders [B, K, I_k, M, d]
     */
    public static NDArray wsr(GcnWmmseBatch batch, ComplexTensor v) {
        return new Layers(null, batch, false).ueSide(v).wsr;
    }

    /** The UE side's results for one set of precoders. */
    private record UeSide(ComplexTensor x, ComplexTensor mmseWeight, ComplexTensor u, NDArray wsr) {
    }

    /** After the weight-matrix filter: W_p and U_p W_p. */
    private record Filtered(ComplexTensor u, ComplexTensor w, ComplexTensor uw) {
    }

    private record BsOut(ComplexTensor v, ComplexTensor skip) {
    }

    /** One forward pass's constants and Java-side mu workspace. */
    private static final class Layers {
        private final GcnWmmseParameters params;
        private final GcnWmmseBatch batch;
        private final boolean implicitMuGradient;
        private final NDManager manager;
        private final DataType type;
        private final int bsz;
        private final int k;
        private final int ik;
        private final int numUe;
        private final int m;
        private final int n;
        private final int d;
        private final NDArray interferenceMask; // [1, I, K, I_k, 1, 1]: 0 where j = p
        private final NDArray eyeN;
        private final NDArray eyeD;
        private final NDArray eyeM;
        private final NDArray noise;            // [B, I, 1, 1]
        private final NDArray alpha5;           // [B, I, 1, 1, 1]
        private final NDArray alphaServed;      // [B, K, I_k, 1, 1]
        private final NDArray budget;           // [B, K]
        private final NDArray beta;             // [B, K, 1, 1, 1, 1]
        private final NDArray invD;             // 1 / d
        private final NDArray zero;
        private final NDArray minusTwo;
        private final NDArray modReluFloor;
        private final PowerConstrainedStep muStep;
        private final ZMatrixRMaj cov;
        private final ZMatrixRMaj[] cand;
        private final ZMatrixRMaj[] muOut;
        private final int[] localUes;

        Layers(GcnWmmseParameters params, GcnWmmseBatch batch, boolean implicitMuGradient) {
            this.params = params;
            this.batch = batch;
            this.implicitMuGradient = implicitMuGradient;
            this.manager = batch.noise().getManager();
            this.type = batch.noise().getDataType();
            this.bsz = batch.size();
            this.k = batch.numBs();
            this.ik = batch.uesPerBs();
            this.numUe = k * ik;
            this.m = batch.bsAntennas();
            this.n = batch.ueAntennas();
            this.d = batch.streams();
            double[] mask = new double[numUe * numUe];
            java.util.Arrays.fill(mask, 1.0);
            for (int p = 0; p < numUe; p++) {
                mask[p * numUe + p] = 0.0;
            }
            interferenceMask = GcnWmmseBatch.array(manager, mask, new Shape(1, numUe, k, ik, 1, 1), type);
            eyeN = manager.eye(n, n, 0, type);
            eyeD = manager.eye(d, d, 0, type);
            eyeM = manager.eye(m, m, 0, type);
            noise = batch.noise().reshape(bsz, numUe, 1, 1);
            alpha5 = batch.ueWeights().reshape(bsz, numUe, 1, 1, 1);
            alphaServed = batch.ueWeights().reshape(bsz, k, ik, 1, 1);
            budget = batch.budgets();
            double biasScale = params == null ? 1.0 : params.biasScale();
            beta = budget.div(ik).sqrt().div(biasScale).reshape(bsz, k, 1, 1, 1, 1);
            invD = GcnWmmseBatch.array(manager, new double[] {1.0 / d}, new Shape(), type);
            zero = GcnWmmseBatch.array(manager, new double[] {0.0}, new Shape(), type);
            minusTwo = GcnWmmseBatch.array(manager, new double[] {-2.0}, new Shape(), type);
            modReluFloor = GcnWmmseBatch.array(manager, new double[] {MODRELU_FLOOR}, new Shape(), type);
            muStep = new PowerConstrainedStep(m);
            cov = new ZMatrixRMaj(m, m);
            cand = new ZMatrixRMaj[ik];
            muOut = new ZMatrixRMaj[ik];
            localUes = new int[ik];
            for (int u = 0; u < ik; u++) {
                cand[u] = new ZMatrixRMaj(m, d);
                muOut[u] = new ZMatrixRMaj(m, d);
                localUes[u] = u;
            }
        }

        /** U- and W-steps (3a), (3b) and the rates of the precoders v [B, K, I_k, M, d]. */
        UeSide ueSide(ComplexTensor v) {
            // [B, I, K, 1, N, M] x [B, 1, K, I_k, M, d] -> [B, I, K, I_k, N, d]
            ComplexTensor g = expand(batch.channels(), 3).matMul(expand(v, 1));
            ComplexTensor gg = g.timesHermitian(g).scale(interferenceMask);                 // [B, I, K, I_k, N, N]
            ComplexTensor z = sum(gg, 2, 3);                                                 // [B, I, N, N]
            z = new ComplexTensor(z.re().add(eyeN.mul(noise)), z.im());
            z = hermitianPart(z);
            ComplexTensor own = reshape(batch.servedChannels().matMul(v), bsz, numUe, n, d); // G_pp [B, I, N, d]
            ComplexTensor x = solve(z, z.inverse(), own);                                    // Z^-1 G  [B, I, N, d]
            ComplexTensor w = own.hermitianTimes(x);                                         // G^H X   [B, I, d, d]
            w = hermitianPart(new ComplexTensor(w.re().add(eyeD), w.im()));                  // W^ = I + G^H X
            NDArray rate = logDetHpd(w, d);                                                  // [B, I]
            NDArray wsr = rate.mul(batch.ueWeights()).sum(new int[] {1});                    // [B]
            ComplexTensor u = x.matMul(w.inverse());                                         // U = X W^-1
            return new UeSide(x, w, u, wsr);
        }

        /** The weight-matrix filter (12) of layer l: W = a0 I + sum_g a_g W^^g / m^(g-1), U W likewise. */
        Filtered filter(UeSide ue, int l) {
            NDArray taps = params.get(GcnWmmseWeights.W_TAPS).get(l).abs();                  // [G+1]
            ComplexTensor what = ue.mmseWeight;
            NDArray mean = trace(what).mul(invD).reshape(bsz, numUe, 1, 1);                  // m_p
            NDArray invMean = mean.onesLike().div(mean);
            NDArray a0 = taps.get(0);
            ComplexTensor w = new ComplexTensor(eyeD.mul(a0).broadcast(what.shape()), what.re().zerosLike());
            ComplexTensor uw = ue.u.scale(a0);
            ComplexTensor power = what;                                                      // W^^g / m^(g-1)
            ComplexTensor uPower = ue.x;                                                     // X W^^(g-1) / m^(g-1)
            for (int g = 1; g <= params.degree(); g++) {
                if (g > 1) {
                    power = power.matMul(what).scale(invMean);
                    uPower = uPower.matMul(what).scale(invMean);
                }
                NDArray a = taps.get(g);
                w = w.add(power.scale(a));
                uw = uw.add(uPower.scale(a));
            }
            return new Filtered(ue.u, hermitianPart(w), uw);
        }

        /** R_k, V~, the mu-step, the downlink GCN (13), (14) and the projection (15) of layer l. */
        BsOut bsSide(Filtered f, int l, ComplexTensor skipIn) {
            // A_pk = U_p^H H_pk: [B, I, 1, d, N] x [B, I, K, N, M] -> [B, I, K, d, M]
            ComplexTensor a = expand(f.u, 2).hermitianTimes(batch.channels());
            ComplexTensor wa = expand(f.w, 2).matMul(a);                                     // [B, I, K, d, M]
            ComplexTensor r = hermitianPart(sum(a.hermitianTimes(wa).scale(alpha5), 1));     // R_k [B, K, M, M]
            ComplexTensor uw = reshape(f.uw, bsz, k, ik, n, d);
            ComplexTensor cand = batch.servedChannels().hermitianTimes(uw).scale(alphaServed); // V~ [B, K, I_k, M, d]

            double[] mu = solveMu(r, cand);
            NDArray muArr = GcnWmmseBatch.array(manager, mu, new Shape(bsz, k, 1, 1), type);
            ComplexTensor loaded = new ComplexTensor(r.re().add(eyeM.mul(muArr)), r.im());
            ComplexTensor inv = expand(loaded.inverse(), 2);                                 // [B, K, 1, M, M]
            ComplexTensor y = solve(expand(loaded, 2), inv, cand);                           // [B, K, I_k, M, d]
            if (implicitMuGradient) {
                y = implicitMuCorrection(inv, y, mu);
            }

            // downlink GCN: features in a trailing axis, [B, K, I_k, M, d, F]
            ComplexTensor a1 = complexParam(GcnWmmseWeights.V_INV_TAPS, l);                  // [F]
            ComplexTensor a0 = complexParam(GcnWmmseWeights.V_LOAD_TAPS, l);
            ComplexTensor p = expand(y, 5).mul(a1).add(expand(cand, 5).mul(a0));
            if (l > 0) {
                ComplexTensor dl = complexParam(GcnWmmseWeights.V_SKIP, l - 1);              // [F, F]
                p = p.add(skipIn.matMul(dl));
            }
            NDArray bias = beta.mul(params.get(GcnWmmseWeights.V_BIAS).get(l));             // [B, K, 1, 1, 1, F]
            NDArray mag = p.abs2().add(modReluFloor).sqrt();
            NDArray gain = mag.add(bias).maximum(zero).div(mag);
            ComplexTensor c = complexParam(GcnWmmseWeights.V_RECOMB, l);
            ComplexTensor act = p.scale(gain).mul(c);
            ComplexTensor vhat = new ComplexTensor(act.re().sum(new int[] {5}), act.im().sum(new int[] {5}));
            // projection (15)
            NDArray used = vhat.abs2().sum(new int[] {2, 3, 4});                            // [B, K]
            NDArray factor = budget.div(used.maximum(budget)).sqrt().reshape(bsz, k, 1, 1, 1);
            return new BsOut(vhat.scale(factor), p);
        }

        /**
         * A^{-1} B by the explicit inverse, refined in float32 by {@link #FLOAT_REFINEMENTS} steps of iterative
         * refinement Y &lt;- Y + A^{-1} (B - A Y): the inverse of R_k + mu_k I (condition numbers up to ~1e6 at
         * high SNR) alone loses most of float32's digits, each step squares the relative error. In double the
         * plain product is kept (its error is already at the EJML executor's level).
         */
        ComplexTensor solve(ComplexTensor a, ComplexTensor inv, ComplexTensor b) {
            ComplexTensor y = inv.matMul(b);
            if (type == DataType.FLOAT32) {
                for (int r = 0; r < FLOAT_REFINEMENTS; r++) {
                    y = y.add(inv.matMul(b.sub(a.matMul(y))));
                }
            }
            return y;
        }

        /** The Newton correction at mu* that carries the implicit gradient of Proposition 1 (class comment). */
        private ComplexTensor implicitMuCorrection(ComplexTensor inv, ComplexTensor y, double[] mu) {
            NDArray fValue = y.abs2().sum(new int[] {2, 3, 4}).sub(budget);                // f(theta, mu*) [B, K]
            ComplexTensor ay = inv.matMul(y);                                                // (R + mu I)^-1 Y
            NDArray fPrime = y.re().mul(ay.re()).add(y.im().mul(ay.im())).sum(new int[] {2, 3, 4}).mul(minusTwo)
                    .stopGradient();
            double[] active = new double[mu.length];
            for (int e = 0; e < mu.length; e++) {
                active[e] = mu[e] > 0 ? 1.0 : 0.0;
            }
            NDArray on = GcnWmmseBatch.array(manager, active, new Shape(bsz, k), type);
            NDArray delta = fValue.sub(fValue.stopGradient()).neg().div(fPrime).mul(on).reshape(bsz, k, 1, 1, 1);
            ComplexTensor ayStopped = new ComplexTensor(ay.re().stopGradient(), ay.im().stopGradient());
            return y.sub(ayStopped.scale(delta));
        }

        /** mu_k* per sample and BS in double precision by the classic power step (eq. (3c) by (9)). */
        private double[] solveMu(ComplexTensor r, ComplexTensor candidates) {
            double[] rRe = r.re().toType(DataType.FLOAT64, false).toDoubleArray();
            double[] rIm = r.im().toType(DataType.FLOAT64, false).toDoubleArray();
            double[] cRe = candidates.re().toType(DataType.FLOAT64, false).toDoubleArray();
            double[] cIm = candidates.im().toType(DataType.FLOAT64, false).toDoubleArray();
            double[] budgets = budget.toType(DataType.FLOAT64, false).toDoubleArray();
            double[] mu = new double[bsz * k];
            int mm = m * m;
            int md = m * d;
            for (int b = 0; b < bsz; b++) {
                for (int bs = 0; bs < k; bs++) {
                    int bk = b * k + bs;
                    for (int e = 0; e < mm; e++) {
                        cov.data[2 * e] = rRe[bk * mm + e];
                        cov.data[2 * e + 1] = rIm[bk * mm + e];
                    }
                    for (int u = 0; u < ik; u++) {
                        int off = (bk * ik + u) * md;
                        for (int e = 0; e < md; e++) {
                            cand[u].data[2 * e] = cRe[off + e];
                            cand[u].data[2 * e + 1] = cIm[off + e];
                        }
                    }
                    double v = muStep.solve(cov, cand, localUes, budgets[bk], MuSolver.RATIONAL, muOut);
                    mu[bk] = Double.isFinite(v) ? v : 0.0;
                }
            }
            return mu;
        }

        /** Entry {@code index} of a complex parameter tensor [..., 2] as a complex tensor of the remaining shape. */
        private ComplexTensor complexParam(String name, int index) {
            NDArray t = params.get(name).get(index);
            return new ComplexTensor(t.get(new NDIndex("..., 0")), t.get(new NDIndex("..., 1")));
        }
    }

    /** log det of Hermitian positive definite d x d matrices [..., d, d] by Schur complements; real [...]. */
    public static NDArray logDetHpd(ComplexTensor a, int dim) {
        NDArray a11 = a.re().get(new NDIndex("..., 0, 0"));
        if (dim == 1) {
            return a11.log();
        }
        ComplexTensor col = new ComplexTensor(a.re().get(new NDIndex("..., 1:, 0:1")),
                a.im().get(new NDIndex("..., 1:, 0:1")));
        ComplexTensor row = new ComplexTensor(a.re().get(new NDIndex("..., 0:1, 1:")),
                a.im().get(new NDIndex("..., 0:1, 1:")));
        ComplexTensor rest = new ComplexTensor(a.re().get(new NDIndex("..., 1:, 1:")),
                a.im().get(new NDIndex("..., 1:, 1:")));
        NDArray a11e = a11.expandDims(-1).expandDims(-1);
        NDArray inv11 = a11e.onesLike().div(a11e);
        ComplexTensor schur = rest.sub(col.matMul(row).scale(inv11));
        return a11.log().add(logDetHpd(schur, dim - 1));
    }

    /** Re tr(A) of [..., n, n], real [...]. */
    static NDArray trace(ComplexTensor a) {
        Shape s = a.shape();
        int r = s.dimension();
        long n = s.get(r - 1);
        NDArray eye = a.re().getManager().eye((int) n, (int) n, 0, a.re().getDataType());
        return a.re().mul(eye).sum(new int[] {r - 2, r - 1});
    }

    static ComplexTensor hermitianPart(ComplexTensor a) {
        ComplexTensor h = a.hermitian();
        NDArray half = a.re().onesLike().div(a.re().onesLike().add(a.re().onesLike()));
        return new ComplexTensor(a.re().add(h.re()).mul(half), a.im().add(h.im()).mul(half));
    }

    static ComplexTensor expand(ComplexTensor a, int axis) {
        return new ComplexTensor(a.re().expandDims(axis), a.im().expandDims(axis));
    }

    static ComplexTensor sum(ComplexTensor a, int... axes) {
        return new ComplexTensor(a.re().sum(axes), a.im().sum(axes));
    }

    static ComplexTensor reshape(ComplexTensor a, long... shape) {
        return new ComplexTensor(a.re().reshape(shape), a.im().reshape(shape));
    }
}
