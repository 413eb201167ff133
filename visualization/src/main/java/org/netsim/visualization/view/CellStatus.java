package org.netsim.visualization.view;

import org.netsim.visualization.trace.TraceHeader;
import org.netsim.visualization.trace.TraceReader;

/**
 * The BS of one cell of a played-back trace as MASON's inspector shows it: its site and position, and, from the
 * current frame, the UEs it serves and their sum rate (the trace does not record transmit powers).
 */
public final class CellStatus {

    private final NetworkView view;
    private final int cell;

    /**
     * @param view where the frame comes from
     * @param cell the cell index
     */
    public CellStatus(NetworkView view, int cell) {
        this.view = view;
        this.cell = cell;
    }

    /** @return the cell index (the BS index of the precoding problem) */
    public int getCell() {
        return cell;
    }

    /** @return the site index */
    public int getSite() {
        return view.header().cellSite()[cell];
    }

    /** @return the boresight of the sector in degrees (NaN for an omnidirectional cell) */
    public double getBoresightDeg() {
        return Math.toDegrees(view.header().cellBoresightRad()[cell]);
    }

    /** @return the site's x in metres */
    public double getXM() {
        TraceHeader h = view.header();
        return h.sitesM().get(h.cellSite()[cell])[0];
    }

    /** @return the site's y in metres */
    public double getYM() {
        TraceHeader h = view.header();
        return h.sitesM().get(h.cellSite()[cell])[1];
    }

    /** @return the UEs the cell serves in the slot */
    public int getServedUes() {
        TraceReader.Frame f = view.frame();
        int n = 0;
        for (int u = 0; f != null && u < f.numUes(); u++) {
            n += f.servingCell()[u] == cell ? 1 : 0;
        }
        return n;
    }

    /** @return the sum rate of the cell's UEs in the slot, bit/s/Hz */
    public double getCellRateBit() {
        TraceReader.Frame f = view.frame();
        double s = 0;
        for (int u = 0; f != null && u < f.numUes(); u++) {
            if (f.servingCell()[u] == cell) {
                s += f.rateNat()[u];
            }
        }
        return s / Math.log(2);
    }

    @Override
    public String toString() {
        return "BS of cell " + cell;
    }
}
