package org.netsim.radio.csi;

import org.netsim.radio.ModelParams;

/**
 * CSI models by name:
 * <ul>
 *   <li>{@code perfect} ({@link PerfectCsi}): no parameters;</li>
 *   <li>{@code delayed} ({@link DelayedCsi}): {@code delaySlots} (required);</li>
 *   <li>{@code noisy} ({@link NoisyCsi}): {@code nmse} (required), {@code errorModel} {@code power-preserving}
 *       (default) or {@code mmse};</li>
 *   <li>{@code delayed-noisy} ({@link DelayedNoisyCsi}): the parameters of both.</li>
 * </ul>
 */
public final class CsiModels {

    private CsiModels() {
    }

    /**
     * @return the CSI model {@code name} with {@code params}
     * @throws IllegalArgumentException naming an unknown model (listing the known ones) or a bad parameter
     */
    public static CsiModel create(String name, ModelParams params) {
        switch (name == null ? "" : name) {
            case "perfect":
                params.requireOnly(name);
                return PerfectCsi.INSTANCE;
            case "delayed":
                params.requireOnly(name, "delaySlots");
                return delayed(params);
            case "noisy":
                params.requireOnly(name, "nmse", "errorModel");
                return noisy(params);
            case "delayed-noisy":
                params.requireOnly(name, "delaySlots", "nmse", "errorModel");
                return new DelayedNoisyCsi(delayed(params), noisy(params));
            default:
                throw new IllegalArgumentException("csi: unknown model '" + name
                        + "' (known: delayed, delayed-noisy, noisy, perfect)");
        }
    }

    private static DelayedCsi delayed(ModelParams params) {
        if (!params.has("delaySlots")) {
            throw new IllegalArgumentException("delaySlots: required");
        }
        return new DelayedCsi(params.getInt("delaySlots", 0));
    }

    private static NoisyCsi noisy(ModelParams params) {
        String model = params.getString("errorModel", "power-preserving");
        NoisyCsi.ErrorModel em;
        switch (model) {
            case "power-preserving":
                em = NoisyCsi.ErrorModel.POWER_PRESERVING;
                break;
            case "mmse":
                em = NoisyCsi.ErrorModel.MMSE;
                break;
            default:
                throw new IllegalArgumentException("errorModel: unknown '" + model
                        + "' (known: mmse, power-preserving)");
        }
        return new NoisyCsi(params.getDouble("nmse"), em);
    }
}
