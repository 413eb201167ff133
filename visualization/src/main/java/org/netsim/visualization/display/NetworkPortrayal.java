package org.netsim.visualization.display;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.HashSet;
import java.util.Set;
import org.netsim.visualization.render.NetworkPainter;
import org.netsim.visualization.trace.TraceHeader;
import org.netsim.visualization.trace.TraceReader;
import org.netsim.visualization.view.NetworkView;
import sim.display.GUIState;
import sim.portrayal.DrawInfo2D;
import sim.portrayal.FieldPortrayal2D;
import sim.portrayal.Inspector;
import sim.portrayal.LocationWrapper;
import sim.portrayal.Portrayal;
import sim.portrayal.SimplePortrayal2D;
import sim.portrayal.SimpleInspector;
import sim.util.Bag;
import sim.util.Double2D;

/**
 * The network as a MASON field portrayal: draws a {@link NetworkView} with {@link NetworkPainter} (the portrayal of
 * the headless renderer) into the rectangle the display gives the field, and answers hit tests with the UEs and
 * BSs under the mouse, so a click opens MASON's inspectors on them ({@link NetworkView#ueInspectable},
 * {@link NetworkView#cellInspectable}: position, speed, serving BS, rate, SINR; BS load, power, cell rate). Selected
 * UEs are outlined. The field is the view; the world rectangle shown is fixed when the portrayal is made.
 */
public final class NetworkPortrayal extends FieldPortrayal2D {

    /** UE dot radius at scale 1, pixels. */
    static final double UE_RADIUS_PX = 4;
    /** BS triangle half width at scale 1, pixels. */
    static final double SITE_HALF_PX = 6;

    private final Rectangle2D worldM;
    private final DisplayOptions options;
    private final Set<Object> selected = new HashSet<>();
    private NetworkPainter painter;

    /**
     * @param worldM the world rectangle shown, metres (see {@link NetworkPainter#worldBoundsM})
     * @param options what to show
     */
    public NetworkPortrayal(Rectangle2D worldM, DisplayOptions options) {
        this.worldM = (Rectangle2D) worldM.clone();
        this.options = options;
    }

    /** Shows {@code view} (a new one at every start of the model). */
    public void setView(NetworkView view) {
        setField(view);
        painter = new NetworkPainter(view.header());
        synchronized (selected) {
            selected.clear();
        }
    }

    /** @return the view drawn, or null before the first start */
    public NetworkView view() {
        return (NetworkView) getField();
    }

    /** @return the world-to-pixel mapping in the rectangle {@code info.draw} */
    public NetworkPainter.Mapping mapping(DrawInfo2D info) {
        return NetworkPainter.Mapping.fit(worldM, info.draw);
    }

    @Override
    public void draw(Object object, Graphics2D g, DrawInfo2D info) {
        NetworkView view = view();
        if (view == null) {
            return;
        }
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        NetworkPainter.Mapping m = mapping(info);
        TraceReader.Frame f = view.frame();
        double[] glow = view.handoverGlow();
        if (f != null && glow.length != f.numUes()) {
            glow = null;
        }
        NetworkPainter.Style style = new NetworkPainter.Style(UE_RADIUS_PX, SITE_HALF_PX, options.getShowLinks(),
                options.getWrapCopiesOpacity());
        painter.paint(g, m, f, options.colourScale(view.maxRateBit()), style, glow);
        if (f != null) {
            drawSelection(g, m, f);
        }
    }

    private void drawSelection(Graphics2D g, NetworkPainter.Mapping m, TraceReader.Frame f) {
        synchronized (selected) {
            if (selected.isEmpty()) {
                return;
            }
            g.setStroke(new BasicStroke(2.5f));
            g.setColor(new Color(0, 160, 255));
            double r = 2.0 * UE_RADIUS_PX;
            for (int u = 0; u < f.numUes(); u++) {
                if (selected.contains(ueKey(f.ueIds()[u]))) {
                    double px = m.x(f.xM()[u]);
                    double py = m.y(f.yM()[u]);
                    g.draw(new Ellipse2D.Double(px - r, py - r, 2 * r, 2 * r));
                }
            }
        }
    }

    @Override
    public void hitObjects(DrawInfo2D range, Bag putInHere) {
        NetworkView view = view();
        if (view == null) {
            return;
        }
        NetworkPainter.Mapping m = mapping(range);
        TraceReader.Frame f = view.frame();
        Rectangle2D hit = range.clip;
        if (f != null) {
            double r = UE_RADIUS_PX + 1;
            for (int u = 0; u < f.numUes(); u++) {
                double px = m.x(f.xM()[u]);
                double py = m.y(f.yM()[u]);
                if (hit.intersects(px - r, py - r, 2 * r, 2 * r)) {
                    putInHere.add(new LocationWrapper(view.ueInspectable(u), new Double2D(f.xM()[u], f.yM()[u]),
                            this));
                }
            }
        }
        TraceHeader h = view.header();
        double s = SITE_HALF_PX * 1.3;
        for (int c = 0; c < h.cellSite().length; c++) {
            double[] site = h.sitesM().get(h.cellSite()[c]);
            double px = m.x(site[0]);
            double py = m.y(site[1]);
            if (hit.intersects(px - s, py - s, 2 * s, 2 * s)) {
                putInHere.add(new LocationWrapper(view.cellInspectable(c), new Double2D(site[0], site[1]), this));
            }
        }
    }

    @Override
    public Inspector getInspector(LocationWrapper wrapper, GUIState state) {
        return new SimpleInspector(wrapper.getObject(), state, getName(wrapper));
    }

    @Override
    public String getName(LocationWrapper wrapper) {
        return String.valueOf(wrapper.getObject());
    }

    @Override
    public String getStatus(LocationWrapper wrapper) {
        Double2D p = (Double2D) wrapper.getLocation();
        return wrapper.getObject() + String.format(java.util.Locale.ROOT, " at (%.1f m, %.1f m)", p.x, p.y);
    }

    @Override
    public boolean setSelected(LocationWrapper wrapper, boolean selectedNow) {
        Object key = wrapper.getObject() instanceof org.netsim.visualization.view.UeStatus ue ? ueKey(ue.getId())
                : wrapper.getObject();
        synchronized (selected) {
            if (selectedNow) {
                selected.add(key);
            } else {
                selected.remove(key);
            }
        }
        return true;
    }

    private static Object ueKey(int id) {
        return "ue" + id;
    }

    @Override
    public Portrayal getDefaultPortrayal() {
        return new SimplePortrayal2D();
    }
}
