package org.netsim.precoding.classic;

import java.util.List;
import org.netsim.precoding.PrecoderProvider;

/** Registers {@code wmmse} ({@link WmmsePrecoder}). */
public final class WmmseProvider implements PrecoderProvider {

    @Override
    public List<Entry> precoders() {
        return List.of(new Entry(WmmsePrecoder.NAME,
                "WMMSE for multicell MU-MIMO with per-BS budgets (Shi et al. 2011; GCN-WMMSE paper eq. (3)-(9)); "
                        + "options: mu-solver=rational|bisection",
                WmmsePrecoder::new));
    }
}
