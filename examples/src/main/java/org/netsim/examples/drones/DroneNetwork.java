package org.netsim.examples.drones;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.netsim.precoding.Init;
import org.netsim.precoding.PrecoderOptions;
import org.netsim.precoding.PrecoderRegistry;
import org.netsim.radio.ModelParams;
import org.netsim.radio.association.AssociationPolicies;
import org.netsim.radio.channel.LargeScaleModel;
import org.netsim.radio.csi.CsiModels;
import org.netsim.radio.fading.FadingModels;
import org.netsim.radio.geometry.PolygonArea;
import org.netsim.radio.geometry.Position;
import org.netsim.radio.layout.FixedSitesLayout;
import org.netsim.radio.layout.NetworkLayout;
import org.netsim.radio.layout.NetworkLayouts;
import org.netsim.radio.noise.NoiseModels;
import org.netsim.radio.pathloss.PathLossModels;
import org.netsim.radio.shadowing.ShadowingModels;
import org.netsim.simcore.FieldFrame;
import org.netsim.simcore.HostSchedule;
import org.netsim.simcore.NetworkConfig;
import org.netsim.simcore.PrecodingStage;
import org.netsim.simcore.RadioNetwork;
import org.netsim.simcore.SlotReport;
import org.netsim.simcore.Terminal;
import sim.engine.Steppable;

/**
 * The radio network attached to a {@link DroneDelivery} model: everything a MASON modeller adds to their own model
 * (docs/plugin.md walks through it). Each flying drone is a UE (2 antennas, 1 stream) whose position the network
 * reads from the airspace; a drone that lands leaves the network and joins again, as a new UE, when it takes off.
 * The BSs are the model's masts (or, as an alternative, a 7-cell hexagonal layout over the airspace). After every
 * slot each drone's link rate is written back to the drone, which slows down where it is low.
 *
 * <p>Schedule: the drones move at ordering 0 of every step; this class updates the membership at ordering 1, and
 * the network's phases follow at orderings 2 to 7 ({@code new HostSchedule(0, 1, 1)}): one slot per step, so the
 * slot duration is {@link DroneDelivery#SECONDS_PER_STEP}. Randomness: the network's streams are named streams
 * under the model's seed; MASON's generator is not touched.
 */
public final class DroneNetwork {

    /** Where the BSs come from. */
    public enum BaseStations {
        /** the model's masts (BSs from the host) */
        MASTS,
        /** a hexagonal layout of 7 sites, 400 m apart, centred on the airspace (BSs from a scenario layout) */
        HEXAGONAL
    }

    /** The network's plane: the airspace centred on the origin, 1 field unit = 1 m, y up. */
    public static final FieldFrame FRAME = new FieldFrame(-DroneDelivery.WIDTH_M / 2, DroneDelivery.HEIGHT_M / 2,
            1.0);

    /** Antennas per BS. */
    public static final int BS_ANTENNAS = 8;

    private final DroneDelivery model;
    private final RadioNetwork network;
    private final Map<Drone, Integer> ueOf = new LinkedHashMap<>();
    private final Map<Integer, Drone> droneOf = new HashMap<>();
    private int joins;
    private int leaves;

    private DroneNetwork(DroneDelivery model, RadioNetwork network) {
        this.model = model;
        this.network = network;
    }

    /**
     * The network's models: 3GPP macro path loss, Gudmundson shadowing (8 dB, 50 m), sum-of-sinusoids fading at
     * 2 GHz, perfect CSI, handover with 3 dB hysteresis and 10 slots (0.5 s) time-to-trigger, thermal noise over
     * 10 MHz, {@link #BS_ANTENNAS} antennas and 20 W per BS, one slot per model step.
     *
     * @param layout the BSs
     * @return the configuration
     */
    public static NetworkConfig config(NetworkLayout layout) {
        return new NetworkConfig(new LargeScaleModel(layout, PathLossModels.byName("macro-3gpp"), 10.0),
                ShadowingModels.process("gudmundson", ModelParams.of("sigmaDb", 8.0, "decorrelationDistanceM", 50.0)),
                FadingModels.process("sum-of-sinusoids", ModelParams.of("carrierHz", 2e9)),
                CsiModels.create("perfect", ModelParams.empty()),
                AssociationPolicies.create("hysteresis", ModelParams.of("hysteresisDb", 3.0,
                        "timeToTriggerSlots", 10)),
                NoiseModels.create("thermal", ModelParams.of("bandwidthHz", 10e6)),
                BS_ANTENNAS, 20.0, DroneDelivery.SECONDS_PER_STEP);
    }

