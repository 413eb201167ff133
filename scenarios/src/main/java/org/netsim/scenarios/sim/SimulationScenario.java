package org.netsim.scenarios.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.netsim.precoding.Init;
import org.netsim.precoding.Precoder;
import org.netsim.precoding.PrecoderOptions;
import org.netsim.precoding.PrecoderRegistry;
import org.netsim.radio.ModelParams;
import org.netsim.radio.association.AssociationPolicies;
import org.netsim.radio.association.AssociationPolicy;
import org.netsim.radio.channel.LargeScaleModel;
import org.netsim.radio.csi.CsiModel;
import org.netsim.radio.csi.CsiModels;
import org.netsim.radio.fading.FadingModels;
import org.netsim.radio.fading.FadingProcess;
import org.netsim.radio.layout.NetworkLayout;
import org.netsim.radio.layout.NetworkLayouts;
import org.netsim.radio.layout.UeDrops;
import org.netsim.radio.mobility.MobilityModels;
import org.netsim.radio.noise.NoiseModel;
import org.netsim.radio.noise.NoiseModels;
import org.netsim.radio.pathloss.PathLossModels;
import org.netsim.radio.shadowing.ShadowingModels;
import org.netsim.radio.shadowing.ShadowingProcess;
import org.netsim.scenarios.config.ConfigTree;
import org.netsim.scenarios.config.ScenarioFormatException;
import org.netsim.simcore.NetworkConfig;
import org.netsim.simcore.PrecodingStage;
import org.netsim.simcore.UeGroup;

/**
 * A time-evolving scenario, read from a YAML scenario file (schema: docs/scenarios.md) and validated: every key
 * known, every value in range, every model built by its factory, so an error names the file, the key and the reason
 * before anything runs.
 *
 * @param name the scenario's name
 * @param description one line
 * @param seed the root seed
 * @param slots the horizon in slots
 * @param carrierHz the carrier frequency in Hz
 * @param network the network's models
 * @param groups the UE groups
 * @param precoderName the precoder's registry name
 * @param precoderOptions its options (iterations, tolerance and its own keys)
 * @param init the fresh initialisation of UEs without a warm start
 * @param warmStart whether to start from the previous slot's precoders
 * @param proportionalFair whether the rate weights are proportional-fair (else the UEs' equal weights)
 * @param fairnessTimeConstantSlots the averaging time constant of the proportional-fair weights, in slots
 * @param traceEvery record every n-th slot in the playback trace
 * @param distributed the precoding mode (centralized or distributed message rounds) and the rounds' settings
 * @param resolvedYaml the scenario with every default filled in
 */
