package org.netsim.visualization.render;

import java.awt.Color;
import org.netsim.visualization.trace.TraceReader;

/**
 * Maps a UE quantity ({@link UeColouring}) linearly from [min, max] onto a perceptually ordered dark-blue to yellow
 * colour map (five stops in the spirit of viridis); values outside are clamped, unknown values (NaN, e.g. before the
 * first slot) are grey.
 *
 * @param what the quantity shown
 * @param min the value drawn dark blue, in the unit of {@code what}
 * @param max the value drawn yellow, in the unit of {@code what}, &gt; min
 */
public record ColourScale(UeColouring what, double min, double max) {

    /** Colour of unknown values. */
    public static final Color UNKNOWN = new Color(170, 170, 170);

    private static final double[][] STOPS = {{68, 1, 84}, {59, 82, 139}, {33, 145, 140}, {94, 201, 98},
            {253, 231, 37}};

    /** Checks the range. */
    public ColourScale {
        if (what == null) {
            throw new IllegalArgumentException("colour scale: quantity must not be null");
        }
        if (!(max > min) || Double.isInfinite(min) || Double.isInfinite(max)) {
            throw new IllegalArgumentException("colour scale: need finite min < max, got " + min + ".." + max);
        }
    }

    /** The scale of the UE rate from 0 to {@code maxRateBit} bit/s/Hz (a tiny positive top when it is 0). */
    public static ColourScale rate(double maxRateBit) {
        return new ColourScale(UeColouring.RATE, 0, Math.max(maxRateBit, 1e-9));
    }

    /** @return the colour of the u-th UE of {@code frame} */
    public Color colourOf(TraceReader.Frame frame, int u) {
        double v = what.value(frame, u);
        return Double.isNaN(v) ? UNKNOWN : colour((v - min) / (max - min));
    }

    /** @return the colour map at t in [0, 1] (clamped) */
    public static Color colour(double t) {
        double x = Math.max(0, Math.min(1, t));
        double pos = x * (STOPS.length - 1);
        int i = Math.min(STOPS.length - 2, (int) Math.floor(pos));
        double w = pos - i;
        return new Color((int) Math.round(STOPS[i][0] + w * (STOPS[i + 1][0] - STOPS[i][0])),
                (int) Math.round(STOPS[i][1] + w * (STOPS[i + 1][1] - STOPS[i][1])),
                (int) Math.round(STOPS[i][2] + w * (STOPS[i + 1][2] - STOPS[i][2])));
    }

    /**
     * A round number at or above {@code x} &gt; 0 (1, 1.5, 2, 3, 4, 5, 6 or 8 times a power of ten: at most 1.5 x),
     * so that a scale that follows a running maximum changes rarely yet keeps most of its colours in use.
     */
    public static double niceCeiling(double x) {
        if (!(x > 0) || Double.isInfinite(x)) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(x)));
        for (double m : new double[] {1, 1.5, 2, 3, 4, 5, 6, 8, 10}) {
            if (m * p >= x * (1 - 1e-12)) {
                return m * p;
            }
        }
        return 10 * p;
    }
}
