package org.netsim.precoding.learned;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Test-side writer of encoded models ({@link ModelFiles#encode}), in the order and manner the format requires:
 * parameters first, card last, each written to a temporary file beside its target and renamed into place.
 * (The main code of this module does no file output; the runs module has its own atomic writer.)
 */
public final class ModelDirectories {

    private ModelDirectories() {
    }

    /** Writes a model into {@code dir} (created if needed), replacing a previous one. */
    public static void write(Path dir, ModelFiles.Encoded model) throws IOException {
        Files.createDirectories(dir);
        writeAtomically(dir.resolve(ModelFiles.PARAMETERS_FILE), model.parameters());
        writeAtomically(dir.resolve(ModelFiles.CARD_FILE), model.cardJson());
    }

    private static void writeAtomically(Path target, byte[] content) throws IOException {
        Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName(), ".tmp");
        try {
            Files.write(tmp, content);
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