public record SimulationScenario(String name, String description, long seed, long slots, double carrierHz,
        NetworkConfig network,
        List<UeGroup> groups, String precoderName, PrecoderOptions precoderOptions, Init init, boolean warmStart,
        boolean proportionalFair, double fairnessTimeConstantSlots, int traceEvery, DistributedSettings distributed,
        String resolvedYaml) {

    /** Noise bandwidth of the thermal noise model when the file gives none (10 MHz, an LTE/NR carrier). */
    public static final double DEFAULT_BANDWIDTH_HZ = 10e6;

    /** Largest horizon accepted, in slots. */
    public static final long MAX_SLOTS = 1_000_000_000L;

    /**
     * @return a new precoding phase for this scenario (a fresh precoder and empty warm-start memory); in
     *     {@code mode: distributed} its execution is a new {@link org.netsim.simcore.distributed.DistributedPrecoding}
     */
    public PrecodingStage newPrecodingStage() {
        Precoder precoder = newPrecoder();
        PrecodingStage stage = new PrecodingStage(precoder, init, warmStart);
        if (distributed.distributed()) {
            stage.withExecution(distributed.newExecution(precoder, network.slotDurationS(), seed));
        }
        return proportionalFair ? stage.withProportionalFairWeights(fairnessTimeConstantSlots) : stage;
    }

    /** @return a new instance of the scenario's precoder */
    public Precoder newPrecoder() {
        return PrecoderRegistry.create(precoderName, precoderOptions);
    }


    /**
     * Reads and validates a scenario.
     *
     * @param tree the parsed file, with overrides applied
     * @param defaultName the name when the file has none (file stem or built-in name)
     * @throws ScenarioFormatException naming the source, key and reason
     */
    public static SimulationScenario from(ConfigTree tree, String defaultName) {
        String name = tree.getString("name", defaultName);
        String description = tree.getString("description", "");
        long seed = tree.getLong("seed", 1, Long.MIN_VALUE, Long.MAX_VALUE);
        double slotDurationS = tree.getDouble("slotDurationS", 1e-3, 1e-6, 10);
        long slots;
        if (tree.has("durationS")) {
            double durationS = tree.getDouble("durationS", 1, slotDurationS, 1e7);
            if (tree.has("slots")) {
                throw new ScenarioFormatException(tree.source() + ": slots: give either slots or durationS, not both");
            }
            if (durationS / slotDurationS > MAX_SLOTS) {
                throw new ScenarioFormatException(tree.source() + ": durationS: at most " + MAX_SLOTS
                        + " slots of slotDurationS, got " + durationS / slotDurationS);
            }
            slots = Math.max(1, Math.round(durationS / slotDurationS));
        } else {
            slots = tree.getLong("slots", 1000, 1, MAX_SLOTS);
        }
        double carrierHz = tree.getDouble("carrierHz", 2e9, 1e6, 1e12);

        NetworkLayout layout = build(tree, "layout", "hexagonal", b -> NetworkLayouts.create(b.model(), params(b)));
        tree.markMapping("bs");
        int bsAntennas = tree.getInt("bs.antennas", 8, 1, 1024);
        double bsPowerW;
        if (tree.has("bs.txPowerW")) {
            bsPowerW = tree.getDouble("bs.txPowerW", 1, 1e-9, 1e6);
            if (tree.has("bs.txPowerDbm")) {
                throw new ScenarioFormatException(tree.source() + ": bs.txPowerDbm: give either txPowerDbm or "
                        + "txPowerW, not both");
            }
        } else {
            bsPowerW = Math.pow(10, (tree.getDouble("bs.txPowerDbm", 46, -60, 90) - 30) / 10);
        }

        double minDistanceM = tree.getDouble("pathLoss.minDistanceM", 1.0, 1e-3, 1e4);
        ConfigTree.ModelBlock plBlock = tree.getModel("pathLoss", "macro-3gpp");
        Map<String, Object> plParams = new TreeMap<>(plBlock.params());
        plParams.remove("minDistanceM");
        if (plBlock.model().equals("free-space")) {
            plParams.putIfAbsent("carrierHz", carrierHz);
        }
        LargeScaleModel largeScale;
        try {
            largeScale = new LargeScaleModel(layout, PathLossModels.create(plBlock.model(), ModelParams.of(plParams)),
                    minDistanceM);
        } catch (IllegalArgumentException e) {
            throw tree.modelError("pathLoss", e);
        }
        ShadowingProcess shadowing = build(tree, "shadowing", "gudmundson",
                b -> ShadowingModels.process(b.model(), params(b)));
        ConfigTree.ModelBlock fadingBlock = tree.getModel("fading", "sum-of-sinusoids");
        Map<String, Object> fadingParams = new TreeMap<>(fadingBlock.params());
        if (!fadingBlock.model().equals("iid")) {
            fadingParams.putIfAbsent("carrierHz", carrierHz);
        }
        FadingProcess fading;
        try {
            fading = FadingModels.process(fadingBlock.model(), ModelParams.of(fadingParams));
        } catch (IllegalArgumentException e) {
            throw tree.modelError("fading", e);
        }
        NoiseModel noise = build(tree, "noise", "thermal", b -> {
            Map<String, Object> np = new TreeMap<>(b.params());
            if (b.model().equals("thermal")) {
                np.putIfAbsent("bandwidthHz", DEFAULT_BANDWIDTH_HZ);
            }
            return NoiseModels.create(b.model(), ModelParams.of(np));
        });
        CsiModel csi = build(tree, "csi", "perfect", b -> CsiModels.create(b.model(), params(b)));
        AssociationPolicy association = build(tree, "association", "hysteresis",
                b -> AssociationPolicies.create(b.model(), params(b)));
        NetworkConfig network;
        try {
            network = new NetworkConfig(largeScale, shadowing, fading, csi, association, noise, bsAntennas, bsPowerW,
                    slotDurationS);
        } catch (IllegalArgumentException e) {
            throw new ScenarioFormatException(tree.source() + ": " + e.getMessage());
        }

        int numGroups = tree.listSize("ues");
        if (numGroups == 0) {
            throw new ScenarioFormatException(tree.source() + ": ues: at least one UE group is required");
        }
        List<UeGroup> groups = new ArrayList<>();
        for (int g = 0; g < numGroups; g++) {
            ConfigTree gt = tree.listEntry("ues", g);
            String groupName = gt.getString("name", "group" + g).trim();
            if (groupName.isEmpty()) {
                throw tree.errorAt("ues[" + g + "].name", "must not be blank");
            }
            for (UeGroup earlier : groups) {
                if (earlier.name().equals(groupName)) {
                    throw tree.errorAt("ues[" + g + "].name", "'" + groupName
                            + "' is used by an earlier group (names name the groups' random streams)");
                }
            }
            int antennas = gt.getInt("antennas", 2, 1, 64);
            int streams = gt.getInt("streams", antennas, 1, antennas);
            var drop = build(gt, "drop", "per-cell", b -> UeDrops.create(b.model(), params(b)));
            var mobility = build(gt, "mobility", "static", b -> MobilityModels.create(b.model(), params(b)));
            gt.requireAllRead();
            tree.mergeListEntry("ues", g, gt);
            groups.add(new UeGroup(groupName, drop, mobility, antennas, streams));
        }

        tree.markMapping("precoder");
        String precoderName = tree.getString("precoder.name", "wmmse");
        PrecoderOptions options = PrecoderOptions.defaults()
                .withMaxIterations(tree.getInt("precoder.iterations", 10, 1, 100_000))
                .withTolerance(tree.getDouble("precoder.tolerance", 0, 0, 1));
        String initName = tree.getChoice("precoder.init", "mrc", List.of("mrc", "zf", "random"));
        boolean warmStart = tree.getBoolean("precoder.warmStart", true);
        boolean proportionalFair = tree.getChoice("precoder.ueWeights", "equal",
                List.of("equal", "proportional-fair")).equals("proportional-fair");
        double fairnessSlots = tree.getDouble("precoder.fairnessTimeConstantSlots", 100, 1, 1e9);
        for (String key : tree.keysOf("precoder")) {
            if (!List.of("name", "iterations", "tolerance", "init", "warmStart", "ueWeights",
                    "fairnessTimeConstantSlots").contains(key)) {
                options = options.with(key, tree.getString("precoder." + key, ""));
            }
        }
        // a random initialisation draws from its own named stream of the root seed (the same start every slot)
        Init init = Init.parse(initName, org.netsim.radio.random.RandomStreams.seedOf(seed, "precoder/init"));
        try {
            PrecoderRegistry.create(precoderName, options);
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            throw new ScenarioFormatException(tree.source() + ": " + (m.startsWith("precoder") ? m : "precoder: " + m));
        }
        DistributedSettings distributed = DistributedSettings.from(tree);
        if (distributed.distributed()) {
            try {
                distributed.newExecution(PrecoderRegistry.create(precoderName, options), slotDurationS, seed);
            } catch (IllegalArgumentException e) {
                String m = e.getMessage();
                throw new ScenarioFormatException(tree.source() + ": " + (m.startsWith("distributed")
                        ? m : "distributed." + m));
            }
        }
        tree.markMapping("output");
        int traceEvery = tree.getInt("output.traceEvery", 1, 1, 1_000_000);
        tree.requireAllRead();
        return new SimulationScenario(name, description, seed, slots, carrierHz, network, groups, precoderName,
                options, init, warmStart, proportionalFair, fairnessSlots, traceEvery, distributed, tree.resolved());
    }

    private interface Factory<T> {
        T create(ConfigTree.ModelBlock block);
    }

    private static <T> T build(ConfigTree tree, String key, String defaultModel, Factory<T> factory) {
        ConfigTree.ModelBlock block = tree.getModel(key, defaultModel);
        try {
            return factory.create(block);
        } catch (IllegalArgumentException e) {
            throw tree.modelError(key, e);
        }
    }

    private static ModelParams params(ConfigTree.ModelBlock block) {
        return ModelParams.of(block.params());
    }
}
