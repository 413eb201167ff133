package org.netsim.runs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netsim.scenarios.sim.SimulationCatalog;
import org.netsim.scenarios.sim.SimulationScenario;
import org.netsim.simcore.NetworkSimulation;
import org.netsim.simcore.SlotReport;
import org.netsim.visualization.playback.TracePlayback;
import org.netsim.visualization.trace.TraceHeader;
import org.netsim.visualization.trace.TraceReader;
import org.netsim.visualization.view.LiveNetworkView;
import org.netsim.visualization.view.UeStatus;

/**
 * The model side of the displays, headless: a trace written by {@code netsim run} and played back shows the
 * positions, serving BSs and rates the simulation reported (and the live view showed), slot by slot and after
 * seeking, and the live display's network description equals the trace's.
 */
class PlaybackRoundTripTest {

    private static final int SLOTS = 24;
    private static final int EVERY = 3;

    @TempDir
    static Path tmp;
    static Path run;
    static SimulationScenario scenario;
    /** What the same simulation reports, slot by slot, re-run in this JVM (same seed: same slots). */
    static final List<SlotReport> reports = new ArrayList<>();
    /** What the live view shows after each slot. */
    static final List<TraceReader.Frame> live = new ArrayList<>();

    @BeforeAll
    static void recordAndResimulate() {
        run = tmp.resolve("run");
        CliTest.Run r = CliTest.run("run", "urban-7cell", "--slots", String.valueOf(SLOTS), "--set",
                "output.traceEvery=" + EVERY, "--quiet", "--no-charts", "--out", run.toString());
        assertEquals(0, r.exit(), r.err());
        scenario = SimulationCatalog.load("urban-7cell", List.of("durationS=~", "slots=" + SLOTS,
                "output.traceEvery=" + EVERY));
        NetworkSimulation sim = new NetworkSimulation(scenario.seed(), scenario.network(), scenario.groups(),
                scenario.newPrecodingStage(), List.of(reports::add));
        sim.start();
        TraceHeader header = TraceHeader.of(scenario.name(), scenario.network().largeScale().layout(),
                scenario.network().slotDurationS());
        LiveNetworkView view = new LiveNetworkView(header, sim.ues(), sim.network().baseStations());
        sim.network().addListener(view);
        for (int s = 0; s < SLOTS; s++) {
            sim.runSlots(1);
            live.add(view.frame());
        }
        sim.finish();
        assertEquals(SLOTS, reports.size());
    }

    private static void assertSameSlot(SlotReport expected, TraceReader.Frame shown) {
        assertEquals(expected.slot(), shown.slot());
        assertEquals(expected.timeS(), shown.timeS(), 1e-12);
        assertArrayEquals(expected.ueIds(), shown.ueIds());
        for (int u = 0; u < expected.numUes(); u++) {
            // the trace stores float32: equal after rounding to float
            assertEquals((float) expected.positionXM()[u], shown.xM()[u], "x of UE " + u);
            assertEquals((float) expected.positionYM()[u], shown.yM()[u], "y of UE " + u);
            assertEquals((float) expected.speedMps()[u], shown.speedMps()[u], "speed of UE " + u);
            assertEquals(expected.servingCell()[u], shown.servingCell()[u], "serving BS of UE " + u);
            assertEquals(expected.handover()[u], shown.handover()[u], "handover of UE " + u);
            assertEquals((float) expected.rateNat()[u], shown.rateNat()[u], "rate of UE " + u);
            assertEquals((float) expected.sinrDb()[u], shown.sinrDb()[u], "SINR of UE " + u);
        }
    }

    @Test
    void playbackShowsEveryRecordedSlotAsTheSimulationReportedIt() throws Exception {
        TracePlayback p = new TracePlayback(run.resolve("trace.bin"));
        assertEquals(SLOTS / EVERY, p.getRecordedSlots());
        p.start();
        int shown = 0;
        long last = -1;
        do {
            TraceReader.Frame f = p.frame();
            if (f.slot() != last) {
                assertEquals(0, f.slot() % EVERY, "only recorded slots");
                assertSameSlot(reports.get((int) f.slot()), f);
                assertSameSlot(reports.get((int) f.slot()), live.get((int) f.slot()));
                last = f.slot();
                shown++;
            }
        } while (p.schedule.step(p));
        p.finish();
        assertEquals(SLOTS / EVERY, shown);
    }

