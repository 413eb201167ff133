package org.netsim.visualization.display;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import org.netsim.visualization.render.ColourScale;
import org.netsim.visualization.render.NetworkPainter;
import org.netsim.visualization.trace.TraceReader;
import org.netsim.visualization.view.NetworkView;
import sim.portrayal.DrawInfo2D;
import sim.portrayal.FieldPortrayal2D;
import sim.portrayal.Portrayal;
import sim.portrayal.SimplePortrayal2D;
import sim.util.Bag;

/**
 * The legend layer of the network display, fixed to the visible part of the display whatever the zoom or scroll:
 * a title line (scenario, time, slot, sum rate, handovers) at the top left and the UE colour bar at the top right,
 * each on a translucent white panel. A layer of its own so the display's layer menu can hide it.
 */
public final class LegendPortrayal extends FieldPortrayal2D {

    private static final Color PANEL = new Color(255, 255, 255, 215);
    private final DisplayOptions options;

    /** @param options the colouring shown */
    public LegendPortrayal(DisplayOptions options) {
        this.options = options;
    }

    /** Shows the legend of {@code view}. */
    public void setView(NetworkView view) {
        setField(view);
    }

    @Override
    public void draw(Object object, Graphics2D g, DrawInfo2D info) {
        NetworkView view = (NetworkView) getField();
        if (view == null) {
            return;
        }
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        Rectangle2D vis = info.clip;
        TraceReader.Frame f = view.frame();
        String title = f == null || f.slot() < 0 ? view.header().scenario() + "   (before the first slot)"
                : new NetworkPainter(view.header()).title(f);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        int tw = g.getFontMetrics().stringWidth(title);
        int x0 = (int) vis.getX() + 6;
        int y0 = (int) vis.getY() + 6;
        g.setColor(PANEL);
        g.fillRect(x0, y0, tw + 12, 22);
        g.setColor(Color.BLACK);
        g.drawString(title, x0 + 6, y0 + 16);

        ColourScale colours = options.colourScale(view.maxRateBit());
        int panelW = 80;
        int panelH = 190;
        int px = (int) (vis.getMaxX() - panelW - 6);
        int py = y0 + 30;
        g.setColor(PANEL);
        g.fillRect(px, py, panelW, panelH);
        NetworkPainter.drawColourBar(g, colours, px + 14, py + 22, py + panelH - 32);
    }

    @Override
    public void hitObjects(DrawInfo2D range, Bag putInHere) {
        // the legend has nothing to inspect
    }

    @Override
    public Portrayal getDefaultPortrayal() {
        return new SimplePortrayal2D();
    }
}
