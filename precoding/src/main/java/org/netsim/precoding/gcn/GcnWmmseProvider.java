package org.netsim.precoding.gcn;

import java.util.List;
import org.netsim.precoding.PrecoderProvider;

/**
 * Registers {@code gcn-wmmse} ({@link GcnWmmsePrecoder}) with generated, untrained weights until model-file
 * loading is added: the paper's initial weights by default, or the classic-WMMSE member of the family.
 */
public final class GcnWmmseProvider implements PrecoderProvider {

    @Override
    public List<Entry> precoders() {
        return List.of(new Entry(GcnWmmsePrecoder.NAME,
                "GCN-WMMSE, unrolled WMMSE with learned filters (Schynol & Pesavento, eq. (9)-(15)); UNTRAINED "
                        + "weights until a model file is given; options: weights=paper-init|wmmse, seed, layers=7, "
                        + "degree=2, features=4",
                GcnWmmsePrecoder::new));
    }
}
