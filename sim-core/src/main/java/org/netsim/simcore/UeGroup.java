package org.netsim.simcore;

import org.netsim.radio.layout.UeDrop;
import org.netsim.radio.mobility.MobilityModel;

/**
 * A group of UEs of the built-in host: how they are dropped, how they move, their antennas and streams (e.g.
 * "pedestrian": 3 per cell, random waypoint at 3-5 km/h; "vehicular": 1 per cell, random direction at 30-60 km/h).
 *
 * @param name the group's name, used in stream names ({@code drop/NAME})
 * @param drop the initial placement
 * @param mobility the mobility model
 * @param antennas N, receive antennas per UE
 * @param streams d &lt;= N, streams per UE
 */
public record UeGroup(String name, UeDrop drop, MobilityModel mobility, int antennas, int streams) {

    /** Validates the fields. */
    public UeGroup {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name: must not be blank");
        }
        if (drop == null || mobility == null) {
            throw new IllegalArgumentException(name + ": drop and mobility must be given");
        }
        if (antennas < 1) {
            throw new IllegalArgumentException(name + ".antennas: must be >= 1, got " + antennas);
        }
        if (streams < 1 || streams > antennas) {
            throw new IllegalArgumentException(name + ".streams: must be in 1.." + antennas + ", got " + streams);
        }
    }
}
