package org.netsim.examples.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netsim.precoding.RateReport;
import org.netsim.simcore.SlotReport;

/**
 * The README's library examples are the compiled lines of {@link ReadmePrecoderExample} and
 * {@link ReadmePluginExample} (same lines, same order, indentation aside), and they work.
 */
class ReadmeExamplesTest {

    static final Path README = Path.of("..", "README.md");
    static final Path SOURCES = Path.of("src", "main", "java", "org", "netsim", "examples", "readme");

    /** @return the stripped lines of {@code file} between "// README NAME begin" and "// README NAME end" */
    static List<String> block(Path file, String name) throws IOException {
        List<String> out = new ArrayList<>();
        boolean in = false;
        for (String line : Files.readAllLines(file)) {
            String t = line.strip();
            if (t.equals("// README " + name + " begin")) {
                in = true;
            } else if (t.equals("// README " + name + " end")) {
                return out;
            } else if (in) {
                out.add(t);
            }
        }
        fail(file + ": no README " + name + " block");
        return out;
    }

    static void assertInReadme(List<String> block) throws IOException {
        List<String> readme = Files.readAllLines(README).stream().map(String::strip).toList();
        assertTrue(block.size() >= 5, "block too short: " + block);
        for (int start = 0; start + block.size() <= readme.size(); start++) {
            if (readme.subList(start, start + block.size()).equals(block)) {
                return;
            }
        }
        fail("README.md does not show these lines verbatim (update it from the compiled example):\n"
                + String.join("\n", block));
    }

    @Test
    void thePrecoderExampleIsInTheReadmeAndWorks() throws IOException {
        assertInReadme(block(SOURCES.resolve("ReadmePrecoderExample.java"), "precoder"));
        RateReport rates = ReadmePrecoderExample.run();
        assertEquals(4, rates.ueRateNat().length);
        assertTrue(rates.wsrNat() > 0);
    }

    @Test
    void thePluginExampleIsInTheReadmeAndWorks() throws IOException {
        assertInReadme(block(SOURCES.resolve("ReadmePluginExample.java"), "plugin"));
        ReadmePluginExample model = new ReadmePluginExample(3);
        model.start();
        for (int i = 0; i < 5; i++) {
            model.schedule.step(model);
        }
        model.finish();
        assertEquals(5, model.reports.size());
        SlotReport last = model.reports.get(4);
        assertEquals(10, last.numUes());
        assertTrue(last.sumRateNat() > 0);
    }
}
