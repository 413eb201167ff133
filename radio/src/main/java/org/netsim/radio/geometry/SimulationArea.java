package org.netsim.radio.geometry;

import java.util.random.RandomGenerator;

/**
 * The area in which UEs move, with its boundary rule: either wrap-around (a point that leaves is mapped back by a
 * shift of the layout's periodic tiling, {@link HexagonalWrapAround}) or reflection at the border
 * ({@link PolygonArea}). Immutable; mobility models call it every step.
 */
public interface SimulationArea {

    /** @return whether {@code p} lies in the area (boundary included) */
    boolean contains(Position p);

    /** @return whether the area wraps around (has no reflecting border) */
    boolean wrapsAround();

    /**
     * Moves a point: from {@code step}'s start (inside the area) by its displacement, applying the boundary rule.
     * On return the step holds the end point, which is inside the area, and the direction map.
     *
     * @param step modified
     */
    void move(AreaStep step);

    /** @return a point uniformly distributed over the area, drawn from {@code rng} */
    Position uniformPoint(RandomGenerator rng);

    /**
     * @return the displacement from {@code from} to {@code to}: to - from, or under wrap-around the shortest one
     *         over the periodic images of {@code to}
     */
    Position displacement(Position from, Position to);

    /**
     * @return whether a UE can walk the straight path {@code from} + s {@link #displacement(Position, Position)},
     *         s in [0, 1], without leaving the area (always true under wrap-around)
     */
    boolean canTravelStraight(Position from, Position to);

    /** @return a point of the area mapped from {@code p}: p itself if inside, else its wrapped image or an error */
    Position mapInto(Position p);
}
