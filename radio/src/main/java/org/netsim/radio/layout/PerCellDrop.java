package org.netsim.radio.layout;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;
import org.netsim.radio.geometry.Position;

/**
 * A fixed number of UEs per cell, each uniform (by area) over the cell's drop region minus the disc of radius
 * {@code minDistanceM} around its site (rejection sampling: redraw while the point is closer), cell by cell. Each
 * UE is tagged with its cell. Immutable.
 *
 * @param uesPerCell UEs per cell, &gt;= 1
 * @param minDistanceM minimum distance from the cell's site in metres, &gt;= 0
 */
public record PerCellDrop(int uesPerCell, double minDistanceM) implements UeDrop {

    private static final int MAX_ATTEMPTS = 100_000;

    public PerCellDrop {
        if (uesPerCell < 1) {
            throw new IllegalArgumentException("uesPerCell: must be >= 1, got " + uesPerCell);
        }
        if (!(minDistanceM >= 0) || Double.isInfinite(minDistanceM)) {
            throw new IllegalArgumentException("minDistanceM: must be finite and >= 0, got " + minDistanceM);
        }
    }

    @Override
    public String name() {
        return "per-cell";
    }

    @Override
    public List<UePlacement> drop(NetworkLayout layout, RandomGenerator rng) {
        List<UePlacement> out = new ArrayList<>(layout.numCells() * uesPerCell);
        for (Cell c : layout.cells()) {
            for (int u = 0; u < uesPerCell; u++) {
                out.add(new UePlacement(point(layout, c, rng), c.index()));
            }
        }
        return Collections.unmodifiableList(out);
    }

    private Position point(NetworkLayout layout, Cell c, RandomGenerator rng) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Position p = c.region().uniformPoint(rng);
            if (layout.distanceM(c.site(), p) >= minDistanceM && layout.area().contains(p)) {
                return p;
            }
        }
        throw new IllegalArgumentException("minDistanceM: no point of cell " + c.index() + " is " + minDistanceM
                + " m from its site after " + MAX_ATTEMPTS + " attempts");
    }
}
