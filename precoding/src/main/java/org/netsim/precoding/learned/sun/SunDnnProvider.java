package org.netsim.precoding.learned.sun;

import java.util.List;
import org.netsim.precoding.PrecoderProvider;

/** Registers {@code sun-dnn} ({@link SunDnnPrecoder}); the model loads when the precoder is created. */
public final class SunDnnProvider implements PrecoderProvider {

    @Override
    public List<Entry> precoders() {
        return List.of(new Entry(SunDnnPrecoder.NAME,
                "DNN approximation of WMMSE power control for the IC / IMAC (Sun et al., 'Learning to Optimize', "
                        + "Fig. 4); options model=sun-imac-3-12|sun-ic-10|DIR, binarize=true|false",
                SunDnnPrecoder::new));
    }
}
