/**
 * The delivery-drone example: a MASON model written without the network ({@link
 * org.netsim.examples.drones.DroneDelivery}, its drones in a {@link sim.field.continuous.Continuous2D}), the code
 * that attaches the radio network to it ({@link org.netsim.examples.drones.DroneNetwork},
 * {@link org.netsim.examples.drones.DroneDeliveryWithNetwork}), its GUI with the model's and the network's
 * portrayals in one display ({@link org.netsim.examples.drones.DroneDeliveryWithUI}) and the headless runner
 * behind {@code netsim example drones} ({@link org.netsim.examples.drones.DronesExample}). docs/plugin.md walks
 * through it.
 */
package org.netsim.examples.drones;
