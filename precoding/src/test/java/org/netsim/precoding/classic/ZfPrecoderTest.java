package org.netsim.precoding.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.netsim.precoding.classic.MrtPrecoderTest.assertBudgetsMetWithEquality;

import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.netsim.precoding.Precoder;
import org.netsim.precoding.PrecoderContractTest;
import org.netsim.precoding.Problem;
import org.netsim.precoding.Solution;
import org.netsim.precoding.TestProblems;
import org.netsim.precoding.linalg.ComplexOps;
import org.netsim.precoding.linalg.ComplexSvd;

class ZfPrecoderTest extends PrecoderContractTest {

    /**
     * Residual interference relative to ||H_i||_F ||V_j||_F: the pseudo-inverse is accurate to about
     * eps cond(G); i.i.d. Gaussian 6 x 8 stacks have cond(G) &lt; 1e3 on these seeds, so 1e-10 is comfortable.
     */
    static final double NULLING = 1e-10;

    @Override
    protected Precoder precoder() {
        return new ZfPrecoder();
    }

    /** Sionna-style: with D_k &lt;= M_k and d_i = N_i, H_i V_j = 0 for i != j in the same cell. */
    @Test
    void nullsIntraCellInterferenceWhenTheBsHasEnoughAntennas() {
        for (long seed = 0; seed < 10; seed++) {
            Problem p = TestProblems.uniform(seed, 2, 3, 8, 2, 2, 1.0, 0.1, 0.5);
            Solution s = precoder().solve(p);
            for (int i = 0; i < p.numUe(); i++) {
                for (int j = 0; j < p.numUe(); j++) {
                    int k = p.servingBs(j);
                    if (i == j || p.servingBs(i) != k) {
                        continue;
                    }
                    ZMatrixRMaj hv = new ZMatrixRMaj(2, 2);
                    ComplexOps.mult(p.channel(i, k), s.precoder(j), hv);
                    double scale = ComplexOps.frobenius(p.channel(i, k)) * ComplexOps.frobenius(s.precoder(j));
                    assertTrue(ComplexOps.frobenius(hv) <= NULLING * scale,
                            "seed " + seed + ": ||H_" + i + " V_" + j + "|| = " + ComplexOps.frobenius(hv));
                }
            }
            assertBudgetsMetWithEquality(p, s);
        }
    }

    /** d_i &lt; N_i: the effective channels G_i = U_i,d^H H_ik are inverted, G_i V_j = c_k delta_ij I. */
    @Test
    void invertsTheEffectiveChannelsWithFewerStreamsThanAntennas() {
        for (long seed = 0; seed < 10; seed++) {
            Problem p = TestProblems.uniform(seed, 1, 3, 7, 3, 2, 1.0, 0.1, 1.0);
            Solution s = precoder().solve(p);
            double c = Double.NaN;
            for (int i = 0; i < 3; i++) {
                ZMatrixRMaj g = effectiveChannel(p, i);
                for (int j = 0; j < 3; j++) {
                    ZMatrixRMaj gv = new ZMatrixRMaj(2, 2);
                    ComplexOps.mult(g, s.precoder(j), gv);
                    if (Double.isNaN(c)) {
                        c = gv.getReal(0, 0);
                    }
                    double scale = ComplexOps.frobenius(g) * ComplexOps.frobenius(s.precoder(j));
                    for (int a = 0; a < 2; a++) {
                        for (int b = 0; b < 2; b++) {
                            double expected = i == j && a == b ? c : 0.0;
                            assertEquals(expected, gv.getReal(a, b), NULLING * scale, "G_" + i + " V_" + j);
                            assertEquals(0.0, gv.getImag(a, b), NULLING * scale, "G_" + i + " V_" + j);
                        }
                    }
                }
            }
            assertTrue(c > 0);
        }
    }

    /**
     * Single-antenna UEs, one BS: V = c H^+, c^2 = P / tr((H H^H)^{-1}), and every UE sees no interference, so
     * R_i = log(1 + c^2 / sigma_i^2) (closed form with an independent inverse).
     */
    @Test
    void singleAntennaRatesAreTheClosedForm() {
        Problem p = TestProblems.uniform(5, 1, 3, 5, 1, 1, 2.0, 0.2, 1.0);
        ZMatrixRMaj h = new ZMatrixRMaj(3, 5);
        for (int i = 0; i < 3; i++) {
            System.arraycopy(p.channel(i, 0).data, 0, h.data, 10 * i, 10);
        }
        ZMatrixRMaj gram = new ZMatrixRMaj(3, 3);
        ComplexOps.multABh(h, h, gram);
        double c2 = 2.0 / ComplexOps.traceReal(ComplexOps.invert(gram));
        assertEquals(3 * Math.log(1 + c2 / 0.2), precoder().solve(p).wsrNat(), MrtPrecoderTest.CLOSED_FORM);
    }

    @Test
    void bsWithoutUesTransmitsNothing() {
        MrtPrecoderTest.assertIdleBsTransmitsNothing(precoder());
    }

    /** G_i = U_i,d^H H_i0 from an SVD, recomputed here. */
    static ZMatrixRMaj effectiveChannel(Problem p, int i) {
        ZMatrixRMaj h = p.channel(i, 0);
        ZMatrixRMaj u = ComplexSvd.decompose(h).u();
        int d = p.streams(i);
        ZMatrixRMaj ud = new ZMatrixRMaj(h.numRows, d);
        for (int r = 0; r < h.numRows; r++) {
            for (int c = 0; c < d; c++) {
                ud.set(r, c, u.getReal(r, c), u.getImag(r, c));
            }
        }
        ZMatrixRMaj g = new ZMatrixRMaj(d, h.numCols);
        ComplexOps.multAhB(ud, h, g);
        return g;
    }
}
