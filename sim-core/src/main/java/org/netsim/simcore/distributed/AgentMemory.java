package org.netsim.simcore.distributed;

import java.util.HashMap;
import java.util.Map;
import org.ejml.data.ZMatrixRMaj;

/**
 * What the agents hold of each UE (see {@link MessageMemory}): the UE's last downlink measurement, the factor F_i
 * each BS of its coordination set last received (F_i F_i^H = U_i W_i U_i^H) and the U_i W_i its serving BS last
 * received; with {@link MessageMemory#PERSISTENT}, the serving BS uses its own UE's F_i and U_i W_i as a pair from
 * the same round (see {@link BsAgent}). One {@link Entry} per UE and slot is the agents' working memory ({@link SlotRun}); with
 * {@link MessageMemory#PERSISTENT} the entries are kept from one slot to the next by UE id. Entries of UEs absent
 * from a slot are dropped at its end. Not thread-safe.
 */
final class AgentMemory {

    /** A value a receiver holds and the round of the current slot it came from (-1: from before the slot). */
    static final class Held {
        final ZMatrixRMaj value;
        int round = -1;

        Held(int rows, int cols) {
            value = new ZMatrixRMaj(rows, cols);
        }
    }

    /** What is held of one UE i (N_i antennas, d_i streams, K BSs). */
    static final class Entry {
        final int servingBs;
        final ZMatrixRMaj interference;  // Z_i of the UE's last measurement              [N_i x N_i]
        final ZMatrixRMaj effective;     // H_ik V_i of the UE's last measurement          [N_i x d_i]
        final Held[] factorAt;           // F_i as BS k holds it, or null (not held)       [N_i x d_i]
        Held receiver;                   // U_i W_i the serving BS uses, or null            [N_i x d_i]
        Held staged;                     // U_i W_i as last received (persistent memory)   [N_i x d_i]
        Held pairedFactor;               // F_i of the same round as receiver (persistent)  [N_i x d_i]
        ZMatrixRMaj finalPrecoder;       // V_i at the end of the slot the entry comes from [M_k x d_i]

        Entry(int servingBs, int numUeAntennas, int numStreams, int numBs) {
            this.servingBs = servingBs;
            this.interference = new ZMatrixRMaj(numUeAntennas, numUeAntennas);
            this.effective = new ZMatrixRMaj(numUeAntennas, numStreams);
            this.factorAt = new Held[numBs];
        }

        /**
         * @param start the UE's start precoder V^0_i of the new slot
         * @return whether this entry still describes a UE of these sizes served by {@code bs} among K BSs, that
         *     starts the slot from the precoder it ended the entry's slot with
         */
        boolean fits(int bs, int numUeAntennas, int numStreams, int numBs, ZMatrixRMaj start) {
            return servingBs == bs && effective.numRows == numUeAntennas && effective.numCols == numStreams
                    && factorAt.length == numBs && finalPrecoder != null
                    && java.util.Arrays.equals(finalPrecoder.data, 0, finalPrecoder.getDataLength(), start.data, 0,
                            start.getDataLength())
                    && finalPrecoder.numRows == start.numRows && finalPrecoder.numCols == start.numCols;
        }

        /** Records V_i at the end of the slot. */
        void endSlot(ZMatrixRMaj precoder) {
            if (finalPrecoder == null || finalPrecoder.numRows != precoder.numRows
                    || finalPrecoder.numCols != precoder.numCols) {
                finalPrecoder = precoder.copy();
            } else {
                finalPrecoder.setTo(precoder);
            }
        }

        /** Marks every held value as coming from before the slot. */
        void startSlot() {
            for (Held h : factorAt) {
                if (h != null) {
                    h.round = -1;
                }
            }
            for (Held h : new Held[] {receiver, staged, pairedFactor}) {
                if (h != null) {
                    h.round = -1;
                }
            }
        }
    }

    private Map<Integer, Entry> byId = new HashMap<>();
    private Map<Integer, Entry> next = new HashMap<>();

    /** @return the entry kept for UE {@code id} at the end of the last slot, or null */
    Entry get(int id) {
        return byId.get(id);
    }

    /**
     * Ends a slot: keeps exactly the given entries (of this slot's UEs, in problem order) for the next slot.
     *
     * @throws IllegalArgumentException if two UEs share an id
     */
    void keep(int[] ueIds, Entry[] entries) {
        next.clear();
        for (int i = 0; i < ueIds.length; i++) {
            if (next.put(ueIds[i], entries[i]) != null) {
                throw new IllegalArgumentException("ueIds: id " + ueIds[i] + " appears twice");
            }
        }
        Map<Integer, Entry> t = byId;
        byId = next;
        next = t;
        next.clear();
    }

    /** @return the number of UEs held */
    int size() {
        return byId.size();
    }
}
