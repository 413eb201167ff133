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
 * {@code gcnwmmse-base}: the base scenario of "Coordinated Sum-Rate Maximization in Multicell MU-MIMO with Deep
 * Unrolling" (Section IV, Table II).
 *
 * <ul>
 *   <li>3 BSs on the corners of an equilateral triangle of side d_BS = 200 m ({@link Layouts#equilateralTriangle}).
 *   </li>
 *   <li>I = 12 UEs, 4 per BS (UE i served by BS i / 4), each uniform by area in the 60-degree sector of radius
 *       d_BS / sqrt(3) = 115.5 m at its BS, spanned by the two triangle edges (facing the other BSs), at least 10 m
 *       from the BS ({@link Layouts#triangleSector}; the 10 m bound is the authors' generator's).</li>
 *   <li>Picocell path loss PL_ik = 27.9 + 36.7 log10(d / m) dB ({@link LogDistancePathLoss#picoGcnWmmse()}), no
 *       shadowing, i.i.d. Rayleigh entries [H_ik]_nm ~ CN(0, 10^(-PL_ik / 10)).</li>
 *   <li>M = 12, N = 2, d_i = N = 2 streams, P_BS = 30 dBm = 1 W, sigma_UE^2 = -100 dBm = 1e-13 W, alpha_i = 1.</li>
 * </ul>
 *
 * Draw order per sample: UE positions (UE by UE: radius then angle), then fading (UE by UE, BS by BS).
 */
public final class GcnWmmseTriangleScenario implements SnapshotScenario {

    /** d_BS in metres (Table II). */
    public static final double BS_DISTANCE_M = 200.0;
    /** Minimum UE-BS distance in metres. */
    public static final double MIN_DISTANCE_M = 10.0;
    /** UEs per BS (Table II: 12 UEs, equal number per BS). */
    public static final int UES_PER_BS = 4;
    /** M. */
    public static final int BS_ANTENNAS = 12;
    /** N. */
    public static final int UE_ANTENNAS = 2;
    /** P_BS = 30 dBm. */
    public static final double BS_POWER_DBM = 30.0;
    /** sigma_UE^2 = -100 dBm. */
    public static final double NOISE_POWER_DBM = -100.0;

    private final PathLossModel pathLoss = LogDistancePathLoss.picoGcnWmmse();

    @Override
    public String name() {
        return "gcnwmmse-base";
    }

    @Override
    public String description() {
        return "GCN-WMMSE base scenario (Schynol & Pesavento, Table II): 3 BSs on a 200 m equilateral triangle, "
                + "4 UEs per BS uniform in the 60-degree sector of radius 115.5 m facing the other BSs (>= 10 m), "
                + "picocell path loss 27.9 + 36.7 log10(d/m) dB, Rayleigh, M = 12, N = d = 2, 30 dBm, -100 dBm";
    }

    /** @return the UE positions of one drop (UE i in the sector of BS i / 4); advances {@code rng} */
    public List<Position> dropUes(RandomGenerator rng) {
        List<Position> ues = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            AnnulusSector sector = Layouts.triangleSector(BS_DISTANCE_M, k, MIN_DISTANCE_M);
            for (int u = 0; u < UES_PER_BS; u++) {
                ues.add(sector.uniformPoint(rng));
            }
        }
        return ues;
    }

    @Override
    public Problem sample(RandomGenerator rng) {
        List<Position> bss = Layouts.equilateralTriangle(BS_DISTANCE_M);
        List<Position> ues = dropUes(rng);
        int numUe = ues.size();
        double[][] beta = Links.largeScaleGains(ues, bss, pathLoss, LogNormalShadowing.NONE, rng);
        int[] ueAnt = Links.filled(numUe, UE_ANTENNAS);
        int[] bsAnt = Links.filled(3, BS_ANTENNAS);
        ZMatrixRMaj[][] h = Links.rayleighChannels(beta, ueAnt, bsAnt, rng);
        return Problem.builder().bsAntennas(bsAnt).bsPowerW(Links.filled(3, Links.dbmToW(BS_POWER_DBM)))
                .ueAntennas(ueAnt).streams(ueAnt).noisePowerW(Links.filled(numUe, Links.dbmToW(NOISE_POWER_DBM)))
                .servingBs(Links.groupedServing(3, UES_PER_BS)).channels(h).build();
    }
}
