package org.netsim.precoding.gcn;

import org.ejml.data.ZMatrixRMaj;
import org.netsim.precoding.linalg.ComplexOps;

/**
 * The power projection of GCN-WMMSE (GCN-WMMSE paper "Coordinated Sum-Rate Maximization in Multicell MU-MIMO with
 * Deep Unrolling", eq. (15)), applied by BS k to the unscaled beamformers V^_i of its UEs after every layer:
 * <pre>
 *   V_i = sqrt(P_k) V^_i / sqrt(max{ sum_{i in I_k} ||V^_i||_F^2, P_k })            (15)
 * </pre>
 * A feasible set is left unchanged (bit for bit: the factor is 1 and is not applied); an infeasible one is scaled
 * by sqrt(P_k / used) onto the budget, and, as in the classic power step, scaled down by one more ulp at a time if
 * rounding left the computed power above P_k, so that the budget always holds. P_k = 0 gives V_i = 0.
 */
public final class PowerProjection {

    private PowerProjection() {
    }

    /**
     * Projects the beamformers of one BS, in place.
     *
     * @param v V^_i indexed by UE (only the entries listed in {@code ues} are read and written); modified
     * @param ues the BS's UEs
     * @param budgetW P_k in watts, &gt;= 0
     * @return the factor applied, sqrt(P_k / max(used, P_k)) (1 for a feasible set)
     * @throws ArithmeticException if the beamformers' power is not finite
     */
    public static double project(ZMatrixRMaj[] v, int[] ues, double budgetW) {
        double used = 0;
        for (int i : ues) {
            used += ComplexOps.frobeniusSquared(v[i]);
        }
        if (!Double.isFinite(used)) {
            throw new ArithmeticException("gcn-wmmse: unscaled beamformers have non-finite power (" + used + ")");
        }
        if (used <= budgetW) {
            return 1.0;
        }
        double factor = Math.sqrt(budgetW / used);
        double applied = 1.0;
        for (int pass = 0; pass < 8 && used > budgetW; pass++) {
            used = 0;
            for (int i : ues) {
                ComplexOps.scale(factor, v[i]);
                used += ComplexOps.frobeniusSquared(v[i]);
            }
            applied *= factor;
            factor = Math.nextDown(Math.sqrt(budgetW / used)); // only applied if rounding left used > P_k
        }
        return applied;
    }
}
