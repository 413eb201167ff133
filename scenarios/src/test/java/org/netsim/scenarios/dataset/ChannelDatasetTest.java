package org.netsim.scenarios.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.netsim.precoding.Problem;

class ChannelDatasetTest {

    // heterogeneous topology: K = 2 BSs with M = [3, 2]; I = 3 UEs with N = [2, 1, 2], d = [1, 1, 2]
    private static final int[] M = {3, 2};
    private static final int[] N = {2, 1, 2};
    private static final int[] SERVING = {0, 1, 0};
    private static final int[] D = {1, 1, 2};
    private static final int S = 3;

    @TempDir
    Path dir;

    private static ZMatrixRMaj random(Random rnd, int rows, int cols) {
        ZMatrixRMaj a = new ZMatrixRMaj(rows, cols);
        for (int e = 0; e < 2 * rows * cols; e++) {
            a.data[e] = rnd.nextGaussian() * 1e-5;
        }
        return a;
    }

    /** S problems of the heterogeneous topology; explicit streams and weights unless {@code defaults}. */
    private static List<Problem> problems(long seed, boolean defaults) {
        Random rnd = new Random(seed);
        List<Problem> list = new ArrayList<>();
        for (int s = 0; s < S; s++) {
            ZMatrixRMaj[][] h = new ZMatrixRMaj[N.length][M.length];
            for (int i = 0; i < N.length; i++) {
                for (int k = 0; k < M.length; k++) {
                    h[i][k] = random(rnd, N[i], M[k]);
                }
            }
            h[0][0].data[0] = -0.0; // signed zero and a subnormal survive bit for bit
            h[0][0].data[1] = Double.MIN_VALUE;
            Problem.Builder b = Problem.builder().bsAntennas(M).ueAntennas(N).servingBs(SERVING)
                    .bsPowerW(1 + s, 0.5).noisePowerW(1e-13, 2e-13 * (s + 1), 3e-13).channels(h);
            if (!defaults) {
                b.streams(D).weights(1, 0.25 + s, 2);
            }
            list.add(b.build());
        }
        return list;
    }

    private static ZMatrixRMaj[][] v0(long seed) {
        Random rnd = new Random(seed);
        ZMatrixRMaj[][] v = new ZMatrixRMaj[S][N.length];
        for (int s = 0; s < S; s++) {
            for (int i = 0; i < N.length; i++) {
                v[s][i] = random(rnd, M[SERVING[i]], D[i]);
            }
        }
        return v;
    }

    private static void assertBitsEqual(ZMatrixRMaj expected, ZMatrixRMaj actual, String what) {
        assertEquals(expected.numRows, actual.numRows, what);
        assertEquals(expected.numCols, actual.numCols, what);
        for (int e = 0; e < 2 * expected.numRows * expected.numCols; e++) {
            assertEquals(Double.doubleToRawLongBits(expected.data[e]), Double.doubleToRawLongBits(actual.data[e]),
                    what + " data[" + e + "]");
        }
    }

