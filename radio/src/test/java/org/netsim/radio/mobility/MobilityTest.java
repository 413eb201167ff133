package org.netsim.radio.mobility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.netsim.radio.ModelParams;
import org.netsim.radio.geometry.HexagonalWrapAround;
import org.netsim.radio.geometry.Position;
import org.netsim.radio.geometry.SimulationArea;
import org.netsim.radio.layout.NetworkLayout;
import org.netsim.radio.layout.NetworkLayouts;
import org.netsim.radio.random.RandomStreams;

class MobilityTest {

    /** Metre-scale geometry in double precision. */
    private static final double EXACT_M = 1e-6;

    /** Every mobility model (fast speeds so that UEs meet the border often) in every kind of area. */
    static Stream<Arguments> modelsAndAreas() {
        List<NetworkLayout> layouts = List.of(
                NetworkLayouts.create("hexagonal", ModelParams.of("numSites", 19, "interSiteDistanceM", 200,
                        "sectorsPerSite", 3, "wrapAround", true)),
                NetworkLayouts.create("hexagonal", ModelParams.of("numSites", 7, "interSiteDistanceM", 200)),
                NetworkLayouts.create("hexagonal", ModelParams.of("numSites", 3, "interSiteDistanceM", 200)),
                NetworkLayouts.create("triangle", ModelParams.of("sideM", 200)),
                NetworkLayouts.create("two-sites", ModelParams.of("distanceM", 500)));
        List<MobilityModel> models = List.of(
                MobilityModels.create("static", ModelParams.empty()),
                MobilityModels.create("constant-velocity", ModelParams.of("minSpeedKmh", 30, "maxSpeedKmh", 120)),
                MobilityModels.create("random-waypoint", ModelParams.of("minSpeedKmh", 30, "maxSpeedKmh", 120,
                        "maxPauseS", 2)),
                MobilityModels.create("random-direction", ModelParams.of("minSpeedKmh", 30, "maxSpeedKmh", 120,
                        "maxPauseS", 1, "minLegDurationS", 5, "maxLegDurationS", 20)),
                MobilityModels.create("random-direction", ModelParams.of("minSpeedKmh", 50)),
                MobilityModels.create("gauss-markov", ModelParams.of("meanSpeedKmh", 80, "speedStdKmh", 20,
                        "directionStdDeg", 60, "alpha", 0.5)));
        return layouts.stream().flatMap(l -> models.stream()
                .filter(m -> !(l.area().wrapsAround() && m instanceof RandomDirectionMobility r
                        && Double.isInfinite(r.legDurationS().max())))
                .map(m -> Arguments.of(m.name(), l.name() + (l.area().wrapsAround() ? "-wrap" : ""), m, l)));
    }

    /**
     * 20 UEs per model and area, 5000 steps of 0.1 s (500 s at up to 120 km/h: many border crossings in areas of
     * a few hundred metres): every position is inside, speeds stay in the configured range, the travelled distance
     * grows by speed x dt.
     */
    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("modelsAndAreas")
    void uesStayInsideTheAreaOverLongRuns(String model, String area, MobilityModel m, NetworkLayout l) {
        RandomStreams streams = new RandomStreams(61);
        double dt = 0.1;
        for (int ue = 0; ue < 20; ue++) {
            RandomGenerator rng = streams.stream("mobility/ue/" + ue);
            Position p0 = l.area().uniformPoint(rng);
            UeMotion u = m.start(p0, l.area(), rng);
            for (int t = 0; t < 5000; t++) {
                double moved = u.step(dt);
                assertTrue(l.area().contains(u.position()), model + " in " + area + ": ue " + ue + " left the area at"
                        + " step " + t + ": " + u.position());
                assertTrue(moved >= 0 && moved <= 120 / 3.6 * dt * (1 + 1e-9) + (m instanceof GaussMarkovMobility
                        ? 1e9 : 0), "moved " + moved);
                if (!(m instanceof GaussMarkovMobility)) {
                    assertTrue(u.speedMps() <= 120 / 3.6 + 1e-9, "speed " + u.speedMps());
                }
            }
            if (m instanceof StaticMobility) {
                assertEquals(p0, u.position());
                assertEquals(0.0, u.travelledDistanceM());
            }
        }
    }

