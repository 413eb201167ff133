package org.netsim.radio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.netsim.radio.antenna.AntennaPatterns;
import org.netsim.radio.association.AssociationPolicies;
import org.netsim.radio.csi.CsiModels;
import org.netsim.radio.fading.FadingModels;
import org.netsim.radio.fading.RayleighFading;
import org.netsim.radio.layout.NetworkLayouts;
import org.netsim.radio.layout.UeDrops;
import org.netsim.radio.mobility.MobilityModels;
import org.netsim.radio.noise.NoiseModels;
import org.netsim.radio.pathloss.PathLossModels;
import org.netsim.radio.shadowing.LogNormalShadowing;
import org.netsim.radio.shadowing.ShadowingModels;

/**
 * Contract of the by-name factories: every known name resolves (with its defaults, or the minimal required
 * parameters) to a model of that name; unknown names are errors that list every known one; unknown parameters are
 * errors naming the key.
 */
class ModelsByNameTest {

    @Test
    void knownNames() {
        assertSame(RayleighFading.INSTANCE, FadingModels.byName("rayleigh"));
        assertEquals(8.0, ShadowingModels.create("lognormal", 8.0).sigmaDb());
        assertSame(LogNormalShadowing.NONE, ShadowingModels.create("none", 0.0));
        for (String n : PathLossModels.names()) {
            assertEquals(n, PathLossModels.byName(n).name());
        }
    }

    @Test
    void unknownNamesListTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FadingModels.byName("x"));
        assertTrue(e.getMessage().contains("rayleigh"));
        e = assertThrows(IllegalArgumentException.class, () -> ShadowingModels.create("gauss", 1));
        assertTrue(e.getMessage().contains("lognormal") && e.getMessage().contains("none"));
        e = assertThrows(IllegalArgumentException.class, () -> ShadowingModels.create("none", 3));
        assertTrue(e.getMessage().startsWith("sigmaDb"));
    }

    /** Each factory: the names it knows, with the minimal parameters each needs. */
    private static final Map<String, Map<String, ModelParams>> KNOWN = Map.of(
            "mobility", Map.of("static", ModelParams.empty(), "constant-velocity", ModelParams.empty(),
                    "random-waypoint", ModelParams.empty(), "random-direction", ModelParams.empty(),
                    "gauss-markov", ModelParams.empty()),
            "shadowing", Map.of("none", ModelParams.empty(), "lognormal", ModelParams.empty(),
                    "gudmundson", ModelParams.empty()),
            "fading", Map.of("iid", ModelParams.empty(), "sum-of-sinusoids", ModelParams.empty(),
                    "ar1", ModelParams.empty()),
            "csi", Map.of("perfect", ModelParams.empty(), "delayed", ModelParams.of("delaySlots", 2),
                    "noisy", ModelParams.of("nmse", 0.1), "delayed-noisy", ModelParams.of("delaySlots", 1, "nmse", 0.1)),
            "association", Map.of("strongest", ModelParams.empty(), "hysteresis", ModelParams.empty()),
            "noise", Map.of("thermal", ModelParams.of("bandwidthHz", 1e7), "fixed", ModelParams.of("noisePowerW", 1)),
            "layout", Map.of("hexagonal", ModelParams.empty(), "triangle", ModelParams.empty(),
                    "two-sites", ModelParams.empty()),
            "ueDrop", Map.of("per-cell", ModelParams.of("uesPerCell", 1), "uniform", ModelParams.of("numUes", 1),
                    "hotspots", ModelParams.of("numHotspots", 1, "radiusM", 10, "uesPerHotspot", 1)),
            "antennaPattern", Map.of("omni", ModelParams.empty(), "sector", ModelParams.empty()),
            "pathLoss", Map.of("macro-3gpp", ModelParams.empty(), "log-distance",
                    ModelParams.of("referenceLossDb", 30, "exponent", 3), "free-space", ModelParams.of("carrierHz", 1e9)));

    private static final Map<String, java.util.function.BiFunction<String, ModelParams, String>> FACTORIES = Map.of(
            "mobility", (n, p) -> MobilityModels.create(n, p).name(),
            "shadowing", (n, p) -> ShadowingModels.process(n, p).name(),
            "fading", (n, p) -> FadingModels.process(n, p).name(),
            "csi", (n, p) -> CsiModels.create(n, p).name(),
            "association", (n, p) -> AssociationPolicies.create(n, p).name(),
            "noise", (n, p) -> NoiseModels.create(n, p).name(),
            "layout", (n, p) -> NetworkLayouts.create(n, p).name(),
            "ueDrop", (n, p) -> UeDrops.create(n, p).name(),
            "antennaPattern", (n, p) -> AntennaPatterns.create(n, p).name(),
            "pathLoss", (n, p) -> PathLossModels.create(n, p).name());

    @Test
    void everyFactoryResolvesItsNamesAndRejectsUnknownOnes() {
        for (Map.Entry<String, Map<String, ModelParams>> f : KNOWN.entrySet()) {
            var factory = FACTORIES.get(f.getKey());
            for (Map.Entry<String, ModelParams> m : f.getValue().entrySet()) {
                assertEquals(m.getKey(), factory.apply(m.getKey(), m.getValue()), f.getKey());
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> factory.apply(m.getKey(), m.getValue().with("noSuchKey", 1)), f.getKey() + " " + m.getKey());
                assertTrue(e.getMessage().startsWith("noSuchKey"), e.getMessage());
            }
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> factory.apply("no-such-model", ModelParams.empty()));
            assertTrue(e.getMessage().startsWith(f.getKey()), e.getMessage());
            for (String known : f.getValue().keySet()) {
                assertTrue(e.getMessage().contains(known), f.getKey() + ": '" + e.getMessage() + "' lists " + known);
            }
            assertThrows(IllegalArgumentException.class, () -> factory.apply(null, ModelParams.empty()));
        }
    }

    @Test
    void modelParamsConvertAndValidate() {
        ModelParams p = ModelParams.of(Map.of("a", 3, "b", "2.5", "c", true, "d", List.of(1, 2.5), "e", "Infinity"));
        assertEquals(3, p.getInt("a", 0));
        assertEquals(2.5, p.getDouble("b", 0));
        assertTrue(p.getBoolean("c", false));
        assertEquals(2.5, p.getDoubles("d", null)[1]);
        assertEquals(Double.POSITIVE_INFINITY, p.getDouble("e"));
        Function<org.junit.jupiter.api.function.Executable, String> msg = ex ->
                assertThrows(IllegalArgumentException.class, ex).getMessage();
        assertTrue(msg.apply(() -> p.getInt("b", 0)).startsWith("b"));
        assertTrue(msg.apply(() -> p.getBoolean("a", false)).startsWith("a"));
        assertTrue(msg.apply(() -> p.getDouble("zz")).startsWith("zz: required"));
        assertTrue(msg.apply(() -> ModelParams.of("x", 1, "x", 2)).startsWith("x"));
        assertTrue(msg.apply(() -> p.requireOnly("m", "a", "b")).startsWith("c: unknown parameter of 'm'"));
    }
}
