package org.netsim.precoding;

import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Options common to every precoder (iteration cap, stopping tolerance, trace) plus algorithm-specific parameters
 * as named strings, which each precoder validates: an unknown or malformed parameter is an
 * {@link IllegalArgumentException} naming it. Immutable.
 *
 * <p>Stopping rule of iterative precoders: stop after {@code maxIterations}, or earlier once the relative WSR
 * change |f_t - f_{t-1}| / max(|f_{t-1}|, 1e-12) falls below {@code tolerance} (a tolerance of 0 disables it).
 */
public final class PrecoderOptions {

    /** Iteration cap used when none is given. */
    public static final int DEFAULT_MAX_ITERATIONS = 100;

    private final int maxIterations;
    private final double tolerance;
    private final boolean trace;
    private final Map<String, String> params;

    private PrecoderOptions(int maxIterations, double tolerance, boolean trace, Map<String, String> params) {
        if (maxIterations < 1) {
            throw new IllegalArgumentException("iterations: must be >= 1, got " + maxIterations);
        }
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("tolerance: must be finite and >= 0, got " + tolerance);
        }
        this.maxIterations = maxIterations;
        this.tolerance = tolerance;
        this.trace = trace;
        this.params = Collections.unmodifiableMap(new TreeMap<>(params));
    }

    /** Defaults: 100 iterations, no tolerance, no trace, no parameters. */
    public static PrecoderOptions defaults() {
        return new PrecoderOptions(DEFAULT_MAX_ITERATIONS, 0.0, false, Map.of());
    }

    public int maxIterations() {
        return maxIterations;
    }

    public double tolerance() {
        return tolerance;
    }

    public boolean trace() {
        return trace;
    }

    public Map<String, String> params() {
        return params;
    }

    public PrecoderOptions withMaxIterations(int n) {
        return new PrecoderOptions(n, tolerance, trace, params);
    }

    public PrecoderOptions withTolerance(double t) {
        return new PrecoderOptions(maxIterations, t, trace, params);
    }

    public PrecoderOptions withTrace(boolean on) {
        return new PrecoderOptions(maxIterations, tolerance, on, params);
    }

    /** @return a copy with parameter {@code key} set to {@code value} */
    public PrecoderOptions with(String key, String value) {
        Map<String, String> m = new TreeMap<>(params);
        m.put(key, value);
        return new PrecoderOptions(maxIterations, tolerance, trace, m);
    }

    /**
     * Checks that every parameter is among {@code allowed}.
     *
     * @param precoder the precoder name, for the message
     */
    public void requireOnly(String precoder, String... allowed) {
        Set<String> ok = new HashSet<>(java.util.List.of(allowed));
        for (String key : params.keySet()) {
            if (!ok.contains(key)) {
                throw new IllegalArgumentException("precoder." + key + ": unknown option for '" + precoder
                        + "' (known: " + (allowed.length == 0 ? "none" : String.join(", ", allowed)) + ")");
            }
        }
    }

    /** @return the string parameter, or {@code def} if absent */
    public String get(String key, String def) {
        return params.getOrDefault(key, def);
    }

    /** @return the double parameter, or {@code def} if absent; a malformed value names the key */
    public double getDouble(String key, double def) {
        String v = params.get(key);
        if (v == null) {
            return def;
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("precoder." + key + ": not a number: '" + v + "'");
        }
    }

    /** @return the integer parameter, or {@code def} if absent; a malformed value names the key */
    public int getInt(String key, int def) {
        String v = params.get(key);
        if (v == null) {
            return def;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("precoder." + key + ": not an integer: '" + v + "'");
        }
    }

    @Override
    public String toString() {
        return "PrecoderOptions[iterations=" + maxIterations + ", tolerance=" + tolerance + ", trace=" + trace
                + ", " + params + "]";
    }
}
