/**
 * Time-evolving scenarios: the YAML schema of docs/scenarios.md validated into a {@link org.netsim.scenarios.sim.SimulationScenario} (network models, UE groups, precoder), and the built-in catalogue ({@link org.netsim.scenarios.sim.SimulationCatalog}).
 */
package org.netsim.scenarios.sim;
