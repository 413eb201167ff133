package org.netsim.radio.noise;

/**
 * A noise power given directly, e.g. sigma^2 = 1 W in the normalised setups of the seed papers, or a value in dBm
 * converted at the edge. Immutable.
 *
 * @param noisePowerW sigma^2 in watts, finite and &gt; 0
 */
public record FixedNoise(double noisePowerW) implements NoiseModel {

    /** Validates the components. */
    public FixedNoise {
        if (!(noisePowerW > 0) || Double.isInfinite(noisePowerW)) {
            throw new IllegalArgumentException("noisePowerW: must be finite and > 0, got " + noisePowerW);
        }
    }

    @Override
    public String name() {
        return "fixed";
    }
}
