package org.netsim.radio.shadowing;

import java.util.Set;

/** Shadowing models by name, for selection from scenario files: {@code none} and {@code lognormal}. */
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
}
