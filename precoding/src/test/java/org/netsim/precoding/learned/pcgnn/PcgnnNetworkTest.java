package org.netsim.precoding.learned.pcgnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netsim.precoding.Problem;
import org.netsim.precoding.RateEvaluator;
import org.netsim.precoding.TestProblems;
import org.netsim.precoding.learned.ComplexTensor;
import org.netsim.precoding.learned.EngineAssumptions;
import org.netsim.precoding.learned.ModelCard;
import org.netsim.precoding.learned.ModelDirectories;
import org.netsim.precoding.learned.ModelFiles;
import org.netsim.precoding.learned.mpnn.MpnnScore;

class PcgnnNetworkTest {

    /**
     * DJL runs in float32, the Java executor in double on the same float32 weights: per layer five affine maps
     * of at most 3F + c = 32 inputs with GELU, two layers, then the readout and the normalisation; entries of the
     * unit-power output are O(0.3), so a few hundred float ulps (1e-7 relative each) stay below 1e-4.
     */
    private static final double EXECUTOR_TOLERANCE = 1e-4;
    /** The float32 sum rate (Schur-complement log-determinants) against RateEvaluator in double: relative. */
    private static final double RATE_TOLERANCE = 1e-4;
    /**
     * Relabelling UEs changes only the order of the terms of the mean pools: double-precision rounding of sums of
     * at most six terms, far below 1e-10.
     */
    private static final double PERMUTATION_TOLERANCE = 1e-10;

    @BeforeEach
    void engine() {
        EngineAssumptions.assumeEngine();
    }

