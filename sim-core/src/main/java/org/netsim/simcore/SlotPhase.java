package org.netsim.simcore;

/**
 * The phases of one slot, in order (DESIGN.md "One slot"). Each phase is a MASON schedule ordering: within one
 * slot time, every agent of an earlier phase steps before any agent of a later one.
 */
public enum SlotPhase {
    /** 0. UEs move (their mobility model, their own random sub-stream). */
    MOBILITY,
    /** 1. Path loss and trajectory-correlated shadowing per link from the new positions. */
    LARGE_SCALE,
    /** 2. Small-scale fading evolves (Doppler from speed and carrier, or i.i.d. block fading). */
    SMALL_SCALE,
    /** 3. Strongest large-scale link with hysteresis and time-to-trigger; handovers counted. */
    ASSOCIATION,
    /** 4. The precoder runs on the CSI the BSs hold (centralized) or message rounds run (distributed). */
    PRECODING,
    /** 5. Rates on the true channel of the slot. */
    EVALUATION,
    /** 6. One {@link SlotReport} to every listener. */
    REPORT;

    /**
     * @param firstOrdering the host's ordering of the first phase
     * @return this phase's MASON ordering, {@code firstOrdering + ordinal()}
     */
    public int ordering(int firstOrdering) {
        return firstOrdering + ordinal();
    }
}
