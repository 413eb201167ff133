package org.netsim.precoding.gcn;

import org.ejml.data.ZMatrixRMaj;

/**
 * The downlink beamformer GCN of GCN-WMMSE (GCN-WMMSE paper "Coordinated Sum-Rate Maximization in Multicell MU-MIMO
 * with Deep Unrolling", eq. (13), (14) and the skip connections of §III-B4), the learned replacement of the WMMSE
 * V-step (3d), computed by BS k for each stream d of each of its UEs i. With the loaded weighted uplink covariance
 * R~_k = R_k + mu_k I and the candidate beamformer v~_id (column d of V~_i, eq. (5)):
 * <pre>
 *   P~_id = (R~_k)^+ v~_id a_{V,l1}^T + v~_id a_{V,l0}^T                    (13)          [M_k x F]
 *   P_id  = P~_id + P_id^(l-1) D_l   (layers l &gt;= 2; P_id = P~_id in layer 1)   §III-B4  [M_k x F]
 *   v^_id = modReLU(P_id, beta_k 1 b_l^T) c_l,  beta_k = sqrt(P_k / |I_k|) / b_S   (13)   [M_k]
 *   modReLU(x, b) = (|x| + b) x / |x| if |x| + b &gt; 0, else 0   (elementwise)   (14)
 * </pre>
 * The GCN acts on each antenna row of each stream separately: row r of P_id depends only on row r of
 * (R~_k)^+ v~_id, of v~_id and of P_id^(l-1). modReLU(0, b) is 0 (the direction of 0 is undefined), and it is
 * evaluated as x (1 + b / |x|), so that a zero bias returns x unchanged, bit for bit.
 *
 * <p>The skip state P_id^(l) stays at the BS (the paper's remark in §III-D): one M_k x (d_i F) matrix per UE, entry
 * (r, d F + f) = [P_id]_{r f}. The input (R~_k)^+ V~_i comes from the classic V-step's
 * {@link org.netsim.precoding.classic.PowerConstrainedStep} (the mu-step (3c) by eq. (9) and the pseudo-inverse
 * of (3d)). An instance holds a row workspace for F features; {@link #apply} allocates nothing. Not thread-safe.
 */
public final class DownlinkBeamformerGcn {

    private final int features;
    private final double[] row; // P_id, row r: F complex entries

    /** @param features F */
    public DownlinkBeamformerGcn(int features) {
        this.features = features;
        this.row = new double[2 * features];
    }

    /**
     * Computes V^_i for one UE, in place.
     *
     * @param filtered in: (R~_k)^+ V~_i; out: V^_i (M x d); modified
     * @param candidate V~_i, M x d; not modified
     * @param skip in: P_i^(l-1) when {@code layer} &gt;= 1 (ignored in layer 0); out: P_i^(l); M x (d F), modified
     * @param weights the network's weights (F must match); not modified
     * @param layer l = 0..L-1 (the paper's l + 1)
     * @param biasFactor beta_k = sqrt(P_k / |I_k|) / b_S
     */
    public void apply(ZMatrixRMaj filtered, ZMatrixRMaj candidate, ZMatrixRMaj skip, GcnWmmseWeights weights,
            int layer, double biasFactor) {
        int f = features;
        if (weights.features() != f) {
            throw new IllegalArgumentException("weights: expected F = " + f + " features, got " + weights.features());
        }
        int m = filtered.numRows;
        int cols = filtered.numCols;
        skip.reshape(m, cols * f);
        double[] y = filtered.data;
        double[] v = candidate.data;
        double[] s = skip.data;
        for (int r = 0; r < m; r++) {
            for (int d = 0; d < cols; d++) {
                int e = (r * cols + d) * 2;
                double yr = y[e];
                double yi = y[e + 1];
                double vr = v[e];
                double vi = v[e + 1];
                int s0 = (r * cols * f + d * f) * 2; // P_id row r, feature 0
                for (int q = 0; q < f; q++) {
                    double ar = weights.inverseTapRe(layer, q);
                    double ai = weights.inverseTapIm(layer, q);
                    double br = weights.loadTapRe(layer, q);
                    double bi = weights.loadTapIm(layer, q);
                    double pr = (yr * ar - yi * ai) + (vr * br - vi * bi);
                    double pi = (yr * ai + yi * ar) + (vr * bi + vi * br);
                    if (layer > 0) {
                        for (int p = 0; p < f; p++) {
                            double sr = s[s0 + 2 * p];
                            double si = s[s0 + 2 * p + 1];
                            double dr = weights.skipRe(layer, p, q);
                            double di = weights.skipIm(layer, p, q);
                            pr += sr * dr - si * di;
                            pi += sr * di + si * dr;
                        }
                    }
                    row[2 * q] = pr;
                    row[2 * q + 1] = pi;
                }
                double outR = 0;
                double outI = 0;
                for (int q = 0; q < f; q++) {
                    double pr = row[2 * q];
                    double pi = row[2 * q + 1];
                    s[s0 + 2 * q] = pr;
                    s[s0 + 2 * q + 1] = pi;
                    double gain = modReluGain(magnitude(pr, pi), biasFactor * weights.bias(layer, q));
                    double xr = gain * pr;
                    double xi = gain * pi;
                    double cr = weights.recombRe(layer, q);
                    double ci = weights.recombIm(layer, q);
                    outR += xr * cr - xi * ci;
                    outI += xr * ci + xi * cr;
                }
                y[e] = outR;
                y[e + 1] = outI;
            }
        }
    }

    /**
     * The real gain of modReLU (14): modReLU(x, b) = gain(|x|, b) x.
     *
     * @param magnitude |x| &gt;= 0
     * @param bias b
     * @return 1 + b / |x| when |x| + b &gt; 0 and |x| &gt; 0; otherwise 0
     */
    public static double modReluGain(double magnitude, double bias) {
        if (magnitude > 0 && magnitude + bias > 0) {
            return 1.0 + bias / magnitude;
        }
        return 0.0;
    }

    /** |re + j im|, by hypot only where the squares would overflow or lose precision to underflow. */
    static double magnitude(double re, double im) {
        double sq = re * re + im * im;
        if (sq > 1e-290 && sq < 1e290) {
            return Math.sqrt(sq);
        }
        return Math.hypot(re, im);
    }
}
