package org.netsim.precoding.gcn;

import java.util.Arrays;
import org.ejml.data.ZMatrixRMaj;
import org.netsim.precoding.linalg.ComplexOps;
import org.netsim.precoding.linalg.DecompositionException;
import org.netsim.precoding.linalg.HermitianEigen;
import org.netsim.precoding.linalg.SmallCholesky;

/**
 * The weight-matrix graph filter of GCN-WMMSE (GCN-WMMSE paper "Coordinated Sum-Rate Maximization in Multicell
 * MU-MIMO with Deep Unrolling", eq. (12)), the learned replacement of the WMMSE W-step (3b), computed by UE i.
 * With the MMSE weight W^_i = (I - V_i^H H_ik^H U_i)^{-1} of (3b) as shift matrix (d_i x d_i, W^_i &gt;= I) and
 * its mean eigenvalue m_i = Tr{W^_i} / d_i,
 * <pre>
 *   W_i = a_{W,l0} I + sum_{g=1..G} a_{W,lg} (W^_i)^g / m_i^{g-1}                      (12)   [d_i x d_i]
 * </pre>
 * with taps a_{W,lg} &gt;= 0, so W_i is Hermitian positive semidefinite (its eigenvalues are the polynomial of
 * those of W^_i, all &gt;= 1). The paper writes Tr{W^_i} / N_i with d_i = N_i; with d_i &lt; N_i streams the shift
 * matrix is d_i x d_i and its mean eigenvalue divides by d_i.
 *
 * <p>Outputs for the BS side, as in {@link org.netsim.precoding.classic.WmmseUeStep}: W_i, U_i W_i and a factor F_i
 * with F_i F_i^H = U_i W_i U_i^H. Because U_i W^_i = X_i (the UE step's Z_i^{-1} H_ik V_i),
 * <pre>
 *   U_i W_i = a_{W,l0} U_i + sum_{g=1..G} a_{W,lg} X_i (W^_i)^{g-1} / m_i^{g-1}        [N_i x d_i]
 *   F_i = U_i L_i,  W_i = L_i L_i^H (Cholesky)                                          [N_i x d_i]
 * </pre>
 * which avoids U_i's conditioning and reproduces the classic step exactly for the taps (0, 1, 0, ...): then
 * W_i = W^_i, U_i W_i = X_i and L_i are bit-identical to the W-step's. When W_i is only semidefinite (all taps 0,
 * or a high power of an ill-conditioned W^_i), the factor comes from its eigendecomposition,
 * F_i = U_i Q diag(sqrt(max(lambda, 0))).
 *
 * <p>An instance holds the workspace of one UE size (N, d) and reuses it; {@link #apply} allocates nothing on the
 * Cholesky path. Not thread-safe.
 */
public final class WeightMatrixFilter {

    private final ZMatrixRMaj power;     // (W^)^g / m^{g-1}        [d x d]
    private final ZMatrixRMaj powerNext;
    private final ZMatrixRMaj uPower;    // X (W^)^{g-1} / m^{g-1}  [N x d]
    private final ZMatrixRMaj uPowerNext;
    private final ZMatrixRMaj lower;     // W = L L^H              [d x d]
    private final ZMatrixRMaj rotated;   // U Q                    [N x d]
    private final HermitianEigen eigen;
    private boolean lastUsedEigen;

    /**
     * @param numUeAntennas N_i
     * @param numStreams d_i
     */
    public WeightMatrixFilter(int numUeAntennas, int numStreams) {
        this.power = new ZMatrixRMaj(numStreams, numStreams);
        this.powerNext = new ZMatrixRMaj(numStreams, numStreams);
        this.uPower = new ZMatrixRMaj(numUeAntennas, numStreams);
        this.uPowerNext = new ZMatrixRMaj(numUeAntennas, numStreams);
        this.lower = new ZMatrixRMaj(numStreams, numStreams);
        this.rotated = new ZMatrixRMaj(numUeAntennas, numStreams);
        this.eigen = new HermitianEigen(numStreams);
    }

    /**
     * Applies the filter of layer {@code layer}.
     *
     * @param mmseWeight W^_i of (3b), d x d Hermitian positive definite; not modified
     * @param u U_i of (3a), N x d; not modified
     * @param uMmseWeight X_i = U_i W^_i, N x d; not modified
     * @param weights the network's weights; taps a_{W,layer,g} are used
     * @param layer l = 0..L-1
     * @param w W_i of (12), modified (d x d)
     * @param uw U_i W_i, modified (N x d)
     * @param factor F_i with F_i F_i^H = U_i W_i U_i^H, modified (N x d)
     */
    public void apply(ZMatrixRMaj mmseWeight, ZMatrixRMaj u, ZMatrixRMaj uMmseWeight, GcnWmmseWeights weights,
            int layer, ZMatrixRMaj w, ZMatrixRMaj uw, ZMatrixRMaj factor) {
        int d = mmseWeight.numRows;
        double mean = ComplexOps.traceReal(mmseWeight) / d;
        double a0 = weights.weightTap(layer, 0);
        // g = 0
        w.reshape(d, d);
        Arrays.fill(w.data, 0, w.getDataLength(), 0.0);
        ComplexOps.addIdentity(a0, w);
        uw.setTo(u);
        ComplexOps.scale(a0, uw);
        // g = 1: (W^)^1 and X (W^)^0
        power.setTo(mmseWeight);
        uPower.setTo(uMmseWeight);
        addScaled(weights.weightTap(layer, 1), power, w);
        addScaled(weights.weightTap(layer, 1), uPower, uw);
        for (int g = 2; g <= weights.degree(); g++) {
            ComplexOps.mult(power, mmseWeight, powerNext);   // [d x d]
            ComplexOps.scale(1.0 / mean, powerNext);
            ComplexOps.mult(uPower, mmseWeight, uPowerNext); // [N x d]
            ComplexOps.scale(1.0 / mean, uPowerNext);
            power.setTo(powerNext);
            uPower.setTo(uPowerNext);
            addScaled(weights.weightTap(layer, g), power, w);
            addScaled(weights.weightTap(layer, g), uPower, uw);
        }
        SmallCholesky.hermitianPart(w);
        lastUsedEigen = false;
        try {
            SmallCholesky.choleskyLower(w, lower, "gcn-wmmse: filtered weight matrix W_i (eq. (12))");
            ComplexOps.mult(u, lower, factor);             // F = U L   [N x d]
        } catch (DecompositionException semidefinite) {
            lastUsedEigen = true;
            eigen.decompose(w);
            ComplexOps.mult(u, eigen.vectors(), rotated);  // U Q       [N x d]
            double[] lambda = eigen.values();
            factor.reshape(rotated.numRows, d);
            for (int r = 0; r < rotated.numRows; r++) {
                for (int c = 0; c < d; c++) {
                    double s = Math.sqrt(Math.max(lambda[c], 0.0));
                    factor.data[(r * d + c) * 2] = s * rotated.data[(r * d + c) * 2];
                    factor.data[(r * d + c) * 2 + 1] = s * rotated.data[(r * d + c) * 2 + 1];
                }
            }
        }
    }

    /** @return whether the last {@link #apply} factored W_i by eigendecomposition (W_i only semidefinite) */
    public boolean lastUsedEigen() {
        return lastUsedEigen;
    }

    /** target += alpha * source (same shape). */
    private static void addScaled(double alpha, ZMatrixRMaj source, ZMatrixRMaj target) {
        double[] s = source.data;
        double[] t = target.data;
        int n = source.getDataLength();
        for (int e = 0; e < n; e++) {
            t[e] += alpha * s[e];
        }
    }
}
