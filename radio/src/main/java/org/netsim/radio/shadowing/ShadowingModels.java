package org.netsim.radio.shadowing;

import java.util.Set;
import org.netsim.radio.ModelParams;

/**
 * Shadowing models by name, for selection from scenario files.
 *
 * <p>Snapshot draws ({@link #create(String, double)}, {@link ShadowingModel}): {@code none}, {@code lognormal}.
 *
 * <p>Time-evolving per-UE processes ({@link #process(String, ModelParams)}, {@link ShadowingProcess}):
 * <ul>
 *   <li>{@code none} ({@link NoShadowing}): no parameters;</li>
 *   <li>{@code lognormal}: drawn once per UE and frozen: {@code sigmaDb} (default 8), {@code siteCorrelation}
 *       (default 0) ({@link GudmundsonShadowing} with d_corr = infinity);</li>
 *   <li>{@code gudmundson}: correlated along the trajectory: {@code sigmaDb} (default 8),
 *       {@code decorrelationDistanceM} (default 50), {@code siteCorrelation} (default 0.5)
 *       ({@link GudmundsonShadowing}).</li>
 * </ul>
 */
public final class ShadowingModels {

    private static final Set<String> NAMES = Set.of("none", "lognormal");

    private ShadowingModels() {
    }

    /**
     * @param name {@code none} or {@code lognormal}
     * @param sigmaDb the standard deviation in dB ({@code lognormal}); must be 0 for {@code none}
     * @throws IllegalArgumentException naming the unknown model (listing the known ones) or the bad sigma
     */
    public static ShadowingModel create(String name, double sigmaDb) {
        if ("none".equals(name)) {
            if (sigmaDb != 0) {
                throw new IllegalArgumentException("sigmaDb: must be 0 for shadowing 'none', got " + sigmaDb);
            }
            return LogNormalShadowing.NONE;
        }
        if ("lognormal".equals(name)) {
            return new LogNormalShadowing(sigmaDb);
        }
        throw new IllegalArgumentException("shadowing: unknown model '" + name + "' (known: "
                + String.join(", ", new java.util.TreeSet<>(NAMES)) + ")");
    }

    /**
     * @return the time-evolving shadowing process {@code name} with {@code params}
     * @throws IllegalArgumentException naming an unknown model (listing the known ones) or a bad parameter
     */
    public static ShadowingProcess process(String name, ModelParams params) {
        switch (name == null ? "" : name) {
            case "none":
                params.requireOnly(name);
                return NoShadowing.INSTANCE;
            case "lognormal":
                params.requireOnly(name, "sigmaDb", "siteCorrelation");
                return new GudmundsonShadowing(params.getDouble("sigmaDb", 8.0), Double.POSITIVE_INFINITY,
                        params.getDouble("siteCorrelation", 0.0));
            case "gudmundson": {
                params.requireOnly(name, "sigmaDb", "decorrelationDistanceM", "siteCorrelation");
                double d = params.getDouble("decorrelationDistanceM", 50.0);
                if (!(d > 0) || Double.isInfinite(d)) {
                    throw new IllegalArgumentException("decorrelationDistanceM: must be finite and > 0 (use"
                            + " 'lognormal' for frozen shadowing), got " + d);
                }
                return new GudmundsonShadowing(params.getDouble("sigmaDb", 8.0), d,
                        params.getDouble("siteCorrelation", 0.5));
            }
            default:
                throw new IllegalArgumentException("shadowing: unknown process '" + name
                        + "' (known: gudmundson, lognormal, none)");
        }
    }
}
