package org.netsim.radio.mobility;

import java.util.random.RandomGenerator;
import org.netsim.radio.geometry.Position;
import org.netsim.radio.geometry.SimulationArea;

/**
 * A UE mobility model (Camp, Boleng and Davies, "A Survey of Mobility Models for Ad Hoc Network Research", 2002):
 * immutable configuration that creates one explicit {@link UeMotion} state per UE. Speeds are configured in km/h
 * and converted once to m/s; all internal quantities are SI. The boundary rule is the area's: wrap-around
 * (positions mapped back, velocity unchanged; Camp et al.'s "boundless simulation area", Sec. 2.4, on the hexagonal
 * torus of the layout) or specular reflection at the border (velocity mirrored).
 */
public interface MobilityModel {

    /** @return the model's registry name */
    String name();

    /**
     * @param initial the UE's initial position, inside {@code area}
     * @param area the simulation area and its boundary rule
     * @param rng the UE's mobility stream (e.g. {@code "mobility/ue/12"}); the state keeps it and draws only from it
     * @return the UE's state at time 0 (initial velocity drawn)
     */
    UeMotion start(Position initial, SimulationArea area, RandomGenerator rng);
}
