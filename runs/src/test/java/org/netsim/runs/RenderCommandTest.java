package org.netsim.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netsim.visualization.render.NetworkRenderer;
import org.netsim.visualization.trace.TraceHeader;
import org.netsim.visualization.trace.TraceReader;

/** Headless rendering of a small run: sizes, content where the BSs are, GIF frames and delay. */
class RenderCommandTest {

    @TempDir
    static Path tmp;
    static Path run;

    @BeforeAll
    static void smallRun() {
        run = tmp.resolve("run");
        assertEquals(0, CliTest.run("run", "urban-7cell", "--slots", "12", "--quiet", "--no-charts", "--out",
                run.toString()).exit());
    }

    @Test
    void pngFramesHaveTheSizeAndShowTheBssWhereTheirCoordinatesMap() throws Exception {
        Path frames = tmp.resolve("frames");
        CliTest.Run r = CliTest.run("render", run.toString(), "--out", frames.toString(), "--from", "2", "--to",
                "5", "--size", "640x480");
        assertEquals(0, r.exit(), r.err());
        try (var s = Files.list(frames)) {
            assertEquals(4, s.count());
        }
        BufferedImage img = ImageIO.read(frames.resolve("frame-000003.png").toFile());
        assertEquals(640, img.getWidth());
        assertEquals(480, img.getHeight());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 7) {
            for (int x = 0; x < img.getWidth(); x += 7) {
                colours.add(img.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 10, "the image is not blank: " + colours.size() + " colours");
        try (TraceReader t = new TraceReader(run.resolve("trace.bin"))) {
            TraceHeader header = TraceHeader.parse(t.headerJson());
            TraceReader.Frame first = t.next();
            NetworkRenderer renderer = new NetworkRenderer(header, first, 10, 640, 480);
            for (double[] site : header.sitesM()) {
                int px = (int) Math.round(renderer.pixelX(site[0]));
                int py = (int) Math.round(renderer.pixelY(site[1]));
                int rgb = img.getRGB(px, py) & 0xFFFFFF;
                int luminance = ((rgb >> 16) & 255) + ((rgb >> 8) & 255) + (rgb & 255);
                assertTrue(luminance < 150, "a dark BS marker at the pixel of site " + java.util.Arrays.toString(site)
                        + ": rgb " + Integer.toHexString(rgb));
            }
        }
    }

    @Test
    void gifHasTheRequestedFramesDelayAndLoop() throws Exception {
        Path gif = tmp.resolve("anim.gif");
        CliTest.Run r = CliTest.run("render", run.toString(), "--out", gif.toString(), "--every", "3", "--fps", "5",
                "--size", "320x240");
        assertEquals(0, r.exit(), r.err());
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertEquals(4, reader.getNumImages(true), "slots 0, 3, 6, 9 of 12");
            IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_gif_image_1.0");
            IIOMetadataNode gce = (IIOMetadataNode) root.getElementsByTagName("GraphicControlExtension").item(0);
            assertEquals("20", gce.getAttribute("delayTime"), "5 fps = 20 hundredths of a second");
            assertEquals(1, root.getElementsByTagName("ApplicationExtension").getLength(), "loops (NETSCAPE2.0)");
            assertEquals(320, reader.read(0).getWidth());
        }
    }

    @Test
    void badArgumentsAreOneLineErrors() {
        CliTest.Run size = CliTest.run("render", run.toString(), "--out", tmp.resolve("x.gif").toString(), "--size",
                "big");
        assertEquals(1, size.exit());
        assertTrue(size.err().startsWith("netsim: size: expected WxH"), size.err());
        CliTest.Run none = CliTest.run("render", tmp.resolve("nope").toString(), "--out", tmp.resolve("y").toString());
        assertEquals(1, none.exit());
        assertTrue(none.err().contains("no such file"), none.err());
        assertTrue(!Files.exists(tmp.resolve("y")));
    }
}
