package org.netsim.runs;

import java.io.PrintWriter;

/**
 * A progress line on stderr for long work ({@code label [#####.....] done/total rate/s}), redrawn at most every
 * 200 ms and only when stderr is a terminal or {@code force} is set; finished with a newline.
 */
final class Progress implements AutoCloseable {

    private final PrintWriter err;
    private final String label;
    private final long total;
    private final boolean enabled;
    private final long startNanos = System.nanoTime();
    private long lastDrawNanos;
    private long done;

    Progress(PrintWriter err, String label, long total, boolean quiet) {
        this.err = err;
        this.label = label;
        this.total = total;
        this.enabled = !quiet && total > 0;
    }

    /** Records {@code n} more units of work. */
    synchronized void advance(long n) {
        done += n;
        long now = System.nanoTime();
        if (enabled && (now - lastDrawNanos > 200_000_000L || done >= total)) {
            lastDrawNanos = now;
            draw(now);
        }
    }

    private void draw(long now) {
        int width = 30;
        int filled = (int) Math.min(width, width * done / Math.max(1, total));
        double seconds = (now - startNanos) / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        err.printf("\r%s [%s%s] %d/%d  %.1f/s", label, "#".repeat(filled), ".".repeat(width - filled), done, total,
                rate);
        err.flush();
    }

    @Override
    public synchronized void close() {
        if (enabled) {
            draw(System.nanoTime());
            err.println();
            err.flush();
        }
    }
}
