package org.netsim.examples.drones;

import java.util.function.Supplier;
import org.netsim.simcore.PrecodingStage;

/**
 * {@link DroneDelivery} with the radio network attached: the model's own {@code start()} runs first, then the
 * network joins ({@link DroneNetwork#attach}); {@code finish()} tells the network's listeners the run is over. This
 * subclass is the whole change to the host model.
 */
public class DroneDeliveryWithNetwork extends DroneDelivery {

    private static final long serialVersionUID = 1L;

    private final DroneNetwork.BaseStations bs;
    private final transient Supplier<PrecodingStage> precoding;
    private transient DroneNetwork network;

    /**
     * @param seed MASON's seed (the network's streams derive from it too)
     * @param bs where the BSs come from
     * @param precoding a new precoding phase for every start
     */
    public DroneDeliveryWithNetwork(long seed, DroneNetwork.BaseStations bs, Supplier<PrecodingStage> precoding) {
        super(seed);
        this.bs = bs;
        this.precoding = precoding;
    }

    /** @param seed MASON's seed; BSs at the masts, {@link DroneNetwork#defaultPrecoding()} */
    public DroneDeliveryWithNetwork(long seed) {
        this(seed, DroneNetwork.BaseStations.MASTS, DroneNetwork::defaultPrecoding);
    }

    @Override
    public void start() {
        super.start();
        network = DroneNetwork.attach(this, bs, precoding.get());
    }

    @Override
    public void finish() {
        if (network != null) {
            network.network().finish();
        }
        super.finish();
    }

    /** @return the attached network (after {@link #start()}) */
    public DroneNetwork network() {
        return network;
    }
}
