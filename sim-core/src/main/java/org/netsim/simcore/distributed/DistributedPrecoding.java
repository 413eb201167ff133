package org.netsim.simcore.distributed;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.ejml.data.ZMatrixRMaj;
import org.netsim.precoding.Init;
import org.netsim.precoding.Precoder;
import org.netsim.precoding.Problem;
import org.netsim.simcore.SlotContext;
import org.netsim.simcore.SlotPrecoding;
import sim.engine.SimState;

/**
 * The distributed message-passing mode of the precoding phase (DESIGN.md phase 4): UEs and BSs are agents that
 * exchange exactly the quantities WMMSE and GCN-WMMSE exchange (GCN-WMMSE paper "Coordinated Sum-Rate Maximization
 * in Multicell MU-MIMO with Deep Unrolling", end of §II-B and §III-D; Shi et al. 2011), as discrete events on a
 * MASON schedule whose time is in seconds inside the slot, so rounds, messages and bytes are counted, not estimated.
 *
 * <p>One round r (one WMMSE iteration, one GCN-WMMSE layer), starting at t_r = t_slot + r (T_DL + T_UL):
 * <pre>
 *   t_r               every BS transmits precoded pilots (its current V_i)
 *   t_r + T_DL        UE i has measured J_i and G_i = H_ik V_i (a BS->UE exchange, {@link MessageType#DL_PILOTS});
 *                     UE step: U_i, W_i (3a), (3b) or the filter (12), from Z_i = J_i - G_i G_i^H
 *                     UE i sends U_i W_i U_i^H (as F_i) to every BS of its coordination set, U_i W_i to its BS
 *   t_r + T_DL + lat  deliveries (late if after the end of the uplink phase)
 *   t_r + T_DL + T_UL BS step: R_k (4) from what BS k heard, V~_i (5), mu_k (3c), V_i (3d) or the GCN (13)-(15)
 * </pre>
 * The agents call the step functions the centralized solvers compose ({@link AgentSteps}): with ideal links, full
 * coordination and a budget that does not bind, r rounds give the precoders of r centralized iterations.
 *
 * <p>Round budget per slot: min(fixed cap (if any), rounds fitting in the slot by the phase durations, the
 * algorithm's depth (GCN-WMMSE: L layers)); the precoders of the last round are used when the slot ends. The warm
 * start of {@link org.netsim.simcore.PrecodingStage} carries the iteration across slots (tracking), so e.g. 2 rounds
 * per slot keep improving a slowly varying channel; GCN-WMMSE starts each slot at layer 0 from the warm start.
 *
 * <p>Imperfections: a lost pilot measurement leaves the UE with its last measurement, a lost or late uplink message
 * leaves the BS with the last value it had of that UE; what "last" means is the {@link MessageMemory}: by default
 * ({@link MessageMemory#PERSISTENT}) the agents' memory persists across slots keyed by the UE ids of the
 * {@link SlotContext}, and a value not held yet is the initialisation computed from the slot's start precoders;
 * {@link MessageMemory#SLOT} starts every slot empty and treats UEs not heard in the slot as absent. Every BS
 * budget holds after every round. Loss draws come from a stream seeded per slot ({@code seed}, slot index), so
 * runs repeat exactly.
 *
 * <p>Not thread-safe: one instance per network.
 */
public final class DistributedPrecoding implements SlotPrecoding {

    /** No fixed cap on the rounds per slot: as many as fit in the slot. */
    public static final int AUTO_ROUNDS = 0;

    private final AgentSteps steps;
    private final LinkModel link;
    private final CoordinationRange range;
    private final int maxRounds;
    private final double slotDurationS;
    private final long seed;
    private final MessageMemory memoryKind;
    private final AgentMemory memory = new AgentMemory();
    private final SimState agents = new SimState(0);
    private final List<DistributedListener> listeners = new ArrayList<>();
    private LossRule lossRule;
    private long lastMessageBuffers;

    /**
     * Which messages are lost, decided per message instead of by the random draws (tests: a chosen message lost).
     */
    @FunctionalInterface
    interface LossRule {
        /**
         * @param bs the receiving BS, or -1 for a UE's pilot measurement
         * @return whether that message of that slot and round (0-based) is lost
         */
        boolean lost(long slot, int round, MessageType type, int ue, int bs);
    }

    /**
     * @param precoder the algorithm (wmmse or gcn-wmmse, whose step functions the agents call)
     * @param link the link model
     * @param range the coordination range
     * @param maxRounds fixed cap on rounds per slot, or {@link #AUTO_ROUNDS} (then the phases must take time)
     * @param slotDurationS the slot duration in seconds
     * @param seed the seed of the loss draws
     * @throws IllegalArgumentException naming the setting, if the precoder has no agent steps or the budget is
     *     unbounded
     */
    public DistributedPrecoding(Precoder precoder, LinkModel link, CoordinationRange range, int maxRounds,
            double slotDurationS, long seed) {
        this(precoder, link, range, maxRounds, slotDurationS, seed, MessageMemory.PERSISTENT);
    }

