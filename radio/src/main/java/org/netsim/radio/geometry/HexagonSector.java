package org.netsim.radio.geometry;

import java.util.random.RandomGenerator;

/**
 * One of {@code numSectors} equal angular sectors of a {@link Hexagon} seen from its centre: the points of the
 * hexagon whose direction from the centre lies within pi / numSectors of {@code centerAngleRad}. This is the
 * drop region of a sector cell of a sectorized site (the site at the hexagon's centre, the sector's antenna
 * boresight at {@code centerAngleRad}). Immutable.
 *
 * <p>For numSectors in {1, 2, 3, 6} the sector's area is exactly area(hexagon) / numSectors for every orientation,
 * because rotating by 2 pi / numSectors (a multiple of 60 degrees) maps the hexagon onto itself; other counts are
 * rejected. Uniform points are drawn by rejection from {@link Hexagon#uniformPoint(RandomGenerator)} (acceptance
 * 1 / numSectors).
 *
 * @param hexagon the site's hexagon
 * @param numSectors 1, 2, 3 or 6
 * @param centerAngleRad the sector's bisector (antenna boresight), radians counter-clockwise from +x
 */
public record HexagonSector(Hexagon hexagon, int numSectors, double centerAngleRad) implements Region {

    private static final int MAX_ATTEMPTS = 100_000;

    public HexagonSector {
        if (hexagon == null) {
            throw new IllegalArgumentException("hexagon: must not be null");
        }
        if (numSectors != 1 && numSectors != 2 && numSectors != 3 && numSectors != 6) {
            throw new IllegalArgumentException("numSectors: must be 1, 2, 3 or 6, got " + numSectors);
        }
        if (!Double.isFinite(centerAngleRad)) {
            throw new IllegalArgumentException("centerAngleRad: must be finite, got " + centerAngleRad);
        }
    }

    @Override
    public boolean contains(Position p) {
        if (!hexagon.contains(p)) {
            return false;
        }
        if (numSectors == 1 || p.equals(hexagon.center())) {
            return true;
        }
        double off = Math.IEEEremainder(p.angleFromRad(hexagon.center()) - centerAngleRad, 2 * Math.PI);
        return Math.abs(off) <= Math.PI / numSectors + 1e-12;
    }

    @Override
    public Position uniformPoint(RandomGenerator rng) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Position p = hexagon.uniformPoint(rng);
            if (contains(p)) {
                return p;
            }
        }
        throw new IllegalStateException("uniformPoint: no point accepted after " + MAX_ATTEMPTS + " attempts");
    }

    @Override
    public double areaM2() {
        return hexagon.areaM2() / numSectors;
    }
}
