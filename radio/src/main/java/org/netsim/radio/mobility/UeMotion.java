package org.netsim.radio.mobility;

import java.util.random.RandomGenerator;
import org.netsim.radio.geometry.AreaStep;
import org.netsim.radio.geometry.Position;
import org.netsim.radio.geometry.SimulationArea;

/**
 * The explicit mobility state of one UE: position (metres), velocity (m/s), distance travelled along its path
 * (metres), plus the model's own fields in subclasses. Created by {@link MobilityModel#start}; it keeps its area
 * and its random stream (e.g. {@code "mobility/ue/12"}) and is advanced with {@link #step(double)}. Mutable, one
 * per UE; not thread-safe. A step allocates nothing.
 */
public abstract class UeMotion {

    private final SimulationArea area;
    private final RandomGenerator rng;
    private final AreaStep scratch = new AreaStep();
    private double xM;
    private double yM;
    private double vxMps;
    private double vyMps;
    private double travelledM;

    protected UeMotion(Position start, SimulationArea area, RandomGenerator rng) {
        if (start == null) {
            throw new IllegalArgumentException("start: must not be null");
        }
        if (area == null) {
            throw new IllegalArgumentException("area: must not be null");
        }
        if (rng == null) {
            throw new IllegalArgumentException("rng: must not be null");
        }
        if (!area.contains(start)) {
            throw new IllegalArgumentException("start: " + start + " is outside the simulation area");
        }
        this.area = area;
        this.rng = rng;
        this.xM = start.xM();
        this.yM = start.yM();
    }

    /**
     * Advances the UE by {@code dtS} seconds (its model's rule, then the area's boundary rule).
     *
     * @param dtS time step in seconds, finite and &gt;= 0
     * @return the path length travelled during the step, metres (what shadowing decorrelates with)
     */
    public final double step(double dtS) {
        if (!(dtS >= 0) || Double.isInfinite(dtS)) {
            throw new IllegalArgumentException("dtS: must be finite and >= 0, got " + dtS);
        }
        double before = travelledM;
        if (dtS > 0) {
            advance(dtS);
        }
        return travelledM - before;
    }

    /** The model's rule for a step of {@code dtS} &gt; 0 seconds; moves with {@link #moveBy}. */
    protected abstract void advance(double dtS);

    /**
     * Moves by (dx, dy) metres under the area's boundary rule, adding the path length to the travelled distance.
     *
     * @return the step record (end point, direction map, first border hit); valid until the next call
     */
    protected final AreaStep moveBy(double dxM, double dyM) {
        scratch.start(xM, yM, dxM, dyM);
        area.move(scratch);
        boolean refused = scratch.xM() == xM && scratch.yM() == yM && (dxM != 0 || dyM != 0);
        xM = scratch.xM();
        yM = scratch.yM();
        if (!refused) {
            travelledM += Math.hypot(dxM, dyM);
        }
        return scratch;
    }

    /**
     * Moves by (dx, dy) metres but stops at the first border hit (just inside it), adding the path length actually
     * travelled. Under wrap-around this is {@link #moveBy}.
     *
     * @return the step record; {@link AreaStep#hitBoundary()} tells whether the UE stopped at the border
     */
    protected final AreaStep moveUntilBorder(double dxM, double dyM) {
        scratch.start(xM, yM, dxM, dyM);
        area.move(scratch);
        if (scratch.hitBoundary()) {
            xM = scratch.hitXM();
            yM = scratch.hitYM();
            travelledM += Math.hypot(dxM, dyM) * scratch.hitFraction();
        } else {
            xM = scratch.xM();
            yM = scratch.yM();
            travelledM += Math.hypot(dxM, dyM);
        }
        return scratch;
    }

    /** Sets the position (e.g. a reached waypoint or border point); it must be inside the area. */
    protected final void placeAt(double x, double y) {
        xM = x;
        yM = y;
    }

    /** Sets the velocity in m/s. */
    protected final void setVelocity(double vx, double vy) {
        vxMps = vx;
        vyMps = vy;
    }

    /** @return the UE's random stream */
    protected final RandomGenerator rng() {
        return rng;
    }

    /** @return the simulation area */
    public final SimulationArea area() {
        return area;
    }

    /** @return x in metres */
    public final double xM() {
        return xM;
    }

    /** @return y in metres */
    public final double yM() {
        return yM;
    }

    /** @return the position (a new record) */
    public final Position position() {
        return new Position(xM, yM);
    }

    /** @return the velocity's x component in m/s (0 while pausing) */
    public final double vxMps() {
        return vxMps;
    }

    /** @return the velocity's y component in m/s */
    public final double vyMps() {
        return vyMps;
    }

    /** @return the speed |v| in m/s (drives the Doppler frequency of the UE's fading) */
    public final double speedMps() {
        return Math.hypot(vxMps, vyMps);
    }

    /** @return the total path length travelled since the start, metres */
    public final double travelledDistanceM() {
        return travelledM;
    }
}
