package org.netsim.visualization.display;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import javax.swing.JFrame;
import org.netsim.visualization.view.NetworkView;
import sim.display.Controller;
import sim.display.Display2D;
import sim.display.GUIState;

/**
 * The MASON display shared by the live view and the playback: one {@link Display2D} with the network layer
 * ({@link NetworkPortrayal}) and the legend layer ({@link LegendPortrayal}), sized to the world rectangle's aspect,
 * in a frame registered with the Console. The movie button is hidden: MASON's movies need JMF, which the build
 * leaves out ({@code netsim render} writes GIFs instead); snapshots offer PNG only, since MASON finds no iText.
 */
public final class NetworkDisplay {

    /** Longest side of the display at scale 1, pixels. */
    static final int SIZE_PX = 820;

    private final Display2D display;
    private final JFrame frame;
    private final NetworkPortrayal network;
    private final LegendPortrayal legend;
    private final DisplayOptions options;

    /**
     * Makes the display and its frame and registers the frame with {@code controller} (call from
     * {@link GUIState#init}).
     *
     * @param gui the GUI state
     * @param controller its controller (the Console)
     * @param worldM the world rectangle to show, metres
     * @param title the frame title
     * @param options what to show
     */
    public NetworkDisplay(GUIState gui, Controller controller, Rectangle2D worldM, String title,
            DisplayOptions options) {
        double aspect = worldM.getHeight() / worldM.getWidth();
        int w = aspect <= 1 ? SIZE_PX : (int) Math.round(SIZE_PX / aspect);
        int h = aspect <= 1 ? (int) Math.round(SIZE_PX * aspect) : SIZE_PX;
        this.options = options;
        display = new Display2D(w, h, gui);
        display.setBackdrop(Color.WHITE);
        display.setClipping(false);
        network = new NetworkPortrayal(worldM, options);
        legend = new LegendPortrayal(options);
        display.attach(network, "Network");
        display.attach(legend, "Legend");
        if (display.movieButton != null) {
            display.movieButton.setVisible(false);
        }
        frame = display.createFrame();
        frame.setTitle(title);
        controller.registerFrame(frame);
        frame.setVisible(true);
    }

    /** Shows {@code view} (call from {@link GUIState#start} and {@code load}). */
    public void show(NetworkView view) {
        network.setView(view);
        legend.setView(view);
        display.reset();
        display.repaint();
    }

    /** @return what the display shows (a MASON properties bean) */
    public DisplayOptions options() {
        return options;
    }

    /** @return the MASON display */
    public Display2D display() {
        return display;
    }

    /** @return the network layer */
    public NetworkPortrayal networkPortrayal() {
        return network;
    }

    /** Closes the frame (call from {@link GUIState#quit}). */
    public void dispose() {
        frame.dispose();
    }
}
