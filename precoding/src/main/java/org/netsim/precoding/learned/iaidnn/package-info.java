/**
 * IAIDNN, the iterative-algorithm-induced deep-unfolding network of Hu et al. as described in the GCN-WMMSE paper
 * ("Coordinated Sum-Rate Maximization in Multicell MU-MIMO with Deep Unrolling", §V-C): architecture, weights and
 * model files, the per-problem executor, the batched DJL network, the trainer, the precoder and its provider.
 */
package org.netsim.precoding.learned.iaidnn;
