package org.netsim.radio.noise;

import org.netsim.radio.Units;

/**
 * Thermal noise of a receiver with bandwidth B and noise figure NF:
 *
 * <pre>
 *   sigma^2 [dBm] = N_0 + 10 log10(B / Hz) + NF,     N_0 = -174 dBm/Hz by default
 * </pre>
 *
 * N_0 = 10 log10(k T_0 / 1 mW) = -173.98 dBm/Hz at T_0 = 290 K, rounded to -174 as in the 3GPP evaluation
 * assumptions (TR 36.814, Annex A.2.1.1, with UE noise figure 9 dB and BS noise figure 5 dB; TR 38.901). E.g.
 * B = 10 MHz, NF = 9 dB: -95 dBm = 3.16e-13 W. Immutable.
 *
 * @param densityDbmPerHz N_0 in dBm/Hz, finite
 * @param bandwidthHz B in Hz, &gt; 0
 * @param noiseFigureDb NF in dB, finite and &gt;= 0
 */
public record ThermalNoise(double densityDbmPerHz, double bandwidthHz, double noiseFigureDb) implements NoiseModel {

    /** The default thermal noise density, dBm/Hz. */
    public static final double DEFAULT_DENSITY_DBM_PER_HZ = -174.0;

    public ThermalNoise {
        if (!Double.isFinite(densityDbmPerHz)) {
            throw new IllegalArgumentException("densityDbmPerHz: must be finite, got " + densityDbmPerHz);
        }
        if (!(bandwidthHz > 0) || Double.isInfinite(bandwidthHz)) {
            throw new IllegalArgumentException("bandwidthHz: must be finite and > 0, got " + bandwidthHz);
        }
        if (!(noiseFigureDb >= 0) || Double.isInfinite(noiseFigureDb)) {
            throw new IllegalArgumentException("noiseFigureDb: must be finite and >= 0, got " + noiseFigureDb);
        }
    }

    /** @return N_0 = -174 dBm/Hz with the given bandwidth and noise figure */
    public static ThermalNoise of(double bandwidthHz, double noiseFigureDb) {
        return new ThermalNoise(DEFAULT_DENSITY_DBM_PER_HZ, bandwidthHz, noiseFigureDb);
    }

    @Override
    public String name() {
        return "thermal";
    }

    /** @return sigma^2 in dBm */
    public double noisePowerDbm() {
        return densityDbmPerHz + 10 * Math.log10(bandwidthHz) + noiseFigureDb;
    }

    @Override
    public double noisePowerW() {
        return Units.dbmToW(noisePowerDbm());
    }
}
