package org.netsim.precoding.learned.iaidnn;

import java.util.List;
import org.netsim.precoding.PrecoderProvider;

/** Registers {@link IaidnnPrecoder} as {@value IaidnnPrecoder#NAME}. */
public final class IaidnnProvider implements PrecoderProvider {

    @Override
    public List<Entry> precoders() {
        return List.of(new Entry(IaidnnPrecoder.NAME,
                "IAIDNN (Hu et al., GCN-WMMSE paper Sec. V-C), unrolled no-mu single-cell WMMSE with trained "
                        + "first-order inverse approximations; options: weights=trained|initial|exact, model=DIR (default: "
                        + "the shipped iaidnn-m16-i8, M = 16, I = 8, N = d = 2), "
                        + "layers=7, shared=false, y=false, seed=0",
                IaidnnPrecoder::new));
    }
}
