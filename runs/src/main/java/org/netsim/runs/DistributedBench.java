package org.netsim.runs;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.netsim.scenarios.sim.SimulationCatalog;
import org.netsim.scenarios.sim.SimulationScenario;
import org.netsim.simcore.NetworkSimulation;
import org.netsim.simcore.PrecodingStage;
import org.netsim.simcore.distributed.DistributedPrecoding;

/**
 * The {@code sim-distributed} case of {@code netsim bench}: urban-7cell with WMMSE as message rounds (the scenario's
 * default links: 0.1 ms phases, 5 rounds per 1 ms slot, no loss, full coordination) against the centralized WMMSE
 * with the same 5 iterations, on the same channels. Reports slots per second, precoding time per slot, discrete
 * events per second of the distributed mode, the ratio of the precoding times, and the largest relative difference
 * of the per-slot sum rates (ideal links: the two modes compute the same precoders).
 */
final class DistributedBench {

    private DistributedBench() {
    }

    /** Result of one timed simulation. */
    private record Timed(double slotsPerSecond, double precoderSecondsPerSlot, long events, double wallSeconds,
            List<Double> sumRates) {
    }

    /**
     * Runs the case and prints one line; appends a CSV row per mode to {@code csv}.
     *
     * @param slots slots per timed run
     */
    static void run(PrintWriter o, long slots, StringBuilder csv) {
        SimulationScenario central = SimulationCatalog.load("urban-7cell", List.of("precoder.iterations=5"));
        SimulationScenario dist = SimulationCatalog.load("urban-7cell", List.of("mode=distributed"));
        simulate(central, Math.min(slots, 300)); // warm-up (JIT)
        simulate(dist, Math.min(slots, 300));
        Timed c = simulate(central, slots);
        Timed d = simulate(dist, slots);
        double maxRel = 0;
        for (int t = 0; t < c.sumRates().size(); t++) {
            double a = c.sumRates().get(t);
            maxRel = Math.max(maxRel, Math.abs(a - d.sumRates().get(t)) / Math.max(Math.abs(a), 1e-300));
        }
        double ratio = d.precoderSecondsPerSlot() / c.precoderSecondsPerSlot();
        o.printf(Locale.ROOT, "sim-distributed urban-7cell %d slots, 5 rounds/slot: %.1f slots/s (centralized %.1f), "
                + "precoding %.3f ms/slot (centralized %.3f ms, ratio %.2f), %.0f events/s; max relative sum-rate "
                + "difference %.1e%n", slots, d.slotsPerSecond(), c.slotsPerSecond(), d.precoderSecondsPerSlot() * 1e3,
                c.precoderSecondsPerSlot() * 1e3, ratio, d.events() / d.wallSeconds(), maxRel);
        csv.append(String.format(Locale.ROOT, "sim-wmmse-5,urban-7cell,%d,%.2f,%.6e,0,0,1%n", slots,
                c.slotsPerSecond(), c.precoderSecondsPerSlot()));
        csv.append(String.format(Locale.ROOT, "sim-distributed,urban-7cell,%d,%.2f,%.6e,%d,%.1f,%.4f%n", slots,
                d.slotsPerSecond(), d.precoderSecondsPerSlot(), d.events(), d.events() / d.wallSeconds(), ratio));
    }

    /** @return the CSV header of the rows {@link #run} appends */
    static String header() {
        return "case,scenario,slots,slots_per_second,precoder_seconds_per_slot,events,events_per_second,"
                + "precoder_time_ratio_to_centralized\n";
    }

    private static Timed simulate(SimulationScenario sc, long slots) {
        double[] precoderSeconds = new double[1];
        long[] events = new long[1];
        List<Double> sumRates = new ArrayList<>();
        PrecodingStage stage = sc.newPrecodingStage();
        if (stage.execution() instanceof DistributedPrecoding dp) {
            dp.addListener(r -> events[0] += r.events());
        }
        NetworkSimulation sim = new NetworkSimulation(sc.seed(), sc.network(), sc.groups(), stage, List.of(r -> {
            precoderSeconds[0] += r.precoderSeconds();
            sumRates.add(r.sumRateNat());
        }));
        sim.start();
        long t0 = System.nanoTime();
        long done = sim.runSlots(slots);
        double wall = (System.nanoTime() - t0) / 1e9;
        sim.finish();
        return new Timed(done / wall, precoderSeconds[0] / done, events[0], wall, sumRates);
    }
}
