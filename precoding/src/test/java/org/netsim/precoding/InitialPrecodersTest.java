package org.netsim.precoding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.netsim.precoding.linalg.ComplexOps;
import org.netsim.precoding.linalg.HermitianEigen;

/**
 * {@link InitialPrecoders}: mrc, zf and random meet every per-BS budget with equality, given only scales down;
 * random is reproducible from its seed; mrc is H_ik^H (d_i = N_i) or H_ik^H restricted to the d_i dominant
 * receive modes, with the per-BS factor in closed form; zf nulls the interference between the UEs of a cell when
 * the BS has at least as many antennas as its UEs have streams.
 *
 * <p>Tolerances: {@value #BUDGET_RELATIVE} relative on a budget (one scaling by sqrt(P / used), a few roundings);
 * {@value #ZF_RELATIVE} relative on zero-forcing leakage, which is eps kappa(G) (m + n) for the pseudo-inverse of the
 * stacked channel G; kappa(G) of these small Gaussian matrices with spare antennas is below 1e3.
 */
class InitialPrecodersTest {

    static final double BUDGET_RELATIVE = 1e-12;
    static final double ZF_RELATIVE = 1e-9;

    private static final List<Init> FULL_POWER_INITS = List.of(Init.mrc(), Init.zf(), Init.random(3));

    private static List<Problem> problems() {
        return TestProblems.randomList(800, 40, 3, 6, 6, 4);
    }

    @Test
    void mrcZfAndRandomMeetEveryBudgetWithEquality() {
        for (Problem p : problems()) {
            ZMatrixRMaj[][] before = TestProblems.copyChannels(p);
            for (Init init : FULL_POWER_INITS) {
                ZMatrixRMaj[] v = InitialPrecoders.create(p, init);
                RateEvaluator.checkShapes(p, v);
                double[] used = RateEvaluator.powerUse(p, v);
                for (int k = 0; k < p.numBs(); k++) {
                    double expected = p.numUesOf(k) == 0 ? 0 : p.bsPowerW(k);
                    assertEquals(expected, used[k], BUDGET_RELATIVE * p.bsPowerW(k), p + " " + init + ": BS " + k);
                }
            }
            for (int i = 0; i < p.numUe(); i++) {
                for (int k = 0; k < p.numBs(); k++) {
                    assertArrayEquals(before[i][k].data, p.channel(i, k).data, 0.0, "channels modified");
                }
            }
        }
    }

    @Test
    void zeroBudgetGivesZeroPrecoders() {
        Problem p = TestProblems.random(9, 3, 5, 4, 3);
        double[] budgets = new double[p.numBs()];
        Problem off = p.toBuilder().bsPowerW(budgets).build();
        for (Init init : FULL_POWER_INITS) {
            for (ZMatrixRMaj v : InitialPrecoders.create(off, init)) {
                assertEquals(0.0, ComplexOps.frobeniusSquared(v), 0.0, init.toString());
            }
        }
    }

    @Test
    void randomIsReproducibleFromItsSeed() {
        for (Problem p : problems().subList(0, 10)) {
            ZMatrixRMaj[] a = InitialPrecoders.create(p, Init.random(77));
            ZMatrixRMaj[] b = InitialPrecoders.create(p, Init.random(77));
            ZMatrixRMaj[] c = InitialPrecoders.create(p, Init.random(78));
            boolean differs = false;
            for (int i = 0; i < p.numUe(); i++) {
                assertArrayEquals(a[i].data, b[i].data, 0.0, "same seed, UE " + i);
                differs |= !Arrays.equals(a[i].data, c[i].data);
            }
            assertTrue(differs, "another seed gives other precoders");
            assertEquals("random(77)", Init.random(77).toString());
        }
    }

    @Test
    void mrcIsTheConjugateTransposeOfTheServingChannel() {
        // d_i = N_i: V_i = c_k H_ik^H with c_k^2 = P_k / sum_{i in I_k} ||H_ik||_F^2
        Problem p = TestProblems.uniform(4, 3, 2, 4, 2, 2, 2.0, 0.1, 0.3);
        ZMatrixRMaj[] v = InitialPrecoders.create(p, Init.mrc());
        for (int k = 0; k < p.numBs(); k++) {
            double channelPower = 0;
            for (int i : p.uesOf(k)) {
                channelPower += ComplexOps.frobeniusSquared(p.channel(i, k));
            }
            double c = Math.sqrt(p.bsPowerW(k) / channelPower);
            for (int i : p.uesOf(k)) {
                ZMatrixRMaj expected = ComplexOps.conjugateTranspose(p.channel(i, k));
                ComplexOps.scale(c, expected);
                assertArrayEquals(expected.data, v[i].data, 1e-14 * c, "UE " + i);
            }
        }
    }

