/**
 * The unfolded PGD WMMSE baseline of "Coordinated Sum-Rate Maximization in Multicell MU-MIMO with Deep Unrolling"
 * (§V-B, Table XII): {@link org.netsim.precoding.learned.pgd.UnfoldedPgdSteps} (the trainable step sizes,
 * gamma = exp(rho)), {@link org.netsim.precoding.learned.pgd.UnfoldedPgdNetwork} (batched DJL executor, training),
 * {@link org.netsim.precoding.learned.pgd.UnfoldedPgdExecutor} (per-problem Java executor over the same steps),
 * {@link org.netsim.precoding.learned.pgd.UnfoldedPgdTrainer} (AdamW on the loss (16) over all layers),
 * {@link org.netsim.precoding.learned.pgd.UnfoldedPgdModel} (JSON model files with card) and the precoder
 * {@code unfolded-pgd} ({@link org.netsim.precoding.learned.pgd.UnfoldedPgdPrecoder}).
 */
package org.netsim.precoding.learned.pgd;
