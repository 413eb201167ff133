package org.netsim.simcore;

/**
 * Receives one {@link SlotReport} per slot, in slot order, on the simulation thread (DESIGN.md: models emit,
 * observers write). Listeners that write files flush whole lines or records so that an interrupted run leaves
 * complete files for the slots it finished.
 */
@FunctionalInterface
public interface SlotListener {

    /** @param report the finished slot; immutable */
    void onSlot(SlotReport report);

    /** Called once after the last slot (or when the run is interrupted); the default does nothing. */
    default void onFinish() {
    }
}
