package org.netsim.simcore.distributed;

import java.util.Locale;
import org.netsim.precoding.Problem;
import org.netsim.precoding.linalg.ComplexOps;
import org.netsim.simcore.SlotContext;

/**
 * Which BSs a UE sends its weighted covariance U_i W_i U_i^H to in the uplink phase (its coordination set C_i; its
 * serving BS always belongs to it). A BS that never hears of a UE leaves it out of its weighted uplink covariance
 * R_k (GCN-WMMSE paper "Coordinated Sum-Rate Maximization in Multicell MU-MIMO with Deep Unrolling", eq. (4)),
 * i.e. treats it as absent; the rates are still evaluated with the true interference.
 *
 * <ul>
 *   <li>{@link Kind#ALL}: every BS (full coordination, the WMMSE of the papers);</li>
 *   <li>{@link Kind#RADIUS}: the BSs whose site lies within {@code value} metres of the UE;</li>
 *   <li>{@link Kind#STRONGEST}: the {@code value} BSs of largest large-scale gain (or, without geometry, of largest
 *       ||H_ik||_F^2 of the CSI).</li>
 * </ul>
 *
 * @param kind the rule
 * @param value the radius in metres ({@link Kind#RADIUS}) or the number of BSs ({@link Kind#STRONGEST}); 0 for
 *     {@link Kind#ALL}
 */
public record CoordinationRange(Kind kind, double value) {

    /** The rules. */
    public enum Kind { ALL, RADIUS, STRONGEST }

    /** Full coordination. */
    public static final CoordinationRange ALL = new CoordinationRange(Kind.ALL, 0);

    /** Validates the value for the kind. */
    public CoordinationRange {
        if (kind == null) {
            throw new IllegalArgumentException("coordination: kind must not be null");
        }
        switch (kind) {
            case ALL -> value = 0;
            case RADIUS -> {
                if (!(value > 0) || Double.isInfinite(value)) {
                    throw new IllegalArgumentException("coordinationRadiusM: must be finite and > 0, got " + value);
                }
            }
            case STRONGEST -> {
                if (!(value >= 1) || value != Math.rint(value)) {
                    throw new IllegalArgumentException("coordinationStrongest: must be an integer >= 1, got "
                            + value);
                }
            }
            default -> throw new AssertionError(kind);
        }
    }

    /** @return BSs within {@code radiusM} metres */
    public static CoordinationRange radius(double radiusM) {
        return new CoordinationRange(Kind.RADIUS, radiusM);
    }

    /** @return the {@code n} strongest BSs */
    public static CoordinationRange strongest(int n) {
        return new CoordinationRange(Kind.STRONGEST, n);
    }

    /**
     * The coordination sets of this slot.
     *
     * @param problem the CSI problem; not modified
     * @param context the slot's geometry (needed for {@link Kind#RADIUS})
     * @return in[i][k] = whether UE i sends to BS k (always true for its serving BS)
     */
    public boolean[][] sets(Problem problem, SlotContext context) {
        int numUe = problem.numUe();
        int numBs = problem.numBs();
        boolean[][] in = new boolean[numUe][numBs];
        for (int i = 0; i < numUe; i++) {
            switch (kind) {
                case ALL -> java.util.Arrays.fill(in[i], true);
                case RADIUS -> {
                    if (context == null || context.distanceM() == null) {
                        throw new IllegalStateException("coordination radius: the slot has no UE-BS distances");
                    }
                    for (int k = 0; k < numBs; k++) {
                        in[i][k] = context.distanceM()[i][k] <= value;
                    }
                }
                case STRONGEST -> {
                    double[] strength = new double[numBs];
                    for (int k = 0; k < numBs; k++) {
                        strength[k] = context != null && context.largeScaleGainDb() != null
                                ? context.largeScaleGainDb()[i][k]
                                : ComplexOps.frobeniusSquared(problem.channel(i, k));
                    }
                    int n = (int) Math.min(value, numBs);
                    for (int picked = 0; picked < n; picked++) {
                        int best = -1;
                        for (int k = 0; k < numBs; k++) {
                            if (!in[i][k] && (best < 0 || strength[k] > strength[best])) {
                                best = k;
                            }
                        }
                        in[i][best] = true;
                    }
                }
                default -> throw new AssertionError(kind);
            }
            in[i][problem.servingBs(i)] = true;
        }
        return in;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case ALL -> "all";
            case RADIUS -> String.format(Locale.ROOT, "radius %.1f m", value);
            case STRONGEST -> "strongest " + (int) value;
        };
    }
}
