package org.netsim.precoding.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.netsim.precoding.classic.MrtPrecoderTest.relativeDistance;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.netsim.precoding.Init;
import org.netsim.precoding.InitialPrecoders;
import org.netsim.precoding.Precoder;
import org.netsim.precoding.PrecoderContractTest;
import org.netsim.precoding.PrecoderOptions;
import org.netsim.precoding.Problem;
import org.netsim.precoding.RateEvaluator;
import org.netsim.precoding.Solution;
import org.netsim.precoding.TestProblems;
import org.netsim.precoding.linalg.ComplexOps;

class WmmseScPrecoderTest extends PrecoderContractTest {

    /**
     * Monotonicity slack, relative to the WSR: every step is an exact block maximisation, so only the rounding of
     * the rate evaluation (log-determinants of matrices of size &lt;= 6, about 1e-15 relative) can make a step
     * look like a decrease.
     */
    static final double MONOTONE_SLACK = 1e-12;
    /**
     * Agreement of two implementations of the same iteration in a different order of operations (scaled vs
     * unscaled iterates, Cholesky vs LU, rank-1 corrections vs direct inverses), relative Frobenius distance of
     * the precoders after 10 to 30 iterations: rounding amplified by the condition numbers of D_i, A and Hb
     * (&lt; 1e4 on these problems; observed distances are below 2e-13).
     */
    static final double SAME_ITERATION = 1e-10;
    /** Allocation budget of 100 extra iterations: less than one byte per iteration, i.e. none. */
    static final long EXTRA_BYTES_FOR_100_ITERATIONS = 100;

    @Override
    protected Precoder precoder() {
        return new WmmseScPrecoder();
    }

    /** Single-cell problems: heterogeneous N_i, d_i, weights and noise, plus a massive-MIMO-like one. */
    @Override
    protected List<Problem> problems() {
        return singleCellProblems();
    }

    static List<Problem> singleCellProblems() {
        List<Problem> out = new ArrayList<>(TestProblems.randomList(200, 12, 1, 6, 6, 3));
        out.add(TestProblems.uniform(7, 1, 4, 32, 2, 2, 1.0, 0.05, 1.0));
        return out;
    }

    @Test
    void rejectsMulticellProblemsNamingTheField() {
        Problem p = TestProblems.uniform(1, 2, 2, 4, 2, 1, 1.0, 0.1, 0.5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> precoder().solve(p));
        assertEquals("wmmse-sc: needs a single-cell problem (numBs = 1), got 2", e.getMessage());
    }

    /** In one cell the power-scaled objective is the true WSR, so it must not decrease (from every start). */
    @Test
    void weightedSumRateIsMonotoneOverIterations() {
        assertMonotone(new WmmseScPrecoder(PrecoderOptions.defaults().withTrace(true).withMaxIterations(60)));
    }

    static void assertMonotone(Precoder precoder) {
        for (Problem p : singleCellProblems()) {
            for (Init init : List.of(Init.mrc(), Init.zf(), Init.random(3))) {
                Solution s = precoder.solve(p, init);
                assertEquals(60, s.trace().size());
                double previous = RateEvaluator.wsrNat(p, InitialPrecoders.create(p, init)); // already at budget
                for (Solution.IterationRecord r : s.trace()) {
                    assertTrue(r.wsrNat() >= previous - MONOTONE_SLACK * Math.abs(previous), precoder.name() + " on "
                            + p + " from " + init + ", iteration " + r.iteration() + ": " + r.wsrNat() + " < "
                            + previous);
                    previous = r.wsrNat();
                }
                assertEquals(RateEvaluator.wsrNat(p, s.precoders()), previous, 1e-10 * Math.abs(previous),
                        "the trace's last WSR is the evaluator's WSR of the returned precoders");
            }
        }
    }

    /** The iteration as written in the brief (unscaled iterates, explicit inverses), independently coded. */
    @Test
    void matchesTheLiteralIteration() {
        for (Problem p : singleCellProblems()) {
            for (int iterations : new int[] {1, 10}) {
                ZMatrixRMaj[] expected = literalWmmseSc(p, InitialPrecoders.create(p, Init.random(8)), iterations);
                Solution s = new WmmseScPrecoder(PrecoderOptions.defaults().withMaxIterations(iterations))
                        .solve(p, Init.random(8));
                for (int i = 0; i < p.numUe(); i++) {
                    assertTrue(relativeDistance(expected[i], s.precoder(i)) <= SAME_ITERATION,
                            p + ", " + iterations + " iterations, UE " + i + ": "
                                    + relativeDistance(expected[i], s.precoder(i)));
                }
            }
        }
    }

