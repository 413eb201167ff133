package org.netsim.precoding;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Precoders by name. The registry is filled once from every {@link PrecoderProvider} on the class path; names are
 * unique (a duplicate is an error at start-up, not a silent override).
 */
public final class PrecoderRegistry {

    private static final Map<String, PrecoderProvider.Entry> ENTRIES = load();

    private PrecoderRegistry() {
    }

    private static Map<String, PrecoderProvider.Entry> load() {
        Map<String, PrecoderProvider.Entry> m = new TreeMap<>();
        for (PrecoderProvider p : ServiceLoader.load(PrecoderProvider.class, PrecoderRegistry.class.getClassLoader())) {
            for (PrecoderProvider.Entry e : p.precoders()) {
                PrecoderProvider.Entry old = m.putIfAbsent(e.name(), e);
                if (old != null) {
                    throw new IllegalStateException("precoder name '" + e.name() + "' registered twice");
                }
            }
        }
        return Collections.unmodifiableMap(m);
    }

    /** @return every registered precoder, sorted by name */
    public static List<PrecoderProvider.Entry> entries() {
        return List.copyOf(ENTRIES.values());
    }

    /** @return whether {@code name} is registered */
    public static boolean contains(String name) {
        return ENTRIES.containsKey(name);
    }

    /**
     * Creates the precoder {@code name}.
     *
     * @throws IllegalArgumentException naming the unknown precoder and listing the known ones, or naming a bad
     *     option
     */
    public static Precoder create(String name, PrecoderOptions options) {
        PrecoderProvider.Entry e = ENTRIES.get(name);
        if (e == null) {
            throw new IllegalArgumentException("precoder: unknown name '" + name + "' (known: "
                    + String.join(", ", ENTRIES.keySet()) + ")");
        }
        return e.factory().create(options);
    }

    /** Creates {@code name} with default options. */
    public static Precoder create(String name) {
        return create(name, PrecoderOptions.defaults());
    }
}
