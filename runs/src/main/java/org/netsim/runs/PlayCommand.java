package org.netsim.runs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.netsim.visualization.display.GuiLauncher;
import org.netsim.visualization.display.PlaybackWithUI;
import org.netsim.visualization.playback.TracePlayback;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code netsim play}: plays a run's trace back in a MASON window ({@link PlaybackWithUI}), without re-simulating:
 * the Console plays, pauses and steps through the recorded slots; the Model tab's {@code Slot} jumps to any of them.
 * Needs a display; without one it ends with a one-line message pointing to {@code netsim render}.
 */
@Command(name = "play", mixinStandardHelpOptions = true,
        description = "Play a run's trace (RUN_DIR/trace.bin) back in a MASON window: play/pause/step, seek to a "
                + "slot, inspect UEs and BSs. Needs a display (netsim render works without one).")
final class PlayCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A run directory (with trace.bin).")
    Path runDir;

    @Option(names = "--slot", paramLabel = "N",
            description = "Start at the first recorded slot at or after N (default: the first recorded).")
    Long slot;

    @Override
    public Integer call() throws Exception {
        if (slot != null && slot < 0) {
            throw new IllegalArgumentException("slot: must be >= 0, got " + slot);
        }
        Path trace = Files.isDirectory(runDir) ? runDir.resolve("trace.bin") : runDir;
        if (!Files.exists(trace)) {
            throw new IllegalArgumentException(trace + ": no such file (not a run directory?)");
        }
        GuiLauncher.requireDisplay("play");
        TracePlayback playback = new TracePlayback(trace);
        if (slot != null) {
            playback.setStartSlot(slot);
        }
        GuiLauncher.run(new PlaybackWithUI(playback), true);
        return 0;
    }
}
