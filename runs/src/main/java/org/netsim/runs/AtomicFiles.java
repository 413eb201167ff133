package org.netsim.runs;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Whole files are written to a temporary name in the target directory and renamed when complete, so an
 * interrupted or failed write never leaves a half-written file under the final name.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /** Writes a text file through {@code body}. */
    public static void writeText(Path file, IoConsumer<Writer> body) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        // a fresh hidden name next to the target, created with CREATE_NEW (not createTempFile, which would make it
        // owner-only): the file gets the permissions of any other file the user writes
        Path tmp = (dir == null ? Path.of("") : dir).resolve("." + target.getFileName() + "."
                + java.util.UUID.randomUUID() + ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8, StandardOpenOption.WRITE,
                    StandardOpenOption.CREATE_NEW)) {
                body.accept(w);
            }
            move(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Writes {@code text} to {@code file} atomically. */
    public static void writeString(Path file, String text) throws IOException {
        writeText(file, w -> w.write(text));
    }

    /** Renames {@code tmp} to {@code target}, atomically where the file system allows. */
    public static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** A consumer that may throw {@link IOException}. */
    @FunctionalInterface
    public interface IoConsumer<T> {
        void accept(T t) throws IOException;
    }
}
