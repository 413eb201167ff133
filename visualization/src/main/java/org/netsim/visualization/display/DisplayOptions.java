package org.netsim.visualization.display;

import org.netsim.visualization.render.ColourScale;
import org.netsim.visualization.render.UeColouring;
import sim.util.Interval;

/**
 * What the network display shows, as MASON properties (the Model tab of the Console): UE colour by rate or SINR,
 * the SINR range of the colour scale, the UE-to-BS lines, and the opacity of the wrap-around copies of the network
 * (0 hides them). Changes apply at the next repaint.
 */
public class DisplayOptions {

    private volatile int colourBy = UeColouring.RATE.ordinal();
    private volatile boolean showLinks = true;
    private volatile double wrapCopiesOpacity = 0.25;
    private volatile double sinrMinDb = -10;
    private volatile double sinrMaxDb = 30;
    private final Runnable repaint;

    /** @param repaint called after every change, to redraw a paused display */
    public DisplayOptions(Runnable repaint) {
        this.repaint = repaint;
    }

    /** @return 0 colours UEs by rate, 1 by SINR */
    public int getColourBy() {
        return colourBy;
    }

    /** @param v 0 colours UEs by rate, 1 by SINR */
    public void setColourBy(int v) {
        if (v >= 0 && v < UeColouring.values().length) {
            colourBy = v;
            repaint.run();
        }
    }

    /** @return the names of the {@code ColourBy} choices (MASON shows a menu) */
    public Object domColourBy() {
        return new String[] {"rate (bit/s/Hz)", "SINR (dB)"};
    }

    /** @return whether lines join every UE to its serving BS */
    public boolean getShowLinks() {
        return showLinks;
    }

    /** @param v whether lines join every UE to its serving BS */
    public void setShowLinks(boolean v) {
        showLinks = v;
        repaint.run();
    }

    /** @return the opacity of the wrap-around copies in [0, 1] (0 hides them) */
    public double getWrapCopiesOpacity() {
        return wrapCopiesOpacity;
    }

    /** @param v the opacity of the wrap-around copies, clamped to [0, 1] */
    public void setWrapCopiesOpacity(double v) {
        if (!Double.isNaN(v)) {
            wrapCopiesOpacity = Math.max(0, Math.min(1, v));
            repaint.run();
        }
    }

    /** @return the range of {@code WrapCopiesOpacity} (a slider) */
    public Object domWrapCopiesOpacity() {
        return new Interval(0.0, 1.0);
    }

    /** @return the SINR drawn dark blue, dB */
    public double getSinrMinDb() {
        return sinrMinDb;
    }

    /** @param v the SINR drawn dark blue, dB (kept below the top) */
    public void setSinrMinDb(double v) {
        if (v < sinrMaxDb) {
            sinrMinDb = v;
            repaint.run();
        }
    }

    /** @return the SINR drawn yellow, dB */
    public double getSinrMaxDb() {
        return sinrMaxDb;
    }

    /** @param v the SINR drawn yellow, dB (kept above the bottom) */
    public void setSinrMaxDb(double v) {
        if (v > sinrMinDb && !Double.isInfinite(v)) {
            sinrMaxDb = v;
            repaint.run();
        }
    }

    /** Runs the repaint callback (after a change made by a subclass). */
    protected void repaintNow() {
        repaint.run();
    }

    /** @return the colour scale to draw with, given the top of the rate scale */
    ColourScale colourScale(double maxRateBit) {
        return colourBy == UeColouring.SINR.ordinal() ? new ColourScale(UeColouring.SINR, sinrMinDb, sinrMaxDb)
                : ColourScale.rate(maxRateBit);
    }
}