    /**
     * @param model the started model (its masts placed)
     * @param bs where the BSs come from
     * @return the BS layout in the network's plane
     */
    public static NetworkLayout layout(DroneDelivery model, BaseStations bs) {
        if (bs == BaseStations.HEXAGONAL) {
            return NetworkLayouts.create("hexagonal", ModelParams.of("numSites", 7, "interSiteDistanceM", 400.0));
        }
        List<Position> sites = new ArrayList<>();
        for (DroneDelivery.Mast m : model.masts()) {
            sites.add(FRAME.toPosition(model.airspace.getObjectLocation(m)));
        }
        double x0 = FRAME.westXM();
        double y1 = FRAME.northYM();
        return FixedSitesLayout.ofSites(sites, 350, PolygonArea.rectangle(x0, y1 - DroneDelivery.HEIGHT_M,
                x0 + DroneDelivery.WIDTH_M, y1));
    }

    /** @return WMMSE, 10 iterations per slot, warm-started, MRC for new UEs */
    public static PrecodingStage defaultPrecoding() {
        return new PrecodingStage(PrecoderRegistry.create("wmmse", PrecoderOptions.defaults().withMaxIterations(10)),
                Init.mrc(), true);
    }

    /**
     * Attaches a network to {@code model}: call from the model's {@code start()}, after {@code super.start()} and
     * after the model has placed its agents.
     *
     * @param model the host model
     * @param bs where the BSs come from
     * @param precoding the precoding phase
     * @return the attachment
     */
    public static DroneNetwork attach(DroneDelivery model, BaseStations bs, PrecodingStage precoding) {
        RadioNetwork network = new RadioNetwork(config(layout(model, bs)), precoding,
                RadioNetwork.hostStreams(model));
        DroneNetwork dn = new DroneNetwork(model, network);
        network.addListener(dn::feedBack);
        HostSchedule when = new HostSchedule(0.0, 1.0, 1);
        model.schedule.scheduleRepeating(when.startTime(), when.firstOrdering(), (Steppable) s -> dn.membership(),
                when.interval());
        network.attach(model, when);
        return dn;
    }

    /** Flying drones are UEs, landed ones are not. */
    private void membership() {
        for (Drone d : model.drones()) {
            Integer id = ueOf.get(d);
            if (d.isFlying() && id == null) {
                Terminal t = Terminal.of(() -> FRAME.toPosition(model.airspace.getObjectLocation(d)), d::getSpeedMps);
                int ue = network.addUe(t, 2, 1);
                ueOf.put(d, ue);
                droneOf.put(ue, d);
                joins++;
            } else if (!d.isFlying() && id != null) {
                network.removeUe(id);
                ueOf.remove(d);
                droneOf.remove(id);
                d.setLinkRateBit(Double.NaN);
                leaves++;
            }
        }
    }

    /** After every slot: each drone learns its link rate. */
    private void feedBack(SlotReport r) {
        for (int u = 0; u < r.numUes(); u++) {
            Drone d = droneOf.get(r.ueId(u));
            if (d != null) {
                d.setLinkRateBit(r.rateNat(u) / Math.log(2));
            }
        }
    }

    /** @return the network */
    public RadioNetwork network() {
        return network;
    }

    /** @return the network's UE identifier of {@code drone}, or -1 while it is on the ground */
    public int ueOf(Drone drone) {
        Integer id = ueOf.get(drone);
        return id == null ? -1 : id;
    }

    /** @return how many times a drone joined the network (took off) */
    public int joins() {
        return joins;
    }

    /** @return how many times a drone left the network (landed) */
    public int leaves() {
        return leaves;
    }
}
