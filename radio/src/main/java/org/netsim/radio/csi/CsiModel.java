package org.netsim.radio.csi;

import java.util.random.RandomGenerator;

/**
 * The channel state information a transmitter holds: immutable configuration that creates one explicit
 * {@link LinkCsi} state per link. The precoder works with the CSI; rates are evaluated with the true channel,
 * so imperfect CSI costs rate.
 */
public interface CsiModel {

    /** @return the model's registry name */
    String name();

    /**
     * @param numRx N, rows of the link's channel
     * @param numTx M, columns
     * @param rng the link's CSI stream (e.g. {@code "csi/link/12/3"}), drawn from only by models with estimation
     *        error
     * @return the link's CSI state (no channel observed yet)
     */
    LinkCsi newLink(int numRx, int numTx, RandomGenerator rng);
}
