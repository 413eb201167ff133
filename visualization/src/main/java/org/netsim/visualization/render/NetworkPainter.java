package org.netsim.visualization.render;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.Locale;
import org.netsim.visualization.trace.TraceHeader;
import org.netsim.visualization.trace.TraceReader;

/**
 * The portrayal of the network shared by the headless {@link NetworkRenderer} and the MASON display: hexagonal
 * cell outlines and sector borders, BS sites (black triangles), a line from every UE to the nearest wrap-around
 * image of its serving site, UEs coloured by a {@link ColourScale}, rings around UEs that handed over, optionally
 * faded copies of the network at the wrap-around shifts (what a UE near the border "sees" beyond it), and the colour
 * bar. Stateless apart from the network description; draws into whatever {@link Graphics2D} and {@link Mapping} it
 * is given.
 */
public final class NetworkPainter {

    /** Colour of BS markers. */
    public static final Color BS_COLOUR = new Color(20, 20, 20);
    private static final Color CELL_COLOUR = new Color(150, 150, 150);
    private static final Color SECTOR_COLOUR = new Color(200, 200, 200);
    private static final Color LINK_COLOUR = new Color(190, 200, 220);
    private static final Color UE_EDGE = new Color(60, 60, 60);
    /** Colour of the handover ring. */
    public static final Color HANDOVER_COLOUR = new Color(230, 30, 30);

    /**
     * World-to-pixel mapping with one scale for both axes and y pointing up: pixel x = offsetXPx + (x - minXM)
     * pxPerM, pixel y = offsetYPx + (maxYM - y) pxPerM.
     *
     * @param minXM the world x (metres) at pixel {@code offsetXPx}
     * @param maxYM the world y (metres) at pixel {@code offsetYPx}
     * @param pxPerM pixels per metre, &gt; 0
     * @param offsetXPx pixel x of world x = minXM
     * @param offsetYPx pixel y of world y = maxYM
     */
    public record Mapping(double minXM, double maxYM, double pxPerM, double offsetXPx, double offsetYPx) {

        /**
         * The mapping that shows {@code worldM} as large as possible inside {@code pixels}, centred.
         *
         * @param worldM the world rectangle in metres (x right, y up; {@code getY()} is the smallest y)
         * @param pixels the pixel rectangle (y down)
         */
        public static Mapping fit(Rectangle2D worldM, Rectangle2D pixels) {
            double scale = Math.min(pixels.getWidth() / worldM.getWidth(), pixels.getHeight() / worldM.getHeight());
            return new Mapping(worldM.getMinX(), worldM.getMaxY(), scale,
                    pixels.getX() + (pixels.getWidth() - scale * worldM.getWidth()) / 2,
                    pixels.getY() + (pixels.getHeight() - scale * worldM.getHeight()) / 2);
        }

        /** @return the pixel x of world x {@code xM} */
        public double x(double xM) {
            return offsetXPx + (xM - minXM) * pxPerM;
        }

        /** @return the pixel y of world y {@code yM} */
        public double y(double yM) {
            return offsetYPx + (maxYM - yM) * pxPerM;
        }

        /** @return the world x in metres of pixel x {@code px} */
        public double worldX(double px) {
            return minXM + (px - offsetXPx) / pxPerM;
        }

        /** @return the world y in metres of pixel y {@code py} */
        public double worldY(double py) {
            return maxYM - (py - offsetYPx) / pxPerM;
        }
    }

    /**
     * How the network is drawn.
     *
     * @param ueRadiusPx radius of a UE dot in pixels
     * @param siteHalfPx half width of a BS triangle in pixels
     * @param links whether to draw the UE-to-serving-site lines
     * @param wrapCopyAlpha opacity of the copies of the network at the wrap-around shifts, in [0, 1]; 0 draws none
     */
    public record Style(double ueRadiusPx, double siteHalfPx, boolean links, double wrapCopyAlpha) {

        /** Checks the sizes. */
        public Style {
            if (!(ueRadiusPx > 0) || !(siteHalfPx > 0)) {
                throw new IllegalArgumentException("style: marker sizes must be > 0");
            }
            if (!(wrapCopyAlpha >= 0 && wrapCopyAlpha <= 1)) {
                throw new IllegalArgumentException("style: wrapCopyAlpha must be in [0, 1], got " + wrapCopyAlpha);
            }
        }

