package org.netsim.precoding.classic;

import org.ejml.data.ZMatrixRMaj;
import org.netsim.precoding.linalg.ComplexOps;
import org.netsim.precoding.linalg.DecompositionException;
import org.netsim.precoding.linalg.SmallCholesky;

/**
 * The UE-side step of WMMSE (Shi et al. 2011; GCN-WMMSE paper "Coordinated Sum-Rate Maximization in Multicell
 * MU-MIMO with Deep Unrolling", eq. (3a)-(3b); DeepFP paper eq. (7)-(8)), computed by UE i from what it measures:
 * its interference-plus-noise covariance Z_i (N_i x N_i) and its effective channel G_i = H_ik V_i (N_i x d_i).
 * <pre>
 *   J_i = Z_i + G_i G_i^H                        received signal covariance
 *   U_i = J_i^{-1} G_i                           MMSE receiver (3a)
 *   W_i = (I - G_i^H U_i)^{-1} = I + G_i^H Z_i^{-1} G_i     MMSE weight (3b), by the matrix inversion lemma
 * </pre>
 * With X_i = Z_i^{-1} G_i this is W_i = I + G_i^H X_i and U_i = X_i W_i^{-1}, so that U_i W_i = X_i. The second form
 * of W_i avoids the cancellation in I - G^H J^{-1} G when the SINR is high, and W_i &gt;= I is always well
 * conditioned. Outputs for the BS side (the uplink messages of the distributed mode): U_i W_i (N_i x d_i) and a
 * factor F_i = U_i L_i (N_i x d_i) with W_i = L_i L_i^H (Cholesky), so U_i W_i U_i^H = F_i F_i^H.
 *
 * <p>An instance holds the workspace of one UE size (N, d) and reuses it. Not thread-safe.
 */
public final class WmmseUeStep {

    private final ZMatrixRMaj x;
    private final ZMatrixRMaj lowerZ;
    private final ZMatrixRMaj lower;
    private double logDetW;

    /**
     * @param numUeAntennas N_i
     * @param numStreams d_i
     */
    public WmmseUeStep(int numUeAntennas, int numStreams) {
        this.x = new ZMatrixRMaj(numUeAntennas, numStreams);
        this.lowerZ = new ZMatrixRMaj(numUeAntennas, numUeAntennas);
        this.lower = new ZMatrixRMaj(numStreams, numStreams);
    }

    /**
     * One UE step.
     *
     * @param interferenceCovariance Z_i, N x N Hermitian positive definite (noise included); not modified
     * @param effectiveChannel G_i = H_ik V_i, N x d; not modified
     * @param u U_i, modified (N x d)
     * @param w W_i, modified (d x d, Hermitian positive definite)
     * @param uw U_i W_i = Z_i^{-1} G_i, modified (N x d)
     * @param factor F_i with F_i F_i^H = U_i W_i U_i^H, modified (N x d)
     * @throws DecompositionException if Z_i is not positive definite
     */
    public void compute(ZMatrixRMaj interferenceCovariance, ZMatrixRMaj effectiveChannel, ZMatrixRMaj u,
            ZMatrixRMaj w, ZMatrixRMaj uw, ZMatrixRMaj factor) {
        SmallCholesky.choleskyLower(interferenceCovariance, lowerZ);   // Z = L_Z L_Z^H
        SmallCholesky.solveLeftHermitian(lowerZ, effectiveChannel, x);   // X = Z^{-1} G  [N x d]
        ComplexOps.multAhB(effectiveChannel, x, w);                              // G^H X         [d x d]
        ComplexOps.addIdentity(1.0, w);                                          // W = I + G^H X
        SmallCholesky.hermitianPart(w);
        uw.setTo(x);
        SmallCholesky.choleskyLower(w, lower);   // W = L L^H
        double sum = 0;
        for (int j = 0; j < lower.numRows; j++) {
            sum += Math.log(lower.data[(j * lower.numCols + j) * 2]);
        }
        logDetW = 2 * sum;
        SmallCholesky.solveRightHermitian(lower, x, u);   // U = X W^{-1}
        // F = U L
        ComplexOps.mult(u, lower, factor);
    }

    /**
     * @return log det W_i of the last {@link #compute} call, which is the rate of UE i in nat/s/Hz for the precoders
     *     that produced Z_i and G_i: log det(I + G_i^H Z_i^{-1} G_i) (GCN-WMMSE paper, rate below eq. (1))
     */
    public double lastRateNat() {
        return logDetW;
    }
}
