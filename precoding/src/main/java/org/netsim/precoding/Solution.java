package org.netsim.precoding;

import java.util.List;
import org.ejml.data.ZMatrixRMaj;

/**
 * The result of a {@link Precoder}: one precoder V_i in C^{M_k x d_i} per UE i (k its serving BS), the weighted
 * sum rate they achieve on the problem they were computed for, the number of iterations used and, when requested,
 * the per-iteration trace.
 *
 * @param precoders V_i per UE, owned by this solution (callers may keep them; precoders never reuse them)
 * @param wsrNat weighted sum rate sum_i alpha_i R_i in nat/s/Hz, evaluated by {@link RateEvaluator}
 * @param iterations iterations performed (0 for closed-form precoders)
 * @param trace one entry per iteration (empty unless requested)
 * @param ueRateNat R_i per UE in nat/s/Hz on the problem the precoders were computed for, when the precoder
 *     evaluated them ({@link #evaluated}); empty otherwise
 */
public record Solution(ZMatrixRMaj[] precoders, double wsrNat, int iterations, List<IterationRecord> trace,
        double[] ueRateNat) {

    /** One iteration of an iterative precoder: its index (1-based), WSR in nat after it, and elapsed time. */
    public record IterationRecord(int iteration, double wsrNat, long elapsedNanos) {
    }

    public Solution {
        trace = List.copyOf(trace);
        ueRateNat = ueRateNat.clone();
    }

    /** A solution whose per-UE rates are not known (only the WSR). */
    public Solution(ZMatrixRMaj[] precoders, double wsrNat, int iterations, List<IterationRecord> trace) {
        this(precoders, wsrNat, iterations, trace, new double[0]);
    }

    /**
     * A solution evaluated once by {@link RateEvaluator} on {@code problem}: its WSR and per-UE rates, so callers
     * that need the rates on the same problem (a simulation with perfect CSI) do not evaluate again.
     */
    public static Solution evaluated(Problem problem, ZMatrixRMaj[] precoders, int iterations,
            List<IterationRecord> trace) {
        RateReport r = RateEvaluator.evaluate(problem, precoders);
        return new Solution(precoders, r.wsrNat(), iterations, trace, r.ueRateNat());
    }

    /** @return whether {@link #ueRateNat()} holds the per-UE rates */
    public boolean hasUeRates() {
        return ueRateNat.length == precoders.length && precoders.length > 0;
    }

    @Override
    public double[] ueRateNat() {
        return ueRateNat.clone();
    }

    /** @return V_i, the precoder of UE i */
    public ZMatrixRMaj precoder(int i) {
        return precoders[i];
    }

    /** @return the weighted sum rate in bit/s/Hz */
    public double wsrBit() {
        return wsrNat / Math.log(2.0);
    }
}
