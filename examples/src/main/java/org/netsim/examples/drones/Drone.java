package org.netsim.examples.drones;

import sim.engine.SimState;
import sim.engine.Steppable;
import sim.util.Double2D;

/**
 * A delivery drone of {@link DroneDelivery}: flies straight at its cruise speed to a drop point drawn from MASON's
 * generator, then to the nearest depot, lands for {@link #GROUND_STEPS} steps and takes off again. Flies at half
 * speed while its link rate is below the model's threshold. Inspectable properties follow MASON's getter convention.
 */
public final class Drone implements Steppable {

    private static final long serialVersionUID = 1L;

    /** Steps on the ground between two flights (5 s). */
    public static final int GROUND_STEPS = 100;

    private final int index;
    private final transient DroneDelivery model;
    private final double cruiseMps;
    private Double2D target;
    private boolean delivering;
    private int groundStepsLeft;
    private int deliveries;
    private double speedMps;
    private volatile double linkRateBit = Double.NaN;

    Drone(int index, DroneDelivery model, double cruiseMps) {
        this.index = index;
        this.model = model;
        this.cruiseMps = cruiseMps;
    }

    void pickDropPoint(SimState state) {
        target = new Double2D(DroneDelivery.WIDTH_M * (0.05 + 0.9 * state.random.nextDouble()),
                DroneDelivery.HEIGHT_M * (0.05 + 0.9 * state.random.nextDouble()));
        delivering = true;
    }

    @Override
    public void step(SimState state) {
        if (groundStepsLeft > 0) {
            speedMps = 0;
            if (--groundStepsLeft == 0) {
                pickDropPoint(state);
            }
            return;
        }
        Double2D p = model.airspace.getObjectLocation(this);
        boolean slow = model.getMinLinkRateBit() > 0 && linkRateBit < model.getMinLinkRateBit();
        speedMps = slow ? cruiseMps / 2 : cruiseMps;
        double stepM = speedMps * DroneDelivery.SECONDS_PER_STEP;
        double left = p.distance(target);
        if (left <= stepM) {
            model.airspace.setObjectLocation(this, target);
            if (delivering) {
                deliveries++;
                delivering = false;
                target = model.nearestDepot(target);
            } else {
                groundStepsLeft = GROUND_STEPS;
                speedMps = 0;
            }
        } else {
            model.airspace.setObjectLocation(this, new Double2D(p.x + (target.x - p.x) * stepM / left,
                    p.y + (target.y - p.y) * stepM / left));
        }
    }

    /** @return whether the drone is in the air (taking part in the radio network, if one is attached) */
    public boolean isFlying() {
        return groundStepsLeft == 0;
    }

    /** @return the drone's index */
    public int getIndex() {
        return index;
    }

    /** @return the speed of the last step, m/s */
    public double getSpeedMps() {
        return speedMps;
    }

    /** @return the cruise speed, m/s */
    public double getCruiseMps() {
        return cruiseMps;
    }

    /** @return the deliveries made */
    public int getDeliveries() {
        return deliveries;
    }

    /** @return the rate of the drone's radio link, bit/s/Hz (NaN when no network reports one) */
    public double getLinkRateBit() {
        return linkRateBit;
    }

    /** @param r the rate of the drone's radio link, bit/s/Hz (NaN: none) */
    public void setLinkRateBit(double r) {
        linkRateBit = r;
    }

    @Override
    public String toString() {
        return "drone " + index;
    }
}
