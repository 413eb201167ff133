package org.netsim.precoding.learned.uwmmse;

import java.util.List;
import org.netsim.precoding.PrecoderProvider;

/** Registers {@code uwmmse} ({@link UwmmsePrecoder}). */
public final class UwmmseProvider implements PrecoderProvider {

    @Override
    public List<Entry> precoders() {
        return List.of(new Entry(UwmmsePrecoder.NAME,
                "UWMMSE power control for SISO pairs: scalar WMMSE unrolled with GCN affine weight maps "
                        + "(Chowdhury et al.; GCN-WMMSE paper Sec. V-A); options: weights=trained|wmmse, model=DIR, "
                        + "layers=4 (wmmse)",
                UwmmsePrecoder::new));
    }
}
