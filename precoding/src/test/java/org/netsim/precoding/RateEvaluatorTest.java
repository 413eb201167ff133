package org.netsim.precoding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_ZDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.junit.jupiter.api.Test;
import org.netsim.precoding.linalg.ComplexOps;
import org.netsim.precoding.linalg.HermitianEigen;

/**
 * {@link RateEvaluator}: closed forms (a single MIMO link, two SISO links by hand), an independent evaluation
 * R_i = log det(I + S_i^H Z_i^{-1} S_i) through an LU solve and eigenvalues (Sylvester's determinant identity, no
 * Cholesky), invariance of every rate under a unitary rotation of a UE's receive space and of a stream basis,
 * weights, power use and input validation.
 *
 * <p>Tolerance {@value #RATE_TOLERANCE} nat, absolute: two evaluations of log det of an N x N matrix (N &lt;= 6
 * here) whose condition number is at most about signal / noise &lt;= 1e4 differ by at most N eps kappa, about
 * 1e-11; the margin covers the sum over UEs.
 */
class RateEvaluatorTest {

    static final double RATE_TOLERANCE = 1e-10;

    /** @return a random d x d unitary (Q factor of a complex Gaussian; EJML QR, independent of the facade) */
    private static ZMatrixRMaj unitary(SplittableRandom rng, int d) {
        QRDecomposition<ZMatrixRMaj> qr = DecompositionFactory_ZDRM.qr(d, d);
        assertTrue(qr.decompose(TestProblems.complexGaussian(rng, d, d, 1.0)));
        return qr.getQ(null, false);
    }

    private static ZMatrixRMaj[] randomPrecoders(Problem p, SplittableRandom rng) {
        ZMatrixRMaj[] v = new ZMatrixRMaj[p.numUe()];
        for (int i = 0; i < v.length; i++) {
            v[i] = TestProblems.complexGaussian(rng, p.bsAntennas(p.servingBs(i)), p.streams(i), 0.3);
        }
        return v;
    }

    private static ZMatrixRMaj mult(ZMatrixRMaj a, ZMatrixRMaj b) {
        ZMatrixRMaj c = new ZMatrixRMaj(a.numRows, b.numCols);
        ComplexOps.mult(a, b, c);
        return c;
    }

    /** log det(I + X) of a Hermitian positive semidefinite X from its eigenvalues. */
    private static double logDetIPlus(ZMatrixRMaj x) {
        double s = 0;
        for (double lambda : HermitianEigen.eigenvalues(x)) {
            s += Math.log1p(lambda);
        }
        return s;
    }

    /** R_i = log det(I_d + S^H Z^{-1} S), S = H_ik V_i, Z = sigma^2 I + interference; LU solve, eigenvalues. */
    private static double independentRate(Problem p, ZMatrixRMaj[] v, int i) {
        int n = p.ueAntennas(i);
        ZMatrixRMaj z = ComplexOps.identity(n);
        ComplexOps.scale(p.noisePowerW(i), z);
        for (int j = 0; j < p.numUe(); j++) {
            if (j != i) {
                ZMatrixRMaj g = mult(p.channel(i, p.servingBs(j)), v[j]); // [N_i x d_j]
                ZMatrixRMaj ggh = new ZMatrixRMaj(n, n);
                ComplexOps.multABh(g, g, ggh);
                for (int e = 0; e < ggh.getDataLength(); e++) {
                    z.data[e] += ggh.data[e];
                }
            }
        }
        ZMatrixRMaj s = mult(p.servingChannel(i), v[i]); // [N_i x d_i]
        ZMatrixRMaj zInvS = new ZMatrixRMaj(n, s.numCols);
        ComplexOps.luSolve(z, s, zInvS);
        ZMatrixRMaj x = new ZMatrixRMaj(s.numCols, s.numCols);
        ComplexOps.multAhB(s, zInvS, x); // [d_i x d_i]
        return logDetIPlus(x);
    }

