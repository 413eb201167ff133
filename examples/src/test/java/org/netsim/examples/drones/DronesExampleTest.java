package org.netsim.examples.drones;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netsim.simcore.SlotReport;
import org.netsim.visualization.trace.TraceReader;
import org.netsim.visualization.trace.TraceWriter;
import sim.util.Double2D;

/** The drone example as a smoke test with a tiny horizon, and the plugin's promises on a model it did not write. */
class DronesExampleTest {

    @Test
    void runsHeadlessWithTheMastsAsBaseStations() {
        DronesExample.Result r = DronesExample.run(new DronesExample.Settings(3, 40, 6,
                DroneNetwork.BaseStations.MASTS, 2.0));
        assertEquals(40, r.slots());
        assertEquals(6, r.maxUes());
        assertTrue(r.meanSumRateBit() > 0 && Double.isFinite(r.meanSumRateBit()), r.describe());
        assertTrue(r.describe().startsWith("drones: 40 slots"), r.describe());
    }

    @Test
    void runsHeadlessWithAHexagonalLayout() {
        DronesExample.Result r = DronesExample.run(new DronesExample.Settings(3, 10, 4,
                DroneNetwork.BaseStations.HEXAGONAL, 2.0));
        assertEquals(10, r.slots());
        assertTrue(r.meanSumRateBit() > 0, r.describe());
    }

    /** Drone positions after {@code steps} steps, with or without the network. */
    static List<Double2D> flight(boolean withNetwork, long steps) {
        DroneDelivery m = withNetwork ? new DroneDeliveryWithNetwork(11) : new DroneDelivery(11);
        m.setMinLinkRateBit(0); // no reaction to the link: the same flights with and without the network
        m.start();
        for (int i = 0; i < steps; i++) {
            m.schedule.step(m);
        }
        List<Double2D> at = new ArrayList<>();
        for (Drone d : m.drones()) {
            at.add(m.airspace.getObjectLocation(d));
        }
        at.add(new Double2D(m.random.nextDouble(), m.random.nextDouble()));
        m.finish();
        return at;
    }

    @Test
    void attachingTheNetworkLeavesTheModelsOwnDrawsAndFlightsUnchanged() {
        assertEquals(flight(false, 60), flight(true, 60));
    }

    @Test
    void dronesThatLandLeaveTheNetworkAndJoinAgainWhenTheyTakeOff() {
        DroneDeliveryWithNetwork m = new DroneDeliveryWithNetwork(5);
        m.setNumDrones(3);
        m.setMinLinkRateBit(0);
        m.start();
        List<Integer> sizes = new ArrayList<>();
        m.network().network().addListener(r -> sizes.add(r.numUes()));
        // long enough for a delivery, a return and a landing: drones cross the airspace in about 2 minutes
        while (m.network().leaves() == 0 || m.network().joins() <= 3) {
            m.schedule.step(m);
            assertTrue(m.schedule.getSteps() < 20_000, "no landing and take-off within 1000 s");
        }
        assertTrue(sizes.stream().anyMatch(n -> n < 3), "a slot with a drone on the ground");
        for (Drone d : m.drones()) {
            assertEquals(d.isFlying(), m.network().ueOf(d) >= 0);
        }
        m.finish();
    }

    @TempDir
    Path tmp;

    @Test
    void thePlaybackTraceFollowsTheUesAsTheyJoinAndLeave() throws Exception {
        DroneDeliveryWithNetwork m = new DroneDeliveryWithNetwork(5);
        m.setNumDrones(3);
        m.start();
        Path file = tmp.resolve("trace.bin");
        List<SlotReport> reports = new ArrayList<>();
        try (TraceWriter trace = new TraceWriter(file, "{}", 1)) {
            m.network().network().addListener(trace);
            m.network().network().addListener(reports::add);
            while (m.network().joins() <= 3) { // until a drone has landed and taken off again
                m.schedule.step(m);
                assertTrue(m.schedule.getSteps() < 20_000, "no take-off within 1000 s");
            }
        }
        m.finish();
        try (TraceReader r = new TraceReader(file)) {
            for (SlotReport expected : reports) {
                TraceReader.Frame f = r.next();
                assertEquals(expected.slot(), f.slot());
                assertArrayEquals(expected.ueIds(), f.ueIds(), "slot " + f.slot());
            }
            assertEquals(null, r.next());
        }
        // UE ids were not reused: the last take-off has a fresh id
        SlotReport last = reports.get(reports.size() - 1);
        assertTrue(java.util.Arrays.stream(last.ueIds()).max().getAsInt() >= 3);
    }

    @Test
    void slowDronesWhereTheRateIsLow() {
        // with an unreachable threshold every drone in the air flies at half its cruise speed from the second slot
        DroneDeliveryWithNetwork m = new DroneDeliveryWithNetwork(5);
        m.setNumDrones(4);
        m.setMinLinkRateBit(1e6);
        m.start();
        for (int i = 0; i < 3; i++) {
            m.schedule.step(m);
        }
        double[] speeds = m.drones().stream().mapToDouble(Drone::getSpeedMps).toArray();
        double[] half = m.drones().stream().mapToDouble(d -> d.getCruiseMps() / 2).toArray();
        assertArrayEquals(half, speeds, 1e-12);
        m.finish();
    }
}
