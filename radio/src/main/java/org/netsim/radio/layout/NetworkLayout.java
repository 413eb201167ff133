package org.netsim.radio.layout;

import java.util.List;
import org.netsim.radio.antenna.AntennaPattern;
import org.netsim.radio.geometry.Position;
import org.netsim.radio.geometry.SimulationArea;

/**
 * A BS deployment: sites, the cells at each site (one omnidirectional cell, or several sectors), the simulated
 * area with its boundary rule, and the geometry of a UE-to-site link (wrap-around aware). Immutable.
 *
 * <p>Link geometry: the distance and direction from a site to a UE at p are taken from the site's image
 * {@link #siteImage(int, Position)} nearest to p (the site itself without wrap-around), so path loss, shadowing and
 * antenna gain all see the same wrapped geometry. Distances are horizontal (2-D); antenna heights are not modelled.
 */
public interface NetworkLayout {

    /** @return the layout's registry name */
    String name();

    /** @return the site positions in metres; unmodifiable */
    List<Position> sites();

    /** @return the cells, site by site (cell c of a site with S sectors is at index site S + sector); unmodifiable */
    List<Cell> cells();

    /** @return the BS antenna pattern of every cell */
    AntennaPattern antennaPattern();

    /** @return the area in which UEs are dropped and move */
    SimulationArea area();

    /** @return the image of site {@code site} nearest to {@code p} (wrap-around), or the site itself */
    Position siteImage(int site, Position p);

    /** @return the number of sites */
    default int numSites() {
        return sites().size();
    }

    /** @return the number of cells */
    default int numCells() {
        return cells().size();
    }

    /** @return the (wrapped) horizontal distance in metres from site {@code site} to {@code p} */
    default double distanceM(int site, Position p) {
        return siteImage(site, p).distanceM(p);
    }

    /**
     * @return the BS antenna gain in dB of cell {@code cell} towards {@code p}: the pattern at the angle between the
     *         cell's boresight and the direction from the (wrapped) site to p; the boresight gain for omni cells
     */
    default double antennaGainDb(int cell, Position p) {
        Cell c = cells().get(cell);
        if (!c.isSectorized()) {
            return antennaPattern().gainDb(0.0);
        }
        Position s = siteImage(c.site(), p);
        if (s.equals(p)) {
            return antennaPattern().gainDb(0.0);
        }
        return antennaPattern().gainDb(p.angleFromRad(s) - c.boresightRad());
    }
}
