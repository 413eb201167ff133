package org.netsim.runs;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.netsim.simcore.SlotListener;
import org.netsim.simcore.SlotReport;

/**
 * Writes {@code metrics.csv} of a run directory: one row per slot, flushed as a whole line, so an interrupted run
 * leaves a complete, readable file for the slots it finished. Rates in nat/s/Hz; the only wall-clock column is
 * {@code precoder_seconds} (every other column is reproducible from the scenario and seed).
 *
 * <p>Columns: {@code slot, time_s, num_ues, sum_rate_nat, mean_rate_nat, p5_rate_nat, jain_fairness, handovers,
 * iterations, rounds, messages, bytes, precoder_seconds}.
 */
final class MetricsCsvListener implements SlotListener, AutoCloseable {

    static final String HEADER = "slot,time_s,num_ues,sum_rate_nat,mean_rate_nat,p5_rate_nat,jain_fairness,"
            + "handovers,iterations,rounds,messages,bytes,precoder_seconds";

    private final BufferedWriter out;
    private final StringBuilder line = new StringBuilder(160);

    MetricsCsvListener(Path file) throws IOException {
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        out.write(HEADER);
        out.write('\n');
        out.flush();
    }

    @Override
    public void onSlot(SlotReport r) {
        line.setLength(0);
        line.append(r.slot()).append(',')
                .append(String.format(Locale.ROOT, "%.9g", r.timeS())).append(',')
                .append(r.numUes()).append(',')
                .append(String.format(Locale.ROOT, "%.10g,%.10g,%.10g,%.10g", r.sumRateNat(), r.meanRateNat(),
                        r.fifthPercentileRateNat(), r.jainFairness())).append(',')
                .append(r.handovers()).append(',')
                .append(r.iterations()).append(',')
                .append(r.rounds()).append(',')
                .append(r.messages()).append(',')
                .append(r.bytes()).append(',')
                .append(String.format(Locale.ROOT, "%.6e", r.precoderSeconds())).append('\n');
        try {
            out.append(line);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("metrics.csv: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
