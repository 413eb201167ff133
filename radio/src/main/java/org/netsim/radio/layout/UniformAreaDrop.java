package org.netsim.radio.layout;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;
import org.netsim.radio.geometry.Position;

/**
 * A fixed number of UEs uniform (by area) over the whole simulated area, at least {@code minDistanceM} from every
 * site (wrapped distances; rejection sampling), as in the 3GPP calibration drops (TR 36.814, Annex A: a minimum
 * BS-UE distance of 35 m for the 500 m ISD macro case). UEs are not tagged with a cell. Immutable.
 *
 * @param numUes number of UEs, &gt;= 1
 * @param minDistanceM minimum distance from every site in metres, &gt;= 0
 */
public record UniformAreaDrop(int numUes, double minDistanceM) implements UeDrop {

    private static final int MAX_ATTEMPTS = 100_000;

    public UniformAreaDrop {
        if (numUes < 1) {
            throw new IllegalArgumentException("numUes: must be >= 1, got " + numUes);
        }
        if (!(minDistanceM >= 0) || Double.isInfinite(minDistanceM)) {
            throw new IllegalArgumentException("minDistanceM: must be finite and >= 0, got " + minDistanceM);
        }
    }

    @Override
    public String name() {
        return "uniform";
    }

    @Override
    public List<UePlacement> drop(NetworkLayout layout, RandomGenerator rng) {
        List<UePlacement> out = new ArrayList<>(numUes);
        for (int u = 0; u < numUes; u++) {
            out.add(new UePlacement(point(layout, rng), -1));
        }
        return Collections.unmodifiableList(out);
    }

    private Position point(NetworkLayout layout, RandomGenerator rng) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Position p = layout.area().uniformPoint(rng);
            if (UeDrop.farFromSites(layout, p, minDistanceM)) {
                return p;
            }
        }
        throw new IllegalArgumentException("minDistanceM: no point of the area is " + minDistanceM
                + " m from every site after " + MAX_ATTEMPTS + " attempts");
    }
}
