package org.netsim.scenarios.snapshot;

import java.util.random.RandomGenerator;
import org.ejml.data.ZMatrixRMaj;
import org.netsim.precoding.Problem;

/**
 * {@code iid-cn}: a geometry-free multicell MU-MIMO benchmark with i.i.d. Rayleigh channels, the random-CN scenario
 * of "Coordinated Sum-Rate Maximization in Multicell MU-MIMO with Deep Unrolling" (Section IV-E, Scenario I:
 * K = 4 BSs with M = 4, I = 8 UEs uniformly assigned with N = 2, entries CN(0, 1), sigma_UE^2 = 0 dBm,
 * P_BS = 20 dBm), which is the catalogue default ({@link #gcnWmmseScenarioI()}).
 *
 * <p>Entries of the serving channels are CN(0, 1) and those of interfering channels CN(0, g) with the
 * interference gain g (1 in the default). Noise sigma^2 = 1 mW per receive antenna and P = sigma^2 10^(SNR/10)
 * per BS, so SNR is the transmit-power-to-noise ratio. Weights 1. UE i is served by BS i / I. Draw order: UE by UE,
 * BS by BS, row-major, real part first.
 */
public final class IidCnScenario implements SnapshotScenario {

    /** sigma^2 = 0 dBm in watts. */
    public static final double NOISE_POWER_W = 1e-3;

    private final int numBs;
    private final int bsAntennas;
    private final int uesPerBs;
    private final int ueAntennas;
    private final int streams;
    private final double snrDb;
    private final double interferenceGain;

    private IidCnScenario(int numBs, int bsAntennas, int uesPerBs, int ueAntennas, int streams, double snrDb,
            double interferenceGain) {
        requireAtLeast(numBs, 1, "numBs");
        requireAtLeast(bsAntennas, 1, "bsAntennas");
        requireAtLeast(uesPerBs, 1, "uesPerBs");
        requireAtLeast(ueAntennas, 1, "ueAntennas");
        if (streams < 1 || streams > ueAntennas) {
            throw new IllegalArgumentException("streams: must be in 1.." + ueAntennas + ", got " + streams);
        }
        if (!Double.isFinite(snrDb)) {
            throw new IllegalArgumentException("snrDb: must be finite, got " + snrDb);
        }
        if (!(interferenceGain >= 0) || Double.isInfinite(interferenceGain)) {
            throw new IllegalArgumentException("interferenceGain: must be finite and >= 0, got "
                    + interferenceGain);
        }
        this.numBs = numBs;
        this.bsAntennas = bsAntennas;
        this.uesPerBs = uesPerBs;
        this.ueAntennas = ueAntennas;
        this.streams = streams;
        this.snrDb = snrDb;
        this.interferenceGain = interferenceGain;
    }

    /**
     * @param numBs K
     * @param bsAntennas M (every BS)
     * @param uesPerBs UEs per BS
     * @param ueAntennas N (every UE)
     * @param streams d (every UE), 1 &lt;= d &lt;= N
     * @param snrDb P / sigma^2 in dB
     * @param interferenceGain linear power gain g of the interfering channels relative to the serving ones
     */
    public static IidCnScenario of(int numBs, int bsAntennas, int uesPerBs, int ueAntennas, int streams,
            double snrDb, double interferenceGain) {
        return new IidCnScenario(numBs, bsAntennas, uesPerBs, ueAntennas, streams, snrDb, interferenceGain);
    }

    /** The catalogue default: K = 4, M = 4, 2 UEs per BS, N = d = 2, SNR 20 dB, g = 1. */
    public static IidCnScenario gcnWmmseScenarioI() {
        return of(4, 4, 2, 2, 2, 20.0, 1.0);
    }

    @Override
    public String name() {
        return "iid-cn";
    }

    @Override
    public String description() {
        return "i.i.d. CN(0,1) channels (GCN-WMMSE Sec. IV-E style): K = " + numBs + " BSs with M = " + bsAntennas
                + ", " + uesPerBs + " UEs per BS with N = " + ueAntennas + ", d = " + streams + ", SNR "
                + snrDb + " dB, interference gain " + interferenceGain;
    }

    @Override
    public Problem sample(RandomGenerator rng) {
        int numUe = numBs * uesPerBs;
        int[] serving = Links.groupedServing(numBs, uesPerBs);
        double[][] beta = new double[numUe][numBs];
        for (int i = 0; i < numUe; i++) {
            for (int k = 0; k < numBs; k++) {
                beta[i][k] = serving[i] == k ? 1.0 : interferenceGain;
            }
        }
        int[] ueAnt = Links.filled(numUe, ueAntennas);
        int[] bsAnt = Links.filled(numBs, bsAntennas);
        ZMatrixRMaj[][] h = Links.rayleighChannels(beta, ueAnt, bsAnt, rng);
        double powerW = NOISE_POWER_W * Math.pow(10.0, snrDb / 10.0);
        return Problem.builder().bsAntennas(bsAnt).bsPowerW(Links.filled(numBs, powerW)).ueAntennas(ueAnt)
                .streams(Links.filled(numUe, streams)).noisePowerW(Links.filled(numUe, NOISE_POWER_W))
                .servingBs(serving).channels(h).build();
    }

    private static void requireAtLeast(int v, int min, String field) {
        if (v < min) {
            throw new IllegalArgumentException(field + ": must be >= " + min + ", got " + v);
        }
    }
}
