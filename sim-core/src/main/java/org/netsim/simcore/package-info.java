/**
 * The radio network as a MASON plugin (DESIGN.md "A plugin first").
 *
 * <p>{@link org.netsim.simcore.RadioNetwork} attaches to any host {@link sim.engine.SimState}: it schedules the
 * phases of every slot ({@link org.netsim.simcore.SlotPhase}) on the host's schedule at the times and orderings of
 * a {@link org.netsim.simcore.HostSchedule}, reads the UEs from the host's agents through
 * {@link org.netsim.simcore.Terminal} (or position callbacks, {@link org.netsim.simcore.FieldFrame} for MASON
 * fields), and publishes one {@link org.netsim.simcore.SlotReport} per slot to
 * {@link org.netsim.simcore.SlotListener}s. The network draws from named streams under the host's seed
 * ({@link org.netsim.simcore.RadioNetwork#hostStreams}), never from the host's generator.
 * {@link org.netsim.simcore.NetworkSimulation} is the built-in host of {@code netsim run}, one host among others.
 * Headless: no display code here (the GUI is in the visualization module). docs/plugin.md is the guide.
 */
package org.netsim.simcore;
