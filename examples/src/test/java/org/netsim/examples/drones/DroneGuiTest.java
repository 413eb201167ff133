package org.netsim.examples.drones;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.GraphicsEnvironment;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import javax.imageio.ImageIO;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netsim.visualization.render.NetworkPainter;
import org.netsim.visualization.view.UeStatus;
import sim.display.Console;
import sim.display.Display2D;
import sim.portrayal.DrawInfo2D;
import sim.portrayal.LocationWrapper;
import sim.util.Bag;
import sim.util.Double2D;

/**
 * The drone GUI on a real (or virtual) display: the model runs in MASON's Console, and the model's portrayal and
 * the network's line up: every mast the model draws is where the network draws its BS (a dark marker at that
 * pixel of a screen capture), and a click on a flying drone hits both the drone (the model's inspector) and its UE
 * (the network's). Skips itself without a display; the capture is kept in {@code target/gui-screenshots/}.
 */
class DroneGuiTest {

    private static final long WAIT_MS = 30_000;
    /** Largest distance between the model's and the network's pixel of the same point: rounding of two mappings. */
    private static final double ALIGNMENT_PX = 1.5;
    /** A marker pixel is dark: every channel below this. */
    private static final int DARK = 90;

    private Console console;
    private DroneDeliveryWithUI gui;

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
    void theModelsAndTheNetworksPortrayalsLineUp() throws Exception {
        gui = new DroneDeliveryWithUI(new DroneDeliveryWithNetwork(2), 100_000);
        SwingUtilities.invokeAndWait(() -> {
            console = new Console(gui);
            console.setVisible(true);
            console.pressPlay();
        });
        DroneDeliveryWithNetwork model = gui.model();
        waitFor(() -> model.network() != null && model.network().network().slot() >= 5, "five slots run");
        SwingUtilities.invokeAndWait(console::pressPause);
        assertEquals(Console.PS_PAUSED, console.getPlayState());
        Display2D d = gui.display();
        BufferedImage shot = capture(d);
        DrawInfo2D[] info = new DrawInfo2D[2];
        SwingUtilities.invokeAndWait(() -> {
            info[0] = d.getDrawInfo2D(gui.networkPortrayal(), new Point2D.Double(0, 0));
            info[1] = d.getDrawInfo2D(gui.airspacePortrayal(), new Point2D.Double(0, 0));
        });
        NetworkPainter.Mapping m = gui.networkPortrayal().mapping(info[0]);
        Rectangle[] visible = new Rectangle[1];
        SwingUtilities.invokeAndWait(() -> visible[0] = d.insideDisplay.getVisibleRect());
        for (DroneDelivery.Mast mast : model.masts()) {
            Double2D f = model.airspace.getObjectLocation(mast);
            // the model's pixel: MASON's continuous portrayal scales the field onto its draw rectangle
            double hx = info[1].draw.x + f.x * info[1].draw.width / model.airspace.getWidth();
            double hy = info[1].draw.y + f.y * info[1].draw.height / model.airspace.getHeight();
            // the network's pixel of the same BS
            var site = DroneNetwork.FRAME.toPosition(f);
            double nx = m.x(site.xM());
            double ny = m.y(site.yM());
            assertTrue(Math.hypot(hx - nx, hy - ny) <= ALIGNMENT_PX, mast + ": model at (" + hx + ", " + hy
                    + "), network at (" + nx + ", " + ny + ")");
            int px = (int) Math.round(nx) - visible[0].x;
            int py = (int) Math.round(ny) - visible[0].y;
            int rgb = shot.getRGB(px, py);
            assertTrue(((rgb >> 16) & 255) < DARK && ((rgb >> 8) & 255) < DARK && (rgb & 255) < DARK,
                    mast + ": no BS marker at pixel (" + px + ", " + py + "): " + Integer.toHexString(rgb));
        }
        // a click on a flying drone hits the drone and its UE
        Drone flying = model.drones().stream().filter(Drone::isFlying).findFirst().orElseThrow();
        var at = DroneNetwork.FRAME.toPosition(model.airspace.getObjectLocation(flying));
        List<Object> hit = new ArrayList<>();
        SwingUtilities.invokeAndWait(() -> {
            for (Bag b : d.objectsHitBy(new Point2D.Double(m.x(at.xM()), m.y(at.yM())))) {
                for (Object o : b) {
                    hit.add(((LocationWrapper) o).getObject());
                }
            }
        });
        assertTrue(hit.contains(flying), "" + hit);
        int ue = model.network().ueOf(flying);
        assertTrue(hit.stream().anyMatch(o -> o instanceof UeStatus u && u.getId() == ue), "" + hit);
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

    /** Repaints, lets Swing finish, and captures the display's drawing area from the screen. */
    private static BufferedImage capture(Display2D d) throws Exception {
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
        ImageIO.write(shot, "png", dir.resolve("drones.png").toFile());
        return shot;
    }
}
