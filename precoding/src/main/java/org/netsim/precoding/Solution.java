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
 */
public record Solution(ZMatrixRMaj[] precoders, double wsrNat, int iterations, List<IterationRecord> trace) {

    /** One iteration of an iterative precoder: its index (1-based), WSR in nat after it, and elapsed time. */
    public record IterationRecord(int iteration, double wsrNat, long elapsedNanos) {
    }

    public Solution {
        trace = List.copyOf(trace);
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
