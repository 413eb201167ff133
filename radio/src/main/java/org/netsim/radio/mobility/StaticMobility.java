package org.netsim.radio.mobility;

import java.util.random.RandomGenerator;
import org.netsim.radio.geometry.Position;
import org.netsim.radio.geometry.SimulationArea;

/** UEs that never move (velocity 0, no Doppler): the snapshot scenarios of the seed papers. Stateless singleton. */
public final class StaticMobility implements MobilityModel {

    /** The instance. */
    public static final StaticMobility INSTANCE = new StaticMobility();

    private StaticMobility() {
    }

    @Override
    public String name() {
        return "static";
    }

    @Override
    public UeMotion start(Position initial, SimulationArea area, RandomGenerator rng) {
        return new UeMotion(initial, area, rng) {
            @Override
            protected void advance(double dtS) {
                // does not move
            }
        };
    }
}
