package org.netsim.precoding.classic;

import java.util.List;
import org.netsim.precoding.PrecoderProvider;

/**
 * Registers the fractional-programming precoders of "DeepFP: Deep-Unfolded Fractional Programming for Massive
 * MIMO Beamforming" (Algorithm 1): {@code fp} ({@link FpPrecoder}) and {@code fastfp} ({@link FastFpPrecoder}).
 */
public final class FpProvider implements PrecoderProvider {

    @Override
    public List<Entry> precoders() {
        return List.of(
                new Entry(FpPrecoder.NAME,
                        "FP: fractional programming by the quadratic transform, V = (eta I + L)^-1 Lambda, eta from "
                                + "the budget (DeepFP paper, Sec. III-C, eq. (26)-(30)); option mu-solver = "
                                + "rational | bisection",
                        FpPrecoder::new),
                new Entry(FastFpPrecoder.NAME,
                        "FastFP: fractional programming with the nonhomogeneous bound, no large inverse, power by "
                                + "scaling (DeepFP paper, Sec. III-D, eq. (36)-(38)); option lambda = "
                                + "max-eigenvalue | frobenius",
                        FastFpPrecoder::new));
    }
}
