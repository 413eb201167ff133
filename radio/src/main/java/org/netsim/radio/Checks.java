package org.netsim.radio;

/**
 * Argument checks shared by the radio models. Each throws an {@link IllegalArgumentException} whose message
 * starts with the field's name, so configuration errors point at the offending key.
 */
public final class Checks {

    private Checks() {
    }

    /** @return {@code v} if finite and &gt; 0 */
    public static double positive(double v, String field) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(field + ": must be finite and > 0, got " + v);
        }
        return v;
    }

    /** @return {@code v} if &gt; 0 (infinity allowed) */
    public static double positiveOrInfinite(double v, String field) {
        if (!(v > 0)) {
            throw new IllegalArgumentException(field + ": must be > 0, got " + v);
        }
        return v;
    }

    /** @return {@code v} if finite and &gt;= 0 */
    public static double nonNegative(double v, String field) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(field + ": must be finite and >= 0, got " + v);
        }
        return v;
    }

    /** @return {@code v} if finite */
    public static double finite(double v, String field) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(field + ": must be finite, got " + v);
        }
        return v;
    }

    /** @return {@code v} if in the closed interval [lo, hi] */
    public static double inClosed(double v, double lo, double hi, String field) {
        if (!(v >= lo && v <= hi)) {
            throw new IllegalArgumentException(field + ": must be in [" + lo + ", " + hi + "], got " + v);
        }
        return v;
    }

    /** @return {@code v} if in the half-open interval [lo, hi) */
    public static double inHalfOpen(double v, double lo, double hi, String field) {
        if (!(v >= lo && v < hi)) {
            throw new IllegalArgumentException(field + ": must be in [" + lo + ", " + hi + "), got " + v);
        }
        return v;
    }

    /** @return {@code v} if &gt;= {@code min} */
    public static int atLeast(int v, int min, String field) {
        if (v < min) {
            throw new IllegalArgumentException(field + ": must be >= " + min + ", got " + v);
        }
        return v;
    }

    /** @return {@code o} if not null */
    public static <T> T notNull(T o, String field) {
        if (o == null) {
            throw new IllegalArgumentException(field + ": must not be null");
        }
        return o;
    }
}
