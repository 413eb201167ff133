package org.netsim.runs;

/** Resolves a {@code --threads} option. */
final class Threads {

    private Threads() {
    }

    static int resolve(Integer threads) {
        if (threads == null) {
            return Runtime.getRuntime().availableProcessors();
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads: must be >= 1, got " + threads);
        }
        return threads;
    }
}
