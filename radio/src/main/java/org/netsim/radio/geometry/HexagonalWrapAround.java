package org.netsim.radio.geometry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Wrap-around of a full hexagonal layout (1, 7, 19, 37, ... sites: n rings, N = 3 n^2 + 3 n + 1), the standard
 * 7-copy mapping of 3GPP system-level evaluations (e.g. TR 36.814, Annex A; TR 38.901, Sec. 7.8): the network area
 * is replicated at the 6 shift vectors of its cluster, so that every cell, also at the edge, is surrounded by
 * interferers, and the distance from a UE to a BS is the minimum over the BS's 7 images. Immutable.
 *
 * <p>Geometry (that of {@link HexagonalGrid}): sites on the triangular lattice i a1 + j a2 with
 * a1 = ISD (cos 30, sin 30) and a2 = ISD (0, 1); site (i, j) belongs to the cluster iff its hexagonal distance
 * from the origin (|i| + |j| if i j &gt;= 0, else max(|i|, |j|)) is at most n. The cluster tiles the plane under the
 * super-lattice spanned by B1 = (n + 1) a1 + n a2 and its 60-degree rotation B2 = -n a1 + (2 n + 1) a2
 * (|B1| = sqrt(N) ISD, det = N, so one copy per N sites). The 6 shift vectors are +-B1, +-B2, +-(B2 - B1).
 *
 * <p>The simulated area is the union of the cluster sites' hexagons (their Voronoi cells in the site lattice). A
 * point leaves the area when its nearest lattice site is outside the cluster; {@link #mapInto(Position)} then
 * subtracts the super-lattice vector that brings that site back into the cluster (exact modular reduction, so
 * points any number of copies away are mapped too). Velocities are unchanged by the mapping.
 *
 * <p>Distances: for points a, b of the area, {@link #distanceM(Position, Position)} = min over the 7 images
 * b + L (L in {0, 6 shift vectors}) of |a - (b + L)|, which is symmetric because the shift set is symmetric.
 */
public final class HexagonalWrapAround implements SimulationArea {

    private static final int MAX_ATTEMPTS = 1_000_000;

    private final int rings;
    private final int numSites;
    private final double isdM;
    private final double circumradiusM;
    private final List<Position> sites;
    /** Site index of lattice point (i, j), |i|, |j| &lt;= n, at [(i + n) (2n + 1) + (j + n)]; -1 if not in cluster. */
    private final int[] siteOfLattice;
    /** The 7 images' shifts: 0 and the 6 shift vectors, x and y in metres. */
    private final double[] shiftX = new double[7];
    private final double[] shiftY = new double[7];
    private final double halfBoxM;

    /**
     * @param rings n &gt;= 0 (0: 1 site, 1: 7 sites, 2: 19 sites, 3: 37 sites)
     * @param interSiteDistanceM ISD in metres
     */
    public HexagonalWrapAround(int rings, double interSiteDistanceM) {
        if (rings < 0 || rings > 50) {
            throw new IllegalArgumentException("rings: must be in [0, 50], got " + rings);
        }
        HexagonalGrid.requirePositive(interSiteDistanceM, "interSiteDistanceM");
        this.rings = rings;
        this.numSites = HexagonalGrid.fullLayoutSize(rings);
        this.isdM = interSiteDistanceM;
        this.circumradiusM = HexagonalGrid.cellCircumradiusM(interSiteDistanceM);
        this.sites = HexagonalGrid.sites(numSites, interSiteDistanceM);
        int w = 2 * rings + 1;
        siteOfLattice = new int[w * w];
        java.util.Arrays.fill(siteOfLattice, -1);
        for (int s = 0; s < numSites; s++) {
            Position p = sites.get(s);
            double u = p.xM() / (isdM * Math.sqrt(3) / 2);
            double v = p.yM() / isdM - u / 2;
            int i = (int) Math.round(u);
            int j = (int) Math.round(v);
            if (hexDistance(i, j) > rings || siteOfLattice[(i + rings) * w + (j + rings)] != -1) {
                throw new IllegalStateException("site " + s + " is not a distinct cluster lattice point");
            }
            siteOfLattice[(i + rings) * w + (j + rings)] = s;
        }
        int n = rings;
        int[][] shifts = {{n + 1, n}, {-n, 2 * n + 1}, {-2 * n - 1, n + 1}};
        for (int k = 0; k < 3; k++) {
            double x = latticeX(shifts[k][0], shifts[k][1]);
            double y = latticeY(shifts[k][0], shifts[k][1]);
            shiftX[1 + 2 * k] = x;
            shiftY[1 + 2 * k] = y;
            shiftX[2 + 2 * k] = -x;
            shiftY[2 + 2 * k] = -y;
        }
        halfBoxM = rings * isdM + circumradiusM;
    }

    /** @return the wrap-around of the full layout with {@code numSites} sites (1, 7, 19, 37, ...) */
    public static HexagonalWrapAround forSites(int numSites, double interSiteDistanceM) {
        for (int n = 0; n <= 50; n++) {
            if (HexagonalGrid.fullLayoutSize(n) == numSites) {
                return new HexagonalWrapAround(n, interSiteDistanceM);
            }
        }
        throw new IllegalArgumentException("numSites: wrap-around needs a full hexagonal layout (1, 7, 19, 37, ..."
                + " = 3n^2 + 3n + 1 sites), got " + numSites);
    }

    /** @return the number of rings n */
    public int rings() {
        return rings;
    }

    /** @return the cluster's sites, in the spiral order of {@link HexagonalGrid#sites(int, double)} */
    public List<Position> sites() {
        return sites;
    }

    /** @return the inter-site distance in metres */
    public double interSiteDistanceM() {
        return isdM;
    }

    /** @return the 6 shift vectors (metres) at which the area is replicated */
    public List<Position> shiftVectors() {
        List<Position> out = new ArrayList<>(6);
        for (int k = 1; k < 7; k++) {
            out.add(new Position(shiftX[k], shiftY[k]));
        }
        return Collections.unmodifiableList(out);
    }

    /** @return the area N sqrt(3) / 2 ISD^2 in square metres */
    public double areaM2() {
        return numSites * Math.sqrt(3) / 2 * isdM * isdM;
    }

    @Override
    public boolean wrapsAround() {
        return true;
    }

    @Override
    public boolean contains(Position p) {
        return clusterSiteOf(p.xM(), p.yM()) >= 0;
    }

    /**
     * @return the index of the cluster site whose hexagon contains {@code p}, or -1 if p is outside the area
     */
    public int siteIndexOf(Position p) {
        return clusterSiteOf(p.xM(), p.yM());
    }

    @Override
    public Position mapInto(Position p) {
        if (contains(p)) {
            return p;
        }
        double[] xy = {p.xM(), p.yM()};
        wrapInPlace(xy);
        return new Position(xy[0], xy[1]);
    }

    @Override
    public void move(AreaStep step) {
        double x = step.xM() + step.dxM();
        double y = step.yM() + step.dyM();
        if (clusterSiteOf(x, y) >= 0) {
            step.end(x, y);
            return;
        }
        long ij = nearestLattice(x, y);
        int i = (int) (ij >> 32);
        int j = (int) ij;
        int n = rings;
        int nn = numSites;
        double c1 = ((2.0 * n + 1) * i + (double) n * j) / nn;
        double c2 = (-(double) n * i + (n + 1.0) * j) / nn;
        int f1 = (int) Math.floor(c1);
        int f2 = (int) Math.floor(c2);
        for (int m1 = f1 - 1; m1 <= f1 + 2; m1++) {
            for (int m2 = f2 - 1; m2 <= f2 + 2; m2++) {
                int ri = i - (n + 1) * m1 + n * m2;
                int rj = j - n * m1 - (2 * n + 1) * m2;
                if (hexDistance(ri, rj) <= n) {
                    int li = i - ri;
                    int lj = j - rj;
                    step.end(x - latticeX(li, lj), y - latticeY(li, lj));
                    step.markWrapped();
                    return;
                }
            }
        }
        throw new IllegalStateException("move: no super-lattice reduction for lattice point (" + i + ", " + j + ")");
    }

    private void wrapInPlace(double[] xy) {
        AreaStep s = new AreaStep().start(xy[0], xy[1], 0, 0);
        move(s);
        xy[0] = s.xM();
        xy[1] = s.yM();
    }

    @Override
    public Position uniformPoint(RandomGenerator rng) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            double x = (2 * rng.nextDouble() - 1) * halfBoxM;
            double y = (2 * rng.nextDouble() - 1) * halfBoxM;
            if (clusterSiteOf(x, y) >= 0) {
                return new Position(x, y);
            }
        }
        throw new IllegalStateException("uniformPoint: no point accepted after " + MAX_ATTEMPTS + " attempts");
    }

    /** @return the shortest of the 7 displacements from {@code from} to the images of {@code to} */
    @Override
    public Position displacement(Position from, Position to) {
        int k = nearestImageIndex(to.xM(), to.yM(), from.xM(), from.yM());
        return new Position(to.xM() + shiftX[k] - from.xM(), to.yM() + shiftY[k] - from.yM());
    }

    @Override
    public boolean canTravelStraight(Position from, Position to) {
        return true;
    }

    /** @return the image of {@code target} (among its 7) nearest to {@code from}: the wrapped position */
    public Position nearestImage(Position target, Position from) {
        int k = nearestImageIndex(target.xM(), target.yM(), from.xM(), from.yM());
        return new Position(target.xM() + shiftX[k], target.yM() + shiftY[k]);
    }

    /** @return the wrapped distance min_L |a - (b + L)| over the 7 images, in metres */
    public double distanceM(Position a, Position b) {
        int k = nearestImageIndex(b.xM(), b.yM(), a.xM(), a.yM());
        return Math.hypot(a.xM() - b.xM() - shiftX[k], a.yM() - b.yM() - shiftY[k]);
    }

    /** @return k in [0, 7) minimising |(tx, ty) + L_k - (fx, fy)| (0 = no shift) */
    int nearestImageIndex(double tx, double ty, double fx, double fy) {
        int best = 0;
        double bestD2 = Double.POSITIVE_INFINITY;
        for (int k = 0; k < 7; k++) {
            double dx = tx + shiftX[k] - fx;
            double dy = ty + shiftY[k] - fy;
            double d2 = dx * dx + dy * dy;
            if (d2 < bestD2) {
                bestD2 = d2;
                best = k;
            }
        }
        return best;
    }

    private int clusterSiteOf(double x, double y) {
        long ij = nearestLattice(x, y);
        int i = (int) (ij >> 32);
        int j = (int) ij;
        if (hexDistance(i, j) > rings) {
            return -1;
        }
        int w = 2 * rings + 1;
        return siteOfLattice[(i + rings) * w + (j + rings)];
    }

    /** @return the nearest lattice point (i, j) packed as (i &lt;&lt; 32) | (j &amp; 0xffffffff) */
    private long nearestLattice(double x, double y) {
        double u = x / (isdM * Math.sqrt(3) / 2);
        double v = y / isdM - u / 2;
        int fu = (int) Math.floor(u);
        int fv = (int) Math.floor(v);
        int bi = fu;
        int bj = fv;
        double best = Double.POSITIVE_INFINITY;
        for (int di = 0; di <= 1; di++) {
            for (int dj = 0; dj <= 1; dj++) {
                double dx = x - latticeX(fu + di, fv + dj);
                double dy = y - latticeY(fu + di, fv + dj);
                double d2 = dx * dx + dy * dy;
                if (d2 < best) {
                    best = d2;
                    bi = fu + di;
                    bj = fv + dj;
                }
            }
        }
        return ((long) bi << 32) | (bj & 0xffffffffL);
    }

    private double latticeX(int i, int j) {
        return i * isdM * Math.sqrt(3) / 2;
    }

    private double latticeY(int i, int j) {
        return (i / 2.0 + j) * isdM;
    }

    /** Hexagonal distance of i a1 + j a2 (a1, a2 60 degrees apart). */
    static int hexDistance(int i, int j) {
        if ((i >= 0) == (j >= 0)) {
            return Math.abs(i) + Math.abs(j);
        }
        return Math.max(Math.abs(i), Math.abs(j));
    }
}
