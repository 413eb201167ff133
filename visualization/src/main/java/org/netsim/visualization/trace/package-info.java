/**
 * The playback trace format: header (the network) and one record per recorded slot; writer (a slot listener) and reader.
 */
package org.netsim.visualization.trace;
