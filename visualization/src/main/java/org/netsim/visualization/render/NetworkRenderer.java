package org.netsim.visualization.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Locale;
import org.netsim.visualization.trace.TraceHeader;
import org.netsim.visualization.trace.TraceReader;

/**
 * Draws one recorded slot of a run onto an image, headless (Java2D, no display): hexagonal cell outlines (and sector
 * borders), BS sites, a line from every UE to the nearest (wrap-around) image of its serving site, UEs coloured by
 * their rate with a colour bar, a ring around UEs that handed over in this slot, and a title line with the time, the
 * sum rate and the handovers. The same portrayal serves the GIF/PNG export and the display.
 *
 * <p>World-to-pixel mapping: the bounding box of the sites grown by one cell circumradius (ISD / sqrt 3 for
 * hexagonal layouts, else by the farthest UE of the first frame), centred and scaled uniformly into the plot area
 * below the title and left of the colour bar; y points up.
 */
public final class NetworkRenderer {

    private static final Color BS_COLOUR = new Color(20, 20, 20);
    private static final int TITLE_PX = 34;
    private static final int LEGEND_PX = 90;

    private final TraceHeader header;
    private final int width;
    private final int height;
    private final double maxRateBit;
    private final double minX;
    private final double maxY;
    private final double scale;
    private final double offsetX;
    private final double offsetY;

    /**
     * @param header the network
     * @param first a frame used to size the map when the layout is not hexagonal
     * @param maxRateBit the top of the colour scale (bit/s/Hz), e.g. the largest UE rate of the frames to draw
     * @param width image width in pixels
     * @param height image height in pixels
     */
    public NetworkRenderer(TraceHeader header, TraceReader.Frame first, double maxRateBit, int width, int height) {
        if (width < 200 || height < 150) {
            throw new IllegalArgumentException("size: at least 200 x 150 pixels, got " + width + "x" + height);
        }
        this.header = header;
        this.width = width;
        this.height = height;
        this.maxRateBit = Math.max(maxRateBit, 1e-9);
        double x0 = Double.POSITIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        for (double[] s : header.sitesM()) {
            x0 = Math.min(x0, s[0]);
            y0 = Math.min(y0, s[1]);
            x1 = Math.max(x1, s[0]);
            y1 = Math.max(y1, s[1]);
        }
        double margin;
        if (header.hexagonal()) {
            margin = header.interSiteDistanceM() / Math.sqrt(3);
        } else {
            margin = 10;
            if (first != null) {
                for (int u = 0; u < first.numUes(); u++) {
                    x0 = Math.min(x0, first.xM()[u]);
                    y0 = Math.min(y0, first.yM()[u]);
                    x1 = Math.max(x1, first.xM()[u]);
                    y1 = Math.max(y1, first.yM()[u]);
                }
            }
        }
        x0 -= margin;
        y0 -= margin;
        x1 += margin;
        y1 += margin;
        int plotW = width - LEGEND_PX - 10;
        int plotH = height - TITLE_PX - 10;
        this.scale = Math.min(plotW / (x1 - x0), plotH / (y1 - y0));
        this.minX = x0;
        this.maxY = y1;
        this.offsetX = 5 + (plotW - scale * (x1 - x0)) / 2;
        this.offsetY = TITLE_PX + (plotH - scale * (y1 - y0)) / 2;
    }

    /** @return the pixel x of world coordinate {@code xM} */
    public double pixelX(double xM) {
        return offsetX + (xM - minX) * scale;
    }

    /** @return the pixel y of world coordinate {@code yM} (y up) */
    public double pixelY(double yM) {
        return offsetY + (maxY - yM) * scale;
    }

