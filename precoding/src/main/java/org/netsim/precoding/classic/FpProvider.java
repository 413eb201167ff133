package org.netsim.precoding.classic;

import java.util.List;
import org.netsim.precoding.PrecoderProvider;

/**
 * Registers the fractional-programming precoders of "DeepFP: Deep-Unfolded Fractional Programming for Massive
 * MIMO Beamforming" (Algorithm 1): {@code fastfp} ({@link FastFpPrecoder}).
 */
public final class FpProvider implements PrecoderProvider {

    @Override
    public List<Entry> precoders() {
        return List.of(new Entry(FastFpPrecoder.NAME,
                "FastFP: fractional programming with the nonhomogeneous bound, no large inverse, power by scaling "
                        + "(DeepFP paper, Sec. III-D, eqs. (36)-(38)); option lambda = max-eigenvalue | frobenius",
                FastFpPrecoder::new));
    }
}
