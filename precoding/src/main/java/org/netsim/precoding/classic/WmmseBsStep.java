package org.netsim.precoding.classic;

import java.util.Arrays;
import org.ejml.data.ZMatrixRMaj;
import org.netsim.precoding.linalg.ComplexOps;

/**
 * The BS-side step of WMMSE (Shi et al. 2011; GCN-WMMSE paper "Coordinated Sum-Rate Maximization in Multicell
 * MU-MIMO with Deep Unrolling", eq. (3c)-(5); DeepFP paper eq. (9), (11)-(13)), computed by BS k from its local
 * channels H_jk and what the UEs sent it: the factors F_j with F_j F_j^H = U_j W_j U_j^H of every UE j it hears,
 * and U_i W_i of its own UEs i.
 * <pre>
 *   R_k  = sum_j alpha_j H_jk^H U_j W_j U_j^H H_jk = sum_j alpha_j (F_j^H H_jk)^H (F_j^H H_jk)   (4)   [M_k x M_k]
 *   V~_i = alpha_i H_ik^H U_i W_i                                                              (5)   [M_k x d_i]
 *   V_i  = (R_k + mu_k I)^+ V~_i  with mu_k from the complementary slackness (3c), (6), (7)    (3d)
 * </pre>
 * The last line is {@link PowerConstrainedStep}. An instance holds the workspace of one BS and reuses it. Not
 * thread-safe.
 */
public final class WmmseBsStep {

    private final int m;
    private final ZMatrixRMaj covariance;
    private final ZMatrixRMaj projected;
    private final PowerConstrainedStep power;

    /** @param numBsAntennas M_k */
    public WmmseBsStep(int numBsAntennas) {
        this.m = numBsAntennas;
        this.covariance = new ZMatrixRMaj(numBsAntennas, numBsAntennas);
        this.projected = new ZMatrixRMaj(1, numBsAntennas);
        this.power = new PowerConstrainedStep(numBsAntennas);
    }

    /** Starts a new R_k = 0. */
    public void resetCovariance() {
        Arrays.fill(covariance.data, 0, 2 * m * m, 0.0);
    }

    /**
     * R_k += alpha_j (F_j^H H_jk)^H (F_j^H H_jk), the contribution of UE j (eq. (4)).
     *
     * @param channel H_jk, N_j x M_k; not modified
     * @param factor F_j, N_j x d_j; not modified
     * @param weight alpha_j
     */
    public void addToCovariance(ZMatrixRMaj channel, ZMatrixRMaj factor, double weight) {
        ComplexOps.multAhB(factor, channel, projected); // C = F^H H   [d_j x M_k]
        int d = projected.numRows;
        double[] p = projected.data;
        double[] r = covariance.data;
        // upper triangle of C^H C, scaled by alpha, mirrored at the end by covariance()
        for (int a = 0; a < m; a++) {
            for (int b = a; b < m; b++) {
                double re = 0;
                double im = 0;
                for (int s = 0; s < d; s++) {
                    // conj(C_sa) C_sb
                    double ar = p[(s * m + a) * 2];
                    double ai = p[(s * m + a) * 2 + 1];
                    double br = p[(s * m + b) * 2];
                    double bi = p[(s * m + b) * 2 + 1];
                    re += ar * br + ai * bi;
                    im += ar * bi - ai * br;
                }
                r[(a * m + b) * 2] += weight * re;
                r[(a * m + b) * 2 + 1] += weight * im;
            }
        }
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
        ComplexOps.multAhB(channel, uw, candidate);
        ComplexOps.scale(weight, candidate);
    }

    /** @return R_k accumulated so far, made Hermitian (lower triangle from the upper); the instance's matrix */
    public ZMatrixRMaj covariance() {
        double[] r = covariance.data;
        for (int a = 0; a < m; a++) {
            r[(a * m + a) * 2 + 1] = 0;
            for (int b = a + 1; b < m; b++) {
                r[(b * m + a) * 2] = r[(a * m + b) * 2];
                r[(b * m + a) * 2 + 1] = -r[(a * m + b) * 2 + 1];
            }
        }
        return covariance;
    }

    /**
     * The V-step (3c)-(3d): V_i = (R_k + mu_k I)^+ V~_i for the BS's UEs, with mu_k from the budget.
     *
     * @param candidates V~_i indexed by UE; not modified
     * @param ues the BS's UEs
     * @param budgetW P_k
     * @param solver the mu solver
     * @param out V_i indexed by UE, the listed entries overwritten
     * @return mu_k
     */
    public double updatePrecoders(ZMatrixRMaj[] candidates, int[] ues, double budgetW, MuSolver solver,
            ZMatrixRMaj[] out) {
        return power.solve(covariance(), candidates, ues, budgetW, solver, out);
    }

    /** @return the power step, for its diagnostics (root-finder steps, eigenvalues of R_k) */
    public PowerConstrainedStep powerStep() {
        return power;
    }
}
