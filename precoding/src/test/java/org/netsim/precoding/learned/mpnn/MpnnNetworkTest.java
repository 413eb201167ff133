package org.netsim.precoding.learned.mpnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netsim.precoding.Init;
import org.netsim.precoding.Problem;
import org.netsim.precoding.learned.ComplexTensor;
import org.netsim.precoding.learned.EngineAssumptions;
import org.netsim.precoding.learned.ModelCard;
import org.netsim.precoding.learned.ModelDirectories;
import org.netsim.precoding.learned.ModelFiles;

class MpnnNetworkTest {

    /**
     * DJL runs in float32, the Java executor in double on the same float32 weights: sums of up to F = 36 products
     * per layer, four layers per iteration, two iterations and the normalisations; entries of the unit-power
     * output are O(0.3), so a few hundred float ulps (1e-7 relative each) stay below 1e-4.
     */
    private static final double EXECUTOR_TOLERANCE = 1e-4;
    /** The float32 sum rate (Schur-complement log-determinants) against RateEvaluator in double: relative. */
    private static final double RATE_TOLERANCE = 1e-4;

    @BeforeEach
    void engine() {
        EngineAssumptions.assumeEngine();
    }

    @Test
    void executorsAgreeForEveryVariant() {
        for (MpnnArchitecture.Variant variant : MpnnArchitecture.Variant.values()) {
            MpnnArchitecture a = MpnnSamples.SMALL.withVariant(variant);
            List<Problem> problems = MpnnSamples.problems(a, 6, 11);
            try (MpnnNetwork net = MpnnNetwork.initialise(a, 2, Device.cpu())) {
                MpnnSamples.setRandomWeights(net, 9);
                MpnnExecutor ex = net.executor();
                double[][][] batched = net.predict(problems, Init.zf());
                MpnnNetwork.Inputs in = MpnnNetwork.inputs(a, problems, Init.zf());
                for (int s = 0; s < problems.size(); s++) {
                    int hs = a.pairChannelSize();
                    int vs = a.precoderSize();
                    double[][] single = ex.forward(slice(in.hRe(), s * hs, hs), slice(in.hIm(), s * hs, hs),
                            slice(in.vRe(), s * vs, vs), slice(in.vIm(), s * vs, vs));
                    assertArrayEquals(single[0], batched[s][0], EXECUTOR_TOLERANCE, variant + " sample " + s);
                    assertArrayEquals(single[1], batched[s][1], EXECUTOR_TOLERANCE, variant + " sample " + s);
                }
            }
        }
    }

    private static double[] slice(float[] a, int from, int n) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = a[from + i];
        }
        return d;
    }

    /** The training loss is the sum rate of problem (2): compared with the RateEvaluator on the same precoders. */
    @Test
    void sumRateOfTheNetworkIsTheRateEvaluatorsOne() {
        MpnnArchitecture a = MpnnSamples.SMALL;
        List<Problem> problems = MpnnSamples.problems(a, 5, 12);
        try (MpnnNetwork net = MpnnNetwork.initialise(a, 2, Device.cpu())) {
            MpnnSamples.setRandomWeights(net, 10);
            MpnnNetwork.Inputs in = MpnnNetwork.inputs(a, problems, Init.zf());
            float[] rates;
            double[][][] v = net.predict(problems, Init.zf());
            try (NDManager m = net.manager().newSubManager()) {
                ComplexTensor[] t = net.tensors(m, in, 0, problems.size());
                rates = MpnnNetwork.sumRateNat(t[0], net.forward(t[0], t[1])).toFloatArray();
            }
            for (int s = 0; s < problems.size(); s++) {
                Problem p = problems.get(s);
                ZMatrixRMaj[] vs = a.precoders(p, v[s][0], v[s][1]);
                double expected = MpnnScore.sumRateNat(p, vs);
                assertEquals(expected, rates[s], RATE_TOLERANCE * expected, "sample " + s);
            }
        }
    }

    @Test
    void savedModelLoadsToIdenticalWeights(@TempDir Path dir) throws IOException {
        MpnnArchitecture a = MpnnSamples.SMALL;
        Problem p = MpnnSamples.problems(a, 1, 13).get(0);
        try (MpnnNetwork net = MpnnNetwork.initialise(a, 4, Device.cpu())) {
            MpnnSamples.setRandomWeights(net, 5);
            ModelDirectories.write(dir, net.encode(MpnnSamples.card(a)));
            ModelFiles.Location loc = ModelFiles.Location.directory(dir);
            ModelCard card = ModelFiles.readCard(loc, StructuralMpnnPrecoder.NAME);
            try (MpnnNetwork back = MpnnNetwork.load(loc, card, Device.cpu())) {
                assertEquals(a, back.architecture());
                ZMatrixRMaj[] v1 = net.executor().precoders(p, Init.zf());
                ZMatrixRMaj[] v2 = back.executor().precoders(p, Init.zf());
                for (int i = 0; i < v1.length; i++) {
                    assertArrayEquals(v1[i].data, v2[i].data, 0.0, "UE " + i);
                }
            }
        }
    }

    @Test
    void cardOfAnotherArchitectureIsRejected(@TempDir Path dir) throws IOException {
        MpnnArchitecture a = MpnnSamples.SMALL;
        try (MpnnNetwork net = MpnnNetwork.initialise(a, 4, Device.cpu())) {
            MpnnArchitecture other = a.withSizes(8, 1, 1);
            assertThrows(IllegalArgumentException.class, () -> net.encode(MpnnSamples.card(other)));
            ModelFiles.Encoded enc = net.encode(MpnnSamples.card(a));
            // the parameters of a, under a card that describes N'_t = 8
            ModelFiles.Encoded forged = new ModelFiles.Encoded(enc.parameters(), MpnnSamples.card(other).toJson()
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8), MpnnSamples.card(other));
            ModelDirectories.write(dir, forged);
            ModelFiles.Location loc = ModelFiles.Location.directory(dir);
            ModelCard card = ModelFiles.readCard(loc, StructuralMpnnPrecoder.NAME);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> MpnnNetwork.load(loc, card, Device.cpu()).close());
            assertTrue(e.getMessage().contains("expansion.re") || e.getMessage().contains("does not fit"),
                    e.getMessage());
            assertTrue(e.getMessage().indexOf('\n') < 0, "one line: " + e.getMessage());
        }
    }

    /** An untrained network returns (nearly) its zero-forcing start: W_L ~ I, W_R ~ I, D ~ [I 0]. */
    @Test
    void freshNetworkStaysNearItsStart() {
        MpnnArchitecture a = MpnnSamples.SMALL;
        List<Problem> problems = MpnnSamples.problems(a, 8, 14);
        try (MpnnNetwork net = MpnnNetwork.initialise(a, 1, Device.cpu())) {
            MpnnExecutor ex = net.executor();
            for (Problem p : problems) {
                double zf = MpnnScore.sumRateNat(p, org.netsim.precoding.InitialPrecoders.create(p, Init.zf()));
                double mpnn = MpnnScore.sumRateNat(p, ex.precoders(p, Init.zf()));
                assertEquals(zf, mpnn, 0.05 * zf);
            }
        }
        assertTrue(Map.of().isEmpty());
    }
}
