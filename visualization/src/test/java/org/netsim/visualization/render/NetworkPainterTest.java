package org.netsim.visualization.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netsim.visualization.trace.TraceHeader;
import org.netsim.visualization.trace.TraceReader;

/** Mapping, world bounds and colours of the shared portrayal. */
class NetworkPainterTest {

    private static final double EXACT = 1e-9;

    @Test
    void mappingFitsCentredWithOneScaleAndInverts() {
        // 200 m x 100 m into 400 x 400 px: 2 px/m, centred vertically (100 px bands above and below)
        NetworkPainter.Mapping m = NetworkPainter.Mapping.fit(new Rectangle2D.Double(-100, 0, 200, 100),
                new Rectangle2D.Double(10, 20, 400, 400));
        assertEquals(2, m.pxPerM(), EXACT);
        assertEquals(10, m.x(-100), EXACT);
        assertEquals(410, m.x(100), EXACT);
        assertEquals(120, m.y(100), EXACT, "top of the world at the top of the centred band");
        assertEquals(320, m.y(0), EXACT, "y points up");
        assertEquals(37.5, m.worldX(m.x(37.5)), EXACT);
        assertEquals(-12.25, m.worldY(m.y(-12.25)), EXACT);
    }

    @Test
    void hexagonalBoundsAreTheSitesGrownByOneCircumradius() {
        double isd = 300;
        TraceHeader h = new TraceHeader("t", 1e-3, List.of(new double[] {0, 0}, new double[] {isd, 0}),
                new int[] {0, 1}, new double[] {Double.NaN, Double.NaN}, isd, List.of());
        Rectangle2D b = NetworkPainter.worldBoundsM(h, null);
        double r = isd / Math.sqrt(3);
        assertEquals(-r, b.getMinX(), EXACT);
        assertEquals(isd + r, b.getMaxX(), EXACT);
        assertEquals(2 * r, b.getHeight(), EXACT);
    }

    @Test
    void otherLayoutsIncludeTheUes() {
        TraceHeader h = new TraceHeader("t", 1e-3, List.<double[]>of(new double[] {0, 0}), new int[] {0},
                new double[] {Double.NaN}, Double.NaN, List.of());
        TraceReader.Frame f = new TraceReader.Frame(0, 0, new int[] {0}, new float[] {-40}, new float[] {90},
                new float[1], new short[1], new boolean[1], new float[1], new float[1]);
        Rectangle2D b = NetworkPainter.worldBoundsM(h, f);
        assertEquals(-50, b.getMinX(), EXACT);
        assertEquals(100, b.getMaxY(), EXACT);
        assertEquals(-10, b.getMinY(), EXACT);
    }

    @Test
    void coloursClampUnknownIsGreyAndTheScaleIsValidated() {
        ColourScale c = ColourScale.rate(4);
        TraceReader.Frame f = new TraceReader.Frame(0, 0, new int[] {0, 1, 2}, new float[3], new float[3],
                new float[3], new short[3], new boolean[3], new float[] {0, (float) (100 * Math.log(2)), Float.NaN},
                new float[3]);
        assertEquals(ColourScale.colour(0), c.colourOf(f, 0));
        assertEquals(ColourScale.colour(1), c.colourOf(f, 1), "above the top: clamped");
        assertEquals(ColourScale.UNKNOWN, c.colourOf(f, 2));
        assertEquals(new Color(68, 1, 84), ColourScale.colour(-3));
        assertEquals(new Color(253, 231, 37), ColourScale.colour(1));
        ColourScale sinr = new ColourScale(UeColouring.SINR, -10, 30);
        TraceReader.Frame g = new TraceReader.Frame(0, 0, new int[] {0}, new float[1], new float[1], new float[1],
                new short[1], new boolean[1], new float[1], new float[] {10});
        assertEquals(ColourScale.colour(0.5), sinr.colourOf(g, 0));
        assertThrows(IllegalArgumentException.class, () -> new ColourScale(UeColouring.SINR, 3, 3));
    }

    @Test
    void niceCeilingIsARoundNumberAtMostOneAndAHalfTimesAbove() {
        assertEquals(1, ColourScale.niceCeiling(1), EXACT);
        assertEquals(1.5, ColourScale.niceCeiling(1.01), EXACT);
        assertEquals(30, ColourScale.niceCeiling(23), EXACT);
        assertEquals(60, ColourScale.niceCeiling(51), EXACT);
        assertEquals(100, ColourScale.niceCeiling(81), EXACT);
        assertEquals(0.3, ColourScale.niceCeiling(0.3), 1e-12);
        assertEquals(1, ColourScale.niceCeiling(0), EXACT);
        for (double x = 0.013; x < 1e4; x *= 1.37) {
            double c = ColourScale.niceCeiling(x);
            assertTrue(c >= x && c <= 1.5 * x * (1 + 1e-12), x + " -> " + c);
        }
    }
}
