package org.netsim.visualization.trace;

import java.nio.charset.StandardCharsets;

/**
 * The playback trace of a run ({@code trace.bin} in the run directory), big-endian (Java's {@code DataOutput}):
 * <pre>
 *   header:  8 bytes magic "NSTRACE1", int header length L, L bytes of UTF-8 JSON (the network: slot duration,
 *            sites, cells, area; free-form keys for readers)
 *   record:  int marker 0x534C4F54 ("SLOT"), long slot, double time_s, int n (UEs), then n times
 *            int ue_id, float x_m, float y_m, float speed_mps, short serving_cell, byte handover (0/1),
 *            float rate_nat, float sinr_db
 * </pre>
 * 27 bytes per UE and slot. One record per recorded slot (every {@code every}-th slot with decimation); each
 * record is flushed whole, so an interrupted run leaves a file whose complete records are all readable (a reader
 * stops at a truncated last record).
 */
public final class TraceFormat {

    /** File magic and version. */
    public static final byte[] MAGIC = "NSTRACE1".getBytes(StandardCharsets.US_ASCII);
    /** Marker at the start of every slot record. */
    public static final int RECORD_MARKER = 0x534C4F54;
    /** Bytes per UE in a record. */
    public static final int BYTES_PER_UE = 27;
    /** Largest header accepted by readers (bytes). */
    public static final int MAX_HEADER_BYTES = 1 << 24;

    private TraceFormat() {
    }
}
