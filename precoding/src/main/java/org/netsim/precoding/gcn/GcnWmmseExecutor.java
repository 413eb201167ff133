package org.netsim.precoding.gcn;

import java.util.Arrays;
import java.util.Objects;
import org.ejml.data.ZMatrixRMaj;
import org.netsim.precoding.Init;
import org.netsim.precoding.InitialPrecoders;
import org.netsim.precoding.Problem;
import org.netsim.precoding.RateEvaluator;
import org.netsim.precoding.classic.UeMeasurement;

/**
 * The per-problem executor of a GCN-WMMSE network (GCN-WMMSE paper "Coordinated Sum-Rate Maximization in Multicell
 * MU-MIMO with Deep Unrolling", §III, Fig. 1) in double precision with EJML: the forward pass of L layers over one
 * {@link GcnWmmseWeights}, the same weights the batched DJL executor runs. Layer l maps V^(l-1) to V^(l):
 * <pre>
 *   UE side, every i:  Z_i, G_i = H_ik V_i^(l-1);  U_i (3a), W^_i (3b), W_i (12)         {@link GcnWmmseUeStep}
 *   BS side, every k:  R_k (4), V~_i (5), mu_k (3c) by (9), (R_k + mu_k I)^+ V~_i,
 *                      downlink GCN (13), (14) with skip state, projection (15)          {@link GcnWmmseBsStep}
 * </pre>
 * from V^(0) = the normalized MRC beamformers (§III-B5; {@link Init#mrc()}: V_i^(0) proportional to H_ik^H, every
 * BS at its budget), or any given start. The skip state P^(l) stays at the BSs between layers. The UE side of
 * layer l also yields the WSR of V^(l-1) as sum_i alpha_i log det W^_i.
 *
 * <p>Use either {@link #forward} (all layers, a copy of V after each), or the step interface the precoder and the
 * distributed mode follow: {@link #start}, then for l = 0..L-1 {@link #ueSide}(l) and {@link #bsSide}(l) in order,
 * reading {@link #precoders()} in between. An instance allocates every workspace for its problem and weights on
 * construction; the layer loop allocates nothing (outside the copies {@link #forward} returns). Not thread-safe.
 */
public final class GcnWmmseExecutor {

    private final Problem problem;
    private final GcnWmmseWeights weights;
    private final ZMatrixRMaj[][] cross;      // G_ij = H_{i k_j} V_j     [N_i x d_j]
    private final ZMatrixRMaj[] interference; // Z_i                       [N_i x N_i]
    private final ZMatrixRMaj[] u;            // U_i                       [N_i x d_i]
    private final ZMatrixRMaj[] w;            // W_i of (12)               [d_i x d_i]
    private final ZMatrixRMaj[] uw;           // U_i W_i                   [N_i x d_i]
    private final ZMatrixRMaj[] factor;       // F_i, F F^H = U W U^H      [N_i x d_i]
    private final ZMatrixRMaj[] candidate;    // V~_i                      [M_k x d_i]
    private final ZMatrixRMaj[] skip;         // P_i, (r, d F + f)         [M_k x d_i F]
    private final ZMatrixRMaj[] v;            // V_i                       [M_k x d_i]
    private final GcnWmmseUeStep[] ueSteps;
    private final GcnWmmseBsStep[] bsSteps;
    private final int[][] uesOf;
    private final double[] mu;
    /** The next layer whose UE side may run; -1 before {@link #start}. */
    private int nextLayer = -1;
    /** Whether the UE side of {@link #nextLayer} has run (its BS side may follow). */
    private boolean ueSideDone;

