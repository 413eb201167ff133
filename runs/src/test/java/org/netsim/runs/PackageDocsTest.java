package org.netsim.runs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every package of every module's main sources has a package-info.java saying what the package is for (the
 * Javadoc's package summaries), so a new package cannot land undocumented.
 */
class PackageDocsTest {

    @Test
    void everyMainPackageHasAPackageInfo() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<String> missing = new ArrayList<>();
        int packages = 0;
        try (Stream<Path> modules = Files.list(root)) {
            for (Path m : modules.filter(p -> Files.isDirectory(p.resolve("src/main/java"))).toList()) {
                try (Stream<Path> files = Files.walk(m.resolve("src/main/java"))) {
                    for (Path dir : files.filter(Files::isDirectory).toList()) {
                        boolean hasJava;
                        try (Stream<Path> in = Files.list(dir)) {
                            hasJava = in.anyMatch(f -> f.toString().endsWith(".java"));
                        }
                        if (hasJava) {
                            packages++;
                            if (!Files.exists(dir.resolve("package-info.java"))) {
                                missing.add(root.relativize(dir).toString());
                            }
                        }
                    }
                }
            }
        }
        assertTrue(packages > 20, "found only " + packages + " packages under " + root);
        assertTrue(missing.isEmpty(), "packages without package-info.java: " + missing);
    }
}
