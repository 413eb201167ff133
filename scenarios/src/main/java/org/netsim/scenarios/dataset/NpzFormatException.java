package org.netsim.scenarios.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A {@code .npz} or {@code .npy} file that is not what it must be: not a zip archive, a malformed header, an
 * unsupported dtype, a size that does not match the header, a missing or unexpected key, and so on. The message is
 * one line, {@code "<file>: <key>: <reason>"}; the key is the array's name, or {@value #ARCHIVE} when the problem
 * concerns the archive as a whole.
 */
public class NpzFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    /** The key reported when the problem is with the zip archive itself rather than with one array. */
    public static final String ARCHIVE = "(archive)";

    private final transient Path file;
    private final String key;
    private final String reason;

    /**
     * @param file the file being read
     * @param key the array name, or {@link #ARCHIVE}
     * @param reason what is wrong; line breaks are replaced by spaces to keep the message on one line
     */
    public NpzFormatException(Path file, String key, String reason) {
        this(file, key, reason, null);
    }

    /**
     * @param file the file being read
     * @param key the array name, or {@link #ARCHIVE}
     * @param reason what is wrong; line breaks are replaced by spaces to keep the message on one line
     * @param cause the underlying exception, or {@code null}
     */
    public NpzFormatException(Path file, String key, String reason, Throwable cause) {
        super(file + ": " + key + ": " + oneLine(reason), cause);
        this.file = Objects.requireNonNull(file, "file");
        this.key = Objects.requireNonNull(key, "key");
        this.reason = oneLine(reason);
    }

    /** @return the file being read */
    public Path file() {
        return file;
    }

    /** @return the offending array's name, or {@link #ARCHIVE} */
    public String key() {
        return key;
    }

    /** @return what is wrong, without the file and key prefix */
    public String reason() {
        return reason;
    }

    private static String oneLine(String s) {
        return String.valueOf(s).replaceAll("[\\r\\n]+", " ");
    }
}
