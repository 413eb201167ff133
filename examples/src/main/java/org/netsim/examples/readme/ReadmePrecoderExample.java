package org.netsim.examples.readme;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.ejml.data.ZMatrixRMaj;
import org.netsim.precoding.Init;
import org.netsim.precoding.Precoder;
import org.netsim.precoding.PrecoderOptions;
import org.netsim.precoding.PrecoderRegistry;
import org.netsim.precoding.Problem;
import org.netsim.precoding.RateEvaluator;
import org.netsim.precoding.RateReport;
import org.netsim.precoding.Solution;
import org.netsim.radio.random.RandomStreams;

/**
 * The README's library example, as compiled code: a problem built by hand (2 BSs of 4 antennas, 4 UEs of 2
 * antennas with 1 stream, CN(0, 1) channels), WMMSE on it, the rates read back. The lines between the README
 * markers appear verbatim in README.md (ReadmeExamplesTest checks it), so the README cannot rot.
 */
public final class ReadmePrecoderExample {

    private ReadmePrecoderExample() {
    }

    /**
     * Runs the example.
     *
     * @return the rates of the UEs, nat/s/Hz
     */
    public static RateReport run() {
        // README precoder begin
        RandomGenerator rng = new RandomStreams(7).stream("readme/channels");   // a named, seeded stream
        ZMatrixRMaj[][] h = new ZMatrixRMaj[4][2];                              // H_ik: UE i, BS k, 2 x 4
        for (int n = 0; n < 8; n++) {                                           // CN(0, 1) entries
            h[n / 2][n % 2] = new ZMatrixRMaj(2, 4);
            Arrays.setAll(h[n / 2][n % 2].data, e -> Math.sqrt(0.5) * rng.nextGaussian());
        }
        Problem problem = Problem.builder().bsAntennas(4, 4).bsPowerW(1, 1).ueAntennas(2, 2, 2, 2)
                .streams(1, 1, 1, 1).noisePowerW(0.1, 0.1, 0.1, 0.1).servingBs(0, 0, 1, 1).channels(h).build();
        Precoder wmmse = PrecoderRegistry.create("wmmse", PrecoderOptions.defaults().withMaxIterations(50));
        Solution solution = wmmse.solve(problem, Init.mrc());
        RateReport rates = RateEvaluator.evaluate(problem, solution.precoders());
        System.out.printf("WSR %.3f bit/s/Hz, UE 0: %.3f nat/s/Hz%n", solution.wsrBit(), rates.ueRateNat()[0]);
        // README precoder end
        return rates;
    }

    /**
     * Prints the example's rates.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        run();
    }
}
