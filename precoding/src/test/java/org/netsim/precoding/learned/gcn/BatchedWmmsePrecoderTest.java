package org.netsim.precoding.learned.gcn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netsim.precoding.Init;
import org.netsim.precoding.Precoder;
import org.netsim.precoding.PrecoderContractTest;
import org.netsim.precoding.PrecoderOptions;
import org.netsim.precoding.PrecoderRegistry;
import org.netsim.precoding.Problem;
import org.netsim.precoding.Solution;
import org.netsim.precoding.TestProblems;
import org.netsim.precoding.classic.WmmsePrecoder;
import org.netsim.precoding.learned.EngineAssumptions;

/** {@code wmmse-batched} against the double-precision classic WMMSE, and the precoder contract. */
class BatchedWmmsePrecoderTest extends PrecoderContractTest {

    /**
     * Relative WSR tolerance of float32 against double. Float rounding (1e-7 per operation) is amplified by the
     * inverse of R_k + mu_k I (M = 12, ill-conditioned at 40 dB SNR; two refinement steps recover most of it) and
     * then by the iteration itself: measured differences grow from 1e-7 (3 iterations) to 2e-5 (8 iterations) for
     * every start, and stay there from MRC starts (1e-5 after 12 and 20 iterations), while a random start's
     * trajectory can separate from the double one after about 10 iterations (1e-2 after 12 on one start: the
     * double and the float iteration then head for nearby but different stationary points). So all starts are
     * compared up to 8 iterations (the depth of a GCN-WMMSE network), and MRC starts also after 20. float64
     * through the same executor agrees to 1e-9 at every depth, so the difference is precision, not algorithm.
     */
    static final double FLOAT_WSR_TOLERANCE = 1e-4;

    @BeforeEach
    void engine() {
        EngineAssumptions.assumeEngine();
    }

    @Override
    protected Precoder precoder() {
        return new BatchedWmmsePrecoder(PrecoderOptions.defaults().withMaxIterations(10).with("device", "cpu"));
    }

    @Override
    protected List<Problem> problems() {
        List<Problem> out = new ArrayList<>();
        out.add(TestProblems.uniform(1, 2, 2, 4, 2, 2, 1.0, 0.1, 0.3));
        out.add(TestProblems.uniform(2, 3, 1, 3, 2, 1, 2.0, 0.05, 0.5));
        out.add(TestProblems.uniform(3, 1, 3, 6, 1, 1, 1.0, 0.1, 1.0));
        return out;
    }

    @Test
    void floatBatchAgreesWithDoubleWmmse() {
        assertAgree("float32", FLOAT_WSR_TOLERANCE);
    }

    @Test
    void doubleBatchAgreesWithDoubleWmmse() {
        assertAgree("float64", 1e-9);
    }

    private static void assertAgree(String precision, double tol) {
        for (int it : new int[] {3, 8}) {
            assertAgree(precision, tol, it, false);
        }
        assertAgree(precision, tol, 20, true);
    }

    private static void assertAgree(String precision, double tol, int iters, boolean mrcOnly) {
        List<Problem> ps = GcnWmmseNetworkTest.baseLike(700, 5);
        PrecoderOptions o = PrecoderOptions.defaults().withMaxIterations(iters);
        BatchedWmmsePrecoder batched = new BatchedWmmsePrecoder(o.with("device", "cpu").with("precision",
                precision));
        List<Init> inits = new ArrayList<>();
        for (int b = 0; b < ps.size(); b++) {
            inits.add(b % 2 == 0 ? Init.mrc() : Init.random(b));
        }
        List<Solution> got = batched.solveAll(ps, inits);
        WmmsePrecoder ref = new WmmsePrecoder(o);
        for (int b = 0; b < ps.size(); b++) {
            double want = ref.solve(ps.get(b), inits.get(b)).wsrNat();
            if (mrcOnly && b % 2 != 0) {
                continue;
            }
            assertEquals(want, got.get(b).wsrNat(), tol * want, "problem " + b + ", " + iters + " iterations");
            assertEquals(iters, got.get(b).iterations());
        }
    }

    @Test
    void traceIsNonDecreasingAndEndsAtTheResult() {
        Problem p = GcnWmmseNetworkTest.baseLike(800, 1).get(0);
        Solution s = new BatchedWmmsePrecoder(PrecoderOptions.defaults().withMaxIterations(8).withTrace(true)
                .with("precision", "float64").with("device", "cpu")).solve(p, Init.mrc());
        assertEquals(8, s.trace().size());
        for (int j = 1; j < s.trace().size(); j++) {
            assertTrue(s.trace().get(j).wsrNat() >= s.trace().get(j - 1).wsrNat() - 1e-9, "iteration " + j);
        }
        assertEquals(s.wsrNat(), s.trace().get(7).wsrNat(), 1e-9 * s.wsrNat());
    }

    @Test
    void optionsAreValidated() {
        assertThrows(IllegalArgumentException.class,
                () -> new BatchedWmmsePrecoder(PrecoderOptions.defaults().with("precision", "half")));
        assertThrows(IllegalArgumentException.class,
                () -> new BatchedWmmsePrecoder(PrecoderOptions.defaults().withTolerance(1e-4)));
        assertThrows(IllegalArgumentException.class,
                () -> new BatchedWmmsePrecoder(PrecoderOptions.defaults().with("mu-solver", "rational")));
        assertTrue(PrecoderRegistry.contains(BatchedWmmsePrecoder.NAME));
    }
}
