package org.netsim.radio.noise;

/** Receiver noise: the noise power per receive antenna over the signal bandwidth, in watts. Immutable. */
public interface NoiseModel {

    /** @return the model's registry name */
    String name();

    /** @return sigma^2, the noise power per receive antenna in watts */
    double noisePowerW();
}