    /**
     * Long runs at the simulation's own step: 1 ms slots, 50 UEs per model and area for 400 s (400 000 steps
     * each), positions checked every step. Run with {@code -Pslow}.
     */
    @org.junit.jupiter.api.Tag("slow")
    @ParameterizedTest(name = "{0} in {1}, 1 ms slots")
    @MethodSource("modelsAndAreas")
    void uesStayInsideOverLongRunsWithMillisecondSlots(String model, String area, MobilityModel m, NetworkLayout l) {
        RandomStreams streams = new RandomStreams(66);
        for (int ue = 0; ue < 50; ue++) {
            RandomGenerator rng = streams.stream("mobility/ue/" + ue);
            UeMotion u = m.start(l.area().uniformPoint(rng), l.area(), rng);
            for (int t = 0; t < 400_000; t++) {
                u.step(1e-3);
                if (!l.area().contains(u.position())) {
                    throw new AssertionError(model + " in " + area + ": ue " + ue + " left at step " + t + ": "
                            + u.position());
                }
            }
        }
    }

    /** Under wrap-around a constant-velocity UE keeps its velocity, and its unwrapped path is exactly v t. */
    @Test
    void constantVelocityWrapsWithoutChangingVelocity() {
        HexagonalWrapAround area = new HexagonalWrapAround(1, 300);
        MobilityModel m = MobilityModels.create("constant-velocity", ModelParams.of("minSpeedKmh", 72,
                "directionDeg", 17));
        UeMotion u = m.start(new Position(10, 20), area, new RandomStreams(62).stream("mobility/ue/0"));
        double vx = 20 * Math.cos(Math.toRadians(17));
        double vy = 20 * Math.sin(Math.toRadians(17));
        double ux = 10;
        double uy = 20;
        for (int t = 0; t < 10_000; t++) {
            u.step(0.01);
            ux += vx * 0.01;
            uy += vy * 0.01;
            assertEquals(vx, u.vxMps(), 1e-12);
            assertEquals(vy, u.vyMps(), 1e-12);
            // the wrapped position is the unwrapped one modulo the super-lattice
            assertEquals(0.0, area.mapInto(new Position(ux, uy)).distanceM(u.position()), 1e-6, "step " + t);
        }
        assertEquals(20 * 100.0, u.travelledDistanceM(), 1e-6);
    }

    /** Reflection at a wall of the two-site rectangle mirrors the velocity; the speed is unchanged. */
    @Test
    void constantVelocityReflectsAtTheBorder() {
        NetworkLayout l = NetworkLayouts.create("two-sites", ModelParams.of("distanceM", 500, "outerRadiusM", 300));
        MobilityModel m = MobilityModels.create("constant-velocity", ModelParams.of("minSpeedKmh", 36,
                "directionDeg", 0));
        UeMotion u = m.start(new Position(795, 0), l.area(), new RandomStreams(63).stream("x"));
        u.step(1.0); // 10 m towards the wall at x = 800: 5 m there, 5 m back
        assertEquals(795.0, u.xM(), 1e-5, "within the hit nudge, 1e-9 of the area's extent");
        assertEquals(-10.0, u.vxMps(), 1e-12);
        assertEquals(10.0, u.speedMps(), 1e-12);
        assertEquals(10.0, u.travelledDistanceM(), 1e-9);
    }

    /** Random waypoint: speeds are 0 (pausing) or in the range; the time spent pausing matches the pause law. */
    @Test
    void randomWaypointAlternatesLegsAndPauses() {
        NetworkLayout l = NetworkLayouts.create("hexagonal", ModelParams.of("numSites", 7, "interSiteDistanceM", 200));
        MobilityModel m = MobilityModels.create("random-waypoint", ModelParams.of("minSpeedKmh", 18, "maxSpeedKmh", 36,
                "minPauseS", 4, "maxPauseS", 4));
        RandomWaypointMobility.State u = (RandomWaypointMobility.State) m.start(new Position(0, 0), l.area(),
                new RandomStreams(64).stream("mobility/ue/0"));
        int pausing = 0;
        int legs = 0;
        boolean wasMoving = false;
        int steps = 200_000;
        for (int t = 0; t < steps; t++) {
            Position target = u.destination();
            u.step(0.01);
            double v = u.speedMps();
            assertTrue(v == 0 || (v >= 5 - 1e-9 && v <= 10 + 1e-9), "speed " + v);
            if (v == 0) {
                pausing++;
                if (wasMoving) {
                    legs++;
                    assertEquals(target, u.position(), "a leg ends at its waypoint");
                }
            } else if (wasMoving) {
                // along a leg the heading is constant and points at the waypoint
                Position toTarget = target.minus(u.position());
                double cross = toTarget.xM() * u.vyMps() - toTarget.yM() * u.vxMps();
                assertEquals(0.0, cross / (v * Math.max(1e-9, toTarget.distanceM(Position.ORIGIN))), 1e-6);
            }
            wasMoving = v > 0;
        }
        // 2000 s with legs of ~10-60 s; there are legs + 1 pauses of 4 s (the first before any leg, the last
        // possibly cut short), each counted to within one 0.01 s step
        assertTrue(legs > 30, "legs " + legs);
        double pauseS = pausing * 0.01;
        assertTrue(pauseS >= 4.0 * legs - 0.01 * (legs + 1) && pauseS <= 4.0 * (legs + 1) + 0.01 * (legs + 1),
                "pause time " + pauseS + " s for " + legs + " legs");
    }

