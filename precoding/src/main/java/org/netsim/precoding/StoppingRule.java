package org.netsim.precoding;

import java.util.ArrayList;
import java.util.List;

/**
 * The common stopping rule and trace of iterative precoders (see {@link PrecoderOptions}): stop after
 * {@code maxIterations} iterations, or earlier once the relative WSR change
 * |f_t - f_{t-1}| / max(|f_{t-1}|, 1e-12) falls below {@code tolerance} (0 disables the tolerance). When the
 * options ask for a trace, every iteration's WSR and the elapsed time since {@link #start(double)} are recorded.
 *
 * <p>Use: {@code start(f0)}, then after each iteration {@code if (rule.record(f_t)) break;}. One instance per solve;
 * not thread-safe.
 */
public final class StoppingRule {

    private final int maxIterations;
    private final double tolerance;
    private final boolean trace;
    private final List<Solution.IterationRecord> records;
    private long startNanos;
    private double previous;
    private int iterations;

    /** @param options the precoder's options; not modified */
    public StoppingRule(PrecoderOptions options) {
        this.maxIterations = options.maxIterations();
        this.tolerance = options.tolerance();
        this.trace = options.trace();
        this.records = trace ? new ArrayList<>() : List.of();
    }

    /**
     * Starts the clock.
     *
     * @param initialWsrNat the WSR of the initial point in nat/s/Hz (NaN when the precoder does not evaluate it;
     *     the tolerance test is then skipped for the first iteration)
     */
    public void start(double initialWsrNat) {
        this.startNanos = System.nanoTime();
        this.previous = initialWsrNat;
        this.iterations = 0;
    }

    /** @return whether another iteration may run (fewer than {@code maxIterations} done) */
    public boolean mayContinue() {
        return iterations < maxIterations;
    }

    /**
     * Records one finished iteration.
     *
     * @param wsrNat the WSR after it, in nat/s/Hz
     * @return true when the solver must stop now (cap reached or relative change below the tolerance)
     */
    public boolean record(double wsrNat) {
        iterations++;
        if (trace) {
            records.add(new Solution.IterationRecord(iterations, wsrNat, System.nanoTime() - startNanos));
        }
        boolean converged = tolerance > 0 && !Double.isNaN(previous)
                && Math.abs(wsrNat - previous) / Math.max(Math.abs(previous), 1e-12) < tolerance;
        previous = wsrNat;
        return converged || iterations >= maxIterations;
    }

    /** @return whether the WSR of every iterate is needed (a tolerance or a trace is set) */
    public boolean needsWsr() {
        return tolerance > 0 || trace;
    }

    /** @return the iterations recorded so far */
    public int iterations() {
        return iterations;
    }

    /** @return the trace (empty unless requested) */
    public List<Solution.IterationRecord> trace() {
        return records;
    }
}
