package org.netsim.scenarios.sim;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.netsim.scenarios.config.ConfigTree;
import org.netsim.scenarios.config.ScenarioFormatException;

/**
 * The built-in time-evolving scenarios (YAML files shipped in this module) and loading of user scenario files.
 * {@code urban-7cell} is the default scenario of {@code netsim run}.
 */
public final class SimulationCatalog {

    /** The built-in scenario names, the default first. */
    public static final List<String> NAMES = List.of("urban-7cell", "highway-19cell");

    private SimulationCatalog() {
    }

    /** @return whether {@code name} is a built-in time-evolving scenario */
    public static boolean contains(String name) {
        return NAMES.contains(name);
    }

    /** @return the YAML text of built-in scenario {@code name} */
    public static String text(String name) {
        if (!contains(name)) {
            throw new ScenarioFormatException("scenario: unknown built-in scenario '" + name + "' (known: "
                    + String.join(", ", NAMES) + ")");
        }
        try (InputStream in = SimulationCatalog.class.getResourceAsStream(name + ".yaml")) {
            if (in == null) {
                throw new IllegalStateException("scenario resource missing: " + name + ".yaml");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("scenario resource unreadable: " + name + ".yaml", e);
        }
    }

    /**
     * Loads a built-in scenario by name or a YAML file by path, applies {@code --set} overrides, validates it.
     *
     * @throws ScenarioFormatException for a missing file or anything wrong in it, naming the file and key
     */
    public static SimulationScenario load(String nameOrFile, List<String> overrides) {
        ConfigTree tree;
        String defaultName;
        if (contains(nameOrFile)) {
            tree = ConfigTree.parse(nameOrFile, text(nameOrFile));
            defaultName = nameOrFile;
        } else {
            Path file = Path.of(nameOrFile);
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new ScenarioFormatException(nameOrFile + ": no such scenario file (and not a built-in "
                        + "scenario: " + String.join(", ", NAMES) + ")");
            } catch (IOException e) {
                throw new ScenarioFormatException(nameOrFile + ": cannot read: " + e.getMessage());
            }
            tree = ConfigTree.parse(file.getFileName().toString(), text);
            String stem = file.getFileName().toString();
            defaultName = stem.contains(".") ? stem.substring(0, stem.lastIndexOf('.')) : stem;
        }
        return SimulationScenario.from(tree.withOverrides(overrides), defaultName);
    }

    /** @return the one-line description of built-in scenario {@code name} */
    public static String description(String name) {
        return load(name, List.of()).description();
    }
}
