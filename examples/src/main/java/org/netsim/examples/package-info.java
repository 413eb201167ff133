/**
 * Example hosts of the radio network: MASON models the project did not write the mobility of, with the network
 * attached as a plugin, headless and with a GUI ({@code netsim example NAME}); the guide is docs/plugin.md.
 */
package org.netsim.examples;