    /**
     * @param memoryKind what receivers use for a message that does not arrive
     * @see #DistributedPrecoding(Precoder, LinkModel, CoordinationRange, int, double, long)
     */
    public DistributedPrecoding(Precoder precoder, LinkModel link, CoordinationRange range, int maxRounds,
            double slotDurationS, long seed, MessageMemory memoryKind) {
        this.memoryKind = Objects.requireNonNull(memoryKind, "memoryKind");
        this.steps = AgentSteps.of(Objects.requireNonNull(precoder, "precoder"));
        this.link = Objects.requireNonNull(link, "link");
        this.range = Objects.requireNonNull(range, "range");
        if (maxRounds < 0) {
            throw new IllegalArgumentException("rounds: must be >= 1 or auto, got " + maxRounds);
        }
        if (!(slotDurationS > 0) || Double.isInfinite(slotDurationS)) {
            throw new IllegalArgumentException("slotDurationS: must be finite and > 0, got " + slotDurationS);
        }
        if (maxRounds == AUTO_ROUNDS && link.roundDurationS() == 0) {
            throw new IllegalArgumentException("rounds: auto needs downlinkPhaseS + uplinkPhaseS > 0 (else give a "
                    + "fixed number of rounds)");
        }
        this.maxRounds = maxRounds;
        this.slotDurationS = slotDurationS;
        this.seed = seed;
        if (roundBudget() < 1) {
            throw new IllegalArgumentException("distributed: no round fits in the slot (downlinkPhaseS + "
                    + "uplinkPhaseS = " + link.roundDurationS() + " s > slotDurationS = " + slotDurationS + " s)");
        }
    }

    /** Adds a listener that receives every slot's {@link DistributedSlotReport}. */
    public DistributedPrecoding addListener(DistributedListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /** Removes a listener added before (no-op if absent). */
    public void removeListener(DistributedListener listener) {
        listeners.remove(listener);
    }

    /** @return the rounds each slot runs: min(cap, rounds fitting, algorithm depth) */
    public int roundBudget() {
        int budget = Math.min(link.roundsFitting(slotDurationS), steps.maxRounds());
        return maxRounds == AUTO_ROUNDS ? budget : Math.min(maxRounds, budget);
    }

    /** @return the algorithm's name (wmmse or gcn-wmmse) */
    public String algorithm() {
        return steps.name();
    }

    /** @return the link model */
    public LinkModel link() {
        return link;
    }

    /** Replaces the random loss draws by {@code rule} (null: back to the draws). */
    DistributedPrecoding lossRule(LossRule rule) {
        this.lossRule = rule;
        return this;
    }

    /**
     * @return a copy of the F_j (ul_covariance) or U_j W_j (ul_receiver) BS {@code bs} holds for the next slot of
     *     UE {@code ueId}, or null if it holds none
     */
    ZMatrixRMaj held(int ueId, MessageType type, int bs) {
        AgentMemory.Entry e = memory.get(ueId);
        if (e == null) {
            return null;
        }
        AgentMemory.Held h = type == MessageType.UL_COVARIANCE ? e.factorAt[bs]
                : type == MessageType.UL_RECEIVER && e.servingBs == bs ? e.receiver : null;
        return h == null ? null : h.value.copy();
    }

    /** @return the message objects (payload buffers) the last slot allocated */
    long lastSlotMessageBuffers() {
        return lastMessageBuffers;
    }

    /** @return what receivers use for a message that does not arrive */
    public MessageMemory memory() {
        return memoryKind;
    }

    /** @return the number of UEs whose values the agents hold for the next slot (0 with {@link MessageMemory#SLOT}) */
    public int heldUes() {
        return memory.size();
    }

    /** @return the coordination range */
    public CoordinationRange range() {
        return range;
    }

    @Override
    public Outcome solve(Problem csiProblem, Init init, SlotContext context) {
        SplittableRandom rng = new SplittableRandom(org.netsim.radio.random.RandomStreams.seedOf(seed,
                "distributed/slot/" + context.slot()));
        int[] ids = context.ueIds();
        if (ids != null) {
            checkIds(ids, csiProblem.numUe());
        }
        SlotRun run = new SlotRun(csiProblem, init, steps, link, range.sets(csiProblem, context), roundBudget(),
                context.startTimeS(), rng, agents, memoryKind, memory, ids, context.slot(), lossRule);
        DistributedSlotReport report = run.run(context.slot());
        lastMessageBuffers = run.messageBuffers;
        for (DistributedListener l : listeners) {
            l.onSlot(report);
        }
        return new Outcome(run.solution(), report.rounds(), report.messagesDelivered(),
                report.bytesDeliveredTotal());
    }

    private static void checkIds(int[] ids, int numUe) {
        if (ids.length != numUe) {
            throw new IllegalArgumentException("context.ueIds: expected " + numUe + " ids, got " + ids.length);
        }
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int id : ids) {
            if (!seen.add(id)) {
                throw new IllegalArgumentException("context.ueIds: id " + id + " appears twice");
            }
        }
    }
}
