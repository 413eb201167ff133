package org.netsim.radio.mobility;

import java.util.random.RandomGenerator;
import org.netsim.radio.geometry.AreaStep;
import org.netsim.radio.geometry.Position;
import org.netsim.radio.geometry.SimulationArea;

/**
 * Constant velocity: each UE draws a speed v ~ U[v_min, v_max] and a direction (fixed, or ~ U[0, 2 pi)) once and
 * moves x(t + dt) = x(t) + v dt; the velocity changes only by the border's reflection (wrap-around keeps it).
 * Draws at start: speed (if the range is not a single value), then direction (if random). Immutable.
 *
 * @param speedMps the speed range in m/s
 * @param directionRad the fixed direction in radians, or NaN for a uniform random direction per UE
 */
public record ConstantVelocityMobility(UniformRange speedMps, double directionRad) implements MobilityModel {

    /** Validates the components. */
    public ConstantVelocityMobility {
        if (speedMps == null || Double.isInfinite(speedMps.max())) {
            throw new IllegalArgumentException("speedMps: must be a finite range");
        }
        if (Double.isInfinite(directionRad)) {
            throw new IllegalArgumentException("directionRad: must be finite or NaN (random), got " + directionRad);
        }
    }

    @Override
    public String name() {
        return "constant-velocity";
    }

    @Override
    public UeMotion start(Position initial, SimulationArea area, RandomGenerator rng) {
        return new State(initial, area, rng);
    }

    private final class State extends UeMotion {

        State(Position initial, SimulationArea area, RandomGenerator rng) {
            super(initial, area, rng);
            double v = speedMps.draw(rng);
            double phi = Double.isNaN(directionRad) ? 2 * Math.PI * rng.nextDouble() : directionRad;
            setVelocity(v * Math.cos(phi), v * Math.sin(phi));
        }

        @Override
        protected void advance(double dtS) {
            double vx = vxMps();
            double vy = vyMps();
            AreaStep s = moveBy(vx * dtS, vy * dtS);
            setVelocity(s.mapX(vx, vy), s.mapY(vx, vy));
        }
    }
}
