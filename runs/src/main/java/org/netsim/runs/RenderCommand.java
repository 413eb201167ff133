package org.netsim.runs;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import org.netsim.visualization.render.GifWriter;
import org.netsim.visualization.render.NetworkRenderer;
import org.netsim.visualization.trace.TraceHeader;
import org.netsim.visualization.trace.TraceReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code netsim render}: draws a run's recorded slots headless (no display needed) into an animated GIF or a
 * directory of numbered PNG frames, with the portrayals of {@link NetworkRenderer}. The colour scale of the UE rates
 * is fixed over the drawn frames (0 to their largest rate).
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Render a run's trace headless into an animated GIF (--out FILE.gif) or numbered PNG frames "
                + "(--out DIR).")
final class RenderCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A run directory (with trace.bin).")
    Path runDir;

    @Option(names = "--out", required = true, description = "FILE.gif for an animation, or a directory for PNGs.")
    Path out;

    @Option(names = "--from", defaultValue = "0", description = "First slot to draw. Default: ${DEFAULT-VALUE}.")
    long from;

    @Option(names = "--to", defaultValue = "-1", description = "Last slot to draw (default: the last recorded).")
    long to;

    @Option(names = "--every", defaultValue = "1", description = "Draw every N-th recorded slot. Default: 1.")
    int every;

    @Option(names = "--size", defaultValue = "960x720", description = "Image size WxH in pixels. Default: "
            + "${DEFAULT-VALUE}.")
    String size;

    @Option(names = "--fps", defaultValue = "10", description = "Frames per second of a GIF. Default: "
            + "${DEFAULT-VALUE}.")
    double fps;

    @Override
    public Integer call() throws Exception {
        if (every < 1) {
            throw new IllegalArgumentException("every: must be >= 1, got " + every);
        }
        if (from < 0 || (to >= 0 && to < from)) {
            throw new IllegalArgumentException("from/to: need 0 <= from <= to, got " + from + ".." + to);
        }
        String[] wh = size.toLowerCase(Locale.ROOT).split("x");
        int w;
        int h;
        try {
            w = Integer.parseInt(wh[0].trim());
            h = Integer.parseInt(wh[1].trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("size: expected WxH in pixels, e.g. 960x720, got '" + size + "'");
        }
        Path trace = runDir.resolve("trace.bin");
        if (!Files.exists(trace)) {
            throw new IllegalArgumentException(trace + ": no such file (not a run directory?)");
        }
        // pass 1: the frames to draw, their largest rate, the first one
        double maxRateBit = 0;
        long count = 0;
        TraceReader.Frame first = null;
        TraceHeader header;
        try (TraceReader r = new TraceReader(trace)) {
            header = TraceHeader.parse(r.headerJson());
            long index = 0;
            for (TraceReader.Frame f = r.next(); f != null; f = r.next()) {
                if (selected(f, index++)) {
                    if (first == null) {
                        first = f;
                    }
                    for (float x : f.rateNat()) {
                        maxRateBit = Math.max(maxRateBit, x / Math.log(2));
                    }
                    count++;
                }
            }
        }
        if (count == 0) {
            throw new IllegalArgumentException("render: no recorded slot in " + from + ".." + (to < 0 ? "end" : to));
        }
        NetworkRenderer renderer = new NetworkRenderer(header, first, maxRateBit, w, h);
        boolean gif = out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gif");
        Progress progress = new Progress(spec.commandLine().getErr(), "render", count, false);
        if (gif) {
            Path dir = out.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = dir.resolve("." + out.getFileName() + "." + UUID.randomUUID() + ".tmp");
            try {
                try (GifWriter gw = new GifWriter(tmp, fps); TraceReader r = new TraceReader(trace)) {
                    long index = 0;
                    for (TraceReader.Frame f = r.next(); f != null; f = r.next()) {
                        if (selected(f, index++)) {
                            gw.add(renderer.render(f));
                            progress.advance(1);
                        }
                    }
                }
                AtomicFiles.move(tmp, out.toAbsolutePath());
            } finally {
                Files.deleteIfExists(tmp);
            }
        } else {
            Files.createDirectories(out);
            try (TraceReader r = new TraceReader(trace)) {
                long index = 0;
                for (TraceReader.Frame f = r.next(); f != null; f = r.next()) {
                    if (selected(f, index++)) {
                        writePng(renderer.render(f), out.resolve(String.format(Locale.ROOT, "frame-%06d.png",
                                f.slot())));
                        progress.advance(1);
                    }
                }
            }
        }
        progress.close();
        spec.commandLine().getOut().printf("written: %s (%d frames, %dx%d)%n", out, count, w, h);
        return 0;
    }

    private boolean selected(TraceReader.Frame f, long index) {
        return f.slot() >= from && (to < 0 || f.slot() <= to) && index % every == 0;
    }

    private static void writePng(BufferedImage img, Path file) throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            if (!ImageIO.write(img, "png", tmp.toFile())) {
                throw new IOException("no PNG writer in this JDK");
            }
            AtomicFiles.move(tmp, file);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
