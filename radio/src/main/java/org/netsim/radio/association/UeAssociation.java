package org.netsim.radio.association;

/** The association state of one UE: serving cell, handover count, the policy's timers. Mutable, one per UE. */
public interface UeAssociation {

    /** @return the index of the serving cell */
    int servingCell();

    /** @return the number of handovers since the start */
    int handovers();

    /**
     * Updates the association with this slot's gains.
     *
     * @param gainsDb the gain of the link to every cell, dB (same length as at the start); not modified
     * @return whether a handover happened in this slot
     */
    boolean update(double[] gainsDb);
}
