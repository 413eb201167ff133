package org.netsim.radio.mobility;

import java.util.random.RandomGenerator;

/**
 * A closed range [min, max] of a model parameter (speed in m/s, pause or leg time in s), drawn uniformly. When
 * min = max the value is fixed and {@link #draw(RandomGenerator)} consumes no random number. Immutable.
 *
 * @param min lower end, finite and &gt;= 0
 * @param max upper end, &gt;= min; +infinity only together with min = +infinity (a fixed infinite value such as
 *        "no time limit"), since [min, infinity) has no uniform distribution
 */
public record UniformRange(double min, double max) {

    public UniformRange {
        if (!(min >= 0)) {
            throw new IllegalArgumentException("min: must be >= 0, got " + min);
        }
        if (!(max >= min)) {
            throw new IllegalArgumentException("max: must be >= min = " + min + ", got " + max);
        }
        if (Double.isInfinite(max) && max != min) {
            throw new IllegalArgumentException("max: an infinite range end needs min = max = infinity, got [" + min
                    + ", " + max + "]");
        }
    }

    /** km/h to m/s: v / 3.6. */
    public static double kmhToMps(double kmh) {
        return kmh / 3.6;
    }

    /** @return the range of speeds [minKmh, maxKmh] km/h, converted (once) to m/s; field names in km/h */
    public static UniformRange speedsKmh(double minKmh, double maxKmh) {
        if (!(minKmh >= 0) || Double.isInfinite(minKmh)) {
            throw new IllegalArgumentException("minSpeedKmh: must be finite and >= 0, got " + minKmh);
        }
        if (!(maxKmh >= minKmh) || Double.isInfinite(maxKmh)) {
            throw new IllegalArgumentException("maxSpeedKmh: must be finite and >= minSpeedKmh = " + minKmh + ", got "
                    + maxKmh);
        }
        return new UniformRange(kmhToMps(minKmh), kmhToMps(maxKmh));
    }

    /** @return a fixed value */
    public static UniformRange fixed(double v) {
        return new UniformRange(v, v);
    }

    /** @return min + u (max - min), u ~ U(0, 1); min if the range is a single value (no draw) */
    public double draw(RandomGenerator rng) {
        return max == min ? min : min + rng.nextDouble() * (max - min);
    }
}
