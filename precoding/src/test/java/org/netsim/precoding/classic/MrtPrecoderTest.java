package org.netsim.precoding.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.netsim.precoding.Precoder;
import org.netsim.precoding.PrecoderContractTest;
import org.netsim.precoding.Problem;
import org.netsim.precoding.RateEvaluator;
import org.netsim.precoding.Solution;
import org.netsim.precoding.TestProblems;
import org.netsim.precoding.linalg.ComplexOps;
import org.netsim.precoding.linalg.ComplexSvd;

class MrtPrecoderTest extends PrecoderContractTest {

    /** Closed forms recomputed in a different order of operations: a few roundings of O(1) quantities. */
    static final double CLOSED_FORM = 1e-10;
    /** Budget met with equality: one rounding of the common scale, relative. */
    static final double BUDGET_EQUALITY = 1e-12;

    @Override
    protected Precoder precoder() {
        return new MrtPrecoder();
    }

    /** d_i = N_i: V_i = c_k H_ik^H with one real positive c_k per BS, and the budget is met with equality. */
    @Test
    void fullStreamsGiveTheConjugateChannelWithOneScalePerBs() {
        for (long seed = 0; seed < 20; seed++) {
            Problem p = fullStreams(TestProblems.random(seed, 3, 6, 6, 3));
            Solution s = precoder().solve(p);
            double[] scale = new double[p.numBs()];
            for (int i = 0; i < p.numUe(); i++) {
                int k = p.servingBs(i);
                ZMatrixRMaj hh = ComplexOps.conjugateTranspose(p.channel(i, k));
                double c = Math.sqrt(ComplexOps.frobeniusSquared(s.precoder(i)) / ComplexOps.frobeniusSquared(hh));
                if (scale[k] == 0) {
                    scale[k] = c;
                }
                assertEquals(scale[k], c, CLOSED_FORM * scale[k], "one scale per BS, UE " + i);
                ComplexOps.scale(c, hh);
                assertMatrixEquals(hh, s.precoder(i), CLOSED_FORM, "V_" + i + " = c H^H");
            }
            assertBudgetsMetWithEquality(p, s);
        }
    }

    /**
     * d_i &lt; N_i: V_i = c H^H U_d, so V_i^H V_i = c^2 Sigma_d^2 (diagonal, the d_i largest squared singular
     * values of H_ik, from an independent SVD call) and H_ik V_i = c U_d Sigma_d^2 has orthogonal columns.
     */
    @Test
    void reducedStreamsUseTheDominantModes() {
        for (long seed = 0; seed < 20; seed++) {
            Problem p = TestProblems.uniform(seed, 1, 2, 5, 3, 2, 1.0, 0.1, 1.0);
            Solution s = precoder().solve(p);
            double c2 = p.bsPowerW(0) / (sumOfSquaredSingularValues(p, 0, 2) + sumOfSquaredSingularValues(p, 1, 2));
            for (int i = 0; i < 2; i++) {
                double[] sv = ComplexSvd.decompose(p.channel(i, 0)).singularValues();
                ZMatrixRMaj gram = new ZMatrixRMaj(2, 2);
                ComplexOps.multAhB(s.precoder(i), s.precoder(i), gram);
                for (int a = 0; a < 2; a++) {
                    for (int b = 0; b < 2; b++) {
                        double expected = a == b ? c2 * sv[a] * sv[a] : 0.0;
                        assertEquals(expected, gram.getReal(a, b), CLOSED_FORM, "V^H V (" + a + "," + b + ")");
                        assertEquals(0.0, gram.getImag(a, b), CLOSED_FORM);
                    }
                }
            }
        }
    }

    /** One single-antenna UE: MRT is optimal and R = log(1 + P ||h||^2 / sigma^2). */
    @Test
    void singleUeMisoRateIsTheClosedForm() {
        Problem p = TestProblems.uniform(3, 1, 1, 4, 1, 1, 2.0, 0.3, 1.0);
        double gain = ComplexOps.frobeniusSquared(p.channel(0, 0));
        assertEquals(Math.log(1 + 2.0 * gain / 0.3), precoder().solve(p).wsrNat(), CLOSED_FORM);
    }

