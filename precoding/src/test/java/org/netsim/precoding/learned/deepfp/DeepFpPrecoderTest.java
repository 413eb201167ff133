package org.netsim.precoding.learned.deepfp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netsim.precoding.Init;
import org.netsim.precoding.Precoder;
import org.netsim.precoding.PrecoderContractTest;
import org.netsim.precoding.PrecoderOptions;
import org.netsim.precoding.Problem;
import org.netsim.precoding.TestProblems;
import org.netsim.precoding.learned.EngineAssumptions;
import org.netsim.precoding.learned.ModelCard;
import org.netsim.precoding.learned.ModelFiles;

/**
 * The {@code deepfp} precoder with its shipped model: the precoder contract on the problems it accepts
 * (heterogeneous multicell MIMO with M_k &lt;= 64 and d_i &lt;= 2, run by zero padding), clear rejection of larger
 * problems, zero padding equal to an explicitly padded problem, and save/load round trips.
 */
class DeepFpPrecoderTest extends PrecoderContractTest {

    @BeforeEach
    void engine() {
        EngineAssumptions.assumeEngine();
    }

    @Override
    protected Precoder precoder() {
        return new DeepFpPrecoder();
    }

    /** Random heterogeneous problems with N_i &lt;= 2, hence d_i &lt;= 2, and M_k &lt;= 6 &lt;= 64 (padded). */
    @Override
    protected List<Problem> problems() {
        return TestProblems.randomList(300, 8, 3, 6, 6, 2);
    }

    @Test
    void rejectsProblemsBeyondTheCardsDimensions() {
        Problem tooManyStreams = TestProblems.uniform(1, 2, 2, 8, 3, 3, 1.0, 0.1, 0.3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> precoder().solve(tooManyStreams, Init.mrc()));
        assertTrue(e.getMessage().contains("at most 2 streams") && e.getMessage().contains("maxStreams"),
                e.getMessage());
        Problem tooManyAntennas = TestProblems.uniform(1, 2, 1, 65, 2, 1, 1.0, 0.1, 0.3);
        e = assertThrows(IllegalArgumentException.class, () -> precoder().solve(tooManyAntennas, Init.mrc()));
        assertTrue(e.getMessage().contains("at most 64 BS antennas") && e.getMessage().contains("BS 0"),
                e.getMessage());
    }

    @Test
    void zeroPaddingIsTheExplicitlyPaddedProblem() {
        // SMALL has N_t = 6, d = 2: a problem with M = 4, d = 1 against the same problem padded to M = 6, d = 2
        Problem small = TestProblems.uniform(77, 3, 2, 4, 2, 1, 1.0, 0.05, 0.3);
        Problem padded = pad(small, 6, 2);
        ZMatrixRMaj[] v0 = DeepFpTrainer.initialPrecoders(small, 1, "pad", 0);
        ZMatrixRMaj[] v0Padded = new ZMatrixRMaj[v0.length];
        for (int i = 0; i < v0.length; i++) {
            v0Padded[i] = new ZMatrixRMaj(6, 2);
            for (int r = 0; r < 4; r++) {
                v0Padded[i].set(r, 0, v0[i].getReal(r, 0), v0[i].getImag(r, 0));
            }
        }
        try (DeepFpNetwork net = DeepFpNetwork.initialise(DeepFpSamples.SMALL, 3L, 0.7, Device.cpu())) {
            DeepFpExecutor exec = net.executor();
            ZMatrixRMaj[] a = exec.solve(small, v0, null);
            ZMatrixRMaj[] b = exec.solve(padded, v0Padded, null);
            ZMatrixRMaj[] batched = net.solve(DeepFpBatch.pack(DeepFpSamples.SMALL, List.of(small),
                    List.<ZMatrixRMaj[]>of(v0)))[0];
            for (int i = 0; i < a.length; i++) {
                for (int r = 0; r < 6; r++) {
                    for (int c = 0; c < 2; c++) {
                        boolean inside = r < 4 && c < 1;
                        double re = inside ? a[i].getReal(r, c) : 0.0;
                        double im = inside ? a[i].getImag(r, c) : 0.0;
                        // rounding differs only in the order of zero terms
                        assertEquals(re, b[i].getReal(r, c), 1e-12, "Re V of UE " + i + " at " + r + "," + c);
                        assertEquals(im, b[i].getImag(r, c), 1e-12, "Im V of UE " + i + " at " + r + "," + c);
                    }
                }
                for (int e = 0; e < a[i].data.length; e++) {
                    assertEquals(a[i].data[e], batched[i].data[e], DeepFpNetworkTest.FLOAT_TOLERANCE,
                            "batched, UE " + i);
                }
            }
        }
    }

