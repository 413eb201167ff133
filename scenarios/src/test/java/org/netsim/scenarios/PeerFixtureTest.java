package org.netsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.netsim.precoding.Init;
import org.netsim.precoding.InitialPrecoders;
import org.netsim.precoding.Precoder;
import org.netsim.precoding.PrecoderOptions;
import org.netsim.precoding.PrecoderRegistry;
import org.netsim.precoding.Problem;
import org.netsim.precoding.RateEvaluator;
import org.netsim.scenarios.dataset.ChannelDataset;
import org.netsim.scenarios.dataset.NpzFile;

/**
 * Sample-by-sample agreement with independent implementations: the expected weighted sum rates were computed by
 * the GCN-WMMSE and DeepFP authors' own PyTorch code on channels this project never generated
 * (src/test/resources/fixtures/peer, copied from the project's shared fixtures).
 *
 * <p>Tolerances: 1e-4 relative per sample for WMMSE (the reference solves μ to convergence in float arithmetic
 * and stops its root finder at its own threshold) and 1e-5 for FastFP (closed-form steps, double precision).
 */
class PeerFixtureTest {

    private static final double WMMSE_RELATIVE_TOLERANCE = 1e-4;
    private static final double FASTFP_RELATIVE_TOLERANCE = 1e-5;

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(PeerFixtureTest.class.getResource("/fixtures/peer/" + name).toURI());
    }

    private static double[] expected(String file, String key) throws Exception {
        return NpzFile.read(fixture(file)).require(key).toFloat64Array();
    }

    private static void assertRelative(double expected, double actual, double tol, String what) {
        assertEquals(expected, actual, tol * Math.abs(expected), what);
    }

    @ParameterizedTest(name = "MRC initialisation")
    @ValueSource(strings = "wsr_mrc")
    void mrcInitialisationMatches(String key) throws Exception {
        List<Problem> problems = ChannelDataset.read(fixture("sample-peer-triangle.npz")).problems();
        double[] want = expected("sample-peer-triangle.expected.npz", key);
        for (int s = 0; s < problems.size(); s++) {
            ZMatrixRMaj[] v = InitialPrecoders.create(problems.get(s), Init.mrc());
            assertRelative(want[s], RateEvaluator.wsrNat(problems.get(s), v), 1e-9, "sample " + s);
        }
    }

    @ParameterizedTest(name = "WMMSE {0} iterations, mu solver {1}")
    @CsvSource({"1,bisection", "10,bisection", "100,bisection", "1,rational", "10,rational", "100,rational"})
    void wmmseFromMrcMatchesPeerImplementation(int iterations, String muSolver) throws Exception {
        List<Problem> problems = ChannelDataset.read(fixture("sample-peer-triangle.npz")).problems();
        double[] want = expected("sample-peer-triangle.expected.npz", "wsr_wmmse_mrc_" + iterations);
        Precoder wmmse = PrecoderRegistry.create("wmmse", PrecoderOptions.defaults().withMaxIterations(iterations)
                .withTolerance(0).with("mu-solver", muSolver));
        for (int s = 0; s < problems.size(); s++) {
            double got = wmmse.solve(problems.get(s), Init.mrc()).wsrNat();
            assertRelative(want[s], got, WMMSE_RELATIVE_TOLERANCE, "sample " + s);
        }
    }

    @ParameterizedTest(name = "FastFP from V0")
    @ValueSource(ints = 100)
    void fastFpFromGivenInitMatchesPeerImplementation(int iterations) throws Exception {
        ChannelDataset data = ChannelDataset.read(fixture("sample-peer-fastfp.npz"));
        double[] wantInit = expected("sample-peer-fastfp.expected.npz", "wsr_init");
        double[] want = expected("sample-peer-fastfp.expected.npz", "wsr_fastfp_100");
        Precoder fastfp = PrecoderRegistry.create("fastfp", PrecoderOptions.defaults().withMaxIterations(iterations)
                .withTolerance(0));
        for (int s = 0; s < data.size(); s++) {
            Problem p = data.problems().get(s);
            assertRelative(wantInit[s], RateEvaluator.wsrNat(p, data.initialPrecoders(s)), 1e-9, "init, sample " + s);
            double got = fastfp.solve(p, Init.given(data.initialPrecoders(s))).wsrNat();
            assertRelative(want[s], got, FASTFP_RELATIVE_TOLERANCE, "sample " + s);
        }
    }
}
