package org.netsim.precoding.gcn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.netsim.precoding.Init;
import org.netsim.precoding.InitialPrecoders;
import org.netsim.precoding.PrecoderOptions;
import org.netsim.precoding.Problem;
import org.netsim.precoding.RateEvaluator;
import org.netsim.precoding.TestProblems;
import org.netsim.precoding.classic.WmmsePrecoder;

/**
 * The per-problem GCN-WMMSE executor: the classic-WMMSE member of the family reproduces WMMSE layer by layer, random
 * weights agree with an independent dense implementation of the paper's equations, budgets hold after every layer,
 * permutation equivariance (UE relabelling; BS antenna relabelling with phases), inputs untouched, determinism,
 * no allocation in the layer loop.
 */
class GcnWmmseExecutorTest {

    /**
     * Classic weights against the classic precoder. The executor reuses the classic steps and evaluates (12), (13),
     * (14), (15) so that these weights add exact zeros and multiply by exact ones (see {@link GcnWmmseWeights#
     * classicWmmse}); the result is then bit-identical, and this tolerance only leaves room for a future change of
     * operation order (a few ulps per layer, amplified by at most the conditioning of R_k + mu_k I).
     */
    private static final double REDUCTION_TOLERANCE = 1e-9;
    /**
     * Against the dense reference: explicit inverses and a bisection mu instead of Cholesky solves, the eigenbasis
     * and the rational root; each layer carries errors of cond(R_k + mu I) eps into the next (observed: at most
     * 3e-13 on these problems; the margin is for other platforms' rounding).
     */
    private static final double REFERENCE_TOLERANCE = 1e-10;
    /**
     * Relabelled inputs change only the order of sums (R_k, Z_i, the budget sums), i.e. rounding, which the layers
     * carry forward like the reference comparison above (observed: at most 2e-14).
     */
    private static final double EQUIVARIANCE_TOLERANCE = 1e-11;
    /** Budget slack of RateEvaluator's own summation order (as in PrecoderContractTest). */
    private static final double POWER_SLACK = 1e-12;

    /** Random heterogeneous problems plus paper-like ones (3 cells, 4 UEs each, M = 8, N = d = 2, high SNR). */
    private static List<Problem> problems() {
        List<Problem> list = new ArrayList<>(TestProblems.randomList(300, 16, 3, 6, 6, 3));
        list.add(TestProblems.uniform(1, 3, 4, 8, 2, 2, 1.0, 1e-3, 0.3));
        list.add(TestProblems.uniform(2, 3, 4, 8, 2, 2, 1.0, 1e-2, 1.0));
        list.add(TestProblems.uniform(3, 2, 3, 4, 3, 2, 2.0, 0.1, 0.5));
        return list;
    }

    @Test
    void classicWeightsReproduceWmmseLayerByLayer() {
        for (int[] size : new int[][] {{7, 2, 4}, {5, 1, 1}, {4, 3, 2}}) {
            GcnWmmseWeights w = GcnWmmseWeights.classicWmmse(size[0], size[1], size[2]);
            for (Problem p : problems()) {
                ZMatrixRMaj[][] layers = GcnWmmseExecutor.forwardFromMrc(p, w);
                for (int l = 1; l <= w.layers(); l++) {
                    ZMatrixRMaj[] wmmse = new WmmsePrecoder(PrecoderOptions.defaults().withMaxIterations(l))
                            .solve(p, Init.mrc()).precoders();
                    double err = GcnTestSupport.relativeError(layers[l], wmmse);
                    assertTrue(err <= REDUCTION_TOLERANCE, "L=" + size[0] + " G=" + size[1] + " F=" + size[2]
                            + ", layer " + l + " vs " + l + " WMMSE iterations on " + p + ": relative error " + err);
                }
            }
        }
    }

    @Test
    void randomWeightsMatchTheDenseReference() {
        long seed = 40;
        for (Problem p : problems()) {
            GcnWmmseWeights w = GcnTestSupport.randomWeights(seed++, 4, 2, 3, 0.3, 1.0);
            ZMatrixRMaj[] v0 = InitialPrecoders.create(p, Init.mrc());
            ZMatrixRMaj[][] got = new GcnWmmseExecutor(p, w).forward(v0, 4);
            ZMatrixRMaj[][] want = GcnTestSupport.referenceForward(p, w, v0, 4);
            for (int l = 1; l <= 4; l++) {
                double err = GcnTestSupport.relativeError(got[l], want[l]);
                assertTrue(err <= REFERENCE_TOLERANCE, "layer " + l + " on " + p + ": relative error " + err);
            }
        }
    }

