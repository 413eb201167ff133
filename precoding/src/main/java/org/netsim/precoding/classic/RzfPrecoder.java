package org.netsim.precoding.classic;

import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import org.netsim.precoding.Init;
import org.netsim.precoding.InitialPrecoders;
import org.netsim.precoding.Precoder;
import org.netsim.precoding.PrecoderOptions;
import org.netsim.precoding.Problem;
import org.netsim.precoding.Solution;
import org.netsim.precoding.linalg.ComplexOps;

/**
 * Per-BS regularized zero forcing (RZF, regularized channel inversion, the transmit Wiener filter): between
 * {@link MrtPrecoder} (alpha -&gt; infinity) and {@link ZfPrecoder} (alpha -&gt; 0).
 *
 * <p>For BS k with UEs I_k, stack the effective channels G_i = U_i,d^H H_ik in C^{d_i x M_k} (U_i,d the d_i
 * dominant left singular vectors of H_ik; G_i = H_ik when d_i = N_i, as in {@link ZfPrecoder}) into
 * G_k in C^{D_k x M_k}, D_k = sum_{i in I_k} d_i, and take
 * <pre>
 *   [V_i]_{i in I_k} = c_k G_k^H (G_k G_k^H + alpha_k I_{D_k})^{-1}       [M_k x D_k], split column-wise by UE
 *   c_k = sqrt(P_k / ||G_k^H (G_k G_k^H + alpha_k I)^{-1}||_F^2)          (one common scale, budget met)
 * </pre>
 * Default regularization (option {@value #OPTION_REGULARIZATION} absent), per BS:
 * <pre>
 *   alpha_k = sum_{i in I_k} d_i sigma_i^2 / P_k  =  D_k * mean noise / P_k
 * </pre>
 * (noise per stream averaged over the BS's streams, in watts, over the budget in watts: dimensionless, like
 * G G^H). This is the classic choice alpha = K / rho of Peel, Hochwald and Swindlehurst, "A vector-perturbation
 * technique for near-capacity multiantenna multiuser communication - Part I: channel inversion and
 * regularization" (IEEE Trans. Commun., 2005; K single-antenna users, rho = P / sigma^2), which is the
 * regularization tr(C_noise) / E_tx of the transmit Wiener filter of Joham, Utschick and Nossek, "Linear transmit
 * processing in MIMO communications systems" (IEEE Trans. Signal Process., 2005), here with one noise variance
 * per stream. It compares the noise-to-power ratio with the channel gains in G G^H, so it follows the actual
 * SNR at any path-loss scale (towards MRT at low SNR, towards ZF at high SNR). Option
 * {@value #OPTION_REGULARIZATION} &gt; 0 (finite) sets one alpha for every BS instead.
 *
 * <p>The inverse is applied by a Cholesky solve, (G G^H + alpha I) Y = G, V = c Y^H. G_k is
 * {@link InitialPrecoders#stackedEffectiveChannels}, the very matrix {@link ZfPrecoder} inverts (U_i,d from
 * {@link org.netsim.precoding.linalg.DominantModes}, same modes and phases), at a cost linear in M_k. A BS with a
 * zero budget gets zero precoders; streams beyond the rank min(N_i, M_k) (numerically zero modes included) get zero
 * columns. Powers in watts; the
 * {@link Init} is ignored (closed form, 0 iterations).
 */
public final class RzfPrecoder implements Precoder {

    /** Registry name. */
    public static final String NAME = "rzf";
    /** Option: the regularization alpha (dimensionless, &gt; 0); absent = the per-BS default above. */
    public static final String OPTION_REGULARIZATION = "regularization";

    /** The fixed alpha, or NaN for the per-BS default. */
    private final double regularization;

    /**
     * @param options common options (ignored: closed form) and the optional {@value #OPTION_REGULARIZATION}
     * @throws IllegalArgumentException for an unknown option or a regularization that is not finite and &gt; 0
     */
    public RzfPrecoder(PrecoderOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("options: must not be null");
        }
        options.requireOnly(NAME, OPTION_REGULARIZATION);
        double alpha = options.getDouble(OPTION_REGULARIZATION, Double.NaN);
        if (options.params().containsKey(OPTION_REGULARIZATION) && !(alpha > 0 && Double.isFinite(alpha))) {
            throw new IllegalArgumentException("precoder." + OPTION_REGULARIZATION + ": must be finite and > 0, got "
                    + options.get(OPTION_REGULARIZATION, ""));
        }
        this.regularization = alpha;
    }

    /** Default options: the per-BS default regularization. */
    public RzfPrecoder() {
        this(PrecoderOptions.defaults());
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * The default regularization of BS k, alpha_k = sum_{i in I_k} d_i sigma_i^2 / P_k (infinite for a zero
     * budget, NaN for a BS without UEs).
     */
    public static double defaultRegularization(Problem problem, int k) {
        double noisePerStream = 0;
        int streams = 0;
        for (int j = 0; j < problem.numUesOf(k); j++) {
            int i = problem.ueOf(k, j);
            noisePerStream += problem.streams(i) * problem.noisePowerW(i);
            streams += problem.streams(i);
        }
        return streams == 0 ? Double.NaN : noisePerStream / problem.bsPowerW(k);
    }

    @Override
    public Solution solve(Problem problem, Init init) {
        ZMatrixRMaj[] v = new ZMatrixRMaj[problem.numUe()];
        for (int i = 0; i < v.length; i++) {
            v[i] = new ZMatrixRMaj(problem.bsAntennas(problem.servingBs(i)), problem.streams(i));
        }
        for (int k = 0; k < problem.numBs(); k++) {
            if (problem.numUesOf(k) == 0 || problem.bsPowerW(k) == 0) {
                continue;
            }
            double alpha = Double.isNaN(regularization) ? defaultRegularization(problem, k) : regularization;
            ZMatrixRMaj g = InitialPrecoders.stackedEffectiveChannels(problem, k); // [D_k x M_k]
            ZMatrixRMaj gram = new ZMatrixRMaj(g.numRows, g.numRows);
            ComplexOps.multABh(g, g, gram); // [D_k x D_k] G G^H
            ComplexOps.addIdentity(alpha, gram);
            ZMatrixRMaj y = new ZMatrixRMaj(g.numRows, g.numCols);
            ComplexOps.choleskySolve(gram, g, y); // [D_k x M_k] (G G^H + alpha I)^{-1} G
            splitConjugateTranspose(problem, k, y, v);
        }
        InitialPrecoders.scaleToBudget(problem, v);
        return Solution.evaluated(problem, v, 0, List.of());
    }

    /** V_i = (rows of y belonging to UE i)^H, for the UEs of BS k in stacking order. {@code v} modified. */
    private static void splitConjugateTranspose(Problem problem, int k, ZMatrixRMaj y, ZMatrixRMaj[] v) {
        int r0 = 0;
        for (int j = 0; j < problem.numUesOf(k); j++) {
            int i = problem.ueOf(k, j);
            ZMatrixRMaj vi = v[i]; // [M_k x d_i]
            for (int c = 0; c < vi.numCols; c++) {
                for (int r = 0; r < vi.numRows; r++) {
                    vi.set(r, c, y.getReal(r0 + c, r), -y.getImag(r0 + c, r));
                }
            }
            r0 += vi.numCols;
        }
    }
}
