package org.netsim.radio.fading;

import org.apache.commons.math3.special.BesselJ;

/**
 * J0 without allocation for the per-slot fading updates: the power series
 *
 * <pre>
 *   J0(x) = sum_{k&gt;=0} (-1)^k (x^2 / 4)^k / (k!)^2,     1 - J0(x) = -sum_{k&gt;=1} (-1)^k (x^2 / 4)^k / (k!)^2
 * </pre>
 *
 * for |x| &lt;= {@value #SERIES_LIMIT} (the terms peak below 10^2 there, so about 14 significant digits survive the
 * cancellation; 1 - J0 is summed without the leading 1, accurate also for the tiny x of slow UEs), and Commons
 * Math's {@link BesselJ} beyond (which allocates, but f_D dt &gt; 0.95 does not occur with millisecond slots).
 */
final class BesselJ0 {

    static final double SERIES_LIMIT = 6.0;

    private BesselJ0() {
    }

    /** @return J0(x) */
    static double value(double x) {
        return Math.abs(x) <= SERIES_LIMIT ? 1 - oneMinusSeries(x) : BesselJ.value(0, x);
    }

    /** @return 1 - J0(x), accurate for small x */
    static double oneMinus(double x) {
        return Math.abs(x) <= SERIES_LIMIT ? oneMinusSeries(x) : 1 - BesselJ.value(0, x);
    }

    private static double oneMinusSeries(double x) {
        double q = x * x / 4;
        double term = 1;
        double sum = 0;
        for (int k = 1; k < 60; k++) {
            term *= -q / ((double) k * k);
            sum -= term;
            if (Math.abs(term) <= 1e-17 * Math.abs(sum)) {
                break;
            }
        }
        return sum;
    }
}
