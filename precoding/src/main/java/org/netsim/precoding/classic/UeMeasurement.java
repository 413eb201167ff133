package org.netsim.precoding.classic;

import java.util.Arrays;
import org.ejml.data.ZMatrixRMaj;
import org.netsim.precoding.Problem;
import org.netsim.precoding.linalg.ComplexOps;
import org.netsim.precoding.linalg.SmallCholesky;

/**
 * What UE i measures from the downlink pilots before its step (GCN-WMMSE paper "Coordinated Sum-Rate Maximization
 * in Multicell MU-MIMO with Deep Unrolling", §II-B, the quantities entering (3a)-(3b)): the effective channels
 * G_ij = H_{i k_j} V_j of every stream group j (k_j the BS serving UE j) and its interference-plus-noise covariance
 * <pre>
 *   Z_i = sigma_i^2 I + sum_{j != i} G_ij G_ij^H        [N_i x N_i]
 * </pre>
 * (its received covariance is J_i = Z_i + G_ii G_ii^H). Shared by the centralized WMMSE and GCN-WMMSE executors so
 * that they measure the same way; allocation-free (the caller owns the matrices).
 */
public final class UeMeasurement {

    private UeMeasurement() {
    }

    /**
     * Measures for UE {@code i}.
     *
     * @param problem the channels and noise; not modified
     * @param v the precoders V_j of every UE; not modified
     * @param cross modified: G_ij for every j, each N_i x d_j
     * @param interference modified: Z_i, N_i x N_i (Hermitian)
     */
    public static void measure(Problem problem, int i, ZMatrixRMaj[] v, ZMatrixRMaj[] cross,
            ZMatrixRMaj interference) {
        ZMatrixRMaj z = interference;
        Arrays.fill(z.data, 0, z.getDataLength(), 0.0);
        ComplexOps.addIdentity(problem.noisePowerW(i), z);
        for (int j = 0; j < problem.numUe(); j++) {
            ZMatrixRMaj g = cross[j];
            ComplexOps.mult(problem.channel(i, problem.servingBs(j)), v[j], g); // [N_i x d_j]
            if (j != i) {
                ComplexOps.multAddABh(g, g, z);
            }
        }
        SmallCholesky.hermitianPart(z);
    }
}
