package org.netsim.precoding.learned.gcn;

import java.util.List;
import org.netsim.precoding.PrecoderProvider;

/** Registers {@code wmmse-batched} ({@link BatchedWmmsePrecoder}), the classic WMMSE on the batched DJL executor. */
public final class BatchedWmmseProvider implements PrecoderProvider {

    @Override
    public List<Entry> precoders() {
        return List.of(new Entry(BatchedWmmsePrecoder.NAME,
                "WMMSE (eq. (3a)-(3d), (9)) on the batched DJL executor of GCN-WMMSE, float32 on CPU or GPU; "
                        + "options: iterations=100, device=auto|cpu|gpu, precision=float32|float64",
                BatchedWmmsePrecoder::new));
    }
}