    /**
     * U_i = (sum_j H_i V_j V_j^H H_i^H + (sigma_i^2/P) sum_j tr(V_j V_j^H) I)^{-1} H_i V_i,
     * W_i = (I - U_i^H H_i V_i)^{-1}, V_i = alpha_i (sum_j alpha_j H_j^H U_j W_j U_j^H H_j
     * + sum_j (alpha_j sigma_j^2/P) tr(U_j W_j U_j^H) I)^{-1} H_i^H U_i W_i, then V scaled to P.
     */
    static ZMatrixRMaj[] literalWmmseSc(Problem p, ZMatrixRMaj[] v0, int iterations) {
        int numUe = p.numUe();
        int m = p.bsAntennas(0);
        double power = p.bsPowerW(0);
        ZMatrixRMaj[] v = new ZMatrixRMaj[numUe];
        for (int i = 0; i < numUe; i++) {
            v[i] = v0[i].copy();
        }
        ZMatrixRMaj[] u = new ZMatrixRMaj[numUe];
        ZMatrixRMaj[] w = new ZMatrixRMaj[numUe];
        for (int t = 0; t < iterations; t++) {
            double used = 0;
            for (ZMatrixRMaj vi : v) {
                used += ComplexOps.frobeniusSquared(vi);
            }
            for (int i = 0; i < numUe; i++) {
                ZMatrixRMaj h = p.channel(i, 0);
                ZMatrixRMaj d = ComplexOps.identity(h.numRows);
                ComplexOps.scale(p.noisePowerW(i) / power * used, d);
                ZMatrixRMaj hv = new ZMatrixRMaj(1, 1);
                for (int j = 0; j < numUe; j++) {
                    ComplexOps.mult(h, v[j], hv);
                    ComplexOps.multAddABh(hv, hv, d);
                }
                ComplexOps.mult(h, v[i], hv);
                u[i] = new ZMatrixRMaj(1, 1);
                ComplexOps.mult(ComplexOps.invert(d), hv, u[i]);
                ZMatrixRMaj e = ComplexOps.identity(p.streams(i));
                ZMatrixRMaj uhv = new ZMatrixRMaj(1, 1);
                ComplexOps.multAhB(u[i], hv, uhv);
                for (int q = 0; q < e.getDataLength(); q++) {
                    e.data[q] -= uhv.data[q];
                }
                w[i] = ComplexOps.invert(e);
            }
            ZMatrixRMaj a = new ZMatrixRMaj(m, m);
            double identity = 0;
            ZMatrixRMaj[] rhs = new ZMatrixRMaj[numUe];
            for (int j = 0; j < numUe; j++) {
                ZMatrixRMaj h = p.channel(j, 0);
                ZMatrixRMaj uw = new ZMatrixRMaj(1, 1);
                ComplexOps.mult(u[j], w[j], uw);
                ZMatrixRMaj uwu = new ZMatrixRMaj(1, 1);
                ComplexOps.multABh(uw, u[j], uwu);
                identity += p.weight(j) * p.noisePowerW(j) / power * ComplexOps.traceReal(uwu);
                ZMatrixRMaj huwu = new ZMatrixRMaj(1, 1);
                ComplexOps.multAhB(h, uwu, huwu);
                ZMatrixRMaj term = new ZMatrixRMaj(1, 1);
                ComplexOps.mult(huwu, h, term);
                ComplexOps.scale(p.weight(j), term);
                for (int q = 0; q < a.getDataLength(); q++) {
                    a.data[q] += term.data[q];
                }
                rhs[j] = new ZMatrixRMaj(1, 1);
                ComplexOps.multAhB(h, uw, rhs[j]);
                ComplexOps.scale(p.weight(j), rhs[j]);
            }
            ComplexOps.addIdentity(identity, a);
            ZMatrixRMaj aInv = ComplexOps.invert(a);
            for (int i = 0; i < numUe; i++) {
                ComplexOps.mult(aInv, rhs[i], v[i]);
            }
        }
        InitialPrecoders.scaleToBudget(p, v);
        return v;
    }

    /**
     * Started from MRT resp. ZF, the monotone iteration can only improve on them; on average at 10 dB it beats
     * both (8 antennas, 4 UEs with 2 antennas and 2 streams each).
     */
    @Test
    void beatsMaximumRatioAndZeroForcing() {
        assertBeatsLinearPrecoders(precoder());
    }

