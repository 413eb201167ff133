package org.netsim.simcore;

import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import org.netsim.radio.geometry.Position;

/**
 * A UE as the host model sees it: the plugin reads its position and speed once per slot, in the large-scale phase
 * (DESIGN.md "A plugin first"). Host agents (vehicles, pedestrians, drones of any MASON model) implement it, or give
 * a position callback ({@link #of(Supplier)}, {@link FieldFrame#terminal}); the built-in
 * {@link NetworkSimulation} implements it with the radio module's mobility models ({@link MobileUe}).
 */
public interface Terminal {

    /** @return the current position in metres, inside the network's area */
    Position position();

    /**
     * @return the current speed in m/s (drives the Doppler spread of the UE's fading), or NaN if the host does not
     *     know it: the network then takes the distance between the positions of consecutive slots over the slot
     *     duration (0 in the UE's first slot)
     */
    double speedMps();

    /**
     * @return the path length travelled since the start, in metres (drives the decorrelation of shadowing), or
     *     NaN if the host does not track it; the network then uses the straight distance between consecutive
     *     positions, which is exact for steps shorter than a turn and a border crossing
     */
    default double travelledDistanceM() {
        return Double.NaN;
    }

    /**
     * @param position where the UE is, read once per slot
     * @return a terminal whose speed and travelled distance the network derives from consecutive positions
     */
    static Terminal of(Supplier<Position> position) {
        return of(position, () -> Double.NaN);
    }

    /**
     * @param position where the UE is, read once per slot
     * @param speedMps its speed in m/s (or NaN: see {@link #speedMps()})
     * @return a terminal over the two callbacks
     */
    static Terminal of(Supplier<Position> position, DoubleSupplier speedMps) {
        if (position == null || speedMps == null) {
            throw new IllegalArgumentException("terminal: position and speed callbacks must not be null");
        }
        return new Terminal() {
            @Override
            public Position position() {
                return position.get();
            }

            @Override
            public double speedMps() {
                return speedMps.getAsDouble();
            }
        };
    }
}
