package org.netsim.radio.mobility;

import java.util.random.RandomGenerator;
import org.netsim.radio.geometry.Position;
import org.netsim.radio.geometry.SimulationArea;

/**
 * Random waypoint (Johnson and Maltz 1996, as described by Camp, Boleng and Davies 2002, Sec. 2.2): a UE pauses
 * for T_p ~ U[p_min, p_max], then draws a destination uniform over the area and a speed v ~ U[v_min, v_max], walks
 * there in a straight line at v, pauses again, and so on. The UE starts with a pause. Immutable.
 *
 * <p>Straight legs and the boundary: under wrap-around a leg follows the shortest displacement to the destination
 * over its periodic images (it may cross the seam and is wrapped back). In a reflecting, possibly non-convex area
 * (the union of hexagonal cells) destinations whose straight path would leave the area are redrawn, so legs never
 * touch the border. Time within a slot is carried over: a UE that arrives mid-step spends the rest of it pausing,
 * and so on, so positions do not depend on the step size.
 *
 * <p>Draws: pause time (unless fixed); at the end of a pause the destination (two uniforms per attempt, from
 * {@link SimulationArea#uniformPoint}) then the speed (unless fixed). v_min &gt; 0 is required: with v_min = 0
 * the mean speed decays towards 0 over the run (Yoon, Liu and Noble, "Random Waypoint Considered Harmful", 2003).
 *
 * @param speedMps the speed range in m/s, min &gt; 0
 * @param pauseS the pause-time range in seconds
 */
public record RandomWaypointMobility(UniformRange speedMps, UniformRange pauseS) implements MobilityModel {

    private static final int MAX_DESTINATION_ATTEMPTS = 10_000;

    public RandomWaypointMobility {
        if (speedMps == null || !(speedMps.min() > 0) || Double.isInfinite(speedMps.max())) {
            throw new IllegalArgumentException("minSpeedKmh: random waypoint needs finite speeds with a minimum > 0,"
                    + " got " + speedMps);
        }
        if (pauseS == null || Double.isInfinite(pauseS.max())) {
            throw new IllegalArgumentException("pauseS: must be a finite range, got " + pauseS);
        }
    }

    @Override
    public String name() {
        return "random-waypoint";
    }

    @Override
    public UeMotion start(Position initial, SimulationArea area, RandomGenerator rng) {
        return new State(initial, area, rng);
    }

    /** Per-UE state: destination, unit direction and remaining length of the current leg, or the pause left. */
    final class State extends UeMotion {

        private double destXM;
        private double destYM;
        private double dirX;
        private double dirY;
        private double speed;
        private double legLeftM;
        private double pauseLeftS;

        State(Position initial, SimulationArea area, RandomGenerator rng) {
            super(initial, area, rng);
            pauseLeftS = pauseS.draw(rng);
            legLeftM = 0;
        }

        @Override
        protected void advance(double dtS) {
            double left = dtS;
            for (int guard = 0; left > 0 && guard < 1000; guard++) {
                if (pauseLeftS > 0) {
                    double p = Math.min(pauseLeftS, left);
                    pauseLeftS -= p;
                    left -= p;
                    setVelocity(0, 0);
                    continue;
                }
                if (legLeftM <= 0) {
                    newLeg();
                }
                double tArrive = legLeftM / speed;
                if (tArrive <= left) {
                    moveBy(dirX * legLeftM, dirY * legLeftM);
                    placeAt(destXM, destYM);
                    legLeftM = 0;
                    left -= tArrive;
                    pauseLeftS = pauseS.draw(rng());
                    if (pauseLeftS == 0) {
                        newLeg();
                    }
                } else {
                    double d = speed * left;
                    moveBy(dirX * d, dirY * d);
                    legLeftM -= d;
                    left = 0;
                }
                setVelocity(legLeftM > 0 ? speed * dirX : 0, legLeftM > 0 ? speed * dirY : 0);
            }
        }

        private void newLeg() {
            Position here = position();
            for (int attempt = 0; attempt < MAX_DESTINATION_ATTEMPTS; attempt++) {
                Position dest = area().uniformPoint(rng());
                if (!area().canTravelStraight(here, dest)) {
                    continue;
                }
                Position disp = area().displacement(here, dest);
                double len = Math.hypot(disp.xM(), disp.yM());
                if (len == 0) {
                    continue;
                }
                destXM = dest.xM();
                destYM = dest.yM();
                dirX = disp.xM() / len;
                dirY = disp.yM() / len;
                legLeftM = len;
                speed = speedMps.draw(rng());
                setVelocity(speed * dirX, speed * dirY);
                return;
            }
            throw new IllegalStateException("random waypoint: no reachable destination after "
                    + MAX_DESTINATION_ATTEMPTS + " attempts");
        }

        /** @return the current (or last reached) destination */
        Position destination() {
            return new Position(destXM, destYM);
        }
    }
}