    /**
     * @param problem the problem; not modified
     * @param weights the network's weights
     */
    public GcnWmmseExecutor(Problem problem, GcnWmmseWeights weights) {
        this.problem = Objects.requireNonNull(problem, "problem");
        this.weights = Objects.requireNonNull(weights, "weights");
        int numUe = problem.numUe();
        int f = weights.features();
        cross = new ZMatrixRMaj[numUe][numUe];
        interference = new ZMatrixRMaj[numUe];
        u = new ZMatrixRMaj[numUe];
        w = new ZMatrixRMaj[numUe];
        uw = new ZMatrixRMaj[numUe];
        factor = new ZMatrixRMaj[numUe];
        candidate = new ZMatrixRMaj[numUe];
        skip = new ZMatrixRMaj[numUe];
        v = new ZMatrixRMaj[numUe];
        ueSteps = new GcnWmmseUeStep[numUe];
        for (int i = 0; i < numUe; i++) {
            int n = problem.ueAntennas(i);
            int d = problem.streams(i);
            int m = problem.bsAntennas(problem.servingBs(i));
            for (int j = 0; j < numUe; j++) {
                cross[i][j] = new ZMatrixRMaj(n, problem.streams(j));
            }
            interference[i] = new ZMatrixRMaj(n, n);
            u[i] = new ZMatrixRMaj(n, d);
            w[i] = new ZMatrixRMaj(d, d);
            uw[i] = new ZMatrixRMaj(n, d);
            factor[i] = new ZMatrixRMaj(n, d);
            candidate[i] = new ZMatrixRMaj(m, d);
            skip[i] = new ZMatrixRMaj(m, d * f);
            v[i] = new ZMatrixRMaj(m, d);
            ueSteps[i] = new GcnWmmseUeStep(n, d);
        }
        bsSteps = new GcnWmmseBsStep[problem.numBs()];
        uesOf = new int[problem.numBs()][];
        for (int k = 0; k < problem.numBs(); k++) {
            uesOf[k] = problem.uesOf(k);
            bsSteps[k] = uesOf[k].length == 0 ? null : new GcnWmmseBsStep(problem.bsAntennas(k), f);
        }
        mu = new double[problem.numBs()];
    }

    /**
     * The full forward pass from the MRC initialisation of the paper.
     *
     * @return V^(l) for l = 0..L (index 0 is the MRC start), each a new array of new matrices
     */
    public static ZMatrixRMaj[][] forwardFromMrc(Problem problem, GcnWmmseWeights weights) {
        GcnWmmseExecutor ex = new GcnWmmseExecutor(problem, weights);
        return ex.forward(InitialPrecoders.create(problem, Init.mrc()), weights.layers());
    }

    /**
     * Runs the first {@code numLayers} layers from {@code v0}.
     *
     * @param v0 V^(0) per UE (M_k x d_i, within the budgets); not modified
     * @param numLayers 1..L
     * @return V^(l) for l = 0..numLayers (index 0 a copy of v0), each a new array of new matrices
     */
    public ZMatrixRMaj[][] forward(ZMatrixRMaj[] v0, int numLayers) {
        if (numLayers < 1 || numLayers > weights.layers()) {
            throw new IllegalArgumentException("numLayers: must be in 1.." + weights.layers() + ", got "
                    + numLayers);
        }
        ZMatrixRMaj[][] out = new ZMatrixRMaj[numLayers + 1][problem.numUe()];
        for (int l = 0; l <= numLayers; l++) {
            for (int i = 0; i < problem.numUe(); i++) {
                out[l][i] = new ZMatrixRMaj(v[i].numRows, v[i].numCols);
            }
        }
        start(v0);
        copyInto(out[0]);
        for (int l = 0; l < numLayers; l++) {
            ueSide(l);
            bsSide(l);
            copyInto(out[l + 1]);
        }
        return out;
    }

    /**
     * Sets V^(0) and clears the skip state; layer 0 is next.
     *
     * @param v0 V^(0) per UE, M_k x d_i; not modified (copied)
     */
    public void start(ZMatrixRMaj[] v0) {
        RateEvaluator.checkShapes(problem, v0);
        for (int i = 0; i < v.length; i++) {
            v[i].setTo(v0[i]);
            Arrays.fill(skip[i].data, 0, skip[i].getDataLength(), 0.0);
        }
        nextLayer = 0;
        ueSideDone = false;
    }