    @Test
    void budgetsHoldAfterEveryLayerForRandomWeights() {
        int atBudget = 0;
        int belowBudget = 0;
        long seed = 7;
        List<Problem> list = new ArrayList<>(problems());
        // a BS with a zero budget must transmit nothing, without NaN
        Problem base = TestProblems.uniform(9, 3, 2, 4, 2, 2, 1.0, 0.1, 0.5);
        list.add(base.toBuilder().bsPowerW(1.0, 0.0, 0.7).build());
        for (Problem p : list) {
            for (double biasStd : new double[] {0.0, 0.3, 3.0}) {
                GcnWmmseWeights w = GcnTestSupport.randomWeights(seed++, 7, 2, 4, biasStd, 0.5);
                if (biasStd == 0.0) {
                    // small recombination vectors: the GCN output often fits the budget without projection
                    Map<String, double[]> a = w.toArrays();
                    for (int e = 0; e < a.get(GcnWmmseWeights.V_RECOMB).length; e++) {
                        a.get(GcnWmmseWeights.V_RECOMB)[e] *= 0.01;
                    }
                    w = GcnWmmseWeights.fromArrays(7, 2, 4, 0.5, a);
                }
                ZMatrixRMaj[][] layers = GcnWmmseExecutor.forwardFromMrc(p, w);
                for (int l = 1; l <= 7; l++) {
                    RateEvaluator.checkShapes(p, layers[l]);
                    double[] used = RateEvaluator.powerUse(p, layers[l]);
                    for (int k = 0; k < p.numBs(); k++) {
                        assertTrue(Double.isFinite(used[k]), p + " layer " + l + " BS " + k);
                        assertTrue(used[k] <= p.bsPowerW(k) * (1 + POWER_SLACK), p + " layer " + l + " BS " + k
                                + " uses " + used[k] + " W of " + p.bsPowerW(k));
                        if (p.numUesOf(k) > 0 && p.bsPowerW(k) > 0) {
                            if (used[k] >= p.bsPowerW(k) * (1 - 1e-12)) {
                                atBudget++;
                            } else {
                                belowBudget++;
                            }
                        }
                    }
                }
            }
        }
        // both the projection (15) and feasible GCN outputs occur, so the check above covers both branches
        assertTrue(atBudget > 100 && belowBudget > 10, "at budget " + atBudget + ", below " + belowBudget);
    }

    @Test
    void ueRelabellingPermutesTheOutput() {
        SplittableRandom rng = new SplittableRandom(17);
        long seed = 70;
        for (Problem p : problems()) {
            GcnWmmseWeights w = GcnTestSupport.randomWeights(seed++, 7, 2, 4, 0.3, 1.0);
            int[] order = GcnTestSupport.permutation(rng, p.numUe());
            Problem q = GcnTestSupport.relabelUes(p, order);
            ZMatrixRMaj[][] a = GcnWmmseExecutor.forwardFromMrc(p, w);
            ZMatrixRMaj[][] b = GcnWmmseExecutor.forwardFromMrc(q, w);
            for (int l = 0; l <= 7; l++) {
                ZMatrixRMaj[] permuted = new ZMatrixRMaj[p.numUe()];
                for (int n = 0; n < p.numUe(); n++) {
                    permuted[n] = a[l][order[n]];
                }
                double err = GcnTestSupport.relativeError(b[l], permuted);
                assertTrue(err <= EQUIVARIANCE_TOLERANCE, "layer " + l + " on " + p + ": relative error " + err);
            }
        }
    }

