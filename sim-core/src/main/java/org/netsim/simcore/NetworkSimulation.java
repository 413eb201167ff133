package org.netsim.simcore;

import java.util.ArrayList;
import java.util.List;
import org.netsim.radio.layout.NetworkLayout;
import org.netsim.radio.layout.UePlacement;
import org.netsim.radio.random.RandomStreams;
import org.netsim.radio.random.StreamNames;
import sim.engine.SimState;

/**
 * The built-in host of {@code netsim run}: a MASON {@link SimState} whose agents are {@link MobileUe}s moving by the
 * radio module's mobility models, with the {@link RadioNetwork} attached as a plugin (one code path for every
 * host). One schedule step is one slot: at time t = k T (T the slot duration) the UEs move ({@link SlotPhase#MOBILITY},
 * from the second slot on), then the network's phases run.
 *
 * <p>It is an ordinary host of the plugin: its agents are {@link Terminal}s added with
 * {@link RadioNetwork#addUe}, the network is attached with {@link RadioNetwork#attach(SimState, HostSchedule)} and
 * draws from {@link RadioNetwork#hostStreams(SimState)}, exactly as a foreign MASON model does (docs/plugin.md).
 *
 * <p>Headless by default: {@link #runSlots(long)} is the batch loop (MASON's {@code doLoop} path without its
 * command-line parsing); a display is a separate class over the same model (DESIGN.md). Randomness: the root seed
 * gives the run's {@link RandomStreams}; drops use {@code drop/GROUP}, mobility {@code mobility/ue/ID}, and the
 * network its own streams, so nothing draws from MASON's {@code random}.
 */
public class NetworkSimulation extends SimState {

    private static final long serialVersionUID = 1L;

    private final transient NetworkConfig config;
    private final transient List<UeGroup> groups;
    private final transient PrecodingStage precoding;
    private final transient List<SlotListener> listeners;
    private transient RadioNetwork network;
    private transient List<MobileUe> mobileUes;

    /**
     * @param rootSeed the run's root seed
     * @param config the network's models
     * @param groups the UE groups
     * @param precoding the precoding phase
     * @param listeners receivers of every slot's report
     */
    public NetworkSimulation(long rootSeed, NetworkConfig config, List<UeGroup> groups, PrecodingStage precoding,
            List<SlotListener> listeners) {
        super(rootSeed);
        this.config = config;
        this.groups = List.copyOf(groups);
        this.precoding = precoding;
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void start() {
        super.start();
        RandomStreams streams = RadioNetwork.hostStreams(this);
        network = new RadioNetwork(config, precoding, streams);
        listeners.forEach(network::addListener);
        NetworkLayout layout = config.largeScale().layout();
        mobileUes = new ArrayList<>();
        double dt = config.slotDurationS();
        for (int g = 0; g < groups.size(); g++) {
            UeGroup group = groups.get(g);
            List<UePlacement> placed = group.drop().drop(layout,
                    streams.stream(StreamNames.DROP + "/" + group.name()));
            for (UePlacement p : placed) {
                int id = mobileUes.size();
                MobileUe ue = new MobileUe(group.name(), g, group.mobility().start(p.position(), layout.area(),
                        streams.stream(StreamNames.mobility(id))), dt);
                int networkId = network.addUe(ue, group.antennas(), group.streams());
                if (networkId != id) {
                    throw new IllegalStateException("UE ids out of step: " + networkId + " != " + id);
                }
                mobileUes.add(ue);
                schedule.scheduleRepeating(dt, SlotPhase.MOBILITY.ordering(0), ue, dt);
            }
        }
        network.attach(this, HostSchedule.inSeconds(dt));
    }

    /**
     * Runs {@code slots} slots headless (after {@link #start()}), one schedule step each.
     *
     * @return the number of slots run (fewer only if the schedule empties)
     */
    public long runSlots(long slots) {
        long done = 0;
        while (done < slots && schedule.step(this)) {
            done++;
        }
        return done;
    }

    @Override
    public void finish() {
        if (network != null) {
            network.finish();
        }
        super.finish();
    }

    /** @return the network (after {@link #start()}) */
    public RadioNetwork network() {
        return network;
    }

    /** @return the UE agents, by id (after {@link #start()}) */
    public List<MobileUe> ues() {
        return List.copyOf(mobileUes);
    }
}
