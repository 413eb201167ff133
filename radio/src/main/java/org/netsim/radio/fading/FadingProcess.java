package org.netsim.radio.fading;

import java.util.random.RandomGenerator;

/**
 * Time-evolving small-scale fading of the MIMO links: immutable configuration (carrier, model constants, spatial
 * correlation) that creates one explicit {@link LinkFading} state per link (UE i, cell k), holding every per-link
 * constant so that the per-slot update allocates nothing. Entries have unit power, E|h_nm|^2 = 1; the caller
 * scales by the square root of the link's large-scale gain.
 */
public interface FadingProcess {

    /** @return the model's registry name */
    String name();

    /**
     * @param numRx N, the UE's antennas (rows), &gt;= 1
     * @param numTx M, the BS's antennas (columns), &gt;= 1
     * @param rng the link's stream (e.g. {@code "fading/link/12/3"}); the state keeps it and draws only from it
     * @return the link's state at time 0, drawn from the stationary law
     */
    LinkFading newLink(int numRx, int numTx, RandomGenerator rng);

    /** Checks the link dimensions; implementations call it first. */
    static void checkDimensions(int numRx, int numTx) {
        if (numRx < 1) {
            throw new IllegalArgumentException("numRx: must be >= 1, got " + numRx);
        }
        if (numTx < 1) {
            throw new IllegalArgumentException("numTx: must be >= 1, got " + numTx);
        }
    }
}
