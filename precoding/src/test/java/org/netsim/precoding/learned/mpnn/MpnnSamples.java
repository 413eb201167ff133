package org.netsim.precoding.learned.mpnn;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.netsim.precoding.Problem;
import org.netsim.precoding.TestProblems;
import org.netsim.precoding.learned.ModelCard;

/** Test fixtures: small StructuralMPNN architectures, problems of their sizes, cards and random weights. */
final class MpnnSamples {

    private MpnnSamples() {
    }

    /** B = 2, U = 2, N_t = 4, N'_t = 6, N_r = 2, d_1 = d_2 = 1, two iterations: seconds to train a few epochs. */
    static final MpnnArchitecture SMALL = new MpnnArchitecture(2, 2, 4, 2, 6, 1, 1, 2,
            MpnnArchitecture.Variant.STRUCTURAL);

    /**
     * Problems of {@code a}'s sizes: unit-variance serving links, cross links at -6 dB, budgets in [0.5, 10] W per
     * BS and noise powers in [0.05, 1] W per UE (the input normalisation makes any of them admissible).
     */
    static List<Problem> problems(MpnnArchitecture a, int count, long seed) {
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

    static ModelCard card(MpnnArchitecture a) {
        return new ModelCard(ModelCard.FORMAT_VERSION, StructuralMpnnPrecoder.NAME, a.describe(), a.hyperparameters(),
                a.dimensions(), new ModelCard.Training("test", "unit test", 1, 0, 0, "none", 0, "cpu()"),
                Map.of("input", "H sqrt(P_k) / sigma_i"), ModelCard.projectVersionOfThisBuild(), Map.of(), null);
    }

    /**
     * Random weights for every parameter of {@code a}, N(0, 1 / (2 in)) for the layers (the heads included, so that
     * W_L and W_R are far from the identity) and D = [I 0] + CN(0, 0.01).
     */
    static Map<String, float[]> randomWeights(MpnnArchitecture a, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Map<String, float[]> w = new HashMap<>();
        for (var e : new MpnnNetwork.MpnnBlock(a).byName.entrySet()) {
            long[] shape = e.getValue().getShape().getShape();
            float[] v = new float[(int) e.getValue().getShape().size()];
            double std = shape.length == 2 ? 1.0 / Math.sqrt(2.0 * shape[1]) : 0.1;
            for (int k = 0; k < v.length; k++) {
                v[k] = (float) (std * TestProblems.gaussian(rng));
            }
            if (e.getKey().equals(MpnnNames.D_RE)) {
                for (int r = 0; r < shape[0]; r++) {
                    v[(int) (r * shape[1] + r)] += 1f;
                }
            }
            w.put(e.getKey(), v);
        }
        return w;
    }

    /** Overwrites the network's parameters with {@link #randomWeights}. */
    static void setRandomWeights(MpnnNetwork net, long seed) {
        Map<String, float[]> w = randomWeights(net.architecture(), seed);
        for (var p : net.block().getParameters()) {
            Parameter param = p.getValue();
            NDArray arr = param.getArray();
            arr.set(java.nio.FloatBuffer.wrap(w.get(param.getName())));
        }
    }
}
