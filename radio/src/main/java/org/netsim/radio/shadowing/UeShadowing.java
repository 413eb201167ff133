package org.netsim.radio.shadowing;

/**
 * The explicit shadowing state of one UE: the current dB offset of its link to every site, advanced with the
 * distance the UE has moved. Mutable, one per UE; keeps the streams it was created with. An update allocates
 * nothing.
 */
public interface UeShadowing {

    /** @return the number of sites */
    int numSites();

    /** @return the current shadowing of the link to site {@code site} in dB (added to the path loss) */
    double db(int site);

    /**
     * Advances every link of the UE after it moved {@code movedDistanceM} metres along its trajectory.
     *
     * @param movedDistanceM finite and &gt;= 0 (0 leaves the state unchanged and draws nothing)
     */
    void advance(double movedDistanceM);
}
