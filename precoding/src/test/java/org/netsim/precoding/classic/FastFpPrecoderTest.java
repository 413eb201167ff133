package org.netsim.precoding.classic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.netsim.precoding.Init;
import org.netsim.precoding.InitialPrecoders;
import org.netsim.precoding.Precoder;
import org.netsim.precoding.PrecoderContractTest;
import org.netsim.precoding.PrecoderOptions;
import org.netsim.precoding.PrecoderRegistry;
import org.netsim.precoding.Problem;
import org.netsim.precoding.RateEvaluator;
import org.netsim.precoding.Solution;
import org.netsim.precoding.TestProblems;
import org.netsim.precoding.linalg.LanczosMaxEigenvalue;
import org.netsim.precoding.linalg.ComplexOps;
import org.netsim.precoding.linalg.HermitianEigen;

/**
 * FastFP: the precoder contract; minorisation-maximisation (a non-decreasing WSR) for both choices of lambda;
 * iterate-by-iterate agreement with the dense implementation of the paper's formulas ({@link FpReference}); the
 * UE-side quantities against eq. (27)-(28); the Lanczos lambda_max against a full eigendecomposition; the single-user
 * water-filling optimum; the comparison with FP and between the two lambda rules; option validation; no
 * allocation per iteration.
 */
class FastFpPrecoderTest extends PrecoderContractTest {

    /**
     * Allowed relative WSR decrease per iteration. MM guarantees none in exact arithmetic; each WSR is a sum of a
     * few log-dets accurate to ~1e-15 relative, and a Lanczos lambda below lambda_max by its ~1e-12 relative error
     * could break the minorisation by at most that fraction of one step's gain. 1e-10 is far above both and far
     * below any real decrease.
     */
    private static final double MONOTONE_SLACK = 1e-10;
    /**
     * Agreement with the dense reference: both evaluate the same updates, in a different order of operations and
     * with lambda_max from Lanczos (~1e-12 relative) versus a full eigendecomposition; over 25 iterations the
     * differences stay below 1e-9 relative on these well-conditioned random problems.
     */
    private static final double REFERENCE_RELATIVE = 1e-9;
    /** Lanczos against {@link HermitianEigen}: the 1e-12 estimated error with a factor 100 for its optimism. */
    private static final double EIGENVALUE_RELATIVE = 1e-10;

    @Override
    protected Precoder precoder() {
        return new FastFpPrecoder(PrecoderOptions.defaults().withMaxIterations(30));
    }

    private static FastFpPrecoder fastFp(int iterations, String lambda) {
        return new FastFpPrecoder(PrecoderOptions.defaults().withMaxIterations(iterations).withTrace(true)
                .with(FastFpPrecoder.LAMBDA, lambda));
    }

    @Test
    void wsrIsNonDecreasingForBothLambdaRules() {
        for (String lambda : List.of("max-eigenvalue", "frobenius")) {
            FastFpPrecoder p = fastFp(60, lambda);
            for (Problem problem : TestProblems.randomList(300, 20, 3, 6, 8, 4)) {
                for (Init init : List.of(Init.mrc(), Init.zf(), Init.random(7))) {
                    Solution s = p.solve(problem, init);
                    double previous = RateEvaluator.wsrNat(problem, InitialPrecoders.create(problem, init));
                    for (Solution.IterationRecord r : s.trace()) {
                        assertTrue(r.wsrNat() >= previous - MONOTONE_SLACK * Math.max(1, previous),
                                lambda + " " + problem + " " + init + ": WSR fell at iteration " + r.iteration()
                                        + " from " + previous + " to " + r.wsrNat());
                        previous = r.wsrNat();
                    }
                    assertEquals(60, s.trace().size());
                    assertEquals(s.wsrNat(), s.trace().get(59).wsrNat(), 1e-12 * Math.max(1, s.wsrNat()),
                            "the trace's WSR (log det(I + Gamma)) is the evaluator's");
                }
            }
        }
    }

