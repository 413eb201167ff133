package org.netsim.radio.geometry;

import java.util.random.RandomGenerator;

/** A bounded region of the deployment plane from which UEs are dropped (a cell, a hotspot). Immutable. */
public interface Region {

    /** @return whether {@code p} lies in the region (boundary included) */
    boolean contains(Position p);

    /** @return a point uniformly distributed (by area) over the region, drawn from {@code rng} */
    Position uniformPoint(RandomGenerator rng);

    /** @return the area in square metres */
    double areaM2();
}
