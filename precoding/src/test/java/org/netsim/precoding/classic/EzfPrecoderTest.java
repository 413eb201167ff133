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

class EzfPrecoderTest extends PrecoderContractTest {

    /** Residuals relative to ||Q~_j|| ||V_i||: pseudo-inverse accuracy eps cond(Q~) with cond &lt; 1e3 here. */
    private static final double NULLING = 1e-10;

    @Override
    protected Precoder precoder() {
        return new EzfPrecoder();
    }

    /** Q~_i, the d_i dominant right singular vectors of H_ik (independent SVD call). */
    private static ZMatrixRMaj dominantRightVectors(Problem p, int i) {
        ZMatrixRMaj q = ComplexSvd.decompose(p.servingChannel(i)).v();
        int d = p.streams(i);
        ZMatrixRMaj out = new ZMatrixRMaj(q.numRows, d);
        for (int r = 0; r < q.numRows; r++) {
            for (int c = 0; c < d; c++) {
                out.set(r, c, q.getReal(r, c), q.getImag(r, c));
            }
        }
        return out;
    }

    /**
     * Eq. (41) inverts the virtual channel: Q~_j^H V_i = 0 for j != i within each cell (D_k &lt;= M_k), and
     * Q~_i^H V_i = c_k I up to the phase of each mode (the test takes Q~ from another decomposition), i.e. diagonal
     * with the same magnitude c_k on every stream of the cell.
     */
    @Test
    void invertsTheVirtualChannel() {
        for (long seed = 0; seed < 10; seed++) {
            Problem p = TestProblems.uniform(seed, 2, 3, 8, 3, 2, 1.0, 0.1, 0.5);
            Solution s = precoder().solve(p);
            for (int k = 0; k < 2; k++) {
                double c = Double.NaN;
                for (int j : p.uesOf(k)) {
                    ZMatrixRMaj q = dominantRightVectors(p, j);
                    for (int i : p.uesOf(k)) {
                        ZMatrixRMaj qv = new ZMatrixRMaj(2, 2);
                        ComplexOps.multAhB(q, s.precoder(i), qv);
                        if (Double.isNaN(c)) {
                            c = Math.hypot(qv.getReal(0, 0), qv.getImag(0, 0));
                        }
                        double tol = NULLING * ComplexOps.frobenius(q) * ComplexOps.frobenius(s.precoder(i));
                        for (int a = 0; a < 2; a++) {
                            for (int b = 0; b < 2; b++) {
                                double expected = i == j && a == b ? c : 0.0;
                                assertEquals(expected, Math.hypot(qv.getReal(a, b), qv.getImag(a, b)), tol,
                                        "|Q~_" + j + "^H V_" + i + "| (" + a + "," + b + ")");
                            }
                        }
                    }
                }
                assertTrue(c > 0);
            }
            assertBudgetsMetWithEquality(p, s);
        }
    }

    /**
     * One UE, d = N &lt;= M: Q~ has orthonormal columns, so V = sqrt(P / d) Q~ (eigenmode transmission with equal
     * power): V^H V = (P / d) I and V^H H^H H V = (P / d) diag(s_j^2).
     */
    @Test
    void singleUeTransmitsOnItsEigenmodesWithEqualPower() {
        Problem p = TestProblems.uniform(9, 1, 1, 4, 2, 2, 2.0, 0.1, 1.0);
        Solution s = precoder().solve(p);
        double[] sv = ComplexSvd.decompose(p.channel(0, 0)).singularValues();
        ZMatrixRMaj hv = new ZMatrixRMaj(2, 2);
        ComplexOps.mult(p.channel(0, 0), s.precoder(0), hv);
        ZMatrixRMaj vv = new ZMatrixRMaj(2, 2);
        ZMatrixRMaj gram = new ZMatrixRMaj(2, 2);
        ComplexOps.multAhB(s.precoder(0), s.precoder(0), vv);
        ComplexOps.multAhB(hv, hv, gram);
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 2; b++) {
                assertEquals(a == b ? 1.0 : 0.0, vv.getReal(a, b), MrtPrecoderTest.CLOSED_FORM);
                assertEquals(a == b ? sv[a] * sv[a] : 0.0, gram.getReal(a, b), MrtPrecoderTest.CLOSED_FORM);
                assertEquals(0.0, gram.getImag(a, b), MrtPrecoderTest.CLOSED_FORM);
            }
        }
    }

    /**
     * With d_i &lt; N_i, ZF works on U_i,d^H H_ik = Sigma_i,d Q~_i^H, so every EZF column is parallel to the ZF
     * column of the same stream (|&lt;a, b&gt;| = ||a|| ||b||): the two differ only in the power split. Parallelism
     * to 1e-8: the cosine is computed from the two pseudo-inverses, each accurate to eps cond &lt; 1e-12.
     */
    @Test
    void columnsAreParallelToZeroForcingColumns() {
        for (long seed = 0; seed < 10; seed++) {
            for (int d = 1; d <= 2; d++) {
                Problem p = TestProblems.uniform(seed, 2, 2, 7, 3, d, 1.0, 0.1, 0.5);
                Solution ezf = precoder().solve(p);
                Solution zf = new ZfPrecoder().solve(p);
                for (int i = 0; i < p.numUe(); i++) {
                    for (int c = 0; c < d; c++) {
                        assertEquals(1.0, cosine(ezf.precoder(i), zf.precoder(i), c), 1e-8,
                                "seed " + seed + " UE " + i + " stream " + c);
                    }
                }
            }
        }
    }

    /** @return |a_c^H b_c| / (||a_c|| ||b_c||) for column c */
    private static double cosine(ZMatrixRMaj a, ZMatrixRMaj b, int c) {
        double re = 0;
        double im = 0;
        double na = 0;
        double nb = 0;
        for (int r = 0; r < a.numRows; r++) {
            double ar = a.getReal(r, c);
            double ai = a.getImag(r, c);
            double br = b.getReal(r, c);
            double bi = b.getImag(r, c);
            re += ar * br + ai * bi;
            im += ar * bi - ai * br;
            na += ar * ar + ai * ai;
            nb += br * br + bi * bi;
        }
        return Math.hypot(re, im) / Math.sqrt(na * nb);
    }

    @Test
    void bsWithoutUesTransmitsNothing() {
        MrtPrecoderTest.assertIdleBsTransmitsNothing(precoder());
    }
}
