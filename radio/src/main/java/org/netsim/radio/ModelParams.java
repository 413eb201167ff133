package org.netsim.radio;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Named parameters of a radio model chosen by name (from a scenario file or code), validated by the model's
 * factory. Values may be numbers, booleans, strings (numbers written as text are parsed, including
 * {@code "Infinity"}) or lists of numbers. Immutable.
 *
 * <p>Every error is an {@link IllegalArgumentException} whose message starts with the parameter's key, e.g.
 * {@code "maxSpeedKmh: must be >= minSpeedKmh = 3.0, got 1.0"}. Unknown keys are errors
 * ({@link #requireOnly(String, String...)}), never silently ignored.
 */
public final class ModelParams {

    private static final ModelParams EMPTY = new ModelParams(Map.of());

    private final Map<String, Object> values;

    private ModelParams(Map<String, ?> values) {
        TreeMap<String, Object> m = new TreeMap<>();
        for (Map.Entry<String, ?> e : values.entrySet()) {
            if (e.getKey() == null || e.getKey().isBlank()) {
                throw new IllegalArgumentException("params: keys must be non-blank");
            }
            if (e.getValue() == null) {
                throw new IllegalArgumentException(e.getKey() + ": must not be null");
            }
            m.put(e.getKey(), e.getValue());
        }
        this.values = Collections.unmodifiableMap(m);
    }

    /** @return no parameters (every model's defaults) */
    public static ModelParams empty() {
        return EMPTY;
    }

    /** @return the parameters of {@code values} (copied) */
    public static ModelParams of(Map<String, ?> values) {
        return new ModelParams(values);
    }

    /**
     * @param keyValues alternating keys (strings) and values, e.g. {@code of("sigmaDb", 8.0, "siteCorrelation", 0.5)}
     * @return the parameters
     */
    public static ModelParams of(Object... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException("params: need key, value pairs, got " + keyValues.length + " items");
        }
        TreeMap<String, Object> m = new TreeMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (!(keyValues[i] instanceof String key)) {
                throw new IllegalArgumentException("params: key " + i / 2 + " is not a string: " + keyValues[i]);
            }
            if (m.put(key, keyValues[i + 1]) != null) {
                throw new IllegalArgumentException(key + ": given twice");
            }
        }
        return new ModelParams(m);
    }

    /** @return a copy with {@code key} set to {@code value} */
    public ModelParams with(String key, Object value) {
        TreeMap<String, Object> m = new TreeMap<>(values);
        m.put(key, value);
        return new ModelParams(m);
    }

    /** @return the keys, sorted */
    public Set<String> keys() {
        return values.keySet();
    }

    /** @return whether {@code key} is given */
    public boolean has(String key) {
        return values.containsKey(key);
    }

    /**
     * Checks that every key is among {@code allowed}.
     *
     * @param model the model's name, for the message
     * @return this
     * @throws IllegalArgumentException naming the first unknown key and listing the allowed ones
     */
    public ModelParams requireOnly(String model, String... allowed) {
        Set<String> ok = new TreeSet<>(Arrays.asList(allowed));
        for (String key : values.keySet()) {
            if (!ok.contains(key)) {
                throw new IllegalArgumentException(key + ": unknown parameter of '" + model + "' (known: "
                        + (ok.isEmpty() ? "none" : String.join(", ", ok)) + ")");
            }
        }
        return this;
    }

    /** @return the number {@code key}, or {@code def} if absent */
    public double getDouble(String key, double def) {
        Object v = values.get(key);
        return v == null ? def : toDouble(key, v);
    }

    /** @return the number {@code key}; it must be given */
    public double getDouble(String key) {
        return toDouble(key, require(key));
    }

    /** @return the integer {@code key}, or {@code def} if absent */
    public int getInt(String key, int def) {
        Object v = values.get(key);
        if (v == null) {
            return def;
        }
        double d = toDouble(key, v);
        if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(key + ": must be an integer, got " + v);
        }
        return (int) d;
    }

    /** @return the boolean {@code key}, or {@code def} if absent */
    public boolean getBoolean(String key, boolean def) {
        Object v = values.get(key);
        if (v == null) {
            return def;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        throw new IllegalArgumentException(key + ": must be true or false, got " + v);
    }

    /** @return the string {@code key}, or {@code def} if absent */
    public String getString(String key, String def) {
        Object v = values.get(key);
        if (v == null) {
            return def;
        }
        if (v instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException(key + ": must be a string, got " + v);
    }

    /** @return the list of numbers {@code key} (a {@code double[]} or a list), or {@code def} if absent */
    public double[] getDoubles(String key, double[] def) {
        Object v = values.get(key);
        if (v == null) {
            return def == null ? null : def.clone();
        }
        if (v instanceof double[] a) {
            return a.clone();
        }
        if (v instanceof List<?> list) {
            double[] out = new double[list.size()];
            for (int i = 0; i < out.length; i++) {
                Object e = list.get(i);
                if (e == null) {
                    throw new IllegalArgumentException(key + ": element " + i + " is null");
                }
                out[i] = toDouble(key + "[" + i + "]", e);
            }
            return out;
        }
        throw new IllegalArgumentException(key + ": must be a list of numbers, got " + v);
    }

    private Object require(String key) {
        Object v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException(key + ": required");
        }
        return v;
    }

    private static double toDouble(String key, Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + ": not a number: '" + s + "'");
            }
        }
        throw new IllegalArgumentException(key + ": must be a number, got " + v);
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
