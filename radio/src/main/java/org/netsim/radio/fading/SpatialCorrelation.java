package org.netsim.radio.fading;

import org.ejml.data.ZMatrixRMaj;

/**
 * Kronecker spatial correlation with the exponential model at both array ends (Loyka, "Channel Capacity of MIMO
 * Architecture Using the Exponential Correlation Matrix", IEEE Commun. Lett., 2001): with R_ij = r^|i-j| (r real,
 * 0 &lt;= r &lt; 1),
 *
 * <pre>
 *   H = R_ue^{1/2} W R_bs^{1/2}        W [N x M] with i.i.d. unit-power entries
 * </pre>
 *
 * where R^{1/2} is the Cholesky factor (lower-triangular on the left, R_ue = C C^H; upper-triangular on the right,
 * R_bs = U^H U), so that E[H^H H] = N R_bs and E[H H^H] = M R_ue exactly; the Cholesky factor gives the same
 * Gaussian statistics as the symmetric square root. For the exponential matrix the factor is the AR(1) recursion
 * along the array, applied in place in O(N M):
 *
 * <pre>
 *   g_0 = w_0,   g_j = r g_{j-1} + sqrt(1 - r^2) w_j
 * </pre>
 *
 * along each row (BS antennas, r = r_bs) and then along each column (UE antennas, r = r_ue). The transform is linear
 * and time-invariant, so any temporal correlation of W is kept. Immutable.
 *
 * @param ueCoefficient r_ue in [0, 1) (0: uncorrelated UE antennas)
 * @param bsCoefficient r_bs in [0, 1) (0: uncorrelated BS antennas)
 */
public record SpatialCorrelation(double ueCoefficient, double bsCoefficient) {

    /** No spatial correlation. */
    public static final SpatialCorrelation NONE = new SpatialCorrelation(0, 0);

    public SpatialCorrelation {
        if (!(ueCoefficient >= 0 && ueCoefficient < 1)) {
            throw new IllegalArgumentException("ueCorrelation: must be in [0, 1), got " + ueCoefficient);
        }
        if (!(bsCoefficient >= 0 && bsCoefficient < 1)) {
            throw new IllegalArgumentException("bsCorrelation: must be in [0, 1), got " + bsCoefficient);
        }
    }

    /**
     * Writes H = R_ue^{1/2} W R_bs^{1/2} into {@code out}.
     *
     * @param white W, interleaved (re, im) row-major as {@link ZMatrixRMaj#data}, length 2 N M; not modified
     * @param out modified; N x M
     */
    public void apply(double[] white, ZMatrixRMaj out) {
        int n = out.numRows;
        int m = out.numCols;
        double[] h = out.data;
        System.arraycopy(white, 0, h, 0, 2 * n * m);
        if (bsCoefficient > 0 && m > 1) {
            double r = bsCoefficient;
            double c = Math.sqrt(1 - r * r);
            for (int i = 0; i < n; i++) {
                int row = 2 * i * m;
                for (int j = 1; j < m; j++) {
                    int e = row + 2 * j;
                    h[e] = r * h[e - 2] + c * h[e];
                    h[e + 1] = r * h[e - 1] + c * h[e + 1];
                }
            }
        }
        if (ueCoefficient > 0 && n > 1) {
            double r = ueCoefficient;
            double c = Math.sqrt(1 - r * r);
            int stride = 2 * m;
            for (int i = 1; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    int e = 2 * (i * m + j);
                    h[e] = r * h[e - stride] + c * h[e];
                    h[e + 1] = r * h[e + 1 - stride] + c * h[e + 1];
                }
            }
        }
    }

    /** @return whether both coefficients are 0 */
    public boolean isNone() {
        return ueCoefficient == 0 && bsCoefficient == 0;
    }

    static void checkShape(ZMatrixRMaj out, int n, int m) {
        if (out == null || out.numRows != n || out.numCols != m) {
            throw new IllegalArgumentException("out: must be " + n + " x " + m + ", got "
                    + (out == null ? "null" : out.numRows + " x " + out.numCols));
        }
    }
}
