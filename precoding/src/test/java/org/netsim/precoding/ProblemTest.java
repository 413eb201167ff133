package org.netsim.precoding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * {@link Problem}: every validation path is an {@link IllegalArgumentException} whose message names the field and
 * its index; heterogeneous sizes and BSs without UEs are accepted; defaults; the builder and the problem copy
 * their inputs.
 */
class ProblemTest {

    /** Two BSs (M = 4, 2), three UEs (N = 2, 1, 3) all served by BS 0 except UE 1 by BS 1. */
    private static final int[] M = {4, 2};
    private static final int[] N = {2, 1, 3};

    private static ZMatrixRMaj[][] channels(long seed, int[] m, int[] n) {
        SplittableRandom rng = new SplittableRandom(seed);
        ZMatrixRMaj[][] h = new ZMatrixRMaj[n.length][m.length];
        for (int i = 0; i < n.length; i++) {
            for (int k = 0; k < m.length; k++) {
                h[i][k] = TestProblems.complexGaussian(rng, n[i], m[k], 1.0);
            }
        }
        return h;
    }

    private static Problem.Builder valid() {
        return Problem.builder().bsAntennas(M).bsPowerW(1.0, 2.0).ueAntennas(N).streams(1, 1, 2)
                .noisePowerW(0.1, 0.2, 0.3).weights(1.0, 0.5, 2.0).servingBs(0, 1, 0).channels(channels(1, M, N));
    }

