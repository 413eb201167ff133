package org.netsim.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.GraphicsEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The GUI commands' help and errors; what needs no window (the GUI itself is {@link GuiTest}). */
class PlayCommandTest {

    @TempDir
    Path tmp;

    @Test
    void helpNamesTheCommandsAndOptions() {
        CliTest.Run play = CliTest.run("play", "--help");
        assertEquals(0, play.exit());
        assertTrue(play.out().contains("Usage: netsim play") && play.out().contains("--slot"), play.out());
        CliTest.Run run = CliTest.run("run", "--help");
        assertTrue(run.out().contains("--gui"), run.out());
        assertTrue(CliTest.run("--help").out().contains("play"));
    }

    @Test
    void badInputIsAOneLineErrorBeforeAnyWindow() {
        CliTest.Run none = CliTest.run("play", tmp.resolve("nope").toString());
        assertEquals(1, none.exit());
        assertEquals(1, none.err().lines().count(), none.err());
        assertTrue(none.err().startsWith("netsim: ") && none.err().contains("no such file"), none.err());
        CliTest.Run negative = CliTest.run("play", tmp.toString(), "--slot", "-3");
        assertEquals(1, negative.exit());
        assertTrue(negative.err().contains("slot: must be >= 0"), negative.err());
        Path out = tmp.resolve("out");
        CliTest.Run gui = CliTest.run("run", "urban-7cell", "--gui", "--out", out.toString());
        assertEquals(1, gui.exit());
        assertTrue(gui.err().startsWith("netsim: gui: writes no files"), gui.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void withoutADisplayTheGuiCommandsSaySoInOneLine() throws Exception {
        Assumptions.assumeTrue(GraphicsEnvironment.isHeadless(), "a display is available: GuiTest opens the windows");
        Path run = tmp.resolve("run");
        assertEquals(0, CliTest.run("run", "urban-7cell", "--slots", "2", "--quiet", "--no-charts", "--out",
                run.toString()).exit());
        CliTest.Run play = CliTest.run("play", run.toString());
        assertEquals(1, play.exit());
        assertEquals(1, play.err().lines().count(), play.err());
        assertTrue(play.err().startsWith("netsim: play: no display available ("), play.err());
        assertTrue(play.err().contains("netsim render"), play.err());
        CliTest.Run live = CliTest.run("run", "urban-7cell", "--gui");
        assertEquals(1, live.exit());
        assertTrue(live.err().startsWith("netsim: run --gui: no display available ("), live.err());
    }
}
