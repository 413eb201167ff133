package org.netsim.scenarios.dataset;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Hand-made .npy bytes and .npz archives for the reader's rejection tests, independent of {@link NpzWriter}. */
final class RawNpz {

    private RawNpz() {
    }

    /** A version 1.0 .npy entry with the given header dict text (padded to 64 bytes) and raw data bytes. */
    static byte[] npy(String dict, byte[] data) {
        return npy(1, dict, data);
    }

    /** A .npy entry of format major.0 with the given header dict text and raw data bytes. */
    static byte[] npy(int major, String dict, byte[] data) {
        int lengthBytes = major == 1 ? 2 : 4;
        int prefix = 8 + lengthBytes;
        int unpadded = dict.length() + 1;
        int pad = (64 - (prefix + unpadded) % 64) % 64;
        ByteBuffer b = ByteBuffer.allocate(prefix + unpadded + pad + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) major).put((byte) 0);
        if (lengthBytes == 2) {
            b.putShort((short) (unpadded + pad));
        } else {
            b.putInt(unpadded + pad);
        }
        b.put(dict.getBytes(StandardCharsets.ISO_8859_1));
        for (int p = 0; p < pad; p++) {
            b.put((byte) ' ');
        }
        b.put((byte) '\n').put(data);
        return b.array();
    }

    /** Little-endian float64 bytes. */
    static byte[] f8(double... values) {
        ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            b.putDouble(v);
        }
        return b.array();
    }

    /** A zip archive of the given entries (name to bytes), stored or deflated. */
    static void zip(Path file, Map<String, byte[]> entries, boolean deflate) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                byte[] bytes = e.getValue();
                if (!deflate) {
                    CRC32 crc = new CRC32();
                    crc.update(bytes);
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(bytes.length);
                    entry.setCompressedSize(bytes.length);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(bytes);
                zip.closeEntry();
            }
        }
    }

    /** A one-entry stored archive. */
    static void zip(Path file, String name, byte[] bytes) throws IOException {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put(name, bytes);
        zip(file, m, false);
    }

    /** The bytes of an archive written by {@link NpzWriter} to a stream. */
    static byte[] npzBytes(Map<String, NpyArray> arrays, boolean compressed) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NpzWriter.write(out, arrays, compressed);
        return out.toByteArray();
    }
}
