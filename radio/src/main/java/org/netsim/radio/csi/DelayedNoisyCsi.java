package org.netsim.radio.csi;

import java.util.random.RandomGenerator;
import org.ejml.data.ZMatrixRMaj;

/**
 * Delayed and noisy CSI: the estimate of {@link NoisyCsi} formed from the channel of tau slots ago
 * ({@link DelayedCsi}), H_hat(t) = a H(t - tau) + b E(t). Immutable.
 *
 * @param delayed the delay
 * @param noisy the estimation error
 */
public record DelayedNoisyCsi(DelayedCsi delayed, NoisyCsi noisy) implements CsiModel {

    /** Validates the components. */
    public DelayedNoisyCsi {
        if (delayed == null || noisy == null) {
            throw new IllegalArgumentException("delayed, noisy: must not be null");
        }
    }

    @Override
    public String name() {
        return "delayed-noisy";
    }

    @Override
    public LinkCsi newLink(int numRx, int numTx, RandomGenerator rng) {
        LinkCsi d = delayed.newLink(numRx, numTx, rng);
        LinkCsi e = noisy.newLink(numRx, numTx, rng);
        ZMatrixRMaj old = new ZMatrixRMaj(numRx, numTx);
        return (h, g, out) -> {
            d.update(h, g, old);
            e.update(old, g, out);
        };
    }
}
