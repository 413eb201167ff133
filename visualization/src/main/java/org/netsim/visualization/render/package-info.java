/**
 * Headless rendering of network frames to PNG and GIF: the painter shared with the MASON portrayal, colour scales.
 */
package org.netsim.visualization.render;
