package org.netsim.simcore.distributed;

import java.util.Locale;

/**
 * What a receiver uses when a message of the current round does not arrive (lost, or late): the "a lost
 * message leaves the receiver with the last value it had, or the initialisation".
 *
 * <ul>
 *   <li>{@link #PERSISTENT} (default): every BS keeps, for each UE it coordinates with, the last factor F_j it
 *       received (F_j F_j^H = U_j W_j U_j^H) and, for its own UEs, the last U_i W_i; every UE keeps its last
 *       downlink measurement (Z_i, H_ik V_i). The memory lives across slots, keyed by the UE's stable id
 *       ({@link org.netsim.simcore.SlotContext#ueIds}). A UE's entry is kept from one slot to the next only if the
 *       UE is still present, has the same serving BS and the same antenna and stream counts, and starts the slot
 *       from the precoder V_i it ended the last one with (not re-initialised or rescaled by the warm start, which
 *       would make every value derived from the old V_i outdated); a BS's F_j only while the BS stays in the UE's
 *       coordination set. Everything else is dropped. The serving BS uses its own UE's F_i and U_i W_i only as a
 *       pair of one round (if one of the two is lost it keeps the older pair), so R_k and V~_i never mix a fresh
 *       and a stale W_i. A value the receiver has not got yet (a UE new in the slot or in that sense, new to a
 *       BS's range; every UE when the ids are unknown) starts from the <em>initialisation</em>: the value the UE
 *       would report in the slot's first round over ideal links, i.e. its measurement of the slot's start precoders V^0 (warm start or fresh initialisation)
 *       on the CSI problem, and the UE step of the first round on it (for GCN-WMMSE, layer 1). It is set up at
 *       the start of the slot, like the start precoders themselves, and is neither sent nor counted. With ideal
 *       links every first-round message replaces it by the same value, so results do not change; under loss, a
 *       new UE whose first-round messages are lost loses nothing in that round: an optimistic convention (the
 *       setup exchange of a UE that joins is not modelled; {@link #SLOT} is the pessimistic bound).</li>
 *   <li>{@link #SLOT}: memory starts empty every slot and holds only what arrived in the slot: a UE without a
 *       measurement yet sends nothing; a BS leaves out of R_k (GCN-WMMSE paper "Coordinated Sum-Rate Maximization
 *       in Multicell MU-MIMO with Deep Unrolling", eq. (4)) every UE it has not heard in the slot, and an own UE not
 *       heard yet keeps its precoder while the heard ones share the remaining budget ("treat as absent").</li>
 * </ul>
 */
public enum MessageMemory {
    PERSISTENT,
    SLOT;

    /** @return the scenario spelling, {@code persistent} or {@code slot} */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
