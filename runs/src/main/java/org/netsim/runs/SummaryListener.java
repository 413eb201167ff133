package org.netsim.runs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.commons.math3.stat.descriptive.rank.PSquarePercentile;
import org.netsim.simcore.SlotListener;
import org.netsim.simcore.SlotReport;

/**
 * Streaming statistics of a run for {@code summary.json}: means and totals exactly, percentiles with the P-square
 * estimator (Jain and Chlamtac 1985, Commons Math {@link PSquarePercentile}), so memory stays flat however many
 * slots run. Percentiles of the per-slot sum rate are over slots; those of the UE rate over every (UE, slot) pair,
 * i.e. the UE-rate CDF of the run. Rates in nat/s/Hz (and bit/s/Hz alongside).
 */
final class SummaryListener implements SlotListener {

    private long slots;
    private double lastTimeS;
    private double sumRateTotal;
    private double meanRateTotal;
    private double p5RateTotal;
    private double jainTotal;
    private long handovers;
    private long iterations;
    private long rounds;
    private long messages;
    private long bytes;
    private double precoderSeconds;
    private long ueSlots;
    private final PSquarePercentile sumRateP5 = new PSquarePercentile(5);
    private final PSquarePercentile sumRateP50 = new PSquarePercentile(50);
    private final PSquarePercentile sumRateP95 = new PSquarePercentile(95);
    private final PSquarePercentile ueRateP5 = new PSquarePercentile(5);
    private final PSquarePercentile ueRateP50 = new PSquarePercentile(50);
    private final PSquarePercentile ueRateP95 = new PSquarePercentile(95);

    @Override
    public void onSlot(SlotReport r) {
        slots++;
        lastTimeS = r.timeS();
        double s = r.sumRateNat();
        sumRateTotal += s;
        meanRateTotal += r.meanRateNat();
        p5RateTotal += r.fifthPercentileRateNat();
        jainTotal += r.jainFairness();
        handovers += r.handovers();
        iterations += r.iterations();
        rounds += r.rounds();
        messages += r.messages();
        bytes += r.bytes();
        precoderSeconds += r.precoderSeconds();
        sumRateP5.increment(s);
        sumRateP50.increment(s);
        sumRateP95.increment(s);
        for (int u = 0; u < r.numUes(); u++) {
            double x = r.rateNat(u);
            ueRateP5.increment(x);
            ueRateP50.increment(x);
            ueRateP95.increment(x);
            ueSlots++;
        }
    }

    /** @return the number of slots seen */
    long slots() {
        return slots;
    }

    /** @return the mean per-slot sum rate in nat/s/Hz */
    double meanSumRateNat() {
        return slots == 0 ? 0 : sumRateTotal / slots;
    }

    /**
     * Writes {@code summary.json} atomically.
     *
     * @param slotDurationS the slot duration, for per-second rates
     * @param wallSeconds the run's wall-clock time
     */
    void write(Path file, double slotDurationS, double wallSeconds) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        double n = Math.max(1, slots);
        double ln2 = Math.log(2);
        root.put("slots", slots);
        root.put("simulated_s", slots * slotDurationS);
        root.put("last_slot_time_s", lastTimeS);
        ObjectNode sum = root.putObject("sum_rate_nat");
        sum.put("mean", sumRateTotal / n);
        sum.put("p5", quantile(sumRateP5));
        sum.put("p50", quantile(sumRateP50));
        sum.put("p95", quantile(sumRateP95));
        root.put("mean_sum_rate_bit", sumRateTotal / n / ln2);
        ObjectNode ue = root.putObject("ue_rate_nat");
        ue.put("mean", meanRateTotal / n);
        ue.put("mean_of_slot_p5", p5RateTotal / n);
        ue.put("p5", quantile(ueRateP5));
        ue.put("p50", quantile(ueRateP50));
        ue.put("p95", quantile(ueRateP95));
        ue.put("samples", ueSlots);
        root.put("mean_jain_fairness", jainTotal / n);
        root.put("handovers", handovers);
        root.put("handovers_per_ue_per_s", ueSlots == 0 ? 0 : handovers / (ueSlots * slotDurationS));
        root.put("mean_iterations", iterations / n);
        root.put("rounds", rounds);
        root.put("messages", messages);
        root.put("bytes", bytes);
        root.put("precoder_seconds", precoderSeconds);
        root.put("wall_seconds", wallSeconds);
        root.put("slots_per_second", wallSeconds > 0 ? slots / wallSeconds : 0);
        root.put("share_outside_precoder", wallSeconds > 0 ? Math.max(0, 1 - precoderSeconds / wallSeconds) : 0);
        AtomicFiles.writeString(file, json.writeValueAsString(root) + "\n");
    }

    private static double quantile(PSquarePercentile p) {
        double v = p.getResult();
        return Double.isNaN(v) ? 0 : v;
    }
}
