package org.netsim.examples.drones;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import org.netsim.visualization.display.DisplayOptions;
import org.netsim.visualization.display.LegendPortrayal;
import org.netsim.visualization.display.NetworkPortrayal;
import org.netsim.visualization.trace.TraceHeader;
import org.netsim.visualization.view.LiveNetworkView;
import sim.display.Console;
import sim.display.Controller;
import sim.display.Display2D;
import sim.display.GUIState;
import sim.engine.SimState;
import sim.engine.Steppable;
import sim.portrayal.DrawInfo2D;
import sim.portrayal.continuous.ContinuousPortrayal2D;
import sim.portrayal.simple.OvalPortrayal2D;
import sim.portrayal.simple.RectanglePortrayal2D;

/**
 * The drone model in a MASON window, the model's own portrayals (drones as rings, masts as squares, in a
 * {@link ContinuousPortrayal2D} of the airspace) over the network's ({@link NetworkPortrayal}: cells, BSs, every
 * drone's dot coloured by its rate with a line to its serving BS, handover flashes; {@link LegendPortrayal}: time,
 * sum rate, colour bar) in one {@link Display2D}. The two line up because the network's world rectangle is the
 * airspace's ({@link DroneNetwork#FRAME}). MASON's pairing {@code Foo} / {@code FooWithUI}: the model knows nothing
 * of this class. Clicking a drone opens the model's inspector on it; clicking its dot or a BS opens the network's.
 */
public final class DroneDeliveryWithUI extends GUIState {

    private final DroneDeliveryWithNetwork drones;
    private final long horizonSlots;
    private final CountDownLatch quit = new CountDownLatch(1);
    private final ContinuousPortrayal2D airspacePortrayal = new ContinuousPortrayal2D();
    private final DisplayOptions options = new DisplayOptions(this::repaint);
    private NetworkPortrayal networkPortrayal;
    private LegendPortrayal legend;
    private Display2D display;
    private JFrame frame;

    /**
     * @param model the model (not started; the Console starts it)
     * @param horizonSlots slots after which the run stops, &gt;= 1
     */
    public DroneDeliveryWithUI(DroneDeliveryWithNetwork model, long horizonSlots) {
        super(model);
        if (horizonSlots < 1) {
            throw new IllegalArgumentException("horizon: must be >= 1 slot, got " + horizonSlots);
        }
        this.drones = model;
        this.horizonSlots = horizonSlots;
    }

    /** @return the Console's title */
    public static String getName() {
        return "netsim example: delivery drones";
    }

    /** @return the Console's About tab */
    public static Object getInfo() {
        return "<html><h3>Delivery drones with a multicell MU-MIMO link</h3><p>A MASON model of drones (rings) "
                + "flying between depots and drop points, with the netsim radio network attached: each drone in the "
                + "air is a UE, its dot coloured by its rate, a line to its serving BS (black triangles). Drones "
                + "slow down where their rate is below the model's threshold (Model tab).</p></html>";
    }

    /** @return the world rectangle of the network, metres: the airspace */
    static Rectangle2D worldM() {
        return new Rectangle2D.Double(DroneNetwork.FRAME.westXM(), DroneNetwork.FRAME.northYM() - DroneDelivery.HEIGHT_M,
                DroneDelivery.WIDTH_M, DroneDelivery.HEIGHT_M);
    }

    @Override
    public Object getSimulationInspectedObject() {
        return state; // the model's own properties: drones, threshold, deliveries
    }

    @Override
    public void init(Controller c) {
        super.init(c);
        int w = 960;
        int h = (int) Math.round(w * DroneDelivery.HEIGHT_M / DroneDelivery.WIDTH_M);
        display = new Display2D(w, h, this);
        display.setBackdrop(Color.WHITE);
        networkPortrayal = new NetworkPortrayal(worldM(), options);
        legend = new LegendPortrayal(options);
        display.attach(networkPortrayal, "Network (netsim)");
        display.attach(airspacePortrayal, "Drones and masts (the model)");
        display.attach(legend, "Legend (netsim)");
        frame = display.createFrame();
        frame.setTitle(getName());
        c.registerFrame(frame);
        frame.setVisible(true);
    }

    @Override
    public void start() {
        super.start(); // the model starts: drones placed, network attached
        setupPortrayals();
        // stop after the horizon, checked after each slot's report
        drones.schedule.scheduleRepeating(0.0, 100, (Steppable) s -> {
            if (drones.network().network().slot() >= horizonSlots) {
                s.kill();
            }
        }, 1.0);
    }

    private void setupPortrayals() {
        airspacePortrayal.setField(drones.airspace);
        airspacePortrayal.setPortrayalForClass(Drone.class, new OvalPortrayal2D(new Color(40, 40, 40), 22, false) {
            private static final long serialVersionUID = 1L;

            @Override
            public void draw(Object object, Graphics2D graphics, DrawInfo2D info) {
                Drone d = (Drone) object;
                paint = d.isFlying() ? new Color(40, 40, 40) : new Color(160, 160, 160);
                super.draw(object, graphics, info);
            }
        });
        airspacePortrayal.setPortrayalForClass(DroneDelivery.Mast.class,
                new RectanglePortrayal2D(new Color(120, 60, 0), 18, false));
        var net = drones.network().network();
        TraceHeader header = TraceHeader.of("drones", net.config().largeScale().layout(),
                net.config().slotDurationS());
        LiveNetworkView view = new LiveNetworkView(header, List.of(), net.baseStations());
        net.addListener(view);
        networkPortrayal.setView(view);
        legend.setView(view);
        if (display != null) {
            display.reset();
            display.repaint();
        }
    }

    private void repaint() {
        Controller c = controller;
        if (c != null) {
            SwingUtilities.invokeLater(c::refresh);
        }
    }

    @Override
    public void quit() {
        super.quit();
        if (frame != null) {
            frame.dispose();
        }
        frame = null;
        display = null;
        quit.countDown();
    }

    /** @return the display (after {@link #init}) */
    public Display2D display() {
        return display;
    }

    /** @return the network's layer (after {@link #init}) */
    public NetworkPortrayal networkPortrayal() {
        return networkPortrayal;
    }

    /** @return the model's layer: drones and masts in the airspace */
    public ContinuousPortrayal2D airspacePortrayal() {
        return airspacePortrayal;
    }

    /** @return the model shown */
    public DroneDeliveryWithNetwork model() {
        return drones;
    }

    /**
     * Opens the Console and blocks until it is closed.
     *
     * @param gui the GUI state
     * @throws InterruptedException if interrupted while waiting
     */
    public static void run(DroneDeliveryWithUI gui) throws InterruptedException {
        SwingUtilities.invokeLater(() -> {
            Console console = new Console(gui);
            console.setVisible(true);
            console.pressPause();
        });
        while (!gui.quit.await(1, TimeUnit.DAYS)) {
            // wait on
        }
    }

    /**
     * Opens the example on a display.
     *
     * @param args ignored
     * @throws InterruptedException if interrupted while waiting
     */
    public static void main(String[] args) throws InterruptedException {
        run(new DroneDeliveryWithUI(new DroneDeliveryWithNetwork(1), 20_000));
    }

    /**
     * MASON checkpoints are not supported: the network's state is transient and would not be restored.
     *
     * @param state the checkpointed model
     * @throws UnsupportedOperationException always
     */
    @Override
    public void load(SimState state) {
        throw new UnsupportedOperationException("drones: checkpoints are not supported (the network is not saved)");
    }
}
