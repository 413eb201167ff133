package org.netsim.simcore;

/**
 * What the precoding phase of a slot knows besides the CSI problem: the slot's index and start time, and the link
 * geometry of this slot's UEs (for a distributed mode's coordination range). Per-UE rows are in problem order.
 * Arrays are not copied (the phase builds them for one call).
 *
 * @param slot slot index, 0-based
 * @param startTimeS start time of the slot in seconds
 * @param distanceM distance d_ik from UE i to the site of cell k in metres (wrap-around), or null if unknown
 * @param largeScaleGainDb large-scale gain G_ik of link (UE i, cell k) in dB, or null if unknown
 */
public record SlotContext(long slot, double startTimeS, double[][] distanceM, double[][] largeScaleGainDb) {

    /** @return a context without geometry (a solve outside a network, e.g. in tests) */
    public static SlotContext untimed(long slot) {
        return new SlotContext(slot, 0.0, null, null);
    }
}