    @Test
    void singleMimoLinkClosedForm() {
        SplittableRandom rng = new SplittableRandom(51);
        for (int[] shape : new int[][] {{4, 2, 2}, {3, 3, 1}, {1, 4, 1}, {6, 5, 3}}) {
            int m = shape[0];
            int n = shape[1];
            int d = shape[2];
            double noise = 0.2;
            ZMatrixRMaj h = TestProblems.complexGaussian(rng, n, m, 1.0);
            Problem p = Problem.builder().bsAntennas(m).bsPowerW(10).ueAntennas(n).streams(d).noisePowerW(noise)
                    .servingBs(0).channels(new ZMatrixRMaj[][] {{h}}).build();
            ZMatrixRMaj v = TestProblems.complexGaussian(rng, m, d, 1.0);
            // R = log det(I + H V V^H H^H / sigma^2) = sum_j log(1 + lambda_j(H V V^H H^H) / sigma^2)
            ZMatrixRMaj hv = mult(h, v);
            ZMatrixRMaj cov = new ZMatrixRMaj(n, n);
            ComplexOps.multABh(hv, hv, cov);
            ComplexOps.scale(1 / noise, cov);
            double expected = logDetIPlus(cov);
            RateReport r = RateEvaluator.evaluate(p, new ZMatrixRMaj[] {v});
            assertEquals(expected, r.ueRateNat()[0], RATE_TOLERANCE, "single link " + m + "x" + n + ", d = " + d);
            assertEquals(expected, r.wsrNat(), RATE_TOLERANCE);
            assertEquals(r.wsrNat() / Math.log(2), r.wsrBit(), 1e-15 * Math.abs(r.wsrNat()));
            assertEquals(ComplexOps.frobeniusSquared(v), r.bsPowerW()[0], 0.0);
        }
    }

    @Test
    void twoSisoLinksByHand() {
        // H[i][k] is the coefficient from BS k to UE i; UE i served by BS i
        ZMatrixRMaj[][] h = new ZMatrixRMaj[2][2];
        h[0][0] = scalar(1, 1); // |h|^2 = 2
        h[0][1] = scalar(0.5, 0); // 0.25
        h[1][0] = scalar(0, -0.3); // 0.09
        h[1][1] = scalar(2, 0); // 4
        Problem p = Problem.builder().bsAntennas(1, 1).bsPowerW(1, 1).ueAntennas(1, 1).noisePowerW(0.1, 0.2)
                .weights(1.5, 0.5).servingBs(0, 1).channels(h).build();
        ZMatrixRMaj[] v = {scalar(0.6, 0.8), scalar(0, 0.5)}; // p_1 = 1, p_2 = 0.25
        double r0 = Math.log(1 + 2 * 1.0 / (0.1 + 0.25 * 0.25));
        double r1 = Math.log(1 + 4 * 0.25 / (0.2 + 0.09 * 1.0));
        RateReport r = RateEvaluator.evaluate(p, v);
        assertEquals(r0, r.ueRateNat()[0], RATE_TOLERANCE);
        assertEquals(r1, r.ueRateNat()[1], RATE_TOLERANCE);
        assertEquals(1.5 * r0 + 0.5 * r1, r.wsrNat(), RATE_TOLERANCE);
        assertEquals(1.5 * r0 + 0.5 * r1, RateEvaluator.wsrNat(p, v), RATE_TOLERANCE);
        assertArrayEquals(new double[] {1.0, 0.25}, r.bsPowerW(), 1e-15);
    }

    private static ZMatrixRMaj scalar(double re, double im) {
        ZMatrixRMaj x = new ZMatrixRMaj(1, 1);
        x.set(0, 0, re, im);
        return x;
    }

