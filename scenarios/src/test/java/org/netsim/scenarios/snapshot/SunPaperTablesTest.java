package org.netsim.scenarios.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.netsim.precoding.PrecoderOptions;
import org.netsim.precoding.Problem;
import org.netsim.precoding.classic.ScalarWmmsePrecoder;
import org.netsim.radio.random.RandomStreams;

/**
 * End-to-end check of the Sun et al. scenarios and of {@code wmmse-scalar} against the average WMMSE sum rates
 * printed in "Learning to Optimize: Training Deep Neural Networks for Wireless Resource Management", Table I
 * (Gaussian IC) and Table II (IMAC), which average 10,000 samples from full-power initialisation (at most 500
 * iterations).
 *
 * <p>Tolerance: 5 standard errors of our Monte-Carlo mean (estimated from the samples) plus an allowance relative
 * to the printed value. Gaussian IC: 2% for the unstated P_max = sigma^2 = 1 and the stopping rule (we stop at a
 * relative change of 1e-6 or 500 iterations); measured 2.814 vs 2.817 (K = 10) and 3.594 vs 3.654 (K = 20).
 * IMAC: our means are 4-7% above the printed ones (measured 19.19 vs 18.03 for (3, 12), 23.77 vs 22.65 for
 * (3, 24), 36.83 vs 35.45 for (7, 28)); an independent NumPy replica of our generator gives the same values, and
 * r = 20 m (the authors' code example) gives 17.39 for (3, 12), so the gap comes from generator details the paper
 * does not print (user distribution, inner radius, how L enters). The IMAC allowance is therefore 8%: the test
 * guards against regressions and gross errors (a wrong path-loss exponent or a missing shadowing term moves the
 * mean by more than 8%), not against that unexplained offset.
 */
@Tag("slow")
class SunPaperTablesTest {

    /** Allowance for unstated details of the Gaussian IC setup, relative to the printed mean. */
    private static final double IC_UNSTATED_SETUP_RELATIVE = 0.02;
    /** Allowance for the unexplained IMAC offset (see the class comment), relative to the printed mean. */
    private static final double IMAC_UNSTATED_SETUP_RELATIVE = 0.08;

    @ParameterizedTest(name = "{0}: {1} bit/s/Hz")
    @CsvSource({"sun-ic-10, 2.817, 2000", "sun-ic-20, 3.654, 500", "sun-imac-3-12, 18.028, 1000",
            "sun-imac-3-24, 22.648, 500", "sun-imac-7-28, 35.453, 300"})
    void averageWmmseSumRateMatchesThePaper(String scenario, double paperBits, int samples) {
        SnapshotScenario s = SnapshotCatalog.get(scenario);
        ScalarWmmsePrecoder wmmse = new ScalarWmmsePrecoder(
                PrecoderOptions.defaults().withMaxIterations(500).withTolerance(1e-6));
        RandomStreams streams = new RandomStreams(20_170_101L).child(scenario);
        double sum = 0;
        double sumSq = 0;
        for (int t = 0; t < samples; t++) {
            Problem p = s.sample(streams.stream("sample/" + t));
            double bits = wmmse.solve(p).wsrBit();
            sum += bits;
            sumSq += bits * bits;
        }
        double mean = sum / samples;
        double se = Math.sqrt((sumSq / samples - mean * mean) / (samples - 1));
        System.out.printf("%s: mean WMMSE sum rate %.3f bit/s/Hz (SE %.3f) vs paper %.3f%n", scenario, mean, se,
                paperBits);
        double allowance = scenario.startsWith("sun-imac") ? IMAC_UNSTATED_SETUP_RELATIVE : IC_UNSTATED_SETUP_RELATIVE;
        assertEquals(paperBits, mean, 5 * se + allowance * paperBits);
    }
}
