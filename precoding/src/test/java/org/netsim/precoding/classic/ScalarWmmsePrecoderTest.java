package org.netsim.precoding.classic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.netsim.precoding.Init;
import org.netsim.precoding.Precoder;
import org.netsim.precoding.PrecoderOptions;
import org.netsim.precoding.PrecoderRegistry;
import org.netsim.precoding.Problem;
import org.netsim.precoding.RateEvaluator;
import org.netsim.precoding.Solution;

class ScalarWmmsePrecoderTest {

    /**
     * Agreement with the independent re-implementation: both evaluate the same rational updates in double
     * precision, in a different order of operations; 1e-10 relative leaves room for rounding over 50 iterations.
     */
    private static final double REFERENCE_RELATIVE = 1e-10;
    /** Monotonicity slack: one rounding of a sum of logs, relative. */
    private static final double MONOTONE_SLACK = 1e-12;

    /** A K-link SISO interference channel with CN(0, g_kj) coefficients (test data, seeded). */
    static Problem siso(int numLinks, double crossGain, double powerW, double noiseW, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        ZMatrixRMaj[][] h = new ZMatrixRMaj[numLinks][numLinks];
        int[] ones = new int[numLinks];
        int[] serving = new int[numLinks];
        double[] power = new double[numLinks];
        double[] noise = new double[numLinks];
        double[] weights = new double[numLinks];
        for (int k = 0; k < numLinks; k++) {
            ones[k] = 1;
            serving[k] = k;
            power[k] = powerW * (1 + 0.5 * k % 3);
            noise[k] = noiseW;
            weights[k] = 0.5 + rng.nextDouble();
            for (int j = 0; j < numLinks; j++) {
                double s = Math.sqrt((k == j ? 1.0 : crossGain) / 2);
                h[k][j] = new ZMatrixRMaj(1, 1);
                h[k][j].set(0, 0, s * gaussian(rng), s * gaussian(rng));
            }
        }
        return Problem.builder().bsAntennas(ones).bsPowerW(power).ueAntennas(ones).streams(ones)
                .noisePowerW(noise).weights(weights).servingBs(serving).channels(h).build();
    }

    private static double gaussian(SplittableRandom rng) {
        double u1 = rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }

