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
     * Q~_i^H V_i = c_k I, real and positive with the same c_k on every stream of the cell (Q~ from
     * {@link ComplexSvd}, whose modes and phases {@link org.netsim.precoding.linalg.DominantModes} takes over).
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
                            c = qv.getReal(0, 0);
                        }
                        double tol = NULLING * ComplexOps.frobenius(q) * ComplexOps.frobenius(s.precoder(i));
                        for (int a = 0; a < 2; a++) {
                            for (int b = 0; b < 2; b++) {
                                double expected = i == j && a == b ? c : 0.0;
                                String what = "Q~_" + j + "^H V_" + i + " (" + a + "," + b + ")";
                                assertEquals(expected, qv.getReal(a, b), tol, what + ", real part");
                                assertEquals(0.0, qv.getImag(a, b), tol, what + ", imaginary part");
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
     * A UE whose second mode is 1e-9 of its first (s_2^2 / s_1^2 = 1e-18, below what the Gram matrix H H^H
     * resolves) still gets that eigenmode: V = sqrt(P / 2) [v_1 v_2], so V^H V = (P / 2) I and V's columns are the
     * channel's right singular vectors. The direction of v_2 is accurate to about eps ||H|| / s_2 = 1e-7; 1e-5 is
     * allowed.
     */
    @Test
    void keepsModesFarWeakerThanTheStrongest() {
        Problem base = TestProblems.uniform(10, 1, 1, 8, 2, 2, 2.0, 0.1, 1.0);
        ComplexSvd svd = ComplexSvd.decompose(base.channel(0, 0));
        ZMatrixRMaj u = svd.u(); // [2 x 2]
        ZMatrixRMaj v = svd.v(); // [8 x 2]
        double[] s = {1.0, 1e-9};
        ZMatrixRMaj us = u.copy();
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 2; c++) {
                us.set(r, c, s[c] * u.getReal(r, c), s[c] * u.getImag(r, c));
            }
        }
        ZMatrixRMaj h = new ZMatrixRMaj(2, 8);
        ComplexOps.multABh(us, v, h); // U diag(1, 1e-9) V^H
        Problem p = base.toBuilder().channels(new ZMatrixRMaj[][] {{h}}).build();
        Solution sol = precoder().solve(p);
        ZMatrixRMaj vv = new ZMatrixRMaj(2, 2);
        ComplexOps.multAhB(sol.precoder(0), sol.precoder(0), vv);
        ZMatrixRMaj overlap = new ZMatrixRMaj(2, 2);
        ComplexOps.multAhB(v, sol.precoder(0), overlap); // sqrt(P / 2) diag(unit phases)
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 2; b++) {
                assertEquals(a == b ? 1.0 : 0.0, vv.getReal(a, b), MrtPrecoderTest.CLOSED_FORM, "V^H V");
                double expected = a == b ? 1.0 : 0.0;
                assertEquals(expected, Math.hypot(overlap.getReal(a, b), overlap.getImag(a, b)), 1e-5,
                        "|v_" + a + "^H V_" + b + "|");
            }
        }
    }

    /**
     * With d_i &lt; N_i, ZF works on U_i,d^H H_ik = Sigma_i,d Q~_i^H with the same modes and phases
     * ({@link org.netsim.precoding.linalg.DominantModes}), so every EZF column is a positive multiple of the ZF
     * column of the same stream (&lt;a, b&gt; = ||a|| ||b||, real): the two differ only in the power split. To
     * 1e-8: the cosine is computed from the two pseudo-inverses, each accurate to eps cond &lt; 1e-12.
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
                        double[] cos = cosine(ezf.precoder(i), zf.precoder(i), c);
                        assertEquals(1.0, cos[0], 1e-8, "seed " + seed + " UE " + i + " stream " + c + ", real");
                        assertEquals(0.0, cos[1], 1e-8, "seed " + seed + " UE " + i + " stream " + c + ", imag");
                    }
                }
            }
        }
    }

    /** @return a_c^H b_c / (||a_c|| ||b_c||) for column c, as {real, imaginary} */
    private static double[] cosine(ZMatrixRMaj a, ZMatrixRMaj b, int c) {
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
        double n = Math.sqrt(na * nb);
        return new double[] {re / n, im / n};
    }

    @Test
    void bsWithoutUesTransmitsNothing() {
        MrtPrecoderTest.assertIdleBsTransmitsNothing(precoder());
    }
}
