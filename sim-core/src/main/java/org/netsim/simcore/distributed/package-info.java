/**
 * The distributed message-passing mode of the precoding phase: UE and BS agents exchange the WMMSE / GCN-WMMSE
 * messages of one communication round as MASON events inside the slot ("Coordinated Sum-Rate Maximization in
 * Multicell MU-MIMO with Deep Unrolling", end of §II-B and §III-D), over a {@link
 * org.netsim.simcore.distributed.LinkModel} (phase durations, latency, loss, quantisation) within a {@link
 * org.netsim.simcore.distributed.CoordinationRange}, with rounds, messages and bytes counted per slot.
 *
 * <p>{@link org.netsim.simcore.distributed.DistributedPrecoding} is the entry point (a {@link
 * org.netsim.simcore.SlotPrecoding} for {@link org.netsim.simcore.PrecodingStage#withExecution}); per-slot counts
 * reach {@link org.netsim.simcore.distributed.DistributedListener}s as {@link
 * org.netsim.simcore.distributed.DistributedSlotReport}s. The agents call the same UE-side and BS-side step
 * functions as the centralized solvers ({@link org.netsim.simcore.distributed.AgentSteps}). docs/simulation.md
 * describes the mode.
 */
package org.netsim.simcore.distributed;