    @Test
    void matchesTheDenseImplementationOfThePaperIterateByIterate() {
        List<Problem> problems = new ArrayList<>(TestProblems.randomList(40, 10, 3, 6, 7, 4));
        problems.add(heterogeneous());
        for (String lambda : List.of("max-eigenvalue", "frobenius")) {
            for (Problem p : problems) {
                ZMatrixRMaj[] v = InitialPrecoders.create(p, Init.random(3));
                Solution s = fastFp(25, lambda).solve(p, Init.given(v));
                for (int t = 0; t < 25; t++) {
                    v = FpReference.fastFpIteration(p, v, lambda.equals("frobenius"));
                    double want = RateEvaluator.wsrNat(p, v);
                    assertEquals(want, s.trace().get(t).wsrNat(), REFERENCE_RELATIVE * Math.max(1, want),
                            lambda + " " + p + ", iteration " + (t + 1));
                }
                double scale = 0;
                for (ZMatrixRMaj vi : v) {
                    scale = Math.max(scale, ComplexOps.frobenius(vi));
                }
                for (int i = 0; i < p.numUe(); i++) {
                    assertArrayEquals(v[i].data, s.precoder(i).data, REFERENCE_RELATIVE * 100 * scale,
                            lambda + " " + p + ": V_" + i);
                }
            }
        }
    }

    /**
     * Three BSs with 8, 3 and 5 antennas, the second serving nobody; UEs with (N, d) = (4, 1), (1, 1), (3, 2), (2, 2)
     * and unequal weights, noise and budgets.
     */
    static Problem heterogeneous() {
        SplittableRandom rng = new SplittableRandom(77);
        int[] m = {8, 3, 5};
        int[] n = {4, 1, 3, 2};
        int[] serving = {0, 2, 0, 2};
        ZMatrixRMaj[][] h = new ZMatrixRMaj[4][3];
        for (int i = 0; i < 4; i++) {
            for (int k = 0; k < 3; k++) {
                h[i][k] = TestProblems.complexGaussian(rng, n[i], m[k], k == serving[i] ? 1.0 : 0.3);
            }
        }
        return Problem.builder().bsAntennas(m).bsPowerW(2.0, 1.0, 0.5).ueAntennas(n).streams(1, 1, 2, 2)
                .noisePowerW(0.1, 0.05, 0.2, 0.1).weights(1.0, 2.0, 0.5, 1.5).servingBs(serving).channels(h).build();
    }

    @Test
    void fewerStreamsThanAntennasAndHeterogeneousSizesWork() {
        Problem p = heterogeneous();
        Solution s = fastFp(200, "max-eigenvalue").solve(p, Init.mrc());
        RateEvaluator.checkShapes(p, s.precoders());
        assertEquals(8, s.precoder(0).numRows);
        assertEquals(1, s.precoder(0).numCols);
        assertEquals(5, s.precoder(3).numRows);
        assertEquals(2, s.precoder(3).numCols);
        double initial = RateEvaluator.wsrNat(p, InitialPrecoders.create(p, Init.mrc()));
        assertTrue(s.wsrNat() > initial, s.wsrNat() + " <= " + initial);
        double[] used = RateEvaluator.powerUse(p, s.precoders());
        assertEquals(0.0, used[1], "BS 1 serves nobody");
        assertTrue(used[0] <= 2.0 * (1 + POWER_SLACK) && used[2] <= 0.5 * (1 + POWER_SLACK));
    }

