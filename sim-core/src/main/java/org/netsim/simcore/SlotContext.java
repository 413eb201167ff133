package org.netsim.simcore;

/**
 * What the precoding phase of a slot knows besides the CSI problem: the slot's index and start time, the stable
 * identities of this slot's UEs (for state a distributed mode keeps per UE across slots) and their link geometry
 * (for a distributed mode's coordination range). Per-UE rows are in problem order. Arrays are not copied (the phase
 * builds them for one call).
 *
 * @param slot slot index, 0-based
 * @param startTimeS start time of the slot in seconds
 * @param ueIds stable identifier of UE i (the same UE keeps it across slots; distinct within a slot), or null if
 *     unknown (then nothing can be remembered of a UE from one slot to the next)
 * @param distanceM distance d_ik from UE i to the site of cell k in metres (wrap-around), or null if unknown
 * @param largeScaleGainDb large-scale gain G_ik of link (UE i, cell k) in dB, or null if unknown
 */
public record SlotContext(long slot, double startTimeS, int[] ueIds, double[][] distanceM,
        double[][] largeScaleGainDb) {

    /** @return a context without UE identities or geometry (a solve outside a network, e.g. in tests) */
    public static SlotContext untimed(long slot) {
        return new SlotContext(slot, 0.0, null, null, null);
    }

    /** @return a context with the UE identities {@code ids} and no geometry */
    public static SlotContext untimed(long slot, int[] ids) {
        return new SlotContext(slot, 0.0, ids, null, null);
    }

    /** @return this context with the UE identities {@code ids} */
    public SlotContext withUeIds(int[] ids) {
        return new SlotContext(slot, startTimeS, ids, distanceM, largeScaleGainDb);
    }
}
