package org.netsim.precoding.classic;

import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import org.netsim.precoding.Init;
import org.netsim.precoding.InitialPrecoders;
import org.netsim.precoding.PrecoderOptions;
import org.netsim.precoding.Problem;
import org.netsim.precoding.Solution;

/**
 * Maximum ratio transmission (MRT, the transmit matched filter): every BS beams each of its UEs along the UE's own
 * serving channel and ignores the interference it causes.
 *
 * <p>For UE i served by BS k, with H_ik in C^{N_i x M_k}:
 * <pre>
 *   V_i = c_k H_ik^H                 [M_k x N_i]   if d_i = N_i
 *   V_i = c_k H_ik^H U_i,d           [M_k x d_i]   if d_i &lt; N_i, U_i,d = the d_i dominant left singular vectors
 *   c_k = sqrt(P_k / sum_{j in I_k} ||H_jk^H U_j,d||_F^2)     (one common scale: the budget is met with equality)
 * </pre>
 * (the maximum-ratio initialisation of the GCN-WMMSE paper "Coordinated Sum-Rate Maximization in Multicell MU-MIMO
 * with Deep Unrolling", §III-B1; also the alpha -&gt; infinity limit of {@link RzfPrecoder}). H_ik^H U_i,d is
 * G_i^H for the effective channel G_i = U_i,d^H H_ik of {@link InitialPrecoders#effectiveChannel} (the modes
 * {@link ZfPrecoder} and {@link RzfPrecoder} use, with the same phases). Streams beyond the rank min(N_i, M_k),
 * and numerically zero modes, get zero columns. Powers in watts; the {@link Init} is ignored (closed form,
 * 0 iterations). The computation is {@link InitialPrecoders}' {@code mrc}, reused rather than repeated.
 */
public final class MrtPrecoder extends ClosedFormPrecoder {

    /** Registry name. */
    public static final String NAME = "mrt";

    /** @param options common options (ignored: closed form); no algorithm-specific parameters are accepted */
    public MrtPrecoder(PrecoderOptions options) {
        super(NAME, options);
    }

    /** Default options. */
    public MrtPrecoder() {
        this(PrecoderOptions.defaults());
    }

    @Override
    public Solution solve(Problem problem, Init init) {
        ZMatrixRMaj[] v = InitialPrecoders.create(problem, Init.mrc());
        return Solution.evaluated(problem, v, 0, List.of());
    }
}
