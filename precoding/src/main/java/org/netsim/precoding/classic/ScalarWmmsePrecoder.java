package org.netsim.precoding.classic;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import org.netsim.precoding.Init;
import org.netsim.precoding.InitialPrecoders;
import org.netsim.precoding.Precoder;
import org.netsim.precoding.PrecoderOptions;
import org.netsim.precoding.Problem;
import org.netsim.precoding.Solution;

/**
 * WMMSE power control for the scalar interference channel (and the IMAC, an IC with co-located receivers): the
 * real-domain algorithm of "Learning to Optimize: Training Deep Neural Networks for Wireless Resource Management"
 * (Sun et al.), Section II-B, problem (1)-(3) and the pseudo-code of Fig. 2.
 *
 * <p>Problem (1): K single-antenna links, link k with transmit power p_k in [0, P_k] (watts), direct gain
 * |h_kk|, interference gains |h_kj| from transmitter j to receiver k, noise sigma_k^2 (watts), weight alpha_k:
 * <pre>
 *   max_p  sum_k alpha_k log(1 + |h_kk|^2 p_k / (sum_{j != k} |h_kj|^2 p_j + sigma_k^2))        [nat/s/Hz]
 * </pre>
 * With v_k = sqrt(p_k), the block coordinate descent of the weighted MSE problem (2)-(3) iterates (Fig. 2)
 * <pre>
 *   u_k = |h_kk| v_k / (sum_j |h_kj|^2 v_j^2 + sigma_k^2)                                   (steps 2 and 8)
 *   w_k = 1 / (1 - u_k |h_kk| v_k)                                                         (steps 3 and 9)
 *   v_k = [ alpha_k w_k u_k |h_kk| / sum_j alpha_j w_j u_j^2 |h_jk|^2 ]_0^{sqrt(P_k)}        (step 7)
 * </pre>
 * (step 8 of the printed Fig. 2 has the typo |h_kk| inside the sum; the MMSE receiver, and the authors' code,
 * use |h_kj|^2). All v_k are updated from the previous u, w (a Jacobi sweep, as in Fig. 2), which is an exact
 * block minimisation, so the sum rate is non-decreasing over iterations. If a v-update meets 0 / 0 (no receiver
 * listens to link k and link k carries no signal), v_k = 0, the stationary point the paper mentions (Remark 3).
 *
 * <p>Mapping from {@link Problem}: every BS and UE has one antenna and one stream, and every BS serves exactly one
 * UE; link k is UE k and its serving BS s(k), h_kj = H[k][s(j)] and P_k = bsPowerW(s(k)) (Sun's per-link budget).
 * The output is V_k = v_k (real, non-negative: the rate depends only on |h|), so p_k = |V_k|^2 &lt;= P_k.
 *
 * <p>Initialisation: v_k^0 = |V_k^0| from {@link InitialPrecoders} (clamped to sqrt(P_k)); the default
 * {@link Init#mrc()} is full power v_k^0 = sqrt(P_k), the paper's initialisation (Section III-C). Stopping: at
 * most {@link PrecoderOptions#maxIterations()} v-updates, or earlier when the relative sum-rate change falls below
 * {@link PrecoderOptions#tolerance()} (the paper stops at an absolute change below 1e-5 or 500 iterations). No
 * algorithm-specific options.
 */
public final class ScalarWmmsePrecoder implements Precoder {

    /** Registry name. */
    public static final String NAME = "wmmse-scalar";

    private final PrecoderOptions options;

