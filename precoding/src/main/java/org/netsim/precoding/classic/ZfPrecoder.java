package org.netsim.precoding.classic;

import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import org.netsim.precoding.Init;
import org.netsim.precoding.InitialPrecoders;
import org.netsim.precoding.PrecoderOptions;
import org.netsim.precoding.Problem;
import org.netsim.precoding.Solution;

/**
 * Per-BS zero forcing (ZF, channel inversion; the linear precoder of Gao et al., "Linear pre-coding performance in
 * measured very-large MIMO channels", reference [17] of the DeepFP paper): every BS nulls the interference among
 * its own UEs and ignores the other cells.
 *
 * <p>For BS k with UEs I_k, stack the effective channels G_i = U_i,d^H H_ik in C^{d_i x M_k} (U_i,d the d_i
 * dominant left singular vectors of H_ik; G_i = H_ik when d_i = N_i;
 * {@link InitialPrecoders#stackedEffectiveChannels}) into G_k in C^{D_k x M_k},
 * D_k = sum_{i in I_k} d_i, and take
 * <pre>
 *   [V_i]_{i in I_k} = c_k G_k^+            [M_k x D_k], split column-wise by UE
 *   c_k = sqrt(P_k / ||G_k^+||_F^2)          (one common scale: the budget is met with equality)
 * </pre>
 * With D_k &lt;= M_k and G_k of full row rank, G_k^+ = G_k^H (G_k G_k^H)^{-1}, so G_i V_j = 0 for i != j in the
 * cell and G_i V_i = c_k I (for d_i = N_i: H_ik V_j = 0); with more streams than antennas the pseudo-inverse is the
 * least-squares inverse (no exact nulling is possible). Inter-cell interference is not controlled. Powers in
 * watts; the {@link Init} is ignored (closed form, 0 iterations). The computation is {@link InitialPrecoders}'
 * {@code zf}, reused rather than repeated.
 */
public final class ZfPrecoder extends ClosedFormPrecoder {

    /** Registry name. */
    public static final String NAME = "zf";

    /** @param options common options (ignored: closed form); no algorithm-specific parameters are accepted */
    public ZfPrecoder(PrecoderOptions options) {
        super(NAME, options);
    }

    /** Default options. */
    public ZfPrecoder() {
        this(PrecoderOptions.defaults());
    }

    @Override
    public Solution solve(Problem problem, Init init) {
        ZMatrixRMaj[] v = InitialPrecoders.create(problem, Init.zf());
        return Solution.evaluated(problem, v, 0, List.of());
    }
}