        /** The style of an image of {@code widthPx} x {@code heightPx} pixels: marker sizes scale with it. */
        public static Style forImage(int widthPx, int heightPx, double wrapCopyAlpha) {
            int m = Math.min(widthPx, heightPx);
            return new Style(Math.max(3, m / 120.0), Math.max(4, m / 90.0), true, wrapCopyAlpha);
        }
    }

    private final TraceHeader header;
    private final double circumradiusM;

    /** @param header the network */
    public NetworkPainter(TraceHeader header) {
        this.header = header;
        this.circumradiusM = header.hexagonal() ? header.interSiteDistanceM() / Math.sqrt(3) : Double.NaN;
    }

    /** @return the network */
    public TraceHeader header() {
        return header;
    }

    /**
     * The world rectangle to show: the bounding box of the sites grown by one cell circumradius (ISD / sqrt 3) for
     * hexagonal layouts; otherwise the bounding box of the sites and of the UEs of {@code first} (may be null) grown
     * by 10 m.
     */
    public static Rectangle2D worldBoundsM(TraceHeader header, TraceReader.Frame first) {
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
        return new Rectangle2D.Double(x0 - margin, y0 - margin, x1 - x0 + 2 * margin, y1 - y0 + 2 * margin);
    }

    /**
     * Draws the network and, when {@code frame} is not null, its UEs: faded wrap-around copies first, then cells,
     * links, UEs, handover rings and sites.
     *
     * @param g where to draw (its clip limits the drawing)
     * @param m the world-to-pixel mapping
     * @param frame the slot to draw, or null for the network alone
     * @param colours the UE colours
     * @param style sizes and options
     * @param handoverGlow per UE of {@code frame}, the strength in [0, 1] of its handover ring (0 none); null uses
     *     the frame's handover flags
     */
    public void paint(Graphics2D g, Mapping m, TraceReader.Frame frame, ColourScale colours, Style style,
            double[] handoverGlow) {
        if (style.wrapCopyAlpha() > 0 && !header.wrapShiftsM().isEmpty()) {
            Composite c = g.getComposite();
            g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) style.wrapCopyAlpha()));
            for (double[] shift : header.wrapShiftsM()) {
                drawCells(g, m, shift[0], shift[1]);
                if (frame != null) {
                    drawUes(g, m, frame, colours, style, null, shift[0], shift[1]);
                }
                drawSites(g, m, style, shift[0], shift[1]);
            }
            g.setComposite(c);
        }
        drawCells(g, m, 0, 0);
        if (frame != null) {
            if (style.links()) {
                drawLinks(g, m, frame, colours);
            }
            drawUes(g, m, frame, colours, style, handoverGlow, 0, 0);
        }
        drawSites(g, m, style, 0, 0);
    }

    private void drawCells(Graphics2D g, Mapping m, double dx, double dy) {
        if (!header.hexagonal()) {
            return;
        }
        double r = circumradiusM;
        g.setStroke(new BasicStroke(1.2f));
        g.setColor(CELL_COLOUR);
        for (double[] s : header.sitesM()) {
            Path2D hex = new Path2D.Double();
            for (int v = 0; v <= 6; v++) {
                double a = Math.toRadians(60.0 * v);
                double px = m.x(s[0] + dx + r * Math.cos(a));
                double py = m.y(s[1] + dy + r * Math.sin(a));
                if (v == 0) {
                    hex.moveTo(px, py);
                } else {
                    hex.lineTo(px, py);
                }
            }
            g.draw(hex);
        }
        // sector borders: half-way between neighbouring boresights
        g.setColor(SECTOR_COLOUR);
        for (int c = 0; c < header.cellSite().length; c++) {
            double b = header.cellBoresightRad()[c];
            if (Double.isNaN(b)) {
                continue;
            }
            double[] s = header.sitesM().get(header.cellSite()[c]);
            double a = b + Math.PI / 3;
            double len = r * Math.cos(Math.PI / 6);
            g.draw(new Line2D.Double(m.x(s[0] + dx), m.y(s[1] + dy), m.x(s[0] + dx + len * Math.cos(a)),
                    m.y(s[1] + dy + len * Math.sin(a))));
        }
    }

    /** @return the image of site {@code site} nearest to (x, y) under the wrap-around shifts (the site without) */
    public double[] nearestSiteImage(int site, double x, double y) {
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

    /** Lines from UEs to their serving BSs, each in its UE's colour (by rate or SINR); grey before the first slot. */
    private void drawLinks(Graphics2D g, Mapping m, TraceReader.Frame f, ColourScale colours) {
        g.setStroke(new BasicStroke(1.2f));
        for (int u = 0; u < f.numUes(); u++) {
            Color c = colours.colourOf(f, u);
            g.setColor(c == null || Double.isNaN(f.rateNat()[u]) ? LINK_COLOUR : c);
            int cell = f.servingCell()[u];
            if (cell < 0 || cell >= header.cellSite().length) {
                continue;
            }
            double[] s = nearestSiteImage(header.cellSite()[cell], f.xM()[u], f.yM()[u]);
            g.draw(new Line2D.Double(m.x(f.xM()[u]), m.y(f.yM()[u]), m.x(s[0]), m.y(s[1])));
        }
    }

    private void drawUes(Graphics2D g, Mapping m, TraceReader.Frame f, ColourScale colours, Style style,
            double[] glow, double dx, double dy) {
        double rad = style.ueRadiusPx();
        boolean copy = dx != 0 || dy != 0;
        Composite base = g.getComposite();
        for (int u = 0; u < f.numUes(); u++) {
            double px = m.x(f.xM()[u] + dx);
            double py = m.y(f.yM()[u] + dy);
            Ellipse2D dot = new Ellipse2D.Double(px - rad, py - rad, 2 * rad, 2 * rad);
            g.setColor(colours.colourOf(f, u));
            g.fill(dot);
            g.setColor(UE_EDGE);
            g.setStroke(new BasicStroke(0.6f));
            g.draw(dot);
            double ring = copy ? 0 : glow == null ? (f.handover()[u] ? 1 : 0) : glow[u];
            if (ring > 0) {
                g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) Math.min(1, ring)));
                g.setColor(HANDOVER_COLOUR);
                g.setStroke(new BasicStroke(2f));
                g.draw(new Ellipse2D.Double(px - 2.2 * rad, py - 2.2 * rad, 4.4 * rad, 4.4 * rad));
                g.setComposite(base);
            }
        }
    }

    private void drawSites(Graphics2D g, Mapping m, Style style, double dx, double dy) {
        double half = style.siteHalfPx();
        g.setColor(BS_COLOUR);
        for (double[] s : header.sitesM()) {
            double px = m.x(s[0] + dx);
            double py = m.y(s[1] + dy);
            Path2D tri = new Path2D.Double();
            tri.moveTo(px, py - half * 1.2);
            tri.lineTo(px + half, py + half * 0.8);
            tri.lineTo(px - half, py + half * 0.8);
            tri.closePath();
            g.fill(tri);
        }
    }

    /**
     * Draws the colour bar of {@code colours}: a vertical gradient 18 px wide at pixel x {@code x} from {@code top}
     * (max) to {@code bottom} (min), its end values on the right and the quantity with its unit below.
     */
    public static void drawColourBar(Graphics2D g, ColourScale colours, int x, int top, int bottom) {
        for (int y = top; y <= bottom; y++) {
            g.setColor(ColourScale.colour((bottom - y) / (double) Math.max(1, bottom - top)));
            g.fillRect(x, y, 18, 1); // whole pixels: an antialiased 1 px line would straddle two rows, pale
        }
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.drawString(label(colours.max()), x + 22, top + 4);
        g.drawString(label(colours.min()), x + 22, bottom + 4);
        g.drawString(colours.what().unit(), x - 6, bottom + 20);
        if (colours.what() != UeColouring.RATE) {
            g.drawString(colours.what().label(), x - 6, top - 8);
        }
    }

    private static String label(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e6 ? String.format(Locale.ROOT, "%.0f", v)
                : String.format(Locale.ROOT, "%.1f", v);
    }

    /** @return the title line of a frame: scenario, time, slot, sum rate and handovers */
    public String title(TraceReader.Frame f) {
        double sum = 0;
        int ho = 0;
        for (int u = 0; u < f.numUes(); u++) {
            sum += f.rateNat()[u];
            ho += f.handover()[u] ? 1 : 0;
        }
        return String.format(Locale.ROOT, "%s   t = %.3f s (slot %d)   sum rate %.1f bit/s/Hz   handovers %d",
                header.scenario(), f.timeS(), f.slot(), sum / Math.log(2), ho);
    }
}
