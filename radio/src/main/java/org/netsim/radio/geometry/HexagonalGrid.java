package org.netsim.radio.geometry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Sites of a hexagonal cellular layout: the centre site and its rings, in spiral order.
 *
 * <p>Cells are flat-topped regular hexagons of circumradius R = ISD / sqrt(3) (vertices at angles 0, 60, ..., 300
 * degrees from the site), so neighbouring sites lie at the inter-site distance ISD in the directions 30 + 60 j
 * degrees. This is the orientation of the 7-cell layout of "DeepFP: Deep-Unfolded Fractional Programming for Massive MIMO Beamforming" (Fig. 3) and
 * of "Learning to Optimize: Training Deep Neural Networks for Wireless Resource Management" (Fig. 5).
 *
 * <p>Ring n (n &gt;= 1) holds 6 n sites; full layouts have 1, 7, 19 or 37 sites (0 to 3 rings). Any count is
 * accepted: the first {@code numSites} sites of the spiral are returned (ring by ring, each ring starting at the
 * direction 270 degrees and walking counter-clockwise), so the first 3 sites form an equilateral triangle of side
 * ISD and partial layouts (e.g. the 3- and 20-cell IMAC of Sun et al., Table II) stay compact.
 */
public final class HexagonalGrid {

    private HexagonalGrid() {
    }

    /**
     * @param numSites number of sites, &gt;= 1
     * @param interSiteDistanceM ISD in metres, &gt; 0
     * @return the site positions in metres, centre site first at the origin; unmodifiable
     */
    public static List<Position> sites(int numSites, double interSiteDistanceM) {
        if (numSites < 1) {
            throw new IllegalArgumentException("numSites: must be >= 1, got " + numSites);
        }
        requirePositive(interSiteDistanceM, "interSiteDistanceM");
        List<Position> out = new ArrayList<>(numSites);
        out.add(Position.ORIGIN);
        Position[] step = new Position[6];
        for (int j = 0; j < 6; j++) {
            step[j] = Position.polar(interSiteDistanceM, Math.toRadians(30.0 + 60.0 * j));
        }
        for (int ring = 1; out.size() < numSites; ring++) {
            Position p = Position.polar(ring * interSiteDistanceM, Math.toRadians(270.0));
            for (int j = 0; j < 6 && out.size() < numSites; j++) {
                for (int s = 0; s < ring && out.size() < numSites; s++) {
                    out.add(p);
                    p = p.plus(step[j]);
                }
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** @return the number of sites of a full layout with {@code rings} rings around the centre: 1 + 3 n (n + 1) */
    public static int fullLayoutSize(int rings) {
        if (rings < 0) {
            throw new IllegalArgumentException("rings: must be >= 0, got " + rings);
        }
        return 1 + 3 * rings * (rings + 1);
    }

    /** @return the circumradius R = ISD / sqrt(3) of the cells of a grid with inter-site distance ISD (metres) */
    public static double cellCircumradiusM(double interSiteDistanceM) {
        requirePositive(interSiteDistanceM, "interSiteDistanceM");
        return interSiteDistanceM / Math.sqrt(3.0);
    }

    static void requirePositive(double v, String field) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(field + ": must be finite and > 0, got " + v);
        }
    }
}