    /** Draws {@code frame} into a new image. */
    public BufferedImage render(TraceReader.Frame frame) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            drawCells(g);
            drawLinks(g, frame);
            drawUes(g, frame);
            drawSites(g);
            drawLegend(g);
            drawTitle(g, frame);
        } finally {
            g.dispose();
        }
        return img;
    }

    private void drawCells(Graphics2D g) {
        if (!header.hexagonal()) {
            return;
        }
        double r = header.interSiteDistanceM() / Math.sqrt(3);
        g.setStroke(new BasicStroke(1.2f));
        g.setColor(new Color(150, 150, 150));
        for (double[] s : header.sitesM()) {
            Path2D hex = new Path2D.Double();
            for (int v = 0; v <= 6; v++) {
                double a = Math.toRadians(60.0 * v);
                double px = pixelX(s[0] + r * Math.cos(a));
                double py = pixelY(s[1] + r * Math.sin(a));
                if (v == 0) {
                    hex.moveTo(px, py);
                } else {
                    hex.lineTo(px, py);
                }
            }
            g.draw(hex);
        }
        // sector borders: half-way between neighbouring boresights
        g.setColor(new Color(200, 200, 200));
        for (int c = 0; c < header.cellSite().length; c++) {
            double b = header.cellBoresightRad()[c];
            if (Double.isNaN(b)) {
                continue;
            }
            double[] s = header.sitesM().get(header.cellSite()[c]);
            double a = b + Math.PI / 3;
            double len = r * Math.cos(Math.PI / 6);
            g.draw(new Line2D.Double(pixelX(s[0]), pixelY(s[1]), pixelX(s[0] + len * Math.cos(a)),
                    pixelY(s[1] + len * Math.sin(a))));
        }
    }

    /** The image of site {@code site} nearest to (x, y) under the wrap-around shifts (the site itself without). */
    private double[] nearestSiteImage(int site, double x, double y) {
        double[] s = header.sitesM().get(site);
        double[] best = s;
        double bestD = Math.hypot(s[0] - x, s[1] - y);
        for (double[] sh : header.wrapShiftsM()) {
            double[] img = {s[0] + sh[0], s[1] + sh[1]};
            double d = Math.hypot(img[0] - x, img[1] - y);
            if (d < bestD) {
                bestD = d;
                best = img;
            }
        }
        return best;
    }

    private void drawLinks(Graphics2D g, TraceReader.Frame f) {
        g.setStroke(new BasicStroke(0.8f));
        g.setColor(new Color(190, 200, 220));
        Rectangle2D clip = new Rectangle2D.Double(0, TITLE_PX, width - LEGEND_PX, height - TITLE_PX);
        g.setClip(clip);
        for (int u = 0; u < f.numUes(); u++) {
            int cell = f.servingCell()[u];
            if (cell < 0 || cell >= header.cellSite().length) {
                continue;
            }
            double[] s = nearestSiteImage(header.cellSite()[cell], f.xM()[u], f.yM()[u]);
            g.draw(new Line2D.Double(pixelX(f.xM()[u]), pixelY(f.yM()[u]), pixelX(s[0]), pixelY(s[1])));
        }
        g.setClip(null);
    }

    private void drawUes(Graphics2D g, TraceReader.Frame f) {
        double rad = Math.max(3, Math.min(width, height) / 120.0);
        for (int u = 0; u < f.numUes(); u++) {
            double px = pixelX(f.xM()[u]);
            double py = pixelY(f.yM()[u]);
            g.setColor(colour(f.rateNat()[u] / Math.log(2) / maxRateBit));
            g.fill(new Ellipse2D.Double(px - rad, py - rad, 2 * rad, 2 * rad));
            g.setColor(new Color(60, 60, 60));
            g.setStroke(new BasicStroke(0.6f));
            g.draw(new Ellipse2D.Double(px - rad, py - rad, 2 * rad, 2 * rad));
            if (f.handover()[u]) {
                g.setColor(new Color(230, 30, 30));
                g.setStroke(new BasicStroke(2f));
                g.draw(new Ellipse2D.Double(px - 2.2 * rad, py - 2.2 * rad, 4.4 * rad, 4.4 * rad));
            }
        }
    }

    private void drawSites(Graphics2D g) {
        double half = Math.max(4, Math.min(width, height) / 90.0);
        g.setColor(BS_COLOUR);
        for (double[] s : header.sitesM()) {
            double px = pixelX(s[0]);
            double py = pixelY(s[1]);
            Path2D tri = new Path2D.Double();
            tri.moveTo(px, py - half * 1.2);
            tri.lineTo(px + half, py + half * 0.8);
            tri.lineTo(px - half, py + half * 0.8);
            tri.closePath();
            g.fill(tri);
        }
    }

    private void drawLegend(Graphics2D g) {
        int x = width - LEGEND_PX + 20;
        int top = TITLE_PX + 20;
        int bottom = height - 30;
        for (int y = top; y <= bottom; y++) {
            g.setColor(colour((bottom - y) / (double) (bottom - top)));
            g.drawLine(x, y, x + 18, y);
        }
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.drawString(String.format(Locale.ROOT, "%.1f", maxRateBit), x + 22, top + 4);
        g.drawString("0", x + 22, bottom + 4);
        g.drawString("bit/s/Hz", x - 6, bottom + 20);
    }

    private void drawTitle(Graphics2D g, TraceReader.Frame f) {
        double sum = 0;
        int ho = 0;
        for (int u = 0; u < f.numUes(); u++) {
            sum += f.rateNat()[u];
            ho += f.handover()[u] ? 1 : 0;
        }
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString(String.format(Locale.ROOT, "%s   t = %.3f s (slot %d)   sum rate %.1f bit/s/Hz   handovers %d",
                header.scenario(), f.timeS(), f.slot(), sum / Math.log(2), ho), 10, 22);
    }

    /** A perceptually ordered dark-blue to yellow colour map of t in [0, 1] (clamped). */
    static Color colour(double t) {
        double x = Math.max(0, Math.min(1, t));
        // piecewise-linear through five stops in the spirit of viridis
        double[][] stops = {{68, 1, 84}, {59, 82, 139}, {33, 145, 140}, {94, 201, 98}, {253, 231, 37}};
        double pos = x * (stops.length - 1);
        int i = Math.min(stops.length - 2, (int) Math.floor(pos));
        double w = pos - i;
        return new Color((int) Math.round(stops[i][0] + w * (stops[i + 1][0] - stops[i][0])),
                (int) Math.round(stops[i][1] + w * (stops[i + 1][1] - stops[i][1])),
                (int) Math.round(stops[i][2] + w * (stops[i + 1][2] - stops[i][2])));
    }
}
