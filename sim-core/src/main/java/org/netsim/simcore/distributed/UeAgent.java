package org.netsim.simcore.distributed;

import org.ejml.data.ZMatrixRMaj;
import org.netsim.precoding.classic.UeMeasurement;
import sim.engine.Steppable;

/**
 * UE i of the distributed mode. Downlink phase: from the BSs' precoded pilots it measures its effective channels
 * G_ij = H_{i k_j} V_j and so its interference-plus-noise covariance Z_i = J_i - G_ii G_ii^H ({@link UeMeasurement},
 * the measurement the centralized solvers use). UE step: U_i, W_i, U_i W_i and the factor F_i from its last
 * measurement ({@link AgentSteps.Ue}); then it sends F_i ({@link MessageType#UL_COVARIANCE}) to every BS of its
 * coordination set and U_i W_i ({@link MessageType#UL_RECEIVER}) to its serving BS. Without any measurement in the
 * slot yet (its pilots lost), it sends nothing.
 */
final class UeAgent {

    final int index;
    private final SlotRun run;
    private final AgentSteps.Ue step;
    private final boolean[] coordination;
    private final ZMatrixRMaj[] cross;       // G_ij                  [N_i x d_j]
    private final ZMatrixRMaj interference;  // Z_i                   [N_i x N_i]
    private final ZMatrixRMaj effective;     // G_ii of the last measurement   [N_i x d_i]
    private final ZMatrixRMaj u;             // U_i                   [N_i x d_i]
    private final ZMatrixRMaj w;             // W_i                   [d_i x d_i]
    private final ZMatrixRMaj uw;            // U_i W_i               [N_i x d_i]
    private final ZMatrixRMaj factor;        // F_i                   [N_i x d_i]
    private boolean measured;
    private final java.util.List<Message> outbox = new java.util.ArrayList<>();

    UeAgent(SlotRun run, int index, AgentSteps.Ue step, boolean[] coordination) {
        this.run = run;
        this.index = index;
        this.step = step;
        this.coordination = coordination.clone();
        var p = run.problem;
        int n = p.ueAntennas(index);
        int d = p.streams(index);
        cross = new ZMatrixRMaj[p.numUe()];
        for (int j = 0; j < p.numUe(); j++) {
            cross[j] = new ZMatrixRMaj(n, p.streams(j));
        }
        interference = new ZMatrixRMaj(n, n);
        effective = new ZMatrixRMaj(n, d);
        u = new ZMatrixRMaj(n, d);
        w = new ZMatrixRMaj(d, d);
        uw = new ZMatrixRMaj(n, d);
        factor = new ZMatrixRMaj(n, d);
    }

    /** End of the downlink phase: measures the pilots on air (the round's precoders). */
    void measure() {
        UeMeasurement.measure(run.problem, index, run.onAir, cross, interference);
        effective.setTo(cross[index]);
        measured = true;
    }

    /** @return whether the UE has measured pilots in this slot (so it can step even if this round's are lost) */
    boolean hasMeasured() {
        return measured;
    }

    /**
     * @return the messages the UE step of round {@code round} will send, in order: F_i to each BS of the
     *     coordination set, then U_i W_i to the serving BS (new messages, their payloads to be filled)
     */
    java.util.List<Message> outbox(int round) {
        outbox.clear();
        int n = run.problem.ueAntennas(index);
        int d = run.problem.streams(index);
        for (int k = 0; k < coordination.length; k++) {
            if (coordination[k]) {
                outbox.add(new Message(MessageType.UL_COVARIANCE, round, this, run.bss[k], new ZMatrixRMaj(n, d)));
            }
        }
        outbox.add(new Message(MessageType.UL_RECEIVER, round, this, run.bss[run.problem.servingBs(index)],
                new ZMatrixRMaj(n, d)));
        return outbox;
    }

    /** @return the UE step of round {@code round}, an event at the end of the downlink phase */
    Steppable stepFor(int round) {
        return s -> step(round);
    }

    private void step(int round) {
        if (!measured) {
            return;
        }
        step.compute(interference, effective, round, u, w, uw, factor);
        for (Message m : outbox) {
            run.send(m, m.type == MessageType.UL_COVARIANCE ? factor : uw);
        }
    }
}
