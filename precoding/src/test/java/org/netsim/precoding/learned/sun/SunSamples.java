package org.netsim.precoding.learned.sun;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.ZMatrixRMaj;
import org.netsim.precoding.Problem;

/**
 * Test data with the statistics of the scenarios {@code sun-ic-K} and {@code sun-imac-N-K} of the scenarios module
 * (which this module cannot depend on): the same distributions, not the same draws.
 *
 * <ul>
 *   <li>IC (Sun et al., Section V-A, Model 1): h_kj ~ CN(0, 1), P_max = sigma^2 = 1 W.</li>
 *   <li>IMAC (Model 2): the first N sites of the hexagonal spiral with inter-site distance 200 m (BS 0 at the
 *       origin, BS 1 at 270 degrees, then counter-clockwise), flat-topped hexagonal cells of circumradius
 *       200 / sqrt(3) m, K / N users per cell uniform in the hexagon, user k in cell k / (K / N); coefficient
 *       from user j to BS c ~ CN(0, (200 / d)^3 10^(s / 10)) with s ~ N(0, 8^2) dB; P_max = sigma^2 = 1 W;
 *       receiver of link k is its BS, so H[k][j] = g_{c(k) j}.</li>
 * </ul>
 * Sample s of a seed comes from its own generator, so it does not depend on the number of samples drawn.
 */
public final class SunSamples {

    private SunSamples() {
    }

    private static SplittableRandom stream(long seed, int sample) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + sample * 0xBF58476D1CE4E5B9L + 1);
    }

    private static double gaussian(SplittableRandom rng) {
        double u1 = rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log1p(-u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** @return {@code count} Gaussian IC problems with K links, samples 0 .. count - 1 of {@code seed} */
    public static List<Problem> ic(int links, int count, long seed) {
        List<Problem> out = new ArrayList<>(count);
        for (int s = 0; s < count; s++) {
            out.add(icSample(links, seed, s));
        }
        return out;
    }

    /** @return sample {@code s} of the Gaussian IC with K links */
    public static Problem icSample(int links, long seed, int s) {
        {
            SplittableRandom rng = stream(seed, s);
            ZMatrixRMaj[][] h = new ZMatrixRMaj[links][links];
            for (int k = 0; k < links; k++) {
                for (int j = 0; j < links; j++) {
                    h[k][j] = new ZMatrixRMaj(1, 1);
                    h[k][j].set(0, 0, Math.sqrt(0.5) * gaussian(rng), Math.sqrt(0.5) * gaussian(rng));
                }
            }
            return links(h, 1.0, 1.0);
        }
    }

    /** @return {@code count} IMAC problems with N cells and K users, samples 0 .. count - 1 of {@code seed} */
    public static List<Problem> imac(int cells, int links, int count, long seed) {
        List<Problem> out = new ArrayList<>(count);
        for (int s = 0; s < count; s++) {
            out.add(imacSample(cells, links, seed, s));
        }
        return out;
    }

    /** @return sample {@code s} of the IMAC with N cells and K users */
    public static Problem imacSample(int cells, int links, long seed, int s) {
        double isd = 200.0;
        double circumradius = isd / Math.sqrt(3.0);
        double inradius = isd / 2.0;
        double[][] sites = sites(cells, isd);
        int perCell = links / cells;
        {
            SplittableRandom rng = stream(seed, s);
            double[][] users = new double[links][];
            for (int u = 0; u < links; u++) {
                double[] c = sites[u / perCell];
                while (true) {
                    double x = (2 * rng.nextDouble() - 1) * circumradius;
                    double y = (2 * rng.nextDouble() - 1) * inradius;
                    boolean inside = Math.abs(y) <= inradius && Math.sqrt(3.0) * Math.abs(x) + Math.abs(y)
                            <= Math.sqrt(3.0) * circumradius;
                    if (inside && Math.hypot(x, y) > 0) {
                        users[u] = new double[] {c[0] + x, c[1] + y};
                        break;
                    }
                }
            }
            ZMatrixRMaj[][] g = new ZMatrixRMaj[cells][links];
            for (int c = 0; c < cells; c++) {
                for (int j = 0; j < links; j++) {
                    double d = Math.hypot(users[j][0] - sites[c][0], users[j][1] - sites[c][1]);
                    double gain = Math.pow(200.0 / d, 3) * Math.pow(10.0, 8.0 * gaussian(rng) / 10.0);
                    double a = Math.sqrt(gain / 2);
                    g[c][j] = new ZMatrixRMaj(1, 1);
                    g[c][j].set(0, 0, a * gaussian(rng), a * gaussian(rng));
                }
            }
            ZMatrixRMaj[][] h = new ZMatrixRMaj[links][links];
            for (int k = 0; k < links; k++) {
                for (int j = 0; j < links; j++) {
                    h[k][j] = g[k / perCell][j];
                }
            }
            return links(h, 1.0, 1.0);
        }
    }

    /** The first N sites of the hexagonal spiral (as the radio module's HexagonalGrid). */
    static double[][] sites(int n, double isd) {
        double[][] out = new double[n][];
        out[0] = new double[] {0, 0};
        int count = 1;
        for (int ring = 1; count < n; ring++) {
            double px = ring * isd * Math.cos(Math.toRadians(270));
            double py = ring * isd * Math.sin(Math.toRadians(270));
            for (int j = 0; j < 6 && count < n; j++) {
                for (int s = 0; s < ring && count < n; s++) {
                    out[count++] = new double[] {px, py};
                    px += isd * Math.cos(Math.toRadians(30 + 60 * j));
                    py += isd * Math.sin(Math.toRadians(30 + 60 * j));
                }
            }
        }
        return out;
    }

    /** K single-antenna links, link k = BS k serving UE k, H[k][j] given. */
    static Problem links(ZMatrixRMaj[][] h, double powerW, double noiseW) {
        int k = h.length;
        int[] ones = new int[k];
        int[] serving = new int[k];
        double[] p = new double[k];
        double[] noise = new double[k];
        for (int i = 0; i < k; i++) {
            ones[i] = 1;
            serving[i] = i;
            p[i] = powerW;
            noise[i] = noiseW;
        }
        return Problem.builder().bsAntennas(ones).bsPowerW(p).ueAntennas(ones).streams(ones).noisePowerW(noise)
                .servingBs(serving).channels(h).build();
    }

    /**
     * {@link #ic} samples with per-link budgets P_k uniform in [0.1, 10] W and noise sigma_k^2 uniform in
     * [noiseMinW, 2] W, drawn from {@code budgetSeed}: problems that differ from the training ones in scale.
     */
    public static List<Problem> icWithRandomBudgets(int links, int count, long seed, long budgetSeed,
            double noiseMinW) {
        SplittableRandom rng = new SplittableRandom(budgetSeed);
        List<Problem> out = new ArrayList<>();
        for (Problem p : ic(links, count, seed)) {
            double[] power = new double[links];
            double[] noise = new double[links];
            for (int k = 0; k < links; k++) {
                power[k] = 0.1 + 9.9 * rng.nextDouble();
                noise[k] = noiseMinW + (2 - noiseMinW) * rng.nextDouble();
            }
            out.add(p.toBuilder().bsPowerW(power).noisePowerW(noise).build());
        }
        return out;
    }
}
