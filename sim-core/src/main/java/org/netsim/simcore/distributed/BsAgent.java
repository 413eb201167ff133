package org.netsim.simcore.distributed;

import java.util.Arrays;
import org.ejml.data.ZMatrixRMaj;
import org.netsim.precoding.linalg.ComplexOps;
import sim.engine.Steppable;

/**
 * BS k of the distributed mode. It keeps the latest factor F_j (F_j F_j^H = U_j W_j U_j^H) of every UE j that sent
 * it one and the latest U_i W_i of each of its own UEs i (a lost or late message leaves the last value). BS step at
 * the end of the uplink phase, with its local channels H_jk only ({@link AgentSteps.Bs}):
 * <pre>
 *   R_k = sum_{j heard} alpha_j H_jk^H F_j F_j^H H_jk           (4)  (UEs it never heard of are absent)
 *   V~_i = alpha_i H_ik^H U_i W_i,  i in I_k heard               (5)
 *   V_i from mu_k (3c) and (3d), or the GCN-WMMSE layer (13)-(15), for the heard own UEs
 * </pre>
 * Own UEs not heard from in this slot keep their precoders; the heard ones share the budget left,
 * P_k - sum_{unheard} ||V_i||_F^2, so the budget holds. Contributions are summed in UE index order whatever the
 * arrival order, so ideal links reproduce the centralized sums exactly.
 */
final class BsAgent {

    final int index;
    private final SlotRun run;
    private final AgentSteps.Bs step;          // null for a BS without UEs
    private final int[] own;
    private final ZMatrixRMaj[] factor;        // latest F_j heard, or null        [N_j x d_j]
    private final ZMatrixRMaj[] uw;            // latest U_i W_i of own UEs, or null  [N_i x d_i]
    private final ZMatrixRMaj[] candidate;     // V~_i of own UEs                   [M_k x d_i]
    private final int[] factorRound;
    private final int[] uwRound;
    private final int[] heard;

    BsAgent(SlotRun run, int index, AgentSteps.Bs step) {
        this.run = run;
        this.index = index;
        this.step = step;
        var p = run.problem;
        this.own = p.uesOf(index);
        this.factor = new ZMatrixRMaj[p.numUe()];
        this.uw = new ZMatrixRMaj[p.numUe()];
        this.candidate = new ZMatrixRMaj[p.numUe()];
        for (int i : own) {
            candidate[i] = new ZMatrixRMaj(p.bsAntennas(index), p.streams(i));
        }
        this.factorRound = new int[p.numUe()];
        this.uwRound = new int[p.numUe()];
        Arrays.fill(factorRound, -1);
        Arrays.fill(uwRound, -1);
        this.heard = new int[own.length];
        if (step != null) {
            step.startSlot();
        }
    }

    /**
     * A delivery: copied into the BS's own memory of that UE if it is newer than what the BS holds (a late message
     * overtaken by a newer one is dropped).
     */
    void receive(MessageType type, int round, int ue, ZMatrixRMaj payload) {
        if (type == MessageType.UL_COVARIANCE) {
            if (round > factorRound[ue]) {
                factor[ue] = keep(factor[ue], payload);
                factorRound[ue] = round;
            }
        } else if (type == MessageType.UL_RECEIVER) {
            if (round > uwRound[ue]) {
                uw[ue] = keep(uw[ue], payload);
                uwRound[ue] = round;
            }
        }
    }

    private static ZMatrixRMaj keep(ZMatrixRMaj held, ZMatrixRMaj payload) {
        if (held == null) {
            return payload.copy();
        }
        held.setTo(payload);
        return held;
    }

    /** @return the BS step of round {@code round}, an event at the end of the uplink phase */
    Steppable stepFor(int round) {
        return s -> step(round);
    }

    private void step(int round) {
        if (step == null) {
            return;
        }
        var p = run.problem;
        int numHeard = 0;
        double keptW = 0;
        for (int i : own) {
            if (uw[i] != null) {
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
            if (factor[j] != null) {
                step.addToCovariance(p.channel(j, index), factor[j], p.weight(j));
            }
        }
        int[] list = numHeard == own.length ? own : Arrays.copyOf(heard, numHeard);
        for (int i : list) {
            step.candidate(p.channel(i, index), uw[i], p.weight(i), candidate[i]);
        }
        step.updatePrecoders(candidate, list, budgetW, round, run.v);
    }
}
