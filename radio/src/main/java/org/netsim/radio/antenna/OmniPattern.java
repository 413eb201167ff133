package org.netsim.radio.antenna;

/**
 * Omnidirectional pattern: a constant gain in dB in every direction (0 dBi by default), the sites of the seed
 * papers' layouts. Immutable.
 *
 * @param gainDbi the gain in dBi, finite
 */
public record OmniPattern(double gainDbi) implements AntennaPattern {

    /** 0 dBi. */
    public static final OmniPattern UNIT = new OmniPattern(0.0);

    public OmniPattern {
        if (!Double.isFinite(gainDbi)) {
            throw new IllegalArgumentException("gainDbi: must be finite, got " + gainDbi);
        }
    }

    @Override
    public String name() {
        return "omni";
    }

    @Override
    public double gainDb(double offBoresightRad) {
        return gainDbi;
    }

    @Override
    public boolean isOmnidirectional() {
        return true;
    }
}
