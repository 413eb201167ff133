package org.netsim.visualization.display;

import org.netsim.visualization.playback.TracePlayback;
import org.netsim.visualization.render.NetworkPainter;

/**
 * The display of a recorded run ({@link TracePlayback}) with the portrayals of the live view: each step shows the
 * next recorded slot; the Model tab's {@code Slot} (a slider over the recorded range, or a typed number) jumps to
 * any slot, playing or paused, without re-simulating. Inspectors on UEs and BSs show what the trace recorded.
 */
public final class PlaybackWithUI extends NetworkGuiState {

    private final TracePlayback playback;
    private final PlaybackControls controls;

    /** @param playback the trace to play */
    public PlaybackWithUI(TracePlayback playback) {
        super(playback, NetworkPainter.worldBoundsM(playback.header(), playback.firstFrame()),
                "netsim: " + playback.header().scenario() + " (playback of " + playback.traceFile() + ")");
        this.playback = playback;
        this.controls = new PlaybackControls(playback, this::repaint);
    }

    /** @return the title of the Console */
    public static String getName() {
        return "netsim playback";
    }

    /** @return the About tab of the Console */
    public static Object getInfo() {
        return "<html><h3>netsim: a recorded run played back</h3>"
                + "<p>The network as the run recorded it (trace.bin): cells, BS sites, UEs coloured by rate or "
                + "SINR, serving links, handovers.</p><p>Model tab: <b>Slot</b> jumps to a slot (slider or "
                + "typed), while playing or paused. Click a UE or a BS to inspect it.</p></html>";
    }

    @Override
    protected DisplayOptions controls() {
        return controls;
    }

    @Override
    public void start() {
        super.start();
        if (networkDisplay() != null) {
            networkDisplay().show(playback);
        }
        repaint();
    }

    /** The Model tab: display options and the playback position. */
    public static final class PlaybackControls extends DisplayOptions {

        private final TracePlayback playback;

        PlaybackControls(TracePlayback playback, Runnable repaint) {
            super(repaint);
            this.playback = playback;
        }

        /** @return the slot shown */
        public long getSlot() {
            return playback.getSlot();
        }

        /** @param slot jumps to the first recorded slot at or after it */
        public void setSlot(long slot) {
            playback.setSlot(slot);
            repaintNow();
        }

        /** @return the recorded range (a slider) */
        public Object domSlot() {
            return playback.domSlot();
        }

        /** @return the time of the slot shown, seconds */
        public double getTimeS() {
            return playback.getTimeS();
        }

        /** @return the sum rate of the slot shown, bit/s/Hz */
        public double getSumRateBit() {
            return playback.getSumRateBit();
        }

        /** @return the handovers in the slot shown */
        public int getHandovers() {
            return playback.getHandovers();
        }

        /** @return the number of recorded slots */
        public int getRecordedSlots() {
            return playback.getRecordedSlots();
        }
    }
}
