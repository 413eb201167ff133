package org.netsim.radio.layout;

import org.netsim.radio.geometry.Position;

/**
 * A dropped UE: its position and the cell it was dropped for ({@code -1} when the drop is not per cell; the
 * association policy then picks its cell).
 *
 * @param position the UE's position in metres, inside the layout's area
 * @param cell the cell index the UE was dropped in, or -1
 */
public record UePlacement(Position position, int cell) {

    public UePlacement {
        if (position == null) {
            throw new IllegalArgumentException("position: must not be null");
        }
        if (cell < -1) {
            throw new IllegalArgumentException("cell: must be >= -1, got " + cell);
        }
    }
}
