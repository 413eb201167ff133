package org.netsim.radio.geometry;

import java.util.random.RandomGenerator;

/**
 * A flat-topped regular hexagonal cell: centre c, circumradius R (metres), vertices at c + R (cos 60 j, sin 60 j)
 * degrees, inradius sqrt(3)/2 R, area 3 sqrt(3)/2 R^2 (the cell of {@link HexagonalGrid}). Immutable.
 *
 * @param center the centre (the site) in metres
 * @param circumradiusM R in metres, &gt; 0
 */
public record Hexagon(Position center, double circumradiusM) implements Region {

    /**
     * Attempts before the rejection sampler gives up. The acceptance probability is at least 7% for every allowed
     * minimum distance (hexagon minus the inscribed disc, 0.242 R^2, over the 3.46 R^2 bounding box).
     */
    private static final int MAX_ATTEMPTS = 1_000_000;

    /** Validates the components. */
    public Hexagon {
        if (center == null) {
            throw new IllegalArgumentException("center: must not be null");
        }
        HexagonalGrid.requirePositive(circumradiusM, "circumradiusM");
    }

    /** @return the area 3 sqrt(3) / 2 R^2 in square metres */
    @Override
    public double areaM2() {
        return 1.5 * Math.sqrt(3.0) * circumradiusM * circumradiusM;
    }

    /** A uniform point of the whole hexagon: {@link #uniformPoint(RandomGenerator, double)} with distance 0. */
    @Override
    public Position uniformPoint(RandomGenerator rng) {
        return uniformPoint(rng, 0.0);
    }

    /** @return the inradius sqrt(3)/2 R in metres (half the inter-site distance) */
    public double inradiusM() {
        return Math.sqrt(3.0) / 2.0 * circumradiusM;
    }

    /**
     * Point-in-hexagon test: with (x, y) = p - c, p is inside (boundary included) iff |y| &lt;= sqrt(3)/2 R and
     * sqrt(3) |x| + |y| &lt;= sqrt(3) R.
     */
    @Override
    public boolean contains(Position p) {
        double x = Math.abs(p.xM() - center.xM());
        double y = Math.abs(p.yM() - center.yM());
        double s3 = Math.sqrt(3.0);
        double eps = 1e-9 * circumradiusM;
        return y <= s3 / 2.0 * circumradiusM + eps && s3 * x + y <= s3 * circumradiusM + eps;
    }

    /**
     * A point uniformly distributed over the hexagon minus the open disc of radius {@code minDistanceM} around the
     * centre (rejection sampling from the bounding box [-R, R] x [-sqrt(3)/2 R, sqrt(3)/2 R]; two uniform draws per
     * attempt, x first).
     *
     * @param rng the component's random stream
     * @param minDistanceM minimum distance to the centre in metres, in [0, inradius)
     */
    public Position uniformPoint(RandomGenerator rng, double minDistanceM) {
        if (!(minDistanceM >= 0) || minDistanceM >= inradiusM()) {
            throw new IllegalArgumentException("minDistanceM: must be in [0, " + inradiusM() + ") m, got "
                    + minDistanceM);
        }
        double halfHeight = inradiusM();
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            double x = (2.0 * rng.nextDouble() - 1.0) * circumradiusM;
            double y = (2.0 * rng.nextDouble() - 1.0) * halfHeight;
            Position p = new Position(center.xM() + x, center.yM() + y);
            if (contains(p) && Math.hypot(x, y) >= minDistanceM && Math.hypot(x, y) > 0) {
                return p;
            }
        }
        throw new IllegalStateException("uniformPoint: no point accepted after " + MAX_ATTEMPTS + " attempts");
    }
}
