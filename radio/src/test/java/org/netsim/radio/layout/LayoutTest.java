package org.netsim.radio.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.netsim.radio.ModelParams;
import org.netsim.radio.antenna.AntennaPatterns;
import org.netsim.radio.antenna.SectorPattern;
import org.netsim.radio.geometry.Hexagon;
import org.netsim.radio.geometry.HexagonalGrid;
import org.netsim.radio.geometry.Position;
import org.netsim.radio.random.RandomStreams;

class LayoutTest {

    /** Closed forms in double precision. */
    private static final double EXACT = 1e-9;
    /** Metre-scale geometry. */
    private static final double EXACT_M = 1e-6;

    @Test
    void sectorPatternFollowsTheThreeGppFormula() {
        SectorPattern p = new SectorPattern(65, 20, 0);
        assertEquals(0.0, p.gainDb(0.0), EXACT);
        assertEquals(-3.0, p.gainDb(Math.toRadians(32.5)), EXACT, "3 dB down at half the beamwidth");
        assertEquals(-3.0, p.gainDb(Math.toRadians(-32.5)), EXACT);
        assertEquals(-12.0, p.gainDb(Math.toRadians(65)), EXACT, "12 dB at the full beamwidth");
        assertEquals(-20.0, p.gainDb(Math.PI), EXACT, "front-to-back ratio");
        assertEquals(-20.0, p.gainDb(Math.toRadians(100)), EXACT, "floored at A_m");
        assertEquals(p.gainDb(Math.toRadians(10)), p.gainDb(Math.toRadians(370)), EXACT, "angles wrap");
        SectorPattern p38901 = (SectorPattern) AntennaPatterns.create("sector",
                ModelParams.of("beamwidth3dbDeg", 65, "maxAttenuationDb", 30, "maxGainDbi", 8));
        assertEquals(8.0, p38901.gainDb(0), EXACT);
        assertEquals(-22.0, p38901.gainDb(Math.PI), EXACT);
        assertEquals(5.0, AntennaPatterns.create("omni", ModelParams.of("gainDbi", 5)).gainDb(1.0), EXACT);
    }

    @Test
    void threeSectorSitesHaveBoresightsThirtyOneFiftyTwoSeventy() {
        NetworkLayout l = NetworkLayouts.create("hexagonal", ModelParams.of("numSites", 7, "sectorsPerSite", 3));
        assertEquals(21, l.numCells());
        for (int c = 0; c < 21; c++) {
            Cell cell = l.cells().get(c);
            assertEquals(c / 3, cell.site());
            double expected = Math.toRadians(new double[] {30, 150, 270}[c % 3]);
            assertEquals(0.0, Math.IEEEremainder(cell.boresightRad() - expected, 2 * Math.PI), EXACT);
        }
        // boresight 30 degrees of site 0 points at site 1 of the ring (at 30 + 60 j degrees)
        Position towardsNeighbour = Position.polar(100, Math.toRadians(30));
        assertEquals(0.0, l.antennaGainDb(0, towardsNeighbour), EXACT);
        assertEquals(-20.0, l.antennaGainDb(0, Position.polar(100, Math.toRadians(210))), EXACT);
        // 120 degrees off the 150-degree boresight: 12 (120 / 65)^2 = 40.9 dB, floored at A_m = 20 dB
        assertEquals(-20.0, l.antennaGainDb(1, towardsNeighbour), EXACT);
    }

    /** Each point of a site's hexagon lies in exactly one of its three sector regions, the one facing it. */
    @Test
    void sectorRegionsPartitionTheSiteHexagon() {
        HexagonalLayout l = (HexagonalLayout) NetworkLayouts.create("hexagonal",
                ModelParams.of("numSites", 1, "sectorsPerSite", 3));
        Hexagon hex = new Hexagon(Position.ORIGIN, HexagonalGrid.cellCircumradiusM(500));
        RandomGenerator rng = new RandomStreams(51).stream("test/layout/sectors");
        int[] count = new int[3];
        int n = 30_000;
        for (int t = 0; t < n; t++) {
            Position p = hex.uniformPoint(rng);
            int in = 0;
            int which = -1;
            for (int c = 0; c < 3; c++) {
                if (l.cells().get(c).region().contains(p)) {
                    in++;
                    which = c;
                }
            }
            assertEquals(1, in, "point " + p + " in exactly one sector");
            count[which]++;
            double best = Double.NEGATIVE_INFINITY;
            int bestCell = -1;
            for (int c = 0; c < 3; c++) {
                if (l.antennaGainDb(c, p) > best) {
                    best = l.antennaGainDb(c, p);
                    bestCell = c;
                }
            }
            assertEquals(which, bestCell, "the region is where the cell's antenna gain is highest");
        }
        // each sector holds a third of the points: binomial SE, 5 SE
        for (int c = 0; c < 3; c++) {
            assertEquals(1.0 / 3, (double) count[c] / n, 5 * Math.sqrt(2.0 / 9 / n));
            assertEquals(hex.areaM2() / 3, l.cells().get(c).region().areaM2(), 1e-6);
        }
    }

