package org.netsim.visualization.view;

import org.netsim.visualization.trace.TraceReader;

/**
 * One UE as MASON's inspector shows it (getters are its properties): where it is, how fast it moves, which BS
 * serves it and what it gets, read from the view's current frame each time, so an open inspector follows the UE
 * as the simulation or the playback advances. Values are NaN (or -1 for the serving BS) while the UE is not in the
 * frame.
 */
public class UeStatus {

    private final NetworkView view;
    private final int ueId;

    /**
     * @param view where the UE's state comes from
     * @param ueId the UE's stable identifier
     */
    public UeStatus(NetworkView view, int ueId) {
        this.view = view;
        this.ueId = ueId;
    }

    /** @return the index of this UE in {@code f}, or -1 */
    private int index(TraceReader.Frame f) {
        if (f == null) {
            return -1;
        }
        int[] ids = f.ueIds();
        if (ueId < ids.length && ids[ueId] == ueId) {
            return ueId;
        }
        for (int u = 0; u < ids.length; u++) {
            if (ids[u] == ueId) {
                return u;
            }
        }
        return -1;
    }

    private double value(java.util.function.ToDoubleBiFunction<TraceReader.Frame, Integer> read) {
        TraceReader.Frame f = view.frame();
        int u = index(f);
        return u < 0 ? Double.NaN : read.applyAsDouble(f, u);
    }

    /** @return the UE's stable identifier */
    public int getId() {
        return ueId;
    }

    /** @return the slot shown */
    public long getSlot() {
        TraceReader.Frame f = view.frame();
        return f == null ? -1 : f.slot();
    }

    /** @return x in metres */
    public double getXM() {
        return value((f, u) -> f.xM()[u]);
    }

    /** @return y in metres */
    public double getYM() {
        return value((f, u) -> f.yM()[u]);
    }

    /** @return speed in km/h */
    public double getSpeedKmh() {
        return value((f, u) -> f.speedMps()[u] * 3.6);
    }

    /** @return the serving BS (cell index), -1 before the first slot */
    public int getServingBs() {
        TraceReader.Frame f = view.frame();
        int u = index(f);
        return u < 0 ? -1 : f.servingCell()[u];
    }

    /** @return the rate in the slot, bit/s/Hz */
    public double getRateBit() {
        return value((f, u) -> f.rateNat()[u] / Math.log(2));
    }

    /** @return the effective per-stream SINR in the slot, dB */
    public double getSinrDb() {
        return value((f, u) -> f.sinrDb()[u]);
    }

    /** @return whether the UE handed over in the slot */
    public boolean getHandover() {
        TraceReader.Frame f = view.frame();
        int u = index(f);
        return u >= 0 && f.handover()[u];
    }

    /** @return MASON's tooltip of the rate property */
    public String desRateBit() {
        return "Rate on the true channel of the slot, bit/s/Hz";
    }

    /** @return MASON's tooltip of the SINR property */
    public String desSinrDb() {
        return "Effective per-stream SINR e^(R/d) - 1 of the slot, dB";
    }

    /** @return MASON's tooltip of the serving BS property */
    public String desServingBs() {
        return "Serving cell (BS) index after the slot's association";
    }

    @Override
    public String toString() {
        return "UE " + ueId;
    }
}
