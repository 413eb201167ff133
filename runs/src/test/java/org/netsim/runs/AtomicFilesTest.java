package org.netsim.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path tmp;

    @Test
    void writesWholeFilesWithOrdinaryPermissionsAndLeavesNoTemporaryFile() throws IOException {
        Path f = tmp.resolve("a.json");
        AtomicFiles.writeString(f, "{}\n");
        assertEquals("{}\n", Files.readString(f));
        try (var s = Files.list(tmp)) {
            assertEquals(1, s.count());
        }
        Assumptions.assumeTrue(tmp.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path plain = Files.writeString(tmp.resolve("plain.txt"), "x");
        assertEquals(PosixFilePermissions.toString(Files.getPosixFilePermissions(plain)),
                PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
    }

    @Test
    void aFailedWriteLeavesNothing() throws IOException {
        Path f = tmp.resolve("b.csv");
        assertThrows(IOException.class, () -> AtomicFiles.writeText(f, w -> {
            w.write("half");
            throw new IOException("disk full");
        }));
        assertFalse(Files.exists(f));
        try (var s = Files.list(tmp)) {
            assertEquals(0, s.count(), "no temporary file is left behind");
        }
    }
}
