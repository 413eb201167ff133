package org.netsim.radio.fading;

import org.ejml.data.ZMatrixRMaj;

/**
 * The explicit small-scale fading state of one link: advanced slot by slot, written into an N x M channel
 * matrix. Mutable, one per link; not thread-safe. {@link #advance} and {@link #writeInto} allocate nothing.
 */
public interface LinkFading {

    /** @return N, the number of rows (UE antennas) */
    int numRx();

    /** @return M, the number of columns (BS antennas) */
    int numTx();

    /**
     * Advances the fading by {@code dtS} seconds, during which the UE moved at {@code speedMps} (Doppler
     * f_D = v f_c / c).
     *
     * @param dtS the time step in seconds, finite and &gt;= 0
     * @param speedMps the UE's speed in m/s, finite and &gt;= 0
     */
    void advance(double dtS, double speedMps);

    /**
     * Writes the current channel H (unit-power entries) into {@code out}.
     *
     * @param out modified; must be N x M
     */
    void writeInto(ZMatrixRMaj out);

    /** {@link #advance} then {@link #writeInto}. */
    default void next(double dtS, double speedMps, ZMatrixRMaj out) {
        advance(dtS, speedMps);
        writeInto(out);
    }

    /** Checks the arguments of {@link #advance}; implementations call it first. */
    static void checkStep(double dtS, double speedMps) {
        if (!(dtS >= 0) || Double.isInfinite(dtS)) {
            throw new IllegalArgumentException("dtS: must be finite and >= 0, got " + dtS);
        }
        if (!(speedMps >= 0) || Double.isInfinite(speedMps)) {
            throw new IllegalArgumentException("speedMps: must be finite and >= 0, got " + speedMps);
        }
    }
}