    /** The UE side gives Y_i = D_i^{-1} H_ik V_i (27) and Gamma_i = V_i^H H_ik^H F_i^{-1} H_ik V_i (28). */
    @Test
    void ueSideQuantitiesAreThoseOfEquations27And28() {
        for (Problem p : TestProblems.randomList(60, 10, 3, 6, 6, 4)) {
            ZMatrixRMaj[] v = InitialPrecoders.create(p, Init.random(9));
            FpWorkspace ws = new FpWorkspace(p);
            ws.setPrecoders(v);
            double wsr = ws.refresh();
            assertEquals(RateEvaluator.wsrNat(p, v), wsr, 1e-12 * Math.max(1, wsr), "WSR from log det(I + Gamma)");
            for (int i = 0; i < p.numUe(); i++) {
                assertClose(FpReference.y(p, v, i), ws.receiver(i), 1e-10, p + ": Y_" + i);
                ZMatrixRMaj g = FpReference.gamma(p, v, i);
                ComplexOps.addIdentity(1.0, g);
                assertClose(g, ws.onePlusGamma(i), 1e-10, p + ": I + Gamma_" + i);
                ZMatrixRMaj lambda = new ZMatrixRMaj(1, 1);
                ws.lambda(i, lambda);
                assertClose(FpReference.lambda(p, v, i), lambda, 1e-10, p + ": Lambda_" + i);
            }
            for (int k = 0; k < p.numBs(); k++) {
                if (ws.cols(k) == 0) {
                    continue;
                }
                ZMatrixRMaj l = new ZMatrixRMaj(1, 1);
                ws.denseL(k, l);
                ZMatrixRMaj want = FpReference.l(p, v, k);
                assertClose(want, l, 1e-10, p + ": L_" + k);
                // the implicit operator is the dense matrix
                int m = p.bsAntennas(k);
                ZMatrixRMaj x = TestProblems.complexGaussian(new SplittableRandom(k), m, 1, 1.0);
                double[] xr = new double[m];
                double[] xi = new double[m];
                for (int r = 0; r < m; r++) {
                    xr[r] = x.getReal(r, 0);
                    xi[r] = x.getImag(r, 0);
                }
                double[] yr = new double[m];
                double[] yi = new double[m];
                ws.applyL(k, xr, xi, 0, yr, yi);
                ZMatrixRMaj lx = new ZMatrixRMaj(1, 1);
                ComplexOps.mult(want, x, lx);
                ZMatrixRMaj got = new ZMatrixRMaj(m, 1);
                for (int r = 0; r < m; r++) {
                    got.set(r, 0, yr[r], yi[r]);
                }
                assertClose(lx, got, 1e-10, p + ": L_" + k + " x");
            }
        }
    }

    /** |got - want| &lt;= tol max(1, max|want|) entrywise. */
    static void assertClose(ZMatrixRMaj want, ZMatrixRMaj got, double tol, String what) {
        assertEquals(want.numRows, got.numRows, what + " rows");
        assertEquals(want.numCols, got.numCols, what + " cols");
        double scale = 1;
        for (int e = 0; e < want.getDataLength(); e++) {
            scale = Math.max(scale, Math.abs(want.data[e]));
        }
        assertArrayEquals(want.data, java.util.Arrays.copyOf(got.data, want.getDataLength()), tol * scale, what);
    }

    /** A dense Hermitian matrix as a Lanczos operator. */
    private static LanczosMaxEigenvalue.Operator dense(ZMatrixRMaj a) {
        int n = a.numRows;
        return new LanczosMaxEigenvalue.Operator() {
            @Override
            public void apply(double[] xRe, double[] xIm, int xOffset, double[] yRe, double[] yIm) {
                for (int r = 0; r < n; r++) {
                    double re = 0;
                    double im = 0;
                    for (int c = 0; c < n; c++) {
                        double ar = a.getReal(r, c);
                        double ai = a.getImag(r, c);
                        re += ar * xRe[xOffset + c] - ai * xIm[xOffset + c];
                        im += ar * xIm[xOffset + c] + ai * xRe[xOffset + c];
                    }
                    yRe[r] = re;
                    yIm[r] = im;
                }
            }

            @Override
            public void dense(ZMatrixRMaj out) {
                out.setTo(a);
            }
        };
    }

