package org.netsim.visualization.render;

import org.netsim.visualization.trace.TraceReader;

/** What the colour of a UE shows: its rate (bit/s/Hz) or its effective per-stream SINR (dB) in the frame. */
public enum UeColouring {

    /** The UE's rate in the slot, bit/s/Hz (the trace's nat/s/Hz divided by ln 2). */
    RATE("rate", "bit/s/Hz") {
        @Override
        public double value(TraceReader.Frame frame, int u) {
            return frame.rateNat()[u] / Math.log(2);
        }
    },
    /** The UE's effective per-stream SINR e^{R/d} - 1 in dB (see {@code SlotReport}). */
    SINR("SINR", "dB") {
        @Override
        public double value(TraceReader.Frame frame, int u) {
            return frame.sinrDb()[u];
        }
    };

    private final String label;
    private final String unit;

    UeColouring(String label, String unit) {
        this.label = label;
        this.unit = unit;
    }

    /** @return the value of the u-th UE of {@code frame} in {@link #unit()} (NaN when not known yet) */
    public abstract double value(TraceReader.Frame frame, int u);

    /** @return a short name for legends, e.g. "rate" */
    public String label() {
        return label;
    }

    /** @return the unit of {@link #value}, e.g. "bit/s/Hz" */
    public String unit() {
        return unit;
    }
}
