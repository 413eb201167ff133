/**
 * MASON GUIStates and portrayals: the live network ({@link org.netsim.visualization.display.NetworkWithUI}), trace playback, and the network's field portrayal ({@link org.netsim.visualization.display.NetworkPortrayal}) and legend, which a host model's own GUI can add as layers of its display.
 */
package org.netsim.visualization.display;
