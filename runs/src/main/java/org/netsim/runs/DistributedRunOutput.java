package org.netsim.runs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.netsim.simcore.distributed.DistributedListener;
import org.netsim.simcore.distributed.DistributedPrecoding;
import org.netsim.simcore.distributed.DistributedSlotReport;
import org.netsim.simcore.distributed.MessageType;
import org.netsim.visualization.charts.RoundsCharts;

/**
 * The distributed mode's files of a run directory: {@code distributed.csv} (one row per slot, flushed as whole lines:
 * round budget, rounds, events, per message type sent / delivered / lost / late / bytes sent, the WSR of the start
 * and after every round in nat/s/Hz, separated by ';'), {@code distributed.json} (totals per type, mean rounds per
 * slot, the mean WSR after each round) and the chart {@code wsr_vs_rounds.png} of that mean. Reports that arrive
 * before {@link #open} (the first slot, run before the directory exists) are kept and written then.
 */
final class DistributedRunOutput implements DistributedListener, AutoCloseable {

    private final DistributedPrecoding execution;
    private final List<DistributedSlotReport> pending = new ArrayList<>();
    private BufferedWriter out;
    private final int numTypes = MessageType.values().length;
    private final long[] sent = new long[numTypes];
    private final long[] delivered = new long[numTypes];
    private final long[] lost = new long[numTypes];
    private final long[] late = new long[numTypes];
    private final long[] bytesSent = new long[numTypes];
    private long slots;
    private long rounds;
    private long events;
    private double[] wsrSum = new double[1];
    private long[] wsrCount = new long[1];

    private DistributedRunOutput(DistributedPrecoding execution) {
        this.execution = execution;
    }

    /** @return an output listening to {@code execution}, or null if the stage runs centrally */
    static DistributedRunOutput attach(org.netsim.simcore.PrecodingStage stage) {
        if (!(stage.execution() instanceof DistributedPrecoding d)) {
            return null;
        }
        DistributedRunOutput o = new DistributedRunOutput(d);
        d.addListener(o);
        return o;
    }

    static String header() {
        StringBuilder h = new StringBuilder("slot,round_budget,rounds,events");
        for (MessageType t : MessageType.values()) {
            String c = t.column();
            h.append(',').append(c).append("_sent,").append(c).append("_delivered,").append(c).append("_lost,")
                    .append(c).append("_late,").append(c).append("_bytes");
        }
        return h.append(",wsr_start_nat,wsr_after_rounds_nat").toString();
    }

    /** Opens {@code distributed.csv} in {@code dir} and writes the reports received so far. */
    void open(Path dir) throws IOException {
        out = Files.newBufferedWriter(dir.resolve("distributed.csv"), StandardCharsets.UTF_8);
        out.write(header());
        out.write('\n');
        out.flush();
        for (DistributedSlotReport r : pending) {
            write(r);
        }
        pending.clear();
    }

    @Override
    public void onSlot(DistributedSlotReport r) {
        slots++;
        rounds += r.rounds();
        events += r.events();
        for (MessageType t : MessageType.values()) {
            int i = t.ordinal();
            sent[i] += r.sent(t);
            delivered[i] += r.delivered(t);
            lost[i] += r.lost(t);
            late[i] += r.late(t);
            bytesSent[i] += r.bytesSent(t);
        }
        double[] after = r.wsrAfterRoundNat();
        if (after.length + 1 > wsrSum.length) {
            wsrSum = java.util.Arrays.copyOf(wsrSum, after.length + 1);
            wsrCount = java.util.Arrays.copyOf(wsrCount, after.length + 1);
        }
        wsrSum[0] += r.wsrStartNat();
        wsrCount[0]++;
        for (int k = 0; k < after.length; k++) {
            wsrSum[k + 1] += after[k];
            wsrCount[k + 1]++;
        }
        if (out == null) {
            pending.add(r);
        } else {
            write(r);
        }
    }

    private void write(DistributedSlotReport r) {
        StringBuilder line = new StringBuilder(256);
        line.append(r.slot()).append(',').append(r.roundBudget()).append(',').append(r.rounds()).append(',')
                .append(r.events());
        for (MessageType t : MessageType.values()) {
            line.append(',').append(r.sent(t)).append(',').append(r.delivered(t)).append(',').append(r.lost(t))
                    .append(',').append(r.late(t)).append(',').append(r.bytesSent(t));
        }
        line.append(String.format(Locale.ROOT, ",%.10g,", r.wsrStartNat()));
        double[] after = r.wsrAfterRoundNat();
        for (int k = 0; k < after.length; k++) {
            line.append(k == 0 ? "" : ";").append(String.format(Locale.ROOT, "%.10g", after[k]));
        }
        line.append('\n');
        try {
            out.append(line);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("distributed.csv: " + e.getMessage(), e);
        }
    }

    /** @return the mean WSR after 0, 1, ... rounds over the slots that ran that many rounds, nat/s/Hz */
    double[] meanWsrAfterRoundsNat() {
        double[] m = new double[wsrSum.length];
        for (int k = 0; k < m.length; k++) {
            m[k] = wsrCount[k] == 0 ? Double.NaN : wsrSum[k] / wsrCount[k];
        }
        return m;
    }

    /**
     * Writes {@code distributed.json} and, unless {@code charts} is false, {@code wsr_vs_rounds.png}.
     *
     * @param wallSeconds the run's wall-clock time (for events per second)
     */
    void finish(Path dir, double wallSeconds, boolean charts, int chartW, int chartH) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("algorithm", execution.algorithm());
        ObjectNode link = root.putObject("link");
        link.put("downlink_phase_s", execution.link().downlinkPhaseS());
        link.put("uplink_phase_s", execution.link().uplinkPhaseS());
        link.put("latency_s", execution.link().latencyS());
        link.put("loss_probability", execution.link().lossProbability());
        link.put("bits_per_real", execution.link().bitsPerReal());
        link.put("memory", execution.memory().key());
        root.put("coordination", execution.range().toString());
        root.put("round_budget", execution.roundBudget());
        root.put("slots", slots);
        root.put("rounds", rounds);
        root.put("mean_rounds_per_slot", slots == 0 ? 0 : rounds / (double) slots);
        root.put("events", events);
        root.put("events_per_second", wallSeconds > 0 ? events / wallSeconds : 0);
        ObjectNode types = root.putObject("messages");
        for (MessageType t : MessageType.values()) {
            int i = t.ordinal();
            ObjectNode n = types.putObject(t.column());
            n.put("direction", t.uplink() ? "ue_to_bs" : "bs_to_ue");
            n.put("sent", sent[i]);
            n.put("delivered", delivered[i]);
            n.put("lost", lost[i]);
            n.put("late", late[i]);
            n.put("bytes_sent", bytesSent[i]);
            n.put("sent_per_round", rounds == 0 ? 0 : sent[i] / (double) rounds);
        }
        double[] mean = meanWsrAfterRoundsNat();
        ArrayNode curve = root.putArray("mean_wsr_after_rounds_nat");
        for (double m : mean) {
            curve.add(m);
        }
        AtomicFiles.writeString(dir.resolve("distributed.json"), json.writeValueAsString(root) + "\n");
        if (charts && slots > 0) {
            double[] bit = new double[mean.length];
            for (int k = 0; k < bit.length; k++) {
                bit[k] = mean[k] / Math.log(2);
            }
            RoundsCharts.wsrVersusRounds(dir, List.of(execution.algorithm() + " (distributed)"),
                    new double[][] {bit}, "bit", "Mean WSR on the CSI after each round, over the slots", chartW,
                    chartH);
        }
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
        }
    }
}
