package org.netsim.precoding.classic;

import java.util.List;
import org.netsim.precoding.PrecoderProvider;

/**
 * Registers the closed-form linear precoders: {@code mrt} ({@link MrtPrecoder}), {@code zf} ({@link ZfPrecoder}),
 * {@code rzf} ({@link RzfPrecoder}) and {@code ezf} ({@link EzfPrecoder}).
 */
public final class LinearPrecodersProvider implements PrecoderProvider {

    @Override
    public List<Entry> precoders() {
        return List.of(
                new Entry(MrtPrecoder.NAME,
                        "maximum ratio transmission V_i = H_ik^H (dominant modes if d_i < N_i), one power scale per BS "
                                + "(GCN-WMMSE paper, MRC initialisation)",
                        MrtPrecoder::new),
                new Entry(ZfPrecoder.NAME,
                        "per-BS zero forcing on the stacked effective channels, pseudo-inverse "
                                + "(DeepFP paper, reference [17])",
                        ZfPrecoder::new),
                new Entry(RzfPrecoder.NAME,
                        "per-BS regularized zero forcing G^H (G G^H + alpha I)^{-1}, default alpha = "
                                + "sum_i d_i sigma_i^2 / P_k (Peel et al. 2005)",
                        RzfPrecoder::new),
                new Entry(EzfPrecoder.NAME,
                        "eigen zero forcing on the dominant right singular vectors (DeepFP paper, eq. (39)-(41))",
                        EzfPrecoder::new));
    }
}
