package org.netsim.radio.shadowing;

import java.util.random.RandomGenerator;

/**
 * Large-scale shadowing: a random offset in dB added to the path loss of a link. Implementations are immutable and
 * draw only from the generator they are given. (Time-correlated shadowing builds on {@link #drawDb} and
 * {@link #sigmaDb()}.)
 */
public interface ShadowingModel {

    /** @return the model's name */
    String name();

    /** @return the standard deviation of the dB offset (0 for no shadowing) */
    double sigmaDb();

    /** @return one shadowing offset in dB (added to the path loss: positive values mean more loss) */
    double drawDb(RandomGenerator rng);

    /** @return the linear power factor 10^(-X/10) of a fresh draw X (multiplies the path gain) */
    default double drawGain(RandomGenerator rng) {
        return Math.pow(10.0, -drawDb(rng) / 10.0);
    }
}