    /**
     * Gauss-Markov under wrap-around (no border effects): the stationary mean and standard deviation of the speed
     * are s_mean and sigma_s, and its autocorrelation at lag T_u is alpha, whatever the step. Per-UE time averages
     * of 60 independent UEs; tolerance 5 standard errors of their mean (plus the O(1/T) bias of a time-average
     * autocorrelation over T = 600 s, about 1e-2 here).
     */
    @Test
    void gaussMarkovHasTheStatedStationaryLawAndMemory() {
        HexagonalWrapAround area = new HexagonalWrapAround(2, 500);
        double meanKmh = 30;
        double stdKmh = 5;
        double alpha = 0.6;
        MobilityModel m = MobilityModels.create("gauss-markov", ModelParams.of("meanSpeedKmh", meanKmh,
                "speedStdKmh", stdKmh, "alpha", alpha, "updateIntervalS", 2.0));
        double dt = 0.1;
        int lag = 20; // 2 s = T_u
        int steps = 6000;
        int ues = 60;
        double[] means = new double[ues];
        double[] stds = new double[ues];
        double[] rhos = new double[ues];
        for (int ue = 0; ue < ues; ue++) {
            GaussMarkovMobility.State u = (GaussMarkovMobility.State) m.start(Position.ORIGIN, area,
                    new RandomStreams(65).stream("mobility/ue/" + ue));
            double[] s = new double[steps];
            for (int t = 0; t < steps; t++) {
                u.step(dt);
                s[t] = u.speedProcess();
            }
            double mean = 0;
            for (double x : s) {
                mean += x;
            }
            mean /= steps;
            double var = 0;
            double cov = 0;
            for (int t = 0; t < steps; t++) {
                var += (s[t] - mean) * (s[t] - mean);
                if (t + lag < steps) {
                    cov += (s[t] - mean) * (s[t + lag] - mean);
                }
            }
            means[ue] = mean;
            stds[ue] = Math.sqrt(var / steps);
            rhos[ue] = (cov / (steps - lag)) / (var / steps);
        }
        assertMean(meanKmh / 3.6, means, 0.0, "mean speed");
        assertMean(stdKmh / 3.6, stds, 0.02, "speed std");
        assertMean(alpha, rhos, 0.02, "lag-T_u autocorrelation");
    }

    @Test
    void invalidParametersNameTheKey() {
        assertStarts("maxSpeedKmh", () -> MobilityModels.create("constant-velocity",
                ModelParams.of("minSpeedKmh", 10, "maxSpeedKmh", 5)));
        assertStarts("minSpeedKmh", () -> MobilityModels.create("random-waypoint", ModelParams.of("minSpeedKmh", 0)));
        assertStarts("alpha", () -> MobilityModels.create("gauss-markov", ModelParams.of("alpha", 1.5)));
        assertStarts("speedKmh", () -> MobilityModels.create("random-waypoint", ModelParams.of("speedKmh", 3)));
        assertStarts("mobility", () -> MobilityModels.create("levy-walk", ModelParams.empty()));
        assertStarts("maxLegDurationS", () -> MobilityModels.create("random-direction", ModelParams.empty())
                .start(Position.ORIGIN, new HexagonalWrapAround(1, 100), new RandomStreams(1).stream("x")));
        SimulationArea area = new HexagonalWrapAround(1, 100);
        assertStarts("start", () -> StaticMobility.INSTANCE.start(new Position(1e4, 0), area,
                new RandomStreams(1).stream("x")));
        assertStarts("dtS", () -> StaticMobility.INSTANCE.start(Position.ORIGIN, area,
                new RandomStreams(1).stream("x")).step(-1));
    }

    /** |mean(x) - expected| &lt;= 5 SE + bias, SE from the spread of the independent per-UE estimates. */
    private static void assertMean(double expected, double[] x, double bias, String what) {
        double m = 0;
        for (double v : x) {
            m += v;
        }
        m /= x.length;
        double ss = 0;
        for (double v : x) {
            ss += (v - m) * (v - m);
        }
        double se = Math.sqrt(ss / (x.length - 1) / x.length);
        assertEquals(expected, m, 5 * se + bias, what + " (SE " + se + ")");
    }

    private static void assertStarts(String field, org.junit.jupiter.api.function.Executable e) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().startsWith(field), ex.getMessage());
    }
}
