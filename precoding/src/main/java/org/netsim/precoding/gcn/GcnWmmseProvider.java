package org.netsim.precoding.gcn;

import java.util.List;
import org.netsim.precoding.PrecoderProvider;

/**
 * Registers {@code gcn-wmmse} ({@link GcnWmmsePrecoder}): the shipped model trained on {@code gcnwmmse-base} by
 * default, a model directory, or generated weights (the paper's initial ones, or the classic-WMMSE member).
 */
public final class GcnWmmseProvider implements PrecoderProvider {

    @Override
    public List<Entry> precoders() {
        return List.of(new Entry(GcnWmmsePrecoder.NAME,
                "GCN-WMMSE, unrolled WMMSE with learned filters (Schynol & Pesavento, eq. (9)-(15)); the "
                        + "shipped model trained on gcnwmmse-base by default; options: weights=trained|paper-init|"
                        + "wmmse, model=DIR, seed, layers=7, degree=2, features=4",
                GcnWmmsePrecoder::new));
    }
}
