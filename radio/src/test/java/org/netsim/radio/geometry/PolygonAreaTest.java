package org.netsim.radio.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.netsim.radio.layout.HexagonalLayout;
import org.netsim.radio.random.RandomStreams;

class PolygonAreaTest {

    /** Metre-scale geometry in double precision; the hit nudge is 1e-9 of the area's extent. */
    private static final double EXACT_M = 1e-6;

    @Test
    void specularReflectionAtAWall() {
        PolygonArea box = PolygonArea.rectangle(0, 0, 10, 10);
        AreaStep s = new AreaStep().start(9, 5, 2, 1);
        box.move(s);
        // hits x = 10 at t = 1/2, then travels back 1 m in x and on 0.5 m in y
        assertEquals(9.0, s.xM(), EXACT_M);
        assertEquals(6.0, s.yM(), EXACT_M);
        assertTrue(s.hitBoundary());
        assertEquals(0.5, s.hitFraction(), 1e-9);
        assertEquals(-1.0, s.normalX(), 1e-12, "inward normal");
        assertEquals(-2.0, s.mapX(2, 1), 1e-12, "vx flips");
        assertEquals(1.0, s.mapY(2, 1), 1e-12, "vy kept");
    }

    @Test
    void cornerBounceReversesBothComponents() {
        PolygonArea box = PolygonArea.rectangle(0, 0, 10, 10);
        AreaStep s = new AreaStep().start(9, 9, 2, 2.5);
        box.move(s);
        assertTrue(box.contains(new Position(s.xM(), s.yM())));
        assertEquals(-2.0, s.mapX(2, 2.5), 1e-12);
        assertEquals(-2.5, s.mapY(2, 2.5), 1e-12);
        // the unfolded end point (11, 11.5) mirrored at x = 10 and y = 10
        assertEquals(9.0, s.xM(), EXACT_M);
        assertEquals(8.5, s.yM(), EXACT_M);
        assertEquals(0.4, s.hitFraction(), 1e-9, "y = 10 is hit first");
    }

    @Test
    void freeMoveInsideIsUnchanged() {
        PolygonArea tri = PolygonArea.ofRing(Layouts.equilateralTriangle(200));
        AreaStep s = new AreaStep().start(100, 50, 3, -2);
        tri.move(s);
        assertFalse(s.hitBoundary());
        assertTrue(s.mapIsIdentity());
        assertEquals(103, s.xM(), EXACT_M);
        assertEquals(48, s.yM(), EXACT_M);
        assertEquals(Math.sqrt(3) / 4 * 200 * 200, tri.areaM2(), 1e-6);
    }

    /** Long random walks with big steps stay inside the non-convex union of hexagons and keep their speed. */
    @Test
    void randomWalksStayInsideTheUnionOfHexagons() {
        double isd = 300;
        List<Position> sites = HexagonalGrid.sites(7, isd);
        PolygonArea union = PolygonArea.ofEdges(HexagonalLayout.unionBoundary(sites, isd));
        assertEquals(18, union.numEdges(), "7 hexagons: 42 edges, 24 of them shared by two cells, 18 on the border");
        assertEquals(7 * Math.sqrt(3) / 2 * isd * isd, union.areaM2(), 1e-6);
        RandomGenerator rng = new RandomStreams(41).stream("test/polygon/walk");
        AreaStep s = new AreaStep();
        for (int ue = 0; ue < 50; ue++) {
            Position p = union.uniformPoint(rng);
            double x = p.xM();
            double y = p.yM();
            double phi = 2 * Math.PI * rng.nextDouble();
            double vx = 40 * Math.cos(phi);
            double vy = 40 * Math.sin(phi);
            for (int t = 0; t < 2000; t++) {
                s.start(x, y, vx, vy);
                union.move(s);
                double nvx = s.mapX(vx, vy);
                double nvy = s.mapY(vx, vy);
                assertEquals(40.0, Math.hypot(nvx, nvy), 1e-9, "reflections keep the speed");
                vx = nvx;
                vy = nvy;
                x = s.xM();
                y = s.yM();
                assertTrue(union.contains(new Position(x, y)), "ue " + ue + " step " + t + " at " + x + ", " + y);
            }
        }
    }

    /**
     * Two points 120 m outwards of neighbouring ring sites (ISD 300 m, inradius 150 m) are inside, but the segment
     * between them passes the concave notch of the 7-cell union (its midpoint is 364 m from the centre, the notch
     * vertex 2 R = 346 m): no straight path. Each of them reaches the centre straight.
     */
    @Test
    void straightPathsThroughNotchesAreDetected() {
        double isd = 300;
        List<Position> sites = HexagonalGrid.sites(7, isd);
        PolygonArea union = PolygonArea.ofEdges(HexagonalLayout.unionBoundary(sites, isd));
        Position a = sites.get(1).plus(Position.polar(120, sites.get(1).angleFromRad(Position.ORIGIN)));
        Position b = sites.get(2).plus(Position.polar(120, sites.get(2).angleFromRad(Position.ORIGIN)));
        assertEquals(isd, sites.get(1).distanceM(sites.get(2)), EXACT_M, "neighbouring ring sites");
        assertTrue(union.contains(a) && union.contains(b));
        assertFalse(union.contains(new Position((a.xM() + b.xM()) / 2, (a.yM() + b.yM()) / 2)));
        assertFalse(union.canTravelStraight(a, b));
        assertFalse(union.canTravelStraight(b, a));
        assertTrue(union.canTravelStraight(a, Position.ORIGIN));
        assertTrue(union.canTravelStraight(Position.ORIGIN, b));
        Position outside = sites.get(1).plus(sites.get(1));
        assertFalse(union.contains(outside));
        assertThrows(IllegalArgumentException.class, () -> union.mapInto(outside));
    }
}
