package org.netsim.simcore.distributed;

/**
 * What the message rounds of one slot exchanged (the distributed mode's counterpart of
 * {@link org.netsim.simcore.SlotReport}). Per-type arrays are indexed by {@link MessageType#ordinal()}. Immutable:
 * arrays are copied in and out.
 *
 * @param slot slot index
 * @param roundBudget rounds allowed in this slot (the fixed cap, the rounds that fit, and the algorithm's depth)
 * @param rounds rounds run
 * @param events discrete events the slot's schedule executed (agent steps and deliveries)
 * @param sent messages sent, by type
 * @param delivered messages delivered (in time or late), by type
 * @param lost messages lost, by type
 * @param late messages delivered after the end of their round's uplink phase, by type
 * @param bytesSent payload bytes sent, by type
 * @param bytesDelivered payload bytes delivered, by type
 * @param wsrStartNat WSR of the start precoders on the CSI problem, in nat/s/Hz
 * @param wsrAfterRoundNat WSR on the CSI problem after round r + 1 (entry r), in nat/s/Hz
 */
public record DistributedSlotReport(long slot, int roundBudget, int rounds, long events, long[] sent,
        long[] delivered, long[] lost, long[] late, long[] bytesSent, long[] bytesDelivered, double wsrStartNat,
        double[] wsrAfterRoundNat) {

    /** Checks the shapes and copies the arrays. */
    public DistributedSlotReport {
        int t = MessageType.values().length;
        for (long[] a : new long[][] {sent, delivered, lost, late, bytesSent, bytesDelivered}) {
            if (a.length != t) {
                throw new IllegalArgumentException("distributed slot report: per-type arrays need " + t + " entries");
            }
        }
        if (wsrAfterRoundNat.length != rounds) {
            throw new IllegalArgumentException("distributed slot report: one WSR per round expected");
        }
        sent = sent.clone();
        delivered = delivered.clone();
        lost = lost.clone();
        late = late.clone();
        bytesSent = bytesSent.clone();
        bytesDelivered = bytesDelivered.clone();
        wsrAfterRoundNat = wsrAfterRoundNat.clone();
    }

    /** @return messages of type {@code t} sent */
    public long sent(MessageType t) {
        return sent[t.ordinal()];
    }

    /** @return messages of type {@code t} delivered */
    public long delivered(MessageType t) {
        return delivered[t.ordinal()];
    }

    /** @return messages of type {@code t} lost */
    public long lost(MessageType t) {
        return lost[t.ordinal()];
    }

    /** @return messages of type {@code t} delivered late */
    public long late(MessageType t) {
        return late[t.ordinal()];
    }

    /** @return payload bytes of type {@code t} sent */
    public long bytesSent(MessageType t) {
        return bytesSent[t.ordinal()];
    }

    /** @return messages delivered, all types */
    public long messagesDelivered() {
        return sum(delivered);
    }

    /** @return payload bytes delivered, all types */
    public long bytesDeliveredTotal() {
        return sum(bytesDelivered);
    }

    /** @return the WSR after the last round (the start's when no round ran), nat/s/Hz */
    public double finalWsrNat() {
        return rounds == 0 ? wsrStartNat : wsrAfterRoundNat[rounds - 1];
    }

    private static long sum(long[] a) {
        long s = 0;
        for (long x : a) {
            s += x;
        }
        return s;
    }

    @Override
    public long[] sent() {
        return sent.clone();
    }

    @Override
    public long[] delivered() {
        return delivered.clone();
    }

    @Override
    public long[] lost() {
        return lost.clone();
    }

    @Override
    public long[] late() {
        return late.clone();
    }

    @Override
    public long[] bytesSent() {
        return bytesSent.clone();
    }

    @Override
    public long[] bytesDelivered() {
        return bytesDelivered.clone();
    }

    @Override
    public double[] wsrAfterRoundNat() {
        return wsrAfterRoundNat.clone();
    }
}
