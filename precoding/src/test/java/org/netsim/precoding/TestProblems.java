package org.netsim.precoding;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.ZMatrixRMaj;

/** Random problems for tests: i.i.d. CN(0, g) channels, optional heterogeneous sizes, seeded. */
public final class TestProblems {

    private TestProblems() {
    }

    /** A standard normal draw (the polar Box-Muller method of {@link InitialPrecoders#gaussian}). */
    public static double gaussian(SplittableRandom rng) {
        return InitialPrecoders.gaussian(rng);
    }

    /** @return a new rows x cols matrix of i.i.d. CN(0, variance) entries */
    public static ZMatrixRMaj complexGaussian(SplittableRandom rng, int rows, int cols, double variance) {
        ZMatrixRMaj h = new ZMatrixRMaj(rows, cols);
        double s = Math.sqrt(variance / 2);
        for (int e = 0; e < h.getDataLength(); e++) {
            h.data[e] = s * gaussian(rng);
        }
        return h;
    }

    /**
     * A problem with equal sizes: K BSs with M antennas and budget P, {@code uesPerBs} UEs per BS with N antennas
     * and d streams, noise sigma2, channel gain g for the serving link and g * crossGain for the others.
     */
    public static Problem uniform(long seed, int numBs, int uesPerBs, int m, int n, int d, double powerW,
            double noiseW, double crossGain) {
        SplittableRandom rng = new SplittableRandom(seed);
        int numUe = numBs * uesPerBs;
        int[] serving = new int[numUe];
        for (int i = 0; i < numUe; i++) {
            serving[i] = i / uesPerBs;
        }
        ZMatrixRMaj[][] h = new ZMatrixRMaj[numUe][numBs];
        for (int i = 0; i < numUe; i++) {
            for (int k = 0; k < numBs; k++) {
                h[i][k] = complexGaussian(rng, n, m, k == serving[i] ? 1.0 : crossGain);
            }
        }
        int[] ms = new int[numBs];
        double[] ps = new double[numBs];
        java.util.Arrays.fill(ms, m);
        java.util.Arrays.fill(ps, powerW);
        int[] ns = new int[numUe];
        int[] ds = new int[numUe];
        double[] noise = new double[numUe];
        java.util.Arrays.fill(ns, n);
        java.util.Arrays.fill(ds, d);
        java.util.Arrays.fill(noise, noiseW);
        return Problem.builder().bsAntennas(ms).bsPowerW(ps).ueAntennas(ns).streams(ds).noisePowerW(noise)
                .servingBs(serving).channels(h).build();
    }

    /**
     * A random heterogeneous problem: 1..maxBs BSs with 1..maxM antennas and budgets in [0.5, 2] W, 1..maxUe UEs
     * with 1..maxN antennas, 1..N_i streams, noise in [0.01, 1] W, weights in [0.5, 2], random serving BS (so
     * some BSs may serve nobody), channel variances in [0.1, 1].
     */
    public static Problem random(long seed, int maxBs, int maxUe, int maxM, int maxN) {
        SplittableRandom rng = new SplittableRandom(seed);
        int numBs = 1 + rng.nextInt(maxBs);
        int numUe = 1 + rng.nextInt(maxUe);
        int[] ms = new int[numBs];
        double[] ps = new double[numBs];
        for (int k = 0; k < numBs; k++) {
            ms[k] = 1 + rng.nextInt(maxM);
            ps[k] = 0.5 + 1.5 * rng.nextDouble();
        }
        int[] ns = new int[numUe];
        int[] ds = new int[numUe];
        double[] noise = new double[numUe];
        double[] weights = new double[numUe];
        int[] serving = new int[numUe];
        for (int i = 0; i < numUe; i++) {
            ns[i] = 1 + rng.nextInt(maxN);
            ds[i] = 1 + rng.nextInt(ns[i]);
            noise[i] = 0.01 + 0.99 * rng.nextDouble();
            weights[i] = 0.5 + 1.5 * rng.nextDouble();
            serving[i] = rng.nextInt(numBs);
        }
        ZMatrixRMaj[][] h = new ZMatrixRMaj[numUe][numBs];
        for (int i = 0; i < numUe; i++) {
            for (int k = 0; k < numBs; k++) {
                h[i][k] = complexGaussian(rng, ns[i], ms[k], 0.1 + 0.9 * rng.nextDouble());
            }
        }
        return Problem.builder().bsAntennas(ms).bsPowerW(ps).ueAntennas(ns).streams(ds).noisePowerW(noise)
                .weights(weights).servingBs(serving).channels(h).build();
    }

    /**
     * K SISO transmitter-receiver pairs (BS k serves UE k, one antenna each, one stream), budgets in [0.5, 2] W,
     * noise in [0.01, 0.1] W, weights in [0.5, 2], direct channels CN(0, 1) and cross channels CN(0, 0.2) with a
     * random phase (the rates depend only on |h|).
     */
    public static Problem sisoPairs(long seed, int pairs) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[] ones = new int[pairs];
        java.util.Arrays.fill(ones, 1);
        double[] ps = new double[pairs];
        double[] noise = new double[pairs];
        double[] weights = new double[pairs];
        int[] serving = new int[pairs];
        for (int k = 0; k < pairs; k++) {
            ps[k] = 0.5 + 1.5 * rng.nextDouble();
            noise[k] = 0.01 + 0.09 * rng.nextDouble();
            weights[k] = 0.5 + 1.5 * rng.nextDouble();
            serving[k] = k;
        }
        ZMatrixRMaj[][] h = new ZMatrixRMaj[pairs][pairs];
        for (int i = 0; i < pairs; i++) {
            for (int k = 0; k < pairs; k++) {
                h[i][k] = complexGaussian(rng, 1, 1, i == k ? 1.0 : 0.2);
            }
        }
        return Problem.builder().bsAntennas(ones).bsPowerW(ps).ueAntennas(ones).streams(ones).noisePowerW(noise)
                .weights(weights).servingBs(serving).channels(h).build();
    }

    /** @return {@code count} random heterogeneous problems with seeds seed0, seed0 + 1, ... */
    public static List<Problem> randomList(long seed0, int count, int maxBs, int maxUe, int maxM, int maxN) {
        List<Problem> out = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            out.add(random(seed0 + s, maxBs, maxUe, maxM, maxN));
        }
        return out;
    }

    /** @return a deep copy of every channel of {@code p}, to check later that nothing modified them */
    public static ZMatrixRMaj[][] copyChannels(Problem p) {
        ZMatrixRMaj[][] c = new ZMatrixRMaj[p.numUe()][p.numBs()];
        for (int i = 0; i < p.numUe(); i++) {
            for (int k = 0; k < p.numBs(); k++) {
                c[i][k] = p.channel(i, k).copy();
            }
        }
        return c;
    }
}
