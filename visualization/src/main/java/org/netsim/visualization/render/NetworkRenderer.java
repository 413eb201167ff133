package org.netsim.visualization.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import org.netsim.visualization.trace.TraceHeader;
import org.netsim.visualization.trace.TraceReader;

/**
 * Draws one recorded slot of a run onto an image, headless (Java2D, no display), with the portrayal of
 * {@link NetworkPainter} (the one the MASON display uses): hexagonal cell outlines (and sector borders), BS sites, a
 * line from every UE to the nearest (wrap-around) image of its serving site, UEs coloured by their rate with a
 * colour bar, a ring around UEs that handed over in this slot, and a title line with the time, the sum rate and the
 * handovers.
 *
 * <p>World-to-pixel mapping: {@link NetworkPainter#worldBoundsM} (the sites grown by one cell circumradius for
 * hexagonal layouts, else by the UEs of the first frame), centred and scaled uniformly into the plot area below the
 * title and left of the colour bar; y points up.
 */
public final class NetworkRenderer {

    private static final int TITLE_PX = 34;
    private static final int LEGEND_PX = 90;

    private final NetworkPainter painter;
    private final int width;
    private final int height;
    private final ColourScale colours;
    private final NetworkPainter.Mapping mapping;
    private final NetworkPainter.Style style;

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
        this.painter = new NetworkPainter(header);
        this.width = width;
        this.height = height;
        this.colours = ColourScale.rate(maxRateBit);
        this.mapping = NetworkPainter.Mapping.fit(NetworkPainter.worldBoundsM(header, first),
                new Rectangle2D.Double(5, TITLE_PX, width - LEGEND_PX - 10, height - TITLE_PX - 10));
        this.style = NetworkPainter.Style.forImage(width, height, 0);
    }

    /** @return the pixel x of world coordinate {@code xM} */
    public double pixelX(double xM) {
        return mapping.x(xM);
    }

    /** @return the pixel y of world coordinate {@code yM} (y up) */
    public double pixelY(double yM) {
        return mapping.y(yM);
    }

    /** Draws {@code frame} into a new image. */
    public BufferedImage render(TraceReader.Frame frame) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setClip(new Rectangle2D.Double(0, TITLE_PX, width - LEGEND_PX, height - TITLE_PX));
            painter.paint(g, mapping, frame, colours, style, null);
            g.setClip(null);
            NetworkPainter.drawColourBar(g, colours, width - LEGEND_PX + 20, TITLE_PX + 20, height - 30);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
            g.drawString(painter.title(frame), 10, 22);
        } finally {
            g.dispose();
        }
        return img;
    }
}
