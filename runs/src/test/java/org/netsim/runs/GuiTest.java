package org.netsim.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.GraphicsEnvironment;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import javax.imageio.ImageIO;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netsim.scenarios.sim.SimulationCatalog;
import org.netsim.scenarios.sim.SimulationScenario;
import org.netsim.simcore.BaseStation;
import org.netsim.simcore.NetworkSimulation;
import org.netsim.visualization.display.DisplayOptions;
import org.netsim.visualization.display.GuiLauncher;
import org.netsim.visualization.display.NetworkGuiState;
import org.netsim.visualization.display.NetworkWithUI;
import org.netsim.visualization.display.PlaybackWithUI;
import org.netsim.visualization.playback.TracePlayback;
import org.netsim.visualization.render.ColourScale;
import org.netsim.visualization.render.NetworkPainter;
import org.netsim.visualization.trace.TraceHeader;
import org.netsim.visualization.trace.TraceReader;
import org.netsim.visualization.view.NetworkView;
import org.netsim.visualization.view.UeStatus;
import sim.display.Console;
import sim.display.Display2D;
import sim.portrayal.DrawInfo2D;
import sim.portrayal.LocationWrapper;
import sim.util.Bag;

/**
 * The MASON windows on a real (or virtual) display: the live simulation and a playback start, run or seek, and a
 * screen capture of the display shows the network where the portrayal maps it: dark BS markers at the sites' pixels
 * and UE dots in the colours of their rates at the UEs' pixels; clicks hit the UE and BS agents. Skips itself
 * without a display (run it with {@code xvfb-run -a mvn ...}; .ci/run does). The captures are kept in
 * {@code target/gui-screenshots/}.
 */
class GuiTest {

    /** Per-channel difference allowed between a UE's drawn colour and its colour map value (antialiasing). */
    private static final int COLOUR_TOLERANCE = 24;
    /** Share of UEs whose centre pixel must show their colour (others may be covered by a neighbour or the legend). */
    private static final double UE_MATCH_SHARE = 0.7;
    private static final long WAIT_MS = 30_000;

    @TempDir
    static Path tmp;

    private Console console;
    private NetworkGuiState gui;

    @BeforeEach
    void needsADisplay() {
        Assumptions.assumeFalse(GraphicsEnvironment.isHeadless(),
                "no display (DISPLAY unset or a headless JVM): run under xvfb-run to test the GUI");
    }

    @AfterEach
    void close() throws Exception {
        if (console != null) {
            SwingUtilities.invokeAndWait(() -> {
                console.pressStop();
                gui.quit(); // not console.doClose(): closing MASON's last Console exits the JVM
                console.dispose();
            });
        }
    }

    @Test
    void liveSimulationRunsAndTheScreenShowsTheNetwork() throws Exception {
        SimulationScenario s = SimulationCatalog.load("urban-7cell", List.of("durationS=~", "slots=100000"));
        NetworkSimulation sim = new NetworkSimulation(s.seed(), s.network(), s.groups(), s.newPrecodingStage(),
                List.of());
        TraceHeader header = TraceHeader.of(s.name(), s.network().largeScale().layout(),
                s.network().slotDurationS());
        NetworkWithUI ui = new NetworkWithUI(sim, header, s.slots());
        gui = ui;
        console = GuiLauncher.open(ui, false);
        SwingUtilities.invokeAndWait(console::pressPlay);
        waitFor(() -> ui.view() != null && ui.view().frame().slot() >= 5, "five slots run");
        SwingUtilities.invokeAndWait(console::pressPause);
        NetworkView view = ui.view();
        assertEquals(Console.PS_PAUSED, console.getPlayState());
        BufferedImage shot = capture(ui, "live");
        assertShowsTheNetwork(ui, view, shot);

        // a click on a UE or a site hits the UE's status and the BS agents
        Display2D d = ui.networkDisplay().display();
        TraceReader.Frame f = view.frame();
        DrawInfo2D info = drawInfo(ui);
        NetworkPainter.Mapping m = ui.networkDisplay().networkPortrayal().mapping(info);
        List<Object> atUe = hits(d, new Point2D.Double(m.x(f.xM()[0]), m.y(f.yM()[0])));
        assertTrue(atUe.stream().anyMatch(o -> o instanceof UeStatus u && u.getId() == f.ueIds()[0]), "" + atUe);
        double[] site = header.sitesM().get(0);
        List<Object> atSite = hits(d, new Point2D.Double(m.x(site[0]), m.y(site[1])));
        assertTrue(atSite.stream().anyMatch(o -> o instanceof BaseStation bs && bs.getSite() == 0), "" + atSite);
    }

    @Test
    void playbackShowsTheRecordedSlotAndSeeks() throws Exception {
        Path run = tmp.resolve("run");
        assertEquals(0, CliTest.run("run", "urban-7cell", "--slots", "20", "--quiet", "--no-charts", "--out",
                run.toString()).exit());
        TracePlayback p = new TracePlayback(run.resolve("trace.bin"));
        p.setStartSlot(6);
        PlaybackWithUI ui = new PlaybackWithUI(p);
        gui = ui;
        console = GuiLauncher.open(ui, true);
        waitFor(() -> p.getSlot() == 6 && console.getPlayState() == Console.PS_PAUSED, "paused at slot 6");
        assertShowsTheNetwork(ui, p, capture(ui, "playback-6"));
        SwingUtilities.invokeAndWait(() -> ((PlaybackWithUI.PlaybackControls) ui.getSimulationInspectedObject())
                .setSlot(17));
        assertEquals(17, p.getSlot());
        assertShowsTheNetwork(ui, p, capture(ui, "playback-17"));
        ((DisplayOptions) ui.getSimulationInspectedObject()).setColourBy(1); // SINR
        assertShowsTheNetwork(ui, p, capture(ui, "playback-17-sinr"));
    }

