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
 * {@code sun-imac-N-K}: the interfering multiple-access channel (IMAC) of "Learning to Optimize: Training Deep
 * Neural Networks for Wireless Resource Management" (Section V-A, Model 2, Fig. 5; Table II uses (N, K) = (3, 12),
 * (3, 18), (3, 24), (7, 28), (20, 80)).
 *
 * <ul>
 *   <li>N hexagonal cells, a BS at each centre; the cell "radius" R = 100 m is half the distance between adjacent
 *       centres, so the inter-site distance is 2R = 200 m ({@link HexagonalGrid}, first N sites of the spiral: a
 *       triangle for N = 3, a full ring for N = 7).</li>
 *   <li>K / N users per cell, uniform in the hexagon outside the inner circle of radius r (default 0 m; Table V
 *       varies it).</li>
 *   <li>Single-antenna channel between user j and BS c: g_cj ~ CN(0, (200 / d_cj)^3 L_cj), d in metres, with
 *       10 log10(L_cj) ~ N(0, 8^2) dB shadowing ({@link LogDistancePathLoss#sunImac()}).</li>
 *   <li>P_max = 1 W per user, sigma^2 = 1 W per receiver (not printed in the paper; the authors' public code
 *       uses these values), weights 1.</li>
 * </ul>
 *
 * <p>The IMAC is an uplink: link k is user k transmitting to its own BS c(k), and all receivers of a cell are the
 * same BS, so the coefficient from transmitter j to receiver k is h_kj = g_{c(k) j} (the paper: "an IC with
 * co-located receivers"; N x K distinct coefficients). Mapping onto {@link Problem}: link k is "BS" k (M_k = 1,
 * budget P_max) serving only "UE" k (N_k = d_k = 1), H[k][j] = h_kj; the Problem's "BS" k is physically user k
 * and its "UE" k is the receiver at BS c(k).
 *
 * <p>Draw order: user positions (cell by cell), then for every (BS c, user j) pair, row-major, the shadowing then
 * the CN(0, 1) coefficient (real part first).
 */
public final class SunImacScenario implements SnapshotScenario {

    /** R, half the distance between adjacent cell centres, in metres. */
    public static final double CELL_RADIUS_M = 100.0;
    /** Shadowing standard deviation, dB. */
    public static final double SHADOWING_SIGMA_DB = 8.0;
    /** P_max in watts. */
    public static final double MAX_POWER_W = 1.0;
    /** sigma^2 in watts. */
    public static final double NOISE_POWER_W = 1.0;

    private final int numCells;
    private final int numUsers;
    private final double innerRadiusM;
    private final PathLossModel pathLoss = LogDistancePathLoss.sunImac();
    private final LogNormalShadowing shadowing = new LogNormalShadowing(SHADOWING_SIGMA_DB);

    /**
     * @param numCells N &gt;= 1
     * @param numUsers K, a positive multiple of N
     * @param innerRadiusM r in [0, R) metres
     */
    public SunImacScenario(int numCells, int numUsers, double innerRadiusM) {
        if (numCells < 1) {
            throw new IllegalArgumentException("numCells: must be >= 1, got " + numCells);
        }
        if (numUsers < 1 || numUsers % numCells != 0) {
            throw new IllegalArgumentException("numUsers: must be a positive multiple of numCells = " + numCells
                    + " (equal users per cell), got " + numUsers);
        }
        if (!(innerRadiusM >= 0) || innerRadiusM >= CELL_RADIUS_M) {
            throw new IllegalArgumentException("innerRadiusM: must be in [0, " + CELL_RADIUS_M + ") m, got "
                    + innerRadiusM);
        }
        this.numCells = numCells;
        this.numUsers = numUsers;
        this.innerRadiusM = innerRadiusM;
    }

    /** The paper's default r = 0 m. */
    public SunImacScenario(int numCells, int numUsers) {
        this(numCells, numUsers, 0.0);
    }

    @Override
    public String name() {
        String r = innerRadiusM == Math.rint(innerRadiusM) ? String.valueOf((long) innerRadiusM)
                : String.valueOf(innerRadiusM);
        return "sun-imac-" + numCells + "-" + numUsers + (innerRadiusM == 0 ? "" : "-r" + r);
    }

    @Override
    public String description() {
        return "IMAC (Sun et al., Sec. V-A Model 2): N = " + numCells + " hexagonal cells of radius 100 m, K = "
                + numUsers + " single-antenna users (" + numUsers / numCells + " per cell, r = " + innerRadiusM
                + " m), gain (200/d)^3 with 8 dB shadowing, Rayleigh, P_max = 1 W, sigma^2 = 1 W";
    }

    /** @return the BS (cell centre) positions */
    public List<Position> sites() {
        return HexagonalGrid.sites(numCells, 2 * CELL_RADIUS_M);
    }

    /** @return the user positions of one drop, user k in cell k / (K / N); advances {@code rng} */
    public List<Position> dropUsers(RandomGenerator rng) {
        double circumradius = HexagonalGrid.cellCircumradiusM(2 * CELL_RADIUS_M);
        List<Position> users = new ArrayList<>();
        for (Position site : sites()) {
            Hexagon cell = new Hexagon(site, circumradius);
            for (int u = 0; u < numUsers / numCells; u++) {
                users.add(cell.uniformPoint(rng, innerRadiusM));
            }
        }
        return users;
    }

    /** @return the cell (receiving BS) of link k */
    public int cellOf(int link) {
        return link / (numUsers / numCells);
    }

    @Override
    public Problem sample(RandomGenerator rng) {
        List<Position> bss = sites();
        List<Position> users = dropUsers(rng);
        ZMatrixRMaj[][] g = new ZMatrixRMaj[numCells][numUsers]; // BS c <- user j
        for (int c = 0; c < numCells; c++) {
            for (int j = 0; j < numUsers; j++) {
                double lossDb = pathLoss.lossDb(users.get(j).distanceM(bss.get(c))) + shadowing.drawDb(rng);
                double amplitude = Math.sqrt(Math.pow(10.0, -lossDb / 10.0) / 2.0);
                g[c][j] = new ZMatrixRMaj(1, 1);
                g[c][j].set(0, 0, amplitude * rng.nextGaussian(), amplitude * rng.nextGaussian());
            }
        }
        ZMatrixRMaj[][] h = new ZMatrixRMaj[numUsers][numUsers];
        int[] serving = new int[numUsers];
        for (int k = 0; k < numUsers; k++) {
            serving[k] = k;
            for (int j = 0; j < numUsers; j++) {
                h[k][j] = g[cellOf(k)][j];
            }
        }
        int[] ones = Links.filled(numUsers, 1);
        return Problem.builder().bsAntennas(ones).bsPowerW(Links.filled(numUsers, MAX_POWER_W)).ueAntennas(ones)
                .streams(ones).noisePowerW(Links.filled(numUsers, NOISE_POWER_W)).servingBs(serving).channels(h)
                .build();
    }
}
