package org.netsim.precoding.learned.uwmmse;

import org.ejml.data.ZMatrixRMaj;
import org.netsim.precoding.Problem;

/**
 * The per-problem double-precision executor of UWMMSE ("Unfolding WMMSE using graph neural networks"; reviewed in
 * "Coordinated Sum-Rate Maximization in Multicell MU-MIMO with Deep Unrolling", Section V-A), over the same
 * {@link UwmmseWeights} as the batched {@link UwmmseNetwork}. No deep-learning engine is needed.
 *
 * <p>Problem: K SISO transmitter-receiver pairs (K = I, M = N = d = 1, pair i = UE i and its serving BS), real
 * amplitudes h_ij = |H_{i s(j)}| (transmitter j to receiver i), budgets P_j (W), noise sigma_i^2 (W), weights
 * alpha_i. We work in the scale-free variables c_ij = h_ij sqrt(P_j) / sigma_i and q_j = v_j / sqrt(P_j) in [0, 1]
 * (v_j the transmit amplitude), in which the scalar WMMSE updates (GCN-WMMSE paper, eq. (3a)-(3d) with M = N = 1;
 * UWMMSE paper, eq. (11)) keep their form with unit noise:
 * <pre>
 *   I_i = 1 + sum_{j != i} c_ij^2 q_j^2,   T_i = I_i + c_ii^2 q_i^2
 *   u_i = c_ii q_i / T_i                                  (MMSE receiver)
 *   w_i = T_i / I_i  (= 1 / (1 - u_i c_ii q_i))           (MSE weight, computed without the cancellation)
 *   w~_i = max(a_i^(l) w_i + b_i^(l), 0)                  (UWMMSE's affine map; max(., 0) is our guard)
 *   q_i = clip(alpha_i w~_i u_i c_ii / (sum_j alpha_j w~_j u_j^2 c_ji^2 + eps), 0, 1)    (power clipped to [0, P])
 * </pre>
 * from q^0 = 1 (full power: the MRC start of a SISO link), l = 1..L, and output v_i = sqrt(P_i) q_i^L. The
 * objective is the sum rate sum_i alpha_i log(1 + c_ii^2 q_i^2 / I_i) in nat/s/Hz. eps = {@value #EPS} only avoids
 * 0 / 0; with a = 1, b = 0 this is scalar WMMSE truncated to L iterations.
 *
 * <p>The coefficient GCNs ({@link UwmmseWeights}): shift matrix S = C / max_ij c_ij (the channel amplitude matrix,
 * entry (i, j) transmitter j to receiver i, scaled to [0, 1] so that the model does not depend on the power and
 * noise units), node features X_i = [1, s_ii] (a constant input, whose weights act as the trainable input vector,
 * and the normalised direct channel). So a^(l), b^(l) depend on the channel only, as in the UWMMSE paper's
 * a = Psi(H; theta_a); they are computed once per layer. Relabelling the pairs permutes C, S and X and hence the
 * output (permutation equivariance).
 */
public final class UwmmseExecutor {

    /** Guard of the power update's denominator. */
    public static final double EPS = 1e-30;
    /** Precoder name used in messages. */
    static final String NAME = "uwmmse";

    private UwmmseExecutor() {
    }

    /**
     * The scale-free channel of one problem.
     *
     * @param c c_ij = h_ij sqrt(P_j) / sigma_i, [K][K]
     * @param s the shift matrix C / max c, [K][K]
     * @param alpha weights alpha_i
     * @param maxAmplitude sqrt(P_i) in sqrt(W)
     */
    public record Channels(double[][] c, double[][] s, double[] alpha, double[] maxAmplitude) {
        /** @return K */
        public int pairs() {
            return alpha.length;
        }
    }

    /**
     * Checks that {@code problem} is K SISO transmitter-receiver pairs.
     *
     * @throws IllegalArgumentException (one line) naming the offending field and index
     */
    public static void requireSisoPairs(Problem problem) {
        if (problem.numBs() != problem.numUe()) {
            throw new IllegalArgumentException(NAME + ": needs SISO transmitter-receiver pairs (K = I), got K = "
                    + problem.numBs() + " BSs and I = " + problem.numUe() + " UEs");
        }
        for (int k = 0; k < problem.numBs(); k++) {
            if (problem.bsAntennas(k) != 1) {
                throw new IllegalArgumentException(NAME + ": needs SISO transmitter-receiver pairs (M = N = 1), got"
                        + " bsAntennas[" + k + "] = " + problem.bsAntennas(k));
            }
            if (problem.numUesOf(k) != 1) {
                throw new IllegalArgumentException(NAME + ": needs SISO transmitter-receiver pairs (one UE per BS),"
                        + " BS " + k + " serves " + problem.numUesOf(k) + " UEs");
            }
        }
        for (int i = 0; i < problem.numUe(); i++) {
            if (problem.ueAntennas(i) != 1 || problem.streams(i) != 1) {
                throw new IllegalArgumentException(NAME + ": needs SISO transmitter-receiver pairs (M = N = d = 1),"
                        + " got ueAntennas[" + i + "] = " + problem.ueAntennas(i) + ", streams[" + i + "] = "
                        + problem.streams(i));
            }
        }
    }

