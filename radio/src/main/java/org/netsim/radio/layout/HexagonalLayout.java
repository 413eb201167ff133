package org.netsim.radio.layout;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.netsim.radio.antenna.AntennaPattern;
import org.netsim.radio.geometry.Hexagon;
import org.netsim.radio.geometry.HexagonSector;
import org.netsim.radio.geometry.HexagonalGrid;
import org.netsim.radio.geometry.HexagonalWrapAround;
import org.netsim.radio.geometry.PolygonArea;
import org.netsim.radio.geometry.Position;
import org.netsim.radio.geometry.SimulationArea;

/**
 * Hexagonal multicell layout: the sites of {@link HexagonalGrid} (1, 7, 19, 37 for 0 to 3 full rings; any count
 * without wrap-around), each with one omnidirectional cell or three sector cells, optionally with wrap-around
 * ({@link HexagonalWrapAround}). Immutable.
 *
 * <p>Sectors (3GPP TR 38.901, Sec. 7.8 calibration layout; TR 36.814, Annex A): three cells per site with boresights
 * phi_0, phi_0 + 120 and phi_0 + 240 degrees, phi_0 = 30 degrees by default, i.e. 30, 150 and 270 degrees. With the
 * grid's orientation (neighbouring sites at 30 + 60 j degrees) each boresight points at a neighbouring site, as in
 * the 3GPP layout where every sector cell is a hexagon with the site at a corner. The drop region of a sector cell
 * is the third of the site's hexagon within 60 degrees of its boresight ({@link HexagonSector}); every point of
 * the area lies in exactly one cell's region. (3GPP calibrations drop UEs uniformly over the whole area and
 * associate them by received power: use a uniform-area drop and an association policy for that.)
 *
 * <p>Without wrap-around the area is the union of the sites' hexagons with reflecting borders
 * ({@link PolygonArea}).
 */
public final class HexagonalLayout implements NetworkLayout {

    private final List<Position> sites;
    private final List<Cell> cells;
    private final double isdM;
    private final int sectorsPerSite;
    private final AntennaPattern pattern;
    private final HexagonalWrapAround wrap;
    private final SimulationArea area;

    /**
     * @param numSites number of sites (a full layout 1, 7, 19, 37, ... if {@code wrapAround})
     * @param interSiteDistanceM ISD in metres
     * @param sectorsPerSite 1 (omnidirectional cells) or 3
     * @param firstBoresightDeg phi_0, the boresight of sector 0 in degrees (ignored for 1 sector)
     * @param pattern the antenna pattern: omnidirectional for 1 sector, directional for 3
     * @param wrapAround whether the area wraps around
     */
    public HexagonalLayout(int numSites, double interSiteDistanceM, int sectorsPerSite, double firstBoresightDeg,
            AntennaPattern pattern, boolean wrapAround) {
        if (sectorsPerSite != 1 && sectorsPerSite != 3) {
            throw new IllegalArgumentException("sectorsPerSite: must be 1 or 3, got " + sectorsPerSite);
        }
        if (!Double.isFinite(firstBoresightDeg)) {
            throw new IllegalArgumentException("firstBoresightDeg: must be finite, got " + firstBoresightDeg);
        }
        if (pattern == null) {
            throw new IllegalArgumentException("pattern: must not be null");
        }
        if (sectorsPerSite == 1 && !pattern.isOmnidirectional()) {
            throw new IllegalArgumentException("pattern: one cell per site needs an omnidirectional pattern, got '"
                    + pattern.name() + "'");
        }
        if (sectorsPerSite == 3 && pattern.isOmnidirectional()) {
            throw new IllegalArgumentException("pattern: three sectors per site need a directional pattern, got '"
                    + pattern.name() + "'");
        }
        this.sites = HexagonalGrid.sites(numSites, interSiteDistanceM);
        this.isdM = interSiteDistanceM;
        this.sectorsPerSite = sectorsPerSite;
        this.pattern = pattern;
        double r = HexagonalGrid.cellCircumradiusM(interSiteDistanceM);
        List<Cell> cs = new ArrayList<>();
        for (int s = 0; s < numSites; s++) {
            Hexagon hex = new Hexagon(sites.get(s), r);
            if (sectorsPerSite == 1) {
                cs.add(new Cell(cs.size(), s, sites.get(s), Double.NaN, hex));
            } else {
                for (int k = 0; k < 3; k++) {
                    double b = Math.toRadians(firstBoresightDeg + 120.0 * k);
                    b = Math.IEEEremainder(b, 2 * Math.PI);
                    cs.add(new Cell(cs.size(), s, sites.get(s), b, new HexagonSector(hex, 3, b)));
                }
            }
        }
        this.cells = Collections.unmodifiableList(cs);
        if (wrapAround) {
            this.wrap = HexagonalWrapAround.forSites(numSites, interSiteDistanceM);
            this.area = wrap;
        } else {
            this.wrap = null;
            this.area = PolygonArea.ofEdges(unionBoundary(sites, interSiteDistanceM));
        }
    }

    /**
     * @return the boundary edges (counter-clockwise around each hexagon) of the union of the flat-topped hexagons
     *         of circumradius ISD / sqrt(3) around {@code sites}: every hexagon edge whose neighbour across it (the
     *         site at ISD in the direction of the edge's normal) is not in the layout
     */
    public static List<Position[]> unionBoundary(List<Position> sites, double interSiteDistanceM) {
        double r = HexagonalGrid.cellCircumradiusM(interSiteDistanceM);
        double tol = 1e-6 * interSiteDistanceM;
        List<Position[]> edges = new ArrayList<>();
        for (Position s : sites) {
            for (int j = 0; j < 6; j++) {
                Position neighbour = s.plus(Position.polar(interSiteDistanceM, Math.toRadians(60.0 * j + 30.0)));
                boolean shared = false;
                for (Position t : sites) {
                    if (t.distanceM(neighbour) < tol) {
                        shared = true;
                        break;
                    }
                }
                if (!shared) {
                    edges.add(new Position[] {s.plus(Position.polar(r, Math.toRadians(60.0 * j))),
                        s.plus(Position.polar(r, Math.toRadians(60.0 * (j + 1))))});
                }
            }
        }
        return edges;
    }

    @Override
    public String name() {
        return "hexagonal";
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

    /** @return the inter-site distance in metres */
    public double interSiteDistanceM() {
        return isdM;
    }

    /** @return 1 or 3 */
    public int sectorsPerSite() {
        return sectorsPerSite;
    }

    /** @return whether the layout wraps around */
    public boolean wrapsAround() {
        return wrap != null;
    }

    @Override
    public Position siteImage(int site, Position p) {
        Position s = sites.get(site);
        return wrap == null ? s : wrap.nearestImage(s, p);
    }

    @Override
    public double distanceM(int site, Position p) {
        Position s = sites.get(site);
        return wrap == null ? s.distanceM(p) : wrap.distanceM(p, s);
    }
}
