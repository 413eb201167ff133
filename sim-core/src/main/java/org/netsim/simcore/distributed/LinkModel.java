package org.netsim.simcore.distributed;

/**
 * The air interface of the distributed mode's message rounds (immutable, validated). One round takes a downlink
 * phase (the BSs transmit precoded pilots, each UE measures its received covariance J_i and its effective channel
 * H_ik V_i) and then an uplink phase (the UEs send their messages, the BSs step at its end).
 *
 * <ul>
 *   <li>{@code downlinkPhaseS}, {@code uplinkPhaseS}: the phase durations in seconds (&gt;= 0); a round lasts their
 *       sum, so a slot of duration T fits floor(T / (downlinkPhaseS + uplinkPhaseS)) rounds.</li>
 *   <li>{@code latencyS}: delivery delay of every uplink message in seconds (&gt;= 0); a message arriving after the
 *       end of its round's uplink phase is <em>late</em>: the BS steps without it and keeps it as its latest value
 *       for the next round.</li>
 *   <li>{@code lossProbability}: probability in [0, 1) that a message (a downlink measurement or an uplink message)
 *       is lost, independently per message; the receiver keeps the last value it had (or, without one, treats the
 *       sender as absent).</li>
 *   <li>{@code bitsPerReal}: resolution of every real entry of an uplink message: 64 (exact doubles, the default),
 *       32 (single precision), or 1..24 (a uniform quantiser over [-a, a], a the message's largest magnitude,
 *       sent once as a 32-bit float).</li>
 * </ul>
 */
public record LinkModel(double downlinkPhaseS, double uplinkPhaseS, double latencyS, double lossProbability,
        int bitsPerReal) {

    /** Ideal links: instantaneous phases, no latency, no loss, exact doubles. */
    public static final LinkModel IDEAL = new LinkModel(0, 0, 0, 0, 64);

    /** Validates every field, naming the first bad one. */
    public LinkModel {
        nonNegative("downlinkPhaseS", downlinkPhaseS);
        nonNegative("uplinkPhaseS", uplinkPhaseS);
        nonNegative("latencyS", latencyS);
        if (!(lossProbability >= 0 && lossProbability < 1)) {
            throw new IllegalArgumentException("lossProbability: must be in [0, 1), got " + lossProbability);
        }
        if (!(bitsPerReal == 64 || bitsPerReal == 32 || (bitsPerReal >= 1 && bitsPerReal <= 24))) {
            throw new IllegalArgumentException("bitsPerReal: must be 64, 32 or 1..24, got " + bitsPerReal);
        }
    }

    private static void nonNegative(String field, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(field + ": must be finite and >= 0, got " + v);
        }
    }

    /** @return the duration of one round in seconds, downlinkPhaseS + uplinkPhaseS */
    public double roundDurationS() {
        return downlinkPhaseS + uplinkPhaseS;
    }

    /**
     * @return the rounds that fit in a slot of {@code slotDurationS} (a relative slack of 1e-9 absorbs rounding of
     *     the durations); {@link Integer#MAX_VALUE} when rounds take no time
     */
    public int roundsFitting(double slotDurationS) {
        double round = roundDurationS();
        if (round == 0) {
            return Integer.MAX_VALUE;
        }
        double n = Math.floor(slotDurationS / round * (1 + 1e-9));
        return n >= Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) n;
    }

    /** @return the payload bytes of an uplink message of {@code reals} real entries at this resolution */
    public long payloadBytes(int reals) {
        return switch (bitsPerReal) {
            case 64 -> 8L * reals;
            case 32 -> 4L * reals;
            default -> (reals * (long) bitsPerReal + 7) / 8 + 4;
        };
    }
}