    /** Under wrap-around, a UE at the edge of the area sees the nearest image of a far site, with its direction. */
    @Test
    void wrappedLinkGeometryUsesTheNearestImage() {
        NetworkLayout l = NetworkLayouts.create("hexagonal",
                ModelParams.of("numSites", 7, "interSiteDistanceM", 500, "sectorsPerSite", 3, "wrapAround", true));
        NetworkLayout plain = NetworkLayouts.create("hexagonal",
                ModelParams.of("numSites", 7, "interSiteDistanceM", 500, "sectorsPerSite", 3));
        RandomGenerator rng = new RandomStreams(52).stream("test/layout/wrap");
        for (int t = 0; t < 2000; t++) {
            Position p = l.area().uniformPoint(rng);
            for (int s = 0; s < 7; s++) {
                assertTrue(l.distanceM(s, p) <= plain.distanceM(s, p) + EXACT_M);
                assertEquals(l.distanceM(s, p), l.siteImage(s, p).distanceM(p), EXACT_M);
                // wrapped distances never exceed the cluster's reach
                assertTrue(l.distanceM(s, p) <= Math.sqrt(7) * 500, "d = " + l.distanceM(s, p));
            }
        }
        // the site straight "behind" the edge: UE near the outer edge of site 1, its nearest image of site 4
        // (the opposite ring site) is the shifted one, 1 ISD further out
        Position site1 = l.sites().get(1);
        Position ue = site1.plus(Position.polar(140, site1.angleFromRad(Position.ORIGIN)));
        assertTrue(l.area().contains(ue));
        for (int s = 1; s < 7; s++) {
            assertTrue(l.distanceM(s, ue) <= 500 * Math.sqrt(3) + EXACT_M, "site " + s);
        }
    }

    @Test
    void perCellDropsLieInTheirCellsBeyondTheMinimumDistance() {
        RandomGenerator rng = new RandomStreams(53).stream("test/layout/drop");
        for (NetworkLayout l : List.of(
                NetworkLayouts.create("hexagonal", ModelParams.of("numSites", 19, "sectorsPerSite", 3,
                        "wrapAround", true)),
                NetworkLayouts.create("hexagonal", ModelParams.of("numSites", 3)),
                NetworkLayouts.create("triangle", ModelParams.empty()),
                NetworkLayouts.create("two-sites", ModelParams.of("distanceM", 500)))) {
            UeDrop drop = UeDrops.create("per-cell", ModelParams.of("uesPerCell", 20, "minDistanceM", 35));
            List<UePlacement> ues = drop.drop(l, rng);
            assertEquals(20 * l.numCells(), ues.size());
            for (UePlacement u : ues) {
                Cell c = l.cells().get(u.cell());
                assertTrue(c.region().contains(u.position()), l.name());
                assertTrue(l.area().contains(u.position()), l.name());
                assertTrue(l.distanceM(c.site(), u.position()) >= 35 - EXACT_M, l.name());
            }
        }
    }

    @Test
    void uniformDropCoversTheAreaAndKeepsAwayFromEverySite() {
        NetworkLayout l = NetworkLayouts.create("hexagonal", ModelParams.of("numSites", 7, "wrapAround", true));
        RandomGenerator rng = new RandomStreams(54).stream("test/layout/uniform");
        List<UePlacement> ues = UeDrops.create("uniform", ModelParams.of("numUes", 14_000, "minDistanceM", 35))
                .drop(l, rng);
        int[] perSite = new int[7];
        for (UePlacement u : ues) {
            assertEquals(-1, u.cell());
            int nearest = 0;
            for (int s = 0; s < 7; s++) {
                assertTrue(l.distanceM(s, u.position()) >= 35 - EXACT_M);
                if (l.distanceM(s, u.position()) < l.distanceM(nearest, u.position())) {
                    nearest = s;
                }
            }
            perSite[nearest]++;
        }
        // by symmetry of the wrapped layout each site's hexagon holds 1/7; binomial SE, 5 SE
        for (int s = 0; s < 7; s++) {
            assertEquals(1.0 / 7, perSite[s] / 14_000.0, 5 * Math.sqrt(6.0 / 49 / 14_000));
        }
    }

