package org.netsim.radio.pathloss;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Path-loss models by name, for selection from scenario files.
 *
 * <p>Presets ({@link #byName(String)}, no parameters): {@code macro-3gpp}, {@code pico-gcnwmmse}, {@code pico-3gpp},
 * {@code sun-imac} (see {@link LogDistancePathLoss}).
 *
 * <p>With parameters ({@link #create(String, ModelParams)}): every preset, plus
 * <ul>
 *   <li>{@code log-distance}: {@code referenceLossDb} (required), {@code referenceDistanceM} (default 1),
 *       {@code exponent} (required);</li>
 *   <li>{@code free-space}: Friis, PL = 20 log10(4 pi d f_c / c), i.e. {@code log-distance} with exponent 2 and
 *       20 log10(4 pi f_c / c) dB at 1 m; {@code carrierHz} (required);</li>
 * </ul>
 * and for every model the optional {@code minimumCouplingLossDb}, which floors it ({@link MinimumCouplingLoss}).
 */
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
        Supplier<PathLossModel> s = name == null ? null : PRESETS.get(name);
        if (s == null) {
            throw new IllegalArgumentException("pathLoss: unknown model '" + name + "' (known: "
                    + String.join(", ", PRESETS.keySet()) + ")");
        }
        return s.get();
    }

    /**
     * @return the model {@code name} with {@code params}
     * @throws IllegalArgumentException naming an unknown model (listing the known ones) or a bad parameter
     */
    public static PathLossModel create(String name, org.netsim.radio.ModelParams params) {
        PathLossModel base;
        if ("log-distance".equals(name)) {
            params.requireOnly(name, "referenceLossDb", "referenceDistanceM", "exponent", "minimumCouplingLossDb");
            base = new LogDistancePathLoss(name, params.getDouble("referenceLossDb"),
                    params.getDouble("referenceDistanceM", 1.0), params.getDouble("exponent"));
        } else if ("free-space".equals(name)) {
            params.requireOnly(name, "carrierHz", "minimumCouplingLossDb");
            double f = params.getDouble("carrierHz");
            if (!(f > 0) || Double.isInfinite(f)) {
                throw new IllegalArgumentException("carrierHz: must be finite and > 0, got " + f);
            }
            base = new LogDistancePathLoss(name, 20 * Math.log10(4 * Math.PI * f / 299_792_458.0), 1.0, 2.0);
        } else if (name != null && PRESETS.containsKey(name)) {
            params.requireOnly(name, "minimumCouplingLossDb");
            base = byName(name);
        } else {
            throw new IllegalArgumentException("pathLoss: unknown model '" + name + "' (known: "
                    + String.join(", ", PRESETS.keySet()) + ", free-space, log-distance)");
        }
        if (params.has("minimumCouplingLossDb")) {
            return new MinimumCouplingLoss(base, params.getDouble("minimumCouplingLossDb"));
        }
        return base;
    }

    /** @return the preset names, sorted */
    public static java.util.Set<String> names() {
        return java.util.Collections.unmodifiableSet(PRESETS.keySet());
    }
}
