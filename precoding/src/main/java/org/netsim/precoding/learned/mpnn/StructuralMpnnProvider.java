package org.netsim.precoding.learned.mpnn;

import java.util.List;
import org.netsim.precoding.PrecoderProvider;

/** Registers {@code structural-mpnn} ({@link StructuralMpnnPrecoder}); the model loads when the precoder is created. */
public final class StructuralMpnnProvider implements PrecoderProvider {

    @Override
    public List<Entry> precoders() {
        return List.of(new Entry(StructuralMpnnPrecoder.NAME,
                "learning-only structural MPNN precoder (Song et al., 'A Learning-only Method for Multi-Cell "
                        + "Multi-User MIMO Sum Rate Maximization'); options model=NAME|DIR (default: the shipped song-small-near, B = 2, U = 4, N_t = 8, N_r = 2), start=zf|caller",
                StructuralMpnnPrecoder::new));
    }
}