    /**
     * Hotspot UEs lie within the radius of their centre (wrapped distance); with given centres the mean squared
     * distance to the centre is r^2 / 2 for a disc away from the border (r^2 uniform: SE r^2 / sqrt(12 n), 5 SE).
     */
    @Test
    void hotspotsClusterUesInDiscs() {
        NetworkLayout l = NetworkLayouts.create("hexagonal", ModelParams.of("numSites", 7, "wrapAround", true));
        RandomGenerator rng = new RandomStreams(55).stream("test/layout/hotspot");
        UeDrop given = UeDrops.create("hotspots",
                ModelParams.of("centersM", List.of(250.0, 0.0, -100.0, -400.0), "radiusM", 60, "uesPerHotspot", 4000));
        List<UePlacement> ues = given.drop(l, rng);
        assertEquals(8000, ues.size());
        double sumD2 = 0;
        for (int u = 0; u < 4000; u++) {
            double d = ues.get(u).position().distanceM(new Position(250, 0));
            assertTrue(d <= 60 + EXACT_M);
            sumD2 += d * d;
        }
        assertEquals(1800.0, sumD2 / 4000, 5 * 3600 / Math.sqrt(12 * 4000.0));
        UeDrop random = UeDrops.create("hotspots", ModelParams.of("numHotspots", 5, "radiusM", 80, "uesPerHotspot", 30,
                "minDistanceM", 10));
        List<UePlacement> r = random.drop(l, rng);
        assertEquals(150, r.size());
        for (int h = 0; h < 5; h++) {
            Position first = r.get(30 * h).position();
            for (int u = 30 * h; u < 30 * (h + 1); u++) {
                assertTrue(l.area().contains(r.get(u).position()));
                double d = ((org.netsim.radio.geometry.HexagonalWrapAround) l.area())
                        .distanceM(first, r.get(u).position());
                assertTrue(d <= 160 + EXACT_M, "UEs of one hotspot are within its diameter (wrapped)");
            }
        }
    }

    @Test
    void specialLayoutsThroughTheLayoutInterface() {
        NetworkLayout tri = NetworkLayouts.create("triangle", ModelParams.of("sideM", 200));
        assertEquals(3, tri.numSites());
        assertEquals(3, tri.numCells());
        assertFalse(tri.area().wrapsAround());
        assertTrue(tri.area().contains(new Position(100, 100 / Math.sqrt(3))), "the centroid");
        assertFalse(tri.area().contains(new Position(100, -1)));
        assertEquals(0.0, tri.antennaGainDb(1, new Position(50, 50)), EXACT, "omni cells");
        NetworkLayout two = NetworkLayouts.create("two-sites", ModelParams.of("distanceM", 2800));
        assertEquals(2800, two.distanceM(1, Position.ORIGIN), EXACT_M);
        assertTrue(two.area().contains(new Position(-299, 299)));
        assertFalse(two.area().contains(new Position(-301, 0)));
    }

    @Test
    void invalidConfigurationsNameTheField() {
        assertStarts("numSites", () -> NetworkLayouts.create("hexagonal",
                ModelParams.of("numSites", 20, "wrapAround", true)));
        assertStarts("sectorsPerSite", () -> NetworkLayouts.create("hexagonal", ModelParams.of("sectorsPerSite", 2)));
        assertStarts("beamwidth3dbDeg", () -> NetworkLayouts.create("hexagonal",
                ModelParams.of("beamwidth3dbDeg", 70)));
        assertStarts("isd", () -> NetworkLayouts.create("hexagonal", ModelParams.of("isd", 70)));
        assertStarts("layout", () -> NetworkLayouts.create("square", ModelParams.empty()));
        assertStarts("uesPerCell", () -> UeDrops.create("per-cell", ModelParams.empty()));
        assertStarts("numHotspots", () -> UeDrops.create("hotspots", ModelParams.of("radiusM", 5, "uesPerHotspot", 1)));
        assertStarts("centersM", () -> UeDrops.create("hotspots",
                ModelParams.of("centersM", List.of(1.0), "radiusM", 5, "uesPerHotspot", 1)));
        assertStarts("minDistanceM", () -> UeDrops.create("per-cell", ModelParams.of("uesPerCell", 1,
                "minDistanceM", 400)).drop(NetworkLayouts.create("hexagonal", ModelParams.empty()),
                        new RandomStreams(1).stream("x")));
        assertStarts("maxAttenuationDb", () -> new SectorPattern(65, -1, 0));
        assertStarts("antennaPattern", () -> AntennaPatterns.create("dipole", ModelParams.empty()));
    }

    private static void assertStarts(String field, org.junit.jupiter.api.function.Executable e) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().startsWith(field), ex.getMessage());
    }
}
