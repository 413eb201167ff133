package org.netsim.radio.association;

/**
 * How a UE picks its serving cell from the large-scale gains of its links (path loss, shadowing and BS antenna
 * gain, in dB; the same transmit power per cell, or the received powers in dBm: only differences matter).
 * Immutable configuration that creates one explicit {@link UeAssociation} state per UE.
 */
public interface AssociationPolicy {

    /** @return the policy's registry name */
    String name();

    /**
     * @param gainsDb the large-scale gain (or received power) of the UE's link to every cell, dB; not modified
     * @return the UE's association, initially to the strongest cell (no hysteresis at attach)
     */
    UeAssociation start(double[] gainsDb);
}
