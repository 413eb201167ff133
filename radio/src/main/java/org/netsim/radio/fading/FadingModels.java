package org.netsim.radio.fading;

import org.netsim.radio.ModelParams;

/**
 * Small-scale fading models by name, for selection from scenario files.
 *
 * <p>Snapshot draws ({@link #byName(String)}, {@link FadingModel}): {@code rayleigh}.
 *
 * <p>Time-evolving per-link processes ({@link #process(String, ModelParams)}, {@link FadingProcess}); all accept
 * the spatial correlation coefficients {@code ueCorrelation} and {@code bsCorrelation} (default 0, in [0, 1);
 * {@link SpatialCorrelation}):
 * <ul>
 *   <li>{@code iid}: i.i.d. Rayleigh block fading per slot ({@link IidBlockFading});</li>
 *   <li>{@code sum-of-sinusoids}: {@code carrierHz} (default 2e9), {@code numSinusoids} (default 8)
 *       ({@link SumOfSinusoidsFading});</li>
 *   <li>{@code ar1}: {@code carrierHz} (default 2e9) ({@link Ar1Fading}).</li>
 * </ul>
 */
public final class FadingModels {

    private FadingModels() {
    }

    /**
     * @return the model {@code name}
     * @throws IllegalArgumentException naming the unknown model and listing the known ones
     */
    public static FadingModel byName(String name) {
        if ("rayleigh".equals(name)) {
            return RayleighFading.INSTANCE;
        }
        throw new IllegalArgumentException("fading: unknown model '" + name + "' (known: rayleigh)");
    }

    /**
     * @return the time-evolving fading process {@code name} with {@code params}
     * @throws IllegalArgumentException naming an unknown model (listing the known ones) or a bad parameter
     */
    public static FadingProcess process(String name, ModelParams params) {
        switch (name == null ? "" : name) {
            case "iid":
                params.requireOnly(name, "ueCorrelation", "bsCorrelation");
                return new IidBlockFading(correlation(params));
            case "sum-of-sinusoids":
                params.requireOnly(name, "carrierHz", "numSinusoids", "ueCorrelation", "bsCorrelation");
                return new SumOfSinusoidsFading(params.getDouble("carrierHz", 2e9), params.getInt("numSinusoids", 8),
                        correlation(params));
            case "ar1":
                params.requireOnly(name, "carrierHz", "ueCorrelation", "bsCorrelation");
                return new Ar1Fading(params.getDouble("carrierHz", 2e9), correlation(params));
            default:
                throw new IllegalArgumentException("fading: unknown process '" + name
                        + "' (known: ar1, iid, sum-of-sinusoids)");
        }
    }

    private static SpatialCorrelation correlation(ModelParams params) {
        return new SpatialCorrelation(params.getDouble("ueCorrelation", 0.0), params.getDouble("bsCorrelation", 0.0));
    }
}
