package org.netsim.precoding.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.netsim.precoding.classic.MrtPrecoderTest.assertBudgetsMetWithEquality;
import static org.netsim.precoding.classic.MrtPrecoderTest.relativeDistance;

import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.netsim.precoding.Init;
import org.netsim.precoding.Precoder;
import org.netsim.precoding.PrecoderContractTest;
import org.netsim.precoding.PrecoderOptions;
import org.netsim.precoding.PrecoderRegistry;
import org.netsim.precoding.Problem;
import org.netsim.precoding.Solution;
import org.netsim.precoding.TestProblems;

class RzfPrecoderTest extends PrecoderContractTest {

    /**
     * Distance to the limits, relative: G^H (G G^H + alpha I)^{-1} differs from G^+ by O(alpha / s_min^2) and from
     * G^H / alpha by O(s_max^2 / alpha); with alpha = 1e-9 resp. 1e9 and s^2 in [1e-2, 1e2] on these problems both
     * are below 1e-6, which also covers the rounding of the Cholesky solve (eps cond = 1e-16 * 1e4).
     */
    private static final double LIMIT = 1e-6;

    @Override
    protected Precoder precoder() {
        return new RzfPrecoder();
    }

    private static RzfPrecoder withRegularization(double alpha) {
        return new RzfPrecoder(PrecoderOptions.defaults().with(RzfPrecoder.OPTION_REGULARIZATION,
                Double.toString(alpha)));
    }

    /**
     * alpha -&gt; 0: RZF tends to ZF (multicell, d_i &lt; N_i and d_i = N_i, D_k &lt;= M_k), exactly: both invert the
     * same stacked effective channel ({@link org.netsim.precoding.InitialPrecoders#stackedEffectiveChannels}), so the
     * dominant modes carry the same phases.
     */
    @Test
    void tendsToZeroForcingAsAlphaVanishes() {
        for (long seed = 0; seed < 10; seed++) {
            for (int d = 1; d <= 2; d++) {
                Problem p = TestProblems.uniform(seed, 2, 3, 8, 2, d, 1.0, 0.1, 0.5);
                Solution rzf = withRegularization(1e-9).solve(p);
                Solution zf = new ZfPrecoder().solve(p);
                for (int i = 0; i < p.numUe(); i++) {
                    double distance = relativeDistance(zf.precoder(i), rzf.precoder(i));
                    assertTrue(distance <= LIMIT, "seed " + seed + ", d " + d + ", UE " + i + ": " + distance);
                }
            }
        }
    }

    /**
     * alpha -&gt; infinity: RZF tends to MRT (also with more streams than antennas, heterogeneous sizes), exactly
     * (the same effective channels, modes and phases).
     */
    @Test
    void tendsToMaximumRatioAsAlphaGrows() {
        for (Problem p : TestProblems.randomList(40, 20, 3, 6, 6, 3)) {
            Solution rzf = withRegularization(1e9).solve(p);
            Solution mrt = new MrtPrecoder().solve(p);
            for (int i = 0; i < p.numUe(); i++) {
                double distance = relativeDistance(mrt.precoder(i), rzf.precoder(i));
                assertTrue(distance <= LIMIT, p + ", UE " + i + ": " + distance);
            }
            assertBudgetsMetWithEquality(p, rzf);
        }
    }

    /** alpha_k = sum_{i in I_k} d_i sigma_i^2 / P_k, by hand, and the default uses it. */
    @Test
    void defaultRegularizationIsStreamNoiseOverBudget() {
        Problem base = TestProblems.uniform(2, 1, 2, 4, 2, 1, 2.0, 0.1, 1.0);
        Problem p = base.toBuilder().streams(1, 2).noisePowerW(0.1, 0.2).build();
        double alpha = (1 * 0.1 + 2 * 0.2) / 2.0;
        assertEquals(alpha, RzfPrecoder.defaultRegularization(p, 0), 1e-15);
        Solution byDefault = precoder().solve(p);
        Solution explicit = withRegularization(alpha).solve(p);
        for (int i = 0; i < 2; i++) {
            assertTrue(relativeDistance(explicit.precoder(i), byDefault.precoder(i)) <= 1e-14);
        }
        assertTrue(relativeDistance(new ZfPrecoder().solve(p).precoder(0), byDefault.precoder(0)) > 1e-3,
                "the default must regularize noticeably at this SNR");
    }

    /** The transmit Wiener regularization beats both limits on average (8 antennas, 6 single-antenna UEs). */
    @Test
    void beatsZeroForcingAndMaximumRatioOnAverage() {
        for (double noiseW : new double[] {1.0, 0.1, 0.01}) { // SNR 0, 10, 20 dB
            double rzf = 0;
            double zf = 0;
            double mrt = 0;
            for (long seed = 0; seed < 30; seed++) {
                Problem p = TestProblems.uniform(seed, 1, 6, 8, 1, 1, 1.0, noiseW, 1.0);
                rzf += precoder().solve(p).wsrNat();
                zf += new ZfPrecoder().solve(p).wsrNat();
                mrt += new MrtPrecoder().solve(p).wsrNat();
            }
            assertTrue(rzf > zf && rzf > mrt, "noise " + noiseW + ": rzf " + rzf + ", zf " + zf + ", mrt " + mrt);
        }
    }

    @Test
    void rejectsBadRegularizationNamingTheKey() {
        for (String bad : List.of("0", "-1", "NaN", "Infinity", "abc")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> PrecoderRegistry.create(RzfPrecoder.NAME,
                            PrecoderOptions.defaults().with(RzfPrecoder.OPTION_REGULARIZATION, bad)));
            assertTrue(e.getMessage().startsWith("precoder.regularization:"), e.getMessage());
        }
    }

    @Test
    void bsWithoutUesTransmitsNothingAndZeroBudgetGivesZeros() {
        MrtPrecoderTest.assertIdleBsTransmitsNothing(precoder());
        Problem p = TestProblems.uniform(4, 2, 2, 4, 2, 1, 1.0, 0.1, 0.5).toBuilder().bsPowerW(1.0, 0.0).build();
        Solution s = precoder().solve(p, Init.mrc());
        for (int i = 2; i < 4; i++) {
            ZMatrixRMaj v = s.precoder(i);
            assertEquals(0.0, org.netsim.precoding.linalg.ComplexOps.frobenius(v), 0.0, "UE " + i + " of BS 1");
        }
        assertTrue(s.wsrNat() > 0);
    }
}
