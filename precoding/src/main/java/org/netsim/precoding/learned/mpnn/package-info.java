/**
 * The StructuralMPNN of "A Learning-only Method for Multi-Cell Multi-User MIMO Sum Rate Maximization" (Song, Wang,
 * Li, Liu, Xu): architecture ({@link org.netsim.precoding.learned.mpnn.MpnnArchitecture}), batched DJL network
 * ({@link org.netsim.precoding.learned.mpnn.MpnnNetwork}), per-problem Java executor over the same weights
 * ({@link org.netsim.precoding.learned.mpnn.MpnnExecutor}), unsupervised trainer on the negative sum rate
 * ({@link org.netsim.precoding.learned.mpnn.MpnnTrainer}), score against WMMSE, cards, precoder and provider.
 */
package org.netsim.precoding.learned.mpnn;