    @Test
    void seekingShowsTheRequestedSlotWithoutReplaying() throws Exception {
        TracePlayback p = new TracePlayback(run.resolve("trace.bin"));
        p.setStartSlot(10); // not recorded: the next recorded one
        p.start();
        assertSameSlot(reports.get(12), p.frame());
        for (long s : new long[] {21, 0, 15, 9}) {
            p.setSlot(s);
            assertSameSlot(reports.get((int) s), p.frame());
        }
        p.schedule.step(p);
        assertSameSlot(reports.get(12), p.frame());
        UeStatus ue = (UeStatus) p.ueInspectable(5);
        SlotReport r = reports.get(12);
        assertEquals(r.ueId(5), ue.getId());
        assertEquals((float) r.positionXM()[5], ue.getXM(), 0);
        assertEquals(r.servingCell()[5], ue.getServingBs());
        assertEquals((float) r.rateNat()[5] / Math.log(2), ue.getRateBit(), 1e-12);
        p.finish();
    }

    @Test
    void liveHeaderEqualsTheTraceHeader() throws Exception {
        TraceHeader recorded;
        try (TraceReader t = new TraceReader(run.resolve("trace.bin"))) {
            recorded = TraceHeader.parse(t.headerJson());
        }
        TraceHeader liveHeader = TraceHeader.of(scenario.name(), scenario.network().largeScale().layout(),
                scenario.network().slotDurationS());
        assertEquals(recorded.scenario(), liveHeader.scenario());
        assertEquals(recorded.slotDurationS(), liveHeader.slotDurationS());
        assertEquals(recorded.interSiteDistanceM(), liveHeader.interSiteDistanceM());
        assertArrayEquals(recorded.cellSite(), liveHeader.cellSite());
        assertArrayEquals(recorded.cellBoresightRad(), liveHeader.cellBoresightRad());
        assertEquals(recorded.sitesM().size(), liveHeader.sitesM().size());
        for (int i = 0; i < recorded.sitesM().size(); i++) {
            assertArrayEquals(recorded.sitesM().get(i), liveHeader.sitesM().get(i));
        }
        assertEquals(recorded.wrapShiftsM().size(), liveHeader.wrapShiftsM().size());
        assertTrue(liveHeader.wrapShiftsM().size() == 6, "urban-7cell wraps around: six shifts");
        for (int i = 0; i < recorded.wrapShiftsM().size(); i++) {
            assertArrayEquals(recorded.wrapShiftsM().get(i), liveHeader.wrapShiftsM().get(i));
        }
    }

    @Test
    void liveViewShowsTheAgentsBeforeTheFirstSlot() {
        NetworkSimulation sim = new NetworkSimulation(scenario.seed(), scenario.network(), scenario.groups(),
                scenario.newPrecodingStage(), List.of());
        sim.start();
        TraceHeader header = TraceHeader.of(scenario.name(), scenario.network().largeScale().layout(),
                scenario.network().slotDurationS());
        LiveNetworkView view = new LiveNetworkView(header, sim.ues(), sim.network().baseStations());
        TraceReader.Frame f = view.frame();
        assertNotNull(f);
        assertEquals(-1, f.slot());
        assertEquals(sim.ues().size(), f.numUes());
        SlotReport first = reports.get(0); // the first slot does not move the UEs
        for (int u = 0; u < f.numUes(); u++) {
            assertEquals((float) first.positionXM()[u], f.xM()[u]);
            assertEquals(-1, f.servingCell()[u]);
            assertTrue(Float.isNaN(f.rateNat()[u]));
        }
        assertTrue(view.cellInspectable(0) instanceof org.netsim.simcore.BaseStation, "BS agents are inspected");
    }
}
