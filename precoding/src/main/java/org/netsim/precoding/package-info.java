/**
 * The downlink precoding problem and its solvers, free of simulation and display code (DESIGN.md).
 *
 * <p>{@link org.netsim.precoding.Problem} is the weighted sum-rate maximisation with per-BS power budgets (K BSs,
 * I UEs, channels H_ik of N_i x M_k, streams d_i, noise, weights, serving BSs);
 * {@link org.netsim.precoding.Precoder} solves it from an {@link org.netsim.precoding.Init} into a
 * {@link org.netsim.precoding.Solution}; {@link org.netsim.precoding.RateEvaluator} is the one rate evaluator;
 * {@link org.netsim.precoding.PrecoderRegistry} creates precoders by name from
 * {@link org.netsim.precoding.PrecoderProvider}s found by {@link java.util.ServiceLoader};
 * {@link org.netsim.precoding.BatchSolver} solves many problems on several threads with identical results.
 * Rates are in nat/s/Hz, powers in watts.
 */
package org.netsim.precoding;
