package org.netsim.visualization.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netsim.simcore.SlotReport;

class TraceRoundTripTest {

    @TempDir
    Path tmp;

    private static SlotReport report(long slot) {
        return new SlotReport(slot, slot * 1e-3, new int[] {4, 9}, new double[] {1.5, -20}, new double[] {3, 7.25},
                new double[] {1.4, 13.9}, new int[] {0, 2}, new boolean[] {false, slot == 2}, new double[] {2.5, 0.75},
                new double[] {10.5, -3}, 3, 1e-4, 0, 0, 0);
    }

    @Test
    void writtenFramesReadBackWithDecimation() throws IOException {
        Path f = tmp.resolve("trace.bin");
        try (TraceWriter w = new TraceWriter(f, "{\"slot_duration_s\":0.001}", 2)) {
            for (long s = 0; s < 5; s++) {
                w.onSlot(report(s));
            }
        }
        try (TraceReader r = new TraceReader(f)) {
            assertEquals("{\"slot_duration_s\":0.001}", r.headerJson());
            for (long s = 0; s < 5; s += 2) {
                TraceReader.Frame fr = r.next();
                assertEquals(s, fr.slot());
                assertEquals(s * 1e-3, fr.timeS());
                assertArrayEquals(new int[] {4, 9}, fr.ueIds());
                assertArrayEquals(new float[] {1.5f, -20f}, fr.xM());
                assertArrayEquals(new short[] {0, 2}, fr.servingCell());
                assertEquals(s == 2, fr.handover()[1]);
                assertArrayEquals(new float[] {2.5f, 0.75f}, fr.rateNat());
                assertArrayEquals(new float[] {10.5f, -3f}, fr.sinrDb());
            }
            assertNull(r.next());
        }
        long expected = 8 + 4 + "{\"slot_duration_s\":0.001}".length() + 3 * (24 + 2 * TraceFormat.BYTES_PER_UE);
        assertEquals(expected, Files.size(f));
    }

    @Test
    void truncatedLastRecordEndsTheTraceAndBadFilesAreNamed() throws IOException {
        Path f = tmp.resolve("trace.bin");
        try (TraceWriter w = new TraceWriter(f, "{}", 1)) {
            w.onSlot(report(0));
            w.onSlot(report(1));
        }
        byte[] all = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(all, all.length - 5));
        try (TraceReader r = new TraceReader(f)) {
            assertEquals(0, r.next().slot());
            assertNull(r.next());
        }
        Path bad = tmp.resolve("bad.bin");
        Files.writeString(bad, "not a trace at all");
        IOException e = assertThrows(IOException.class, () -> new TraceReader(bad));
        assertTrue(e.getMessage().contains("bad.bin"), e.getMessage());
    }
}
