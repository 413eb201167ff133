package org.netsim.radio.antenna;

import org.netsim.radio.ModelParams;

/**
 * BS antenna patterns by name: {@code omni} (parameter {@code gainDbi}, default 0) and {@code sector}
 * ({@code beamwidth3dbDeg} default 65, {@code maxAttenuationDb} default 20, {@code maxGainDbi} default 0; see
 * {@link SectorPattern}).
 */
public final class AntennaPatterns {

    private AntennaPatterns() {
    }

    /**
     * @return the pattern {@code name} with {@code params}
     * @throws IllegalArgumentException naming an unknown model (listing the known ones) or a bad parameter
     */
    public static AntennaPattern create(String name, ModelParams params) {
        switch (name == null ? "" : name) {
            case "omni":
                params.requireOnly(name, "gainDbi");
                return new OmniPattern(params.getDouble("gainDbi", 0.0));
            case "sector":
                params.requireOnly(name, "beamwidth3dbDeg", "maxAttenuationDb", "maxGainDbi");
                return new SectorPattern(params.getDouble("beamwidth3dbDeg", SectorPattern.DEFAULT.beamwidth3dbDeg()),
                        params.getDouble("maxAttenuationDb", SectorPattern.DEFAULT.maxAttenuationDb()),
                        params.getDouble("maxGainDbi", SectorPattern.DEFAULT.maxGainDbi()));
            default:
                throw new IllegalArgumentException("antennaPattern: unknown model '" + name
                        + "' (known: omni, sector)");
        }
    }
}
