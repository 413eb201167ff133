package org.netsim.scenarios.dataset;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The arrays of a NumPy {@code .npz} archive (as written by {@code np.savez} or {@code np.savez_compressed}), read
 * completely into memory: a zip of entries {@code KEY.npy}, stored or deflated, each a {@code .npy} array of dtype
 * {@code '<c16'}, {@code '<f8'} or {@code '<i4'} in C order (see {@link NpyArray}); 0-d arrays included.
 *
 * <p>Reading is strict and bounded: every entry must be a {@code .npy} file with a well-formed header of format 1.0
 * or 2.0, a supported dtype, and exactly as many bytes as its shape needs (checked against the zip's entry size
 * before anything is allocated), and a CRC-32 that matches the archive's; keys must be unique. Every problem is an {@link NpzFormatException} naming the
 * file and the key. Immutable once read.
 */
public final class NpzFile {

    private final Path file;
    private final Map<String, NpyArray> arrays;

    private NpzFile(Path file, Map<String, NpyArray> arrays) {
        this.file = file;
        this.arrays = Collections.unmodifiableMap(arrays);
    }

    /**
     * Reads every array of an {@code .npz} archive.
     *
     * @param file the archive
     * @return its arrays, in archive order
     * @throws NpzFormatException if the file is not a zip archive, or an entry is not a supported {@code .npy} array
     * @throws IOException if the file cannot be read
     */
    public static NpzFile read(Path file) throws IOException {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new NpzFormatException(file, NpzFormatException.ARCHIVE, "not a readable zip archive ("
                    + e.getMessage() + ")", e);
        }
        try (zip) {
            long budget = Runtime.getRuntime().maxMemory();
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                if (entry.isDirectory() || !name.endsWith(".npy")) {
                    throw new NpzFormatException(file, name, "entry is not a .npy array (expected KEY.npy)");
                }
                String key = name.substring(0, name.length() - ".npy".length());
                if (arrays.containsKey(key)) {
                    throw new NpzFormatException(file, key, "appears twice in the archive");
                }
                long size = entry.getSize();
                if (size < 0) {
                    throw new NpzFormatException(file, key, "the archive does not record the entry's size");
                }
                budget -= size;
                if (budget < 0) {
                    throw new NpzFormatException(file, key, "the arrays up to this one need more than the "
                            + (Runtime.getRuntime().maxMemory() >> 20) + " MiB of Java heap available");
                }
                CRC32 crc = new CRC32();
                try (InputStream in = new CheckedInputStream(zip.getInputStream(entry), crc)) {
                    arrays.put(key, NpyFormat.read(in, size, file, key));
                } catch (ZipException | EOFException e) {
                    throw new NpzFormatException(file, key, "damaged entry (" + e.getMessage() + ")", e);
                }
                if (entry.getCrc() != -1 && crc.getValue() != entry.getCrc()) {
                    throw new NpzFormatException(file, key, "CRC-32 mismatch: the entry's bytes are corrupted");
                }
            }
        }
        return new NpzFile(file, arrays);
    }

    /** @return the file this archive was read from */
    public Path file() {
        return file;
    }

    /** @return the keys, in archive order (unmodifiable) */
    public Set<String> keys() {
        return arrays.keySet();
    }

    /** @return every array by key, in archive order (unmodifiable) */
    public Map<String, NpyArray> arrays() {
        return arrays;
    }

    /**
     * @param key an array name
     * @return whether the archive holds an array named {@code key}
     */
    public boolean contains(String key) {
        return arrays.containsKey(key);
    }

    /**
     * @param key an array name
     * @return the array named {@code key}, if present
     */
    public Optional<NpyArray> find(String key) {
        return Optional.ofNullable(arrays.get(key));
    }

    /**
     * @param key an array name
     * @return the array named {@code key}
     * @throws NpzFormatException naming the file and the key if the archive does not hold it
     */
    public NpyArray require(String key) throws NpzFormatException {
        NpyArray a = arrays.get(key);
        if (a == null) {
            throw new NpzFormatException(file, key, "required array is missing");
        }
        return a;
    }
}
