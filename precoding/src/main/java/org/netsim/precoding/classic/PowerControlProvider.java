package org.netsim.precoding.classic;

import java.util.List;
import org.netsim.precoding.PrecoderProvider;

/** Registers the scalar power-control precoders: {@code wmmse-scalar} ({@link ScalarWmmsePrecoder}). */
public final class PowerControlProvider implements PrecoderProvider {

    @Override
    public List<Entry> precoders() {
        return List.of(new Entry(ScalarWmmsePrecoder.NAME,
                "WMMSE power control for single-antenna interference channels and the IMAC "
                        + "(Sun et al., 'Learning to Optimize', Fig. 2)",
                ScalarWmmsePrecoder::new));
    }
}
