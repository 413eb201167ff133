package org.netsim.precoding.gcn;

import org.ejml.data.ZMatrixRMaj;
import org.netsim.precoding.classic.WmmseUeStep;

/**
 * The UE-side step of one GCN-WMMSE layer (GCN-WMMSE paper "Coordinated Sum-Rate Maximization in Multicell MU-MIMO
 * with Deep Unrolling", Fig. 1 and §III-B2), computed by UE i from what it measures, its interference-plus-noise
 * covariance Z_i (N_i x N_i) and effective channel G_i = H_ik V_i (N_i x d_i):
 * <pre>
 *   U_i  = J_i^{-1} G_i,  W^_i = (I - G_i^H U_i)^{-1}        the classic U- and W-steps (3a), (3b)
 *   W_i  = weight-matrix filter of W^_i                       (12)
 * </pre>
 * The first line is the classic {@link WmmseUeStep} unchanged (the paper keeps the U-step, and (12) takes the
 * W-step's result as its shift matrix); the second is {@link WeightMatrixFilter}. Outputs for the BS side (the
 * uplink messages of the distributed mode, the same quantities as WMMSE's): U_i W_i and a factor F_i with
 * F_i F_i^H = U_i W_i U_i^H.
 *
 * <p>An instance holds the workspace of one UE size (N, d) and reuses it. Not thread-safe.
 */
public final class GcnWmmseUeStep {

    private final WmmseUeStep mmse;
    private final WeightMatrixFilter filter;
    private final ZMatrixRMaj mmseWeight;
    private final ZMatrixRMaj uMmseWeight;
    private final ZMatrixRMaj mmseFactor;

    /**
     * @param numUeAntennas N_i
     * @param numStreams d_i
     */
    public GcnWmmseUeStep(int numUeAntennas, int numStreams) {
        this.mmse = new WmmseUeStep(numUeAntennas, numStreams);
        this.filter = new WeightMatrixFilter(numUeAntennas, numStreams);
        this.mmseWeight = new ZMatrixRMaj(numStreams, numStreams);
        this.uMmseWeight = new ZMatrixRMaj(numUeAntennas, numStreams);
        this.mmseFactor = new ZMatrixRMaj(numUeAntennas, numStreams);
    }

    /**
     * One UE step of layer {@code layer}.
     *
     * @param interferenceCovariance Z_i, N x N Hermitian positive definite (noise included); not modified
     * @param effectiveChannel G_i = H_ik V_i, N x d; not modified
     * @param weights the network's weights; not modified
     * @param layer l = 0..L-1
     * @param u U_i of (3a), modified (N x d)
     * @param w W_i of (12), modified (d x d, Hermitian positive semidefinite)
     * @param uw U_i W_i, modified (N x d)
     * @param factor F_i with F_i F_i^H = U_i W_i U_i^H, modified (N x d)
     * @throws org.netsim.precoding.linalg.DecompositionException if Z_i is not positive definite
     */
    public void compute(ZMatrixRMaj interferenceCovariance, ZMatrixRMaj effectiveChannel, GcnWmmseWeights weights,
            int layer, ZMatrixRMaj u, ZMatrixRMaj w, ZMatrixRMaj uw, ZMatrixRMaj factor) {
        mmse.compute(interferenceCovariance, effectiveChannel, u, mmseWeight, uMmseWeight, mmseFactor);
        filter.apply(mmseWeight, u, uMmseWeight, weights, layer, w, uw, factor);
    }

    /**
     * @return the rate of UE i in nat/s/Hz for the precoders of the last {@link #compute} call,
     *     log det W^_i = log det(I + G_i^H Z_i^{-1} G_i) (of the unfiltered MMSE weight)
     */
    public double lastRateNat() {
        return mmse.lastRateNat();
    }

    /** @return W^_i of the last {@link #compute}: the W-step (3b) output, (12)'s shift matrix; the instance's */
    public ZMatrixRMaj lastMmseWeight() {
        return mmseWeight;
    }

    /** @return whether the last filter factored W_i by eigendecomposition ({@link WeightMatrixFilter}) */
    public boolean lastUsedEigen() {
        return filter.lastUsedEigen();
    }
}
