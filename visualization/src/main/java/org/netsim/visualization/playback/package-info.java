/**
 * Trace playback as a headless MASON model: seeks and steps through a recorded run.
 */
package org.netsim.visualization.playback;
