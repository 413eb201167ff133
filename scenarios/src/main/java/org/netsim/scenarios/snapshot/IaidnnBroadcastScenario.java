package org.netsim.scenarios.snapshot;

import java.util.random.RandomGenerator;
import org.ejml.data.ZMatrixRMaj;
import org.netsim.precoding.Problem;

/**
 * The single-cell MIMO broadcast channel of the IAIDNN comparison (GCN-WMMSE paper "Coordinated Sum-Rate
 * Maximization in Multicell MU-MIMO with Deep Unrolling", §V-C, Tables XIII and XIV, after Hu et al.): one BS with
 * M antennas and P = 20 dBm serves I UEs with N = 2 antennas and d = 2 streams each, noise sigma^2 = 0 dBm, unit
 * weights, channel entries i.i.d. CN(0, 2) ("sampled from CN(0, 2) as in [24]"). Named {@code iaidnn-MxI}; the
 * catalogue lists the paper's (8, 4), (16, 8) and (32, 16).
 */
public final class IaidnnBroadcastScenario implements SnapshotScenario {

    /** P = 20 dBm in watts. */
    public static final double BS_POWER_W = 0.1;
    /** sigma^2 = 0 dBm in watts. */
    public static final double NOISE_POWER_W = 1e-3;
    /** Variance of every channel entry (CN(0, 2)). */
    public static final double CHANNEL_VARIANCE = 2.0;
    /** N = d. */
    public static final int UE_ANTENNAS = 2;

    private final int bsAntennas;
    private final int numUes;

    /**
     * @param bsAntennas M &gt;= 1
     * @param numUes I &gt;= 1
     */
    public IaidnnBroadcastScenario(int bsAntennas, int numUes) {
        if (bsAntennas < 1) {
            throw new IllegalArgumentException("bsAntennas: must be >= 1, got " + bsAntennas);
        }
        if (numUes < 1) {
            throw new IllegalArgumentException("numUes: must be >= 1, got " + numUes);
        }
        this.bsAntennas = bsAntennas;
        this.numUes = numUes;
    }

    @Override
    public String name() {
        return "iaidnn-" + bsAntennas + "x" + numUes;
    }

    @Override
    public String description() {
        return "single-cell MIMO broadcast channel of the IAIDNN comparison (GCN-WMMSE Sec. V-C, Tables XIII/XIV): "
                + "one BS with M = " + bsAntennas + ", P = 20 dBm, I = " + numUes + " UEs with N = d = 2, "
                + "sigma^2 = 0 dBm, CN(0, 2) channels";
    }

    @Override
    public Problem sample(RandomGenerator rng) {
        double[][] beta = new double[numUes][1];
        for (double[] b : beta) {
            b[0] = CHANNEL_VARIANCE;
        }
        int[] ueAnt = Links.filled(numUes, UE_ANTENNAS);
        ZMatrixRMaj[][] h = Links.rayleighChannels(beta, ueAnt, new int[] {bsAntennas}, rng);
        return Problem.builder().bsAntennas(new int[] {bsAntennas}).bsPowerW(new double[] {BS_POWER_W})
                .ueAntennas(ueAnt).streams(Links.filled(numUes, UE_ANTENNAS))
                .noisePowerW(Links.filled(numUes, NOISE_POWER_W)).servingBs(new int[numUes]).channels(h).build();
    }
}
