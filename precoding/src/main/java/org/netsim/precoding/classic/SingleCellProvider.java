package org.netsim.precoding.classic;

import java.util.List;
import org.netsim.precoding.PrecoderProvider;

/**
 * Registers the single-cell iterative baselines of the DeepFP paper: {@code wmmse-sc} ({@link WmmseScPrecoder})
 * and {@code rwmmse} ({@link RwmmsePrecoder}).
 */
public final class SingleCellProvider implements PrecoderProvider {

    @Override
    public List<Entry> precoders() {
        return List.of(
                new Entry(WmmseScPrecoder.NAME,
                        "single-cell WMMSE on the power-scaled unconstrained WSR problem, then scaled to the budget "
                                + "(DeepFP paper, §V-A)",
                        WmmseScPrecoder::new),
                new Entry(RwmmsePrecoder.NAME,
                        "single-cell reduced WMMSE in the row space of the stacked channel (DeepFP paper, §III-B, "
                                + "eq. (14)-(21))",
                        RwmmsePrecoder::new));
    }
}
