package org.netsim.radio.mobility;

import org.netsim.radio.ModelParams;

/**
 * Mobility models by name. Speeds are given in km/h and converted once to m/s; angles in degrees.
 *
 * <ul>
 *   <li>{@code static}: no parameters ({@link StaticMobility});</li>
 *   <li>{@code constant-velocity}: {@code minSpeedKmh} (default 3), {@code maxSpeedKmh} (default minSpeedKmh),
 *       {@code directionDeg} (default: uniform random per UE) ({@link ConstantVelocityMobility});</li>
 *   <li>{@code random-waypoint}: {@code minSpeedKmh} (3), {@code maxSpeedKmh} (minSpeedKmh), {@code minPauseS} (0),
 *       {@code maxPauseS} (minPauseS) ({@link RandomWaypointMobility});</li>
 *   <li>{@code random-direction}: the same plus {@code minLegDurationS} and {@code maxLegDurationS} (default
 *       infinite: legs end at the border; required under wrap-around) ({@link RandomDirectionMobility});</li>
 *   <li>{@code gauss-markov}: {@code meanSpeedKmh} (3), {@code speedStdKmh} (1), {@code meanDirectionDeg} (default:
 *       uniform random per UE), {@code directionStdDeg} (20), {@code alpha} (0.75), {@code updateIntervalS} (1)
 *       ({@link GaussMarkovMobility}).</li>
 * </ul>
 */
public final class MobilityModels {

    private MobilityModels() {
    }

    /**
     * @return the model {@code name} with {@code params}
     * @throws IllegalArgumentException naming an unknown model (listing the known ones) or a bad parameter
     */
    public static MobilityModel create(String name, ModelParams params) {
        switch (name == null ? "" : name) {
            case "static":
                params.requireOnly(name);
                return StaticMobility.INSTANCE;
            case "constant-velocity":
                params.requireOnly(name, "minSpeedKmh", "maxSpeedKmh", "directionDeg");
                return new ConstantVelocityMobility(speeds(params),
                        params.has("directionDeg") ? Math.toRadians(finite(params, "directionDeg")) : Double.NaN);
            case "random-waypoint":
                params.requireOnly(name, "minSpeedKmh", "maxSpeedKmh", "minPauseS", "maxPauseS");
                return new RandomWaypointMobility(speeds(params), range(params, "minPauseS", "maxPauseS", 0.0));
            case "random-direction": {
                params.requireOnly(name, "minSpeedKmh", "maxSpeedKmh", "minPauseS", "maxPauseS", "minLegDurationS",
                        "maxLegDurationS");
                UniformRange leg = params.has("minLegDurationS") || params.has("maxLegDurationS")
                        ? range(params, "minLegDurationS", "maxLegDurationS", Double.NaN)
                        : UniformRange.fixed(Double.POSITIVE_INFINITY);
                return new RandomDirectionMobility(speeds(params), range(params, "minPauseS", "maxPauseS", 0.0), leg);
            }
            case "gauss-markov":
                params.requireOnly(name, "meanSpeedKmh", "speedStdKmh", "meanDirectionDeg", "directionStdDeg",
                        "alpha", "updateIntervalS");
                return new GaussMarkovMobility(UniformRange.kmhToMps(params.getDouble("meanSpeedKmh", 3.0)),
                        UniformRange.kmhToMps(params.getDouble("speedStdKmh", 1.0)),
                        params.has("meanDirectionDeg") ? Math.toRadians(finite(params, "meanDirectionDeg"))
                                : Double.NaN,
                        Math.toRadians(params.getDouble("directionStdDeg", 20.0)), params.getDouble("alpha", 0.75),
                        params.getDouble("updateIntervalS", 1.0));
            default:
                throw new IllegalArgumentException("mobility: unknown model '" + name + "' (known: constant-velocity,"
                        + " gauss-markov, random-direction, random-waypoint, static)");
        }
    }

    private static UniformRange speeds(ModelParams p) {
        double min = p.getDouble("minSpeedKmh", 3.0);
        return UniformRange.speedsKmh(min, p.getDouble("maxSpeedKmh", min));
    }

    /** A range from two keys; {@code defMin} NaN means the minimum is required. */
    private static UniformRange range(ModelParams p, String minKey, String maxKey, double defMin) {
        if (Double.isNaN(defMin) && !p.has(minKey)) {
            throw new IllegalArgumentException(minKey + ": required with " + maxKey);
        }
        double min = p.getDouble(minKey, defMin);
        double max = p.getDouble(maxKey, min);
        if (!(min >= 0)) {
            throw new IllegalArgumentException(minKey + ": must be >= 0, got " + min);
        }
        if (!(max >= min)) {
            throw new IllegalArgumentException(maxKey + ": must be >= " + minKey + " = " + min + ", got " + max);
        }
        if (Double.isInfinite(max) && !Double.isInfinite(min)) {
            throw new IllegalArgumentException(maxKey + ": must be finite when " + minKey + " is, got " + max);
        }
        return new UniformRange(min, max);
    }

    private static double finite(ModelParams p, String key) {
        double v = p.getDouble(key);
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(key + ": must be finite, got " + v);
        }
        return v;
    }
}
