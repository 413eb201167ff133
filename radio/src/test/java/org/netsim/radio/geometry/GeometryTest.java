package org.netsim.radio.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.netsim.radio.random.RandomStreams;

class GeometryTest {

    /** Geometry is computed in double precision from metre-scale inputs: 1e-9 m is exact for our purposes. */
    private static final double EXACT_M = 1e-9;

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 19, 37})
    void fullHexagonalLayoutsHaveTheRightRings(int numSites) {
        double isd = 800.0;
        List<Position> sites = HexagonalGrid.sites(numSites, isd);
        assertEquals(numSites, sites.size());
        double cx = 0;
        double cy = 0;
        for (Position p : sites) {
            cx += p.xM();
            cy += p.yM();
        }
        assertEquals(0.0, cx, 1e-6, "full layouts are centred");
        assertEquals(0.0, cy, 1e-6);
        int rings = numSites == 1 ? 0 : numSites == 7 ? 1 : numSites == 19 ? 2 : 3;
        assertEquals(numSites, HexagonalGrid.fullLayoutSize(rings));
        for (int a = 0; a < numSites; a++) {
            int neighbours = 0;
            for (int b = 0; b < numSites; b++) {
                if (a == b) {
                    continue;
                }
                double d = sites.get(a).distanceM(sites.get(b));
                assertTrue(d > isd - EXACT_M, "sites " + a + ", " + b + " closer than the ISD: " + d);
                if (Math.abs(d - isd) < EXACT_M) {
                    neighbours++;
                }
            }
            if (a == 0 && numSites > 1) {
                assertEquals(6, neighbours, "the centre has 6 neighbours");
            }
            assertTrue(sites.get(a).distanceM(Position.ORIGIN) <= rings * isd + EXACT_M, "site " + a);
        }
        // ring 1 sites are all at the ISD from the centre, ring 2 at sqrt(3) ISD or 2 ISD
        for (int a = 1; a < Math.min(numSites, 7); a++) {
            assertEquals(isd, sites.get(a).distanceM(Position.ORIGIN), EXACT_M);
        }
        for (int a = 7; a < Math.min(numSites, 19); a++) {
            double d = sites.get(a).distanceM(Position.ORIGIN);
            assertTrue(Math.abs(d - 2 * isd) < EXACT_M || Math.abs(d - Math.sqrt(3) * isd) < EXACT_M, "d = " + d);
        }
    }

    @Test
    void firstThreeSitesFormAnEquilateralTriangle() {
        List<Position> s = HexagonalGrid.sites(3, 200.0);
        assertEquals(200.0, s.get(0).distanceM(s.get(1)), EXACT_M);
        assertEquals(200.0, s.get(1).distanceM(s.get(2)), EXACT_M);
        assertEquals(200.0, s.get(0).distanceM(s.get(2)), EXACT_M);
    }

    @Test
    void neighbouringCellsShareAnEdgeAndDoNotOverlap() {
        double isd = 300.0;
        double r = HexagonalGrid.cellCircumradiusM(isd);
        List<Position> sites = HexagonalGrid.sites(7, isd);
        Hexagon centre = new Hexagon(sites.get(0), r);
        for (int k = 1; k < 7; k++) {
            Position mid = new Position(sites.get(k).xM() / 2, sites.get(k).yM() / 2);
            assertTrue(centre.contains(mid), "edge midpoint towards site " + k + " is on the boundary");
            assertTrue(new Hexagon(sites.get(k), r).contains(mid));
            Position beyond = new Position(sites.get(k).xM() * 0.51, sites.get(k).yM() * 0.51);
            assertFalse(centre.contains(beyond));
        }
    }

    @Test
    void pointInHexagon() {
        Hexagon h = new Hexagon(new Position(10, -5), 100.0);
        assertTrue(h.contains(new Position(10 + 99.9, -5)), "near the vertex at 0 degrees");
        assertFalse(h.contains(new Position(10, -5 + 90)), "beyond the flat top (inradius 86.6 m)");
        assertTrue(h.contains(new Position(10, -5 + 86)));
        assertFalse(h.contains(new Position(10 + 80, -5 + 80)));
    }

    /**
     * Drops lie in their hexagon, beyond the minimum distance, and are uniform: the fraction inside the disc of
     * radius rho equals pi (rho^2 - d_min^2) / (area - pi d_min^2). Binomial standard error sqrt(q (1 - q) / n);
     * tolerance 5 standard errors.
     */
    @Test
    void uniformDropInHexagonWithMinimumDistance() {
        RandomGenerator rng = new RandomStreams(21).stream("test/hexdrop");
        Hexagon h = new Hexagon(new Position(500, 300), 461.88);
        double minD = 173.2;
        double rho = 300.0;
        int n = 40_000;
        int inside = 0;
        for (int t = 0; t < n; t++) {
            Position p = h.uniformPoint(rng, minD);
            assertTrue(h.contains(p));
            double d = p.distanceM(h.center());
            assertTrue(d >= minD);
            if (d < rho) {
                inside++;
            }
        }
        double area = 1.5 * Math.sqrt(3) * h.circumradiusM() * h.circumradiusM();
        double q = Math.PI * (rho * rho - minD * minD) / (area - Math.PI * minD * minD);
        assertEquals(q, (double) inside / n, 5 * Math.sqrt(q * (1 - q) / n));
    }

    /**
     * Annulus-sector drops: inside the sector, and uniform by area, so E[r^2] = (r_in^2 + r_out^2) / 2 and the
     * angle is uniform (mean at the bisector). r^2 is uniform on [r_in^2, r_out^2]: SE of its mean
     * (r_out^2 - r_in^2) / sqrt(12 n); tolerance 5 SE.
     */
    @Test
    void annulusSectorDrop() {
        RandomGenerator rng = new RandomStreams(22).stream("test/sector");
        AnnulusSector s = Layouts.triangleSector(200.0, 1, 10.0);
        assertEquals(200.0 / Math.sqrt(3), s.outerRadiusM(), EXACT_M);
        int n = 40_000;
        double sumR2 = 0;
        double sumAngle = 0;
        for (int t = 0; t < n; t++) {
            Position p = s.uniformPoint(rng);
            assertTrue(s.contains(p));
            sumR2 += Math.pow(p.distanceM(s.center()), 2);
            sumAngle += p.angleFromRad(s.center());
        }
        double a = 100.0;
        double b = s.outerRadiusM() * s.outerRadiusM();
        assertEquals((a + b) / 2, sumR2 / n, 5 * (b - a) / Math.sqrt(12.0 * n));
        // site 1 of the triangle: sector from 120 to 180 degrees, bisector 150 degrees; SE (pi/3)/sqrt(12 n)
        assertEquals(Math.toRadians(150), sumAngle / n, 5 * (Math.PI / 3) / Math.sqrt(12.0 * n));
    }

    @Test
    void triangleSectorsFaceTheOtherSites() {
        List<Position> bs = Layouts.equilateralTriangle(200.0);
        for (int k = 0; k < 3; k++) {
            AnnulusSector s = Layouts.triangleSector(200.0, k, 10.0);
            Position centroid = new Position(100.0, 100.0 / Math.sqrt(3));
            assertTrue(s.contains(centroid), "the centroid is the far corner of every sector");
            for (int j = 0; j < 3; j++) {
                if (j != k) {
                    Position towards = bs.get(k).plus(Position.polar(50.0, bs.get(j).angleFromRad(bs.get(k))));
                    assertTrue(s.contains(towards), "the edge towards site " + j + " bounds sector " + k);
                }
            }
            Position away = bs.get(k).plus(Position.polar(50.0, centroid.angleFromRad(bs.get(k)) + Math.PI));
            assertFalse(s.contains(away));
        }
    }

    @Test
    void invalidArguments() {
        assertThrows(IllegalArgumentException.class, () -> HexagonalGrid.sites(0, 100));
        assertThrows(IllegalArgumentException.class, () -> HexagonalGrid.sites(7, -1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Hexagon(Position.ORIGIN, 100).uniformPoint(new RandomStreams(1).stream("x"), 90));
        assertTrue(e.getMessage().startsWith("minDistanceM"));
        assertThrows(IllegalArgumentException.class, () -> new AnnulusSector(Position.ORIGIN, 5, 5, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new Position(Double.NaN, 0));
    }
}