    /** The problem with zero channel columns up to {@code m} antennas and {@code d} streams per UE. */
    static Problem pad(Problem p, int m, int d) {
        ZMatrixRMaj[][] h = new ZMatrixRMaj[p.numUe()][p.numBs()];
        int[] ms = new int[p.numBs()];
        int[] ds = new int[p.numUe()];
        int[] ns = new int[p.numUe()];
        int[] serving = new int[p.numUe()];
        double[] noise = new double[p.numUe()];
        double[] power = new double[p.numBs()];
        for (int k = 0; k < p.numBs(); k++) {
            ms[k] = m;
            power[k] = p.bsPowerW(k);
        }
        for (int i = 0; i < p.numUe(); i++) {
            ds[i] = d;
            ns[i] = p.ueAntennas(i);
            serving[i] = p.servingBs(i);
            noise[i] = p.noisePowerW(i);
            for (int k = 0; k < p.numBs(); k++) {
                ZMatrixRMaj c = new ZMatrixRMaj(ns[i], m);
                ZMatrixRMaj o = p.channel(i, k);
                for (int a = 0; a < ns[i]; a++) {
                    for (int q = 0; q < o.numCols; q++) {
                        c.set(a, q, o.getReal(a, q), o.getImag(a, q));
                    }
                }
                h[i][k] = c;
            }
        }
        return Problem.builder().bsAntennas(ms).bsPowerW(power).ueAntennas(ns).streams(ds).noisePowerW(noise)
                .servingBs(serving).channels(h).build();
    }

    @Test
    void savedAndLoadedModelGivesIdenticalOutputs(@TempDir Path dir) throws Exception {
        Problem p = DeepFpSamples.problem(50);
        ZMatrixRMaj[] v0 = DeepFpTrainer.initialPrecoders(p, 1, "save", 0);
        try (DeepFpNetwork net = DeepFpNetwork.initialise(DeepFpSamples.SMALL, 8L, 1.5, Device.cpu())) {
            ModelCard card = new ModelCard(ModelCard.FORMAT_VERSION, DeepFpPrecoder.NAME,
                    DeepFpSamples.SMALL.describe(), DeepFpSamples.SMALL.hyperparameters(),
                    DeepFpSamples.SMALL.dimensions(), new ModelCard.Training("test", "none", 8, 1, 1, "none", 0,
                            "cpu"), Map.of(), "test", Map.of(), null);
            ModelFiles.Encoded enc = net.encode(card);
            Files.write(dir.resolve(ModelFiles.PARAMETERS_FILE), enc.parameters());
            Files.write(dir.resolve(ModelFiles.CARD_FILE), enc.cardJson());
            ZMatrixRMaj[] before = net.executor().solve(p, v0, null);
            DeepFpPrecoder loaded = new DeepFpPrecoder(PrecoderOptions.defaults().with(DeepFpPrecoder.MODEL,
                    dir.toString()));
            ZMatrixRMaj[] after = loaded.executor().solve(p, v0, null);
            for (int i = 0; i < before.length; i++) {
                assertArrayEquals(before[i].data, after[i].data, 0.0, "UE " + i);
            }
            assertEquals(DeepFpSamples.SMALL, loaded.executor().architecture());
        }
    }

    @Test
    void aCardOfOtherDimensionsFailsClearly(@TempDir Path dir) throws Exception {
        try (DeepFpNetwork net = DeepFpNetwork.initialise(DeepFpSamples.SMALL, 8L, 1.5, Device.cpu())) {
            DeepFpArchitecture other = new DeepFpArchitecture(3, 8, 2, new int[] {8, 8});
            ModelCard card = new ModelCard(ModelCard.FORMAT_VERSION, DeepFpPrecoder.NAME, other.describe(),
                    other.hyperparameters(), other.dimensions(), new ModelCard.Training("test", "none", 8, 1, 1,
                            "none", 0, "cpu"), Map.of(), "test", Map.of(), null);
            ModelFiles.Encoded enc = ModelFiles.encode(net.block(), card);
            Files.write(dir.resolve(ModelFiles.PARAMETERS_FILE), enc.parameters());
            Files.write(dir.resolve(ModelFiles.CARD_FILE), enc.cardJson());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new DeepFpPrecoder(PrecoderOptions.defaults().with(DeepFpPrecoder.MODEL, dir.toString())));
            assertTrue(e.getMessage().startsWith("deepfp: ") && e.getMessage().contains("shape"), e.getMessage());
        }
    }
}
