package org.netsim.radio.mobility;

import java.util.random.RandomGenerator;
import org.netsim.radio.geometry.AreaStep;
import org.netsim.radio.geometry.Position;
import org.netsim.radio.geometry.SimulationArea;

/**
 * Gauss-Markov mobility (Liang and Haas, "Predictive Distance-Based Mobility Management for PCS Networks", INFOCOM
 * 1999; Camp, Boleng and Davies 2002, Sec. 2.5): speed s and direction d are first-order Gauss-Markov processes
 * with memory alpha pulled towards their means,
 *
 * <pre>
 *   s_n = a s_{n-1} + (1 - a) s_mean + sqrt(1 - a^2) sigma_s w_n
 *   d_n = a d_{n-1} + (1 - a) d_mean + sqrt(1 - a^2) sigma_d w'_n,      w, w' ~ N(0, 1)
 * </pre>
 *
 * and the UE moves with velocity max(s, 0) (cos d, sin d). Immutable.
 *
 * <p>Time scale: alpha is the memory over {@code updateIntervalS} T_u (Camp et al. update at fixed intervals). A
 * step of dt seconds uses a = alpha^(dt / T_u), so that the process is the same Ornstein-Uhlenbeck process
 * whatever the slot duration: stationary mean s_mean and standard deviation sigma_s, autocorrelation
 * alpha^(tau / T_u) at lag tau. alpha = 0 is memoryless (only with dt = T_u), alpha = 1 is constant velocity.
 * Initial speed and direction are drawn from the stationary law (s_mean + sigma_s w, d_mean + sigma_d w').
 *
 * <p>Boundary: under wrap-around nothing changes. At a reflecting border the direction and the mean direction are
 * both mirrored (Camp et al. instead steer the mean direction away from the edges; mirroring keeps the UE inside
 * and its direction process continuous). Angles are kept unwrapped; before each update the mean direction is
 * moved by a multiple of 2 pi to within pi of d, so d is pulled the short way round.
 *
 * <p>Draws: at start the mean direction (if random), speed noise, direction noise; per step speed noise then
 * direction noise.
 *
 * @param meanSpeedMps s_mean in m/s, finite and &gt;= 0
 * @param speedStdMps sigma_s in m/s, finite and &gt;= 0
 * @param meanDirectionRad d_mean in radians, or NaN for uniform in [0, 2 pi) per UE
 * @param directionStdRad sigma_d in radians, finite and &gt;= 0
 * @param alpha memory over one update interval, in [0, 1]
 * @param updateIntervalS T_u in seconds, &gt; 0
 */
public record GaussMarkovMobility(double meanSpeedMps, double speedStdMps, double meanDirectionRad,
        double directionStdRad, double alpha, double updateIntervalS) implements MobilityModel {

    /** Validates the components. */
    public GaussMarkovMobility {
        if (!(meanSpeedMps >= 0) || Double.isInfinite(meanSpeedMps)) {
            throw new IllegalArgumentException("meanSpeedKmh: must be finite and >= 0, got " + meanSpeedMps * 3.6);
        }
        if (!(speedStdMps >= 0) || Double.isInfinite(speedStdMps)) {
            throw new IllegalArgumentException("speedStdKmh: must be finite and >= 0, got " + speedStdMps * 3.6);
        }
        if (Double.isInfinite(meanDirectionRad)) {
            throw new IllegalArgumentException("meanDirectionDeg: must be finite or absent (random)");
        }
        if (!(directionStdRad >= 0) || Double.isInfinite(directionStdRad)) {
            throw new IllegalArgumentException("directionStdDeg: must be finite and >= 0, got "
                    + Math.toDegrees(directionStdRad));
        }
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha: must be in [0, 1], got " + alpha);
        }
        if (!(updateIntervalS > 0) || Double.isInfinite(updateIntervalS)) {
            throw new IllegalArgumentException("updateIntervalS: must be finite and > 0, got " + updateIntervalS);
        }
    }

    @Override
    public String name() {
        return "gauss-markov";
    }

    @Override
    public UeMotion start(Position initial, SimulationArea area, RandomGenerator rng) {
        return new State(initial, area, rng);
    }

    /** Per-UE state: current speed and direction processes, the (possibly mirrored) mean direction. */
    final class State extends UeMotion {

        private double speed;
        private double direction;
        private double meanDirection;
        private double cachedDtS = Double.NaN;
        private double a;
        private double innovation;

        State(Position initial, SimulationArea area, RandomGenerator rng) {
            super(initial, area, rng);
            meanDirection = Double.isNaN(meanDirectionRad) ? 2 * Math.PI * rng.nextDouble() : meanDirectionRad;
            speed = meanSpeedMps + speedStdMps * rng.nextGaussian();
            direction = meanDirection + directionStdRad * rng.nextGaussian();
            double v = Math.max(speed, 0);
            setVelocity(v * Math.cos(direction), v * Math.sin(direction));
        }

        @Override
        protected void advance(double dtS) {
            if (dtS != cachedDtS) {
                cachedDtS = dtS;
                a = Math.pow(alpha, dtS / updateIntervalS);
                innovation = Math.sqrt(Math.max(0, 1 - a * a));
            }
            meanDirection = direction + Math.IEEEremainder(meanDirection - direction, 2 * Math.PI);
            speed = a * speed + (1 - a) * meanSpeedMps + innovation * speedStdMps * rng().nextGaussian();
            direction = a * direction + (1 - a) * meanDirection + innovation * directionStdRad * rng().nextGaussian();
            double v = Math.max(speed, 0);
            double vx = v * Math.cos(direction);
            double vy = v * Math.sin(direction);
            AreaStep s = moveBy(vx * dtS, vy * dtS);
            if (!s.mapIsIdentity()) {
                double cx = Math.cos(direction);
                double cy = Math.sin(direction);
                direction = Math.atan2(s.mapY(cx, cy), s.mapX(cx, cy));
                double mx = Math.cos(meanDirection);
                double my = Math.sin(meanDirection);
                meanDirection = Math.atan2(s.mapY(mx, my), s.mapX(mx, my));
                vx = v * Math.cos(direction);
                vy = v * Math.sin(direction);
            }
            setVelocity(vx, vy);
        }

        /** @return the speed process s (may be negative; the UE then stands still) */
        double speedProcess() {
            return speed;
        }
    }
}