    @Test
    void bsWithoutUesTransmitsNothing() {
        assertIdleBsTransmitsNothing(precoder());
    }

    // ---- helpers shared by the linear precoders' tests

    /** @return p with d_i = N_i for every UE */
    static Problem fullStreams(Problem p) {
        int[] n = new int[p.numUe()];
        for (int i = 0; i < n.length; i++) {
            n[i] = p.ueAntennas(i);
        }
        return p.toBuilder().streams(n).build();
    }

    private static double sumOfSquaredSingularValues(Problem p, int i, int d) {
        double[] sv = ComplexSvd.decompose(p.channel(i, p.servingBs(i))).singularValues();
        double s = 0;
        for (int j = 0; j < d; j++) {
            s += sv[j] * sv[j];
        }
        return s;
    }

    static void assertBudgetsMetWithEquality(Problem p, Solution s) {
        double[] used = RateEvaluator.powerUse(p, s.precoders());
        for (int k = 0; k < p.numBs(); k++) {
            if (p.numUesOf(k) > 0) {
                assertEquals(p.bsPowerW(k), used[k], BUDGET_EQUALITY * p.bsPowerW(k), "BS " + k + " budget");
            }
        }
    }

    /** Relative Frobenius distance ||a - b|| &lt;= tol max(||a||, tiny). */
    static void assertMatrixEquals(ZMatrixRMaj expected, ZMatrixRMaj actual, double tol, String what) {
        assertEquals(expected.numRows, actual.numRows, what);
        assertEquals(expected.numCols, actual.numCols, what);
        assertTrue(relativeDistance(expected, actual) <= tol,
                what + ": relative distance " + relativeDistance(expected, actual));
    }

    static double relativeDistance(ZMatrixRMaj expected, ZMatrixRMaj actual) {
        double d = 0;
        for (int e = 0; e < expected.getDataLength(); e++) {
            double x = expected.data[e] - actual.data[e];
            d += x * x;
        }
        return Math.sqrt(d) / Math.max(ComplexOps.frobenius(expected), 1e-300);
    }

    /**
     * Two BSs with 8 and 3 antennas, all six UEs on BS 0 (d_i &lt; N_i for four of them): BS 1 serves nobody and
     * must transmit nothing, BS 0 meets its budget with equality.
     */
    static void assertIdleBsTransmitsNothing(Precoder precoder) {
        Problem base = TestProblems.uniform(17, 2, 3, 8, 2, 1, 1.5, 0.1, 0.3);
        Problem p = base.toBuilder().servingBs(0, 0, 0, 0, 0, 0).bsAntennas(8, 3).bsPowerW(1.5, 0.7)
                .channels(idleChannels(base)).streams(1, 2, 1, 1, 2, 1).build();
        Solution s = precoder.solve(p);
        RateEvaluator.checkShapes(p, s.precoders());
        assertEquals(0.0, RateEvaluator.powerUse(p, s.precoders())[1], 0.0);
        assertBudgetsMetWithEquality(p, s);
        assertTrue(s.wsrNat() > 0);
    }

    /** Channels of {@code base} with BS 1 resized to 3 antennas (heterogeneous M_k). */
    private static ZMatrixRMaj[][] idleChannels(Problem base) {
        ZMatrixRMaj[][] h = new ZMatrixRMaj[base.numUe()][2];
        for (int i = 0; i < base.numUe(); i++) {
            h[i][0] = base.channel(i, 0).copy();
            h[i][1] = new ZMatrixRMaj(base.ueAntennas(i), 3);
            for (int r = 0; r < base.ueAntennas(i); r++) {
                for (int c = 0; c < 3; c++) {
                    h[i][1].set(r, c, base.channel(i, 1).getReal(r, c), base.channel(i, 1).getImag(r, c));
                }
            }
        }
        return h;
    }
}
