/**
 * UWMMSE ("Unfolding WMMSE using graph neural networks"), the SISO-pair baseline of "Coordinated Sum-Rate
 * Maximization in Multicell MU-MIMO with Deep Unrolling" (Section V-A, Fig. 5): weights and model files, the
 * per-problem executor and precoder, the batched DJL network and its trainer.
 */
package org.netsim.precoding.learned.uwmmse;
