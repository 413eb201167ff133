package org.netsim.visualization.display;

import java.awt.geom.Rectangle2D;
import org.netsim.simcore.NetworkSimulation;
import org.netsim.simcore.SlotPhase;
import org.netsim.visualization.render.NetworkPainter;
import org.netsim.visualization.trace.TraceHeader;
import org.netsim.visualization.trace.TraceReader;
import org.netsim.visualization.view.LiveNetworkView;
import sim.engine.Steppable;

/**
 * The live display of a {@link NetworkSimulation} (MASON's {@code Foo}/{@code FooWithUI} pairing: the model knows
 * nothing of it). At every start of the model a {@link LiveNetworkView} joins the network's listeners; the display
 * shows cell outlines and sectors, BSs, UEs coloured by rate or SINR with a colour bar, lines to the serving BSs,
 * faded wrap-around copies and handover flashes, and is redrawn after every slot. MASON's Console plays, pauses,
 * steps and sets the speed; clicking a UE or a BS opens an inspector on it; the Model tab holds the display options
 * and the state of the last slot. The run ends after the horizon given (the scenario's), or when stopped.
 */
public final class NetworkWithUI extends NetworkGuiState {

    private final NetworkSimulation simulation;
    private final TraceHeader header;
    private final long horizonSlots;
    private final LiveControls controls;
    private volatile LiveNetworkView view;

    /**
     * @param simulation the model (not started; the Console starts it)
     * @param header the network's description ({@link TraceHeader#of})
     * @param horizonSlots slots after which the run ends, &gt;= 1
     */
    public NetworkWithUI(NetworkSimulation simulation, TraceHeader header, long horizonSlots) {
        super(simulation, worldOf(simulation, header), "netsim: " + header.scenario() + " (live)");
        if (horizonSlots < 1) {
            throw new IllegalArgumentException("horizon: must be >= 1 slot, got " + horizonSlots);
        }
        this.simulation = simulation;
        this.header = header;
        this.horizonSlots = horizonSlots;
        this.controls = new LiveControls(this::repaint);
    }

    /**
     * The world rectangle: from the header for hexagonal layouts; otherwise the model is started once to see
     * where its UEs are dropped (the Console's start builds it again from the same seed).
     */
    private static Rectangle2D worldOf(NetworkSimulation sim, TraceHeader header) {
        TraceReader.Frame first = null;
        if (!header.hexagonal()) {
            sim.start();
            first = new LiveNetworkView(header, sim.ues(), sim.network().baseStations()).frame();
        }
        return NetworkPainter.worldBoundsM(header, first);
    }

    /** @return the title of the Console */
    public static String getName() {
        return "netsim live network";
    }

    /** @return the About tab of the Console */
    public static Object getInfo() {
        return "<html><h3>netsim: a multicell MU-MIMO network, live</h3>"
                + "<p>Cells (grey hexagons, sector borders), BS sites (black triangles), UEs coloured by their rate "
                + "(or SINR: Model tab), lines to their serving BSs, red rings where a UE handed over, faded "
                + "wrap-around copies beyond the border.</p><p>Play, pause and step below; the speed is the "
                + "Console tab's delay. Click a UE or a BS to inspect it.</p></html>";
    }

    @Override
    protected DisplayOptions controls() {
        return controls;
    }

    @Override
    public void start() {
        super.start(); // starts the model: a new network, UEs dropped
        LiveNetworkView v = new LiveNetworkView(header, simulation.ues(), simulation.network().baseStations());
        simulation.network().addListener(v);
        view = v;
        controls.view = v;
        // the run ends after the horizon: checked after every slot's report
        double dt = simulation.network().config().slotDurationS();
        state.schedule.scheduleRepeating(0.0, SlotPhase.REPORT.ordering(0) + 1, (Steppable) s -> {
            if (simulation.network().slot() >= horizonSlots) {
                s.kill();
            }
        }, dt);
        if (networkDisplay() != null) {
            networkDisplay().show(v);
        }
        repaint();
    }

    /** @return the view of the current run (null before the first start) */
    public LiveNetworkView view() {
        return view;
    }

    /** The Model tab: display options and the last slot. */
    public static final class LiveControls extends DisplayOptions {

        volatile LiveNetworkView view;

        LiveControls(Runnable repaint) {
            super(repaint);
        }

        private TraceReader.Frame frame() {
            LiveNetworkView v = view;
            return v == null ? null : v.frame();
        }

        /** @return the last slot run (-1 before the first) */
        public long getSlot() {
            TraceReader.Frame f = frame();
            return f == null ? -1 : f.slot();
        }

        /** @return the time of the last slot, seconds */
        public double getTimeS() {
            TraceReader.Frame f = frame();
            return f == null ? Double.NaN : f.timeS();
        }

        /** @return the sum rate of the last slot, bit/s/Hz */
        public double getSumRateBit() {
            TraceReader.Frame f = frame();
            double s = 0;
            for (int u = 0; f != null && u < f.numUes(); u++) {
                s += f.rateNat()[u];
            }
            return f == null || f.slot() < 0 ? Double.NaN : s / Math.log(2);
        }

        /** @return the handovers since the start */
        public long getHandovers() {
            LiveNetworkView v = view;
            return v == null ? 0 : v.handovers();
        }

        /** @return the number of UEs */
        public int getUes() {
            TraceReader.Frame f = frame();
            return f == null ? 0 : f.numUes();
        }
    }
}
