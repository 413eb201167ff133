package org.netsim.visualization.trace;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.netsim.simcore.SlotListener;
import org.netsim.simcore.SlotReport;

/**
 * Writes the playback trace ({@link TraceFormat}) as a {@link SlotListener}: every {@code every}-th slot
 * (decimation for long runs), each record flushed whole.
 */
public final class TraceWriter implements SlotListener, AutoCloseable {

    private final DataOutputStream out;
    private final int every;

    /**
     * @param file the trace file (created or truncated)
     * @param headerJson the network description, a JSON object
     * @param every record every {@code every}-th slot, &gt;= 1
     */
    public TraceWriter(Path file, String headerJson, int every) throws IOException {
        if (every < 1) {
            throw new IllegalArgumentException("trace every: must be >= 1, got " + every);
        }
        this.every = every;
        this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
        byte[] header = headerJson.getBytes(StandardCharsets.UTF_8);
        out.write(TraceFormat.MAGIC);
        out.writeInt(header.length);
        out.write(header);
        out.flush();
    }

    @Override
    public void onSlot(SlotReport r) {
        if (r.slot() % every != 0) {
            return;
        }
        try {
            out.writeInt(TraceFormat.RECORD_MARKER);
            out.writeLong(r.slot());
            out.writeDouble(r.timeS());
            int n = r.numUes();
            out.writeInt(n);
            int[] ids = r.ueIds();
            double[] x = r.positionXM();
            double[] y = r.positionYM();
            double[] v = r.speedMps();
            int[] serving = r.servingCell();
            boolean[] ho = r.handover();
            double[] rate = r.rateNat();
            double[] sinr = r.sinrDb();
            for (int u = 0; u < n; u++) {
                out.writeInt(ids[u]);
                out.writeFloat((float) x[u]);
                out.writeFloat((float) y[u]);
                out.writeFloat((float) v[u]);
                out.writeShort(serving[u]);
                out.writeByte(ho[u] ? 1 : 0);
                out.writeFloat((float) rate[u]);
                out.writeFloat((float) sinr[u]);
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("trace: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
