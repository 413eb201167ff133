package org.netsim.radio.csi;

import org.ejml.data.ZMatrixRMaj;

/**
 * The CSI state of one link, fed the true channel once per slot. Mutable, one per link; allocates nothing per slot.
 */
public interface LinkCsi {

    /**
     * Observes this slot's true channel and writes the CSI the transmitter holds for this slot.
     *
     * @param trueChannel H of this slot, N x M (including the large-scale gain); not modified
     * @param perEntryGain E|h_nm|^2, the large-scale power gain of the link's entries (the variance of the
     *        estimation error is relative to it); finite and &gt;= 0
     * @param estimate modified; N x M (may not be {@code trueChannel})
     */
    void update(ZMatrixRMaj trueChannel, double perEntryGain, ZMatrixRMaj estimate);

    /** Checks the arguments of {@link #update}; implementations call it first. */
    static void check(ZMatrixRMaj trueChannel, double perEntryGain, ZMatrixRMaj estimate, int n, int m) {
        if (trueChannel == null || trueChannel.numRows != n || trueChannel.numCols != m) {
            throw new IllegalArgumentException("trueChannel: must be " + n + " x " + m + ", got "
                    + (trueChannel == null ? "null" : trueChannel.numRows + " x " + trueChannel.numCols));
        }
        if (estimate == null || estimate.numRows != n || estimate.numCols != m) {
            throw new IllegalArgumentException("estimate: must be " + n + " x " + m + ", got "
                    + (estimate == null ? "null" : estimate.numRows + " x " + estimate.numCols));
        }
        if (estimate == trueChannel) {
            throw new IllegalArgumentException("estimate: must not be the true channel's matrix");
        }
        if (!(perEntryGain >= 0) || Double.isInfinite(perEntryGain)) {
            throw new IllegalArgumentException("perEntryGain: must be finite and >= 0, got " + perEntryGain);
        }
    }
}