    private static double[] slice(float[] a, int from, int n) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = a[from + i];
        }
        return d;
    }

    /** The two executors over one set of weights, for several sizes (B = 1 and U = 1 exercise the empty pools). */
    @Test
    void executorsAgree() {
        List<PcgnnArchitecture> sizes = List.of(PcgnnSamples.SMALL, new PcgnnArchitecture(3, 2, 3, 1, 5, 3),
                new PcgnnArchitecture(1, 2, 4, 2, 6, 1), new PcgnnArchitecture(2, 1, 2, 2, 4, 2));
        for (PcgnnArchitecture a : sizes) {
            List<Problem> problems = PcgnnSamples.problems(a, 5, 11);
            try (PcgnnNetwork net = PcgnnNetwork.initialise(a, 2, Device.cpu())) {
                PcgnnExecutor ex = net.executor();
                double[][][] batched = net.predict(problems);
                PcgnnNetwork.Inputs in = PcgnnNetwork.inputs(a, problems);
                int hs = a.channelSize();
                for (int s = 0; s < problems.size(); s++) {
                    double[][] single = ex.forward(slice(in.hRe(), s * hs, hs), slice(in.hIm(), s * hs, hs));
                    assertEquals(a.precoderSize(), single[0].length);
                    assertArrayEquals(single[0], batched[s][0], EXECUTOR_TOLERANCE, a + " sample " + s);
                    assertArrayEquals(single[1], batched[s][1], EXECUTOR_TOLERANCE, a + " sample " + s);
                }
            }
        }
    }

    /** Shapes V_i in C^{N_t x N_r} and every BS exactly at its budget (the output projected onto the constraint). */
    @Test
    void precodersHaveTheirShapesAndMeetEveryBudget() {
        PcgnnArchitecture a = PcgnnSamples.SMALL;
        try (PcgnnNetwork net = PcgnnNetwork.initialise(a, 3, Device.cpu())) {
            PcgnnExecutor ex = net.executor();
            for (Problem p : PcgnnSamples.problems(a, 6, 12)) {
                ZMatrixRMaj[] v = ex.precoders(p);
                assertEquals(p.numUe(), v.length);
                RateEvaluator.checkShapes(p, v);
                double[] use = RateEvaluator.powerUse(p, v);
                for (int k = 0; k < p.numBs(); k++) {
                    assertEquals(p.bsPowerW(k), use[k], 1e-12 * p.bsPowerW(k), "BS " + k);
                    assertTrue(use[k] <= p.bsPowerW(k) * (1 + 1e-15), "BS " + k);
                }
            }
        }
    }

    /**
     * Permutation equivariance (the GNN property the learning-only paper credits GNNs with): relabelling the UEs,
     * within cells or across the UE list, relabels the precoders and changes nothing else.
     */
    @Test
    void relabellingUesPermutesThePrecoders() {
        PcgnnArchitecture a = PcgnnSamples.SMALL;
        int[][] perms = {{2, 0, 1, 3, 4, 5}, {0, 1, 2, 5, 3, 4}, {4, 3, 5, 1, 0, 2}};
        try (PcgnnNetwork net = PcgnnNetwork.initialise(a, 4, Device.cpu())) {
            PcgnnExecutor ex = net.executor();
            for (Problem p : PcgnnSamples.problems(a, 3, 13)) {
                ZMatrixRMaj[] v = ex.precoders(p);
                for (int[] perm : perms) {
                    Problem q = PcgnnSamples.relabel(p, perm);
                    ZMatrixRMaj[] w = ex.precoders(q);
                    for (int i = 0; i < v.length; i++) {
                        assertArrayEquals(v[i].data, w[perm[i]].data, PERMUTATION_TOLERANCE, "UE " + i);
                    }
                }
                // a relabelling that is not a symmetry (the input itself changes) does change the output
                ZMatrixRMaj[] first = ex.precoders(PcgnnSamples.problems(a, 1, 99).get(0));
                assertTrue(Math.abs(first[0].data[0] - v[0].data[0]) > 1e-6);
            }
        }
    }

    /** The training loss is the sum rate of problem (2): compared with the RateEvaluator on the same precoders. */
    @Test
    void sumRateOfTheNetworkIsTheRateEvaluatorsOne() {
        PcgnnArchitecture a = PcgnnSamples.SMALL;
        List<Problem> problems = PcgnnSamples.problems(a, 5, 14);
        try (PcgnnNetwork net = PcgnnNetwork.initialise(a, 2, Device.cpu())) {
            PcgnnNetwork.Inputs in = PcgnnNetwork.inputs(a, problems);
            double[][][] v = net.predict(problems);
            float[] rates;
            try (NDManager m = net.manager().newSubManager()) {
                ComplexTensor h = net.tensor(m, in, 0, problems.size());
                rates = net.sumRateNat(h, net.forward(h)).toFloatArray();
            }
            for (int s = 0; s < problems.size(); s++) {
                Problem p = problems.get(s);
                double expected = MpnnScore.sumRateNat(p, a.precoders(p, v[s][0], v[s][1]));
                assertEquals(expected, rates[s], RATE_TOLERANCE * expected, "sample " + s);
            }
        }
    }

    @Test
    void savedModelLoadsToIdenticalWeights(@TempDir Path dir) throws IOException {
        PcgnnArchitecture a = PcgnnSamples.SMALL;
        Problem p = PcgnnSamples.problems(a, 1, 15).get(0);
        try (PcgnnNetwork net = PcgnnNetwork.initialise(a, 4, Device.cpu())) {
            ModelDirectories.write(dir, net.encode(PcgnnSamples.card(a)));
            ModelFiles.Location loc = ModelFiles.Location.directory(dir);
            ModelCard card = ModelFiles.readCard(loc, PcgnnPrecoder.NAME);
            try (PcgnnNetwork back = PcgnnNetwork.load(loc, card, Device.cpu())) {
                assertEquals(a, back.architecture());
                ZMatrixRMaj[] v1 = net.executor().precoders(p);
                ZMatrixRMaj[] v2 = back.executor().precoders(p);
                for (int i = 0; i < v1.length; i++) {
                    assertArrayEquals(v1[i].data, v2[i].data, 0.0, "UE " + i);
                }
            }
        }
    }

    @Test
    void cardOfAnotherArchitectureIsRejected(@TempDir Path dir) throws IOException {
        PcgnnArchitecture a = PcgnnSamples.SMALL;
        PcgnnArchitecture other = a.withSizes(9, 2);
        try (PcgnnNetwork net = PcgnnNetwork.initialise(a, 4, Device.cpu())) {
            assertThrows(IllegalArgumentException.class, () -> net.encode(PcgnnSamples.card(other)));
            ModelFiles.Encoded enc = net.encode(PcgnnSamples.card(a));
            ModelFiles.Encoded forged = new ModelFiles.Encoded(enc.parameters(),
                    PcgnnSamples.card(other).toJson().getBytes(StandardCharsets.UTF_8), PcgnnSamples.card(other));
            ModelDirectories.write(dir, forged);
            ModelFiles.Location loc = ModelFiles.Location.directory(dir);
            ModelCard card = ModelFiles.readCard(loc, PcgnnPrecoder.NAME);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> PcgnnNetwork.load(loc, card, Device.cpu()).close());
            assertTrue(e.getMessage().indexOf('\n') < 0, "one line: " + e.getMessage());
        }
    }

    /** The model fixes B, U, N_t, N_r: another size is an error naming the dimension. */
    @Test
    void problemOfOtherSizesIsRejectedNamingTheDimension() {
        PcgnnArchitecture a = PcgnnSamples.SMALL;
        try (PcgnnNetwork net = PcgnnNetwork.initialise(a, 4, Device.cpu())) {
            PcgnnExecutor ex = net.executor();
            Problem wrongAntennas = TestProblems.uniform(2, 2, 3, 6, 2, 2, 1, 1, 0.1);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ex.precoders(wrongAntennas));
            assertTrue(e.getMessage().contains("bsAntennas = 4") && e.getMessage().contains("bsAntennas = 6"),
                    e.getMessage());
            Problem wrongUes = TestProblems.uniform(2, 2, 2, 4, 2, 2, 1, 1, 0.1);
            e = assertThrows(IllegalArgumentException.class, () -> ex.precoders(wrongUes));
            assertTrue(e.getMessage().contains("uesPerBs = 3"), e.getMessage());
        }
    }

    @Test
    void architectureRejectsNonPositiveSizes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PcgnnArchitecture(2, 2, 4, 2, 0, 2));
        assertTrue(e.getMessage().startsWith("features"), e.getMessage());
        assertEquals(PcgnnSamples.SMALL, PcgnnArchitecture.fromCard(PcgnnSamples.card(PcgnnSamples.SMALL)));
    }
}
