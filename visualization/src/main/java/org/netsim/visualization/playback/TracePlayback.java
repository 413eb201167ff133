package org.netsim.visualization.playback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.netsim.visualization.trace.TraceHeader;
import org.netsim.visualization.trace.TraceReader;
import org.netsim.visualization.view.CellStatus;
import org.netsim.visualization.view.HandoverFlashes;
import org.netsim.visualization.view.LiveNetworkView;
import org.netsim.visualization.view.NetworkView;
import org.netsim.visualization.view.UeStatus;
import sim.engine.SimState;
import sim.engine.Steppable;
import sim.engine.Stoppable;
import sim.util.Interval;

/**
 * A recorded run played back as a MASON model, without re-simulating: one schedule step shows the next recorded
 * slot of {@code trace.bin}; the schedule empties after the last one. {@link #setSlot(long)} jumps to any recorded
 * slot (the first one at or after the requested slot) through an index of record offsets built when the trace is
 * opened, so seeking costs one record read, and the trace is never loaded whole. Headless: the display is
 * {@code PlaybackWithUI}, a separate class over this model; the getters are MASON model properties ({@code Slot} is
 * settable, with the recorded range as its slider).
 */
public class TracePlayback extends SimState implements NetworkView {

    private static final long serialVersionUID = 1L;

    private record Snapshot(TraceReader.Frame frame, int index, double[] glow) {
    }

    private final transient Path file;
    private final transient TraceHeader header;
    private final long[] slots;
    private final long[] offsets;
    private final double maxRateBit;
    private final transient TraceReader.Frame firstFrame;
    private final transient HandoverFlashes flashes = new HandoverFlashes(LiveNetworkView.FLASH_FRAMES);
    private transient TraceReader reader;
    private transient Stoppable stepper;
    private transient volatile Snapshot current;
    private long startSlot;

    /**
     * Opens a trace and indexes its records (one pass over the file).
     *
     * @param trace a run's {@code trace.bin}
     * @throws IOException if it cannot be read, is not a trace, or holds no complete record
     */
    public TracePlayback(Path trace) throws IOException {
        super(0L);
        this.file = trace;
        long[] s = new long[1024];
        long[] o = new long[1024];
        int n = 0;
        double maxRate = 0;
        TraceReader.Frame first = null;
        try (TraceReader r = new TraceReader(trace)) {
            this.header = TraceHeader.parse(r.headerJson());
            for (long at = r.position(); ; at = r.position()) {
                TraceReader.Frame f = r.next();
                if (f == null) {
                    break;
                }
                if (n == s.length) {
                    s = Arrays.copyOf(s, 2 * n);
                    o = Arrays.copyOf(o, 2 * n);
                }
                if (first == null) {
                    first = f;
                }
                s[n] = f.slot();
                o[n] = at;
                n++;
                for (float x : f.rateNat()) {
                    maxRate = Math.max(maxRate, x / Math.log(2));
                }
            }
        }
        if (n == 0) {
            throw new IOException(trace + ": no recorded slot");
        }
        this.slots = Arrays.copyOf(s, n);
        this.offsets = Arrays.copyOf(o, n);
        this.maxRateBit = Math.max(maxRate, 1e-9);
        this.startSlot = slots[0];
        this.firstFrame = first;
    }

    /** @return the first recorded slot (sizes the map of non-hexagonal layouts) */
    public TraceReader.Frame firstFrame() {
        return firstFrame;
    }

    /** Sets the slot shown when the playback (re)starts: the first recorded slot at or after {@code slot}. */
    public void setStartSlot(long slot) {
        indexOf(slot); // validates
        this.startSlot = slot;
    }

