package org.netsim.scenarios.snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.ejml.data.ZMatrixRMaj;
import org.netsim.precoding.Problem;
import org.netsim.radio.geometry.Hexagon;
import org.netsim.radio.geometry.HexagonalGrid;
import org.netsim.radio.geometry.Position;
import org.netsim.radio.pathloss.LogDistancePathLoss;
import org.netsim.radio.pathloss.PathLossModel;
import org.netsim.radio.shadowing.LogNormalShadowing;

/**
 * {@code deepfp-7cell} and {@code deepfp-1cell}: the massive-MIMO datasets of "DeepFP: Deep-Unfolded Fractional Programming
 * for Massive MIMO Beamforming" (Section V-A and Fig. 3; sizes of Tables I and II).
 *
 * <ul>
 *   <li>L = 7 (or 1) hexagonal cells, BS at each cell centre, adjacent BSs D = 0.8 km apart
 *       ({@link HexagonalGrid}), cell circumradius D / sqrt(3).</li>
 *   <li>K = 6 UEs per cell, uniform in their cell's hexagon (UE i served by BS i / 6). The paper states no
 *       minimum distance; the authors' public generator excludes the disc of radius 0.3 D / (0.8 sqrt(3)) km
 *       (173.2 m at D = 0.8 km), which is used here.</li>
 *   <li>Path loss 128.1 + 37.6 log10(r / km) + tau dB, tau ~ N(0, 8^2) dB independent per UE-BS link
 *       ({@link LogDistancePathLoss#macro3gpp()}, {@link LogNormalShadowing}).</li>
 *   <li>Small-scale fading i.i.d. CN(0, 1) per antenna pair (the paper does not specify it; note the authors'
 *       single-tone generator draws unit-modulus random-phase entries instead).</li>
 *   <li>N_t = 64, N_r = 4, d = 2, P = 20 dBm = 0.1 W per BS, noise -90 dBm = 1e-12 W, equal weights.</li>
 * </ul>
 *
 * The single-cell variant (Table I: N_t = 64, N_r = 4, d = 2, K = 6) is the centre cell alone. Draw order per
 * sample: UE positions (cell by cell), shadowing (UE by UE, BS by BS), fading (UE by UE, BS by BS).
 */
public final class DeepFpHexScenario implements SnapshotScenario {

    /** D, the inter-site distance in metres. */
    public static final double INTER_SITE_DISTANCE_M = 800.0;
    /** tau standard deviation in dB. */
    public static final double SHADOWING_SIGMA_DB = 8.0;
    /** UEs per cell. */
    public static final int UES_PER_CELL = 6;
    /** N_t. */
    public static final int BS_ANTENNAS = 64;
    /** N_r. */
    public static final int UE_ANTENNAS = 4;
    /** d. */
    public static final int STREAMS = 2;
    /** BS power budget in dBm. */
    public static final double BS_POWER_DBM = 20.0;
    /** Noise power in dBm. */
    public static final double NOISE_POWER_DBM = -90.0;

    private final int numCells;
    private final PathLossModel pathLoss = LogDistancePathLoss.macro3gpp();
    private final LogNormalShadowing shadowing = new LogNormalShadowing(SHADOWING_SIGMA_DB);

    /** @param numCells 1 or 7 */
    public DeepFpHexScenario(int numCells) {
        if (numCells != 1 && numCells != 7) {
            throw new IllegalArgumentException("numCells: must be 1 or 7, got " + numCells);
        }
        this.numCells = numCells;
    }

    /** @return the minimum UE-BS distance in metres, 0.3 D / (0.8 sqrt(3)) with D in km, converted */
    public static double minDistanceM() {
        return 0.3 * (INTER_SITE_DISTANCE_M / 1000.0) / (0.8 * Math.sqrt(3.0)) * 1000.0;
    }

    @Override
    public String name() {
        return "deepfp-" + numCells + "cell";
    }

    @Override
    public String description() {
        return "DeepFP (Zhu, Chang, Shen, Sec. V-A): " + numCells + " hexagonal cell(s), ISD 0.8 km, 6 UEs per "
                + "cell uniform beyond 173 m, 128.1 + 37.6 log10(d/km) dB + 8 dB log-normal shadowing, Rayleigh, "
                + "Nt = 64, Nr = 4, d = 2, 20 dBm, -90 dBm";
    }

    /** @return the BS positions */
    public List<Position> sites() {
        return HexagonalGrid.sites(numCells, INTER_SITE_DISTANCE_M);
    }

    /** @return the UE positions of one drop, UE i in cell i / 6; advances {@code rng} */
    public List<Position> dropUes(RandomGenerator rng) {
        double radius = HexagonalGrid.cellCircumradiusM(INTER_SITE_DISTANCE_M);
        List<Position> ues = new ArrayList<>();
        for (Position site : sites()) {
            Hexagon cell = new Hexagon(site, radius);
            for (int u = 0; u < UES_PER_CELL; u++) {
                ues.add(cell.uniformPoint(rng, minDistanceM()));
            }
        }
        return ues;
    }

    @Override
    public Problem sample(RandomGenerator rng) {
        List<Position> bss = sites();
        List<Position> ues = dropUes(rng);
        int numUe = ues.size();
        double[][] beta = Links.largeScaleGains(ues, bss, pathLoss, shadowing, rng);
        int[] ueAnt = Links.filled(numUe, UE_ANTENNAS);
        int[] bsAnt = Links.filled(numCells, BS_ANTENNAS);
        ZMatrixRMaj[][] h = Links.rayleighChannels(beta, ueAnt, bsAnt, rng);
        return Problem.builder().bsAntennas(bsAnt).bsPowerW(Links.filled(numCells, Links.dbmToW(BS_POWER_DBM)))
                .ueAntennas(ueAnt).streams(Links.filled(numUe, STREAMS))
                .noisePowerW(Links.filled(numUe, Links.dbmToW(NOISE_POWER_DBM)))
                .servingBs(Links.groupedServing(numCells, UES_PER_CELL)).channels(h).build();
    }
}
