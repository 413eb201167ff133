package org.netsim.simcore.distributed;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import org.netsim.precoding.classic.UeMeasurement;
import sim.engine.Steppable;

/**
 * UE i of the distributed mode. Downlink phase: from the BSs' precoded pilots it measures its effective channels
 * G_ij = H_{i k_j} V_j and so its interference-plus-noise covariance Z_i = J_i - G_ii G_ii^H ({@link UeMeasurement},
 * the measurement the centralized solvers use). UE step: U_i, W_i, U_i W_i and the factor F_i from its last
 * measurement ({@link AgentSteps.Ue}); then it sends F_i ({@link MessageType#UL_COVARIANCE}) to every BS of its
 * coordination set and U_i W_i ({@link MessageType#UL_RECEIVER}) to its serving BS.
 *
 * <p>Its last measurement (Z_i, G_ii) lives in its {@link AgentMemory.Entry}: with {@link MessageMemory#PERSISTENT}
 * it is the one of an earlier round or slot, or the initialisation; with {@link MessageMemory#SLOT} a UE without
 * a measurement in the slot yet (its pilots lost) sends nothing.
 *
 * <p>Messages are taken from a free list per link and returned once delivered or lost; a list grows only when a
 * link has a message in flight past the next round's UE step (latency of a round or more).
 */
final class UeAgent {

    final int index;
    final SlotRun run;
    private final AgentSteps.Ue step;
    private final AgentMemory.Entry memory;
    private final ZMatrixRMaj[] cross;       // G_ij                  [N_i x d_j]
    private final ZMatrixRMaj u;             // U_i                   [N_i x d_i]
    private final ZMatrixRMaj w;             // W_i                   [d_i x d_i]
    private final ZMatrixRMaj uw;            // U_i W_i               [N_i x d_i]
    private final ZMatrixRMaj factor;        // F_i                   [N_i x d_i]
    private boolean measured;
    private final MessageType[] linkType;    // per link: the message type
    private final BsAgent[] linkTo;          // per link: the receiver
    private final List<ArrayDeque<Message>> free = new ArrayList<>();
    private final List<Message> outbox = new ArrayList<>();
    private int pendingRound;
    /** The UE step of {@link #pendingRound}, one reused event (a round's step runs before the next is planned). */
    private final Steppable stepEvent;
    /** The pilot measurement, one reused event. */
    final Steppable pilotEvent;

    /**
     * @param memory the UE's entry (measurement and held values), of this slot
     * @param coordination in[k] = whether the UE sends F_i to BS k
     * @param measured whether {@code memory} holds a measurement already
     */
    UeAgent(SlotRun run, int index, AgentSteps.Ue step, boolean[] coordination, AgentMemory.Entry memory,
            boolean measured) {
        this.run = run;
        this.index = index;
        this.step = step;
        this.memory = memory;
        this.measured = measured;
        var p = run.problem;
        int n = p.ueAntennas(index);
        int d = p.streams(index);
        cross = new ZMatrixRMaj[p.numUe()];
        for (int j = 0; j < p.numUe(); j++) {
            cross[j] = new ZMatrixRMaj(n, p.streams(j));
        }
        u = new ZMatrixRMaj(n, d);
        w = new ZMatrixRMaj(d, d);
        uw = new ZMatrixRMaj(n, d);
        factor = new ZMatrixRMaj(n, d);
        int links = 1;
        for (boolean in : coordination) {
            links += in ? 1 : 0;
        }
        linkType = new MessageType[links];
        linkTo = new BsAgent[links];
        int l = 0;
        for (int k = 0; k < coordination.length; k++) {
            if (coordination[k]) {
                linkType[l] = MessageType.UL_COVARIANCE;
                linkTo[l++] = run.bss[k];
            }
        }
        linkType[l] = MessageType.UL_RECEIVER;
        linkTo[l] = run.bss[p.servingBs(index)];
        for (int m = 0; m < links; m++) {
            free.add(new ArrayDeque<>(2));
        }
        stepEvent = s -> {
            run.events++;
            step(pendingRound);
        };
        pilotEvent = s -> {
            run.events++;
            run.countPilotDelivered();
            measure();
        };
    }

    /**
     * The initialisation ({@link MessageMemory#PERSISTENT}): measures the start precoders, runs the first round's
     * UE step on that measurement, and sets every value not held yet to its result: the measurement if
     * {@code newMeasurement}, F_i at each BS of the coordination set without one, U_i W_i at the serving BS if it
     * has none.
     *
     * @param start the slot's start precoders V^0; not modified
     */
    void initialise(ZMatrixRMaj[] start, boolean newMeasurement) {
        var p = run.problem;
        int n = p.ueAntennas(index);
        int d = p.streams(index);
        ZMatrixRMaj z = newMeasurement ? memory.interference : new ZMatrixRMaj(n, n);
        UeMeasurement.measure(p, index, start, cross, z);
        ZMatrixRMaj g = newMeasurement ? memory.effective : cross[index];
        if (newMeasurement) {
            g.setTo(cross[index]);
            measured = true;
        }
        step.compute(z, g, 0, u, w, uw, factor);
        for (BsAgent bs : linkTo) {
            if (run.coordination[index][bs.index] && memory.factorAt[bs.index] == null) {
                memory.factorAt[bs.index] = new AgentMemory.Held(n, d);
                memory.factorAt[bs.index].value.setTo(factor);
            }
        }
        if (memory.receiver == null) {
            memory.receiver = new AgentMemory.Held(n, d);
            memory.receiver.value.setTo(uw);
            memory.staged = new AgentMemory.Held(n, d);
            memory.staged.value.setTo(uw);
            memory.pairedFactor = new AgentMemory.Held(n, d);
            memory.pairedFactor.value.setTo(factor);
        }
    }

    /** End of the downlink phase: measures the pilots on air (the round's precoders). */
    void measure() {
        UeMeasurement.measure(run.problem, index, run.onAir, cross, memory.interference);
        memory.effective.setTo(cross[index]);
        measured = true;
    }

    /** @return whether the UE holds a measurement (so it can step even if this round's pilots are lost) */
    boolean hasMeasured() {
        return measured;
    }

    /**
     * @return the messages the UE step of round {@code round} will send, in order: F_i to each BS of the
     *     coordination set, then U_i W_i to the serving BS (from the free lists; payloads to be filled)
     */
    List<Message> outbox(int round) {
        outbox.clear();
        int n = run.problem.ueAntennas(index);
        int d = run.problem.streams(index);
        for (int l = 0; l < linkType.length; l++) {
            Message m = free.get(l).poll();
            if (m == null) {
                m = new Message(linkType[l], this, linkTo[l], l, new ZMatrixRMaj(n, d));
                run.messageBuffers++;
            }
            m.round = round;
            m.lost = false;
            m.bytes = 0;
            outbox.add(m);
        }
        return outbox;
    }

    /** Returns a delivered or lost message to its link's free list. */
    void release(Message m) {
        free.get(m.link).add(m);
    }

    /** @return the UE step of round {@code round}, an event at the end of the downlink phase */
    Steppable stepFor(int round) {
        pendingRound = round;
        return stepEvent;
    }

    private void step(int round) {
        if (!measured) {
            return;
        }
        step.compute(memory.interference, memory.effective, round, u, w, uw, factor);
        for (Message m : outbox) {
            run.send(m, m.type == MessageType.UL_COVARIANCE ? factor : uw);
            if (m.lost) {
                release(m);
            }
        }
    }
}
