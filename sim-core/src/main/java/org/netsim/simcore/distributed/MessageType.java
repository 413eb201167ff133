package org.netsim.simcore.distributed;

/**
 * The exchanges of one WMMSE / GCN-WMMSE round (GCN-WMMSE paper "Coordinated Sum-Rate Maximization in Multicell
 * MU-MIMO with Deep Unrolling", end of §II-B and §III-D; Shi et al. 2011).
 */
public enum MessageType {
    /**
     * BS to UE, downlink phase: the precoded pilots of every BS, from which UE i measures J_i and H_ik V_i. One
     * exchange per UE and round; over-the-air pilots carry no digital payload (0 bytes): their cost is the downlink
     * phase duration.
     */
    DL_PILOTS(false),
    /**
     * UE to BS, uplink phase: U_i W_i U_i^H to every BS of the UE's coordination set, sent as the factor F_i
     * (N_i x d_i complex, F_i F_i^H = U_i W_i U_i^H): 2 N_i d_i reals.
     */
    UL_COVARIANCE(true),
    /** UE to its serving BS, uplink phase: U_i W_i (N_i x d_i complex): 2 N_i d_i reals. */
    UL_RECEIVER(true);

    private final boolean uplink;

    MessageType(boolean uplink) {
        this.uplink = uplink;
    }

    /** @return whether UEs send it to BSs (else BSs to UEs) */
    public boolean uplink() {
        return uplink;
    }

    /** @return the column name of this type in CSV files, e.g. {@code ul_covariance} */
    public String column() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
