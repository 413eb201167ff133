package org.netsim.precoding;

import org.ejml.data.ZMatrixRMaj;
import org.netsim.precoding.linalg.ComplexOps;
import org.netsim.precoding.linalg.SmallCholesky;

/**
 * The one rate evaluator of the project, used by every precoder, report and test.
 *
 * <p>For UE i served by BS k (GCN-WMMSE paper eq. (1); DeepFP paper eq. (4)):
 * <pre>
 *   Z_i = sigma_i^2 I + sum_{j != i} H_{i k_j} V_j V_j^H H_{i k_j}^H      (interference plus noise, N_i x N_i)
 *   R_i = log det(Z_i + H_ik V_i V_i^H H_ik^H) - log det(Z_i)            (nat/s/Hz)
 * </pre>
 * and the weighted sum rate is sum_i alpha_i R_i. The log-determinants come from Cholesky factors of the
 * Hermitian positive definite matrices (checked; allocation-free kernels, workspaces per call). R_i &gt;= 0 in exact
 * arithmetic; a rounding-level negative difference is reported as 0. Per-BS power use is
 * sum_{i in I_k} ||V_i||_F^2 in watts.
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
        int nMax = problem.maxUeAntennas();
        ZMatrixRMaj g = new ZMatrixRMaj(nMax, problem.maxStreams());
        ZMatrixRMaj z = new ZMatrixRMaj(nMax, nMax);
        ZMatrixRMaj j = new ZMatrixRMaj(nMax, nMax);
        ZMatrixRMaj factor = new ZMatrixRMaj(nMax, nMax);
        for (int i = 0; i < numUe; i++) {
            int n = problem.ueAntennas(i);
            z.reshape(n, n);
            java.util.Arrays.fill(z.data, 0, 2 * n * n, 0.0);
            ComplexOps.addIdentity(problem.noisePowerW(i), z);
            for (int u = 0; u < numUe; u++) {
                if (u != i) {
                    ComplexOps.mult(problem.channel(i, problem.servingBs(u)), precoders[u], g); // [N_i x d_u]
                    ComplexOps.multAddABh(g, g, z);
                }
            }
            SmallCholesky.hermitianPart(z);
            j.setTo(z);
            ComplexOps.mult(problem.servingChannel(i), precoders[i], g); // H_ik V_i   [N_i x d_i]
            ComplexOps.multAddABh(g, g, j);
            SmallCholesky.hermitianPart(j);
            SmallCholesky.choleskyLower(j, factor, "rate: received covariance J_i");
            double logDetJ = SmallCholesky.logDetFromFactor(factor);
            SmallCholesky.choleskyLower(z, factor, "rate: interference-plus-noise covariance Z_i");
            rates[i] = Math.max(0.0, logDetJ - SmallCholesky.logDetFromFactor(factor));
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