    @Test
    void mrcWithFewerStreamsUsesTheDominantReceiveModes() {
        // d_i < N_i: V_i = c_k H^H U_d with U_d the d dominant left singular vectors of H = H_ik, so
        // V_i^H V_i = c_k^2 diag(s_1^2 .. s_d^2) and ||H V_i||_F^2 = c_k^2 sum_{j <= d} s_j^4, with
        // c_k^2 = P_k / sum_{i in I_k} sum_{j <= d_i} s_ij^2; s_j^2 from the eigenvalues of H H^H
        Problem p = TestProblems.uniform(5, 2, 2, 5, 3, 2, 1.5, 0.1, 0.3);
        ZMatrixRMaj[] v = InitialPrecoders.create(p, Init.mrc());
        for (int k = 0; k < p.numBs(); k++) {
            double modePower = 0;
            for (int i : p.uesOf(k)) {
                double[] s2 = dominantSquaredSingularValues(p.channel(i, k), p.streams(i));
                modePower += Arrays.stream(s2).sum();
            }
            double c2 = p.bsPowerW(k) / modePower;
            for (int i : p.uesOf(k)) {
                int d = p.streams(i);
                double[] s2 = dominantSquaredSingularValues(p.channel(i, k), d);
                ZMatrixRMaj gram = new ZMatrixRMaj(d, d);
                ComplexOps.multAhB(v[i], v[i], gram);
                double scale = c2 * s2[0];
                for (int a = 0; a < d; a++) {
                    for (int b = 0; b < d; b++) {
                        double expected = a == b ? c2 * s2[a] : 0;
                        assertEquals(expected, gram.getReal(a, b), 1e-12 * scale, "V^H V (" + a + "," + b + ")");
                        assertEquals(0.0, gram.getImag(a, b), 1e-12 * scale, "V^H V (" + a + "," + b + ")");
                    }
                }
                ZMatrixRMaj hv = new ZMatrixRMaj(p.ueAntennas(i), d);
                ComplexOps.mult(p.channel(i, k), v[i], hv);
                double gain = 0;
                for (double x : s2) {
                    gain += c2 * x * x;
                }
                assertEquals(gain, ComplexOps.frobeniusSquared(hv), 1e-12 * gain, "received power of UE " + i);
            }
        }
    }

    /** @return the d largest eigenvalues of H H^H, descending */
    private static double[] dominantSquaredSingularValues(ZMatrixRMaj h, int d) {
        ZMatrixRMaj hhh = new ZMatrixRMaj(h.numRows, h.numRows);
        ComplexOps.multABh(h, h, hhh);
        double[] ev = HermitianEigen.eigenvalues(hhh);
        double[] out = new double[d];
        for (int j = 0; j < d; j++) {
            out[j] = ev[ev.length - 1 - j];
        }
        return out;
    }

    @Test
    void zfNullsIntraCellInterferenceWhenTheBsHasEnoughAntennas() {
        // full streams (d = N): H_jk V_i = 0 for j != i in the same cell, H_ik V_i = c_k I
        Problem full = TestProblems.uniform(6, 3, 2, 6, 2, 2, 1.0, 0.1, 0.5);
        checkZeroForcing(full);
        // fewer streams (d = 1 < N = 3): U_j,d^H H_jk V_i = 0, the leakage into UE j's dominant receive mode
        Problem reduced = TestProblems.uniform(7, 2, 3, 4, 3, 1, 1.0, 0.1, 0.5);
        checkZeroForcing(reduced);
        // heterogeneous: BS antennas 5..8, UEs with 1..2 streams, at most 4 streams per BS
        for (long seed = 0; seed < 10; seed++) {
            Problem p = TestProblems.random(900 + seed, 2, 4, 3, 2);
            int[] m = new int[p.numBs()];
            for (int k = 0; k < m.length; k++) {
                int streams = 0;
                for (int i : p.uesOf(k)) {
                    streams += p.streams(i);
                }
                m[k] = streams + 1 + (int) (seed % 3);
            }
            ZMatrixRMaj[][] h = new ZMatrixRMaj[p.numUe()][p.numBs()];
            SplittableRandom rng = new SplittableRandom(seed);
            for (int i = 0; i < p.numUe(); i++) {
                for (int k = 0; k < p.numBs(); k++) {
                    h[i][k] = TestProblems.complexGaussian(rng, p.ueAntennas(i), m[k], 1.0);
                }
            }
            checkZeroForcing(p.toBuilder().bsAntennas(m).channels(h).build());
        }
    }

