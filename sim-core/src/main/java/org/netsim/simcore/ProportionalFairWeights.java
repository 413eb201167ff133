package org.netsim.simcore;

import java.util.HashMap;
import java.util.Map;

/**
 * Proportional-fair rate weights for the precoder of a time-evolving run: UE i gets alpha_i proportional to
 * 1 / max(Rbar_i, R_floor), with Rbar_i its exponentially averaged past rate,
 * <pre>
 *   Rbar_i(t + 1) = (1 - 1/T) Rbar_i(t) + (1/T) R_i(t),      alpha_i = (1 / max(Rbar_i, R_floor)) / mean_j(...)
 * </pre>
 * (T the averaging time constant in slots; the weights are normalised to mean 1). Maximising sum_i alpha_i R_i with
 * these weights every slot is the classic proportional-fair scheduler (Kelly, Maulloo and Tan 1998; Viswanath,
 * Tse and Laroia 2002): a UE starved in past slots gets a large weight, so the WSR precoder serves it again instead
 * of switching it off for good. A UE without history (new, or the first slot) starts at the mean of the others'
 * averages (weight 1 when there are none). Not thread-safe: one instance per network.
 */
public final class ProportionalFairWeights {

    /** Averages below this rate (nat/s/Hz) count as this rate: caps the weight of a starved UE. */
    public static final double RATE_FLOOR_NAT = 1e-2;

    private final double forgetting;
    private final Map<Integer, Double> averageRateNat = new HashMap<>();

    /** @param timeConstantSlots T &gt;= 1, the averaging window in slots */
    public ProportionalFairWeights(double timeConstantSlots) {
        if (!(timeConstantSlots >= 1) || Double.isInfinite(timeConstantSlots)) {
            throw new IllegalArgumentException("fairnessTimeConstantSlots: must be finite and >= 1, got "
                    + timeConstantSlots);
        }
        this.forgetting = 1.0 / timeConstantSlots;
    }

    /** @return the weights alpha_i of the UEs {@code ueIds} (mean 1) */
    public double[] weights(int[] ueIds) {
        double known = 0;
        int count = 0;
        for (int id : ueIds) {
            Double a = averageRateNat.get(id);
            if (a != null) {
                known += a;
                count++;
            }
        }
        double fallback = count == 0 ? 1.0 : known / count;
        double[] w = new double[ueIds.length];
        double sum = 0;
        for (int i = 0; i < ueIds.length; i++) {
            Double a = averageRateNat.get(ueIds[i]);
            w[i] = 1.0 / Math.max(a == null ? fallback : a, RATE_FLOOR_NAT);
            sum += w[i];
        }
        for (int i = 0; i < w.length; i++) {
            w[i] *= w.length / sum;
        }
        return w;
    }

    /** Folds the rates the UEs achieved in this slot into their averages; UEs not listed keep theirs. */
    public void observe(int[] ueIds, double[] ratesNat) {
        for (int i = 0; i < ueIds.length; i++) {
            Double a = averageRateNat.get(ueIds[i]);
            averageRateNat.put(ueIds[i], a == null ? ratesNat[i] : (1 - forgetting) * a + forgetting * ratesNat[i]);
        }
    }

    /**
     * Forgets every UE not in {@code ueIds} (UEs that left the network; identifiers are never reused), so the
     * memory stays proportional to the UEs present when UEs come and go for a long run.
     */
    public void retainOnly(int[] ueIds) {
        java.util.Set<Integer> present = new java.util.HashSet<>();
        for (int id : ueIds) {
            present.add(id);
        }
        averageRateNat.keySet().retainAll(present);
    }

    /** @return how many UEs have an average rate */
    public int trackedUes() {
        return averageRateNat.size();
    }

    /** Forgets a UE that left the network. */
    public void remove(int ueId) {
        averageRateNat.remove(ueId);
    }
}
