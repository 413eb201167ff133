package org.netsim.radio;

/** dB and dBm conversions, for the edges (configuration, reports); models work in watts and linear gains. */
public final class Units {

    private Units() {
    }

    /** @return 10^(dB / 10) */
    public static double dbToLinear(double db) {
        return Math.pow(10.0, db / 10.0);
    }

    /** @return 10 log10(x) */
    public static double linearToDb(double x) {
        return 10.0 * Math.log10(x);
    }

    /** @return the power in watts of {@code dbm}: 10^((dBm - 30) / 10) */
    public static double dbmToW(double dbm) {
        return Math.pow(10.0, (dbm - 30.0) / 10.0);
    }

    /** @return the power in dBm of {@code watts}: 10 log10(W) + 30 */
    public static double wToDbm(double watts) {
        return 10.0 * Math.log10(watts) + 30.0;
    }
}
