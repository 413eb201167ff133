package org.netsim.precoding.learned.iaidnn;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.ZMatrixRMaj;
import org.netsim.precoding.Problem;
import org.netsim.precoding.TestProblems;

/** Single-cell problems (one BS serving every UE, equal N and d) for the IAIDNN tests. */
final class IaidnnTestProblems {

    private IaidnnTestProblems() {
    }

    /** One BS, I UEs, CN(0, 1) channels, budget P, noise sigma2 for all, weights drawn in [0.5, 2]. */
    static Problem singleCell(long seed, int m, int numUe, int n, int d, double powerW, double noiseW) {
        SplittableRandom rng = new SplittableRandom(seed);
        ZMatrixRMaj[][] h = new ZMatrixRMaj[numUe][1];
        double[] w = new double[numUe];
        for (int i = 0; i < numUe; i++) {
            h[i][0] = TestProblems.complexGaussian(rng, n, m, 1.0);
            w[i] = 0.5 + 1.5 * rng.nextDouble();
        }
        int[] ns = new int[numUe];
        int[] ds = new int[numUe];
        double[] noise = new double[numUe];
        java.util.Arrays.fill(ns, n);
        java.util.Arrays.fill(ds, d);
        java.util.Arrays.fill(noise, noiseW);
        return Problem.builder().bsAntennas(new int[] {m}).bsPowerW(new double[] {powerW}).ueAntennas(ns)
                .streams(ds).noisePowerW(noise).weights(w).servingBs(new int[numUe]).channels(h).build();
    }

    /** Random sizes M in 1..6, I in 1..4, N in 1..3, d in 1..N, budgets and noise varied. */
    static List<Problem> randomSingleCell(long seed0, int count) {
        List<Problem> list = new ArrayList<>();
        SplittableRandom rng = new SplittableRandom(seed0);
        for (int c = 0; c < count; c++) {
            int n = 1 + rng.nextInt(3);
            list.add(singleCell(seed0 + c, 1 + rng.nextInt(6), 1 + rng.nextInt(4), n, 1 + rng.nextInt(n),
                    0.5 + 1.5 * rng.nextDouble(), 0.01 + rng.nextDouble() * 0.5));
        }
        return list;
    }

    /** The problem with UE order perm: UE p of the result is UE perm[p] of {@code p}. */
    static Problem permuted(Problem p, int[] perm) {
        int numUe = p.numUe();
        ZMatrixRMaj[][] h = new ZMatrixRMaj[numUe][1];
        double[] w = new double[numUe];
        int[] ns = new int[numUe];
        int[] ds = new int[numUe];
        double[] noise = new double[numUe];
        for (int q = 0; q < numUe; q++) {
            int i = perm[q];
            h[q][0] = p.channel(i, 0).copy();
            w[q] = p.weight(i);
            ns[q] = p.ueAntennas(i);
            ds[q] = p.streams(i);
            noise[q] = p.noisePowerW(i);
        }
        return Problem.builder().bsAntennas(new int[] {p.bsAntennas(0)}).bsPowerW(new double[] {p.bsPowerW(0)})
                .ueAntennas(ns).streams(ds).noisePowerW(noise).weights(w).servingBs(new int[numUe]).channels(h)
                .build();
    }

    /**
     * Weights with every tensor perturbed: X = I + s G, Y, Z, O = s G (G standard normal), so that every term of
     * the approximation contributes (Z, O scaled by 1/10 to keep the layers stable).
     */
    static IaidnnWeights perturbed(IaidnnArchitecture arch, long seed, double s) {
        SplittableRandom rng = new SplittableRandom(seed);
        java.util.Map<String, double[]> t = IaidnnWeights.jacobi(arch).toArrays();
        t.forEach((name, a) -> {
            double f = name.startsWith("X") || name.startsWith("Y") ? s : s / 10;
            for (int e = 0; e < a.length; e++) {
                a[e] += f * TestProblems.gaussian(rng);
            }
        });
        return new IaidnnWeights(arch, t);
    }
}