    private static void assertSameProblem(Problem a, Problem b, String what) {
        assertEquals(a.numBs(), b.numBs(), what);
        assertEquals(a.numUe(), b.numUe(), what);
        for (int k = 0; k < a.numBs(); k++) {
            assertEquals(a.bsAntennas(k), b.bsAntennas(k), what);
            assertEquals(Double.doubleToRawLongBits(a.bsPowerW(k)), Double.doubleToRawLongBits(b.bsPowerW(k)), what);
        }
        for (int i = 0; i < a.numUe(); i++) {
            assertEquals(a.ueAntennas(i), b.ueAntennas(i), what);
            assertEquals(a.streams(i), b.streams(i), what);
            assertEquals(a.servingBs(i), b.servingBs(i), what);
            assertEquals(Double.doubleToRawLongBits(a.noisePowerW(i)), Double.doubleToRawLongBits(b.noisePowerW(i)),
                    what);
            assertEquals(Double.doubleToRawLongBits(a.weight(i)), Double.doubleToRawLongBits(b.weight(i)), what);
            for (int k = 0; k < a.numBs(); k++) {
                assertBitsEqual(a.channel(i, k), b.channel(i, k), what + " H[" + i + "][" + k + "]");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void roundTripWithoutV0IsBitExact(boolean defaults) throws IOException {
        List<Problem> problems = problems(1, defaults);
        Path file = dir.resolve("d.npz");
        ChannelDataset.of(problems).write(file);
        ChannelDataset read = ChannelDataset.read(file);
        assertEquals(S, read.size());
        assertFalse(read.hasInitialPrecoders());
        assertThrows(IllegalStateException.class, () -> read.initialPrecoders(0));
        for (int s = 0; s < S; s++) {
            assertSameProblem(problems.get(s), read.problems().get(s), "sample " + s);
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left");
        }
    }

    @Test
    void roundTripWithV0StreamsAndWeightsIsBitExact() throws IOException {
        List<Problem> problems = problems(2, false);
        ZMatrixRMaj[][] v0 = v0(3);
        Path file = dir.resolve("d.npz");
        ChannelDataset.of(problems, v0).write(file);
        ChannelDataset read = ChannelDataset.read(file);
        assertTrue(read.hasInitialPrecoders());
        for (int s = 0; s < S; s++) {
            assertSameProblem(problems.get(s), read.problems().get(s), "sample " + s);
            ZMatrixRMaj[] v = read.initialPrecoders(s);
            for (int i = 0; i < N.length; i++) {
                assertBitsEqual(v0[s][i], v[i], "V0[" + s + "][" + i + "]");
            }
        }
        assertArrayEquals(new int[] {1, 1, 2}, new int[] {read.problems().get(0).streams(0),
            read.problems().get(0).streams(1), read.problems().get(0).streams(2)});
        assertEquals(0.25 + 1, read.problems().get(1).weight(1));
    }

    @Test
    void writesTheLayoutWithZeroPadding() throws IOException {
        Path file = dir.resolve("d.npz");
        List<Problem> problems = problems(4, false);
        ChannelDataset.of(problems, v0(5)).write(file);
        NpzFile npz = NpzFile.read(file);
        assertEquals(List.of("H", "ue_antennas", "bs_antennas", "serving_bs", "streams", "bs_power",
                "noise_power", "weights", "V0"), List.copyOf(npz.keys()));
        NpyArray h = npz.require("H");
        assertArrayEquals(new int[] {S, 3, 2, 2, 3}, h.shape());
        assertArrayEquals(new int[] {S, 3, 3, 2}, npz.require("V0").shape());
        assertArrayEquals(new int[] {S, 2}, npz.require("bs_power").shape());
        // UE 1 has one antenna, BS 1 two: H[2, 1, 1] is [[h00, h01, 0], [0, 0, 0]]
        ZMatrixRMaj h11 = problems.get(2).channel(1, 1);
        assertEquals(h11.getReal(0, 1), h.real(h.flatIndex(2, 1, 1, 0, 1)));
        assertEquals(h11.getImag(0, 1), h.imag(h.flatIndex(2, 1, 1, 0, 1)));
        for (int[] pad : new int[][] {{2, 1, 1, 0, 2}, {2, 1, 1, 1, 0}, {2, 1, 0, 1, 2}, {0, 0, 1, 1, 2}}) {
            assertEquals(0.0, h.real(h.flatIndex(pad)), Arrays.toString(pad));
            assertEquals(0.0, h.imag(h.flatIndex(pad)), Arrays.toString(pad));
        }
    }

    @Test
    void overwritesAnExistingFile() throws IOException {
        Path file = dir.resolve("d.npz");
        ChannelDataset.of(problems(6, false)).write(file);
        List<Problem> second = problems(7, true);
        ChannelDataset.of(second).write(file);
        assertSameProblem(second.get(0), ChannelDataset.read(file).problems().get(0), "overwritten");
    }

    @Test
    void failedWriteLeavesNoFile() throws IOException {
        Path target = Files.createDirectory(dir.resolve("d.npz"));
        Files.writeString(target.resolve("keep"), "x");
        ChannelDataset ds = ChannelDataset.of(problems(8, false));
        assertThrows(IOException.class, () -> ds.write(target));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList());
        }
        assertThrows(IOException.class, () -> ds.write(dir.resolve("no-such-dir").resolve("d.npz")));
        assertFalse(Files.exists(dir.resolve("no-such-dir")));
    }

    @Test
    void initialPrecodersAreCopies() {
        ChannelDataset ds = ChannelDataset.of(problems(9, false), v0(10));
        ZMatrixRMaj[] v = ds.initialPrecoders(1);
        double before = v[0].data[0];
        v[0].data[0] = 1e9;
        assertEquals(before, ds.initialPrecoders(1)[0].data[0]);
        assertNotSame(ds.initialPrecoders(1)[0], ds.initialPrecoders(1)[0]);
        assertThrows(IndexOutOfBoundsException.class, () -> ds.initialPrecoders(S));
        assertThrows(UnsupportedOperationException.class, () -> ds.problems().remove(0));
    }

    @Test
    void ofRejectsDifferentTopologiesNamingTheDifference() {
        assertEquals("problems: a dataset needs at least one sample",
                assertThrows(IllegalArgumentException.class, () -> ChannelDataset.of(List.of())).getMessage());
        List<Problem> base = problems(11, false);
        assertEquals("problems[1]: null", assertThrows(IllegalArgumentException.class,
                () -> ChannelDataset.of(Arrays.asList(base.get(0), null))).getMessage());
        Problem p = base.get(0);
        ZMatrixRMaj[][] h = new ZMatrixRMaj[N.length][M.length];
        for (int i = 0; i < N.length; i++) {
            for (int k = 0; k < M.length; k++) {
                h[i][k] = p.channel(i, k);
            }
        }
        String msg = assertThrows(IllegalArgumentException.class, () -> ChannelDataset.of(List.of(base.get(0),
                base.get(1), p.toBuilder().servingBs(0, 1, 1).build()))).getMessage();
        assertEquals("problems[2]: servingBs[2] is 1 but problems[0] has 0 (all samples must share one topology)",
                msg);
        msg = assertThrows(IllegalArgumentException.class, () -> ChannelDataset.of(List.of(base.get(0),
                p.toBuilder().streams(1, 1, 1).build()))).getMessage();
        assertTrue(msg.startsWith("problems[1]: streams[2] is 1"), msg);
        ZMatrixRMaj[][] h2 = new ZMatrixRMaj[N.length][M.length];
        for (int i = 0; i < N.length; i++) {
            for (int k = 0; k < M.length; k++) {
                h2[i][k] = new ZMatrixRMaj(i == 1 ? 2 : N[i], M[k]);
            }
        }
        msg = assertThrows(IllegalArgumentException.class, () -> ChannelDataset.of(List.of(base.get(0),
                p.toBuilder().ueAntennas(2, 2, 2).streams(D).channels(h2).build()))).getMessage();
        assertTrue(msg.startsWith("problems[1]: ueAntennas[1] is 2"), msg);
    }

    @Test
    void ofRejectsMalformedV0() {
        List<Problem> base = problems(12, false);
        ZMatrixRMaj[][] v = v0(13);
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ChannelDataset.of(base, Arrays.copyOf(v, 2))).getMessage().startsWith("v0: expected 3"));
        v[1][2] = new ZMatrixRMaj(3, 1);
        assertEquals("v0[1][2]: expected 3x2 (M_k x d_i), got 3x1",
                assertThrows(IllegalArgumentException.class, () -> ChannelDataset.of(base, v)).getMessage());
        ZMatrixRMaj[][] w = v0(13);
        w[0][1].set(1, 0, 0, Double.NaN);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ChannelDataset.of(base, w)).getMessage()
                .startsWith("v0[0][1]: entry (1,0) is not finite"));
    }

    // ---- reader rejections: start from valid arrays, change one thing, expect the key and reason ----

    private Map<String, NpyArray> validArrays() {
        return new LinkedHashMap<>(ChannelDataset.of(problems(14, false), v0(15)).toArrays());
    }

    private DatasetFormatException reject(Map<String, NpyArray> arrays, String key, String reasonPart)
            throws IOException {
        Path file = dir.resolve("bad.npz");
        NpzWriter.write(file, arrays);
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> ChannelDataset.read(file));
        assertEquals(key, e.key(), e.getMessage());
        assertTrue(e.getMessage().startsWith(file + ": " + key + ": "), e.getMessage());
        assertTrue(e.reason().contains(reasonPart), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        return e;
    }

    private DatasetFormatException reject(String key, UnaryOperator<NpyArray> change, String reasonPart)
            throws IOException {
        Map<String, NpyArray> arrays = validArrays();
        arrays.put(key, change.apply(arrays.get(key)));
        return reject(arrays, key, reasonPart);
    }

    /** A copy of a float64 or complex128 array with one stored double replaced. */
    private static NpyArray withDouble(NpyArray a, int position, double value) {
        if (a.dtype() == NpyDtype.FLOAT64) {
            double[] v = a.toFloat64Array();
            v[position] = value;
            return NpyArray.ofFloat64(a.shape(), v);
        }
        double[] v = a.toComplex128Array();
        v[position] = value;
        return NpyArray.ofComplex128(a.shape(), v);
    }

    private static NpyArray withInt(NpyArray a, int position, int value) {
        int[] v = a.toInt32Array();
        v[position] = value;
        return NpyArray.ofInt32(a.shape(), v);
    }

    @Test
    void theValidArraysAreAccepted() throws IOException {
        Path file = dir.resolve("ok.npz");
        NpzWriter.write(file, validArrays());
        assertEquals(S, ChannelDataset.read(file).size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"H", "ue_antennas", "bs_antennas", "serving_bs", "bs_power", "noise_power"})
    void rejectsAMissingRequiredKey(String key) throws IOException {
        Map<String, NpyArray> arrays = validArrays();
        arrays.remove(key);
        reject(arrays, key, "required key is missing");
    }

    @Test
    void optionalKeysMayBeAbsent() throws IOException {
        Map<String, NpyArray> arrays = validArrays();
        arrays.remove("weights");
        arrays.remove("V0");
        Path file = dir.resolve("opt.npz");
        NpzWriter.write(file, arrays);
        ChannelDataset ds = ChannelDataset.read(file);
        assertEquals(1.0, ds.problems().get(2).weight(1));
        assertFalse(ds.hasInitialPrecoders());
    }

    @Test
    void missingStreamsDefaultToTheUeAntennas() throws IOException {
        Map<String, NpyArray> arrays = new LinkedHashMap<>(ChannelDataset.of(problems(16, true)).toArrays());
        arrays.remove("streams");
        Path file = dir.resolve("opt.npz");
        NpzWriter.write(file, arrays);
        Problem p = ChannelDataset.read(file).problems().get(0);
        assertEquals(2, p.streams(0));
        assertEquals(1, p.streams(1));
    }

    @Test
    void rejectsAnUnknownKey() throws IOException {
        Map<String, NpyArray> arrays = validArrays();
        arrays.put("snr_db", NpyArray.scalarFloat64(10));
        reject(arrays, "snr_db", "unknown key");
    }

    @Test
    void rejectsWrongDtypes() throws IOException {
        reject("noise_power", a -> NpyArray.ofInt32(a.shape(), new int[a.size()]), "dtype must be <f8, got <i4");
        reject("ue_antennas", a -> NpyArray.ofFloat64(a.shape(), new double[a.size()]),
                "dtype must be <i4, got <f8");
        reject("H", a -> NpyArray.ofFloat64(a.shape(), new double[a.size()]), "dtype must be <c16, got <f8");
        reject("V0", a -> NpyArray.ofFloat64(a.shape(), new double[a.size()]), "dtype must be <c16");
    }

    @Test
    void rejectsWrongShapes() throws IOException {
        reject("H", a -> NpyArray.ofComplex128(new int[] {S, 3, 2, 6}, a.toComplex128Array()),
                "must be 5-d [S, I, K, Nmax, Mmax], got shape (3, 3, 2, 6)");
        reject("H", a -> NpyArray.ofComplex128(new int[] {S, 3, 2, 3, 2}, a.toComplex128Array()),
                "shape must be (3, 3, 2, 2, 3) = [S, I, K, Nmax, Mmax], got (3, 3, 2, 3, 2)");
        reject("H", a -> NpyArray.ofComplex128(new int[] {0, 3, 2, 2, 3}, new double[0]), "holds no sample");
        reject("bs_power", a -> NpyArray.ofFloat64(new int[] {S + 1, 2}, new double[2 * S + 2]),
                "shape must be (3, 2) = [S, K], got (4, 2)");
        reject("noise_power", a -> NpyArray.ofFloat64(new int[] {S * 3}, a.toFloat64Array()),
                "shape must be (3, 3) = [S, I]");
        reject("weights", a -> NpyArray.ofFloat64(new int[] {S, 3, 1}, a.toFloat64Array()), "= [S, I]");
        reject("serving_bs", a -> NpyArray.ofInt32(new int[] {4}, new int[4]), "shape must be (3,) = [I]");
        reject("streams", a -> NpyArray.ofInt32(new int[] {1, 3}, a.toInt32Array()), "= [I]");
        reject("V0", a -> NpyArray.ofComplex128(new int[] {S, 3, 3, 1}, new double[2 * S * 9]),
                "shape must be (3, 3, 3, 2) = [S, I, Mmax, dmax]");
        reject("ue_antennas", a -> NpyArray.scalarInt32(2), "must be 1-d [I]");
        reject("bs_antennas", a -> NpyArray.ofInt32(new int[] {0}, new int[0]), "holds no BS");
    }

    @Test
    void rejectsNonFiniteValuesNamingTheFirstBadIndex() throws IOException {
        // H[1, 2, 0, 0, 1]: flat element ((1 * 3 + 2) * 2 + 0) * 6 + 0 * 3 + 1 = 61, real part at 122
        reject("H", a -> withDouble(withDouble(a, 122, Double.NaN), 200, Double.NaN),
                "entry [1, 2, 0, 0, 1] has a real part NaN");
        reject("H", a -> withDouble(a, 123, Double.NEGATIVE_INFINITY),
                "entry [1, 2, 0, 0, 1] has an imaginary part -Infinity");
        reject("bs_power", a -> withDouble(a, 3, Double.POSITIVE_INFINITY), "entry [1, 1] is Infinity");
        reject("noise_power", a -> withDouble(a, 0, Double.NaN), "entry [0, 0] is NaN");
        reject("weights", a -> withDouble(a, 8, Double.NaN), "entry [2, 2] is NaN");
        reject("V0", a -> withDouble(a, 1, Double.NaN), "entry [0, 0, 0, 0] has an imaginary part NaN");
    }

    @Test
    void rejectsOutOfRangeValues() throws IOException {
        reject("ue_antennas", a -> withInt(a, 1, 0), "entry [1] = 0 must be >= 1");
        reject("bs_antennas", a -> withInt(a, 0, -1), "entry [0] = -1 must be >= 1");
        reject("serving_bs", a -> withInt(a, 2, 2), "entry [2] = 2 is out of range 0..1");
        reject("serving_bs", a -> withInt(a, 0, -1), "entry [0] = -1 is out of range 0..1");
        reject("streams", a -> withInt(a, 1, 0), "entry [1] = 0 is out of range 1..1");
        reject("streams", a -> withInt(a, 0, 3), "entry [0] = 3 is out of range 1..2");
        reject("bs_power", a -> withDouble(a, 5, -1), "entry [2, 1] = -1.0 must be >= 0");
        reject("noise_power", a -> withDouble(a, 4, 0), "entry [1, 1] = 0.0 must be > 0");
        reject("weights", a -> withDouble(a, 2, -0.5), "entry [0, 2] = -0.5 must be > 0");
        reject("weights", a -> withDouble(a, 1, 0), "entry [0, 1] = 0.0 must be > 0");
    }

    @Test
    void zeroPowerIsAccepted() throws IOException {
        Map<String, NpyArray> arrays = validArrays();
        arrays.put("bs_power", withDouble(arrays.get("bs_power"), 1, 0));
        Path file = dir.resolve("p0.npz");
        NpzWriter.write(file, arrays);
        assertEquals(0.0, ChannelDataset.read(file).problems().get(0).bsPowerW(1));
    }

    @Test
    void rejectsNonZeroPadding() throws IOException {
        // UE 1 (N = 1) from BS 1 (M = 2) in sample 2: element [2, 1, 1, 1, 0] is padding
        int flat = (((2 * 3 + 1) * 2 + 1) * 2 + 1) * 3;
        reject("H", a -> withDouble(a, 2 * flat + 1, 1e-9),
                "entry [2, 1, 1, 1, 0] = (0.0, 1.0E-9j) lies outside the N_i x M_k = 1 x 2 block");
        // UE 0 (d = 1) served by BS 0 (M = 3): V0[0, 0, 2, 1] is padding
        reject("V0", a -> withDouble(a, 2 * (2 * 2 + 1), 3), "entry [0, 0, 2, 1] = (3.0, 0.0j) lies outside the "
                + "M_k x d_i = 3 x 1 block");
        // UE 1 served by BS 1 (M = 2): row 2 of V0[1, 1] is padding
        reject("V0", a -> withDouble(a, 2 * (((1 * 3 + 1) * 3 + 2) * 2), -2), "entry [1, 1, 2, 0]");
    }

    @Test
    void damagedArchivesAreDatasetFormatErrors() throws IOException {
        Path notZip = dir.resolve("notzip.npz");
        Files.writeString(notZip, "H,ue_antennas\n1,2\n");
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> ChannelDataset.read(notZip));
        assertEquals(NpzFormatException.ARCHIVE, e.key());
        assertTrue(e.getMessage().startsWith(notZip + ": (archive): "), e.getMessage());

        Path good = dir.resolve("good.npz");
        ChannelDataset.of(problems(17, false), v0(18)).write(good);
        byte[] bytes = Files.readAllBytes(good);
        for (int cut : new int[] {bytes.length - 22, bytes.length / 2, 64}) {
            Path truncated = dir.resolve("cut" + cut + ".npz");
            Files.write(truncated, Arrays.copyOf(bytes, cut));
            assertThrows(DatasetFormatException.class, () -> ChannelDataset.read(truncated), "cut at " + cut);
        }
        // an entry whose data are cut short inside an otherwise valid zip
        Map<String, NpyArray> arrays = validArrays();
        Path partial = dir.resolve("partial.npz");
        Map<String, byte[]> raw = new LinkedHashMap<>();
        for (Map.Entry<String, NpyArray> a : arrays.entrySet()) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            NpyFormat.write(out, a.getValue());
            byte[] b = out.toByteArray();
            raw.put(a.getKey() + ".npy", a.getKey().equals("noise_power") ? Arrays.copyOf(b, b.length - 8) : b);
        }
        RawNpz.zip(partial, raw, true);
        DatasetFormatException p = assertThrows(DatasetFormatException.class, () -> ChannelDataset.read(partial));
        assertEquals("noise_power", p.key(), p.getMessage());
    }
}
