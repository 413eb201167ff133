/**
 * The PCGNN/HetGNN baseline of "A Learning-only Method for Multi-Cell Multi-User MIMO Sum Rate Maximization" (Song et
 * al., Section VI-B): a heterogeneous GNN over UE and BS nodes with the message flow UEs &rarr; BSs &rarr; UEs &rarr;
 * UEs. Architecture ({@link org.netsim.precoding.learned.pcgnn.PcgnnArchitecture}), batched DJL network
 * ({@link org.netsim.precoding.learned.pcgnn.PcgnnNetwork}), per-problem Java executor over the same weights
 * ({@link org.netsim.precoding.learned.pcgnn.PcgnnExecutor}), unsupervised trainer, score against WMMSE, precoder
 * and provider.
 */
package org.netsim.precoding.learned.pcgnn;
