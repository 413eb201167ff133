package org.netsim.visualization.view;

import java.util.List;
import org.netsim.radio.geometry.Position;
import org.netsim.simcore.BaseStation;
import org.netsim.simcore.MobileUe;
import org.netsim.simcore.SlotListener;
import org.netsim.simcore.SlotReport;
import org.netsim.visualization.render.ColourScale;
import org.netsim.visualization.trace.TraceHeader;
import org.netsim.visualization.trace.TraceReader;

/**
 * The view of a running network: a {@link SlotListener} on a {@code RadioNetwork}, in {@code NetworkSimulation} or in
 * any host model. Positions and speeds come from the {@link MobileUe} agents given (so the UEs show before the first
 * slot, grey) or, for UEs the host added itself (give an empty list for a foreign host), from the reports; serving
 * BS, rate, SINR and handovers from the last {@link SlotReport}. The rate colour scale follows the largest rate seen so far, rounded
 * up to 1, 2 or 5 times a power of ten so that it changes rarely. Inspectors get a {@link LiveUeStatus} per UE and
 * the model's own {@link BaseStation} agents.
 *
 * <p>Threads: reports arrive on the model thread, the display reads on the Swing thread; both hold MASON's schedule
 * lock, and the current frame is published as one immutable snapshot, so a reader never sees half a slot.
 */
public final class LiveNetworkView implements NetworkView, SlotListener {

    /** Frames over which a handover flash fades. */
    public static final int FLASH_FRAMES = 30;

    private record Snapshot(TraceReader.Frame frame, double[] glow) {
    }

    private final TraceHeader header;
    private final List<MobileUe> ues;
    private final List<BaseStation> baseStations;
    private final HandoverFlashes flashes = new HandoverFlashes(FLASH_FRAMES);
    private volatile Snapshot current;
    private volatile double maxRateBit = 1;
    private double maxSeenBit;
    private long handovers;

    /**
     * @param header the network
     * @param ues the UE agents by id (the simulation's {@code ues()} after {@code start()})
     * @param baseStations the BS agents by cell (the network's {@code baseStations()})
     */
    public LiveNetworkView(TraceHeader header, List<MobileUe> ues, List<BaseStation> baseStations) {
        this.header = header;
        this.ues = List.copyOf(ues);
        this.baseStations = List.copyOf(baseStations);
        this.current = new Snapshot(agentsOnly(), new double[ues.size()]);
    }

    /** The UEs where their agents are, nothing known yet of their link. */
    private TraceReader.Frame agentsOnly() {
        int n = ues.size();
        int[] ids = new int[n];
        float[] x = new float[n];
        float[] y = new float[n];
        float[] v = new float[n];
        short[] serving = new short[n];
        float[] rate = new float[n];
        float[] sinr = new float[n];
        for (int u = 0; u < n; u++) {
            Position p = ues.get(u).position();
            ids[u] = u;
            x[u] = (float) p.xM();
            y[u] = (float) p.yM();
            v[u] = (float) ues.get(u).speedMps();
            serving[u] = -1;
            rate[u] = Float.NaN;
            sinr[u] = Float.NaN;
        }
        return new TraceReader.Frame(-1, Double.NaN, ids, x, y, v, serving, new boolean[n], rate, sinr);
    }

    @Override
    public synchronized void onSlot(SlotReport r) {
        int n = r.numUes();
        int[] ids = r.ueIds();
        double[] rx = r.positionXM();
        double[] ry = r.positionYM();
        double[] rv = r.speedMps();
        int[] serving = r.servingCell();
        double[] rate = r.rateNat();
        double[] sinr = r.sinrDb();
        float[] x = new float[n];
        float[] y = new float[n];
        float[] v = new float[n];
        short[] s = new short[n];
        float[] fr = new float[n];
        float[] fs = new float[n];
        for (int u = 0; u < n; u++) {
            int id = ids[u];
            if (id >= 0 && id < ues.size()) {
                Position p = ues.get(id).position();
                x[u] = (float) p.xM();
                y[u] = (float) p.yM();
                v[u] = (float) ues.get(id).speedMps();
            } else { // a UE the host added to the network itself
                x[u] = (float) rx[u];
                y[u] = (float) ry[u];
                v[u] = (float) rv[u];
            }
            s[u] = (short) serving[u];
            fr[u] = (float) rate[u];
            fs[u] = (float) sinr[u];
            maxSeenBit = Math.max(maxSeenBit, rate[u] / Math.log(2));
        }
        handovers += r.handovers();
        TraceReader.Frame f = new TraceReader.Frame(r.slot(), r.timeS(), ids, x, y, v, s, r.handover(), fr, fs);
        flashes.onFrame(f);
        maxRateBit = ColourScale.niceCeiling(maxSeenBit);
        current = new Snapshot(f, flashes.glow(f));
    }

    @Override
    public TraceHeader header() {
        return header;
    }

    @Override
    public TraceReader.Frame frame() {
        return current.frame();
    }

    @Override
    public double[] handoverGlow() {
        return current.glow().clone();
    }

    @Override
    public double maxRateBit() {
        return maxRateBit;
    }

    /** @return the handovers reported so far */
    public synchronized long handovers() {
        return handovers;
    }

    @Override
    public Object ueInspectable(int u) {
        int id = current.frame().ueIds()[u];
        return id >= 0 && id < ues.size() ? new LiveUeStatus(this, id, ues.get(id)) : new UeStatus(this, id);
    }

    @Override
    public Object cellInspectable(int cell) {
        return baseStations.get(cell);
    }
}
