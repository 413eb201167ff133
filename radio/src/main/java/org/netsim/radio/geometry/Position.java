package org.netsim.radio.geometry;

/**
 * A point of the 2-D deployment plane, coordinates in metres. Immutable.
 *
 * @param xM x coordinate in metres
 * @param yM y coordinate in metres
 */
public record Position(double xM, double yM) {

    /** The origin (0 m, 0 m). */
    public static final Position ORIGIN = new Position(0.0, 0.0);

    public Position {
        if (!Double.isFinite(xM)) {
            throw new IllegalArgumentException("xM: must be finite, got " + xM);
        }
        if (!Double.isFinite(yM)) {
            throw new IllegalArgumentException("yM: must be finite, got " + yM);
        }
    }

    /** @return the point at distance {@code radiusM} and angle {@code angleRad} (counter-clockwise from +x) */
    public static Position polar(double radiusM, double angleRad) {
        return new Position(radiusM * Math.cos(angleRad), radiusM * Math.sin(angleRad));
    }

    /** @return the Euclidean distance to {@code other} in metres */
    public double distanceM(Position other) {
        return Math.hypot(xM - other.xM, yM - other.yM);
    }

    /** @return this point translated by {@code offset} */
    public Position plus(Position offset) {
        return new Position(xM + offset.xM, yM + offset.yM);
    }

    /** @return the vector from {@code origin} to this point */
    public Position minus(Position origin) {
        return new Position(xM - origin.xM, yM - origin.yM);
    }

    /** @return the angle of this point seen from {@code origin}, in radians in (-pi, pi] */
    public double angleFromRad(Position origin) {
        return Math.atan2(yM - origin.yM, xM - origin.xM);
    }
}
