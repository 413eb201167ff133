package org.netsim.visualization.display;

import java.awt.geom.Rectangle2D;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.swing.SwingUtilities;
import sim.display.Controller;
import sim.display.GUIState;
import sim.engine.SimState;
import sim.portrayal.Inspector;
import sim.portrayal.SimpleInspector;

/**
 * What the live view and the playback share as MASON {@link GUIState}s: the {@link NetworkDisplay} made in
 * {@link #init}, the Model tab showing {@link #controls()} (display options and the state of the slot), and a
 * latch released by {@link #quit()} so a command line can wait for the window to close.
 */
public abstract class NetworkGuiState extends GUIState {

    private final Rectangle2D worldM;
    private final String title;
    private final CountDownLatch quit = new CountDownLatch(1);
    private NetworkDisplay display;

    /**
     * @param model the model
     * @param worldM the world rectangle to show, metres
     * @param title the display frame's title
     */
    protected NetworkGuiState(SimState model, Rectangle2D worldM, String title) {
        super(model);
        this.worldM = (Rectangle2D) worldM.clone();
        this.title = title;
    }

    /** @return the Model tab's bean: display options plus what the model shows */
    protected abstract DisplayOptions controls();

    @Override
    public void init(Controller c) {
        super.init(c);
        display = new NetworkDisplay(this, c, worldM, title, controls());
    }

    /**
     * Redraws the display and refreshes the inspectors, later on the Swing thread (after an option change, a jump
     * or a start while paused, when no step would do it).
     */
    protected void repaint() {
        Controller c = controller;
        if (c != null) {
            SwingUtilities.invokeLater(c::refresh);
        }
    }

    @Override
    public Object getSimulationInspectedObject() {
        return controls();
    }

    /**
     * @return the Model tab's inspector, volatile so that it follows every step (slot, time, sum rate) and
     *     {@link #repaint()} refreshes it (MASON's default one is not)
     */
    @Override
    public Inspector getInspector() {
        Inspector i = new SimpleInspector(controls(), this, null, getMaximumPropertiesForInspector());
        i.setVolatile(true);
        return i;
    }

    @Override
    public void quit() {
        super.quit();
        if (display != null) {
            display.dispose();
            display = null;
        }
        quit.countDown();
    }

    /**
     * Waits until {@link #quit()} (the Console was closed).
     *
     * @return whether it quit within the timeout
     */
    public boolean awaitQuit(long timeout, TimeUnit unit) throws InterruptedException {
        return quit.await(timeout, unit);
    }

    /** @return the display (after {@link #init}) */
    public NetworkDisplay networkDisplay() {
        return display;
    }

    /** @return the world rectangle shown, metres */
    public Rectangle2D worldM() {
        return (Rectangle2D) worldM.clone();
    }
}
