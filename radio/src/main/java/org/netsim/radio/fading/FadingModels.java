package org.netsim.radio.fading;

/** Small-scale fading models by name, for selection from scenario files: {@code rayleigh}. */
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
}
