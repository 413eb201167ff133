package org.netsim.runs;

import org.netsim.precoding.Precoder;
import org.netsim.precoding.PrecoderOptions;
import org.netsim.precoding.PrecoderRegistry;

/**
 * A precoder named on the command line with optional settings: {@code NAME[:KEY=VALUE]...}, e.g.
 * {@code wmmse:iterations=7} or {@code fastfp:lambda=frobenius}. The keys {@code iterations} and {@code tolerance}
 * set the common stopping rule; every other key is passed to the precoder, which rejects the ones it does not know.
 *
 * @param label the spec as written, used as the column label in tables
 * @param name the registry name
 * @param options the resolved options
 */
record PrecoderSpec(String label, String name, PrecoderOptions options) {

    /**
     * Parses a spec on top of {@code base} options.
     *
     * @throws IllegalArgumentException naming the malformed part
     */
    static PrecoderSpec parse(String spec, PrecoderOptions base) {
        String[] parts = spec.trim().split(":");
        String name = parts[0].trim();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("precoders: empty precoder name in '" + spec + "'");
        }
        PrecoderOptions o = base;
        for (int p = 1; p < parts.length; p++) {
            int eq = parts[p].indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("precoders: expected KEY=VALUE after ':' in '" + spec + "', got '"
                        + parts[p] + "'");
            }
            String key = parts[p].substring(0, eq).trim();
            String value = parts[p].substring(eq + 1).trim();
            switch (key) {
                case "iterations" -> o = o.withMaxIterations(parseInt(spec, key, value));
                case "tolerance" -> o = o.withTolerance(parseDouble(spec, key, value));
                default -> o = o.with(key, value);
            }
        }
        return new PrecoderSpec(spec.trim(), name, o);
    }

    /** @return a new precoder instance from the registry (validates the options) */
    Precoder create() {
        return PrecoderRegistry.create(name, options);
    }

    private static int parseInt(String spec, String key, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("precoders: " + key + " in '" + spec + "' is not an integer: '" + value
                    + "'");
        }
    }

    private static double parseDouble(String spec, String key, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("precoders: " + key + " in '" + spec + "' is not a number: '" + value
                    + "'");
        }
    }
}