    @Override
    public void start() {
        super.start();
        try {
            if (reader == null) {
                reader = new TraceReader(file);
            }
            show(indexOf(startSlot));
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
        stepper = schedule.scheduleRepeating((Steppable) state -> advance());
    }

    /** One step: the next recorded slot, or the end of the playback after the last one. */
    private void advance() {
        synchronized (schedule) {
            Snapshot c = current;
            if (c.index() + 1 >= slots.length) {
                stepper.stop();
                return;
            }
            try {
                TraceReader.Frame f = reader.next();
                if (f == null) {
                    throw new IOException(file + ": trace changed while playing (record " + (c.index() + 1)
                            + " missing)");
                }
                flashes.onFrame(f);
                current = new Snapshot(f, c.index() + 1, flashes.glow(f));
            } catch (IOException e) {
                throw new UncheckedIOException(e.getMessage(), e);
            }
        }
    }

    /** Reads record {@code index} and makes it current; later steps continue from there. */
    private void show(int index) throws IOException {
        reader.seek(offsets[index]);
        TraceReader.Frame f = reader.next();
        if (f == null) {
            throw new IOException(file + ": record " + index + " unreadable");
        }
        flashes.reset();
        flashes.onFrame(f);
        current = new Snapshot(f, index, flashes.glow(f));
    }

    /** @return the index of the first recorded slot at or after {@code slot} (the last one beyond the end) */
    private int indexOf(long slot) {
        if (slot < 0) {
            throw new IllegalArgumentException("slot: must be >= 0, got " + slot);
        }
        int i = Arrays.binarySearch(slots, slot);
        if (i < 0) {
            i = Math.min(-i - 1, slots.length - 1);
        }
        return i;
    }

    @Override
    public void finish() {
        super.finish();
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException e) {
                // read-only file: nothing is lost
            }
            reader = null;
        }
    }

    // ---- NetworkView

    @Override
    public TraceHeader header() {
        return header;
    }

    @Override
    public TraceReader.Frame frame() {
        Snapshot c = current;
        return c == null ? null : c.frame();
    }

    @Override
    public double[] handoverGlow() {
        Snapshot c = current;
        return c == null ? new double[0] : c.glow().clone();
    }

    @Override
    public double maxRateBit() {
        return maxRateBit;
    }

    @Override
    public Object ueInspectable(int u) {
        return new UeStatus(this, current.frame().ueIds()[u]);
    }

    @Override
    public Object cellInspectable(int cell) {
        return new CellStatus(this, cell);
    }

    // ---- model properties (MASON's model inspector)

    /** @return the slot shown (-1 before the playback starts) */
    public long getSlot() {
        Snapshot c = current;
        return c == null ? -1 : c.frame().slot();
    }

    /**
     * Jumps to the first recorded slot at or after {@code slot} (the last recorded one beyond the end); the next
     * step shows the recorded slot after it. Before the playback starts, sets the start slot.
     */
    public void setSlot(long slot) {
        synchronized (schedule) {
            int i = indexOf(slot);
            if (reader == null) {
                startSlot = slot;
                return;
            }
            try {
                show(i);
            } catch (IOException e) {
                throw new UncheckedIOException(e.getMessage(), e);
            }
        }
    }

    /** @return the range of the {@code Slot} property: the first to the last recorded slot */
    public Object domSlot() {
        return new Interval(slots[0], slots[slots.length - 1]);
    }

    /** @return the time of the slot shown in seconds */
    public double getTimeS() {
        Snapshot c = current;
        return c == null ? Double.NaN : c.frame().timeS();
    }

    /** @return the sum rate of the slot shown, bit/s/Hz */
    public double getSumRateBit() {
        Snapshot c = current;
        if (c == null) {
            return Double.NaN;
        }
        double s = 0;
        for (float r : c.frame().rateNat()) {
            s += r;
        }
        return s / Math.log(2);
    }

    /** @return the handovers in the slot shown */
    public int getHandovers() {
        Snapshot c = current;
        int h = 0;
        for (int u = 0; c != null && u < c.frame().numUes(); u++) {
            h += c.frame().handover()[u] ? 1 : 0;
        }
        return h;
    }

    /** @return the UEs in the slot shown */
    public int getUes() {
        Snapshot c = current;
        return c == null ? 0 : c.frame().numUes();
    }

    /** @return the number of recorded slots */
    public int getRecordedSlots() {
        return slots.length;
    }

    /** @return the first recorded slot */
    public long getFirstSlot() {
        return slots[0];
    }

    /** @return the last recorded slot */
    public long getLastSlot() {
        return slots[slots.length - 1];
    }

    /** @return the trace file */
    public Path traceFile() {
        return file;
    }
}
