package org.netsim.radio.mobility;

import java.util.random.RandomGenerator;
import org.netsim.radio.geometry.AreaStep;
import org.netsim.radio.geometry.Position;
import org.netsim.radio.geometry.SimulationArea;

/**
 * Random direction (Royer, Melliar-Smith and Moser 2001, as described by Camp, Boleng and Davies 2002, Sec. 2.3):
 * a UE draws a direction uniform in [0, 2 pi) and a speed v ~ U[v_min, v_max] and travels until it reaches the
 * border of the area; there it pauses for T_p ~ U[p_min, p_max], draws a new direction uniform over the half-plane
 * pointing into the area (the border's inward normal +- 90 degrees) and a new speed, and goes on. Immutable.
 *
 * <p>Leg time limit: each leg also ends after a travel time T_l ~ U[l_min, l_max] (then the UE pauses and draws a
 * direction uniform in [0, 2 pi)). Under wrap-around there is no border, so a finite limit is required there; in a
 * reflecting area the default (infinite) gives the original model. Time is carried over within a step as in
 * {@link RandomWaypointMobility}. The UE starts moving (no initial pause).
 *
 * <p>Draws per leg: direction (one uniform), speed (unless fixed), leg time (unless fixed); per pause: its length
 * (unless fixed).
 *
 * @param speedMps the speed range in m/s, min &gt; 0
 * @param pauseS the pause-time range in seconds
 * @param legDurationS the leg time-limit range in seconds; [inf, inf] for none
 */
public record RandomDirectionMobility(UniformRange speedMps, UniformRange pauseS, UniformRange legDurationS)
        implements MobilityModel {

    public RandomDirectionMobility {
        if (speedMps == null || !(speedMps.min() > 0) || Double.isInfinite(speedMps.max())) {
            throw new IllegalArgumentException("minSpeedKmh: random direction needs finite speeds with a minimum > 0,"
                    + " got " + speedMps);
        }
        if (pauseS == null || Double.isInfinite(pauseS.max())) {
            throw new IllegalArgumentException("pauseS: must be a finite range, got " + pauseS);
        }
        if (legDurationS == null || !(legDurationS.min() > 0)) {
            throw new IllegalArgumentException("minLegDurationS: must be > 0, got " + legDurationS);
        }
    }

    @Override
    public String name() {
        return "random-direction";
    }

    @Override
    public UeMotion start(Position initial, SimulationArea area, RandomGenerator rng) {
        if (area.wrapsAround() && Double.isInfinite(legDurationS.max())) {
            throw new IllegalArgumentException("maxLegDurationS: must be finite on a wrap-around area, which has no"
                    + " border to end a leg");
        }
        return new State(initial, area, rng);
    }

    private final class State extends UeMotion {

        private double dirX;
        private double dirY;
        private double speed;
        private double legLeftS;
        private double pauseLeftS;

        State(Position initial, SimulationArea area, RandomGenerator rng) {
            super(initial, area, rng);
            newLeg(2 * Math.PI * rng.nextDouble());
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
                    if (pauseLeftS <= 0) {
                        setVelocity(speed * dirX, speed * dirY);
                    }
                    continue;
                }
                double t = Math.min(left, legLeftS);
                AreaStep s = moveUntilBorder(speed * dirX * t, speed * dirY * t);
                if (s.hitBoundary()) {
                    left -= t * s.hitFraction();
                    double inward = Math.atan2(s.normalY(), s.normalX());
                    double phi = inward + Math.PI * (rng().nextDouble() - 0.5);
                    startPause(phi);
                    continue;
                }
                left -= t;
                legLeftS -= t;
                if (legLeftS <= 0) {
                    startPause(2 * Math.PI * rng().nextDouble());
                }
            }
        }

        /** Pauses, with the next leg's direction already drawn. */
        private void startPause(double nextDirectionRad) {
            pauseLeftS = pauseS.draw(rng());
            newLeg(nextDirectionRad);
            if (pauseLeftS > 0) {
                setVelocity(0, 0);
            }
        }

        private void newLeg(double phi) {
            dirX = Math.cos(phi);
            dirY = Math.sin(phi);
            speed = speedMps.draw(rng());
            legLeftS = legDurationS.draw(rng());
            setVelocity(speed * dirX, speed * dirY);
        }
    }
}