    static void assertBeatsLinearPrecoders(Precoder precoder) {
        double iterative = 0;
        double mrt = 0;
        double zf = 0;
        for (long seed = 0; seed < 20; seed++) {
            Problem p = TestProblems.uniform(seed, 1, 4, 8, 2, 2, 1.0, 0.1, 1.0);
            Solution s = precoder.solve(p, Init.mrc());
            double fromZf = precoder.solve(p, Init.zf()).wsrNat();
            double wsrMrt = new MrtPrecoder().solve(p).wsrNat();
            double wsrZf = new ZfPrecoder().solve(p).wsrNat();
            assertTrue(s.wsrNat() >= wsrMrt, "seed " + seed + ": below its MRT start");
            assertTrue(fromZf >= wsrZf, "seed " + seed + ": below its ZF start");
            iterative += s.wsrNat();
            mrt += wsrMrt;
            zf += wsrZf;
        }
        assertTrue(iterative > 1.1 * Math.max(mrt, zf),
                precoder.name() + " " + iterative / 20 + ", mrt " + mrt / 20 + ", zf " + zf / 20 + " nat/s/Hz");
    }

    @Test
    void toleranceStopsEarly() {
        Problem p = TestProblems.uniform(3, 1, 3, 6, 2, 1, 1.0, 0.1, 1.0);
        Solution s = new WmmseScPrecoder(PrecoderOptions.defaults().withMaxIterations(500).withTolerance(1e-6))
                .solve(p);
        assertTrue(s.iterations() > 1 && s.iterations() < 500, "iterations " + s.iterations());
    }

    /** Zero start (no direction) is replaced by MRC; a zero budget gives zero precoders. */
    @Test
    void zeroStartFallsBackToMrcAndZeroBudgetGivesZeros() {
        assertDegenerateCases(precoder());
    }

    static void assertDegenerateCases(Precoder precoder) {
        Problem p = TestProblems.uniform(4, 1, 3, 5, 2, 2, 1.0, 0.1, 1.0);
        ZMatrixRMaj[] zeros = new ZMatrixRMaj[3];
        for (int i = 0; i < 3; i++) {
            zeros[i] = new ZMatrixRMaj(5, 2);
        }
        Solution fromZero = precoder.solve(p, Init.given(zeros));
        Solution fromMrc = precoder.solve(p, Init.mrc());
        for (int i = 0; i < 3; i++) {
            assertEquals(0.0, relativeDistance(fromMrc.precoder(i), fromZero.precoder(i)), 0.0);
        }
        Problem silent = p.toBuilder().bsPowerW(0.0).build();
        Solution s = precoder.solve(silent);
        assertEquals(0.0, s.wsrNat(), 0.0);
        assertEquals(0, s.iterations());
        RateEvaluator.checkShapes(silent, s.precoders());
    }

    /** The iteration loop allocates nothing: 100 more iterations cost (almost) no more bytes. */
    @Test
    void iterationLoopDoesNotAllocate() {
        Problem p = TestProblems.uniform(5, 1, 4, 16, 3, 2, 1.0, 0.1, 1.0);
        assertLoopDoesNotAllocate(p, WmmseScPrecoder::new);
    }

    static void assertLoopDoesNotAllocate(Problem p, java.util.function.Function<PrecoderOptions, Precoder> make) {
        Precoder shortRun = make.apply(PrecoderOptions.defaults().withMaxIterations(5));
        Precoder longRun = make.apply(PrecoderOptions.defaults().withMaxIterations(105));
        for (int warm = 0; warm < 3; warm++) {
            shortRun.solve(p);
            longRun.solve(p);
        }
        long extra = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 3 && extra > EXTRA_BYTES_FOR_100_ITERATIONS; attempt++) {
            extra = allocatedBytes(() -> longRun.solve(p)) - allocatedBytes(() -> shortRun.solve(p));
        }
        assertTrue(extra <= EXTRA_BYTES_FOR_100_ITERATIONS, "100 extra iterations allocated " + extra + " bytes");
    }

    /** @return bytes allocated by the current thread while running {@code r} (skips if the JVM cannot tell) */
    static long allocatedBytes(Runnable r) {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "no per-thread allocation counter");
        com.sun.management.ThreadMXBean counter = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(counter.isThreadAllocatedMemorySupported() && counter.isThreadAllocatedMemoryEnabled());
        long id = Thread.currentThread().getId();
        long before = counter.getThreadAllocatedBytes(id);
        r.run();
        return counter.getThreadAllocatedBytes(id) - before;
    }
}
