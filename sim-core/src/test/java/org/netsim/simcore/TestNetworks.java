package org.netsim.simcore;

import java.util.ArrayList;
import java.util.List;
import org.netsim.precoding.Init;
import org.netsim.precoding.PrecoderOptions;
import org.netsim.precoding.PrecoderRegistry;
import org.netsim.radio.ModelParams;
import org.netsim.radio.association.AssociationPolicies;
import org.netsim.radio.channel.LargeScaleModel;
import org.netsim.radio.csi.CsiModels;
import org.netsim.radio.fading.FadingModels;
import org.netsim.radio.layout.NetworkLayouts;
import org.netsim.radio.layout.UeDrops;
import org.netsim.radio.mobility.MobilityModels;
import org.netsim.radio.noise.NoiseModels;
import org.netsim.radio.pathloss.PathLossModels;
import org.netsim.radio.shadowing.ShadowingModels;

/** A small time-evolving network built in code (no scenario file), for the plugin's tests. */
final class TestNetworks {

    static final long SEED = 20261201L;
    static final double SLOT_S = 1e-3;

    private TestNetworks() {
    }

    /**
     * 7 omni sites 250 m apart, 4 BS antennas, Gudmundson shadowing, sum-of-sinusoids fading at 2 GHz, hysteresis
     * association with a short time-to-trigger (so that handovers happen within a short run).
     */
    static NetworkConfig config() {
        var layout = NetworkLayouts.create("hexagonal", ModelParams.of("numSites", 7, "interSiteDistanceM", 250.0));
        return new NetworkConfig(new LargeScaleModel(layout, PathLossModels.byName("macro-3gpp"), 1.0),
                ShadowingModels.process("gudmundson", ModelParams.of("decorrelationDistanceM", 20.0)),
                FadingModels.process("sum-of-sinusoids", ModelParams.of("carrierHz", 2e9)),
                CsiModels.create("perfect", ModelParams.empty()),
                AssociationPolicies.create("hysteresis", ModelParams.of("hysteresisDb", 1.0,
                        "timeToTriggerSlots", 2)),
                NoiseModels.create("thermal", ModelParams.of("bandwidthHz", 10e6)), 4, 20.0, SLOT_S);
    }

    /** One group of fast UEs (random direction at 100-120 km/h), 2 per cell, 2 antennas, 1 stream each. */
    static List<UeGroup> groups() {
        List<UeGroup> g = new ArrayList<>();
        g.add(new UeGroup("fast", UeDrops.create("per-cell", ModelParams.of("uesPerCell", 2, "minDistanceM", 20.0)),
                MobilityModels.create("random-direction", ModelParams.of("minSpeedKmh", 100.0,
                        "maxSpeedKmh", 120.0)), 2, 1));
        return g;
    }

    /** A fresh precoding phase: WMMSE, 5 iterations, MRC start, warm start on. */
    static PrecodingStage stage() {
        return new PrecodingStage(PrecoderRegistry.create("wmmse", PrecoderOptions.defaults().withMaxIterations(5)),
                Init.mrc(), true);
    }
}
