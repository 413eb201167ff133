package org.netsim.radio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.netsim.radio.fading.FadingModels;
import org.netsim.radio.fading.RayleighFading;
import org.netsim.radio.pathloss.PathLossModels;
import org.netsim.radio.shadowing.LogNormalShadowing;
import org.netsim.radio.shadowing.ShadowingModels;

/** Contract of the by-name factories: known names resolve, unknown names are errors that list the known ones. */
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
}
