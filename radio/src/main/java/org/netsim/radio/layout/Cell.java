package org.netsim.radio.layout;

import org.netsim.radio.geometry.Position;
import org.netsim.radio.geometry.Region;

/**
 * A cell of a {@link NetworkLayout}: one BS antenna panel at a site, with its boresight and the region its UEs are
 * dropped in. Omnidirectional cells (one per site) have no boresight ({@code NaN}). Immutable.
 *
 * @param index the cell's index in {@link NetworkLayout#cells()}
 * @param site the index of its site in {@link NetworkLayout#sites()}
 * @param sitePosition the site's position in metres
 * @param boresightRad the antenna boresight, radians counter-clockwise from +x; NaN for an omnidirectional cell
 * @param region the cell's UE drop region
 */
public record Cell(int index, int site, Position sitePosition, double boresightRad, Region region) {

    /** Validates the components. */
    public Cell {
        if (index < 0) {
            throw new IllegalArgumentException("index: must be >= 0, got " + index);
        }
        if (site < 0) {
            throw new IllegalArgumentException("site: must be >= 0, got " + site);
        }
        if (sitePosition == null) {
            throw new IllegalArgumentException("sitePosition: must not be null");
        }
        if (Double.isInfinite(boresightRad)) {
            throw new IllegalArgumentException("boresightRad: must be finite or NaN, got " + boresightRad);
        }
        if (region == null) {
            throw new IllegalArgumentException("region: must not be null");
        }
    }

    /** @return whether the cell has a directional antenna */
    public boolean isSectorized() {
        return !Double.isNaN(boresightRad);
    }
}
