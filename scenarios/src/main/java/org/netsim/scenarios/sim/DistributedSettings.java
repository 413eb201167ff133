package org.netsim.scenarios.sim;

import java.util.List;
import org.netsim.precoding.Precoder;
import org.netsim.scenarios.config.ConfigTree;
import org.netsim.scenarios.config.ScenarioFormatException;
import org.netsim.simcore.distributed.CoordinationRange;
import org.netsim.simcore.distributed.DistributedPrecoding;
import org.netsim.simcore.distributed.LinkModel;
import org.netsim.simcore.distributed.MessageMemory;

/**
 * The {@code mode} key and the {@code distributed} block of a scenario file (docs/scenarios.md): whether the
 * precoding phase calls the precoder centrally or runs it as message rounds between UE and BS agents
 * ({@link DistributedPrecoding}), and the link model, round budget and coordination range of the rounds.
 *
 * @param distributed whether {@code mode: distributed}
 * @param link the link model
 * @param range the coordination range
 * @param rounds the fixed cap on rounds per slot, or {@link DistributedPrecoding#AUTO_ROUNDS}
 * @param memory what receivers use for a message that does not arrive ({@code distributed.memory})
 */
public record DistributedSettings(boolean distributed, LinkModel link, CoordinationRange range, int rounds,
        MessageMemory memory) {

    /** Default duration of each phase of a round: 0.1 ms, so a 1 ms slot fits 5 rounds. */
    public static final double DEFAULT_PHASE_S = 1e-4;

    /** Reads {@code mode} and {@code distributed.*} (every key is read and recorded, whatever the mode). */
    static DistributedSettings from(ConfigTree tree) {
        boolean on = tree.getChoice("mode", "centralized", List.of("centralized", "distributed"))
                .equals("distributed");
        tree.markMapping("distributed");
        String roundsText = tree.getString("distributed.rounds", "auto").trim();
        int rounds;
        if (roundsText.equalsIgnoreCase("auto")) {
            rounds = DistributedPrecoding.AUTO_ROUNDS;
        } else {
            rounds = tree.getInt("distributed.rounds", 1, 1, 100_000);
        }
        double downlinkS = tree.getDouble("distributed.downlinkPhaseS", DEFAULT_PHASE_S, 0, 10);
        double uplinkS = tree.getDouble("distributed.uplinkPhaseS", DEFAULT_PHASE_S, 0, 10);
        double latencyS = tree.getDouble("distributed.latencyS", 0, 0, 10);
        double loss = tree.getDouble("distributed.lossProbability", 0, 0, 0.999);
        int bits = tree.getInt("distributed.bitsPerReal", 64, 1, 64);
        MessageMemory memory = MessageMemory.valueOf(tree.getChoice("distributed.memory",
                MessageMemory.PERSISTENT.key(), List.of(MessageMemory.PERSISTENT.key(), MessageMemory.SLOT.key()))
                .toUpperCase(java.util.Locale.ROOT));
        String kind = tree.getChoice("distributed.coordination", "all", List.of("all", "radius", "strongest"));
        CoordinationRange range;
        switch (kind) {
            case "radius" -> {
                requireAbsent(tree, "distributed.coordinationStrongest", "strongest");
                if (!tree.has("distributed.coordinationRadiusM")) {
                    throw tree.errorAt("distributed.coordinationRadiusM", "required with coordination: radius");
                }
                range = CoordinationRange.radius(tree.getDouble("distributed.coordinationRadiusM", 1, 1e-3, 1e7));
            }
            case "strongest" -> {
                requireAbsent(tree, "distributed.coordinationRadiusM", "radius");
                if (!tree.has("distributed.coordinationStrongest")) {
                    throw tree.errorAt("distributed.coordinationStrongest", "required with coordination: strongest");
                }
                range = CoordinationRange.strongest(tree.getInt("distributed.coordinationStrongest", 1, 1, 100_000));
            }
            default -> {
                requireAbsent(tree, "distributed.coordinationRadiusM", "radius");
                requireAbsent(tree, "distributed.coordinationStrongest", "strongest");
                range = CoordinationRange.ALL;
            }
        }
        LinkModel link;
        try {
            link = new LinkModel(downlinkS, uplinkS, latencyS, loss, bits);
        } catch (IllegalArgumentException e) {
            throw new ScenarioFormatException(tree.source() + ": distributed." + e.getMessage());
        }
        return new DistributedSettings(on, link, range, rounds, memory);
    }

    private static void requireAbsent(ConfigTree tree, String key, String kind) {
        if (tree.has(key)) {
            throw tree.errorAt(key, "applies only to coordination: " + kind);
        }
    }

    /**
     * @return the distributed execution of {@code precoder} for slots of {@code slotDurationS}, losses drawn from
     *     the stream {@code distributed/links} of the root seed
     * @throws IllegalArgumentException if the precoder has no agent steps or no round fits
     */
    public DistributedPrecoding newExecution(Precoder precoder, double slotDurationS, long rootSeed) {
        return new DistributedPrecoding(precoder, link, range, rounds, slotDurationS,
                org.netsim.radio.random.RandomStreams.seedOf(rootSeed, "distributed/links"), memory);
    }
}
