package org.netsim.precoding.learned.pcgnn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ejml.data.ZMatrixRMaj;
import org.netsim.precoding.Problem;
import org.netsim.precoding.TestProblems;
import org.netsim.precoding.learned.ModelCard;

/** Test fixtures: small PCGNN architectures, problems of their sizes, cards, relabelled problems. */
final class PcgnnSamples {

    private PcgnnSamples() {
    }

    /** B = 2, U = 3, N_t = 4, N_r = 2, F = 8, two layers: seconds to train a few epochs. */
    static final PcgnnArchitecture SMALL = new PcgnnArchitecture(2, 3, 4, 2, 8, 2);

    /**
     * Problems of {@code a}'s sizes: unit-variance serving links, cross links at -6 dB, budgets in [0.5, 10] W per
     * BS and noise powers in [0.05, 1] W per UE (the input normalisation makes any of them admissible).
     */
    static List<Problem> problems(PcgnnArchitecture a, int count, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Problem> out = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            Problem p = TestProblems.uniform(rng.nextLong(), a.numBs(), a.uesPerBs(), a.bsAntennas(),
                    a.ueAntennas(), a.ueAntennas(), 1.0, 1.0, 0.25);
            double[] power = new double[a.numBs()];
            double[] noise = new double[a.numUe()];
            for (int k = 0; k < power.length; k++) {
                power[k] = 0.5 + 9.5 * rng.nextDouble();
            }
            for (int i = 0; i < noise.length; i++) {
                noise[i] = 0.05 + 0.95 * rng.nextDouble();
            }
            out.add(p.toBuilder().bsPowerW(power).noisePowerW(noise).build());
        }
        return out;
    }

    static ModelCard card(PcgnnArchitecture a) {
        return new ModelCard(ModelCard.FORMAT_VERSION, PcgnnPrecoder.NAME, a.describe(), a.hyperparameters(),
                a.dimensions(), new ModelCard.Training("test", "unit test", 1, 0, 0, "none", 0, "cpu()"),
                Map.of("input", "H sqrt(P_k) / sigma_i"), ModelCard.projectVersionOfThisBuild(), Map.of(), null);
    }

    /**
     * The problem with UE i relabelled perm[i]: UE perm[i] of the result has UE i's channels, noise, weight and
     * serving BS.
     */
    static Problem relabel(Problem p, int[] perm) {
        int n = p.numUe();
        int[] ant = new int[n];
        int[] streams = new int[n];
        double[] noise = new double[n];
        double[] weight = new double[n];
        int[] serving = new int[n];
        ZMatrixRMaj[][] h = new ZMatrixRMaj[n][p.numBs()];
        for (int i = 0; i < n; i++) {
            int j = perm[i];
            ant[j] = p.ueAntennas(i);
            streams[j] = p.streams(i);
            noise[j] = p.noisePowerW(i);
            weight[j] = p.weight(i);
            serving[j] = p.servingBs(i);
            for (int k = 0; k < p.numBs(); k++) {
                h[j][k] = p.channel(i, k).copy();
            }
        }
        int[] bsAnt = new int[p.numBs()];
        double[] power = new double[p.numBs()];
        for (int k = 0; k < p.numBs(); k++) {
            bsAnt[k] = p.bsAntennas(k);
            power[k] = p.bsPowerW(k);
        }
        return Problem.builder().bsAntennas(bsAnt).bsPowerW(power).ueAntennas(ant).streams(streams)
                .noisePowerW(noise).weights(weight).servingBs(serving).channels(h).build();
    }
}
