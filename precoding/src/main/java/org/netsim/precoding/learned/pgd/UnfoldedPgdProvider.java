package org.netsim.precoding.learned.pgd;

import java.util.List;
import org.netsim.precoding.PrecoderProvider;

/** Registers {@code unfolded-pgd} ({@link UnfoldedPgdPrecoder}). */
public final class UnfoldedPgdProvider implements PrecoderProvider {

    @Override
    public List<Entry> precoders() {
        return List.of(new Entry(UnfoldedPgdPrecoder.NAME,
                "unfolded PGD WMMSE (GCN-WMMSE paper, Sec. V-B): exact U/W steps, V-step by Q projected gradient "
                        + "sub-steps with learned step sizes; a model from netsim train --model unfolded-pgd (none "
                        + "ships yet); options: weights=trained|constant, model=DIR, step, layers=7, substeps=16",
                UnfoldedPgdPrecoder::new));
    }
}
