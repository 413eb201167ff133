package org.netsim.runs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The distributed-mode options of {@code netsim run}: {@code --mode distributed} and the link options, each a
 * shorthand for a {@code --set} of the scenario's {@code mode} / {@code distributed.*} keys (docs/scenarios.md), so
 * the resolved {@code scenario.yaml} records them and the scenario validates them.
 */
final class DistributedOptions {

    @Option(names = "--mode", paramLabel = "MODE",
            description = "Precoding phase: centralized (the precoder on the whole problem) or distributed (message "
                    + "rounds between UE and BS agents; wmmse and gcn-wmmse). Default: the scenario's mode.")
    String mode;

    @Option(names = "--rounds", paramLabel = "N|auto",
            description = "Distributed: round budget per slot (auto = as many as fit in the slot).")
    String rounds;

    @Option(names = "--downlink-phase-s", paramLabel = "S", description = "Distributed: downlink phase duration.")
    Double downlinkPhaseS;

    @Option(names = "--uplink-phase-s", paramLabel = "S", description = "Distributed: uplink phase duration.")
    Double uplinkPhaseS;

    @Option(names = "--latency-s", paramLabel = "S", description = "Distributed: uplink message latency.")
    Double latencyS;

    @Option(names = "--loss", paramLabel = "P", description = "Distributed: message loss probability.")
    Double loss;

    @Option(names = "--bits-per-real", paramLabel = "B",
            description = "Distributed: bits per real message entry (64, 32 or 1..24).")
    Integer bitsPerReal;

    @Option(names = "--memory", paramLabel = "persistent|slot",
            description = "Distributed: what a receiver uses for a lost or late message: persistent (its last value, "
                    + "kept across slots, or the initialisation; default) or slot (memory per slot: UEs not heard "
                    + "yet are absent).")
    String memory;

    @Option(names = "--coordination", paramLabel = "RANGE",
            description = "Distributed: coordination range: all, radius=METRES or strongest=N.")
    String coordination;

    /** @return the {@code KEY=VALUE} overrides these options stand for, in a fixed order */
    List<String> overrides() {
        List<String> out = new ArrayList<>();
        if (mode != null) {
            out.add("mode=" + mode);
        }
        if (rounds != null) {
            out.add("distributed.rounds=" + rounds);
        }
        add(out, "distributed.downlinkPhaseS", downlinkPhaseS);
        add(out, "distributed.uplinkPhaseS", uplinkPhaseS);
        add(out, "distributed.latencyS", latencyS);
        add(out, "distributed.lossProbability", loss);
        if (bitsPerReal != null) {
            out.add("distributed.bitsPerReal=" + bitsPerReal);
        }
        if (memory != null) {
            out.add("distributed.memory=" + memory.trim().toLowerCase(Locale.ROOT));
        }
        if (coordination != null) {
            String c = coordination.trim().toLowerCase(Locale.ROOT);
            int eq = c.indexOf('=');
            String kind = eq < 0 ? c : c.substring(0, eq);
            out.add("distributed.coordination=" + kind);
            if (eq >= 0) {
                String value = c.substring(eq + 1);
                switch (kind) {
                    case "radius" -> out.add("distributed.coordinationRadiusM=" + value);
                    case "strongest" -> out.add("distributed.coordinationStrongest=" + value);
                    default -> throw new IllegalArgumentException("coordination: '" + kind + "' takes no value "
                            + "(expected all, radius=METRES or strongest=N)");
                }
            }
        }
        return out;
    }

    private static void add(List<String> out, String key, Double value) {
        if (value != null) {
            out.add(key + "=" + value);
        }
    }
}
