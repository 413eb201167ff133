package org.netsim.scenarios.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NpzFileTest {

    @TempDir
    Path dir;

    private static Map<String, NpyArray> sampleArrays() {
        Map<String, NpyArray> m = new LinkedHashMap<>();
        m.put("carrier_hz", NpyArray.scalarFloat64(3.5e9));
        m.put("slot_s", NpyArray.scalarFloat64(1e-3));
        m.put("count", NpyArray.scalarInt32(-7));
        m.put("empty", NpyArray.ofFloat64(new int[] {0}, new double[0]));
        m.put("empty2", NpyArray.ofComplex128(new int[] {3, 0}, new double[0]));
        m.put("z", NpyArray.ofComplex128(new int[] {2, 1}, new double[] {1.5, -0.0, Double.MIN_VALUE, -1e300}));
        m.put("f", NpyArray.ofFloat64(new int[] {3}, new double[] {Double.NaN, Double.NEGATIVE_INFINITY, 0.1}));
        int[] ints = new int[30000]; // more than one 64 KiB chunk
        for (int e = 0; e < ints.length; e++) {
            ints[e] = e * 7919 - 1000;
        }
        m.put("ints", NpyArray.ofInt32(new int[] {10, 3000}, ints));
        double[] big = new double[2 * 9000];
        for (int e = 0; e < big.length; e++) {
            big[e] = Math.sin(e) * 1e-7;
        }
        m.put("big", NpyArray.ofComplex128(new int[] {3, 3000}, big));
        return m;
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void roundTripKeepsKeysOrderShapesAndBits(boolean compressed) throws IOException {
        Map<String, NpyArray> arrays = sampleArrays();
        Path file = dir.resolve("a.npz");
        NpzWriter.write(file, arrays, compressed);
        NpzFile read = NpzFile.read(file);
        assertEquals(List.copyOf(arrays.keySet()), List.copyOf(read.keys()));
        assertEquals(arrays, read.arrays()); // NpyArray equality is bitwise
        assertEquals(3.5e9, read.require("carrier_hz").float64Value());
        assertEquals(0, read.require("count").rank());
        assertEquals(Double.doubleToRawLongBits(-0.0),
                Double.doubleToRawLongBits(read.require("z").imag(0)));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left");
        }
    }

    @Test
    void writesNumpyHeadersAlignedTo64BytesInFormat1() throws IOException {
        byte[] header = NpyFormat.headerBytes(NpyArray.ofComplex128(new int[] {10, 9, 16, 2}, new double[5760]));
        String text = new String(header, StandardCharsets.ISO_8859_1);
        assertEquals(0, header.length % 64);
        assertEquals(1, header[6]);
        assertEquals(0, header[7]);
        // the exact header numpy 2.x writes for this array (see the shared fixture sample-peer-fastfp.npz, V0.npy)
        assertEquals("{'descr': '<c16', 'fortran_order': False, 'shape': (10, 9, 16, 2), }", text.substring(10,
                text.indexOf('}') + 1));
        assertTrue(text.endsWith(" \n"));
        String scalar = new String(NpyFormat.headerBytes(NpyArray.scalarFloat64(1)), StandardCharsets.ISO_8859_1);
        assertTrue(scalar.contains("'shape': (), }"), scalar);
        String vector = new String(NpyFormat.headerBytes(NpyArray.ofInt32(new int[] {3}, new int[3])),
                StandardCharsets.ISO_8859_1);
        assertTrue(vector.contains("'shape': (3,), }"), vector);
    }

    @Test
    void equalArraysGiveByteIdenticalFiles() throws IOException {
        assertArrayEquals(RawNpz.npzBytes(sampleArrays(), false), RawNpz.npzBytes(sampleArrays(), false));
    }

    @Test
    void readsFormat2HeadersAndDeflatedEntries() throws IOException {
        Path file = dir.resolve("v2.npz");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("a.npy", RawNpz.npy(2, "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }",
                RawNpz.f8(1.25, -2)));
        entries.put("b.npy", RawNpz.npy(1, "{\"shape\": (1, 1), \"fortran_order\": False, \"descr\": \"<f8\"}",
                RawNpz.f8(4)));
        RawNpz.zip(file, entries, true);
        NpzFile read = NpzFile.read(file);
        assertArrayEquals(new double[] {1.25, -2}, read.require("a").toFloat64Array());
        assertArrayEquals(new int[] {1, 1}, read.require("b").shape());
    }

    @Test
    void missingKeyIsNamed() throws IOException {
        Path file = dir.resolve("a.npz");
        NpzWriter.write(file, Map.of("x", NpyArray.scalarFloat64(1)));
        NpzFile read = NpzFile.read(file);
        assertTrue(read.find("y").isEmpty());
        assertFalse(read.contains("y"));
        NpzFormatException e = assertThrows(NpzFormatException.class, () -> read.require("y"));
        assertEquals(file + ": y: required array is missing", e.getMessage());
    }

    private NpzFormatException rejectEntry(String dict, byte[] data) throws IOException {
        Path file = dir.resolve("bad.npz");
        RawNpz.zip(file, "k.npy", RawNpz.npy(dict, data));
        NpzFormatException e = assertThrows(NpzFormatException.class, () -> NpzFile.read(file));
        assertEquals("k", e.key());
        assertEquals(file, e.file());
        assertTrue(e.getMessage().startsWith(file + ": k: "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        return e;
    }

    @Test
    void rejectsUnsupportedDtypesNamingThem() throws IOException {
        assertTrue(rejectEntry("{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }", RawNpz.f8(1))
                .reason().contains("unsupported dtype '<f4'"));
        assertTrue(rejectEntry("{'descr': '>f8', 'fortran_order': False, 'shape': (1,), }", RawNpz.f8(1))
                .reason().contains("big-endian dtype '>f8'"));
        assertTrue(rejectEntry("{'descr': [('a', '<f8')], 'fortran_order': False, 'shape': (1,), }", RawNpz.f8(1))
                .reason().contains("unsupported dtype"));
    }

    @Test
    void rejectsFortranOrder() throws IOException {
        assertTrue(rejectEntry("{'descr': '<f8', 'fortran_order': True, 'shape': (1,), }", RawNpz.f8(1))
                .reason().contains("fortran_order True"));
    }

    @Test
    void parsesHeadersStrictly() throws IOException {
        assertTrue(rejectEntry("{'descr': '<f8', 'fortran_order': False, 'shape': (1,), 'x': 1, }", RawNpz.f8(1))
                .reason().contains("unexpected header key 'x'"));
        assertTrue(rejectEntry("{'descr': '<f8', 'fortran_order': False, }", RawNpz.f8(1))
                .reason().contains("lacks 'shape'"));
        assertTrue(rejectEntry("{'descr': '<f8', 'descr': '<f8', 'fortran_order': False, 'shape': (1,), }",
                RawNpz.f8(1)).reason().contains("duplicate"));
        assertTrue(rejectEntry("{'descr': '<f8', 'fortran_order': False, 'shape': (1), }", RawNpz.f8(1))
                .reason().contains("trailing comma"));
        assertTrue(rejectEntry("{'descr': '<f8', 'fortran_order': False, 'shape': (-1,), }", RawNpz.f8(1))
                .reason().contains("non-negative"));
        assertTrue(rejectEntry("{'descr': '<f8', 'fortran_order': False, 'shape': (99999999999999999999,), }",
                RawNpz.f8(1)).reason().contains("too large"));
        assertTrue(rejectEntry("{'descr': '<f8', 'fortran_order': 0, 'shape': (1,), }", RawNpz.f8(1))
                .reason().contains("True or False"));
        assertTrue(rejectEntry("{'descr': '<f8', 'fortran_order': False, 'shape': (1,), } x", RawNpz.f8(1))
                .reason().contains("after the dict"));
    }

    @Test
    void rejectsDataShorterOrLongerThanTheShape() throws IOException {
        assertTrue(rejectEntry("{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }", RawNpz.f8(1, 2))
                .reason().contains("holds 16 data bytes but shape (3,) of <f8 needs 24"));
        assertTrue(rejectEntry("{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }", RawNpz.f8(1, 2))
                .reason().contains("needs 8"));
    }

    @Test
    void rejectsAbsurdShapesBeforeAllocating() throws IOException {
        assertTrue(rejectEntry("{'descr': '<c16', 'fortran_order': False, 'shape': (100000, 100000, 100000), }",
                RawNpz.f8(1)).reason().contains("too many for this reader"));
        assertTrue(rejectEntry("{'descr': '<c16', 'fortran_order': False, 'shape': (30000, 30000), }",
                RawNpz.f8(1)).reason().contains("needs 14400000000"));
    }

    @Test
    void rejectsBadMagicAndUnsupportedVersions() throws IOException {
        Path file = dir.resolve("bad.npz");
        RawNpz.zip(file, "k.npy", "not numpy at all".getBytes(StandardCharsets.US_ASCII));
        assertTrue(assertThrows(NpzFormatException.class, () -> NpzFile.read(file)).getMessage()
                .endsWith(": k: not a .npy array (bad magic bytes)"));
        RawNpz.zip(file, "k.npy", RawNpz.npy(3, "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }",
                RawNpz.f8(1)));
        assertTrue(assertThrows(NpzFormatException.class, () -> NpzFile.read(file)).reason()
                .contains("version 3.0"));
        RawNpz.zip(file, "k.npy", new byte[] {(byte) 0x93, 'N', 'U'});
        assertTrue(assertThrows(NpzFormatException.class, () -> NpzFile.read(file)).reason()
                .startsWith("truncated"));
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int p = from; p <= haystack.length - needle.length; p++) {
            for (int q = 0; q < needle.length; q++) {
                if (haystack[p + q] != needle[q]) {
                    continue outer;
                }
            }
            return p;
        }
        return -1;
    }

    @Test
    void rejectsCorruptedBytesByTheirCrc() throws IOException {
        byte[] bytes = RawNpz.npzBytes(Map.of("x", NpyArray.ofFloat64(new int[] {2}, new double[] {1234.5678, 1})),
                false);
        int at = indexOf(bytes, RawNpz.f8(1234.5678), 0);
        assertTrue(at > 0);
        bytes[at] ^= 1; // one flipped bit of the mantissa: still a valid double, but not the one written
        Path file = dir.resolve("flipped.npz");
        Files.write(file, bytes);
        NpzFormatException e = assertThrows(NpzFormatException.class, () -> NpzFile.read(file));
        assertEquals("x", e.key());
        assertTrue(e.reason().contains("CRC-32 mismatch"), e.getMessage());
    }

    @Test
    void rejectsDuplicateKeys() throws IOException {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put("a", NpyArray.scalarFloat64(1));
        arrays.put("b", NpyArray.scalarFloat64(2));
        byte[] bytes = RawNpz.npzBytes(arrays, false);
        byte[] name = "b.npy".getBytes(StandardCharsets.US_ASCII);
        for (int p = indexOf(bytes, name, 0); p >= 0; p = indexOf(bytes, name, p + 1)) {
            bytes[p] = 'a'; // local and central headers both renamed: two entries called a.npy
        }
        Path file = dir.resolve("dup.npz");
        Files.write(file, bytes);
        NpzFormatException e = assertThrows(NpzFormatException.class, () -> NpzFile.read(file));
        assertEquals("a", e.key());
        assertTrue(e.reason().contains("twice"), e.getMessage());
    }

    @Test
    void rejectsEntriesThatAreNotNpy() throws IOException {
        Path file = dir.resolve("bad.npz");
        RawNpz.zip(file, "readme.txt", new byte[] {1});
        NpzFormatException e = assertThrows(NpzFormatException.class, () -> NpzFile.read(file));
        assertEquals("readme.txt", e.key());
    }

    @Test
    void rejectsFilesThatAreNotZipArchives() throws IOException {
        Path file = dir.resolve("text.npz");
        Files.writeString(file, "hello, this is not a zip archive\n");
        NpzFormatException e = assertThrows(NpzFormatException.class, () -> NpzFile.read(file));
        assertEquals(NpzFormatException.ARCHIVE, e.key());
        assertTrue(e.getMessage().startsWith(file + ": (archive): not a readable zip archive"), e.getMessage());
        Path empty = Files.createFile(dir.resolve("empty.npz"));
        assertEquals(NpzFormatException.ARCHIVE,
                assertThrows(NpzFormatException.class, () -> NpzFile.read(empty)).key());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void rejectsTruncatedArchives(boolean compressed) throws IOException {
        byte[] whole = RawNpz.npzBytes(sampleArrays(), compressed);
        for (int cut : new int[] {whole.length - 1, whole.length - 30, whole.length / 2, 100, 10}) {
            Path file = dir.resolve("cut" + cut + ".npz");
            Files.write(file, Arrays.copyOf(whole, cut));
            assertThrows(NpzFormatException.class, () -> NpzFile.read(file), "cut at " + cut);
        }
    }

    @Test
    void missingFileIsAnIoErrorNotAFormatError() {
        IOException e = assertThrows(IOException.class, () -> NpzFile.read(dir.resolve("absent.npz")));
        assertFalse(e instanceof NpzFormatException, e.toString());
    }

    @Test
    void failedWriteLeavesNothingBehindAndKeepsTheTarget() throws IOException {
        // the target is a non-empty directory: the archive is written, the final rename fails
        Path target = Files.createDirectory(dir.resolve("out.npz"));
        Files.writeString(target.resolve("keep.txt"), "kept");
        assertThrows(IOException.class, () -> NpzWriter.write(target, sampleArrays()));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList(), "the temporary file is deleted");
        }
        assertEquals("kept", Files.readString(target.resolve("keep.txt")));
    }

    @Test
    void rejectsKeysThatAreNotPlainNames() {
        Path file = dir.resolve("a.npz");
        for (String key : new String[] {"", "a/b", "a\\b", "a\nb"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> NpzWriter.write(file, Map.of(key, NpyArray.scalarInt32(1))), key);
            assertTrue(e.getMessage().startsWith("arrays: "), e.getMessage());
        }
        assertFalse(Files.exists(file));
    }
}
