package org.netsim.scenarios.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A strict reader of one scenario's key tree (YAML, read with Jackson): typed getters with defaults and ranges,
 * and a final check that every key of the file was read, so an unknown or misspelt key is an error rather than
 * silently ignored (STYLE.md: "MASON's examples silently ignore bad values: do not copy that"). Every error is a
 * {@link ScenarioFormatException} naming the source, the dotted key and the reason.
 *
 * <p>Overrides ({@code --set key=value}) replace or add a leaf by its dotted path before reading; their values
 * are parsed as YAML scalars (so {@code 3}, {@code 2.5e9}, {@code true}, {@code rzf} keep their types).
 * {@link #resolved()} returns the tree with every default that was read filled in, which runs write next to their
 * results as the resolved scenario.
 */
public final class ConfigTree {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final String source;
    private final ObjectNode root;
    private final ObjectNode resolved;
    private final Set<String> read = new LinkedHashSet<>();

    private ConfigTree(String source, ObjectNode root) {
        this.source = source;
        this.root = root;
        this.resolved = root.deepCopy();
    }

    /**
     * Parses YAML text.
     *
     * @param source the file name or built-in scenario name, for messages
     */
    public static ConfigTree parse(String source, String yamlText) {
        JsonNode node;
        try {
            node = YAML.readTree(yamlText);
        } catch (JsonProcessingException e) {
            String msg = e.getOriginalMessage();
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            throw new ScenarioFormatException(source + (line > 0 ? ":" + line : "") + ": not valid YAML: "
                    + oneLine(msg));
        }
        if (node == null || node.isMissingNode() || node.isNull()) {
            node = JsonNodeFactory.instance.objectNode();
        }
        if (!node.isObject()) {
            throw new ScenarioFormatException(source + ": the top level must be a mapping of keys");
        }
        return new ConfigTree(source, (ObjectNode) node);
    }

    /** @return the source name used in messages */
    public String source() {
        return source;
    }

    /**
     * Applies {@code key=value} overrides by dotted path (creating intermediate mappings).
     *
     * @throws ScenarioFormatException for a malformed override, or a path through a non-mapping value
     */
    public ConfigTree withOverrides(List<String> overrides) {
        ObjectNode copy = root.deepCopy();
        for (String o : overrides) {
            int eq = o.indexOf('=');
            if (eq <= 0) {
                throw new ScenarioFormatException("--set " + o + ": expected key=value");
            }
            String key = o.substring(0, eq).trim();
            String text = o.substring(eq + 1).trim();
            JsonNode value;
            try {
                value = text.isEmpty() ? JsonNodeFactory.instance.textNode("") : YAML.readTree(text);
            } catch (JsonProcessingException e) {
                throw new ScenarioFormatException("--set " + key + ": value is not a YAML scalar: " + text);
            }
            if (value == null || value.isContainerNode()) {
                value = JsonNodeFactory.instance.textNode(text);
            }
            String[] parts = key.split("\\.");
            ObjectNode node = copy;
            for (int p = 0; p < parts.length - 1; p++) {
                JsonNode child = node.get(parts[p]);
                if (child == null) {
                    node = node.putObject(parts[p]);
                } else if (child.isObject()) {
                    node = (ObjectNode) child;
                } else if (p == parts.length - 2 && parts.length >= 2 && !child.isContainerNode()) {
                    // "precoder: mrt" + "precoder.iterations=5" (or "fading: iid" + "fading.bsCorrelation=0.5")
                    // makes the scalar a mapping with its name under the block's name key
                    ObjectNode replaced = JsonNodeFactory.instance.objectNode();
                    replaced.set(nameKey(parts[p]), child);
                    node.set(parts[p], replaced);
                    node = replaced;
                } else {
                    throw new ScenarioFormatException("--set " + key + ": '" + String.join(".",
                            java.util.Arrays.copyOf(parts, p + 1)) + "' is not a mapping");
                }
            }
            String leaf = parts[parts.length - 1];
            JsonNode existing = node.get(leaf);
            if (existing != null && existing.isObject() && !value.isContainerNode() && !value.isNull()) {
                // "precoder=rzf" or "fading=iid" on a mapping block: replace its name, drop the old model's options
                ObjectNode replaced = JsonNodeFactory.instance.objectNode();
                replaced.set(existing.has("name") ? "name" : existing.has("model") ? "model" : nameKey(leaf), value);
                node.set(leaf, replaced);
            } else {
                node.set(leaf, value);
            }
        }
        return new ConfigTree(source, copy);
    }

    /** @return the key that names the model of block {@code block}: {@code name} for the precoder, else {@code model} */
    private static String nameKey(String block) {
        return block.equals("precoder") ? "name" : "model";
    }

    private JsonNode lookup(String key) {
        JsonNode node = root;
        for (String part : key.split("\\.")) {
            if (node == null || !node.isObject()) {
                return null;
            }
            node = node.get(part);
        }
        return node;
    }

    private void record(String key, JsonNode value) {
        read.add(key);
        String[] parts = key.split("\\.");
        ObjectNode node = resolved;
        for (int p = 0; p < parts.length - 1; p++) {
            JsonNode child = node.get(parts[p]);
            if (!(child instanceof ObjectNode)) {
                child = node.putObject(parts[p]);
            }
            node = (ObjectNode) child;
        }
        node.set(parts[parts.length - 1], value);
    }

    private ScenarioFormatException error(String key, String reason) {
        return new ScenarioFormatException(source + ": " + key + ": " + reason);
    }

    /** @return whether {@code key} is present (marks nothing as read) */
    public boolean has(String key) {
        JsonNode n = lookup(key);
        return n != null && !n.isNull();
    }

    /** @return whether {@code key} is a mapping */
    public boolean isMapping(String key) {
        JsonNode n = lookup(key);
        return n != null && n.isObject();
    }

    /** Marks a mapping key as read (its own keys are still checked one by one). */
    public void markMapping(String key) {
        JsonNode n = lookup(key);
        if (n != null && !n.isObject()) {
            throw error(key, "must be a mapping of keys, got '" + n.asText() + "'");
        }
        read.add(key);
    }

    /** @return the string at {@code key}, or {@code def} when absent */
    public String getString(String key, String def) {
        JsonNode n = lookup(key);
        if (n == null || n.isNull()) {
            record(key, JsonNodeFactory.instance.textNode(def));
            return def;
        }
        if (n.isContainerNode()) {
            throw error(key, "must be a single value");
        }
        record(key, n);
        return n.asText();
    }

    /** @return the string at {@code key}, which must be one of {@code allowed} */
    public String getChoice(String key, String def, List<String> allowed) {
        String v = getString(key, def).trim().toLowerCase(Locale.ROOT);
        if (!allowed.contains(v)) {
            throw error(key, "must be one of " + String.join(", ", allowed) + ", got '" + v + "'");
        }
        return v;
    }

    /** @return the finite number at {@code key} in [min, max], or {@code def} when absent */
    public double getDouble(String key, double def, double min, double max) {
        JsonNode n = lookup(key);
        double v;
        if (n == null || n.isNull()) {
            v = def;
            record(key, JsonNodeFactory.instance.numberNode(def));
        } else {
            if (n.isNumber()) {
                v = n.asDouble();
            } else if (n.isTextual()) {
                try {
                    v = Double.parseDouble(n.asText().trim());
                } catch (NumberFormatException e) {
                    throw error(key, "must be a number, got '" + n.asText() + "'" + unitHint(key, n.asText()));
                }
            } else {
                throw error(key, "must be a number, got '" + n.asText() + "'");
            }
            record(key, JsonNodeFactory.instance.numberNode(v));
        }
        if (!Double.isFinite(v) || v < min || v > max) {
            throw error(key, "must be in [" + fmt(min) + ", " + fmt(max) + "], got " + fmt(v));
        }
        return v;
    }

    /** @return the integer at {@code key} in [min, max], or {@code def} when absent */
    public long getLong(String key, long def, long min, long max) {
        JsonNode n = lookup(key);
        long v;
        if (n == null || n.isNull()) {
            v = def;
        } else if (n.isIntegralNumber() || (n.isTextual() && n.asText().trim().matches("-?\\d+"))) {
            v = n.isTextual() ? Long.parseLong(n.asText().trim()) : n.asLong();
        } else {
            throw error(key, "must be an integer, got '" + n.asText() + "'" + unitHint(key, n.asText()));
        }
        record(key, JsonNodeFactory.instance.numberNode(v));
        if (v < min || v > max) {
            throw error(key, "must be in [" + min + ", " + max + "], got " + v);
        }
        return v;
    }

    /** @return the integer at {@code key} in [min, max], or {@code def} when absent */
    public int getInt(String key, int def, int min, int max) {
        return (int) getLong(key, def, min, max);
    }

    /** @return the boolean at {@code key}, or {@code def} when absent */
    public boolean getBoolean(String key, boolean def) {
        JsonNode n = lookup(key);
        boolean v;
        if (n == null || n.isNull()) {
            v = def;
        } else if (n.isBoolean()) {
            v = n.asBoolean();
        } else if (n.isTextual() && (n.asText().equals("true") || n.asText().equals("false"))) {
            v = Boolean.parseBoolean(n.asText());
        } else {
            throw error(key, "must be true or false, got '" + n.asText() + "'");
        }
        record(key, JsonNodeFactory.instance.booleanNode(v));
        return v;
    }

    /**
     * A range of numbers: either one number (a fixed value) or a list of two [low, high], both in [min, max].
     *
     * @return {low, high}
     */
    public double[] getRange(String key, double[] def, double min, double max) {
        JsonNode n = lookup(key);
        double[] v;
        if (n == null || n.isNull()) {
            v = def.clone();
        } else if (n.isNumber()) {
            v = new double[] {n.asDouble(), n.asDouble()};
        } else if (n.isArray() && n.size() == 2 && n.get(0).isNumber() && n.get(1).isNumber()) {
            v = new double[] {n.get(0).asDouble(), n.get(1).asDouble()};
        } else {
            throw error(key, "must be a number or a list [low, high], got " + n);
        }
        var arr = JsonNodeFactory.instance.arrayNode();
        arr.add(v[0]);
        arr.add(v[1]);
        record(key, arr);
        if (!(v[0] >= min && v[1] <= max && v[0] <= v[1])) {
            throw error(key, "must satisfy " + fmt(min) + " <= low <= high <= " + fmt(max) + ", got [" + fmt(v[0])
                    + ", " + fmt(v[1]) + "]");
        }
        return v;
    }

    /**
     * Reads a model block: a mapping with the key {@code model} (the model's registry name) and the model's own
     * parameters, or just a name. Every key of the block is marked read: the model's factory validates its
     * parameters (unknown keys included) and its error is reported with {@link #modelError}.
     *
     * @param key the block's dotted key
     * @param defaultModel the model when the block is absent
     * @return the model name and its parameters as plain values (numbers as Double or Long, booleans, strings,
     *     lists of numbers as {@code List<Double>})
     */
    public ModelBlock getModel(String key, String defaultModel) {
        JsonNode n = lookup(key);
        if (n == null || n.isNull()) {
            record(key + ".model", JsonNodeFactory.instance.textNode(defaultModel));
            return new ModelBlock(defaultModel, Map.of());
        }
        if (!n.isObject()) {
            if (n.isContainerNode()) {
                throw error(key, "must be a model name or a mapping with 'model' and its parameters");
            }
            // a bare name: "fading: iid"
            ObjectNode asBlock = JsonNodeFactory.instance.objectNode();
            asBlock.set("model", n);
            record(key, asBlock);
            read.add(key + ".model");
            return new ModelBlock(n.asText(), Map.of());
        }
        read.add(key);
        Map<String, Object> params = new java.util.TreeMap<>();
        String model = defaultModel;
        Iterator<Map.Entry<String, JsonNode>> it = n.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String k = e.getKey();
            JsonNode v = e.getValue();
            read.add(key + "." + k);
            if (v.isNull()) {
                continue; // reset by --set KEY=~: the model's default applies
            }
            if (k.equals("model")) {
                model = v.asText();
                continue;
            }
            params.put(k, plain(key + "." + k, v));
        }
        if (!n.has("model")) {
            record(key + ".model", JsonNodeFactory.instance.textNode(defaultModel));
        }
        return new ModelBlock(model, params);
    }

    private Object plain(String key, JsonNode v) {
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isIntegralNumber()) {
            return v.asLong();
        }
        if (v.isNumber()) {
            return v.asDouble();
        }
        if (v.isTextual()) {
            return v.asText();
        }
        if (v.isArray()) {
            List<Double> list = new ArrayList<>();
            for (JsonNode e : v) {
                if (!e.isNumber()) {
                    throw error(key, "must be a list of numbers, got " + v);
                }
                list.add(e.asDouble());
            }
            return list;
        }
        throw error(key, "must be a number, boolean, string or list of numbers, got " + v);
    }

    /** A model name and its parameters, as read by {@link #getModel}. */
    public record ModelBlock(String model, Map<String, Object> params) {
    }

    /** @return the factory's message for model block {@code key} as a scenario error naming the source and key */
    public ScenarioFormatException modelError(String key, IllegalArgumentException cause) {
        return new ScenarioFormatException(source + ": " + key + ": " + oneLine(cause.getMessage()));
    }

    /** @return the keys directly under mapping {@code key} (empty when absent) */
    public List<String> keysOf(String key) {
        JsonNode n = key.isEmpty() ? root : lookup(key);
        List<String> out = new ArrayList<>();
        if (n != null && n.isObject()) {
            n.fieldNames().forEachRemaining(out::add);
        }
        return out;
    }

    /** @return the number of entries of the list at {@code key} (0 when absent) */
    public int listSize(String key) {
        JsonNode n = lookup(key);
        if (n == null || n.isNull()) {
            return 0;
        }
        if (!n.isArray()) {
            throw error(key, "must be a list");
        }
        read.add(key);
        return n.size();
    }

    /** @return a tree over the {@code index}-th mapping of the list at {@code key}, checked by the caller */
    public ConfigTree listEntry(String key, int index) {
        JsonNode n = lookup(key).get(index);
        if (n == null || !n.isObject()) {
            throw error(key + "[" + index + "]", "must be a mapping of keys");
        }
        return new ConfigTree(source + ": " + key + "[" + index + "]", (ObjectNode) n);
    }

    /**
     * Writes the resolved tree of a list entry (read through {@link #listEntry}) back into this tree's resolved
     * output, so its defaults appear in {@link #resolved()}.
     */
    public void mergeListEntry(String key, int index, ConfigTree entry) {
        JsonNode list = resolvedNode(key);
        if (list instanceof com.fasterxml.jackson.databind.node.ArrayNode arr && index < arr.size()) {
            arr.set(index, entry.resolved.deepCopy());
        }
    }

    private JsonNode resolvedNode(String key) {
        JsonNode node = resolved;
        for (String part : key.split("\\.")) {
            if (node == null || !node.isObject()) {
                return null;
            }
            node = node.get(part);
        }
        return node;
    }

    /** @return a scenario error on {@code key} of this tree's source */
    public ScenarioFormatException errorAt(String key, String reason) {
        return error(key, reason);
    }

    /**
     * Checks that every key of the tree was read.
     *
     * @throws ScenarioFormatException naming the first unknown key and the known keys beside it
     */
    public void requireAllRead() {
        checkRead("", root);
    }

    private void checkRead(String prefix, JsonNode node) {
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            if (e.getValue().isNull()) {
                continue; // an absent key (e.g. reset by --set key=~)
            }
            if (!read.contains(key)) {
                Set<String> known = new TreeSet<>();
                for (String r : read) {
                    String parent = r.contains(".") ? r.substring(0, r.lastIndexOf('.')) : "";
                    if (parent.equals(prefix)) {
                        known.add(r.substring(r.lastIndexOf('.') + 1));
                    }
                }
                throw error(key, "unknown key" + (known.isEmpty() ? "" : " (known here: " + String.join(", ", known)
                        + ")"));
            }
            if (e.getValue().isObject()) {
                checkRead(key, e.getValue());
            }
        }
    }

    /** @return the tree as read, with every default that was read filled in, as YAML */
    public String resolved() {
        try {
            return YAML.writeValueAsString(resolved);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("scenario: cannot write the resolved tree", e);
        }
    }

    private static String unitHint(String key, String text) {
        return text.matches(".*\\d\\s*[a-zA-Z]+\\s*$") ? " (write plain numbers; the unit is in the key name, e.g. "
                + key.substring(key.lastIndexOf('.') + 1) + ")" : "";
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }
}
