package org.netsim.visualization.view;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.netsim.visualization.trace.TraceReader;

class HandoverFlashesTest {

    private static TraceReader.Frame frame(boolean... handover) {
        int n = handover.length;
        int[] ids = new int[n];
        for (int u = 0; u < n; u++) {
            ids[u] = 10 + u;
        }
        return new TraceReader.Frame(0, 0, ids, new float[n], new float[n], new float[n], new short[n], handover,
                new float[n], new float[n]);
    }

    @Test
    void aFlashFadesLinearlyOverTheWindowAndFollowsTheUeId() {
        HandoverFlashes h = new HandoverFlashes(4);
        h.onFrame(frame(false, true));
        assertArrayEquals(new double[] {0, 1}, h.glow(frame(false, true)));
        double[] expected = {0.75, 0.5, 0.25, 0, 0};
        for (double e : expected) {
            TraceReader.Frame f = frame(false, false);
            h.onFrame(f);
            assertArrayEquals(new double[] {0, e}, h.glow(f), 1e-12);
        }
        h.onFrame(frame(true, false));
        h.reset();
        TraceReader.Frame f = frame(false, false);
        h.onFrame(f);
        assertArrayEquals(new double[] {0, 0}, h.glow(f));
        assertThrows(IllegalArgumentException.class, () -> new HandoverFlashes(0));
    }
}