    private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.currentTimeMillis() + WAIT_MS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            Thread.sleep(20);
        }
    }

    private static DrawInfo2D drawInfo(NetworkGuiState ui) throws Exception {
        DrawInfo2D[] info = new DrawInfo2D[1];
        SwingUtilities.invokeAndWait(() -> info[0] = ui.networkDisplay().display().getDrawInfo2D(
                ui.networkDisplay().networkPortrayal(), new Point2D.Double(0, 0)));
        return info[0];
    }

    private static List<Object> hits(Display2D d, Point2D at) throws Exception {
        List<Object> out = new ArrayList<>();
        SwingUtilities.invokeAndWait(() -> {
            for (Bag b : d.objectsHitBy(at)) {
                for (Object o : b) {
                    out.add(((LocationWrapper) o).getObject());
                }
            }
        });
        return out;
    }

    /** Repaints, lets Swing finish, and captures the display's drawing area from the screen. */
    private static BufferedImage capture(NetworkGuiState ui, String name) throws Exception {
        Display2D d = ui.networkDisplay().display();
        SwingUtilities.invokeAndWait(d::repaint);
        Thread.sleep(300);
        SwingUtilities.invokeAndWait(() -> { });
        Rectangle[] area = new Rectangle[1];
        SwingUtilities.invokeAndWait(() -> {
            Point p = d.insideDisplay.getLocationOnScreen();
            Rectangle visible = d.insideDisplay.getVisibleRect();
            area[0] = new Rectangle(p.x + visible.x, p.y + visible.y, visible.width, visible.height);
        });
        BufferedImage shot = new Robot().createScreenCapture(area[0]);
        Path dir = Path.of("target", "gui-screenshots");
        Files.createDirectories(dir);
        ImageIO.write(shot, "png", dir.resolve(name + ".png").toFile());
        return shot;
    }

    /**
     * The capture shows dark BS markers at the sites' pixels and, at most UEs' pixels, their colour; it is not blank.
     * Pixel coordinates are those of the display's inner component (the capture starts at its visible corner).
     */
    private static void assertShowsTheNetwork(NetworkGuiState ui, NetworkView view, BufferedImage shot)
            throws Exception {
        Rectangle[] visible = new Rectangle[1];
        SwingUtilities.invokeAndWait(() -> visible[0] = ui.networkDisplay().display().insideDisplay.getVisibleRect());
        NetworkPainter.Mapping m = ui.networkDisplay().networkPortrayal().mapping(drawInfo(ui));
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < shot.getHeight(); y += 5) {
            for (int x = 0; x < shot.getWidth(); x += 5) {
                colours.add(shot.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 10, "not blank: " + colours.size() + " colours");
        for (double[] site : view.header().sitesM()) {
            int rgb = pixel(shot, visible[0], m.x(site[0]), m.y(site[1]));
            int lum = ((rgb >> 16) & 255) + ((rgb >> 8) & 255) + (rgb & 255);
            assertTrue(lum < 150, "a dark BS marker at site " + java.util.Arrays.toString(site) + ": "
                    + Integer.toHexString(rgb));
        }
        TraceReader.Frame f = view.frame();
        DisplayOptions options = (DisplayOptions) ui.getSimulationInspectedObject();
        ColourScale scale = options.getColourBy() == 0 ? ColourScale.rate(view.maxRateBit())
                : new ColourScale(org.netsim.visualization.render.UeColouring.SINR, options.getSinrMinDb(),
                        options.getSinrMaxDb());
        int matched = 0;
        for (int u = 0; u < f.numUes(); u++) {
            Color want = scale.colourOf(f, u);
            Color got = new Color(pixel(shot, visible[0], m.x(f.xM()[u]), m.y(f.yM()[u])));
            if (Math.abs(want.getRed() - got.getRed()) <= COLOUR_TOLERANCE
                    && Math.abs(want.getGreen() - got.getGreen()) <= COLOUR_TOLERANCE
                    && Math.abs(want.getBlue() - got.getBlue()) <= COLOUR_TOLERANCE) {
                matched++;
            }
        }
        assertTrue(matched >= UE_MATCH_SHARE * f.numUes(), matched + " of " + f.numUes()
                + " UEs show their colour at their pixel (slot " + f.slot() + ")");
    }

    private static int pixel(BufferedImage shot, Rectangle visible, double x, double y) {
        int px = (int) Math.floor(x) - visible.x;
        int py = (int) Math.floor(y) - visible.y;
        assertTrue(px >= 0 && py >= 0 && px < shot.getWidth() && py < shot.getHeight(),
                "pixel " + px + "," + py + " inside the capture " + shot.getWidth() + "x" + shot.getHeight());
        return shot.getRGB(px, py) & 0xFFFFFF;
    }
}
