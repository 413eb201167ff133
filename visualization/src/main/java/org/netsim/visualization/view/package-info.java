/**
 * What a display shows, independent of Swing: the current frame of a live network or a playback, UE and cell status for inspectors, handover flashes.
 */
package org.netsim.visualization.view;
