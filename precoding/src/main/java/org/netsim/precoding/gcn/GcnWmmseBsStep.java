package org.netsim.precoding.gcn;

import org.ejml.data.ZMatrixRMaj;
import org.netsim.precoding.classic.MuSolver;
import org.netsim.precoding.classic.WmmseBsStep;

/**
 * The BS-side step of one GCN-WMMSE layer (GCN-WMMSE paper "Coordinated Sum-Rate Maximization in Multicell MU-MIMO
 * with Deep Unrolling", Fig. 1, §III-A and §III-B3), computed by BS k from its local channels H_jk and what the UEs
 * sent it (the same messages as WMMSE: factors F_j with F_j F_j^H = U_j W_j U_j^H, and U_i W_i of its own UEs, with
 * the filtered W_j of eq. (12)):
 * <pre>
 *   R_k   = sum_j alpha_j H_jk^H U_j W_j U_j^H H_jk,  V~_i = alpha_i H_ik^H U_i W_i       (4), (5)
 *   mu_k  from (3c), (6), (7) by the rational root finder (9);  Y_i = (R_k + mu_k I)^+ V~_i   (3c), (3d)
 *   V^_i  = downlink GCN of (Y_i, V~_i, P_i^(l-1))                                      (13), (14), §III-B4
 *   V_i   = power projection of {V^_i}_{i in I_k}                                          (15)
 * </pre>
 * The first two lines are the classic {@link WmmseBsStep} (with {@link MuSolver#RATIONAL}), unchanged: the paper
 * keeps the mu-step and uses its pseudo-inverse as the GCN's shift operator. The mu-step is iterated to
 * convergence (relative step 1e-15), the limit of the paper's P = 8 sub-steps from mu = 1e-12, which the paper
 * reports reach floating-point precision. Then {@link DownlinkBeamformerGcn} and {@link PowerProjection}.
 *
 * <p>An instance holds the workspace of one BS (M_k antennas, F features) and reuses it. Not thread-safe.
 */
public final class GcnWmmseBsStep {

    private final WmmseBsStep classic;
    private final DownlinkBeamformerGcn gcn;
    private double lastProjectionFactor = 1.0;

    /**
     * @param numBsAntennas M_k
     * @param features F of the weights this BS will run
     */
    public GcnWmmseBsStep(int numBsAntennas, int features) {
        this.classic = new WmmseBsStep(numBsAntennas);
        this.gcn = new DownlinkBeamformerGcn(features);
    }

    /** Starts a new R_k = 0. */
    public void resetCovariance() {
        classic.resetCovariance();
    }

    /**
     * R_k += alpha_j (F_j^H H_jk)^H (F_j^H H_jk), the contribution of UE j (eq. (4)).
     *
     * @param channel H_jk, N_j x M_k; not modified
     * @param factor F_j, N_j x d_j; not modified
     * @param weight alpha_j
     */
    public void addToCovariance(ZMatrixRMaj channel, ZMatrixRMaj factor, double weight) {
        classic.addToCovariance(channel, factor, weight);
    }

    /**
     * V~_i = alpha_i H_ik^H (U_i W_i) (eq. (5)).
     *
     * @param channel H_ik, N_i x M_k; not modified
     * @param uw U_i W_i, N_i x d_i; not modified
     * @param weight alpha_i
     * @param candidate modified: V~_i, M_k x d_i
     */
    public static void candidate(ZMatrixRMaj channel, ZMatrixRMaj uw, double weight, ZMatrixRMaj candidate) {
        WmmseBsStep.candidate(channel, uw, weight, candidate);
    }

    /**
     * The mu-step, the downlink GCN and the projection of layer {@code layer} for the BS's UEs, after R_k has been
     * accumulated.
     *
     * @param candidates V~_i indexed by UE (only the listed entries are read); not modified
     * @param ues the BS's UEs (not empty)
     * @param budgetW P_k in watts
     * @param weights the network's weights; not modified
     * @param layer l = 0..L-1
     * @param skip P_i per UE (listed entries): in P_i^(l-1) for layer &gt;= 1, out P_i^(l); each M_k x (d_i F),
     *     modified
     * @param out V_i indexed by UE; the listed entries are overwritten (M_k x d_i); modified
     * @return mu_k of the mu-step
     */
    public double updatePrecoders(ZMatrixRMaj[] candidates, int[] ues, double budgetW, GcnWmmseWeights weights,
            int layer, ZMatrixRMaj[] skip, ZMatrixRMaj[] out) {
        double mu = classic.updatePrecoders(candidates, ues, budgetW, MuSolver.RATIONAL, out); // out = Y_i
        double biasFactor = Math.sqrt(budgetW / ues.length) / weights.biasScale();
        for (int i : ues) {
            gcn.apply(out[i], candidates[i], skip[i], weights, layer, biasFactor);            // out = V^_i
        }
        lastProjectionFactor = PowerProjection.project(out, ues, budgetW);                   // out = V_i
        return mu;
    }

    /** @return the factor (15) applied by the last {@link #updatePrecoders} (1 when V^ was feasible) */
    public double lastProjectionFactor() {
        return lastProjectionFactor;
    }

    /** @return the classic step's power step, for its diagnostics (root-finder steps, eigenvalues of R_k) */
    public org.netsim.precoding.classic.PowerConstrainedStep powerStep() {
        return classic.powerStep();
    }
}
