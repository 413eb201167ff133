package org.netsim.precoding.learned.deepfp;

import java.util.List;
import org.netsim.precoding.PrecoderProvider;

/** Registers {@code deepfp} ({@link DeepFpPrecoder}); the model loads when the precoder is created. */
public final class DeepFpProvider implements PrecoderProvider {

    @Override
    public List<Entry> precoders() {
        return List.of(new Entry(DeepFpPrecoder.NAME,
                "DeepFP: FastFP unfolded into 8 layers with DNN-predicted steps (Zhu, Chang, Shen, 'DeepFP', Sec. IV);"
                        + " options model=deepfp-7cell|DIR; N_t <= 64, d <= 2 by zero padding",
                DeepFpPrecoder::new));
    }
}
