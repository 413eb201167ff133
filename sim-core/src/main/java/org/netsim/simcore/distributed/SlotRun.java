package org.netsim.simcore.distributed;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.ZMatrixRMaj;
import org.netsim.precoding.Init;
import org.netsim.precoding.InitialPrecoders;
import org.netsim.precoding.Problem;
import org.netsim.precoding.RateEvaluator;
import org.netsim.precoding.Solution;
import sim.engine.Schedule;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * One slot of message rounds (see {@link DistributedPrecoding}): the agents of this slot's UEs and BSs, the air
 * between them (pilots, messages in flight, losses) and the counters, on a MASON schedule reset for the slot.
 * Event orderings within one time: pilot deliveries, UE steps, uplink deliveries, BS steps, end of round.
 * Every event counts itself in {@link #events}; agents and messages reuse their event objects and buffers, so a
 * round allocates nothing but MASON's queue entries, two round events and the trace record.
 */
final class SlotRun {

    static final int ORDER_PILOT = 0;
    static final int ORDER_UE = 1;
    static final int ORDER_DELIVERY = 2;
    static final int ORDER_BS = 3;
    static final int ORDER_END = 4;

    final Problem problem;
    final LinkModel link;
    final SplittableRandom rng;
    final SimState state;
    final Schedule schedule;
    final ZMatrixRMaj[] v;      // current precoders V_i, written by the serving BS agent   [M_k x d_i]
    final ZMatrixRMaj[] onAir;  // precoders of this round's pilots                        [M_k x d_i]
    final UeAgent[] ues;
    final BsAgent[] bss;
    final boolean[][] coordination;   // in[i][k]: UE i sends F_i to BS k
    final AgentMemory.Entry[] entries; // what the agents hold of UE i, in problem order
    private final AgentMemory memory;
    private final int[] ueIds;        // null unless the memory persists
    /** Whether a serving BS uses its own UEs' F_i and U_i W_i as pairs of one round (persistent memory). */
    final boolean pairs;
    private final DistributedPrecoding.LossRule lossRule;
    private final long slot;
    private final int budget;
    private final double startS;
    private final int numTypes = MessageType.values().length;
    final long[] sent = new long[numTypes];
    final long[] delivered = new long[numTypes];
    final long[] lost = new long[numTypes];
    final long[] late = new long[numTypes];
    final long[] bytesSent = new long[numTypes];
    final long[] bytesDelivered = new long[numTypes];
    long events;
    /** Message objects (with their payload buffers) allocated in this slot. */
    long messageBuffers;
    private final double[] wsrAfterRound;
    private double wsrStart;
    private int roundsDone;
    private final List<IterationTrace> trace = new ArrayList<>();
    private long t0;

    private record IterationTrace(int round, double wsr, long nanos) {
    }

    /**
     * @param coordination in[i][k] = whether UE i sends F_i to BS k
     * @param memoryKind how receivers fill in what does not arrive
     * @param memory the entries kept from the last slot ({@link MessageMemory#PERSISTENT}); updated at the end
     * @param ueIds stable UE ids in problem order (distinct), or null (then every UE is new)
     * @param slot the slot index (for the loss rule)
     * @param lossRule decides the losses instead of draws, or null
     */
    SlotRun(Problem problem, Init init, AgentSteps steps, LinkModel link, boolean[][] coordination, int budget,
            double startS, SplittableRandom rng, SimState state, MessageMemory memoryKind, AgentMemory memory,
            int[] ueIds, long slot, DistributedPrecoding.LossRule lossRule) {
        this.slot = slot;
        this.lossRule = lossRule;
        this.problem = problem;
        this.link = link;
        this.rng = rng;
        this.state = state;
        this.schedule = state.schedule;
        this.budget = budget;
        this.startS = startS;
        this.coordination = coordination;
        this.memory = memory;
        this.ueIds = memoryKind == MessageMemory.PERSISTENT ? ueIds : null;
        this.pairs = memoryKind == MessageMemory.PERSISTENT;
        this.v = InitialPrecoders.create(problem, init);
        int numUe = problem.numUe();
        int numBs = problem.numBs();
        this.onAir = new ZMatrixRMaj[numUe];
        for (int i = 0; i < numUe; i++) {
            onAir[i] = v[i].copy();
        }
        this.bss = new BsAgent[numBs];
        int[] streams = new int[numUe];
        for (int i = 0; i < numUe; i++) {
            streams[i] = problem.streams(i);
        }
        for (int k = 0; k < numBs; k++) {
            int[] own = problem.uesOf(k);
            bss[k] = new BsAgent(this, k, own.length == 0 ? null
                    : steps.newBs(problem.bsAntennas(k), numUe, own, streams));
        }
        this.entries = new AgentMemory.Entry[numUe];
        this.ues = new UeAgent[numUe];
        // with neither losses nor late messages, the first round replaces every initialisation before it is read
        boolean persistent = memoryKind == MessageMemory.PERSISTENT;
        boolean initialisationRead = lossRule != null || link.lossProbability() > 0
                || link.latencyS() > link.uplinkPhaseS();
        for (int i = 0; i < numUe; i++) {
            int n = problem.ueAntennas(i);
            int d = problem.streams(i);
            AgentMemory.Entry e = this.ueIds == null ? null : memory.get(this.ueIds[i]);
            boolean known = e != null && e.fits(problem.servingBs(i), n, d, numBs, v[i]);
            boolean complete = known;
            if (known) {
                e.startSlot();
                for (int k = 0; k < numBs; k++) {
                    if (!coordination[i][k]) {
                        e.factorAt[k] = null; // out of range now: dropped
                    } else if (e.factorAt[k] == null) {
                        complete = false;
                    }
                }
                complete &= e.receiver != null && e.staged != null && e.pairedFactor != null;
            } else {
                e = new AgentMemory.Entry(problem.servingBs(i), n, d, numBs);
            }
            entries[i] = e;
            ues[i] = new UeAgent(this, i, steps.newUe(n, d), coordination[i], e, known);
            if (persistent && !complete && initialisationRead) {
                ues[i].initialise(v, !known);
            }
        }
        this.wsrAfterRound = new double[budget];
    }

    /** Runs the slot's rounds to the end of the schedule; returns the slot's report. */
    DistributedSlotReport run(long slot) {
        schedule.reset();
        t0 = System.nanoTime();
        wsrStart = RateEvaluator.wsrNat(problem, v);
        if (problem.numUe() > 0 && budget > 0) {
            at(startS, ORDER_PILOT, s -> {
                events++;
                startRound(0);
            });
        }
        while (schedule.step(state)) {
            // every event counts itself
        }
        if (ueIds != null) {
            for (int i = 0; i < entries.length; i++) {
                entries[i].endSlot(v[i]);
            }
            memory.keep(ueIds, entries);
        }
        return new DistributedSlotReport(slot, budget, roundsDone, events, sent, delivered, lost, late, bytesSent,
                bytesDelivered, wsrStart, java.util.Arrays.copyOf(wsrAfterRound, roundsDone));
    }

    /** @return the precoders after the last round, evaluated on the CSI problem, with the per-round trace */
    Solution solution() {
        List<Solution.IterationRecord> records = new ArrayList<>();
        for (IterationTrace t : trace) {
            records.add(new Solution.IterationRecord(t.round(), t.wsr(), t.nanos()));
        }
        return Solution.evaluated(problem, v, roundsDone, records);
    }

    /** @return t_r, the start of round r in seconds */
    double roundStartS(int round) {
        return startS + round * link.roundDurationS();
    }

    /** @return the end of round r's uplink phase (its BS step) in seconds */
    double bsStepS(int round) {
        return roundStartS(round) + link.roundDurationS();
    }

    /** Schedules an event (that counts itself) at {@code timeS}, not before the schedule's present. */
    void at(double timeS, int ordering, Steppable event) {
        schedule.scheduleOnce(Math.max(timeS, schedule.getTime()), ordering, event);
    }

    /** Counts a delivered pilot measurement. */
    void countPilotDelivered() {
        delivered[MessageType.DL_PILOTS.ordinal()]++;
    }

    /** An uplink delivery (the event of {@code m}): counts it, hands it to the receiver, frees the message. */
    void deliver(Message m) {
        events++;
        int t = m.type.ordinal();
        delivered[t]++;
        bytesDelivered[t] += m.bytes;
        if (link.latencyS() > link.uplinkPhaseS()) {
            late[t]++;
        }
        m.to.receive(m.type, m.round, m.from.index, m.payload);
        m.from.release(m);
    }

    /** @return whether a message is lost (one draw per message, or the loss rule) */
    private boolean lose(int round, MessageType type, int ue, int bs) {
        if (lossRule != null) {
            return lossRule.lost(slot, round, type, ue, bs);
        }
        return link.lossProbability() > 0 && rng.nextDouble() < link.lossProbability();
    }

    /**
     * Round start: the BSs transmit pilots, and every event of the round is scheduled now, at its time: pilot
     * measurements, UE steps, the deliveries of the uplink messages the UE steps will fill, BS steps, end of round.
     * (Scheduling all of a round's events from one event keeps their orderings meaningful when phases take no
     * time.) Losses are drawn per message here, in a fixed order.
     */
    private void startRound(int round) {
        for (int i = 0; i < v.length; i++) {
            onAir[i].setTo(v[i]);
        }
        double measuredS = roundStartS(round) + link.downlinkPhaseS();
        double deliveryS = measuredS + link.latencyS();
        int pilots = MessageType.DL_PILOTS.ordinal();
        for (UeAgent ue : ues) {
            sent[pilots]++;
            boolean pilotLost = lose(round, MessageType.DL_PILOTS, ue.index, -1);
            if (pilotLost) {
                lost[pilots]++;
            } else {
                at(measuredS, ORDER_PILOT, ue.pilotEvent);
            }
            if (!pilotLost || ue.hasMeasured()) {
                for (Message m : ue.outbox(round)) {
                    m.lost = lose(round, m.type, ue.index, m.to.index);
                    if (!m.lost) {
                        at(deliveryS, ORDER_DELIVERY, m);
                    }
                }
                at(measuredS, ORDER_UE, ue.stepFor(round));
            }
        }
        double bsS = bsStepS(round);
        for (BsAgent bs : bss) {
            at(bsS, ORDER_BS, bs.stepFor(round));
        }
        at(bsS, ORDER_END, s -> {
            events++;
            endRound(round);
        });
    }

    /** End of round: the WSR of the new precoders on the CSI problem; the next round if the budget allows. */
    private void endRound(int round) {
        double wsr = RateEvaluator.wsrNat(problem, v);
        wsrAfterRound[round] = wsr;
        roundsDone = round + 1;
        trace.add(new IterationTrace(round + 1, wsr, System.nanoTime() - t0));
        if (round + 1 < budget) {
            at(roundStartS(round + 1), ORDER_PILOT, s -> {
                events++;
                startRound(round + 1);
            });
        }
    }

    /** Sends a message the round start planned: fills in its payload, quantises it and counts it. */
    void send(Message m, ZMatrixRMaj entries) {
        int t = m.type.ordinal();
        m.payload.setTo(entries);
        Quantizer.apply(m.payload, link.bitsPerReal());
        m.bytes = link.payloadBytes(m.payload.getDataLength());
        sent[t]++;
        bytesSent[t] += m.bytes;
        if (m.lost) {
            lost[t]++;
        }
    }
}
