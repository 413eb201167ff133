package org.netsim.examples.drones;

import java.util.ArrayList;
import java.util.List;
import sim.engine.RandomSequence;
import sim.engine.SimState;
import sim.engine.Steppable;
import sim.field.continuous.Continuous2D;
import sim.util.Double2D;

/**
 * A MASON model of delivery drones, written the way a MASON modeller writes one and knowing nothing of the radio
 * network: drones take off from one of the depots, fly straight to a random drop point in the airspace, fly back
 * to the nearest depot, land, wait a few seconds and take off again. The model has masts (radio towers) on the
 * ground, which a network attached to it may use as base stations.
 *
 * <p>Units: the airspace is a {@link Continuous2D} in metres (MASON's screen convention: y down), one schedule step
 * is {@link #SECONDS_PER_STEP} seconds. Randomness: MASON's generator ({@code random}) only. The drones step as one
 * {@link RandomSequence} at ordering 0, so their order within a step is MASON's shuffle, whatever else is on the
 * schedule.
 *
 * <p>The only trace of connectivity is a property of the drones: each has a link rate (NaN when nothing sets it);
 * below {@link #getMinLinkRateBit()} a drone flies at half speed, so that it stays longer where the link is good
 * enough to stream its camera (set the threshold to 0 to switch the rule off). docs/plugin.md shows how
 * {@link DroneDeliveryWithNetwork} attaches the network to this model.
 */
public class DroneDelivery extends SimState {

    private static final long serialVersionUID = 1L;

    /** Seconds of flight per schedule step. */
    public static final double SECONDS_PER_STEP = 0.05;
    /** Airspace width, metres. */
    public static final double WIDTH_M = 1200;
    /** Airspace height, metres. */
    public static final double HEIGHT_M = 1000;

    /** The drones and masts, in metres, y down. */
    public transient Continuous2D airspace;
    private int numDrones = 12;
    private double minLinkRateBit = 2.0;
    private final transient List<Drone> drones = new ArrayList<>();
    private final transient List<Mast> masts = new ArrayList<>();
    private final transient List<Double2D> depots = List.of(new Double2D(150, 150), new Double2D(1050, 850));

    /** @param seed MASON's seed */
    public DroneDelivery(long seed) {
        super(seed);
    }

    @Override
    public void start() {
        super.start();
        airspace = new Continuous2D(50, WIDTH_M, HEIGHT_M);
        drones.clear();
        masts.clear();
        // four masts on a square, as the model's owner placed them
        double[][] at = {{300, 250}, {900, 250}, {300, 750}, {900, 750}};
        for (int m = 0; m < at.length; m++) {
            Mast mast = new Mast(m);
            masts.add(mast);
            airspace.setObjectLocation(mast, new Double2D(at[m][0], at[m][1]));
        }
        for (int d = 0; d < numDrones; d++) {
            Drone drone = new Drone(d, this, 10 + 10 * random.nextDouble());
            drones.add(drone);
            airspace.setObjectLocation(drone, depots.get(random.nextInt(depots.size())));
            drone.pickDropPoint(this);
        }
        schedule.scheduleRepeating(0.0, 0, new RandomSequence(drones.toArray(new Steppable[0])), 1.0);
    }

    /** @return the nearest depot to {@code p} */
    Double2D nearestDepot(Double2D p) {
        Double2D best = depots.get(0);
        for (Double2D d : depots) {
            if (d.distance(p) < best.distance(p)) {
                best = d;
            }
        }
        return best;
    }

    /** @return the drones (after {@link #start()}) */
    public List<Drone> drones() {
        return List.copyOf(drones);
    }

    /** @return the masts (after {@link #start()}) */
    public List<Mast> masts() {
        return List.copyOf(masts);
    }

    /** @return the number of drones (MASON Model tab; applies at the next start) */
    public int getNumDrones() {
        return numDrones;
    }

    /** @param n the number of drones, 1..200 (applies at the next start) */
    public void setNumDrones(int n) {
        if (n < 1 || n > 200) {
            throw new IllegalArgumentException("numDrones: must be in 1..200, got " + n);
        }
        numDrones = n;
    }

    /** @return the link rate below which drones fly at half speed, bit/s/Hz (0: never) */
    public double getMinLinkRateBit() {
        return minLinkRateBit;
    }

    /** @param r the link rate below which drones fly at half speed, bit/s/Hz, &gt;= 0 (0: never) */
    public void setMinLinkRateBit(double r) {
        if (!(r >= 0) || Double.isInfinite(r)) {
            throw new IllegalArgumentException("minLinkRateBit: must be finite and >= 0, got " + r);
        }
        minLinkRateBit = r;
    }

    /** @return the deliveries made so far, over all drones */
    public int getDeliveries() {
        int n = 0;
        for (Drone d : drones) {
            n += d.getDeliveries();
        }
        return n;
    }

    /** A radio mast on the ground. */
    public static final class Mast {
        private final int index;

        Mast(int index) {
            this.index = index;
        }

        /** @return the mast's index, in the order the model placed them */
        public int getIndex() {
            return index;
        }

        @Override
        public String toString() {
            return "mast " + index;
        }
    }
}
