package org.netsim.simcore;

import org.netsim.radio.geometry.Position;
import org.netsim.radio.mobility.UeMotion;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * A UE agent of the built-in host {@link NetworkSimulation}: a MASON {@link Steppable} that advances its mobility
 * state ({@link UeMotion}, the radio module's models with the UE's own random stream) by one slot per step, and a
 * {@link Terminal} the network reads. Its inspectable properties (position, speed, travelled distance) follow
 * MASON's getter convention.
 */
public final class MobileUe implements Steppable, Terminal {

    private static final long serialVersionUID = 1L;

    private final int groupIndex;
    private final String group;
    private final transient UeMotion motion;
    private final double slotDurationS;

    /**
     * @param group the UE group's name (e.g. "pedestrian")
     * @param groupIndex the group's index in the scenario
     * @param motion the UE's mobility state
     * @param slotDurationS the step length in seconds
     */
    public MobileUe(String group, int groupIndex, UeMotion motion, double slotDurationS) {
        this.group = group;
        this.groupIndex = groupIndex;
        this.motion = motion;
        this.slotDurationS = slotDurationS;
    }

    @Override
    public void step(SimState state) {
        motion.step(slotDurationS);
    }

    @Override
    public Position position() {
        return motion.position();
    }

    @Override
    public double speedMps() {
        return motion.speedMps();
    }

    @Override
    public double travelledDistanceM() {
        return motion.travelledDistanceM();
    }

    /** @return the UE group's name */
    public String getGroup() {
        return group;
    }

    /** @return the UE group's index */
    public int groupIndex() {
        return groupIndex;
    }

    /** @return x in metres (MASON inspector) */
    public double getXM() {
        return motion.xM();
    }

    /** @return y in metres (MASON inspector) */
    public double getYM() {
        return motion.yM();
    }

    /** @return speed in km/h (MASON inspector) */
    public double getSpeedKmh() {
        return motion.speedMps() * 3.6;
    }
}