    /**
     * Massive-MIMO shapes (one BS with 256 antennas, 8 UEs with 4 antennas and 2 streams), where the dominant modes
     * come from SVDs reduced by a thin QR: zf nulls the intra-cell leakage and mrc keeps its closed form.
     */
    @Test
    void massiveMimoShapes() {
        Problem p = TestProblems.uniform(8, 1, 8, 256, 4, 2, 1.0, 0.1, 1.0);
        checkZeroForcing(p);
        ZMatrixRMaj[] v = InitialPrecoders.create(p, Init.mrc());
        double modePower = 0;
        for (int i = 0; i < p.numUe(); i++) {
            modePower += Arrays.stream(dominantSquaredSingularValues(p.channel(i, 0), 2)).sum();
        }
        double c2 = p.bsPowerW(0) / modePower;
        for (int i = 0; i < p.numUe(); i++) {
            double[] s2 = dominantSquaredSingularValues(p.channel(i, 0), 2);
            ZMatrixRMaj gram = new ZMatrixRMaj(2, 2);
            ComplexOps.multAhB(v[i], v[i], gram); // c^2 diag(s_1^2, s_2^2)
            for (int a = 0; a < 2; a++) {
                for (int b = 0; b < 2; b++) {
                    double expected = a == b ? c2 * s2[a] : 0;
                    assertEquals(expected, gram.getReal(a, b), 1e-12 * c2 * s2[0], "V^H V (" + a + "," + b + ")");
                    assertEquals(0.0, gram.getImag(a, b), 1e-12 * c2 * s2[0], "V^H V (" + a + "," + b + ")");
                }
            }
        }
    }

    /**
     * effectiveChannel is H_ik for d_i = N_i and U_d^H H_ik otherwise (the rows of the dominant receive modes:
     * G G^H = diag(s_1^2 .. s_d^2), as the eigenvalues of H H^H); stackedEffectiveChannels stacks them by UE.
     */
    @Test
    void effectiveChannelsAreTheDominantModesStackedPerBs() {
        for (Problem p : problems().subList(0, 20)) {
            for (int k = 0; k < p.numBs(); k++) {
                ZMatrixRMaj stacked = InitialPrecoders.stackedEffectiveChannels(p, k);
                assertEquals(p.bsAntennas(k), stacked.numCols, p + ": columns of G_" + k);
                int r0 = 0;
                for (int i : p.uesOf(k)) {
                    ZMatrixRMaj h = p.channel(i, k);
                    ZMatrixRMaj g = InitialPrecoders.effectiveChannel(p, i);
                    int d = p.streams(i);
                    assertEquals(d, g.numRows, p + ": rows of G_" + i);
                    if (d == p.ueAntennas(i)) {
                        assertArrayEquals(h.data, g.data, 0.0, p + ": G_" + i + " = H when d = N");
                    } else {
                        double[] s2 = dominantSquaredSingularValues(h, d);
                        ZMatrixRMaj ggh = new ZMatrixRMaj(d, d);
                        ComplexOps.multABh(g, g, ggh);
                        double scale = Math.max(s2[0], 1e-300);
                        int rank = Math.min(p.ueAntennas(i), p.bsAntennas(k));
                        for (int a = 0; a < d; a++) {
                            for (int b = 0; b < d; b++) {
                                double expected = a == b && a < rank ? s2[a] : 0.0;
                                assertEquals(expected, ggh.getReal(a, b), 1e-12 * scale, p + ": G G^H of UE " + i);
                                assertEquals(0.0, ggh.getImag(a, b), 1e-12 * scale, p + ": G G^H of UE " + i);
                            }
                        }
                    }
                    for (int r = 0; r < d; r++) {
                        for (int c = 0; c < p.bsAntennas(k); c++) {
                            assertEquals(g.getReal(r, c), stacked.getReal(r0 + r, c), 0.0, "stacked row");
                            assertEquals(g.getImag(r, c), stacked.getImag(r0 + r, c), 0.0, "stacked row");
                        }
                    }
                    r0 += d;
                }
                assertEquals(r0, stacked.numRows, p + ": rows of G_" + k);
            }
        }
    }

    private static void checkZeroForcing(Problem p) {
        ZMatrixRMaj[] v = InitialPrecoders.create(p, Init.zf());
        for (int k = 0; k < p.numBs(); k++) {
            int[] ues = p.uesOf(k);
            for (int j : ues) {
                ZMatrixRMaj modes = dominantModes(p.channel(j, k), p.streams(j)); // [N_j x d_j]
                double hNorm = ComplexOps.frobenius(p.channel(j, k));
                for (int i : ues) {
                    ZMatrixRMaj hv = new ZMatrixRMaj(p.ueAntennas(j), p.streams(i));
                    ComplexOps.mult(p.channel(j, k), v[i], hv);
                    ZMatrixRMaj seen = new ZMatrixRMaj(p.streams(j), p.streams(i));
                    ComplexOps.multAhB(modes, hv, seen); // [d_j x d_i]
                    double leak = ComplexOps.frobenius(seen);
                    double scale = hNorm * ComplexOps.frobenius(v[i]);
                    if (i != j) {
                        assertTrue(leak <= ZF_RELATIVE * scale, p + ": BS " + k + " leaks " + leak + " from UE " + i
                                + " into UE " + j);
                    } else {
                        assertTrue(leak > 1e-3 * scale, p + ": UE " + i + " receives its own streams");
                    }
                }
            }
        }
    }