    /** @return the scale-free channel of a SISO pair problem (checked) */
    public static Channels channels(Problem problem) {
        requireSisoPairs(problem);
        int k = problem.numUe();
        double[][] c = new double[k][k];
        double[] alpha = new double[k];
        double[] amp = new double[k];
        double max = 0;
        for (int j = 0; j < k; j++) {
            amp[j] = Math.sqrt(problem.bsPowerW(problem.servingBs(j)));
        }
        for (int i = 0; i < k; i++) {
            double sigma = Math.sqrt(problem.noisePowerW(i));
            for (int j = 0; j < k; j++) {
                ZMatrixRMaj h = problem.channel(i, problem.servingBs(j));
                c[i][j] = Math.hypot(h.data[0], h.data[1]) * amp[j] / sigma;
                max = Math.max(max, c[i][j]);
            }
            alpha[i] = problem.weight(i);
        }
        double[][] s = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                s[i][j] = max > 0 ? c[i][j] / max : 0.0;
            }
        }
        return new Channels(c, s, alpha, amp);
    }

    /**
     * The coefficient GCN of layer {@code layer}, map {@code map} ("a" or "b").
     *
     * @return out_i, i = 1..K
     */
    public static double[] coefficients(UwmmseWeights weights, Channels ch, int layer, String map) {
        int k = ch.pairs();
        int hid = weights.hidden();
        int f0 = UwmmseWeights.INPUT_FEATURES;
        double[] th0 = weights.tensors().get(UwmmseWeights.name(layer, map, "theta0"));
        double[] th1 = weights.tensors().get(UwmmseWeights.name(layer, map, "theta1"));
        double[] b1 = weights.tensors().get(UwmmseWeights.name(layer, map, "beta1"));
        double[] ph0 = weights.tensors().get(UwmmseWeights.name(layer, map, "phi0"));
        double[] ph1 = weights.tensors().get(UwmmseWeights.name(layer, map, "phi1"));
        double b2 = weights.tensors().get(UwmmseWeights.name(layer, map, "beta2"))[0];
        double[][] x = new double[k][f0];
        for (int i = 0; i < k; i++) {
            x[i][0] = 1.0;
            x[i][1] = ch.s()[i][i];
        }
        double[][] sx = shift(ch.s(), x);
        double[][] y = new double[k][hid];
        for (int i = 0; i < k; i++) {
            for (int h = 0; h < hid; h++) {
                double z = b1[h];
                for (int f = 0; f < f0; f++) {
                    z += x[i][f] * th0[f * hid + h] + sx[i][f] * th1[f * hid + h];
                }
                y[i][h] = Math.max(z, 0.0);
            }
        }
        double[][] sy = shift(ch.s(), y);
        double[] out = new double[k];
        for (int i = 0; i < k; i++) {
            double z = b2;
            for (int h = 0; h < hid; h++) {
                z += y[i][h] * ph0[h] + sy[i][h] * ph1[h];
            }
            out[i] = z;
        }
        return out;
    }

    private static double[][] shift(double[][] s, double[][] x) {
        int k = s.length;
        int f = x[0].length;
        double[][] out = new double[k][f];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double sij = s[i][j];
                for (int e = 0; e < f; e++) {
                    out[i][e] += sij * x[j][e];
                }
            }
        }
        return out;
    }

    /** @return q^L in [0, 1]^K, the power fractions' square roots v_i / sqrt(P_i) */
    public static double[] run(UwmmseWeights weights, Channels ch) {
        int k = ch.pairs();
        double[][] c = ch.c();
        double[] alpha = ch.alpha();
        double[] q = new double[k];
        java.util.Arrays.fill(q, 1.0);
        double[] u = new double[k];
        double[] wt = new double[k];
        double[] interference = new double[k];
        for (int l = 0; l < weights.layers(); l++) {
            double[] a = coefficients(weights, ch, l, "a");
            double[] b = coefficients(weights, ch, l, "b");
            interference(c, q, interference);
            for (int i = 0; i < k; i++) {
                double signal = c[i][i] * c[i][i] * q[i] * q[i];
                double total = interference[i] + signal;
                u[i] = c[i][i] * q[i] / total;
                double w = total / interference[i];
                wt[i] = Math.max(a[i] * w + b[i], 0.0);
            }
            for (int i = 0; i < k; i++) {
                double num = alpha[i] * wt[i] * u[i] * c[i][i];
                double den = EPS;
                for (int j = 0; j < k; j++) {
                    den += alpha[j] * wt[j] * u[j] * u[j] * c[j][i] * c[j][i];
                }
                q[i] = Math.min(Math.max(num / den, 0.0), 1.0);
            }
        }
        return q;
    }

    /** I_i = 1 + sum_{j != i} c_ij^2 q_j^2. */
    private static void interference(double[][] c, double[] q, double[] out) {
        int k = q.length;
        for (int i = 0; i < k; i++) {
            double s = 1.0;
            for (int j = 0; j < k; j++) {
                if (j != i) {
                    s += c[i][j] * c[i][j] * q[j] * q[j];
                }
            }
            out[i] = s;
        }
    }

    /** @return sum_i alpha_i log(1 + c_ii^2 q_i^2 / I_i) in nat/s/Hz */
    public static double sumRateNat(Channels ch, double[] q) {
        int k = ch.pairs();
        double[] interference = new double[k];
        interference(ch.c(), q, interference);
        double r = 0;
        for (int i = 0; i < k; i++) {
            r += ch.alpha()[i] * Math.log1p(ch.c()[i][i] * ch.c()[i][i] * q[i] * q[i] / interference[i]);
        }
        return r;
    }

    /** @return the precoders V_i = sqrt(P_i) q_i (1 x 1, real) of a SISO pair problem */
    public static ZMatrixRMaj[] precoders(UwmmseWeights weights, Problem problem) {
        Channels ch = channels(problem);
        double[] q = run(weights, ch);
        ZMatrixRMaj[] v = new ZMatrixRMaj[q.length];
        for (int i = 0; i < q.length; i++) {
            v[i] = new ZMatrixRMaj(1, 1);
            v[i].set(0, 0, ch.maxAmplitude()[i] * q[i], 0.0);
        }
        return v;
    }
}
