package org.netsim.radio.pathloss;

/**
 * Distance-dependent large-scale path loss: the mean power attenuation between a transmitter and a receiver
 * {@code distanceM} metres apart. Implementations are immutable and deterministic (shadowing is a separate
 * {@link org.netsim.radio.shadowing.ShadowingModel}).
 *
 * <p>Convention: {@link #lossDb(double)} is the positive attenuation PL in dB; the linear power gain that
 * multiplies the transmit power (and the variance of a Rayleigh channel coefficient) is 10^(-PL/10).
 */
public interface PathLossModel {

    /** @return the model's registry name, e.g. {@code "macro-3gpp"} */
    String name();

    /**
     * @param distanceM transmitter-receiver distance in metres, finite and &gt; 0
     * @return the path loss PL(d) in dB
     */
    double lossDb(double distanceM);

    /** @return the linear power gain 10^(-PL(d)/10) */
    default double gain(double distanceM) {
        return Math.pow(10.0, -lossDb(distanceM) / 10.0);
    }

    /** Checks a distance argument; implementations call it first. */
    static void checkDistance(double distanceM) {
        if (!(distanceM > 0) || Double.isInfinite(distanceM)) {
            throw new IllegalArgumentException("distanceM: must be finite and > 0, got " + distanceM);
        }
    }
}