    @Test
    void agreesWithAnIndependentEvaluationOnRandomMulticellProblems() {
        SplittableRandom rng = new SplittableRandom(52);
        for (Problem p : TestProblems.randomList(500, 30, 3, 6, 6, 4)) {
            ZMatrixRMaj[] v = randomPrecoders(p, rng);
            ZMatrixRMaj[][] channelsBefore = TestProblems.copyChannels(p);
            ZMatrixRMaj[] vBefore = new ZMatrixRMaj[v.length];
            for (int i = 0; i < v.length; i++) {
                vBefore[i] = v[i].copy();
            }
            RateReport r = RateEvaluator.evaluate(p, v);
            double wsr = 0;
            for (int i = 0; i < p.numUe(); i++) {
                double expected = independentRate(p, v, i);
                assertEquals(expected, r.ueRateNat()[i], RATE_TOLERANCE, p + ": UE " + i);
                assertTrue(r.ueRateNat()[i] >= 0, "rates are non-negative");
                wsr += p.weight(i) * expected;
            }
            assertEquals(wsr, r.wsrNat(), RATE_TOLERANCE * p.numUe(), p + ": weighted sum");
            for (int i = 0; i < v.length; i++) {
                assertArrayEquals(vBefore[i].data, v[i].data, 0.0, "precoder " + i + " modified");
                for (int k = 0; k < p.numBs(); k++) {
                    assertArrayEquals(channelsBefore[i][k].data, p.channel(i, k).data, 0.0, "channel modified");
                }
            }
        }
    }

    @Test
    void ratesAreInvariantUnderUnitaryRotationOfAReceiveSpace() {
        SplittableRandom rng = new SplittableRandom(53);
        for (Problem p : TestProblems.randomList(600, 10, 3, 6, 5, 4)) {
            ZMatrixRMaj[] v = randomPrecoders(p, rng);
            double[] rates = RateEvaluator.evaluate(p, v).ueRateNat();
            int i = rng.nextInt(p.numUe());
            ZMatrixRMaj q = unitary(rng, p.ueAntennas(i)); // [N_i x N_i]
            ZMatrixRMaj[][] h = TestProblems.copyChannels(p);
            for (int k = 0; k < p.numBs(); k++) {
                h[i][k] = mult(q, h[i][k]); // H_ik -> Q H_ik for every BS k
            }
            Problem rotated = p.toBuilder().channels(h).build();
            double[] rotatedRates = RateEvaluator.evaluate(rotated, v).ueRateNat();
            assertArrayEquals(rates, rotatedRates, RATE_TOLERANCE, p + ": rotation of UE " + i);
        }
    }

    @Test
    void ratesAreInvariantUnderAUnitaryChangeOfStreamBasis() {
        SplittableRandom rng = new SplittableRandom(54);
        for (Problem p : TestProblems.randomList(700, 10, 3, 6, 5, 4)) {
            ZMatrixRMaj[] v = randomPrecoders(p, rng);
            double[] rates = RateEvaluator.evaluate(p, v).ueRateNat();
            double[] power = RateEvaluator.powerUse(p, v);
            int i = rng.nextInt(p.numUe());
            ZMatrixRMaj[] w = v.clone();
            w[i] = mult(v[i], unitary(rng, p.streams(i))); // V_i -> V_i Q, Q unitary d_i x d_i
            assertArrayEquals(rates, RateEvaluator.evaluate(p, w).ueRateNat(), RATE_TOLERANCE,
                    p + ": stream basis of UE " + i);
            assertArrayEquals(power, RateEvaluator.powerUse(p, w), 1e-12, "power is unitarily invariant too");
        }
    }

