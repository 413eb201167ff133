package org.netsim.precoding;

import java.util.List;

/**
 * A source of precoders for the {@link PrecoderRegistry}, found with {@link java.util.ServiceLoader}: the classic
 * precoders, the learned ones and any third-party plugin each ship one (listed in
 * {@code META-INF/services/org.netsim.precoding.PrecoderProvider}).
 */
public interface PrecoderProvider {

    /** One registered precoder: its name, a one-line description and its factory. */
    record Entry(String name, String description, Factory factory) {
    }

    /** Builds a precoder from validated options. */
    @FunctionalInterface
    interface Factory {
        Precoder create(PrecoderOptions options);
    }

    /** @return the precoders this provider offers */
    List<Entry> precoders();
}
