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

class WrapAroundTest {

    /** Metre-scale geometry in double precision: 1e-6 m is exact for our purposes (values up to ~1e4 m). */
    private static final double EXACT_M = 1e-6;

    private static final double ISD = 500.0;

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3})
    void shiftVectorsHaveLengthSqrtNTimesIsdAndAreSixtyDegreesApart(int rings) {
        HexagonalWrapAround w = new HexagonalWrapAround(rings, ISD);
        int n = HexagonalGrid.fullLayoutSize(rings);
        List<Position> shifts = w.shiftVectors();
        assertEquals(6, shifts.size());
        for (Position s : shifts) {
            assertEquals(Math.sqrt(n) * ISD, s.distanceM(Position.ORIGIN), EXACT_M);
        }
        for (int a = 0; a < 6; a++) {
            double minAngle = Double.POSITIVE_INFINITY;
            for (int b = 0; b < 6; b++) {
                if (a != b) {
                    double d = Math.abs(Math.IEEEremainder(shifts.get(a).angleFromRad(Position.ORIGIN)
                            - shifts.get(b).angleFromRad(Position.ORIGIN), 2 * Math.PI));
                    minAngle = Math.min(minAngle, d);
                }
            }
            assertEquals(Math.PI / 3, minAngle, 1e-12, "shift " + a);
        }
    }

    /**
     * The cluster tiles the site lattice: every lattice point of a large window maps to a cluster site, points one
     * shift apart map to the same site, and no cluster site is a shift of another (so each lattice point has
     * exactly one representative: the quotient has N classes and all N sites are reached).
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3})
    void clusterTilesTheSiteLattice(int rings) {
        HexagonalWrapAround w = new HexagonalWrapAround(rings, ISD);
        List<Position> sites = w.sites();
        double c30 = Math.sqrt(3) / 2;
        int span = 3 * (2 * rings + 1);
        int[] hits = new int[sites.size()];
        for (int i = -span; i <= span; i++) {
            for (int j = -span; j <= span; j++) {
                Position q = new Position(i * ISD * c30, (i / 2.0 + j) * ISD);
                Position m = w.mapInto(q);
                int s = indexOf(sites, m);
                assertTrue(s >= 0, "lattice point (" + i + ", " + j + ") maps to " + m + ", not a site");
                hits[s]++;
                for (Position l : w.shiftVectors()) {
                    assertEquals(s, indexOf(sites, w.mapInto(q.plus(l))), "shifted lattice point (" + i + ", " + j + ")");
                }
            }
        }
        for (int s = 0; s < sites.size(); s++) {
            assertTrue(hits[s] > 0, "site " + s + " is reached");
            for (Position l : w.shiftVectors()) {
                assertEquals(-1, indexOf(sites, sites.get(s).plus(l)), "a shifted site is not a cluster site");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3})
    void mappedPointsAreInsideAndShiftInvariant(int rings) {
        HexagonalWrapAround w = new HexagonalWrapAround(rings, ISD);
        RandomGenerator rng = new RandomStreams(31).stream("test/wrap/map");
        double far = 4 * (rings + 1) * ISD;
        for (int t = 0; t < 2000; t++) {
            Position p = new Position((2 * rng.nextDouble() - 1) * far, (2 * rng.nextDouble() - 1) * far);
            Position m = w.mapInto(p);
            assertTrue(w.contains(m), "mapInto(" + p + ") = " + m + " is inside");
            Position shift = m.minus(p);
            assertTrue(isSuperLatticeVector(w, shift), "p - mapInto(p) is a super-lattice vector");
            Position inside = w.uniformPoint(rng);
            assertEquals(inside, w.mapInto(inside), "points inside are fixed");
            for (Position l : w.shiftVectors()) {
                Position mm = w.mapInto(inside.plus(l));
                assertEquals(0.0, mm.distanceM(inside), EXACT_M, "mapInto(inside + shift) = inside");
            }
        }
    }

    /**
     * The 7-image distance is symmetric and equals the minimum over a much larger set of images (all super-lattice
     * vectors m1 B1 + m2 B2 with |m1|, |m2| &lt;= 3), for points anywhere in the area.
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3})
    void wrappedDistanceIsSymmetricAndTheTrueMinimumImage(int rings) {
        HexagonalWrapAround w = new HexagonalWrapAround(rings, ISD);
        RandomGenerator rng = new RandomStreams(32).stream("test/wrap/dist");
        Position b1 = w.shiftVectors().get(0);
        Position b2 = w.shiftVectors().get(2);
        for (int t = 0; t < 3000; t++) {
            Position a = w.uniformPoint(rng);
            Position b = t % 3 == 0 ? w.sites().get(rng.nextInt(w.sites().size())) : w.uniformPoint(rng);
            double dab = w.distanceM(a, b);
            assertEquals(dab, w.distanceM(b, a), EXACT_M, "symmetry");
            double brute = Double.POSITIVE_INFINITY;
            for (int m1 = -3; m1 <= 3; m1++) {
                for (int m2 = -3; m2 <= 3; m2++) {
                    Position img = new Position(b.xM() + m1 * b1.xM() + m2 * b2.xM(),
                            b.yM() + m1 * b1.yM() + m2 * b2.yM());
                    brute = Math.min(brute, a.distanceM(img));
                }
            }
            assertEquals(brute, dab, EXACT_M, "7 images give the minimum image");
            assertEquals(dab, w.nearestImage(b, a).distanceM(a), EXACT_M);
            Position disp = w.displacement(a, b);
            assertEquals(dab, disp.distanceM(Position.ORIGIN), EXACT_M);
            assertTrue(dab <= a.distanceM(b) + EXACT_M);
        }
    }

    /** Every BS of a wrapped 7-, 19- or 37-site layout has exactly 6 other sites at the ISD and none closer. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void everySiteSeesAFullRingOfSixAtTheIsd(int rings) {
        HexagonalWrapAround w = new HexagonalWrapAround(rings, ISD);
        List<Position> sites = w.sites();
        for (int s = 0; s < sites.size(); s++) {
            int ring = 0;
            for (int t = 0; t < sites.size(); t++) {
                if (t == s) {
                    continue;
                }
                double d = w.distanceM(sites.get(s), sites.get(t));
                assertTrue(d > ISD - EXACT_M, "site " + t + " closer than the ISD to " + s + ": " + d);
                if (Math.abs(d - ISD) < EXACT_M) {
                    ring++;
                }
            }
            assertEquals(6, ring, "site " + s + " sees 6 neighbours at the ISD");
        }
    }

    @Test
    void singleSiteSeesItsOwnSixImagesAtTheIsd() {
        HexagonalWrapAround w = new HexagonalWrapAround(0, ISD);
        for (Position l : w.shiftVectors()) {
            assertEquals(ISD, l.distanceM(Position.ORIGIN), EXACT_M);
        }
    }

    @Test
    void uniformPointsCoverTheAreaEvenly() {
        // each of the 7 hexagons holds 1/7 of the points; binomial SE sqrt(p (1 - p) / n), 5 SE
        HexagonalWrapAround w = new HexagonalWrapAround(1, ISD);
        RandomGenerator rng = new RandomStreams(33).stream("test/wrap/uniform");
        int n = 35_000;
        int[] count = new int[7];
        for (int t = 0; t < n; t++) {
            count[w.siteIndexOf(w.uniformPoint(rng))]++;
        }
        double p = 1.0 / 7;
        for (int s = 0; s < 7; s++) {
            assertEquals(p, (double) count[s] / n, 5 * Math.sqrt(p * (1 - p) / n), "site " + s);
        }
        assertEquals(7 * Math.sqrt(3) / 2 * ISD * ISD, w.areaM2(), 1e-6);
    }

    @Test
    void moveAcrossTheSeamWrapsAndKeepsDirection() {
        HexagonalWrapAround w = new HexagonalWrapAround(1, ISD);
        // from just inside the right edge of site 6's hexagon region, walking +x out of the area
        Position start = w.uniformPoint(new RandomStreams(34).stream("test/wrap/move"));
        AreaStep step = new AreaStep();
        double x = start.xM();
        double y = start.yM();
        for (int t = 0; t < 20_000; t++) {
            step.start(x, y, 0.37, 0.11);
            w.move(step);
            assertTrue(step.mapIsIdentity());
            assertFalse(step.hitBoundary());
            x = step.xM();
            y = step.yM();
            assertTrue(w.contains(new Position(x, y)), "step " + t);
        }
    }

    @Test
    void onlyFullLayoutsWrap() {
        assertEquals(2, HexagonalWrapAround.forSites(19, ISD).rings());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HexagonalWrapAround.forSites(20, ISD));
        assertTrue(e.getMessage().startsWith("numSites"), e.getMessage());
    }

    private static int indexOf(List<Position> sites, Position p) {
        for (int s = 0; s < sites.size(); s++) {
            if (sites.get(s).distanceM(p) < EXACT_M) {
                return s;
            }
        }
        return -1;
    }

    private static boolean isSuperLatticeVector(HexagonalWrapAround w, Position v) {
        Position b1 = w.shiftVectors().get(0);
        Position b2 = w.shiftVectors().get(2);
        double det = b1.xM() * b2.yM() - b1.yM() * b2.xM();
        double c1 = (v.xM() * b2.yM() - v.yM() * b2.xM()) / det;
        double c2 = (b1.xM() * v.yM() - b1.yM() * v.xM()) / det;
        return Math.abs(c1 - Math.rint(c1)) < 1e-9 && Math.abs(c2 - Math.rint(c2)) < 1e-9;
    }
}
