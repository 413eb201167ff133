package org.netsim.radio.geometry;

import java.util.List;

/** Small fixed BS layouts of the benchmark scenarios, in metres. */
public final class Layouts {

    private Layouts() {
    }

    /**
     * Three sites on the corners of an equilateral triangle of side {@code sideM}: (0, 0), (d, 0) and
     * (d/2, sqrt(3)/2 d), as in the base scenario of "Coordinated Sum-Rate Maximization in Multicell MU-MIMO with
     * Deep Unrolling" (Section IV, Table II, d_BS = 200 m).
     */
    public static List<Position> equilateralTriangle(double sideM) {
        HexagonalGrid.requirePositive(sideM, "sideM");
        return List.of(Position.ORIGIN, new Position(sideM, 0.0), new Position(sideM / 2, Math.sqrt(3.0) / 2 * sideM));
    }

    /** Two sites {@code distanceM} apart: (0, 0) and (d, 0). */
    public static List<Position> twoSites(double distanceM) {
        HexagonalGrid.requirePositive(distanceM, "distanceM");
        return List.of(Position.ORIGIN, new Position(distanceM, 0.0));
    }

    /**
     * The 60-degree sector of radius d / sqrt(3) at corner {@code site} of {@link #equilateralTriangle(double)},
     * spanned by the two triangle edges leaving that corner (so it faces the other two sites), minus the disc of
     * radius {@code minDistanceM}: the UE region of the GCN-WMMSE base scenario. The sector of corner k starts at
     * angle 2 pi k / 3.
     */
    public static AnnulusSector triangleSector(double sideM, int site, double minDistanceM) {
        if (site < 0 || site > 2) {
            throw new IllegalArgumentException("site: must be 0, 1 or 2, got " + site);
        }
        Position c = equilateralTriangle(sideM).get(site);
        return new AnnulusSector(c, minDistanceM, sideM / Math.sqrt(3.0), 2 * Math.PI * site / 3, Math.PI / 3);
    }
}
