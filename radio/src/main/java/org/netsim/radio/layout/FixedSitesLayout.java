package org.netsim.radio.layout;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.netsim.radio.antenna.AntennaPattern;
import org.netsim.radio.antenna.OmniPattern;
import org.netsim.radio.geometry.AnnulusSector;
import org.netsim.radio.geometry.Layouts;
import org.netsim.radio.geometry.PolygonArea;
import org.netsim.radio.geometry.Position;
import org.netsim.radio.geometry.Region;
import org.netsim.radio.geometry.SimulationArea;

/**
 * A layout of given sites, one omnidirectional cell per site with a given drop region, and a reflecting area (no
 * wrap-around): the special layouts of the seed papers through the {@link NetworkLayout} interface. Immutable.
 *
 * <ul>
 *   <li>{@link #triangle(double, double)}: the GCN-WMMSE base scenario ("Coordinated Sum-Rate Maximization in
 *       Multicell MU-MIMO with Deep Unrolling", Section IV): 3 sites on an equilateral triangle of side d, the
 *       UEs of site k in the 60-degree sector of radius d / sqrt(3) facing the other sites
 *       ({@link Layouts#triangleSector}); the three sectors tile the triangle, which is the area.</li>
 *   <li>{@link #twoSites(double, double, double)}: two sites d apart ({@link Layouts#twoSites}), UEs in the annulus
 *       [r_in, r_out] around their site (Song et al.'s two-cell setup: 0.1-0.3 km); the area is the bounding
 *       rectangle [-r_out, d + r_out] x [-r_out, r_out].</li>
 * </ul>
 */
public final class FixedSitesLayout implements NetworkLayout {

    private final String name;
    private final List<Position> sites;
    private final List<Cell> cells;
    private final SimulationArea area;
    private final AntennaPattern pattern;

    /**
     * @param name the layout's name
     * @param sites the site positions
     * @param regions the drop region of each site's cell (same length as {@code sites})
     * @param area the simulated area; must not wrap around (the sites are not periodic)
     */
    public FixedSitesLayout(String name, List<Position> sites, List<? extends Region> regions, SimulationArea area) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name: must be non-blank");
        }
        if (sites == null || sites.isEmpty()) {
            throw new IllegalArgumentException("sites: must be non-empty");
        }
        if (regions == null || regions.size() != sites.size()) {
            throw new IllegalArgumentException("regions: need one per site (" + sites.size() + "), got "
                    + (regions == null ? "null" : regions.size()));
        }
        if (area == null) {
            throw new IllegalArgumentException("area: must not be null");
        }
        if (area.wrapsAround()) {
            throw new IllegalArgumentException("area: fixed sites cannot wrap around");
        }
        this.name = name;
        this.sites = List.copyOf(sites);
        List<Cell> cs = new ArrayList<>();
        for (int s = 0; s < sites.size(); s++) {
            cs.add(new Cell(s, s, sites.get(s), Double.NaN, regions.get(s)));
        }
        this.cells = Collections.unmodifiableList(cs);
        this.area = area;
        this.pattern = OmniPattern.UNIT;
    }

    /**
     * BSs placed by a host model (e.g. the masts or base-station agents of a MASON model that hosts the network):
     * one omnidirectional cell per given site, in the given order (cell k is site k), with a disc of radius
     * {@code cellRadiusM} around the site as its drop region (used only by the built-in UE drops).
     *
     * @param sites the BS positions, metres
     * @param cellRadiusM the radius of every cell's drop region, metres, &gt; 0
     * @param area the area the UEs move in; must not wrap around
     * @return the layout, named {@code host-sites}
     */
    public static FixedSitesLayout ofSites(List<Position> sites, double cellRadiusM, SimulationArea area) {
        if (!(cellRadiusM > 0) || Double.isInfinite(cellRadiusM)) {
            throw new IllegalArgumentException("cellRadiusM: must be finite and > 0, got " + cellRadiusM);
        }
        List<Region> regions = new ArrayList<>();
        for (Position s : sites == null ? List.<Position>of() : sites) {
            regions.add(new org.netsim.radio.geometry.Disc(s, cellRadiusM));
        }
        return new FixedSitesLayout("host-sites", sites, regions, area);
    }

    /** The GCN-WMMSE triangle of side {@code sideM}, UEs at least {@code minDistanceM} from their site. */
    public static FixedSitesLayout triangle(double sideM, double minDistanceM) {
        List<Position> sites = Layouts.equilateralTriangle(sideM);
        List<AnnulusSector> regions = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            regions.add(Layouts.triangleSector(sideM, k, minDistanceM));
        }
        return new FixedSitesLayout("triangle", sites, regions, PolygonArea.ofRing(sites));
    }

    /** Two sites {@code distanceM} apart, UEs in the annulus [inner, outer] around their site. */
    public static FixedSitesLayout twoSites(double distanceM, double innerRadiusM, double outerRadiusM) {
        List<Position> sites = Layouts.twoSites(distanceM);
        List<AnnulusSector> regions = new ArrayList<>();
        for (Position s : sites) {
            regions.add(AnnulusSector.annulus(s, innerRadiusM, outerRadiusM));
        }
        return new FixedSitesLayout("two-sites", sites, regions,
                PolygonArea.rectangle(-outerRadiusM, -outerRadiusM, distanceM + outerRadiusM, outerRadiusM));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Position> sites() {
        return sites;
    }

    @Override
    public List<Cell> cells() {
        return cells;
    }

    @Override
    public AntennaPattern antennaPattern() {
        return pattern;
    }

    @Override
    public SimulationArea area() {
        return area;
    }

    @Override
    public Position siteImage(int site, Position p) {
        return sites.get(site);
    }
}
