package org.netsim.radio.pathloss;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/** The named path-loss presets of {@link LogDistancePathLoss}, for selection by name from scenario files. */
public final class PathLossModels {

    private static final Map<String, Supplier<PathLossModel>> PRESETS = new TreeMap<>(Map.of(
            "macro-3gpp", LogDistancePathLoss::macro3gpp,
            "pico-gcnwmmse", LogDistancePathLoss::picoGcnWmmse,
            "pico-3gpp", LogDistancePathLoss::pico3gpp,
            "sun-imac", LogDistancePathLoss::sunImac));

    private PathLossModels() {
    }

    /**
     * @return the preset {@code name}
     * @throws IllegalArgumentException naming the unknown model and listing the known ones
     */
    public static PathLossModel byName(String name) {
        Supplier<PathLossModel> s = PRESETS.get(name);
        if (s == null) {
            throw new IllegalArgumentException("pathLoss: unknown model '" + name + "' (known: "
                    + String.join(", ", PRESETS.keySet()) + ")");
        }
        return s.get();
    }

    /** @return the preset names, sorted */
    public static java.util.Set<String> names() {
        return java.util.Collections.unmodifiableSet(PRESETS.keySet());
    }
}
