package org.netsim.scenarios.dataset;

import java.nio.file.Path;

/**
 * A channel dataset file that does not follow the layout of {@link ChannelDataset}: a missing or unknown key, a
 * wrong dtype or shape, a value out of range, NaN or infinity, non-zero padding, or a damaged archive. The message
 * is one line, {@code "<file>: <key>: <reason>"}.
 */
public class DatasetFormatException extends NpzFormatException {

    private static final long serialVersionUID = 1L;

    /**
     * @param file the dataset file
     * @param key the offending key, or {@link NpzFormatException#ARCHIVE}
     * @param reason what is wrong, one line
     */
    public DatasetFormatException(Path file, String key, String reason) {
        super(file, key, reason);
    }

    /**
     * @param file the dataset file
     * @param key the offending key, or {@link NpzFormatException#ARCHIVE}
     * @param reason what is wrong, one line
     * @param cause the underlying exception
     */
    public DatasetFormatException(Path file, String key, String reason, Throwable cause) {
        super(file, key, reason, cause);
    }
}
