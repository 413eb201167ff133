package org.netsim.scenarios.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.netsim.precoding.PrecoderProvider;
import org.netsim.precoding.PrecoderRegistry;
import org.netsim.radio.csi.DelayedCsi;
import org.netsim.radio.layout.HexagonalLayout;
import org.netsim.radio.layout.NetworkLayout;
import org.netsim.scenarios.config.ConfigTree;
import org.netsim.scenarios.config.ScenarioFormatException;
import org.netsim.simcore.NetworkSimulation;
import org.netsim.simcore.SlotReport;

/**
 * Keeps docs/scenarios.md honest against the parser and the model factories:
 *
 * <ul>
 *   <li>every key path of the built-in scenarios' resolved YAML (defaults included) appears in the doc as a code
 *       span, e.g. {@code `layout.interSiteDistanceM`}, {@code `ues[].mobility.maxSpeedKmh`};</li>
 *   <li>every model of every model block and every parameter it accepts, and every registered precoder and its
 *       options, appear likewise (the lists are taken from the "(known: ...)" of the errors the factories raise
 *       for an unknown model, parameter or option, so a new parameter fails this test until it is documented);</li>
 *   <li>the literal defaults in the doc tables' {@code default} column agree with the defaults the parser writes
 *       into the resolved YAML;</li>
 *   <li>the doc's examples ({@code ```yaml} blocks whose first line is {@code # example: NAME}) load, validate
 *       and run a few slots, and the resolved YAML of every built-in and example reads back to itself, as the doc
 *       claims.</li>
 * </ul>
 *
 * The doc is read relative to the module folder (Maven's working directory for tests).
 */
class ScenarioDocsTest {

    private static final Path DOC = Path.of("..", "docs", "scenarios.md");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** The smallest valid scenario: one group, every other key at its default. */
    private static final String BARE = "ues:\n  - drop: {model: per-cell, uesPerCell: 1}\n";
    /** The keys {@link #BARE} gives itself, not defaults. */
    private static final List<String> BARE_GIVEN = List.of("ues[].drop.model", "ues[].drop.uesPerCell");
    private static final String NO_SUCH_MODEL = "zzz-no-such-model";
    private static final String NO_SUCH_PARAM = "zzzNoSuchParam";
    private static final Pattern KNOWN = Pattern.compile("\\(known: ([^)]*)\\)\\s*$");
    private static final Pattern CODE_CELL = Pattern.compile("^`([^`]+)`$");
    private static final Pattern EXAMPLE = Pattern.compile("```yaml\\n# example: ([a-z0-9-]+)\\n(.*?)```",
            Pattern.DOTALL);
    /** The examples the doc promises. */
    private static final List<String> EXAMPLES = List.of("minimal", "three-sector-delayed-csi");

    private static String doc;

