package org.netsim.radio.noise;

import org.netsim.radio.ModelParams;
import org.netsim.radio.Units;

/**
 * Noise models by name:
 * <ul>
 *   <li>{@code thermal} ({@link ThermalNoise}): {@code bandwidthHz} (required), {@code noiseFigureDb} (default 9,
 *       a UE receiver), {@code densityDbmPerHz} (default -174);</li>
 *   <li>{@code fixed} ({@link FixedNoise}): exactly one of {@code noisePowerW} or {@code noisePowerDbm}.</li>
 * </ul>
 */
public final class NoiseModels {

    private NoiseModels() {
    }

    /**
     * @return the noise model {@code name} with {@code params}
     * @throws IllegalArgumentException naming an unknown model (listing the known ones) or a bad parameter
     */
    public static NoiseModel create(String name, ModelParams params) {
        switch (name == null ? "" : name) {
            case "thermal":
                params.requireOnly(name, "bandwidthHz", "noiseFigureDb", "densityDbmPerHz");
                return new ThermalNoise(params.getDouble("densityDbmPerHz", ThermalNoise.DEFAULT_DENSITY_DBM_PER_HZ),
                        params.getDouble("bandwidthHz"), params.getDouble("noiseFigureDb", 9.0));
            case "fixed":
                params.requireOnly(name, "noisePowerW", "noisePowerDbm");
                if (params.has("noisePowerW") == params.has("noisePowerDbm")) {
                    throw new IllegalArgumentException("noisePowerW: give exactly one of noisePowerW, noisePowerDbm");
                }
                if (params.has("noisePowerDbm")) {
                    double dbm = params.getDouble("noisePowerDbm");
                    if (!Double.isFinite(dbm)) {
                        throw new IllegalArgumentException("noisePowerDbm: must be finite, got " + dbm);
                    }
                    return new FixedNoise(Units.dbmToW(dbm));
                }
                return new FixedNoise(params.getDouble("noisePowerW"));
            default:
                throw new IllegalArgumentException("noise: unknown model '" + name + "' (known: fixed, thermal)");
        }
    }
}