    /**
     * BS antenna relabelling with per-antenna phases, H_ik -&gt; H_ik T_k with T_k = Pi_k diag(e^{j phi}): every step
     * is equivariant (R_k -&gt; T^H R_k T, V~ -&gt; T^H V~, and the GCN and modReLU act per antenna row, with
     * modReLU(e^{j phi} x) = e^{j phi} modReLU(x)), so V_i -&gt; T_k^H V_i from the start T_k^H V_i^(0).
     */
    @Test
    void bsAntennaRelabellingWithPhasesTransformsTheOutput() {
        SplittableRandom rng = new SplittableRandom(23);
        long seed = 90;
        for (Problem p : problems()) {
            GcnWmmseWeights w = GcnTestSupport.randomWeights(seed++, 5, 2, 4, 0.3, 1.0);
            int[][] perm = new int[p.numBs()][];
            double[][] phase = new double[p.numBs()][];
            for (int k = 0; k < p.numBs(); k++) {
                perm[k] = GcnTestSupport.permutation(rng, p.bsAntennas(k));
                phase[k] = new double[p.bsAntennas(k)];
                for (int c = 0; c < phase[k].length; c++) {
                    phase[k][c] = 2 * Math.PI * rng.nextDouble();
                }
            }
            ZMatrixRMaj[][] h = new ZMatrixRMaj[p.numUe()][p.numBs()];
            for (int i = 0; i < p.numUe(); i++) {
                for (int k = 0; k < p.numBs(); k++) {
                    h[i][k] = columns(p.channel(i, k), perm[k], phase[k]);
                }
            }
            Problem q = p.toBuilder().channels(h).build();
            ZMatrixRMaj[] v0 = InitialPrecoders.create(p, Init.random(5));
            ZMatrixRMaj[] v0q = new ZMatrixRMaj[p.numUe()];
            for (int i = 0; i < p.numUe(); i++) {
                int k = p.servingBs(i);
                v0q[i] = rows(v0[i], perm[k], phase[k]);
            }
            ZMatrixRMaj[][] a = new GcnWmmseExecutor(p, w).forward(v0, 5);
            ZMatrixRMaj[][] b = new GcnWmmseExecutor(q, w).forward(v0q, 5);
            for (int l = 1; l <= 5; l++) {
                ZMatrixRMaj[] expected = new ZMatrixRMaj[p.numUe()];
                for (int i = 0; i < p.numUe(); i++) {
                    int k = p.servingBs(i);
                    expected[i] = rows(a[l][i], perm[k], phase[k]);
                }
                double err = GcnTestSupport.relativeError(b[l], expected);
                assertTrue(err <= EQUIVARIANCE_TOLERANCE, "layer " + l + " on " + p + ": relative error " + err);
            }
        }
    }

    @Test
    void ueSideReportsTheWsrOfTheCurrentPrecoders() {
        long seed = 3;
        for (Problem p : problems()) {
            GcnWmmseWeights w = GcnTestSupport.randomWeights(seed++, 3, 2, 2, 0.3, 1.0);
            GcnWmmseExecutor ex = new GcnWmmseExecutor(p, w);
            ex.start(InitialPrecoders.create(p, Init.mrc()));
            for (int l = 0; l < 3; l++) {
                double expected = RateEvaluator.wsrNat(p, GcnTestSupport.copy(ex.precoders()));
                // log det W^ (Cholesky of I + G^H Z^-1 G) against the evaluator's log det: both ~1e-15 relative
                assertEquals(expected, ex.ueSide(l), 1e-10 * Math.max(1, expected), "layer " + l);
                ex.bsSide(l);
            }
            double expected = RateEvaluator.wsrNat(p, GcnTestSupport.copy(ex.precoders()));
            assertEquals(expected, ex.evaluate(), 1e-10 * Math.max(1, expected));
            assertEquals(3, ex.layersDone());
        }
    }

    @Test
    void inputsAreNotModifiedAndTheForwardPassIsDeterministic() {
        long seed = 11;
        for (Problem p : problems()) {
            GcnWmmseWeights w = GcnTestSupport.randomWeights(seed++, 4, 2, 3, 0.3, 1.0);
            GcnWmmseWeights wCopy = GcnWmmseWeights.fromArrays(4, 2, 3, 1.0, w.toArrays());
            ZMatrixRMaj[][] channels = TestProblems.copyChannels(p);
            ZMatrixRMaj[] v0 = InitialPrecoders.create(p, Init.random(3));
            ZMatrixRMaj[] v0Copy = GcnTestSupport.copy(v0);
            GcnWmmseExecutor ex = new GcnWmmseExecutor(p, w);
            ZMatrixRMaj[][] first = ex.forward(v0, 4);
            ZMatrixRMaj[][] again = ex.forward(v0, 4);                      // same executor: state reset
            ZMatrixRMaj[][] fresh = new GcnWmmseExecutor(p, w).forward(v0, 4);
            for (int i = 0; i < p.numUe(); i++) {
                assertArrayEquals(v0Copy[i].data, v0[i].data, 0.0, "v0 modified");
                for (int k = 0; k < p.numBs(); k++) {
                    assertArrayEquals(channels[i][k].data, p.channel(i, k).data, 0.0, "channel modified");
                }
                assertArrayEquals(v0[i].data, first[0][i].data, 0.0, "layer 0 is the start");
                for (int l = 0; l <= 4; l++) {
                    assertArrayEquals(first[l][i].data, again[l][i].data, 0.0, "rerun, layer " + l);
                    assertArrayEquals(first[l][i].data, fresh[l][i].data, 0.0, "new executor, layer " + l);
                }
            }
            assertEquals(wCopy, w);
            // the returned layers are copies: a later forward does not overwrite them
            ZMatrixRMaj keep = first[4][0].copy();
            ex.forward(InitialPrecoders.create(p, Init.mrc()), 4);
            assertArrayEquals(keep.data, first[4][0].data, 0.0);
        }
    }

