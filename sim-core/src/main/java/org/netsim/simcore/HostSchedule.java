package org.netsim.simcore;

/**
 * Where the network's slots go on a host's MASON schedule ({@link RadioNetwork#attach(sim.engine.SimState,
 * HostSchedule)}): the first slot at host time {@code startTime}, then one slot every {@code interval} host time
 * units, its phases at orderings {@code firstOrdering + 1} (large scale) to {@code firstOrdering + 6} (report), so
 * that host agents stepped at {@code firstOrdering} or below (their movement: {@link SlotPhase#MOBILITY}) have
 * moved before the network reads their positions, and host agents stepped above {@code firstOrdering + 6} see the
 * slot's report.
 *
 * <p>Host time units need not be seconds: one slot spans {@code interval} host units and
 * {@link NetworkConfig#slotDurationS()} seconds (the fading advances by the slot duration, the reports' times are
 * host time &times; slot duration / interval). A MASON model that steps its agents once per time unit and wants a
 * slot every step uses {@code new HostSchedule(0, 1, 0)}; the built-in host {@link NetworkSimulation}, whose clock is
 * in seconds, uses {@link #inSeconds(double)}. Immutable.
 *
 * @param startTime host time of the first slot, &gt;= 0 (and not before the host's current time when attached)
 * @param interval host time between consecutive slots, &gt; 0
 * @param firstOrdering the ordering of the host's mobility; the network's phases take the six orderings after it
 */
public record HostSchedule(double startTime, double interval, int firstOrdering) {

    /** Validates the fields, naming the first bad one. */
    public HostSchedule {
        if (!(startTime >= 0) || Double.isInfinite(startTime)) {
            throw new IllegalArgumentException("startTime: must be finite and >= 0, got " + startTime);
        }
        if (!(interval > 0) || Double.isInfinite(interval)) {
            throw new IllegalArgumentException("interval: must be finite and > 0, got " + interval);
        }
        if (firstOrdering > Integer.MAX_VALUE - SlotPhase.REPORT.ordinal()) {
            throw new IllegalArgumentException("firstOrdering: leaves no room for the six phases after it, got "
                    + firstOrdering);
        }
    }

    /**
     * @param slotDurationS the slot duration of the network, seconds
     * @return slots from time 0 every {@code slotDurationS}, mobility at ordering 0: the schedule of a host whose
     *     clock is in seconds
     */
    public static HostSchedule inSeconds(double slotDurationS) {
        return new HostSchedule(0, slotDurationS, 0);
    }

    /**
     * @param phase a phase of the slot
     * @return its MASON ordering under this schedule
     */
    public int ordering(SlotPhase phase) {
        return phase.ordering(firstOrdering);
    }

    /** @return the first ordering after the slot's report: host agents stepped there see the slot's results */
    public int afterReport() {
        return SlotPhase.REPORT.ordering(firstOrdering) + 1;
    }
}
