package org.netsim.precoding.learned.uwmmse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.netsim.precoding.Init;
import org.netsim.precoding.PrecoderOptions;
import org.netsim.precoding.Problem;
import org.netsim.precoding.RateEvaluator;
import org.netsim.precoding.Solution;
import org.netsim.precoding.TestProblems;
import org.netsim.precoding.classic.ScalarWmmsePrecoder;
import org.netsim.precoding.learned.ModelCard;

/** The Java executor, weights, model files and precoder options of UWMMSE (no deep-learning engine needed). */
class UwmmseExecutorTest {

    /** Same algebra in another arrangement (scale-free variables, T / I instead of 1 / (1 - u h v)). */
    private static final double WMMSE_AGREEMENT = 1e-9;

    /** a = 1, b = 0: UWMMSE is scalar WMMSE truncated to L iterations from full power (the classic precoder). */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4, 7})
    void identityMapsGiveTruncatedScalarWmmse(int layers) {
        for (int seed = 0; seed < 6; seed++) {
            Problem p = TestProblems.sisoPairs(seed, 2 + seed);
            Solution uw = new UwmmsePrecoder(UwmmseWeights.wmmse(layers, 4)).solve(p, Init.mrc());
            Solution ref = new ScalarWmmsePrecoder(PrecoderOptions.defaults().withMaxIterations(layers)
                    .withTolerance(0)).solve(p, Init.mrc());
            for (int i = 0; i < p.numUe(); i++) {
                double expected = Math.hypot(ref.precoder(i).data[0], ref.precoder(i).data[1]);
                assertEquals(expected, uw.precoder(i).data[0], WMMSE_AGREEMENT * Math.max(1, expected));
            }
            assertEquals(ref.wsrNat(), uw.wsrNat(), WMMSE_AGREEMENT * Math.abs(ref.wsrNat()));
        }
    }

    /** The executor's own sum rate is the project's rate evaluator's. */
    @Test
    void sumRateMatchesTheRateEvaluator() {
        UwmmseWeights w = UwmmseWeights.initial(3, 4, 0.7, 3);
        for (int seed = 0; seed < 5; seed++) {
            Problem p = TestProblems.sisoPairs(10 + seed, 5);
            UwmmseExecutor.Channels ch = UwmmseExecutor.channels(p);
            double mine = UwmmseExecutor.sumRateNat(ch, UwmmseExecutor.run(w, ch));
            double theirs = RateEvaluator.wsrNat(p, UwmmseExecutor.precoders(w, p));
            assertEquals(theirs, mine, 1e-10 * Math.abs(theirs));
        }
    }

    /** Power in [0, P] and 1 x 1 precoders for random weights over random sizes. */
    @Test
    void powerStaysInTheBudget() {
        for (int seed = 0; seed < 20; seed++) {
            UwmmseWeights w = UwmmseWeights.initial(1 + seed % 5, 1 + seed % 4, 2.0, seed);
            Problem p = TestProblems.sisoPairs(100 + seed, 1 + seed % 9);
            var v = UwmmseExecutor.precoders(w, p);
            assertEquals(p.numUe(), v.length);
            for (int i = 0; i < v.length; i++) {
                assertEquals(1, v[i].numRows);
                assertEquals(1, v[i].numCols);
                double power = v[i].data[0] * v[i].data[0] + v[i].data[1] * v[i].data[1];
                assertTrue(power >= 0 && power <= p.bsPowerW(i) * (1 + 1e-12), "power " + power);
                assertTrue(Double.isFinite(v[i].data[0]));
            }
        }
    }

    /** Relabelling the pairs by a permutation pi permutes the output by pi. */
    @Test
    void permutationEquivariant() {
        UwmmseWeights w = UwmmseWeights.initial(4, 4, 0.8, 5);
        Problem p = TestProblems.sisoPairs(7, 6);
        int[] pi = {3, 0, 5, 1, 4, 2};
        Problem q = permute(p, pi);
        double[] vp = amplitudes(UwmmseExecutor.precoders(w, p));
        double[] vq = amplitudes(UwmmseExecutor.precoders(w, q));
        for (int n = 0; n < pi.length; n++) {
            assertEquals(vp[pi[n]], vq[n], 1e-12 * Math.max(1, vp[pi[n]]));
        }
    }

    static Problem permute(Problem p, int[] pi) {
        int k = pi.length;
        var h = new org.ejml.data.ZMatrixRMaj[k][k];
        double[] power = new double[k];
        double[] noise = new double[k];
        double[] weights = new double[k];
        int[] ones = new int[k];
        int[] serving = new int[k];
        for (int n = 0; n < k; n++) {
            for (int m = 0; m < k; m++) {
                h[n][m] = p.channel(pi[n], pi[m]).copy();
            }
            power[n] = p.bsPowerW(pi[n]);
            noise[n] = p.noisePowerW(pi[n]);
            weights[n] = p.weight(pi[n]);
            ones[n] = 1;
            serving[n] = n;
        }
        return Problem.builder().bsAntennas(ones).bsPowerW(power).ueAntennas(ones).streams(ones).noisePowerW(noise)
                .weights(weights).servingBs(serving).channels(h).build();
    }

    static double[] amplitudes(org.ejml.data.ZMatrixRMaj[] v) {
        double[] a = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            a[i] = v[i].data[0];
        }
        return a;
    }

    @Test
    void nonSisoProblemsAreRejectedInOneLine() {
        UwmmsePrecoder pre = new UwmmsePrecoder(UwmmseWeights.wmmse(4, 4));
        Problem mimo = TestProblems.uniform(1, 2, 1, 2, 1, 1, 1.0, 0.1, 0.3);
        var e = assertThrows(IllegalArgumentException.class, () -> pre.solve(mimo, Init.mrc()));
        assertTrue(e.getMessage().contains("SISO") && e.getMessage().contains("bsAntennas[0]"), e.getMessage());
        Problem twoUes = TestProblems.uniform(1, 2, 2, 1, 1, 1, 1.0, 0.1, 0.3);
        e = assertThrows(IllegalArgumentException.class, () -> pre.solve(twoUes, Init.mrc()));
        assertTrue(e.getMessage().contains("K = I"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"));
    }

    static ModelCard card(String problemClass) {
        return new ModelCard(ModelCard.FORMAT_VERSION, UwmmseExecutor.NAME, "test", Map.of("problem", problemClass),
                Map.of(), new ModelCard.Training("uwmmse-pairs-20", "test", 0, 1, 1, "none", 0.0, "cpu"), Map.of(),
                "test", Map.of(), null);
    }

    @Test
    void saveLoadIsTheIdentityAndTheCardIsChecked(@TempDir Path dir) throws IOException {
        UwmmseWeights w = UwmmseWeights.initial(4, 4, 0.3, 9);
        UwmmseModel.Encoded enc = UwmmseModel.encode(w, card(UwmmseModel.PROBLEM_CLASS));
        Files.write(dir.resolve(UwmmseModel.PARAMETERS_FILE), enc.parameters());
        Files.write(dir.resolve(UwmmseModel.CARD_FILE), enc.cardJson());
        UwmmseModel back = UwmmseModel.read(dir);
        for (String name : UwmmseWeights.names(4)) {
            assertArrayEquals(w.get(name), back.weights().get(name), 0.0, name);
        }
        Problem p = TestProblems.sisoPairs(3, 5);
        UwmmsePrecoder fromDir = new UwmmsePrecoder(PrecoderOptions.defaults().with("model", dir.toString()));
        assertEquals(new UwmmsePrecoder(w).solve(p, Init.mrc()).wsrNat(), fromDir.solve(p, Init.mrc()).wsrNat(),
                0.0);

        var e = assertThrows(IllegalArgumentException.class,
                () -> UwmmseModel.encode(w, card("mimo")));
        assertTrue(e.getMessage().contains("siso-pairs"), e.getMessage());
        Files.write(dir.resolve(UwmmseModel.PARAMETERS_FILE), "{}".getBytes());
        e = assertThrows(IllegalArgumentException.class, () -> UwmmseModel.read(dir));
        assertTrue(e.getMessage().contains("SHA-256"), e.getMessage());
    }

    @Test
    void optionsAreValidated() {
        UwmmsePrecoder p = new UwmmsePrecoder(PrecoderOptions.defaults().with("weights", "wmmse").with("layers", "7"));
        assertEquals(7, p.weights().layers());
        var e = assertThrows(IllegalArgumentException.class,
                () -> new UwmmsePrecoder(PrecoderOptions.defaults().with("weights", "magic")));
        assertTrue(e.getMessage().contains("weights"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new UwmmsePrecoder(PrecoderOptions.defaults().with("layers", "3")));
        assertTrue(e.getMessage().contains("layers"), e.getMessage());
        if (!UwmmseModel.shippedAvailable()) {
            e = assertThrows(IllegalArgumentException.class, () -> new UwmmsePrecoder(PrecoderOptions.defaults()));
            assertTrue(e.getMessage().contains("model"), e.getMessage());
        }
    }
}
