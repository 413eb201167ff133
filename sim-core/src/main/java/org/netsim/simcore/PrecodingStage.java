package org.netsim.simcore;

import java.util.HashMap;
import java.util.Map;
import org.ejml.data.ZMatrixRMaj;
import org.netsim.precoding.Init;
import org.netsim.precoding.InitialPrecoders;
import org.netsim.precoding.Precoder;
import org.netsim.precoding.Problem;
import org.netsim.precoding.Solution;

/**
 * The precoding phase of a slot (DESIGN.md phase 4): calls the precoder on the problem built from the CSI the BSs
 * hold, warm-started from the previous slot's precoders.
 *
 * <p>Warm start: a UE that kept its serving cell since the last slot (and its antenna and stream counts) starts
 * from its last precoder V_i, unless that precoder was switched off (V_i = 0 is a fixed point of WMMSE); every other UE starts from the fresh initialisation ({@code fresh}, MRC by default)
 * of this slot's problem. The combined start is scaled down per BS if it exceeds the budget (a BS that gained UEs),
 * as {@link Init#given} does. With warm start off, every slot starts fresh. Precoders that are closed-form ignore
 * the start. Optionally the weights of the problem are replaced by proportional-fair ones
 * ({@link #withProportionalFairWeights}). Not thread-safe: one instance per network.
 */
public final class PrecodingStage {

    /**
     * Result of one slot's precoding.
     *
     * @param rounds communication rounds (distributed execution; 0 when centralized)
     * @param messages messages delivered (distributed execution; 0 when centralized)
     * @param bytes payload bytes delivered (distributed execution; 0 when centralized)
     */
    public record Result(Solution solution, double seconds, int warmStarted, int rounds, long messages, long bytes) {

        /** A centralized result (no rounds, messages or bytes). */
        public Result(Solution solution, double seconds, int warmStarted) {
            this(solution, seconds, warmStarted, 0, 0, 0);
        }
    }

    private record Memory(int servingCell, ZMatrixRMaj precoder) {
    }

    private final Precoder precoder;
    private final Init fresh;
    private final boolean warmStart;
    private final Map<Integer, Memory> last = new HashMap<>();
    private ProportionalFairWeights fairness;
    private SlotPrecoding execution;
    private long calls;

    /**
     * @param precoder the precoder called every slot
     * @param fresh the initialisation of UEs without a usable previous precoder (not {@link Init.Kind#GIVEN})
     * @param warmStart whether to start from the previous slot's precoders
     */
    public PrecodingStage(Precoder precoder, Init fresh, boolean warmStart) {
        if (fresh.kind() == Init.Kind.GIVEN) {
            throw new IllegalArgumentException("fresh initialisation: must be mrc, zf or random, not given");
        }
        this.precoder = precoder;
        this.fresh = fresh;
        this.warmStart = warmStart;
    }

    /**
     * Makes the precoder maximise a proportional-fair weighted sum rate (see {@link ProportionalFairWeights})
     * instead of the problem's own weights.
     *
     * @return this stage
     */
    public PrecodingStage withProportionalFairWeights(double timeConstantSlots) {
        this.fairness = new ProportionalFairWeights(timeConstantSlots);
        return this;
    }

    /**
     * Runs the slot's precoding through {@code execution} (e.g. the distributed message-passing mode) instead of a
     * call of the precoder; warm start and weights are unchanged.
     *
     * @return this stage
     */
    public PrecodingStage withExecution(SlotPrecoding execution) {
        this.execution = java.util.Objects.requireNonNull(execution, "execution");
        return this;
    }

    /** @return the execution set by {@link #withExecution}, or null when the precoder is called centrally */
    public SlotPrecoding execution() {
        return execution;
    }

    /**
     * Tells the stage the rates the UEs achieved in the slot (for proportional-fair weights); no-op otherwise. The
     * UEs listed are all UEs of the slot: the averages of UEs that left are dropped.
     */
    public void observeRates(int[] ueIds, double[] ratesNat) {
        if (fairness != null) {
            fairness.observe(ueIds, ratesNat);
            fairness.retainOnly(ueIds);
        }
    }

    /**
     * A precoder the last solve switched off (power below 1e-9 of the fresh start's) is not carried over: V_i = 0 is a
     * fixed point of WMMSE-type iterations (U_i = 0, so the candidate beamformer is 0), so a warm start from it would
     * keep the UE off whatever its weight.
     */
    private static boolean switchedOff(ZMatrixRMaj previous, ZMatrixRMaj fresh) {
        return org.netsim.precoding.linalg.ComplexOps.frobeniusSquared(previous)
                <= 1e-9 * org.netsim.precoding.linalg.ComplexOps.frobeniusSquared(fresh);
    }

    /** @return the precoder */
    public Precoder precoder() {
        return precoder;
    }

    /**
     * Precodes one slot.
     *
     * @param csiProblem the problem as the BSs see it (their CSI); not modified
     * @param ueIds stable identifier of each UE of the problem, in problem order
     * @return the solution (its WSR is the one on {@code csiProblem}), the wall-clock seconds of the solve, and how
     *     many UEs were warm-started
     */
    public Result precode(Problem csiProblem, int[] ueIds) {
        return precode(csiProblem, ueIds, SlotContext.untimed(calls, ueIds));
    }

    /**
     * Precodes one slot with its context (time and geometry, used by a distributed execution). The execution sees
     * {@code ueIds} as the context's UE identities.
     *
     * @throws IllegalArgumentException if the context carries other UE identities than {@code ueIds}
     * @see #precode(Problem, int[])
     */
    public Result precode(Problem csiProblem, int[] ueIds, SlotContext context) {
        calls++;
        if (ueIds.length != csiProblem.numUe()) {
            throw new IllegalArgumentException("ueIds: expected " + csiProblem.numUe() + ", got " + ueIds.length);
        }
        if (context.ueIds() == null) {
            context = context.withUeIds(ueIds);
        } else if (!java.util.Arrays.equals(context.ueIds(), ueIds)) {
            throw new IllegalArgumentException("context: its UE identities differ from ueIds");
        }
        long t0 = System.nanoTime();
        if (fairness != null) {
            csiProblem = csiProblem.toBuilder().weights(fairness.weights(ueIds)).build();
        }
        Init init = fresh;
        int warm = 0;
        if (warmStart && !last.isEmpty()) {
            ZMatrixRMaj[] start = InitialPrecoders.create(csiProblem, fresh);
            for (int i = 0; i < ueIds.length; i++) {
                Memory m = last.get(ueIds[i]);
                if (m != null && m.servingCell() == csiProblem.servingBs(i)
                        && m.precoder().numRows == start[i].numRows && m.precoder().numCols == start[i].numCols
                        && !switchedOff(m.precoder(), start[i])) {
                    start[i] = m.precoder();
                    warm++;
                }
            }
            if (warm > 0) {
                init = Init.given(start);
            }
        }
        SlotPrecoding.Outcome outcome = execution == null
                ? new SlotPrecoding.Outcome(precoder.solve(csiProblem, init), 0, 0, 0)
                : execution.solve(csiProblem, init, context);
        Solution s = outcome.solution();
        double seconds = (System.nanoTime() - t0) / 1e9;
        last.clear();
        for (int i = 0; i < ueIds.length; i++) {
            last.put(ueIds[i], new Memory(csiProblem.servingBs(i), s.precoder(i)));
        }
        return new Result(s, seconds, warm, outcome.rounds(), outcome.messages(), outcome.bytes());
    }
}
