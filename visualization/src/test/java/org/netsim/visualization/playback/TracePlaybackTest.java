package org.netsim.visualization.playback;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netsim.simcore.SlotReport;
import org.netsim.visualization.trace.TraceReader;
import org.netsim.visualization.trace.TraceWriter;
import org.netsim.visualization.view.CellStatus;
import org.netsim.visualization.view.UeStatus;
import sim.util.Interval;

/** Playback of a synthetic trace: frame order, the end, seeking, restarts, inspectable values, flashes. */
class TracePlaybackTest {

    private static final String HEADER = "{\"scenario\":\"t\",\"slot_duration_s\":0.001,\"sites_m\":[[0,0],[500,0]],"
            + "\"cells\":[{\"site\":0},{\"site\":1}]}";

    @TempDir
    Path tmp;

    /** Slot s: UE 7 moves along x, UE 3 along y; UE 3 hands over at slots 4 and 9; rates depend on the slot. */
    private static SlotReport report(long s) {
        return new SlotReport(s, s * 1e-3, new int[] {7, 3}, new double[] {10 + s, -50}, new double[] {0, 2.5 * s},
                new double[] {1.5, 3}, new int[] {0, s >= 4 ? 1 : 0}, new boolean[] {false, s == 4 || s == 9},
                new double[] {0.1 * s, 2 - 0.05 * s}, new double[] {s, -s}, 2, 1e-4, 0, 0, 0);
    }

    private Path trace(int slots, int every) throws IOException {
        Path f = tmp.resolve("trace-" + slots + "-" + every + ".bin");
        try (TraceWriter w = new TraceWriter(f, HEADER, every)) {
            for (long s = 0; s < slots; s++) {
                w.onSlot(report(s));
            }
        }
        return f;
    }

    private static void assertShows(SlotReport r, TraceReader.Frame f) {
        assertEquals(r.slot(), f.slot());
        assertArrayEquals(r.ueIds(), f.ueIds());
        for (int u = 0; u < r.numUes(); u++) {
            assertEquals((float) r.positionXM()[u], f.xM()[u]);
            assertEquals((float) r.positionYM()[u], f.yM()[u]);
            assertEquals((float) r.rateNat()[u], f.rateNat()[u]);
            assertEquals(r.servingCell()[u], f.servingCell()[u]);
        }
    }

    @Test
    void stepsThroughEveryRecordedSlotThenEmptiesTheSchedule() throws IOException {
        TracePlayback p = new TracePlayback(trace(12, 1));
        assertEquals(12, p.getRecordedSlots());
        assertNull(p.frame(), "nothing shown before the start");
        p.start();
        List<Long> shown = new ArrayList<>();
        shown.add(p.getSlot());
        assertShows(report(0), p.frame());
        while (p.schedule.step(p)) {
            assertShows(report(p.getSlot()), p.frame());
            if (shown.get(shown.size() - 1) != p.getSlot()) {
                shown.add(p.getSlot());
            }
        }
        p.finish();
        List<Long> expected = new ArrayList<>();
        for (long s = 0; s < 12; s++) {
            expected.add(s);
        }
        assertEquals(expected, shown);
        assertEquals(11, p.getSlot(), "the last slot stays shown");
    }

    @Test
    void seeksToTheFirstRecordedSlotAtOrAfterTheRequestedOneAndContinuesFromThere() throws IOException {
        TracePlayback p = new TracePlayback(trace(20, 3)); // slots 0, 3, ..., 18
        assertEquals(7, p.getRecordedSlots());
        Interval range = (Interval) p.domSlot();
        assertEquals(0L, range.getMin().longValue());
        assertEquals(18L, range.getMax().longValue());
        p.start();
        p.setSlot(9);
        assertShows(report(9), p.frame());
        p.setSlot(10);
        assertShows(report(12), p.frame());
        assertTrue(p.schedule.step(p));
        assertShows(report(15), p.frame());
        p.setSlot(1000);
        assertShows(report(18), p.frame());
        p.setSlot(0); // backwards
        assertShows(report(0), p.frame());
        assertTrue(p.schedule.step(p));
        assertShows(report(3), p.frame());
        assertThrows(IllegalArgumentException.class, () -> p.setSlot(-1));
        p.finish();
    }

    @Test
    void startSlotAndRestartsBeginWhereAsked() throws IOException {
        TracePlayback p = new TracePlayback(trace(10, 1));
        p.setStartSlot(6);
        p.start();
        assertShows(report(6), p.frame());
        p.schedule.step(p);
        assertShows(report(7), p.frame());
        p.finish();
        p.start(); // MASON's stop then play
        assertShows(report(6), p.frame());
        p.finish();
        p.setSlot(2); // stopped: sets the start
        p.start();
        assertShows(report(2), p.frame());
        p.finish();
    }

    @Test
    void inspectablesReadTheFrameShown() throws IOException {
        TracePlayback p = new TracePlayback(trace(10, 1));
        p.start();
        p.setSlot(5);
        UeStatus ue = (UeStatus) p.ueInspectable(1);
        assertEquals(3, ue.getId());
        assertEquals(-50, ue.getXM(), 1e-6);
        assertEquals(12.5, ue.getYM(), 1e-6);
        assertEquals(3 * 3.6, ue.getSpeedKmh(), 1e-5);
        assertEquals(1, ue.getServingBs());
        assertEquals(1.75 / Math.log(2), ue.getRateBit(), 1e-6);
        assertEquals(-5, ue.getSinrDb(), 1e-6);
        assertFalse(ue.getHandover());
        p.setSlot(7); // the same object follows the playback
        assertEquals(17.5, ue.getYM(), 1e-6);
        CellStatus cell0 = (CellStatus) p.cellInspectable(0);
        CellStatus cell1 = (CellStatus) p.cellInspectable(1);
        assertEquals(1, cell0.getServedUes());
        assertEquals(1, cell1.getServedUes());
        assertEquals(500, cell1.getXM());
        assertEquals((float) 0.7 / Math.log(2), cell0.getCellRateBit(), 1e-6);
        assertEquals(((float) 0.7 + (float) 1.65) / Math.log(2), p.getSumRateBit(), 1e-6);
        p.finish();
    }

    @Test
    void handoversFlashThenFadeAndASeekForgetsThem() throws IOException {
        TracePlayback p = new TracePlayback(trace(12, 1));
        p.setStartSlot(3);
        p.start();
        assertEquals(0, p.handoverGlow()[1]);
        p.schedule.step(p); // slot 4: UE 3 hands over
        assertEquals(1, p.getHandovers());
        assertEquals(1.0, p.handoverGlow()[1]);
        assertEquals(0.0, p.handoverGlow()[0]);
        p.schedule.step(p); // slot 5
        double after = p.handoverGlow()[1];
        assertTrue(after > 0 && after < 1, "fading: " + after);
        p.setSlot(6);
        assertEquals(0.0, p.handoverGlow()[1], "a jump forgets what was not seen");
        p.finish();
    }

    @Test
    void emptyOrBadTracesAreNamedErrors() throws IOException {
        Path empty = tmp.resolve("empty.bin");
        new TraceWriter(empty, HEADER, 1).close();
        IOException e = assertThrows(IOException.class, () -> new TracePlayback(empty));
        assertTrue(e.getMessage().contains("no recorded slot"), e.getMessage());
        Path junk = tmp.resolve("junk.bin");
        Files.writeString(junk, "not a trace at all");
        assertThrows(IOException.class, () -> new TracePlayback(junk));
    }
}
