package org.netsim.visualization.view;

import java.util.HashMap;
import java.util.Map;
import org.netsim.visualization.trace.TraceReader;

/**
 * Keeps a handover visible for a while: a UE's flash has strength 1 in the frame of its handover and fades
 * linearly to 0 over the next {@code windowFrames} frames (a handover lasts one slot, too short to see at speed).
 * Counted in frames shown, so the flash keeps its length at any playback speed and trace decimation.
 */
public final class HandoverFlashes {

    private final int windowFrames;
    private final Map<Integer, Long> lastHandoverFrame = new HashMap<>();
    private long frameIndex = -1;

    /** @param windowFrames frames over which a flash fades out, &gt;= 1 */
    public HandoverFlashes(int windowFrames) {
        if (windowFrames < 1) {
            throw new IllegalArgumentException("handover flash window: must be >= 1 frame, got " + windowFrames);
        }
        this.windowFrames = windowFrames;
    }

    /** Takes note of the next frame shown. */
    public void onFrame(TraceReader.Frame f) {
        frameIndex++;
        for (int u = 0; u < f.numUes(); u++) {
            if (f.handover()[u]) {
                lastHandoverFrame.put(f.ueIds()[u], frameIndex);
            }
        }
    }

    /** Forgets every flash (after a jump in playback, where the frames in between were not seen). */
    public void reset() {
        lastHandoverFrame.clear();
        frameIndex = -1;
    }

    /** @return per UE of {@code f} (the last frame passed to {@link #onFrame}), its flash strength in [0, 1] */
    public double[] glow(TraceReader.Frame f) {
        double[] g = new double[f.numUes()];
        for (int u = 0; u < g.length; u++) {
            Long last = lastHandoverFrame.get(f.ueIds()[u]);
            if (last != null) {
                g[u] = Math.max(0, 1 - (frameIndex - last) / (double) windowFrames);
            }
        }
        return g;
    }
}
