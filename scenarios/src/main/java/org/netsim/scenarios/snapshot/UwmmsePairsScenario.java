package org.netsim.scenarios.snapshot;

import java.util.random.RandomGenerator;
import org.ejml.data.ZMatrixRMaj;
import org.netsim.precoding.Problem;

/**
 * {@code uwmmse-pairs-K} and {@code uwmmse-pairs-K-dD}: the SISO transmitter-receiver pairs of "Coordinated Sum-Rate
 * Maximization in Multicell MU-MIMO with Deep Unrolling" (Section V-A, the UWMMSE comparison of Fig. 5), which
 * follows "Unfolding WMMSE using graph neural networks" (its Section 4E).
 *
 * <p>Per sample: K transmitters at p_Tx,i uniform in [-K/d, K/d]^2 (metres); receiver i at p_Tx,i + o_Rx,i with
 * o_Rx,i uniform in [-K/4, K/4]^2. The paper writes [-M/4, M/4]^2 with M the number of transceiver pairs ("fixed M =
 * 20 transceiver pairs"), so M = K here. d is the network density: fixed ({@code -dD}) or, without the suffix,
 * drawn per sample uniformly in [0.5, 5] (the paper's training distribution).
 *
 * <p>Channel (real amplitude, transmitter j to receiver i): h_ij = min(1, r_ij^-2.2) h_f,ij with h_f,ij Rayleigh
 * with mode 1 (sqrt(x^2 + y^2), x, y ~ N(0, 1), so E h_f^2 = 2). The paper prints the path loss of every h_ij as
 * |o_Rx,i|^-2.2, the direct distance; we read this as the distance r_ij = |p_Tx,i + o_Rx,i - p_Tx,j| between
 * receiver i and transmitter j (r_ii = |o_Rx,i|, the printed term), since with the printed form the interference
 * would not depend on the geometry and d would have no effect. The path loss "bounded by 1 from above" is the
 * min(1, .). Budgets P_BS = 0 dBm = 1 mW per transmitter, noise sigma^2 = -92 dBm per receiver, weights 1.
 *
 * <p>Mapping onto {@link Problem}: pair i is "BS" i (M_i = 1) serving only "UE" i (N_i = d_i = 1), H[i][j] = h_ij
 * (real, zero imaginary part). Draw order: density (if drawn), then per pair x, y of p_Tx, x, y of o_Rx, then the
 * fading row-major over (i, j), x before y.
 */
public final class UwmmsePairsScenario implements SnapshotScenario {

    /** P_BS = 0 dBm in watts. */
    public static final double MAX_POWER_W = 1e-3;
    /** sigma^2 = -92 dBm in watts. */
    public static final double NOISE_POWER_W = 1e-3 * Math.pow(10.0, -92.0 / 10.0);
    /** Path-loss exponent. */
    public static final double PATH_LOSS_EXPONENT = 2.2;
    /** Bounds of the drawn density. */
    public static final double MIN_DENSITY = 0.5;
    /** Bounds of the drawn density. */
    public static final double MAX_DENSITY = 5.0;

    private final int numPairs;
    private final double density;

    /**
     * @param numPairs K &gt;= 1
     * @param density d &gt; 0, or {@link Double#NaN} to draw it per sample in [0.5, 5]
     */
    public UwmmsePairsScenario(int numPairs, double density) {
        if (numPairs < 1) {
            throw new IllegalArgumentException("numPairs: must be >= 1, got " + numPairs);
        }
        if (!Double.isNaN(density) && !(density > 0 && density < 1e6)) {
            throw new IllegalArgumentException("density: must be > 0 (or NaN to draw it), got " + density);
        }
        this.numPairs = numPairs;
        this.density = density;
    }

    /** @return K */
    public int numPairs() {
        return numPairs;
    }

    /** @return d, or NaN when it is drawn per sample */
    public double density() {
        return density;
    }

    @Override
    public String name() {
        return "uwmmse-pairs-" + numPairs + (Double.isNaN(density) ? "" : "-d" + formatDensity(density));
    }

    static String formatDensity(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    @Override
    public String description() {
        return "SISO pairs (GCN-WMMSE paper, Sec. V-A / UWMMSE): K = " + numPairs + ", density "
                + (Double.isNaN(density) ? "drawn in [0.5, 5]" : "d = " + formatDensity(density))
                + ", path loss min(1, r^-2.2), Rayleigh fading, P = 0 dBm, sigma^2 = -92 dBm";
    }

    @Override
    public Problem sample(RandomGenerator rng) {
        int k = numPairs;
        double d = Double.isNaN(density) ? MIN_DENSITY + (MAX_DENSITY - MIN_DENSITY) * rng.nextDouble() : density;
        double txHalf = k / d;
        double rxHalf = k / 4.0;
        double[] txX = new double[k];
        double[] txY = new double[k];
        double[] rxX = new double[k];
        double[] rxY = new double[k];
        for (int i = 0; i < k; i++) {
            txX[i] = txHalf * (2 * rng.nextDouble() - 1);
            txY[i] = txHalf * (2 * rng.nextDouble() - 1);
            rxX[i] = txX[i] + rxHalf * (2 * rng.nextDouble() - 1);
            rxY[i] = txY[i] + rxHalf * (2 * rng.nextDouble() - 1);
        }
        ZMatrixRMaj[][] h = new ZMatrixRMaj[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double r = Math.hypot(rxX[i] - txX[j], rxY[i] - txY[j]);
                double pathLoss = Math.min(1.0, Math.pow(r, -PATH_LOSS_EXPONENT));
                double fading = Math.hypot(rng.nextGaussian(), rng.nextGaussian());
                h[i][j] = new ZMatrixRMaj(1, 1);
                h[i][j].set(0, 0, pathLoss * fading, 0.0);
            }
        }
        int[] ones = Links.filled(k, 1);
        int[] serving = new int[k];
        for (int i = 0; i < k; i++) {
            serving[i] = i;
        }
        return Problem.builder().bsAntennas(ones).bsPowerW(Links.filled(k, MAX_POWER_W)).ueAntennas(ones)
                .streams(ones).noisePowerW(Links.filled(k, NOISE_POWER_W)).servingBs(serving).channels(h).build();
    }
}
