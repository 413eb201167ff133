package org.netsim.radio.fading;

/** Doppler shift of a moving UE: f_D = v f_c / c, with c = 299 792 458 m/s. */
public final class Doppler {

    /** The speed of light in m/s. */
    public static final double SPEED_OF_LIGHT_MPS = 299_792_458.0;

    private Doppler() {
    }

    /** @return the maximum Doppler frequency f_D = v f_c / c in Hz */
    public static double maxDopplerHz(double speedMps, double carrierHz) {
        return speedMps * carrierHz / SPEED_OF_LIGHT_MPS;
    }

    /** Checks a carrier frequency: finite and &gt; 0. */
    static double checkCarrier(double carrierHz) {
        if (!(carrierHz > 0) || Double.isInfinite(carrierHz)) {
            throw new IllegalArgumentException("carrierHz: must be finite and > 0, got " + carrierHz);
        }
        return carrierHz;
    }
}
