package org.netsim.radio.geometry;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A polygonal simulation area with reflecting borders: the region enclosed by a set of boundary edges (one or more
 * closed rings, even-odd rule), e.g. a rectangle, the triangle of the GCN-WMMSE base scenario, or the union of the
 * hexagonal cells of a layout without wrap-around. Immutable.
 *
 * <p>Reflection (specular, as at the border of the area in the mobility models of Camp, Boleng and Davies, "A
 * Survey of Mobility Models for Ad Hoc Network Research", 2002): a step from p by d that first crosses an edge
 * with unit normal n at p + t d (0 &lt; t &lt;= 1) continues from the hit point with the remaining displacement
 * mirrored, (1 - t)(d - 2 (d.n) n), and the direction map is composed with I - 2 n n^T; this repeats for up to
 * {@value #MAX_BOUNCES} bounces (corners). If the end point were still outside (a degenerate corner hit), the move
 * is refused: the point stays at its start and the direction map is -I (the UE turns back). The end point is
 * therefore always inside.
 */
public final class PolygonArea implements SimulationArea {

    private static final int MAX_BOUNCES = 8;
    private static final int MAX_ATTEMPTS = 1_000_000;

    private final double[] ax;
    private final double[] ay;
    private final double[] bx;
    private final double[] by;
    private final double minX;
    private final double maxX;
    private final double minY;
    private final double maxY;
    /** Length scale for the nudge after a hit and for parallel tests. */
    private final double epsM;
    private final double areaM2;

    private PolygonArea(List<Position[]> edges) {
        if (edges.size() < 3) {
            throw new IllegalArgumentException("edges: a polygon needs >= 3 edges, got " + edges.size());
        }
        int n = edges.size();
        ax = new double[n];
        ay = new double[n];
        bx = new double[n];
        by = new double[n];
        double x0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        double signedArea = 0;
        for (int e = 0; e < n; e++) {
            Position a = edges.get(e)[0];
            Position b = edges.get(e)[1];
            if (a.equals(b)) {
                throw new IllegalArgumentException("edges: edge " + e + " has zero length");
            }
            ax[e] = a.xM();
            ay[e] = a.yM();
            bx[e] = b.xM();
            by[e] = b.yM();
            x0 = Math.min(x0, Math.min(a.xM(), b.xM()));
            x1 = Math.max(x1, Math.max(a.xM(), b.xM()));
            y0 = Math.min(y0, Math.min(a.yM(), b.yM()));
            y1 = Math.max(y1, Math.max(a.yM(), b.yM()));
            signedArea += a.xM() * b.yM() - b.xM() * a.yM();
        }
        minX = x0;
        maxX = x1;
        minY = y0;
        maxY = y1;
        epsM = 1e-9 * Math.max(x1 - x0, y1 - y0);
        areaM2 = Math.abs(signedArea) / 2;
    }

    /**
     * @param ring the vertices of a simple polygon in order (either orientation), not repeating the first
     * @return the polygon's area
     */
    public static PolygonArea ofRing(List<Position> ring) {
        if (ring == null || ring.size() < 3) {
            throw new IllegalArgumentException("ring: needs >= 3 vertices");
        }
        List<Position[]> edges = new ArrayList<>();
        for (int i = 0; i < ring.size(); i++) {
            edges.add(new Position[] {ring.get(i), ring.get((i + 1) % ring.size())});
        }
        return new PolygonArea(edges);
    }

    /**
     * @param edges boundary edges {start, end} forming closed rings, consistently oriented (the area of
     *        {@link #areaM2()} is computed by the shoelace formula over them)
     * @return the enclosed area
     */
    public static PolygonArea ofEdges(List<Position[]> edges) {
        return new PolygonArea(List.copyOf(edges));
    }

    /** @return the axis-aligned rectangle [x0, x1] x [y0, y1] */
    public static PolygonArea rectangle(double x0M, double y0M, double x1M, double y1M) {
        if (!(x1M > x0M) || !(y1M > y0M) || !Double.isFinite(x0M + x1M + y0M + y1M)) {
            throw new IllegalArgumentException("rectangle: need finite x0 < x1 and y0 < y1, got [" + x0M + ", " + x1M
                    + "] x [" + y0M + ", " + y1M + "]");
        }
        return ofRing(List.of(new Position(x0M, y0M), new Position(x1M, y0M), new Position(x1M, y1M),
                new Position(x0M, y1M)));
    }

    /** @return the number of boundary edges */
    public int numEdges() {
        return ax.length;
    }

    /** @return the enclosed area in square metres (shoelace formula) */
    public double areaM2() {
        return areaM2;
    }

    @Override
    public boolean wrapsAround() {
        return false;
    }

    @Override
    public boolean contains(Position p) {
        return contains(p.xM(), p.yM());
    }

    /** Even-odd ray casting towards +x. */
    boolean contains(double x, double y) {
        if (x < minX - epsM || x > maxX + epsM || y < minY - epsM || y > maxY + epsM) {
            return false;
        }
        boolean inside = false;
        for (int e = 0; e < ax.length; e++) {
            double y0 = ay[e];
            double y1 = by[e];
            if ((y0 > y) != (y1 > y)) {
                double xCross = ax[e] + (y - y0) * (bx[e] - ax[e]) / (y1 - y0);
                if (x < xCross) {
                    inside = !inside;
                }
            }
        }
        return inside;
    }

    @Override
    public void move(AreaStep step) {
        double x0 = step.xM();
        double y0 = step.yM();
        double x = x0;
        double y = y0;
        double dx = step.dxM();
        double dy = step.dyM();
        double travelled = 0;
        boolean done = false;
        for (int bounce = 0; bounce <= MAX_BOUNCES && !done; bounce++) {
            double tMin = Double.POSITIVE_INFINITY;
            int hit = -1;
            for (int e = 0; e < ax.length; e++) {
                double t = crossing(x, y, dx, dy, e);
                if (t < tMin) {
                    tMin = t;
                    hit = e;
                }
            }
            if (hit < 0) {
                x += dx;
                y += dy;
                done = true;
                break;
            }
            double ex = bx[hit] - ax[hit];
            double ey = by[hit] - ay[hit];
            double len = Math.hypot(ex, ey);
            double nx = -ey / len;
            double ny = ex / len;
            double hx = x + tMin * dx;
            double hy = y + tMin * dy;
            // inward normal: towards the side the point came from
            if ((x - hx) * nx + (y - hy) * ny < 0) {
                nx = -nx;
                ny = -ny;
            }
            double ix = hx + epsM * nx;
            double iy = hy + epsM * ny;
            if (!step.hitBoundary()) {
                double total = Math.hypot(step.dxM(), step.dyM());
                double fraction = total > 0 ? (travelled + tMin * Math.hypot(dx, dy)) / total : 0;
                step.firstHit(Math.min(1, fraction), ix, iy, nx, ny);
            }
            travelled += tMin * Math.hypot(dx, dy);
            double rx = (1 - tMin) * dx;
            double ry = (1 - tMin) * dy;
            double dot = rx * nx + ry * ny;
            dx = rx - 2 * dot * nx;
            dy = ry - 2 * dot * ny;
            step.reflect(nx, ny);
            x = ix;
            y = iy;
        }
        if (!done || !contains(x, y)) {
            step.end(x0, y0);
            step.reverse();
            return;
        }
        step.end(x, y);
    }

    /**
     * @return the parameter t in (0, 1] at which the segment (x, y) + t (dx, dy) crosses edge e, or +infinity if
     *         it does not (parallel segments never cross)
     */
    private double crossing(double x, double y, double dx, double dy, int e) {
        double ex = bx[e] - ax[e];
        double ey = by[e] - ay[e];
        double denom = dx * ey - dy * ex;
        double scale = Math.hypot(dx, dy) * Math.hypot(ex, ey);
        if (Math.abs(denom) <= 1e-14 * scale) {
            return Double.POSITIVE_INFINITY;
        }
        double qx = ax[e] - x;
        double qy = ay[e] - y;
        double t = (qx * ey - qy * ex) / denom;
        double u = (qx * dy - qy * dx) / denom;
        double tEps = 1e-12;
        if (t > tEps && t <= 1 && u >= 0 && u <= 1) {
            return t;
        }
        return Double.POSITIVE_INFINITY;
    }

    @Override
    public Position uniformPoint(RandomGenerator rng) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            double x = minX + rng.nextDouble() * (maxX - minX);
            double y = minY + rng.nextDouble() * (maxY - minY);
            if (contains(x, y)) {
                return new Position(x, y);
            }
        }
        throw new IllegalStateException("uniformPoint: no point accepted after " + MAX_ATTEMPTS + " attempts");
    }

    @Override
    public Position displacement(Position from, Position to) {
        return to.minus(from);
    }

    @Override
    public boolean canTravelStraight(Position from, Position to) {
        if (!contains(from) || !contains(to)) {
            return false;
        }
        double dx = to.xM() - from.xM();
        double dy = to.yM() - from.yM();
        if (dx == 0 && dy == 0) {
            return true;
        }
        for (int e = 0; e < ax.length; e++) {
            if (crossing(from.xM(), from.yM(), dx, dy, e) <= 1) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Position mapInto(Position p) {
        if (!contains(p)) {
            throw new IllegalArgumentException("p: " + p + " is outside the area, which does not wrap around");
        }
        return p;
    }
}