    @Test
    void stepsMustRunInOrder() {
        Problem p = TestProblems.uniform(1, 2, 2, 3, 2, 2, 1.0, 0.1, 0.5);
        GcnWmmseExecutor ex = new GcnWmmseExecutor(p, GcnWmmseWeights.classicWmmse(2, 2, 2));
        assertThrows(IllegalStateException.class, () -> ex.ueSide(0), "before start");
        ex.start(InitialPrecoders.create(p, Init.mrc()));
        assertThrows(IllegalStateException.class, () -> ex.bsSide(0), "BS side before UE side");
        assertThrows(IllegalStateException.class, () -> ex.ueSide(1), "skipping a layer");
        ex.ueSide(0);
        ex.bsSide(0);
        ex.ueSide(1);
        ex.bsSide(1);
        assertThrows(IllegalStateException.class, () -> ex.ueSide(2), "beyond L");
        assertThrows(IllegalArgumentException.class, () -> ex.forward(InitialPrecoders.create(p, Init.mrc()), 3));
    }

    @Test
    void layersDoNotAllocate() {
        Assumptions.assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(bean.isThreadAllocatedMemorySupported() && bean.isThreadAllocatedMemoryEnabled());
        Problem p = TestProblems.uniform(4, 3, 4, 8, 2, 2, 1.0, 1e-2, 0.5);
        GcnWmmseWeights w = GcnTestSupport.randomWeights(5, 7, 2, 4, 0.3, 1.0);
        GcnWmmseExecutor ex = new GcnWmmseExecutor(p, w);
        ZMatrixRMaj[] v0 = InitialPrecoders.create(p, Init.mrc());
        for (int warm = 0; warm < 5; warm++) {
            run(ex, v0, 7);
        }
        long id = Thread.currentThread().getId();
        long a0 = bean.getThreadAllocatedBytes(id);
        run(ex, v0, 1);
        long a1 = bean.getThreadAllocatedBytes(id);
        run(ex, v0, 7);
        long a2 = bean.getThreadAllocatedBytes(id);
        long extra = (a2 - a1) - (a1 - a0);
        assertTrue(extra < 4096, "6 more layers allocated " + extra + " bytes");
    }

    private static void run(GcnWmmseExecutor ex, ZMatrixRMaj[] v0, int layers) {
        ex.start(v0);
        for (int l = 0; l < layers; l++) {
            ex.ueSide(l);
            ex.bsSide(l);
        }
    }

    /** out column c = h column perm[c] times e^{j phase[c]}, i.e. H T. */
    private static ZMatrixRMaj columns(ZMatrixRMaj h, int[] perm, double[] phase) {
        ZMatrixRMaj out = new ZMatrixRMaj(h.numRows, h.numCols);
        for (int r = 0; r < h.numRows; r++) {
            for (int c = 0; c < h.numCols; c++) {
                double re = h.getReal(r, perm[c]);
                double im = h.getImag(r, perm[c]);
                double cs = Math.cos(phase[c]);
                double sn = Math.sin(phase[c]);
                out.set(r, c, re * cs - im * sn, re * sn + im * cs);
            }
        }
        return out;
    }

    /** out row c = v row perm[c] times e^{-j phase[c]}, i.e. T^H V. */
    private static ZMatrixRMaj rows(ZMatrixRMaj v, int[] perm, double[] phase) {
        ZMatrixRMaj out = new ZMatrixRMaj(v.numRows, v.numCols);
        for (int c = 0; c < v.numRows; c++) {
            double cs = Math.cos(phase[c]);
            double sn = -Math.sin(phase[c]);
            for (int s = 0; s < v.numCols; s++) {
                double re = v.getReal(perm[c], s);
                double im = v.getImag(perm[c], s);
                out.set(c, s, re * cs - im * sn, re * sn + im * cs);
            }
        }
        return out;
    }
}