    @Test
    void isRegisteredByName() {
        Precoder p = PrecoderRegistry.create("wmmse-scalar");
        assertInstanceOf(ScalarWmmsePrecoder.class, p);
        assertEquals("wmmse-scalar", p.name());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PrecoderRegistry.create("wmmse-scalar", PrecoderOptions.defaults().with("mu", "1")));
        assertTrue(e.getMessage().contains("mu"), e.getMessage());
    }

    @Test
    void sumRateIsMonotoneAndBudgetsHold() {
        for (long seed = 1; seed <= 20; seed++) {
            Problem p = siso(8, seed % 2 == 0 ? 1.0 : 0.2, 1.0, 0.1, seed);
            Solution s = new ScalarWmmsePrecoder(PrecoderOptions.defaults().withMaxIterations(200).withTrace(true))
                    .solve(p);
            assertEquals(200, s.iterations());
            assertEquals(200, s.trace().size());
            double initial = RateEvaluator.wsrNat(p, fullPower(p));
            double previous = initial;
            for (Solution.IterationRecord r : s.trace()) {
                assertTrue(r.wsrNat() >= previous - MONOTONE_SLACK * Math.abs(previous),
                        "seed " + seed + ", iteration " + r.iteration() + ": " + r.wsrNat() + " < " + previous);
                previous = r.wsrNat();
            }
            assertTrue(s.wsrNat() >= initial - MONOTONE_SLACK * initial);
            assertEquals(s.trace().get(199).wsrNat(), s.wsrNat(), 1e-10 * s.wsrNat(), "trace uses the same rate");
            double[] used = RateEvaluator.powerUse(p, s.precoders());
            for (int k = 0; k < p.numBs(); k++) {
                assertTrue(used[k] <= p.bsPowerW(k), "budget of link " + k + ": " + used[k]);
            }
        }
    }

    private static ZMatrixRMaj[] fullPower(Problem p) {
        ZMatrixRMaj[] v = new ZMatrixRMaj[p.numUe()];
        for (int k = 0; k < v.length; k++) {
            v[k] = new ZMatrixRMaj(1, 1);
            v[k].set(0, 0, Math.sqrt(p.bsPowerW(k)), 0);
        }
        return v;
    }

    /** One link: the optimum is full power after one iteration, rate log(1 + |h|^2 P / sigma^2). */
    @Test
    void singleLinkClosedForm() {
        ZMatrixRMaj h = new ZMatrixRMaj(1, 1);
        h.set(0, 0, 0.3, -0.4);
        Problem p = Problem.builder().bsAntennas(1).bsPowerW(2.0).ueAntennas(1).noisePowerW(0.5).servingBs(0)
                .channels(new ZMatrixRMaj[][] {{h}}).build();
        Solution s = new ScalarWmmsePrecoder(PrecoderOptions.defaults().withMaxIterations(1))
                .solve(p, Init.given(new ZMatrixRMaj[] {new ZMatrixRMaj(new double[][] {{0.1, 0.0}})}));
        assertEquals(2.0, RateEvaluator.powerUse(p, s.precoders())[0], 1e-12);
        assertEquals(Math.log(1 + 0.25 * 2.0 / 0.5), s.wsrNat(), 1e-12);
    }

    /**
     * Independent implementation of Fig. 2 (Sun et al.), written here from the pseudo-code with the authors'
     * loop structure: f (receiver), w (weight), b (amplitude), sums over rows H(i,:) and columns H(:,i) of the
     * gain matrix; weights alpha enter step 7 as in the paper.
     */
    @Test
    void agreesWithAnIndependentImplementationOfFigureTwo() {
        Problem p = siso(4, 0.7, 1.5, 0.2, 42);
        int n = 4;
        double[][] a = new double[n][n];
        double[] alpha = new double[n];
        double[] pmax = new double[n];
        for (int i = 0; i < n; i++) {
            alpha[i] = p.weight(i);
            pmax[i] = p.bsPowerW(i);
            for (int j = 0; j < n; j++) {
                ZMatrixRMaj h = p.channel(i, j);
                a[i][j] = Math.sqrt(h.getReal(0, 0) * h.getReal(0, 0) + h.getImag(0, 0) * h.getImag(0, 0));
            }
        }
        double[] b = new double[n];
        double[] f = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = Math.sqrt(pmax[i]);
        }
        int iterations = 50;
        for (int t = 0; t <= iterations; t++) {
            if (t > 0) {
                double[] nb = new double[n];
                for (int i = 0; i < n; i++) {
                    double den = 0;
                    for (int j = 0; j < n; j++) {
                        den += alpha[j] * w[j] * f[j] * f[j] * a[j][i] * a[j][i];
                    }
                    double btmp = alpha[i] * w[i] * f[i] * a[i][i] / den;
                    nb[i] = Math.min(Math.max(btmp, 0), Math.sqrt(pmax[i]));
                }
                b = nb;
            }
            for (int i = 0; i < n; i++) {
                double rx = p.noisePowerW(i);
                for (int j = 0; j < n; j++) {
                    rx += a[i][j] * a[i][j] * b[j] * b[j];
                }
                f[i] = a[i][i] * b[i] / rx;
                w[i] = 1 / (1 - f[i] * b[i] * a[i][i]);
            }
        }
        Solution s = new ScalarWmmsePrecoder(PrecoderOptions.defaults().withMaxIterations(iterations)).solve(p);
        for (int i = 0; i < n; i++) {
            double expected = b[i] * b[i];
            double got = RateEvaluator.powerUse(p, s.precoders())[i];
            assertEquals(expected, got, REFERENCE_RELATIVE * Math.max(expected, 1e-3), "p_" + i);
        }
    }

    /**
     * After convergence the powers satisfy the KKT conditions of problem (1): with g_k = d WSR / d p_k (central
     * differences), g_k ~ 0 for 0 &lt; p_k &lt; P_k, g_k &gt;= 0 at p_k = P_k and g_k &lt;= 0 at p_k = 0. Tolerance
     * 1e-5 of the largest |g| (WMMSE converges linearly; 20000 iterations reach it on these instances).
     */
    @Test
    void convergedPowersAreStationary() {
        for (long seed = 3; seed <= 6; seed++) {
            Problem p = siso(5, 2.0, 1.0, 0.05, seed);
            Solution s = new ScalarWmmsePrecoder(PrecoderOptions.defaults().withMaxIterations(20_000)).solve(p);
            double[] power = RateEvaluator.powerUse(p, s.precoders());
            double[] g = new double[5];
            double scale = 0;
            for (int k = 0; k < 5; k++) {
                double step = 1e-6 * p.bsPowerW(k);
                double[] plus = power.clone();
                double[] minus = power.clone();
                plus[k] += step;
                minus[k] = Math.max(0, minus[k] - step);
                g[k] = (wsr(p, plus) - wsr(p, minus)) / (plus[k] - minus[k]);
                scale = Math.max(scale, Math.abs(g[k]));
            }
            for (int k = 0; k < 5; k++) {
                double tol = 1e-5 * scale;
                if (power[k] >= p.bsPowerW(k) * (1 - 1e-9)) {
                    assertTrue(g[k] >= -tol, "seed " + seed + " link " + k + " at full power, gradient " + g[k]);
                } else if (power[k] <= 1e-9 * p.bsPowerW(k)) {
                    assertTrue(g[k] <= tol, "seed " + seed + " link " + k + " off, gradient " + g[k]);
                } else {
                    assertEquals(0.0, g[k], tol, "seed " + seed + " link " + k + " interior, p = " + power[k]);
                }
            }
        }
    }

    private static double wsr(Problem p, double[] power) {
        ZMatrixRMaj[] v = new ZMatrixRMaj[power.length];
        for (int k = 0; k < v.length; k++) {
            v[k] = new ZMatrixRMaj(1, 1);
            v[k].set(0, 0, Math.sqrt(power[k]), 0);
        }
        return RateEvaluator.wsrNat(p, v);
    }

    @Test
    void toleranceStopsEarlyAndZeroStartIsAFixedPoint() {
        Problem p = siso(6, 0.5, 1.0, 0.1, 7);
        Solution s = new ScalarWmmsePrecoder(PrecoderOptions.defaults().withMaxIterations(500).withTolerance(1e-6))
                .solve(p);
        assertTrue(s.iterations() < 500, "iterations " + s.iterations());
        ZMatrixRMaj[] zeros = new ZMatrixRMaj[6];
        for (int k = 0; k < 6; k++) {
            zeros[k] = new ZMatrixRMaj(1, 1);
        }
        Solution z = new ScalarWmmsePrecoder().solve(p, Init.given(zeros));
        assertEquals(0.0, z.wsrNat());
    }

    @Test
    void problemIsNotModified() {
        Problem p = siso(5, 1.0, 1.0, 0.1, 11);
        double[][] before = new double[25][];
        for (int q = 0; q < 25; q++) {
            before[q] = p.channel(q / 5, q % 5).data.clone();
        }
        new ScalarWmmsePrecoder().solve(p);
        for (int q = 0; q < 25; q++) {
            assertArrayEquals(before[q], p.channel(q / 5, q % 5).data);
        }
    }

    @Test
    void rejectsNonScalarProblems() {
        ZMatrixRMaj h = new ZMatrixRMaj(1, 2);
        h.set(0, 0, 1, 0);
        Problem mimo = Problem.builder().bsAntennas(2).bsPowerW(1).ueAntennas(1).noisePowerW(1).servingBs(0)
                .channels(new ZMatrixRMaj[][] {{h}}).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ScalarWmmsePrecoder().solve(mimo));
        assertTrue(e.getMessage().contains("bsAntennas[0]"), e.getMessage());

        ZMatrixRMaj one = new ZMatrixRMaj(new double[][] {{1, 0}});
        Problem twoUesOneBs = Problem.builder().bsAntennas(1).bsPowerW(1).ueAntennas(1, 1).noisePowerW(1, 1)
                .servingBs(0, 0).channels(new ZMatrixRMaj[][] {{one}, {one}}).build();
        e = assertThrows(IllegalArgumentException.class, () -> new ScalarWmmsePrecoder().solve(twoUesOneBs));
        assertTrue(e.getMessage().contains("BS 0 serves 2 UEs"), e.getMessage());
        List.of(e).forEach(x -> assertTrue(x.getMessage().startsWith("wmmse-scalar")));
    }
}
