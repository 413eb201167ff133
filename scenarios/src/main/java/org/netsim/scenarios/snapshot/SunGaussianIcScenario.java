package org.netsim.scenarios.snapshot;

import java.util.random.RandomGenerator;
import org.ejml.data.ZMatrixRMaj;
import org.netsim.precoding.Problem;
import org.netsim.radio.fading.RayleighFading;

/**
 * {@code sun-ic-K}: the Gaussian interference channel of "Learning to Optimize: Training Deep Neural Networks for
 * Wireless Resource Management" (Section V-A, Model 1; Table I uses K = 10, 20, 30).
 *
 * <p>K single-antenna transmitter-receiver pairs. Every coefficient h_kj (transmitter j to receiver k) is
 * CN(0, 1), so |h_kj| is Rayleigh with E|h_kj|^2 = 1. P_max = 1 W per transmitter and sigma_k^2 = 1 W: the paper
 * fixes both without printing them; these are the values of the authors' public generator (SNR 0 dB per unit
 * gain). Weights alpha_k = 1.
 *
 * <p>Mapping onto {@link Problem}: link k is "BS" k (M_k = 1, budget P_max) serving only "UE" k (N_k = d_k = 1);
 * H[k][j] = h_kj. Draw order: row-major over (k, j), real part first.
 */
public final class SunGaussianIcScenario implements SnapshotScenario {

    /** P_max in watts. */
    public static final double MAX_POWER_W = 1.0;
    /** sigma_k^2 in watts. */
    public static final double NOISE_POWER_W = 1.0;

    private final int numLinks;

    /** @param numLinks K &gt;= 1 */
    public SunGaussianIcScenario(int numLinks) {
        if (numLinks < 1) {
            throw new IllegalArgumentException("numLinks: must be >= 1, got " + numLinks);
        }
        this.numLinks = numLinks;
    }

    @Override
    public String name() {
        return "sun-ic-" + numLinks;
    }

    @Override
    public String description() {
        return "Gaussian IC (Sun et al., Sec. V-A Model 1): K = " + numLinks
                + " single-antenna pairs, h ~ CN(0, 1), P_max = 1 W, sigma^2 = 1 W";
    }

    @Override
    public Problem sample(RandomGenerator rng) {
        int k = numLinks;
        ZMatrixRMaj[][] h = new ZMatrixRMaj[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                h[i][j] = RayleighFading.INSTANCE.draw(rng, 1, 1);
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
