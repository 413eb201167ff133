package org.netsim.radio.geometry;

import java.util.random.RandomGenerator;

/**
 * A sector of an annulus around a centre: radii in [innerRadiusM, outerRadiusM], angles in
 * [startAngleRad, startAngleRad + widthRad] (counter-clockwise from +x). Immutable.
 *
 * <p>A uniform point (uniform by area) is drawn by inverse transform: with u1, u2 ~ U(0, 1) (u1 drawn first),
 * r = sqrt(r_in^2 + u1 (r_out^2 - r_in^2)) and phi = start + u2 width. With width 2 pi this is the uniform drop in a
 * full annulus (e.g. UEs 0.1-0.3 km from their BS in "A Learning-only Method for Multi-Cell
 * Multi-User MIMO Sum Rate Maximization", Section VI-A).
 *
 * @param center the apex in metres
 * @param innerRadiusM r_in &gt;= 0 in metres
 * @param outerRadiusM r_out &gt; r_in in metres
 * @param startAngleRad first edge of the sector in radians
 * @param widthRad opening angle in (0, 2 pi] radians
 */
public record AnnulusSector(Position center, double innerRadiusM, double outerRadiusM, double startAngleRad,
        double widthRad) implements Region {

    /** Validates the components. */
    public AnnulusSector {
        if (center == null) {
            throw new IllegalArgumentException("center: must not be null");
        }
        if (!(innerRadiusM >= 0) || Double.isInfinite(innerRadiusM)) {
            throw new IllegalArgumentException("innerRadiusM: must be finite and >= 0, got " + innerRadiusM);
        }
        if (!(outerRadiusM > innerRadiusM) || Double.isInfinite(outerRadiusM)) {
            throw new IllegalArgumentException("outerRadiusM: must be finite and > innerRadiusM = " + innerRadiusM
                    + ", got " + outerRadiusM);
        }
        if (!Double.isFinite(startAngleRad)) {
            throw new IllegalArgumentException("startAngleRad: must be finite, got " + startAngleRad);
        }
        if (!(widthRad > 0) || widthRad > 2 * Math.PI + 1e-12) {
            throw new IllegalArgumentException("widthRad: must be in (0, 2 pi], got " + widthRad);
        }
    }

    /** A full annulus around {@code center}. */
    public static AnnulusSector annulus(Position center, double innerRadiusM, double outerRadiusM) {
        return new AnnulusSector(center, innerRadiusM, outerRadiusM, 0.0, 2 * Math.PI);
    }

    /** @return the area width / 2 (r_out^2 - r_in^2) in square metres */
    @Override
    public double areaM2() {
        return widthRad / 2 * (outerRadiusM * outerRadiusM - innerRadiusM * innerRadiusM);
    }

    /** @return a point uniformly distributed (by area) over the sector */
    @Override
    public Position uniformPoint(RandomGenerator rng) {
        double u1 = rng.nextDouble();
        double u2 = rng.nextDouble();
        double rIn2 = innerRadiusM * innerRadiusM;
        double r = Math.sqrt(rIn2 + u1 * (outerRadiusM * outerRadiusM - rIn2));
        double phi = startAngleRad + u2 * widthRad;
        return center.plus(Position.polar(r, phi));
    }

    /** @return whether {@code p} lies in the sector (boundaries included, 1e-9 relative slack) */
    @Override
    public boolean contains(Position p) {
        double r = p.distanceM(center);
        double eps = 1e-9 * outerRadiusM;
        if (r < innerRadiusM - eps || r > outerRadiusM + eps) {
            return false;
        }
        if (widthRad >= 2 * Math.PI) {
            return true;
        }
        double rel = Math.IEEEremainder(p.angleFromRad(center) - startAngleRad - widthRad / 2, 2 * Math.PI);
        return Math.abs(rel) <= widthRad / 2 + 1e-9;
    }
}
