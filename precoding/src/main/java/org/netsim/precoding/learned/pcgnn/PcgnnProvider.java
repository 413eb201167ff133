package org.netsim.precoding.learned.pcgnn;

import java.util.List;
import org.netsim.precoding.PrecoderProvider;

/** Registers {@code pcgnn} ({@link PcgnnPrecoder}); the model loads when the precoder is created. */
public final class PcgnnProvider implements PrecoderProvider {

    @Override
    public List<Entry> precoders() {
        return List.of(new Entry(PcgnnPrecoder.NAME,
                "learning-only heterogeneous GNN baseline (PCGNN/HetGNN extended to MIMO, UEs -> BSs -> UEs -> UEs, as "
                        + "in Song et al.'s Table IV); option model=DIR (required)",
                PcgnnPrecoder::new));
    }
}
