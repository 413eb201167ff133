package org.netsim.precoding.classic;

import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import org.netsim.precoding.Init;
import org.netsim.precoding.InitialPrecoders;
import org.netsim.precoding.PrecoderOptions;
import org.netsim.precoding.Problem;
import org.netsim.precoding.Solution;
import org.netsim.precoding.linalg.ComplexOps;
import org.netsim.precoding.linalg.DominantModes;
import org.netsim.precoding.linalg.HermitianEigen;
import org.netsim.precoding.linalg.PseudoInverse;

/**
 * Eigen zero forcing (EZF), the non-iterative baseline of the DeepFP paper ("DeepFP: Deep-Unfolded Fractional
 * Programming for Massive MIMO Beamforming", §III-E, eq. (39)-(41), after Sun and McKay, "Eigen-based transceivers
 * for the MIMO broadcast channel with semi-orthogonal user selection"). Zero forcing on the UEs' dominant
 * eigenmodes instead of their full channels.
 *
 * <p>Notation: the DeepFP paper calls the BS antennas N_l and the UE antennas M_lk; here (as in {@link Problem})
 * BS k has M_k antennas and UE i has N_i. For BS k with UEs I_k:
 * <pre>
 *   H_ik = P_i Sigma_i Q_i^H                          SVD, singular values descending           (39)
 *   Q~_i = the first d_i columns of Q_i               [M_k x d_i], dominant right singular vectors
 *   Q~_k = [Q~_i]_{i in I_k}                          [M_k x D_k], D_k = sum_{i in I_k} d_i     (40)
 *   [V_i]_{i in I_k} = c_k Q~_k (Q~_k^H Q~_k)^{-1}     [M_k x D_k], split column-wise by UE      (41)
 *   c_k = sqrt(P_k / ||Q~_k (Q~_k^H Q~_k)^{-1}||_F^2)  (one common scale: the budget is met with equality)
 * </pre>
 * (eq. (40) as printed gives Q~_l sum_k M_lk columns; it has sum_k d_lk, one per stream.) The virtual channel
 * Q~_k^H is inverted: Q~_j^H V_i = 0 for j != i in the cell and Q~_i^H V_i = c_k I.
 *
 * <p>Computation: the dominant right singular vectors come from {@link DominantModes} (an SVD of H_ik reduced by a
 * thin QR, O(N_i^2 M_k), accurate also for modes far weaker than the strongest), and the inverse in eq. (41) from
 * a D_k x D_k eigendecomposition, so the cost grows only linearly with M_k. When Q~_k^H Q~_k is numerically
 * singular (more streams than antennas, D_k &gt; M_k, or collinear modes) the pseudo-inverse (Q~_k^H)^+ (least
 * squares) replaces it. Absent modes (beyond the rank min(N_i, M_k) of H_ik, or numerically zero, see
 * {@link DominantModes}) get a zero column of Q~_i and hence a zero precoder column.
 *
 * <p>Relation to {@link ZfPrecoder}: for d_i &lt; N_i, ZF inverts U_i,d^H H_ik = Sigma_i,d Q~_i^H (the same
 * {@link DominantModes}, phases included), so every EZF column is a positive multiple of the ZF column of the same
 * stream and the two differ only in the power split among streams; for d_i = N_i &gt; 1, ZF inverts H_ik itself and the two only share each UE's column space. Inter-cell
 * interference is not controlled. Powers in watts; the {@link Init} is ignored (closed form, 0 iterations).
 */
public final class EzfPrecoder extends ClosedFormPrecoder {

    /** Registry name. */
    public static final String NAME = "ezf";

    /** @param options common options (ignored: closed form); no algorithm-specific parameters are accepted */
    public EzfPrecoder(PrecoderOptions options) {
        super(NAME, options);
    }

    /** Default options. */
    public EzfPrecoder() {
        this(PrecoderOptions.defaults());
    }

    @Override
    public Solution solve(Problem problem, Init init) {
        ZMatrixRMaj[] v = new ZMatrixRMaj[problem.numUe()];
        for (int k = 0; k < problem.numBs(); k++) {
            if (problem.numUesOf(k) == 0) {
                continue;
            }
            ZMatrixRMaj qh = virtualChannel(problem, k); // [D_k x M_k] Q~_k^H
            ZMatrixRMaj x = zeroForcing(qh); // [M_k x D_k] Q~_k (Q~_k^H Q~_k)^{-1}
            int c0 = 0;
            for (int j = 0; j < problem.numUesOf(k); j++) {
                int i = problem.ueOf(k, j);
                int d = problem.streams(i);
                v[i] = new ZMatrixRMaj(x.numRows, d);
                for (int r = 0; r < x.numRows; r++) {
                    for (int c = 0; c < d; c++) {
                        v[i].set(r, c, x.getReal(r, c0 + c), x.getImag(r, c0 + c));
                    }
                }
                c0 += d;
            }
        }
        InitialPrecoders.scaleToBudget(problem, v);
        return Solution.evaluated(problem, v, 0, List.of());
    }

    /**
     * Eq. (41): X = Q~ (Q~^H Q~)^{-1} for the virtual channel G = Q~^H [D x M], with the inverse of the D x D
     * Gram matrix G G^H = Q~^H Q~ from its eigendecomposition; if that matrix is numerically singular (smallest
     * eigenvalue at most sqrt(D eps) times the largest: more streams than antennas, or nearly collinear modes),
     * the pseudo-inverse G^+ from an SVD instead (least squares).
     */
    static ZMatrixRMaj zeroForcing(ZMatrixRMaj g) {
        int rows = g.numRows;
        ZMatrixRMaj gram = new ZMatrixRMaj(rows, rows);
        ComplexOps.multABh(g, g, gram); // [D x D]
        HermitianEigen eig = new HermitianEigen(rows);
        eig.decompose(gram);
        double[] lambda = eig.values(); // ascending
        if (!(lambda[0] > Math.sqrt(rows * Math.ulp(1.0)) * lambda[rows - 1])) {
            return PseudoInverse.compute(g);
        }
        ZMatrixRMaj inverse = new ZMatrixRMaj(rows, rows);
        PseudoInverse.hermitian(eig, inverse); // (Q~^H Q~)^{-1}: every eigenvalue is kept
        ZMatrixRMaj x = new ZMatrixRMaj(g.numCols, rows);
        ComplexOps.multAhB(g, inverse, x); // [M x D] Q~ (Q~^H Q~)^{-1}
        return x;
    }

    /**
     * @return Q~_k^H in C^{D_k x M_k}: for each UE of BS k (in the order of {@link Problem#uesOf(int)}) the
     *     conjugates of its d_i dominant right singular vectors as rows (zero rows for absent modes,
     *     {@link DominantModes}), eq. (39)-(40)
     */
    static ZMatrixRMaj virtualChannel(Problem problem, int k) {
        int m = problem.bsAntennas(k);
        int rows = 0;
        for (int j = 0; j < problem.numUesOf(k); j++) {
            rows += problem.streams(problem.ueOf(k, j));
        }
        ZMatrixRMaj qh = new ZMatrixRMaj(rows, m);
        int r0 = 0;
        for (int j = 0; j < problem.numUesOf(k); j++) {
            int i = problem.ueOf(k, j);
            int d = problem.streams(i);
            ZMatrixRMaj q = DominantModes.of(problem.channel(i, k), d).right(); // [M_k x d_i]
            for (int c = 0; c < d; c++) {
                for (int r = 0; r < m; r++) {
                    qh.set(r0 + c, r, q.getReal(r, c), -q.getImag(r, c));
                }
            }
            r0 += d;
        }
        return qh;
    }
}
