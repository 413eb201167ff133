package org.netsim.radio.geometry;

/**
 * Input and output of one {@link SimulationArea#move(AreaStep)}: a start point inside the area and a displacement
 * in; the end point (inside the area), the orthogonal map the boundary applied to directions, and the first
 * border hit out. Mutable and reusable, so that moving a UE allocates nothing.
 *
 * <p>The direction map M (2 x 2, orthogonal) is the identity for a free move or a wrap-around shift, and the product
 * of the mirror reflections I - 2 n n^T of the borders the step bounced off; a mobility model applies it to its
 * velocity (and to any direction it keeps, such as a Gauss-Markov mean direction).
 */
public final class AreaStep {

    private double xM;
    private double yM;
    private double dxM;
    private double dyM;
    private double m00;
    private double m01;
    private double m10;
    private double m11;
    private boolean hitBoundary;
    private boolean wrapped;
    private double hitFraction;
    private double hitXM;
    private double hitYM;
    private double normalX;
    private double normalY;

    /** An empty step at the origin. */
    public AreaStep() {
        start(0, 0, 0, 0);
    }

    /**
     * Sets the input and resets the outputs.
     *
     * @param xM start x in metres (inside the area)
     * @param yM start y in metres
     * @param dxM displacement x in metres
     * @param dyM displacement y in metres
     * @return this
     */
    public AreaStep start(double xM, double yM, double dxM, double dyM) {
        this.xM = xM;
        this.yM = yM;
        this.dxM = dxM;
        this.dyM = dyM;
        m00 = 1;
        m01 = 0;
        m10 = 0;
        m11 = 1;
        hitBoundary = false;
        wrapped = false;
        hitFraction = 1;
        hitXM = Double.NaN;
        hitYM = Double.NaN;
        normalX = Double.NaN;
        normalY = Double.NaN;
        return this;
    }

    /** @return x in metres: the start before the move, the end after it */
    public double xM() {
        return xM;
    }

    /** @return y in metres: the start before the move, the end after it */
    public double yM() {
        return yM;
    }

    /** @return the requested displacement x in metres */
    public double dxM() {
        return dxM;
    }

    /** @return the requested displacement y in metres */
    public double dyM() {
        return dyM;
    }

    /** @return whether a reflecting border was hit */
    public boolean hitBoundary() {
        return hitBoundary;
    }

    /** @return whether a wrap-around shift was applied */
    public boolean wrapped() {
        return wrapped;
    }

    /** @return the fraction of the displacement travelled before the first border hit (1 if none) */
    public double hitFraction() {
        return hitFraction;
    }

    /** @return the first hit point, x in metres, nudged just inside (NaN if none) */
    public double hitXM() {
        return hitXM;
    }

    /** @return the first hit point, y in metres, nudged just inside (NaN if none) */
    public double hitYM() {
        return hitYM;
    }

    /** @return the inward unit normal of the first border hit, x (NaN if none) */
    public double normalX() {
        return normalX;
    }

    /** @return the inward unit normal of the first border hit, y (NaN if none) */
    public double normalY() {
        return normalY;
    }

    /** @return x of M (vx, vy)^T, the direction map applied to a vector */
    public double mapX(double vx, double vy) {
        return m00 * vx + m01 * vy;
    }

    /** @return y of M (vx, vy)^T */
    public double mapY(double vx, double vy) {
        return m10 * vx + m11 * vy;
    }

    /** @return whether the direction map is the identity */
    public boolean mapIsIdentity() {
        return m00 == 1 && m01 == 0 && m10 == 0 && m11 == 1;
    }

    void end(double x, double y) {
        xM = x;
        yM = y;
    }

    void markWrapped() {
        wrapped = true;
    }

    void firstHit(double fraction, double x, double y, double nx, double ny) {
        hitBoundary = true;
        hitFraction = fraction;
        hitXM = x;
        hitYM = y;
        normalX = nx;
        normalY = ny;
    }

    /** Composes the mirror reflection about a line with unit normal (nx, ny) after the current map. */
    void reflect(double nx, double ny) {
        double r00 = 1 - 2 * nx * nx;
        double r01 = -2 * nx * ny;
        double r11 = 1 - 2 * ny * ny;
        double a = r00 * m00 + r01 * m10;
        double b = r00 * m01 + r01 * m11;
        double c = r01 * m00 + r11 * m10;
        double d = r01 * m01 + r11 * m11;
        m00 = a;
        m01 = b;
        m10 = c;
        m11 = d;
    }

    /** Sets the map to -I (the move was refused and the direction reversed). */
    void reverse() {
        m00 = -1;
        m01 = 0;
        m10 = 0;
        m11 = -1;
    }
}
