/**
 * GCN-WMMSE (Schynol and Pesavento, "Coordinated Sum-Rate Maximization in Multicell MU-MIMO with Deep Unrolling"):
 * the per-problem EJML executor of the network and its weights, in double precision, with no DJL dependency.
 *
 * <p>One layer is one WMMSE iteration whose W-step and V-step are learned: the UE side
 * ({@link org.netsim.precoding.gcn.GcnWmmseUeStep}) is the classic U- and W-steps
 * ({@link org.netsim.precoding.classic.WmmseUeStep}) followed by the weight-matrix filter
 * ({@link org.netsim.precoding.gcn.WeightMatrixFilter}, eq. (12)); the BS side
 * ({@link org.netsim.precoding.gcn.GcnWmmseBsStep}) is the classic R_k, candidates and mu-step
 * ({@link org.netsim.precoding.classic.WmmseBsStep}, eq. (4), (5), (3c) by (9)) followed by the downlink GCN
 * ({@link org.netsim.precoding.gcn.DownlinkBeamformerGcn}, eq. (13), (14), skip connections) and the power
 * projection ({@link org.netsim.precoding.gcn.PowerProjection}, eq. (15)). The UEs and BSs exchange the same
 * quantities as in WMMSE, so the distributed mode runs these steps agent by agent.
 * {@link org.netsim.precoding.gcn.GcnWmmseWeights} is the one weight set that this executor and the batched DJL
 * executor (package {@code ..precoding.learned..}) share.
 */
package org.netsim.precoding.gcn;
