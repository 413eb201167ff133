package org.netsim.precoding;

import org.ejml.data.ZMatrixRMaj;
import org.netsim.precoding.linalg.ComplexOps;

/**
 * The one rate evaluator of the project, used by every precoder, report and test.
 *
 * <p>For UE i served by BS k (GCN-WMMSE paper eq. (1); DeepFP paper eq. (4)):
 * <pre>
 *   Z_i = sigma_i^2 I + sum_{j != i} H_{i k_j} V_j V_j^H H_{i k_j}^H      (interference plus noise, N_i x N_i)
 *   R_i = log det(Z_i + H_ik V_i V_i^H H_ik^H) - log det(Z_i)            (nat/s/Hz)
 * </pre>
 * and the weighted sum rate is sum_i alpha_i R_i. The log-determinants come from Cholesky factors of the
 * Hermitian positive definite matrices (checked). Per-BS power use is sum_{i in I_k} ||V_i||_F^2 in watts.
 */
public final class RateEvaluator {

    private RateEvaluator() {
    }

    /**
     * Rates, weighted sum rate and power use of precoders V on a problem.
     *
     * @param problem not modified
     * @param precoders V_i in C^{M_{k_i} x d_i} (d_i columns: the UE's streams); not modified
     * @return the evaluation
     * @throws IllegalArgumentException naming the UE whose precoder has the wrong shape or non-finite entries
     */
    public static RateReport evaluate(Problem problem, ZMatrixRMaj[] precoders) {
        checkShapes(problem, precoders);
        int numUe = problem.numUe();
        double[] rates = new double[numUe];
        double wsr = 0;
        ZMatrixRMaj g = new ZMatrixRMaj(1, 1);
        for (int i = 0; i < numUe; i++) {
            int n = problem.ueAntennas(i);
            ZMatrixRMaj z = new ZMatrixRMaj(n, n);
            ComplexOps.addIdentity(problem.noisePowerW(i), z);
            ZMatrixRMaj s = null;
            for (int j = 0; j < numUe; j++) {
                ComplexOps.mult(problem.channel(i, problem.servingBs(j)), precoders[j], g); // [N_i x d_j]
                if (j == i) {
                    s = g.copy();
                } else {
                    ComplexOps.multAddABh(g, g, z);
                }
            }
            ZMatrixRMaj jCov = z.copy();
            ComplexOps.multAddABh(s, s, jCov);
            rates[i] = ComplexOps.logDetHpd(jCov) - ComplexOps.logDetHpd(z);
            wsr += problem.weight(i) * rates[i];
        }
        return new RateReport(rates, wsr, powerUse(problem, precoders));
    }

    /** @return the weighted sum rate in nat/s/Hz of precoders V on a problem */
    public static double wsrNat(Problem problem, ZMatrixRMaj[] precoders) {
        return evaluate(problem, precoders).wsrNat();
    }

    /** @return per-BS transmit power sum_{i in I_k} ||V_i||_F^2 in watts */
    public static double[] powerUse(Problem problem, ZMatrixRMaj[] precoders) {
        double[] p = new double[problem.numBs()];
        for (int i = 0; i < problem.numUe(); i++) {
            p[problem.servingBs(i)] += ComplexOps.frobeniusSquared(precoders[i]);
        }
        return p;
    }

    /** Checks V_i is M_k x d_i with finite entries for every UE. */
    public static void checkShapes(Problem problem, ZMatrixRMaj[] precoders) {
        if (precoders.length != problem.numUe()) {
            throw new IllegalArgumentException("precoders: expected " + problem.numUe() + " UEs, got "
                    + precoders.length);
        }
        for (int i = 0; i < precoders.length; i++) {
            ZMatrixRMaj v = precoders[i];
            int m = problem.bsAntennas(problem.servingBs(i));
            if (v == null || v.numRows != m || v.numCols != problem.streams(i)) {
                throw new IllegalArgumentException("precoders[" + i + "]: expected " + m + "x" + problem.streams(i)
                        + " (M_k x d_i), got " + (v == null ? "null" : v.numRows + "x" + v.numCols));
            }
            for (int e = 0; e < v.getDataLength(); e++) {
                if (!Double.isFinite(v.data[e])) {
                    throw new IllegalArgumentException("precoders[" + i + "]: non-finite entry");
                }
            }
        }
    }
}