    /** @return the d eigenvectors of H H^H with the largest eigenvalues (N x d) */
    private static ZMatrixRMaj dominantModes(ZMatrixRMaj h, int d) {
        int n = h.numRows;
        ZMatrixRMaj hhh = new ZMatrixRMaj(n, n);
        ComplexOps.multABh(h, h, hhh);
        HermitianEigen eig = new HermitianEigen(n);
        eig.decompose(hhh);
        ZMatrixRMaj out = new ZMatrixRMaj(n, d);
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < d; c++) {
                out.set(r, c, eig.vectors().getReal(r, n - 1 - c), eig.vectors().getImag(r, n - 1 - c));
            }
        }
        return out;
    }

    @Test
    void givenPrecodersAreOnlyScaledDown() {
        SplittableRandom rng = new SplittableRandom(10);
        for (Problem p : problems().subList(0, 15)) {
            ZMatrixRMaj[] small = new ZMatrixRMaj[p.numUe()];
            ZMatrixRMaj[] large = new ZMatrixRMaj[p.numUe()];
            for (int i = 0; i < p.numUe(); i++) {
                int m = p.bsAntennas(p.servingBs(i));
                small[i] = TestProblems.complexGaussian(rng, m, p.streams(i), 1e-4);
                large[i] = TestProblems.complexGaussian(rng, m, p.streams(i), 100.0);
            }
            ZMatrixRMaj[] v = InitialPrecoders.create(p, Init.given(small));
            for (int i = 0; i < p.numUe(); i++) {
                assertArrayEquals(small[i].data, v[i].data, 0.0, "feasible given precoders are unchanged");
                assertTrue(v[i] != small[i], "the result is a copy");
            }
            ZMatrixRMaj[] w = InitialPrecoders.create(p, Init.given(large));
            double[] used = RateEvaluator.powerUse(p, w);
            double[] usedBefore = RateEvaluator.powerUse(p, large);
            for (int k = 0; k < p.numBs(); k++) {
                if (p.numUesOf(k) > 0) {
                    assertEquals(p.bsPowerW(k), used[k], BUDGET_RELATIVE * p.bsPowerW(k), "BS " + k);
                    double c = Math.sqrt(p.bsPowerW(k) / usedBefore[k]);
                    for (int i : p.uesOf(k)) {
                        for (int e = 0; e < w[i].getDataLength(); e++) {
                            assertEquals(c * large[i].data[e], w[i].data[e], 1e-14 * Math.abs(large[i].data[e]) * c,
                                    "one common factor per BS keeps the directions");
                        }
                    }
                }
            }
        }
    }

    @Test
    void givenPrecodersAreCheckedAndCopied() {
        Problem p = TestProblems.random(11, 2, 3, 4, 3);
        ZMatrixRMaj[] v = InitialPrecoders.create(p, Init.mrc());
        ZMatrixRMaj[] tooFew = Arrays.copyOf(v, p.numUe() - 1);
        IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
                () -> InitialPrecoders.create(p, Init.given(tooFew)));
        assertTrue(count.getMessage().contains("init: expected precoders for " + p.numUe()), count.getMessage());
        ZMatrixRMaj[] wrong = v.clone();
        wrong[0] = new ZMatrixRMaj(v[0].numRows + 1, v[0].numCols);
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> InitialPrecoders.create(p, Init.given(wrong)));
        assertTrue(shape.getMessage().startsWith("precoders[0]"), shape.getMessage());
        // Init.given copies: changing the caller's matrices afterwards changes nothing
        ZMatrixRMaj[] mine = new ZMatrixRMaj[v.length];
        for (int i = 0; i < v.length; i++) {
            mine[i] = v[i].copy();
            ComplexOps.scale(0.5, mine[i]); // at a quarter of the budget: returned unchanged
        }
        ZMatrixRMaj expected = mine[0].copy();
        Init init = Init.given(mine);
        ComplexOps.scale(0.0, mine[0]);
        ZMatrixRMaj[] out = InitialPrecoders.create(p, init);
        assertArrayEquals(expected.data, out[0].data, 0.0);
        assertFalse(Arrays.equals(out[0].data, mine[0].data));
    }
}
