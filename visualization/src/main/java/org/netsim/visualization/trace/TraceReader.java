package org.netsim.visualization.trace;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Reads a playback trace ({@link TraceFormat}) record by record, without loading it whole. A truncated last record
 * (an interrupted run) ends the trace; a wrong magic, marker or size is an {@link IOException} naming the file and
 * the byte offset. {@link #position()} and {@link #seek(long)} jump back or ahead to a record read before (playback
 * seeking keeps an index of record offsets).
 */
public final class TraceReader implements AutoCloseable {

    /** One recorded slot. Arrays are owned by the frame. */
    public record Frame(long slot, double timeS, int[] ueIds, float[] xM, float[] yM, float[] speedMps,
            short[] servingCell, boolean[] handover, float[] rateNat, float[] sinrDb) {

        /** @return the number of UEs */
        public int numUes() {
            return ueIds.length;
        }
    }

    private final Path file;
    private final FileChannel channel;
    private DataInputStream in;
    private final String headerJson;
    private long offset;

    /** Opens {@code file} and reads its header. */
    public TraceReader(Path file) throws IOException {
        this.file = file;
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        this.in = buffered(channel);
        try {
            byte[] magic = new byte[TraceFormat.MAGIC.length];
            in.readFully(magic);
            if (!Arrays.equals(magic, TraceFormat.MAGIC)) {
                throw new IOException(file + ": not a netsim trace (bad magic)");
            }
            int len = in.readInt();
            if (len < 0 || len > TraceFormat.MAX_HEADER_BYTES) {
                throw new IOException(file + ": bad header length " + len);
            }
            byte[] header = new byte[len];
            in.readFully(header);
            this.headerJson = new String(header, StandardCharsets.UTF_8);
            this.offset = magic.length + 4L + len;
        } catch (EOFException e) {
            in.close();
            throw new IOException(file + ": truncated trace header", e);
        } catch (IOException e) {
            in.close();
            throw e;
        }
    }

    private static DataInputStream buffered(FileChannel channel) {
        return new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel), 1 << 16));
    }

    /** @return the byte offset of the next record (after the header, before the first call of {@link #next()}) */
    public long position() {
        return offset;
    }

    /**
     * Moves to the record that starts at byte {@code recordOffset}, a value {@link #position()} returned before.
     *
     * @throws IOException if the offset is outside the file (the next {@link #next()} reports a wrong one)
     */
    public void seek(long recordOffset) throws IOException {
        if (recordOffset < 0 || recordOffset > channel.size()) {
            throw new IOException(file + ": cannot seek to byte " + recordOffset + " of " + channel.size());
        }
        channel.position(recordOffset);
        in = buffered(channel);
        offset = recordOffset;
    }

    /** @return the header JSON written by the run */
    public String headerJson() {
        return headerJson;
    }

    /** @return the next frame, or null at the end (or at a truncated last record) */
    public Frame next() throws IOException {
        int marker;
        try {
            marker = in.readInt();
        } catch (EOFException e) {
            return null;
        }
        if (marker != TraceFormat.RECORD_MARKER) {
            throw new IOException(file + ": bad record marker at byte " + offset);
        }
        try {
            long slot = in.readLong();
            double time = in.readDouble();
            int n = in.readInt();
            if (n < 0 || n > 10_000_000) {
                throw new IOException(file + ": bad UE count " + n + " at byte " + offset);
            }
            int[] ids = new int[n];
            float[] x = new float[n];
            float[] y = new float[n];
            float[] v = new float[n];
            short[] serving = new short[n];
            boolean[] ho = new boolean[n];
            float[] rate = new float[n];
            float[] sinr = new float[n];
            for (int u = 0; u < n; u++) {
                ids[u] = in.readInt();
                x[u] = in.readFloat();
                y[u] = in.readFloat();
                v[u] = in.readFloat();
                serving[u] = in.readShort();
                ho[u] = in.readByte() != 0;
                rate[u] = in.readFloat();
                sinr[u] = in.readFloat();
            }
            offset += 4 + 8 + 8 + 4 + (long) n * TraceFormat.BYTES_PER_UE;
            return new Frame(slot, time, ids, x, y, v, serving, ho, rate, sinr);
        } catch (EOFException e) {
            return null; // interrupted run: the last record is incomplete
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