    /** Q diag(values) Q^H with a random unitary Q (from the eigenvectors of a random Hermitian matrix). */
    private static ZMatrixRMaj withSpectrum(SplittableRandom rng, double[] values) {
        int n = values.length;
        ZMatrixRMaj x = TestProblems.complexGaussian(rng, n, n, 1.0);
        ZMatrixRMaj herm = new ZMatrixRMaj(n, n);
        ComplexOps.multABh(x, x, herm);
        HermitianEigen e = new HermitianEigen(n);
        e.decompose(herm);
        ZMatrixRMaj q = e.vectors().copy();
        ZMatrixRMaj qd = q.copy();
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                qd.set(r, c, q.getReal(r, c) * values[c], q.getImag(r, c) * values[c]);
            }
        }
        ZMatrixRMaj a = new ZMatrixRMaj(n, n);
        ComplexOps.multABh(qd, q, a);
        return a;
    }

    /**
     * Random PSD matrices of sizes 1..24 (B^H B of ranks 1..n, spectra spread over six decades, top clusters of
     * relative width 1e-3 and 1e-6, which the residual test must resolve): the value is lambda_max to 1e-10. Inside
     * a top cluster of width 1e-11, narrower than the residual tolerance, any value in the cluster is accepted.
     */
    @Test
    void lanczosFindsTheLargestEigenvalue() {
        SplittableRandom rng = new SplittableRandom(2024);
        for (int n = 1; n <= 24; n++) {
            List<ZMatrixRMaj> cases = new ArrayList<>();
            for (int rank : new int[] {1, Math.max(1, n / 3), n, n + 3}) {
                ZMatrixRMaj b = TestProblems.complexGaussian(rng, rank, n, 1.0);
                ZMatrixRMaj a = new ZMatrixRMaj(n, n);
                ComplexOps.multAhB(b, b, a); // B^H B, rank min(rank, n)
                cases.add(a);
            }
            double[] spread = new double[n];
            for (int j = 0; j < n; j++) {
                spread[j] = Math.pow(10, -6 * rng.nextDouble());
            }
            cases.add(withSpectrum(rng, spread));
            for (double width : new double[] {1e-3, 1e-6}) {
                cases.add(withSpectrum(rng, topCluster(rng, n, width)));
            }
            for (ZMatrixRMaj a : cases) {
                LanczosMaxEigenvalue lanczos = new LanczosMaxEigenvalue(n);
                double want = HermitianEigen.largestEigenvalue(a);
                double got = lanczos.largest(dense(a));
                assertEquals(want, got, EIGENVALUE_RELATIVE * want, "n = " + n);
                assertFalse(lanczos.lastFallback());
                // warm start from the previous Ritz vector: the same operator again converges at once
                int cold = lanczos.lastSteps();
                assertEquals(want, lanczos.largest(dense(a)), EIGENVALUE_RELATIVE * want, "n = " + n + ", warm");
                assertTrue(lanczos.lastSteps() <= Math.max(2, cold), "warm " + lanczos.lastSteps() + ", cold " + cold);
            }
            ZMatrixRMaj tight = withSpectrum(rng, topCluster(rng, n, 1e-11));
            double want = HermitianEigen.largestEigenvalue(tight);
            assertEquals(want, new LanczosMaxEigenvalue(n).largest(dense(tight)), 2e-11 * want, "n = " + n);
        }
    }

    /** n eigenvalues in (0, 1) except the top two, 10 (1 + width) and 10. */
    private static double[] topCluster(SplittableRandom rng, int n, double width) {
        double[] v = new double[n];
        for (int j = 0; j < n; j++) {
            v[j] = rng.nextDouble();
        }
        v[n - 1] = 10 * (1 + width);
        if (n > 1) {
            v[n - 2] = 10;
        }
        return v;
    }

    @Test
    void lanczosFallsBackToTheDenseDecompositionAndHandlesZero() {
        SplittableRandom rng = new SplittableRandom(5);
        double[] values = new double[12];
        for (int j = 0; j < 12; j++) {
            values[j] = 1 + j * 0.01; // slow convergence: more than 3 steps needed
        }
        ZMatrixRMaj a = withSpectrum(rng, values);
        LanczosMaxEigenvalue capped = new LanczosMaxEigenvalue(12, 3, 1e-12, 1e-10);
        assertEquals(HermitianEigen.largestEigenvalue(a), capped.largest(dense(a)), 0.0);
        assertTrue(capped.lastFallback());
        LanczosMaxEigenvalue zero = new LanczosMaxEigenvalue(5);
        assertEquals(0.0, zero.largest(dense(new ZMatrixRMaj(5, 5))), 0.0);
        assertEquals(0.0, zero.largest(dense(new ZMatrixRMaj(5, 5))), 0.0, "again, from the warm start");
    }

    /** On the structured L_k of FastFP iterations, the warm-started Lanczos value is the dense one. */
    @Test
    void lanczosAgreesWithTheDenseDecompositionAlongFastFpIterations() {
        for (Problem p : List.of(TestProblems.uniform(8, 3, 3, 16, 4, 2, 1.0, 0.01, 0.1),
                TestProblems.uniform(9, 2, 5, 12, 2, 1, 1.0, 0.1, 0.5), heterogeneous())) {
            FpWorkspace ws = new FpWorkspace(p);
            ws.setPrecoders(InitialPrecoders.create(p, Init.mrc()));
            ws.refresh();
            LanczosMaxEigenvalue[] eig = new LanczosMaxEigenvalue[p.numBs()];
            for (int t = 0; t < 40; t++) {
                for (int k = 0; k < p.numBs(); k++) {
                    if (ws.cols(k) == 0) {
                        continue;
                    }
                    int m = p.bsAntennas(k);
                    if (eig[k] == null) {
                        eig[k] = new LanczosMaxEigenvalue(m);
                    }
                    double got = eig[k].largest(ws.gram(k));
                    ZMatrixRMaj l = new ZMatrixRMaj(m, m);
                    ws.denseL(k, l);
                    double want = HermitianEigen.largestEigenvalue(l);
                    assertEquals(want, got, EIGENVALUE_RELATIVE * want, p + ", iteration " + t + ", BS " + k);
                    ws.fastFpStep(k, got);
                }
                ws.refresh();
            }
        }
    }

    /**
     * One BS and one UE with d = N: FastFP converges to the water-filling capacity (the problem is then concave
     * in Q = V V^H and MM reaches its maximum). 3000 iterations reach it to 1e-9 relative on these channels.
     */
    @Test
    void singleUserReachesTheWaterFillingCapacity() {
        for (long seed = 1; seed <= 3; seed++) {
            for (double noise : new double[] {0.1, 1.0}) {
                Problem p = TestProblems.uniform(seed, 1, 1, 4, 3, 3, 2.0, noise, 1.0);
                double capacity = WmmsePrecoderTest.waterFillingCapacity(p.channel(0, 0), 2.0, noise);
                Solution s = new FastFpPrecoder(PrecoderOptions.defaults().withMaxIterations(3000)).solve(p);
                assertEquals(capacity, s.wsrNat(), 1e-9 * capacity, "seed " + seed + ", noise " + noise);
            }
        }
    }

    /**
     * Remark 9: ||L_k||_F &gt;= lambda_max(L_k) makes smaller steps, so the Frobenius rule is slower. On 3-cell
     * problems with 16 BS antennas and 4 x 2 UEs (where L_k has many comparable eigenvalues and the two bounds
     * differ), max-eigenvalue is ahead after 10 and after 50 iterations on every seed.
     */
    @Test
    void frobeniusRuleConvergesMoreSlowly() {
        for (long seed = 0; seed < 4; seed++) {
            Problem p = TestProblems.uniform(seed, 3, 3, 16, 4, 2, 1.0, 0.01, 0.1);
            Solution eig = fastFp(50, "max-eigenvalue").solve(p, Init.mrc());
            Solution frob = fastFp(50, "frobenius").solve(p, Init.mrc());
            for (int t : new int[] {9, 49}) {
                assertTrue(eig.trace().get(t).wsrNat() > frob.trace().get(t).wsrNat(),
                        "seed " + seed + ", iteration " + (t + 1) + ": max-eigenvalue " + eig.trace().get(t).wsrNat()
                                + " <= frobenius " + frob.trace().get(t).wsrNat());
            }
        }
    }

    /**
     * FastFP converges more slowly than FP but towards the same kind of stationary point: after 3000 FastFP and
     * 300 FP iterations from MRC (SNR 10 dB, 3 cells, 16 x 4 antennas, 2 streams), the WSRs agree within 1% per
     * seed (observed: 1e-4; different trajectories may in general reach different stationary points).
     */
    @Test
    void fastFpReachesTheWsrOfFpAfterManyIterations() {
        for (long seed = 0; seed < 4; seed++) {
            Problem p = TestProblems.uniform(seed, 3, 3, 16, 4, 2, 1.0, 0.1, 0.1);
            double fast = new FastFpPrecoder(PrecoderOptions.defaults().withMaxIterations(3000)).solve(p).wsrNat();
            double fp = new FpPrecoder(PrecoderOptions.defaults().withMaxIterations(300)).solve(p).wsrNat();
            assertEquals(fp, fast, 0.01 * fp, "seed " + seed);
        }
    }

    @Test
    void zeroPrecodersAreAFixedPoint() {
        Problem p = TestProblems.uniform(1, 2, 2, 4, 2, 2, 1.0, 0.1, 0.5);
        ZMatrixRMaj[] zeros = new ZMatrixRMaj[p.numUe()];
        for (int i = 0; i < zeros.length; i++) {
            zeros[i] = new ZMatrixRMaj(4, 2);
        }
        Solution s = new FastFpPrecoder().solve(p, Init.given(zeros));
        assertEquals(0.0, s.wsrNat(), 0.0);
        for (ZMatrixRMaj v : s.precoders()) {
            assertEquals(0.0, ComplexOps.frobeniusSquared(v), 0.0);
        }
    }

    @Test
    void toleranceStopsEarlyAndWarmStartContinues() {
        Problem p = TestProblems.uniform(3, 3, 4, 12, 2, 2, 1.0, 0.1, 0.3);
        Solution early = new FastFpPrecoder(PrecoderOptions.defaults().withMaxIterations(5000).withTolerance(1e-4))
                .solve(p, Init.mrc());
        assertTrue(early.iterations() >= 1 && early.iterations() < 5000, "iterations " + early.iterations());
        // 10 + 10 iterations equal 20 (up to the Lanczos tolerance, as the eigenvector warm start restarts)
        Precoder ten = new FastFpPrecoder(PrecoderOptions.defaults().withMaxIterations(10));
        Solution resumed = ten.solve(p, Init.given(ten.solve(p, Init.mrc()).precoders()));
        double direct = new FastFpPrecoder(PrecoderOptions.defaults().withMaxIterations(20)).solve(p).wsrNat();
        assertEquals(direct, resumed.wsrNat(), 1e-9 * direct);
    }

    @Test
    void badLambdaIsRejectedNamingTheOption() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new FastFpPrecoder(PrecoderOptions.defaults().with("lambda", "largest")));
        assertTrue(e.getMessage().contains("lambda") && e.getMessage().contains("largest"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> PrecoderRegistry.create("fastfp", PrecoderOptions.defaults().with("lambda", "")));
        assertTrue(e.getMessage().contains("precoder.lambda"), e.getMessage());
        FastFpPrecoder frob = assertInstanceOf(FastFpPrecoder.class,
                PrecoderRegistry.create("fastfp", PrecoderOptions.defaults().with("lambda", "frobenius")));
        assertEquals(FastFpPrecoder.LambdaRule.FROBENIUS, frob.lambdaRule());
        assertEquals(FastFpPrecoder.LambdaRule.MAX_EIGENVALUE, new FastFpPrecoder().lambdaRule());
    }

    /**
     * No allocation per iteration: a solve with 60 iterations allocates (almost) exactly what one with 10 does; the
     * allowance of 4 KB covers one-off effects (class loading, a JIT deoptimisation) and is far below one matrix
     * per iteration (50 x M_k x d_i doubles alone would be 50 KB here).
     */
    @Test
    void iterationsDoNotAllocate() {
        Assumptions.assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(bean.isThreadAllocatedMemorySupported() && bean.isThreadAllocatedMemoryEnabled());
        Problem p = TestProblems.uniform(2, 3, 3, 16, 4, 2, 1.0, 0.1, 0.1);
        for (String lambda : List.of("max-eigenvalue", "frobenius")) {
            Precoder ten = new FastFpPrecoder(PrecoderOptions.defaults().withMaxIterations(10).with("lambda", lambda));
            Precoder sixty = new FastFpPrecoder(PrecoderOptions.defaults().withMaxIterations(60)
                    .with("lambda", lambda));
            for (int warm = 0; warm < 3; warm++) {
                ten.solve(p);
                sixty.solve(p);
            }
            long id = Thread.currentThread().getId();
            long a0 = bean.getThreadAllocatedBytes(id);
            ten.solve(p);
            long a1 = bean.getThreadAllocatedBytes(id);
            sixty.solve(p);
            long a2 = bean.getThreadAllocatedBytes(id);
            long extra = (a2 - a1) - (a1 - a0);
            assertTrue(extra < 4096, lambda + ": 50 more iterations allocated " + extra + " bytes");
        }
    }
}
