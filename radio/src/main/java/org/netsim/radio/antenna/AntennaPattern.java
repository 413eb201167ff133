package org.netsim.radio.antenna;

/**
 * Horizontal BS antenna pattern: the gain in dB towards a direction at {@code offBoresightRad} from the antenna's
 * boresight (the angle is wrapped to (-pi, pi] by the caller or the implementation). Immutable.
 */
public interface AntennaPattern {

    /** @return the pattern's registry name */
    String name();

    /** @return the gain in dB (including any boresight gain) at the given angle off boresight, radians */
    double gainDb(double offBoresightRad);

    /** @return whether the pattern is the same in every direction (cells of such sites have no boresight) */
    boolean isOmnidirectional();
}
