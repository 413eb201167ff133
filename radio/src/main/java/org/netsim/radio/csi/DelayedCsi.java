package org.netsim.radio.csi;

import java.util.random.RandomGenerator;
import org.ejml.data.ZMatrixRMaj;

/**
 * Delayed CSI: in slot t the transmitter holds H_hat(t) = H(t - tau) (feedback and processing delay of tau slots).
 * A ring buffer of tau + 1 channel matrices per link, allocated once. In the first tau slots, before any channel
 * that old exists, the CSI is the oldest channel observed, H(0). tau = 0 is perfect CSI. Immutable.
 *
 * @param delaySlots tau &gt;= 0
 */
public record DelayedCsi(int delaySlots) implements CsiModel {

    /** Validates the components. */
    public DelayedCsi {
        if (delaySlots < 0 || delaySlots > 100_000) {
            throw new IllegalArgumentException("delaySlots: must be in [0, 100000], got " + delaySlots);
        }
    }

    @Override
    public String name() {
        return "delayed";
    }

    @Override
    public LinkCsi newLink(int numRx, int numTx, RandomGenerator rng) {
        checkDimensions(numRx, numTx);
        return new Link(numRx, numTx);
    }

    static void checkDimensions(int numRx, int numTx) {
        if (numRx < 1) {
            throw new IllegalArgumentException("numRx: must be >= 1, got " + numRx);
        }
        if (numTx < 1) {
            throw new IllegalArgumentException("numTx: must be >= 1, got " + numTx);
        }
    }

    private final class Link implements LinkCsi {

        private final int n;
        private final int m;
        private final double[][] ring;
        private long observed;

        Link(int n, int m) {
            this.n = n;
            this.m = m;
            ring = new double[delaySlots + 1][2 * n * m];
        }

        @Override
        public void update(ZMatrixRMaj trueChannel, double perEntryGain, ZMatrixRMaj estimate) {
            LinkCsi.check(trueChannel, perEntryGain, estimate, n, m);
            int size = ring.length;
            System.arraycopy(trueChannel.data, 0, ring[(int) (observed % size)], 0, 2 * n * m);
            long source = Math.max(0, observed - delaySlots);
            System.arraycopy(ring[(int) (source % size)], 0, estimate.data, 0, 2 * n * m);
            observed++;
        }
    }
}
