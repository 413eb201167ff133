/**
 * Snapshot scenarios: seeded generators of independent channel samples ({@link org.netsim.precoding.Problem}s) for the papers' benchmark setups, by name ({@link org.netsim.scenarios.snapshot.SnapshotCatalog}).
 */
package org.netsim.scenarios.snapshot;
