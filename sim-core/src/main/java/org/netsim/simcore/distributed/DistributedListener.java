package org.netsim.simcore.distributed;

/** Receives one {@link DistributedSlotReport} per slot from {@link DistributedPrecoding}, on the simulation thread. */
@FunctionalInterface
public interface DistributedListener {

    /** @param report the slot's message rounds; immutable */
    void onSlot(DistributedSlotReport report);
}