    @BeforeAll
    static void readDoc() throws IOException {
        assertTrue(Files.isRegularFile(DOC), "doc not found at " + DOC.toAbsolutePath());
        doc = Files.readString(DOC, StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------------------------------------- key paths

    static Stream<String> builtIns() {
        return SimulationCatalog.NAMES.stream();
    }

    @ParameterizedTest
    @MethodSource("builtIns")
    void everyKeyOfABuiltInScenarioIsDocumented(String name) throws IOException {
        Map<String, JsonNode> leaves = leaves(SimulationCatalog.load(name, List.of()).resolvedYaml());
        // the walk must see the keys of every level, or this test could not fail
        for (String expected : List.of("seed", "layout.interSiteDistanceM", "bs.antennas", "ues[].name",
                "ues[].drop.uesPerCell", "ues[].mobility.maxSpeedKmh", "shadowing.decorrelationDistanceM",
                "precoder.warmStart", "precoder.tolerance", "output.traceEvery")) {
            assertTrue(leaves.containsKey(expected), name + ": resolved YAML lacks " + expected + ": "
                    + leaves.keySet());
        }
        List<String> missing = new ArrayList<>();
        for (String path : leaves.keySet()) {
            if (!documented(path)) {
                missing.add(path);
            }
        }
        assertTrue(missing.isEmpty(), name + ": keys not documented in " + DOC + ": " + missing);
    }

    // ------------------------------------------------------------------------------- models and parameters

    /** A model block: its documented path and how to put a block text into a scenario. */
    private record Block(String path, String key, boolean inGroup) {
        String scenario(String blockText) {
            if (!inGroup) {
                return BARE + key + ": " + blockText + "\n";
            }
            if (key.equals("drop")) {
                return "ues:\n  - drop: " + blockText + "\n";
            }
            return BARE + "    " + key + ": " + blockText + "\n";
        }
    }

    static Stream<Arguments> modelBlocks() {
        return Stream.of(
                new Block("layout", "layout", false), new Block("pathLoss", "pathLoss", false),
                new Block("shadowing", "shadowing", false), new Block("fading", "fading", false),
                new Block("noise", "noise", false), new Block("csi", "csi", false),
                new Block("association", "association", false), new Block("ues[].drop", "drop", true),
                new Block("ues[].mobility", "mobility", true)).map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("modelBlocks")
    void everyModelAndEveryModelParameterIsDocumented(Block block) {
        String unknownModel = failure(block.scenario("{model: " + NO_SUCH_MODEL + "}"));
        List<String> models = known(unknownModel);
        assertTrue(models.size() >= 2, block.path() + ": expected the known models in: " + unknownModel);
        List<String> missing = new ArrayList<>();
        if (!documented(block.path() + ".model")) {
            missing.add(block.path() + ".model");
        }
        for (String model : models) {
            if (!doc.contains("`" + model + "`")) {
                missing.add("model " + model);
            }
            String unknownParam = failure(block.scenario("{model: " + model + ", " + NO_SUCH_PARAM + ": 1}"));
            assertTrue(unknownParam.contains(NO_SUCH_PARAM + ": unknown parameter of '" + model + "'"),
                    block.path() + ": " + unknownParam);
            for (String param : known(unknownParam)) {
                if (!documented(block.path() + "." + param)) {
                    missing.add(block.path() + "." + param + " (" + model + ")");
                }
            }
        }
        assertTrue(missing.isEmpty(), block.path() + ": not documented in " + DOC + ": " + missing);
    }

    @Test
    void everyPrecoderAndEveryPrecoderOptionIsDocumented() {
        List<PrecoderProvider.Entry> entries = PrecoderRegistry.entries();
        assertTrue(entries.size() >= 2, "registry: " + entries);
        List<String> missing = new ArrayList<>();
        for (PrecoderProvider.Entry e : entries) {
            if (!doc.contains("`" + e.name() + "`")) {
                missing.add("precoder " + e.name());
            }
            String message = failure(BARE + "precoder: {name: " + e.name() + ", " + NO_SUCH_PARAM + ": 1}\n");
            assertTrue(message.contains("precoder." + NO_SUCH_PARAM + ": unknown option for '" + e.name() + "'"),
                    message);
            for (String option : known(message)) {
                if (!documented("precoder." + option)) {
                    missing.add("precoder." + option + " (" + e.name() + ")");
                }
            }
        }
        assertTrue(missing.isEmpty(), "not documented in " + DOC + ": " + missing);
    }

    // --------------------------------------------------------------------------------------------- defaults

    @Test
    void literalDefaultsInTheDocMatchTheParser() throws IOException {
        Map<String, List<String>> docDefaults = tableDefaults();
        Map<String, JsonNode> resolved = leaves(SimulationScenario.from(ConfigTree.parse("bare", BARE), "bare")
                .resolvedYaml());
        List<String> problems = new ArrayList<>();
        int compared = 0;
        for (Map.Entry<String, JsonNode> e : resolved.entrySet()) {
            String path = e.getKey();
            if (BARE_GIVEN.contains(path)) {
                continue;
            }
            List<String> cells = docDefaults.get(path);
            if (cells == null) {
                problems.add(path + ": no row with a default column");
                continue;
            }
            for (String cell : cells) {
                String literal = literal(cell);
                if (literal == null) {
                    continue;
                }
                compared++;
                if (!sameValue(literal, e.getValue())) {
                    problems.add(path + ": doc says " + cell + ", parser uses " + e.getValue());
                }
            }
        }
        assertTrue(problems.isEmpty(), "defaults in " + DOC + ": " + problems);
        // seed, slots, slotDurationS, carrierHz, bs.*, the model of every block, precoder.*, output.traceEvery, ...
        assertTrue(compared >= 15, "only " + compared + " defaults compared: is the table layout still parsed?");
    }

    // --------------------------------------------------------------------------------------------- examples

    @Test
    void theExamplesLoadValidateAndRun() {
        Map<String, String> examples = examples();
        assertEquals(new TreeSet<>(EXAMPLES), new TreeSet<>(examples.keySet()), "examples in " + DOC);
        for (Map.Entry<String, String> e : examples.entrySet()) {
            String name = e.getKey();
            SimulationScenario s = SimulationScenario.from(ConfigTree.parse(name, e.getValue()), name);
            assertEquals(name, s.name(), "the example's name key");
            assertResolvesToItself(s);
            List<SlotReport> reports = run(s, 3);
            for (SlotReport r : reports) {
                assertTrue(r.numUes() > 0 && r.sumRateNat() > 0 && Double.isFinite(r.sumRateNat()),
                        name + ", slot " + r.slot() + ": " + r.sumRateNat());
            }
        }
        SimulationScenario sectors = load(examples, "three-sector-delayed-csi");
        NetworkLayout layout = sectors.network().largeScale().layout();
        HexagonalLayout hex = assertInstanceOf(HexagonalLayout.class, layout);
        assertEquals(3, hex.sectorsPerSite());
        assertEquals(3 * layout.numSites(), layout.numCells());
        DelayedCsi csi = assertInstanceOf(DelayedCsi.class, sectors.network().csi());
        assertTrue(csi.delaySlots() > 0, "delayed CSI example with delay " + csi.delaySlots());
    }

    @ParameterizedTest
    @MethodSource("builtIns")
    void theResolvedScenarioOfABuiltInResolvesToItself(String name) {
        assertResolvesToItself(SimulationCatalog.load(name, List.of()));
    }

    @Test
    void theDocumentedErrorFormatIsTheParsersFormat() {
        // the doc's examples of "SOURCE: KEY: reason"
        for (String text : List.of(BARE + "slotDurationS: -1\n", "ues:\n  - drop: {model: per-cell}\n")) {
            String message = failure(text);
            assertTrue(message.startsWith("doc: "), message);
            String line = "netsim: my-net.yaml: " + message.substring("doc: ".length());
            assertTrue(doc.contains(line + "\n"), "doc lacks the error line: " + line);
        }
    }

    // -------------------------------------------------------------------------------------------- helpers

    private static boolean documented(String path) {
        return doc.contains("`" + path + "`");
    }

    private static SimulationScenario load(Map<String, String> examples, String name) {
        return SimulationScenario.from(ConfigTree.parse(name, examples.get(name)), name);
    }

    private static void assertResolvesToItself(SimulationScenario s) {
        String resolved = s.resolvedYaml();
        String again = SimulationScenario.from(ConfigTree.parse("resolved", resolved), "other").resolvedYaml();
        assertEquals(resolved, again, s.name() + ": the resolved scenario does not read back to itself");
    }

    private static List<SlotReport> run(SimulationScenario s, long slots) {
        List<SlotReport> out = new ArrayList<>();
        NetworkSimulation sim = new NetworkSimulation(s.seed(), s.network(), s.groups(), s.newPrecodingStage(),
                List.of(out::add));
        sim.start();
        assertEquals(slots, sim.runSlots(slots));
        sim.finish();
        return out;
    }

    /** @return the message of the scenario error {@code text} raises (source "doc") */
    private static String failure(String text) {
        return assertThrows(ScenarioFormatException.class,
                () -> SimulationScenario.from(ConfigTree.parse("doc", text), "doc"), text).getMessage();
    }

    /** @return the names in the message's trailing "(known: a, b, c)"; empty for "(known: none)" */
    private static List<String> known(String message) {
        Matcher m = KNOWN.matcher(message);
        assertTrue(m.find(), "no '(known: ...)' in: " + message);
        String list = m.group(1).trim();
        if (list.equals("none")) {
            return List.of();
        }
        return Arrays.stream(list.split(",")).map(String::trim).toList();
    }

    /** @return every leaf of a YAML tree by dotted path, list entries as {@code []}, e.g. {@code ues[].name} */
    private static Map<String, JsonNode> leaves(String yaml) throws IOException {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        walk("", YAML.readTree(yaml), out);
        return out;
    }

    private static void walk(String prefix, JsonNode node, Map<String, JsonNode> out) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                walk(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else if (node.isArray() && node.size() > 0 && node.get(0).isObject()) {
            for (JsonNode entry : node) {
                walk(prefix + "[]", entry, out);
            }
        } else {
            out.putIfAbsent(prefix, node);
        }
    }

    /** @return the doc's {@code ```yaml} blocks that start with {@code # example: NAME}, by name */
    private static Map<String, String> examples() {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = EXAMPLE.matcher(doc);
        while (m.find()) {
            String previous = out.put(m.group(1), m.group(2));
            assertTrue(previous == null, "example " + m.group(1) + " given twice");
        }
        return out;
    }

    /**
     * @return the cells of the {@code default} column by key (the first column, a code span), over every table of
     *     the doc that has such a column
     */
    private static Map<String, List<String>> tableDefaults() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        String[] lines = doc.split("\n");
        for (int i = 0; i + 1 < lines.length; i++) {
            if (!lines[i].startsWith("|") || !lines[i + 1].matches("^\\|\\s*-{3,}.*")) {
                continue;
            }
            List<String> header = cells(lines[i]);
            int column = header.indexOf("default");
            int j = i + 2;
            for (; j < lines.length && lines[j].startsWith("|"); j++) {
                if (column < 0) {
                    continue;
                }
                List<String> row = cells(lines[j]);
                assertEquals(header.size(), row.size(), "table row with a wrong number of cells: " + lines[j]);
                Matcher key = CODE_CELL.matcher(row.get(0));
                if (key.matches()) {
                    out.computeIfAbsent(key.group(1), k -> new ArrayList<>()).add(row.get(column));
                }
            }
            i = j - 1;
        }
        return out;
    }

    /** @return the cells of a table row, split at unescaped '|' */
    private static List<String> cells(String line) {
        String inner = line.trim();
        inner = inner.substring(1, inner.endsWith("|") ? inner.length() - 1 : inner.length());
        List<String> out = new ArrayList<>();
        for (String c : inner.split("(?<!\\\\)\\|", -1)) {
            out.add(c.trim());
        }
        return out;
    }

    /** @return the literal value of a default cell ({@code `x`}, or "empty" for the empty string), or null */
    private static String literal(String cell) {
        if (cell.equals("empty")) {
            return "";
        }
        Matcher m = CODE_CELL.matcher(cell);
        return m.matches() ? m.group(1) : null;
    }

    private static boolean sameValue(String literal, JsonNode value) {
        if (value.isNumber()) {
            try {
                double d = Double.parseDouble(literal);
                // exact: both are decimal literals of the same value
                return d == value.asDouble();
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return literal.equals(value.asText());
    }
}
