/**
 * GCN-WMMSE on DJL (GCN-WMMSE paper "Coordinated Sum-Rate Maximization in Multicell MU-MIMO with Deep Unrolling"):
 * the batched network ({@link org.netsim.precoding.learned.gcn.GcnWmmseNetwork}) over the weights of the per-problem
 * EJML executor ({@link org.netsim.precoding.gcn.GcnWmmseWeights}, converted both ways by
 * {@link org.netsim.precoding.learned.gcn.GcnWmmseParameters}), its input batches, the trainer of §III-C / Table I
 * with exact checkpoints ({@link org.netsim.precoding.learned.gcn.GcnWmmseTrainer},
 * {@link org.netsim.precoding.learned.gcn.GcnWmmseCheckpoint}, {@link org.netsim.precoding.learned.gcn.AdamW}),
 * batch inference, and {@code wmmse-batched}, the classic WMMSE on the same executor.
 */
package org.netsim.precoding.learned.gcn;
