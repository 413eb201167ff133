package org.netsim.visualization.display;

import java.awt.GraphicsEnvironment;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.Charset;
import java.util.concurrent.TimeUnit;
import javax.swing.SwingUtilities;
import sim.display.Console;

/**
 * Opens a {@link NetworkGuiState} in MASON's Console and waits for it to close; refuses, in one line, when there is
 * no display.
 */
public final class GuiLauncher {

    private GuiLauncher() {
    }

    /**
     * @param command the command asking for a display, for the message
     * @throws IllegalStateException if AWT is headless here: a JVM started with {@code -Djava.awt.headless=true}, or
     *     no X display (DISPLAY unset) on Linux
     */
    public static void requireDisplay(String command) {
        if (!GraphicsEnvironment.isHeadless()) {
            return;
        }
        String why = Boolean.getBoolean("java.awt.headless")
                ? "the JVM was started with -Djava.awt.headless=true"
                : System.getenv("DISPLAY") == null || System.getenv("DISPLAY").isEmpty() ? "DISPLAY is not set"
                : "the display " + System.getenv("DISPLAY") + " cannot be used";
        throw new IllegalStateException(command + ": no display available (" + why
                + "); netsim render RUN_DIR --out anim.gif draws a run without one");
    }

    /**
     * Makes the Console of {@code gui} and shows it, on the Swing thread. MASON's Console lists its own demo
     * simulations for "New Simulation..." and warns on stderr that the 3D ones do not load (this build leaves
     * Java3D out); that one line is dropped.
     *
     * @param startPaused whether to start the model paused at once, so the first slot (live: the dropped UEs;
     *     playback: the start slot) shows before play is pressed
     * @return the Console
     */
    public static Console open(NetworkGuiState gui, boolean startPaused) throws InterruptedException {
        Console[] console = new Console[1];
        try {
            SwingUtilities.invokeAndWait(() -> {
                PrintStream err = System.err;
                System.setErr(new PrintStream(new DroppingStream(err, "probably no Java3D"), false,
                        Charset.defaultCharset()));
                try {
                    console[0] = new Console(gui);
                } finally {
                    System.setErr(err);
                }
                console[0].setVisible(true);
                if (startPaused) {
                    console[0].pressPause();
                }
            });
        } catch (InvocationTargetException e) {
            Throwable c = e.getCause();
            throw c instanceof RuntimeException r ? r : new IllegalStateException("display: " + c, c);
        }
        return console[0];
    }

    /** Opens the Console and blocks until it is closed. */
    public static void run(NetworkGuiState gui, boolean startPaused) throws InterruptedException {
        open(gui, startPaused);
        while (!gui.awaitQuit(1, TimeUnit.DAYS)) {
            // wait on
        }
    }

    /** Passes whole lines through, except those containing a marker. */
    private static final class DroppingStream extends OutputStream {
        private final PrintStream out;
        private final String marker;
        private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

        DroppingStream(PrintStream out, String marker) {
            this.out = out;
            this.marker = marker;
        }

        @Override
        public synchronized void write(int b) {
            line.write(b);
            if (b == '\n') {
                flush();
            }
        }

        @Override
        public synchronized void flush() {
            String s = line.toString(Charset.defaultCharset());
            line.reset();
            if (!s.isEmpty() && !s.contains(marker)) {
                out.print(s);
                out.flush();
            }
        }
    }
}
