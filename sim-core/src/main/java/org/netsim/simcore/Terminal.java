package org.netsim.simcore;

import org.netsim.radio.geometry.Position;

/**
 * A UE as the host model sees it: the plugin reads its position and speed once per slot (DESIGN.md "A plugin
 * first"). Host agents (vehicles, pedestrians, drones of any MASON model) implement it; the built-in
 * {@link NetworkSimulation} implements it with the radio module's mobility models.
 */
public interface Terminal {

    /** @return the current position in metres, inside the network's area */
    Position position();

    /** @return the current speed in m/s (drives the Doppler spread of the UE's fading) */
    double speedMps();

    /**
     * @return the path length travelled since the start, in metres (drives the decorrelation of shadowing), or
     *     NaN if the host does not track it; the network then uses the straight distance between consecutive
     *     positions, which is exact for steps shorter than a turn and a border crossing
     */
    default double travelledDistanceM() {
        return Double.NaN;
    }
}