    @Test
    void weightsScaleOnlyTheWeightedSum() {
        SplittableRandom rng = new SplittableRandom(55);
        Problem p = TestProblems.random(56, 3, 6, 4, 3);
        ZMatrixRMaj[] v = randomPrecoders(p, rng);
        double[] w = new double[p.numUe()];
        for (int i = 0; i < w.length; i++) {
            w[i] = 0.25 + i;
        }
        Problem weighted = p.toBuilder().weights(w).build();
        RateReport a = RateEvaluator.evaluate(p, v);
        RateReport b = RateEvaluator.evaluate(weighted, v);
        assertArrayEquals(a.ueRateNat(), b.ueRateNat(), 0.0, "weights do not change the rates");
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            sum += w[i] * a.ueRateNat()[i];
        }
        assertEquals(sum, b.wsrNat(), 1e-12 * Math.max(1, sum));
    }

    @Test
    void powerUseSumsEachBsPrecodersAndIsZeroForAnIdleBs() {
        int[] m = {2, 3, 1};
        int[] n = {1, 2, 1};
        SplittableRandom rng = new SplittableRandom(57);
        ZMatrixRMaj[][] h = new ZMatrixRMaj[3][3];
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 3; k++) {
                h[i][k] = TestProblems.complexGaussian(rng, n[i], m[k], 1.0);
            }
        }
        Problem p = Problem.builder().bsAntennas(m).bsPowerW(1, 1, 1).ueAntennas(n).noisePowerW(1, 1, 1)
                .servingBs(1, 0, 1).channels(h).build();
        ZMatrixRMaj[] v = {new ZMatrixRMaj(3, 1), new ZMatrixRMaj(2, 2), new ZMatrixRMaj(3, 1)};
        v[0].set(0, 0, 1, 2); // 5
        v[0].set(2, 0, 0, -1); // 1
        v[1].set(1, 1, 3, 0); // 9
        v[2].set(1, 0, 0.5, 0.5); // 0.5
        assertArrayEquals(new double[] {9, 6.5, 0}, RateEvaluator.powerUse(p, v), 0.0);
        // zero precoders: no signal, no interference, every rate zero
        ZMatrixRMaj[] zero = {new ZMatrixRMaj(3, 1), new ZMatrixRMaj(2, 2), new ZMatrixRMaj(3, 1)};
        assertArrayEquals(new double[] {0, 0, 0}, RateEvaluator.evaluate(p, zero).ueRateNat(), 0.0);
    }

    @Test
    void badPrecodersAreRejectedNamingTheUe() {
        Problem p = TestProblems.random(58, 2, 3, 4, 3);
        ZMatrixRMaj[] good = randomPrecoders(p, new SplittableRandom(59));
        IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
                () -> RateEvaluator.evaluate(p, new ZMatrixRMaj[p.numUe() + 1]));
        assertTrue(count.getMessage().contains("precoders: expected " + p.numUe()), count.getMessage());
        int i = p.numUe() - 1;
        int m = p.bsAntennas(p.servingBs(i));
        ZMatrixRMaj[][] bad = {
            replaced(good, i, null),
            replaced(good, i, new ZMatrixRMaj(m + 1, p.streams(i))),
            replaced(good, i, new ZMatrixRMaj(m, p.streams(i) + 1)),
        };
        for (ZMatrixRMaj[] v : bad) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> RateEvaluator.evaluate(p, v));
            assertTrue(e.getMessage().startsWith("precoders[" + i + "]: expected " + m + "x" + p.streams(i)),
                    e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> RateEvaluator.wsrNat(p, v));
        }
        for (double x : new double[] {Double.NaN, Double.POSITIVE_INFINITY}) {
            ZMatrixRMaj nonFinite = good[i].copy();
            nonFinite.data[nonFinite.getDataLength() - 1] = x;
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> RateEvaluator.evaluate(p, replaced(good, i, nonFinite)));
            assertTrue(e.getMessage().contains("precoders[" + i + "]") && e.getMessage().contains("non-finite"),
                    e.getMessage());
        }
        RateEvaluator.checkShapes(p, good);
    }

    private static ZMatrixRMaj[] replaced(ZMatrixRMaj[] v, int i, ZMatrixRMaj x) {
        ZMatrixRMaj[] out = v.clone();
        out[i] = x;
        return out;
    }
}