    /** Asserts that building after {@code edit} fails with a message containing every fragment. */
    private static void assertRejected(Consumer<Problem.Builder> edit, String... fragments) {
        Problem.Builder b = valid();
        edit.accept(b);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::build);
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "message '" + e.getMessage() + "' should contain '" + f + "'");
        }
    }

    @Test
    void validProblemExposesItsData() {
        Problem p = valid().build();
        assertEquals(2, p.numBs());
        assertEquals(3, p.numUe());
        assertEquals(4, p.bsAntennas(0));
        assertEquals(2, p.bsAntennas(1));
        assertEquals(2.0, p.bsPowerW(1), 0.0);
        assertEquals(3, p.ueAntennas(2));
        assertEquals(2, p.streams(2));
        assertEquals(0.2, p.noisePowerW(1), 0.0);
        assertEquals(0.5, p.weight(1), 0.0);
        assertEquals(1, p.servingBs(1));
        assertArrayEquals(new int[] {0, 2}, p.uesOf(0));
        assertArrayEquals(new int[] {1}, p.uesOf(1));
        assertEquals(2, p.numUesOf(0));
        assertEquals(2, p.ueOf(0, 1));
        assertEquals(4, p.maxBsAntennas());
        assertEquals(3, p.maxUeAntennas());
        assertEquals(2, p.maxStreams());
        assertEquals(3, p.channel(2, 1).numRows);
        assertEquals(2, p.channel(2, 1).numCols);
        assertTrue(p.servingChannel(1) == p.channel(1, 1));
        assertTrue(p.toString().contains("K=2") && p.toString().contains("I=3"), p.toString());
    }

    @Test
    void missingRequiredFieldsAreNamed() {
        assertRejected(b -> b.channels(null), "channels", "not set");
        Problem.Builder[] missing = {
            Problem.builder().bsPowerW(1).ueAntennas(1).noisePowerW(1).servingBs(0),
            Problem.builder().bsAntennas(1).ueAntennas(1).noisePowerW(1).servingBs(0),
            Problem.builder().bsAntennas(1).bsPowerW(1).noisePowerW(1).servingBs(0),
            Problem.builder().bsAntennas(1).bsPowerW(1).ueAntennas(1).servingBs(0),
            Problem.builder().bsAntennas(1).bsPowerW(1).ueAntennas(1).noisePowerW(1),
        };
        String[] fields = {"bsAntennas", "bsPowerW", "ueAntennas", "noisePowerW", "servingBs"};
        for (int f = 0; f < fields.length; f++) {
            Problem.Builder b = missing[f].channels(new ZMatrixRMaj[][] {{new ZMatrixRMaj(1, 1)}});
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::build);
            assertTrue(e.getMessage().startsWith(fields[f] + ": not set"), e.getMessage());
        }
    }

    @Test
    void emptyNetworksAreRejected() {
        assertRejected(b -> b.bsAntennas().bsPowerW(), "bsAntennas", "at least one BS");
        assertRejected(b -> b.ueAntennas(), "ueAntennas", "at least one UE");
    }

    @Test
    void lengthMismatchesNameTheField() {
        assertRejected(b -> b.bsPowerW(1.0), "bsPowerW", "expected length 2, got 1");
        assertRejected(b -> b.streams(1, 1), "streams", "expected length 3, got 2");
        assertRejected(b -> b.noisePowerW(0.1, 0.1, 0.1, 0.1), "noisePowerW", "expected length 3, got 4");
        assertRejected(b -> b.weights(1.0), "weights", "expected length 3");
        assertRejected(b -> b.servingBs(0, 1), "servingBs", "expected length 3");
    }

    @Test
    void badAntennaCountsAndStreamsNameTheIndex() {
        assertRejected(b -> b.bsAntennas(4, 0), "bsAntennas[1]", "got 0");
        assertRejected(b -> b.ueAntennas(2, -1, 3), "ueAntennas[1]", "got -1");
        assertRejected(b -> b.streams(1, 1, 4), "streams[2]", "d_i <= N_i", "got 4");
        assertRejected(b -> b.streams(1, 2, 1), "streams[1]", "got 2");
        assertRejected(b -> b.streams(0, 1, 1), "streams[0]", "got 0");
    }

    @Test
    void badPowersNoiseAndWeightsNameTheIndex() {
        assertRejected(b -> b.bsPowerW(1.0, -0.5), "bsPowerW[1]", "-0.5");
        assertRejected(b -> b.bsPowerW(Double.NaN, 1.0), "bsPowerW[0]", "NaN");
        assertRejected(b -> b.bsPowerW(1.0, Double.POSITIVE_INFINITY), "bsPowerW[1]", "Infinity");
        assertRejected(b -> b.noisePowerW(0.1, -1e-3, 0.1), "noisePowerW[1]", "> 0");
        assertRejected(b -> b.noisePowerW(0.1, 0.1, 0.0), "noisePowerW[2]");
        assertRejected(b -> b.noisePowerW(Double.NaN, 0.1, 0.1), "noisePowerW[0]", "NaN");
        assertRejected(b -> b.noisePowerW(0.1, Double.POSITIVE_INFINITY, 0.1), "noisePowerW[1]");
        assertRejected(b -> b.weights(1, 0, 1), "weights[1]");
        assertRejected(b -> b.weights(1, 1, -2), "weights[2]");
        assertRejected(b -> b.weights(Double.NaN, 1, 1), "weights[0]");
        assertRejected(b -> b.weights(1, Double.POSITIVE_INFINITY, 1), "weights[1]");
        // a zero budget is allowed (a switched-off BS)
        Problem p = valid().bsPowerW(0.0, 1.0).build();
        assertEquals(0.0, p.bsPowerW(0), 0.0);
    }

    @Test
    void servingBsOutOfRangeNamesTheUe() {
        assertRejected(b -> b.servingBs(0, 2, 0), "servingBs[1]", "0..1", "got 2");
        assertRejected(b -> b.servingBs(-1, 1, 0), "servingBs[0]", "got -1");
    }

    @Test
    void channelShapeErrorsNameUeAndBs() {
        assertRejected(b -> b.channels(new ZMatrixRMaj[2][2]), "channels", "expected 3 UEs, got 2");
        ZMatrixRMaj[][] nullRow = channels(2, M, N);
        nullRow[1] = null;
        assertRejected(b -> b.channels(nullRow), "channels[1]", "expected 2 BSs, got null");
        ZMatrixRMaj[][] shortRow = channels(2, M, N);
        shortRow[2] = new ZMatrixRMaj[] {shortRow[2][0]};
        assertRejected(b -> b.channels(shortRow), "channels[2]", "expected 2 BSs, got 1");
        ZMatrixRMaj[][] missing = channels(2, M, N);
        missing[0][1] = null;
        assertRejected(b -> b.channels(missing), "channels[0][1]", "missing");
        ZMatrixRMaj[][] wrongRows = channels(2, M, N);
        wrongRows[2][0] = new ZMatrixRMaj(2, 4);
        assertRejected(b -> b.channels(wrongRows), "channels[2][0]", "expected 3x4", "got 2x4");
        ZMatrixRMaj[][] wrongCols = channels(2, M, N);
        wrongCols[1][1] = new ZMatrixRMaj(1, 4);
        assertRejected(b -> b.channels(wrongCols), "channels[1][1]", "expected 1x2", "got 1x4");
    }

    @Test
    void nonFiniteChannelEntriesNameUeBsAndEntry() {
        double[] bad = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (double x : bad) {
            for (int part = 0; part < 2; part++) {
                ZMatrixRMaj[][] h = channels(3, M, N);
                // entry (1, 3) of H_20 (3 x 4), real or imaginary part
                h[2][0].data[(1 * 4 + 3) * 2 + part] = x;
                assertRejected(b -> b.channels(h), "channels[2][0]", "entry (1,3)", "not finite");
            }
        }
    }

    @Test
    void heterogeneousSizesAndABsWithoutUesAreAccepted() {
        int[] m = {1, 8, 3};
        int[] n = {4, 1, 2, 3};
        Problem p = Problem.builder().bsAntennas(m).bsPowerW(1, 1, 1).ueAntennas(n).noisePowerW(1, 1, 1, 1)
                .servingBs(1, 1, 0, 1).channels(channels(4, m, n)).build();
        assertEquals(0, p.numUesOf(2));
        assertEquals(0, p.uesOf(2).length);
        assertArrayEquals(new int[] {0, 1, 3}, p.uesOf(1));
        // defaults: d_i = N_i, alpha_i = 1
        for (int i = 0; i < 4; i++) {
            assertEquals(n[i], p.streams(i));
            assertEquals(1.0, p.weight(i), 0.0);
        }
        assertEquals(8, p.channel(0, 1).numCols);
        assertEquals(4, p.channel(0, 1).numRows);
    }

    @Test
    void builderAndProblemCopyTheirInputs() {
        int[] m = M.clone();
        int[] n = N.clone();
        double[] power = {1.0, 2.0};
        int[] streams = {1, 1, 2};
        double[] noise = {0.1, 0.2, 0.3};
        double[] weights = {1.0, 0.5, 2.0};
        int[] serving = {0, 1, 0};
        ZMatrixRMaj[][] h = channels(5, M, N);
        ZMatrixRMaj[][] original = new ZMatrixRMaj[3][2];
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 2; k++) {
                original[i][k] = h[i][k].copy();
            }
        }
        Problem.Builder b = Problem.builder().bsAntennas(m).bsPowerW(power).ueAntennas(n).streams(streams)
                .noisePowerW(noise).weights(weights).servingBs(serving).channels(h);
        // arrays are copied by the setters: changing them before build changes nothing
        power[0] = 99;
        Problem p = b.build();
        // and everything, channels included, is copied by build: changing the caller's data afterwards changes
        // nothing
        m[0] = 7;
        n[0] = 7;
        power[1] = 99;
        streams[0] = 2;
        noise[0] = 9;
        weights[0] = 9;
        serving[0] = 1;
        h[0][0].set(0, 0, 123, 456);
        h[1][1] = new ZMatrixRMaj(5, 5);
        assertEquals(4, p.bsAntennas(0));
        assertEquals(2, p.ueAntennas(0));
        assertEquals(1.0, p.bsPowerW(0), 0.0);
        assertEquals(2.0, p.bsPowerW(1), 0.0);
        assertEquals(1, p.streams(0));
        assertEquals(0.1, p.noisePowerW(0), 0.0);
        assertEquals(1.0, p.weight(0), 0.0);
        assertEquals(0, p.servingBs(0));
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 2; k++) {
                assertArrayEquals(original[i][k].data, p.channel(i, k).data, 0.0, "channel " + i + "," + k);
            }
        }
        // uesOf returns a copy
        p.uesOf(0)[0] = 2;
        assertArrayEquals(new int[] {0, 2}, p.uesOf(0));
    }

    @Test
    void toBuilderDerivesAModifiedProblemAndLeavesTheOriginal() {
        Problem p = valid().build();
        Problem q = p.toBuilder().bsPowerW(5.0, 6.0).build();
        assertEquals(5.0, q.bsPowerW(0), 0.0);
        assertEquals(1.0, p.bsPowerW(0), 0.0);
        for (int i = 0; i < 3; i++) {
            assertEquals(p.streams(i), q.streams(i));
            assertEquals(p.weight(i), q.weight(i), 0.0);
            for (int k = 0; k < 2; k++) {
                assertArrayEquals(p.channel(i, k).data, q.channel(i, k).data, 0.0);
                assertTrue(p.channel(i, k) != q.channel(i, k), "the derived problem has its own channels");
            }
        }
        assertRejected(b -> b.servingBs(0, 0, 5), "servingBs[2]");
    }
}
