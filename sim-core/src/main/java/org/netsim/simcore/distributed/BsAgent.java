package org.netsim.simcore.distributed;

import java.util.Arrays;
import org.ejml.data.ZMatrixRMaj;
import org.netsim.precoding.linalg.ComplexOps;
import sim.engine.Steppable;

/**
 * BS k of the distributed mode. It holds, in the UEs' {@link AgentMemory.Entry entries}, the latest factor F_j
 * (F_j F_j^H = U_j W_j U_j^H) of every UE j of whose coordination set it is part, and the latest U_i W_i of each
 * of its own UEs i: a lost or late message leaves the last value ({@link MessageMemory}: of an earlier round or
 * slot, or the initialisation; with {@link MessageMemory#SLOT}, nothing before the first delivery of the slot).
 * BS step at the end of the uplink phase, with its local channels H_jk only ({@link AgentSteps.Bs}):
 * <pre>
 *   R_k = sum_{j held} alpha_j H_jk^H F_j F_j^H H_jk            (4)  (UEs without a held F_j are absent)
 *   V~_i = alpha_i H_ik^H U_i W_i,  i in I_k held               (5)
 *   V_i from mu_k (3c) and (3d), or the GCN-WMMSE layer (13)-(15), for the own UEs held
 * </pre>
 * (equations of the GCN-WMMSE paper "Coordinated Sum-Rate Maximization in Multicell MU-MIMO with Deep
 * Unrolling"). Own UEs without a held U_i W_i keep their precoders; the others share the budget left,
 * P_k - sum_{not held} ||V_i||_F^2, so the budget holds. Contributions are summed in UE index order whatever the
 * arrival order, so ideal links reproduce the centralized sums exactly.
 */
final class BsAgent {

    final int index;
    private final SlotRun run;
    private final AgentSteps.Bs step;          // null for a BS without UEs
    private final int[] own;
    private final ZMatrixRMaj[] candidate;     // V~_i of own UEs                   [M_k x d_i]
    private final int[] heard;
    private int pendingRound;
    /** The BS step of {@link #pendingRound}, one reused event. */
    private final Steppable stepEvent;

    BsAgent(SlotRun run, int index, AgentSteps.Bs step) {
        this.run = run;
        this.index = index;
        this.step = step;
        var p = run.problem;
        this.own = p.uesOf(index);
        this.candidate = new ZMatrixRMaj[p.numUe()];
        for (int i : own) {
            candidate[i] = new ZMatrixRMaj(p.bsAntennas(index), p.streams(i));
        }
        this.heard = new int[own.length];
        if (step != null) {
            step.startSlot();
        }
        stepEvent = s -> {
            run.events++;
            step(pendingRound);
        };
    }

    /**
     * A delivery: copied into the held value of that UE if it is newer than what the BS holds (a late message
     * overtaken by a newer one is dropped).
     */
    void receive(MessageType type, int round, int ue, ZMatrixRMaj payload) {
        AgentMemory.Entry e = run.entries[ue];
        if (type == MessageType.UL_COVARIANCE) {
            if (e.factorAt[index] == null) {
                e.factorAt[index] = new AgentMemory.Held(payload.numRows, payload.numCols);
            }
            keep(e.factorAt[index], round, payload);
        } else if (type == MessageType.UL_RECEIVER) {
            if (run.pairs) {
                if (e.staged == null) {
                    e.staged = new AgentMemory.Held(payload.numRows, payload.numCols);
                }
                keep(e.staged, round, payload);
            } else {
                if (e.receiver == null) {
                    e.receiver = new AgentMemory.Held(payload.numRows, payload.numCols);
                }
                keep(e.receiver, round, payload);
            }
        }
    }

    private static void keep(AgentMemory.Held held, int round, ZMatrixRMaj payload) {
        if (round > held.round) {
            held.value.setTo(payload);
            held.round = round;
        }
    }

    /**
     * Persistent memory: own UE i's F_i and U_i W_i become the pair the step uses only together, when both of one
     * round newer than the pair have arrived; if one of them is lost, the step keeps the older pair. (Mixing a
     * fresh F_i in R_k with a stale U_i W_i in V~_i, or the reverse, mismatches the scale W_i between the two terms
     * of V_i = (R_k + mu I)^-1 V~_i; on {@code urban-7cell} that mismatch, not the staleness, was what losses cost.)
     */
    private void commitPair(AgentMemory.Entry e) {
        AgentMemory.Held f = e.factorAt[index];
        AgentMemory.Held uw = e.staged;
        if (f == null || uw == null || f.round != uw.round) {
            return;
        }
        if (e.receiver == null) {
            e.receiver = new AgentMemory.Held(uw.value.numRows, uw.value.numCols);
        }
        if (e.pairedFactor == null) {
            e.pairedFactor = new AgentMemory.Held(f.value.numRows, f.value.numCols);
        }
        if (uw.round > e.receiver.round || e.receiver.round < 0 && uw.round >= 0) {
            e.receiver.value.setTo(uw.value);
            e.receiver.round = uw.round;
            e.pairedFactor.value.setTo(f.value);
            e.pairedFactor.round = f.round;
        }
    }

    /** @return the BS step of round {@code round}, an event at the end of the uplink phase */
    Steppable stepFor(int round) {
        pendingRound = round;
        return stepEvent;
    }

    private void step(int round) {
        if (step == null) {
            return;
        }
        var p = run.problem;
        if (run.pairs) {
            for (int i : own) {
                commitPair(run.entries[i]);
            }
        }
        int numHeard = 0;
        double keptW = 0;
        for (int i : own) {
            if (run.entries[i].receiver != null) {
                heard[numHeard++] = i;
            } else {
                keptW += ComplexOps.frobeniusSquared(run.v[i]);
            }
        }
        if (numHeard == 0) {
            return;
        }
        double budgetW = p.bsPowerW(index) - keptW;
        if (!(budgetW > 1e-12 * p.bsPowerW(index))) {
            return;
        }
        step.resetCovariance();
        for (int j = 0; j < p.numUe(); j++) {
            AgentMemory.Entry e = run.entries[j];
            AgentMemory.Held f = run.pairs && e.servingBs == index && e.pairedFactor != null ? e.pairedFactor
                    : e.factorAt[index];
            if (f != null) {
                step.addToCovariance(p.channel(j, index), f.value, p.weight(j));
            }
        }
        int[] list = numHeard == own.length ? own : Arrays.copyOf(heard, numHeard);
        for (int i : list) {
            step.candidate(p.channel(i, index), run.entries[i].receiver.value, p.weight(i), candidate[i]);
        }
        step.updatePrecoders(candidate, list, budgetW, round, run.v);
    }
}
