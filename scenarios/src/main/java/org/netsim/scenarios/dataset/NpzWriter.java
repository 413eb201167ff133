package org.netsim.scenarios.dataset;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes NumPy {@code .npz} archives that {@code numpy.load} reads: one entry {@code KEY.npy} per array, in the
 * map's iteration order, each in {@code .npy} format 1.0 (2.0 only for a header longer than 65535 bytes). Entries
 * are stored uncompressed, as {@code np.savez} does, or deflated, as {@code np.savez_compressed} does. Entry
 * timestamps are fixed (1980-01-01), so equal arrays give byte-identical files.
 *
 * <p>Writing to a path is atomic: the archive is written to a temporary file in the target's directory, flushed to
 * disk, then renamed over the target ({@link StandardCopyOption#ATOMIC_MOVE}, falling back to
 * {@link StandardCopyOption#REPLACE_EXISTING} where the file system cannot move atomically). If anything fails, the
 * temporary file is deleted and an existing target is left as it was.
 */
public final class NpzWriter {

    private static final LocalDateTime FIXED_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

    private NpzWriter() {
    }

    /**
     * Writes an uncompressed archive atomically (like {@code np.savez}).
     *
     * @param file the target; replaced if it exists
     * @param arrays the arrays by key; keys are non-empty and contain no '/', '\' or control characters
     * @throws IOException if writing fails (no file is left behind)
     */
    public static void write(Path file, Map<String, NpyArray> arrays) throws IOException {
        write(file, arrays, false);
    }

    /**
     * Writes an archive atomically.
     *
     * @param file the target; replaced if it exists
     * @param arrays the arrays by key; keys are non-empty and contain no '/', '\' or control characters
     * @param compressed deflate the entries (like {@code np.savez_compressed}) instead of storing them
     * @throws IOException if writing fails (no file is left behind)
     */
    public static void write(Path file, Map<String, NpyArray> arrays, boolean compressed) throws IOException {
        Map<String, NpyArray> copy = checkedCopy(arrays);
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        // a fresh hidden name next to the target; CREATE_NEW (not createTempFile) so the file gets the usual
        // permissions of a new file rather than owner-only ones
        Path tmp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW);
        try {
            try (channel) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                writeArchive(out, copy, compressed);
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException | Error e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /**
     * Writes an archive to a stream (not atomic; the stream is finished but not closed).
     *
     * @param out receives the archive
     * @param arrays the arrays by key; keys are non-empty and contain no '/', '\' or control characters
     * @param compressed deflate the entries instead of storing them
     * @throws IOException if writing fails
     */
    public static void write(OutputStream out, Map<String, NpyArray> arrays, boolean compressed)
            throws IOException {
        writeArchive(out, checkedCopy(arrays), compressed);
        out.flush();
    }

    private static void writeArchive(OutputStream out, Map<String, NpyArray> arrays, boolean compressed)
            throws IOException {
        ZipOutputStream zip = new ZipOutputStream(new NonClosing(out));
        for (Map.Entry<String, NpyArray> e : arrays.entrySet()) {
            NpyArray array = e.getValue();
            ZipEntry entry = new ZipEntry(e.getKey() + ".npy");
            entry.setTimeLocal(FIXED_TIME);
            if (compressed) {
                entry.setMethod(ZipEntry.DEFLATED);
            } else {
                // a stored entry needs its size and CRC up front: one pass over the data to compute the CRC
                CRC32 crc = new CRC32();
                try (CheckedOutputStream sink = new CheckedOutputStream(OutputStream.nullOutputStream(), crc)) {
                    NpyFormat.write(sink, array);
                }
                long size = NpyFormat.serializedBytes(array);
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(size);
                entry.setCompressedSize(size);
                entry.setCrc(crc.getValue());
            }
            zip.putNextEntry(entry);
            NpyFormat.write(zip, array);
            zip.closeEntry();
        }
        zip.finish();
    }

    private static Map<String, NpyArray> checkedCopy(Map<String, NpyArray> arrays) {
        Objects.requireNonNull(arrays, "arrays");
        Map<String, NpyArray> copy = new LinkedHashMap<>(arrays);
        for (Map.Entry<String, NpyArray> e : copy.entrySet()) {
            String key = e.getKey();
            if (key == null || key.isEmpty()) {
                throw new IllegalArgumentException("arrays: keys must be non-empty");
            }
            for (int c = 0; c < key.length(); c++) {
                char ch = key.charAt(c);
                if (ch == '/' || ch == '\\' || Character.isISOControl(ch)) {
                    throw new IllegalArgumentException("arrays: key '" + key
                            + "' must not contain '/', '\\' or control characters");
                }
            }
            if (e.getValue() == null) {
                throw new IllegalArgumentException("arrays: " + key + ": array is null");
            }
        }
        return copy;
    }

    /** Lets {@link ZipOutputStream#finish()} complete the archive without closing the caller's stream. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
