package org.netsim.scenarios.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigTreeTest {

    private static final String YAML = """
            slots: 100
            layout:
              sites: 7
              inter-site-distance-m: 500
            precoder:
              name: wmmse
              iterations: 5
            ue:
              speed-kmh: [3, 30]
            """;

    @Test
    void typedGettersWithDefaults() {
        ConfigTree t = ConfigTree.parse("a.yaml", YAML);
        assertEquals(100, t.getLong("slots", 1, 1, Long.MAX_VALUE));
        t.markMapping("layout");
        assertEquals(7, t.getInt("layout.sites", 1, 1, 37));
        assertEquals(500.0, t.getDouble("layout.inter-site-distance-m", 200, 1, 1e5));
        assertEquals(true, t.getBoolean("layout.wrap-around", true));
        t.markMapping("precoder");
        assertEquals("wmmse", t.getString("precoder.name", "rzf"));
        assertEquals(5, t.getInt("precoder.iterations", 10, 1, 1000));
        t.markMapping("ue");
        assertArrayEquals(new double[] {3, 30}, t.getRange("ue.speed-kmh", new double[] {0, 0}, 0, 500));
        t.requireAllRead();
        assertTrue(t.resolved().contains("wrap-around: true"), t.resolved());
    }

    @Test
    void unknownKeyNamesTheFileTheKeyAndTheKnownOnes() {
        ConfigTree t = ConfigTree.parse("a.yaml", YAML);
        t.getLong("slots", 1, 1, 1000);
        t.markMapping("layout");
        t.getInt("layout.sites", 1, 1, 37);
        t.markMapping("precoder");
        t.getString("precoder.name", "x");
        t.getInt("precoder.iterations", 1, 1, 10);
        t.markMapping("ue");
        t.getRange("ue.speed-kmh", new double[] {0, 0}, 0, 500);
        ScenarioFormatException e = assertThrows(ScenarioFormatException.class, t::requireAllRead);
        assertEquals("a.yaml: layout.inter-site-distance-m: unknown key (known here: sites)", e.getMessage());
    }

    @Test
    void outOfRangeAndWrongTypesAreOneLineErrors() {
        ConfigTree t = ConfigTree.parse("b.yaml", "layout:\n  sites: 5\n  isd-m: 500 m\n");
        assertEquals("b.yaml: layout.sites: must be in [7, 37], got 5",
                assertThrows(ScenarioFormatException.class, () -> t.getInt("layout.sites", 7, 7, 37)).getMessage());
        String msg = assertThrows(ScenarioFormatException.class, () -> t.getDouble("layout.isd-m", 1, 0, 1e4))
                .getMessage();
        assertTrue(msg.startsWith("b.yaml: layout.isd-m: must be a number, got '500 m'"), msg);
        assertTrue(msg.contains("unit is in the key name"), msg);
        assertThrows(ScenarioFormatException.class, () -> t.getChoice("layout.sites", "x", List.of("a", "b")));
    }

    @Test
    void invalidYamlNamesTheLine() {
        ScenarioFormatException e = assertThrows(ScenarioFormatException.class,
                () -> ConfigTree.parse("c.yaml", "a: 1\nb: [1, 2\n"));
        assertTrue(e.getMessage().startsWith("c.yaml:"), e.getMessage());
        assertTrue(e.getMessage().contains("not valid YAML"), e.getMessage());
    }

    @Test
    void overridesReplaceLeavesAndPrecoderNames() {
        ConfigTree t = ConfigTree.parse("a.yaml", YAML).withOverrides(List.of("precoder=rzf", "layout.sites=19",
                "seed=7"));
        assertEquals("rzf", t.getString("precoder.name", "?"));
        assertEquals(false, t.has("precoder.iterations"), "options of the replaced precoder are dropped");
        assertEquals(19, t.getInt("layout.sites", 1, 1, 37));
        assertEquals(7, t.getLong("seed", 0, 0, Long.MAX_VALUE));
        ConfigTree u = ConfigTree.parse("a.yaml", "precoder: mrt\n").withOverrides(List.of("precoder.iterations=3"));
        assertEquals("mrt", u.getString("precoder.name", "?"));
        assertEquals(3, u.getInt("precoder.iterations", 1, 1, 10));
        assertThrows(ScenarioFormatException.class, () -> ConfigTree.parse("a", YAML).withOverrides(List.of("x")));
    }
}
