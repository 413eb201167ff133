/**
 * Path-loss laws by name: log-distance presets (3GPP macro and pico, the papers' settings), free space, with an optional minimum coupling loss.
 */
package org.netsim.radio.pathloss;
