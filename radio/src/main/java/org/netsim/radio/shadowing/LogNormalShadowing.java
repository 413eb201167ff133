package org.netsim.radio.shadowing;

import java.util.random.RandomGenerator;

/**
 * Log-normal shadowing: X ~ N(0, sigma^2) in dB, one standard-normal draw per call (the generator's
 * {@link RandomGenerator#nextGaussian()}). sigma = 8 dB in "DeepFP: Deep-Unfolded Fractional Programming for Massive MIMO Beamforming" (Section
 * V-A, tau) and in the IMAC of "Learning to Optimize: Training Deep Neural Networks for Wireless Resource
 * Management" (Section V-A, Model 2). sigma = 0 gives no shadowing. Immutable.
 *
 * @param sigmaDb standard deviation in dB, finite and &gt;= 0
 */
public record LogNormalShadowing(double sigmaDb) implements ShadowingModel {

    /** No shadowing (sigma = 0 dB; still consumes no random numbers). */
    public static final LogNormalShadowing NONE = new LogNormalShadowing(0.0);

    public LogNormalShadowing {
        if (!(sigmaDb >= 0) || Double.isInfinite(sigmaDb)) {
            throw new IllegalArgumentException("sigmaDb: must be finite and >= 0, got " + sigmaDb);
        }
    }

    @Override
    public String name() {
        return sigmaDb == 0 ? "none" : "lognormal";
    }

    @Override
    public double drawDb(RandomGenerator rng) {
        return sigmaDb == 0 ? 0.0 : sigmaDb * rng.nextGaussian();
    }
}
