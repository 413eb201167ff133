package org.netsim.radio.geometry;

import java.util.random.RandomGenerator;

/**
 * A closed disc of radius r around a centre, e.g. a hotspot. A uniform point is drawn by inverse transform: with
 * u1, u2 ~ U(0, 1) (u1 first), radius r sqrt(u1) and angle 2 pi u2. Immutable.
 *
 * @param center the centre in metres
 * @param radiusM the radius in metres, finite and &gt; 0
 */
public record Disc(Position center, double radiusM) implements Region {

    /** Validates the components. */
    public Disc {
        if (center == null) {
            throw new IllegalArgumentException("center: must not be null");
        }
        HexagonalGrid.requirePositive(radiusM, "radiusM");
    }

    @Override
    public boolean contains(Position p) {
        return p.distanceM(center) <= radiusM * (1 + 1e-12);
    }

    @Override
    public Position uniformPoint(RandomGenerator rng) {
        double r = radiusM * Math.sqrt(rng.nextDouble());
        double phi = 2 * Math.PI * rng.nextDouble();
        return center.plus(Position.polar(r, phi));
    }

    @Override
    public double areaM2() {
        return Math.PI * radiusM * radiusM;
    }
}
