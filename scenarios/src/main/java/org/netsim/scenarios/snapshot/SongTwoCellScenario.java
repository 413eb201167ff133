package org.netsim.scenarios.snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.ejml.data.ZMatrixRMaj;
import org.netsim.precoding.Problem;
import org.netsim.radio.geometry.AnnulusSector;
import org.netsim.radio.geometry.Layouts;
import org.netsim.radio.geometry.Position;
import org.netsim.radio.pathloss.LogDistancePathLoss;
import org.netsim.radio.pathloss.PathLossModel;
import org.netsim.radio.shadowing.LogNormalShadowing;

/**
 * {@code song-{small,moderate,large}-{near,far}}: the datasets of "A Learning-only Method for Multi-Cell
 * Multi-User MIMO Sum Rate Maximization" (Song, Wang, Li, Liu, Xu; Section VI-A and Table II).
 *
 * <ul>
 *   <li>B = 2 BSs, the first at the origin, the second at the inter-BS distance: 0.5 km ("near", large inter-cell
 *       interference) or 2.8 km ("far", small inter-cell interference) ({@link Layouts#twoSites}).</li>
 *   <li>U UEs per BS uniform (by area) in the annulus 0.1-0.3 km around it; UE i served by BS i / U.</li>
 *   <li>Path loss G = 128.1 + 37.6 log10(omega / km) dB applied as 10^(-G/20) to CN(0, 1) entries; no
 *       shadowing.</li>
 *   <li>Sizes (Table II): small U = 4, N_t = 8; moderate U = 8, N_t = 16; large U = 16, N_t = 32; N_r = 2 and
 *       V in C^{N_t x N_r}, so d = N_r = 2 streams.</li>
 *   <li>P = 10 W per BS. Noise per BS b, shared by its UEs (Section VI-A):
 *       sigma_b^2 = 10^{(1/U) sum_u log10((1/N_r) ||H_{b,u}||_F^2)} x 10^{-SNR/10}, SNR = 5 dB, where H_{b,u}
 *       is the channel from BS b to its own UE u (the geometric mean of the per-receive-antenna channel
 *       energy, which includes the N_t array gain).</li>
 * </ul>
 *
 * Draw order per sample: UE positions (BS by BS: radius then angle), then fading (UE by UE, BS by BS).
 */
public final class SongTwoCellScenario implements SnapshotScenario {

    /** The problem sizes of Table II. */
    public enum Scale {
        SMALL(4, 8), MODERATE(8, 16), LARGE(16, 32);

        private final int uesPerBs;
        private final int bsAntennas;

        Scale(int uesPerBs, int bsAntennas) {
            this.uesPerBs = uesPerBs;
            this.bsAntennas = bsAntennas;
        }

        /** @return U */
        public int uesPerBs() {
            return uesPerBs;
        }

        /** @return N_t */
        public int bsAntennas() {
            return bsAntennas;
        }
    }

    /** N_r = d. */
    public static final int UE_ANTENNAS = 2;
    /** P in watts. */
    public static final double BS_POWER_W = 10.0;
    /** SNR defining the noise power, dB. */
    public static final double SNR_DB = 5.0;
    /** UE annulus around the serving BS, metres. */
    public static final double MIN_DISTANCE_M = 100.0;
    /** UE annulus around the serving BS, metres. */
    public static final double MAX_DISTANCE_M = 300.0;
    /** "near" inter-BS distance, metres. */
    public static final double NEAR_DISTANCE_M = 500.0;
    /** "far" inter-BS distance, metres. */
    public static final double FAR_DISTANCE_M = 2800.0;

    private final Scale scale;
    private final boolean far;
    private final PathLossModel pathLoss = LogDistancePathLoss.macro3gpp();

    public SongTwoCellScenario(Scale scale, boolean far) {
        if (scale == null) {
            throw new IllegalArgumentException("scale: must not be null");
        }
        this.scale = scale;
        this.far = far;
    }

    /** @return the inter-BS distance in metres */
    public double interBsDistanceM() {
        return far ? FAR_DISTANCE_M : NEAR_DISTANCE_M;
    }

    @Override
    public String name() {
        return "song-" + scale.name().toLowerCase(java.util.Locale.ROOT) + "-" + (far ? "far" : "near");
    }

    @Override
    public String description() {
        return "Structural MPNN (Song, Liu, Xu et al., Sec. VI-A, Table II): 2 BSs " + interBsDistanceM() / 1000
                + " km apart, U = " + scale.uesPerBs() + " UEs per BS 0.1-0.3 km from it, Nt = "
                + scale.bsAntennas() + ", Nr = d = 2, 128.1 + 37.6 log10(d/km) dB, Rayleigh, P = 10 W, "
                + "per-BS noise from SNR = 5 dB";
    }

    /** @return the UE positions of one drop; advances {@code rng} */
    public List<Position> dropUes(RandomGenerator rng) {
        List<Position> ues = new ArrayList<>();
        for (Position bs : Layouts.twoSites(interBsDistanceM())) {
            AnnulusSector ring = AnnulusSector.annulus(bs, MIN_DISTANCE_M, MAX_DISTANCE_M);
            for (int u = 0; u < scale.uesPerBs(); u++) {
                ues.add(ring.uniformPoint(rng));
            }
        }
        return ues;
    }

    @Override
    public Problem sample(RandomGenerator rng) {
        List<Position> bss = Layouts.twoSites(interBsDistanceM());
        List<Position> ues = dropUes(rng);
        int numUe = ues.size();
        int u = scale.uesPerBs();
        double[][] beta = Links.largeScaleGains(ues, bss, pathLoss, LogNormalShadowing.NONE, rng);
        int[] ueAnt = Links.filled(numUe, UE_ANTENNAS);
        int[] bsAnt = Links.filled(2, scale.bsAntennas());
        ZMatrixRMaj[][] h = Links.rayleighChannels(beta, ueAnt, bsAnt, rng);
        int[] serving = Links.groupedServing(2, u);
        double[] noise = new double[numUe];
        for (int b = 0; b < 2; b++) {
            double meanLog10 = 0;
            for (int j = 0; j < u; j++) {
                int i = b * u + j;
                meanLog10 += Math.log10(frobeniusSquared(h[i][b]) / UE_ANTENNAS) / u;
            }
            double sigma2 = Math.pow(10.0, meanLog10) * Math.pow(10.0, -SNR_DB / 10.0);
            for (int j = 0; j < u; j++) {
                noise[b * u + j] = sigma2;
            }
        }
        return Problem.builder().bsAntennas(bsAnt).bsPowerW(Links.filled(2, BS_POWER_W)).ueAntennas(ueAnt)
                .streams(ueAnt).noisePowerW(noise).servingBs(serving).channels(h).build();
    }

    private static double frobeniusSquared(ZMatrixRMaj m) {
        double s = 0;
        for (int e = 0; e < m.getDataLength(); e++) {
            s += m.data[e] * m.data[e];
        }
        return s;
    }
}