    /** @param options common options; no algorithm-specific parameters are accepted */
    public ScalarWmmsePrecoder(PrecoderOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("options: must not be null");
        }
        options.requireOnly(NAME);
        this.options = options;
    }

    /** Default options (100 iterations, no tolerance, no trace). */
    public ScalarWmmsePrecoder() {
        this(PrecoderOptions.defaults());
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Checks that {@code problem} is a scalar interference channel: M_k = N_i = d_i = 1 and one UE per BS.
     *
     * @throws IllegalArgumentException naming the offending field and index
     */
    public static void requireScalarInterferenceChannel(Problem problem) {
        for (int k = 0; k < problem.numBs(); k++) {
            if (problem.bsAntennas(k) != 1) {
                throw new IllegalArgumentException(NAME + ": bsAntennas[" + k + "] = " + problem.bsAntennas(k)
                        + ", but scalar WMMSE needs single-antenna links (M_k = N_i = d_i = 1)");
            }
            if (problem.numUesOf(k) != 1) {
                throw new IllegalArgumentException(NAME + ": BS " + k + " serves " + problem.numUesOf(k)
                        + " UEs, but scalar WMMSE needs exactly one UE per BS (one transmitter per link)");
            }
        }
        for (int i = 0; i < problem.numUe(); i++) {
            if (problem.ueAntennas(i) != 1 || problem.streams(i) != 1) {
                throw new IllegalArgumentException(NAME + ": ueAntennas[" + i + "] = " + problem.ueAntennas(i)
                        + ", streams[" + i + "] = " + problem.streams(i)
                        + ", but scalar WMMSE needs single-antenna links (M_k = N_i = d_i = 1)");
            }
        }
    }

    @Override
    public Solution solve(Problem problem, Init init) {
        requireScalarInterferenceChannel(problem);
        long start = System.nanoTime();
        int numLinks = problem.numUe();
        double[][] gain = new double[numLinks][numLinks]; // |h_kj|: transmitter j -> receiver k
        double[] alpha = new double[numLinks];
        double[] noise = new double[numLinks];
        double[] vMax = new double[numLinks];
        for (int k = 0; k < numLinks; k++) {
            for (int j = 0; j < numLinks; j++) {
                ZMatrixRMaj h = problem.channel(k, problem.servingBs(j));
                gain[k][j] = Math.hypot(h.data[0], h.data[1]);
            }
            alpha[k] = problem.weight(k);
            noise[k] = problem.noisePowerW(k);
            vMax[k] = maxAmplitude(problem.bsPowerW(problem.servingBs(k)));
        }
        ZMatrixRMaj[] v0 = InitialPrecoders.create(problem, init);
        double[] v = new double[numLinks];
        for (int k = 0; k < numLinks; k++) {
            v[k] = Math.min(Math.hypot(v0[k].data[0], v0[k].data[1]), vMax[k]);
        }
        double[] u = new double[numLinks];
        double[] w = new double[numLinks];
        updateReceivers(gain, noise, v, u, w);

        List<Solution.IterationRecord> trace = new ArrayList<>();
        double previous = sumRateNat(gain, noise, alpha, v);
        int iterations = 0;
        double[] vNext = new double[numLinks];
        while (iterations < options.maxIterations()) {
            for (int k = 0; k < numLinks; k++) {
                double numerator = alpha[k] * w[k] * u[k] * gain[k][k];
                double denominator = 0;
                for (int j = 0; j < numLinks; j++) {
                    denominator += alpha[j] * w[j] * u[j] * u[j] * gain[j][k] * gain[j][k];
                }
                double vk = numerator > 0 && denominator > 0 ? numerator / denominator : 0.0;
                vNext[k] = Math.min(Math.max(vk, 0.0), vMax[k]);
            }
            System.arraycopy(vNext, 0, v, 0, numLinks);
            updateReceivers(gain, noise, v, u, w);
            iterations++;
            double current = sumRateNat(gain, noise, alpha, v);
            if (options.trace()) {
                trace.add(new Solution.IterationRecord(iterations, current, System.nanoTime() - start));
            }
            boolean converged = options.tolerance() > 0
                    && Math.abs(current - previous) / Math.max(Math.abs(previous), 1e-12) < options.tolerance();
            previous = current;
            if (converged) {
                break;
            }
        }
        ZMatrixRMaj[] precoders = new ZMatrixRMaj[numLinks];
        for (int k = 0; k < numLinks; k++) {
            precoders[k] = new ZMatrixRMaj(1, 1);
            precoders[k].set(0, 0, v[k], 0.0);
        }
        return Solution.evaluated(problem, precoders, iterations, trace);
    }

    /** u_k = |h_kk| v_k / (sum_j |h_kj|^2 v_j^2 + sigma_k^2), w_k = 1 / (1 - u_k |h_kk| v_k). */
    private static void updateReceivers(double[][] gain, double[] noise, double[] v, double[] u, double[] w) {
        int n = v.length;
        for (int k = 0; k < n; k++) {
            double received = noise[k];
            for (int j = 0; j < n; j++) {
                received += gain[k][j] * gain[k][j] * v[j] * v[j];
            }
            u[k] = gain[k][k] * v[k] / received;
            // 1 - u_k |h_kk| v_k = (interference + noise) / received > 0: the MMSE, computed without cancellation
            double interferencePlusNoise = received - gain[k][k] * gain[k][k] * v[k] * v[k];
            w[k] = received / Math.max(interferencePlusNoise, noise[k]);
        }
    }

    /** sum_k alpha_k log(1 + |h_kk|^2 v_k^2 / (sum_{j != k} |h_kj|^2 v_j^2 + sigma_k^2)) in nat. */
    static double sumRateNat(double[][] gain, double[] noise, double[] alpha, double[] v) {
        double sum = 0;
        for (int k = 0; k < v.length; k++) {
            double interference = noise[k];
            for (int j = 0; j < v.length; j++) {
                if (j != k) {
                    interference += gain[k][j] * gain[k][j] * v[j] * v[j];
                }
            }
            double signal = gain[k][k] * gain[k][k] * v[k] * v[k];
            sum += alpha[k] * Math.log1p(signal / interference);
        }
        return sum;
    }

    /** @return the largest double a with a^2 &lt;= budget, so that p = a^2 never exceeds the budget by rounding */
    private static double maxAmplitude(double budgetW) {
        double a = Math.sqrt(budgetW);
        while (a > 0 && a * a > budgetW) {
            a = Math.nextDown(a);
        }
        return a;
    }
}
