package org.netsim.radio.csi;

import java.util.random.RandomGenerator;
import org.ejml.data.ZMatrixRMaj;

/** Perfect CSI: H_hat = H of the current slot. Stateless singleton. */
public final class PerfectCsi implements CsiModel {

    /** The instance. */
    public static final PerfectCsi INSTANCE = new PerfectCsi();

    private PerfectCsi() {
    }

    @Override
    public String name() {
        return "perfect";
    }

    @Override
    public LinkCsi newLink(int numRx, int numTx, RandomGenerator rng) {
        DelayedCsi.checkDimensions(numRx, numTx);
        return (h, g, out) -> {
            LinkCsi.check(h, g, out, numRx, numTx);
            System.arraycopy(h.data, 0, out.data, 0, 2 * numRx * numTx);
        };
    }
}
