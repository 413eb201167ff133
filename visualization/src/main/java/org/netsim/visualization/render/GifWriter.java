package org.netsim.visualization.render;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * An animated GIF through the JDK's ImageIO GIF writer: every frame carries a graphic control extension with the
 * frame delay (in hundredths of a second, the GIF unit) and the first a NETSCAPE2.0 application extension that
 * loops forever.
 */
public final class GifWriter implements AutoCloseable {

    private final ImageWriter writer;
    private final ImageOutputStream out;
    private final int delayCentiseconds;
    private boolean first = true;

    /**
     * @param file the GIF file (created or truncated)
     * @param fps frames per second, in (0, 100]
     */
    public GifWriter(Path file, double fps) throws IOException {
        if (!(fps > 0) || fps > 100) {
            throw new IllegalArgumentException("fps: must be in (0, 100], got " + fps);
        }
        Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("gif");
        if (!it.hasNext()) {
            throw new IOException("no GIF writer in this JDK");
        }
        this.writer = it.next();
        this.out = ImageIO.createImageOutputStream(file.toFile());
        if (out == null) {
            throw new IOException(file + ": cannot open for writing");
        }
        writer.setOutput(out);
        writer.prepareWriteSequence(null);
        this.delayCentiseconds = (int) Math.max(1, Math.round(100 / fps));
    }

    /** Appends one frame. */
    public void add(BufferedImage frame) throws IOException {
        ImageWriteParam param = writer.getDefaultWriteParam();
        IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(frame), param);
        String format = meta.getNativeMetadataFormatName();
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
        IIOMetadataNode gce = child(root, "GraphicControlExtension");
        gce.setAttribute("disposalMethod", "none");
        gce.setAttribute("userInputFlag", "FALSE");
        gce.setAttribute("transparentColorFlag", "FALSE");
        gce.setAttribute("delayTime", Integer.toString(delayCentiseconds));
        gce.setAttribute("transparentColorIndex", "0");
        if (first) {
            IIOMetadataNode apps = child(root, "ApplicationExtensions");
            IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
            app.setAttribute("applicationID", "NETSCAPE");
            app.setAttribute("authenticationCode", "2.0");
            app.setUserObject(new byte[] {1, 0, 0}); // loop count 0: forever
            apps.appendChild(app);
            first = false;
        }
        meta.setFromTree(format, root);
        writer.writeToSequence(new IIOImage(frame, null, meta), param);
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) root.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }

    /** @return the frame delay in hundredths of a second */
    public int delayCentiseconds() {
        return delayCentiseconds;
    }

    @Override
    public void close() throws IOException {
        try {
            writer.endWriteSequence();
        } finally {
            out.close();
            writer.dispose();
        }
    }
}