    /**
     * The UE side of layer {@code layer} for the current precoders V^(layer-1): U_i, W^_i, W_i (12), U_i W_i, F_i.
     *
     * @param layer the next layer (0 after {@link #start}, then one more after each {@link #bsSide})
     * @return the WSR of the current precoders in nat/s/Hz, sum_i alpha_i log det W^_i
     * @throws IllegalStateException if {@code layer} is not the next layer
     */
    public double ueSide(int layer) {
        if (layer != nextLayer || nextLayer < 0 || layer >= weights.layers()) {
            throw new IllegalStateException("ueSide(" + layer + "): the next layer is "
                    + (nextLayer < 0 ? "none before start()" : nextLayer + " of " + weights.layers()));
        }
        double wsr = 0;
        for (int i = 0; i < problem.numUe(); i++) {
            measure(i);
            ueSteps[i].compute(interference[i], cross[i][i], weights, layer, u[i], w[i], uw[i], factor[i]);
            wsr += problem.weight(i) * ueSteps[i].lastRateNat();
        }
        ueSideDone = true;
        return wsr;
    }

    /**
     * The BS side of layer {@code layer}: R_k, V~_i, mu_k, the downlink GCN and the projection; the precoders
     * become V^(layer).
     *
     * @throws IllegalStateException unless {@link #ueSide}(layer) ran just before
     */
    public void bsSide(int layer) {
        if (layer != nextLayer || !ueSideDone) {
            throw new IllegalStateException("bsSide(" + layer + "): needs ueSide(" + layer + ") first");
        }
        int numUe = problem.numUe();
        for (int k = 0; k < problem.numBs(); k++) {
            GcnWmmseBsStep bs = bsSteps[k];
            if (bs == null) {
                continue;
            }
            bs.resetCovariance();
            for (int j = 0; j < numUe; j++) {
                bs.addToCovariance(problem.channel(j, k), factor[j], problem.weight(j));
            }
            for (int i : uesOf[k]) {
                GcnWmmseBsStep.candidate(problem.channel(i, k), uw[i], problem.weight(i), candidate[i]);
            }
            mu[k] = bs.updatePrecoders(candidate, uesOf[k], problem.bsPowerW(k), weights, layer, skip, v);
        }
        nextLayer++;
        ueSideDone = false;
    }

    /**
     * The WSR of the current precoders, sum_i alpha_i log det W^_i (the unfiltered MMSE weights), e.g. after the
     * last layer. Overwrites the UE-side workspace, so a pending {@link #bsSide} then needs its {@link #ueSide}
     * again.
     *
     * @return the WSR in nat/s/Hz
     */
    public double evaluate() {
        double wsr = 0;
        for (int i = 0; i < problem.numUe(); i++) {
            measure(i);
            ueSteps[i].compute(interference[i], cross[i][i], weights, 0, u[i], w[i], uw[i], factor[i]);
            wsr += problem.weight(i) * ueSteps[i].lastRateNat();
        }
        ueSideDone = false;
        return wsr;
    }

    /** @return the current precoders V_i (the instance's matrices; read them, do not keep them) */
    public ZMatrixRMaj[] precoders() {
        return v;
    }

    /** @return the layers run since {@link #start} */
    public int layersDone() {
        return Math.max(nextLayer, 0);
    }

    /** @return mu_k of BS k in the last {@link #bsSide} (0 for a BS without UEs) */
    public double lastMu(int k) {
        return mu[k];
    }

    /** @return the weights this executor runs */
    public GcnWmmseWeights weights() {
        return weights;
    }

    /** G_ij = H_{i k_j} V_j for every j and Z_i = sigma_i^2 I + sum_{j != i} G_ij G_ij^H. */
    private void measure(int i) {
        UeMeasurement.measure(problem, i, v, cross[i], interference[i]);
    }

    private void copyInto(ZMatrixRMaj[] target) {
        for (int i = 0; i < v.length; i++) {
            target[i].setTo(v[i]);
        }
    }
}
