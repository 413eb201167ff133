package org.netsim.examples.drones;

import java.util.Locale;
import org.netsim.simcore.SlotReport;

/**
 * The drone example run headless ({@code netsim example drones}): a {@link DroneDeliveryWithNetwork} stepped for a
 * number of slots, summarised.
 */
public final class DronesExample {

    private DronesExample() {
    }

    /**
     * What to run.
     *
     * @param seed MASON's seed
     * @param slots slots (model steps) to run, &gt;= 1
     * @param drones number of drones, 1..200
     * @param bs where the BSs come from
     * @param minLinkRateBit link rate below which drones slow down, bit/s/Hz (0: never)
     */
    public record Settings(long seed, long slots, int drones, DroneNetwork.BaseStations bs, double minLinkRateBit) {

        /** Validates the fields. */
        public Settings {
            if (slots < 1) {
                throw new IllegalArgumentException("slots: must be >= 1, got " + slots);
            }
            if (drones < 1 || drones > 200) {
                throw new IllegalArgumentException("drones: must be in 1..200, got " + drones);
            }
            if (bs == null) {
                throw new IllegalArgumentException("bs: must be given");
            }
            if (!(minLinkRateBit >= 0) || Double.isInfinite(minLinkRateBit)) {
                throw new IllegalArgumentException("minLinkRateBit: must be finite and >= 0, got " + minLinkRateBit);
            }
        }

        /** @return the model these settings describe, not started */
        public DroneDeliveryWithNetwork model() {
            DroneDeliveryWithNetwork m = new DroneDeliveryWithNetwork(seed, bs, DroneNetwork::defaultPrecoding);
            m.setNumDrones(drones);
            m.setMinLinkRateBit(minLinkRateBit);
            return m;
        }
    }

    /**
     * What a run gave.
     *
     * @param slots slots run
     * @param simulatedS simulated seconds
     * @param meanSumRateBit mean over slots of the sum of the drones' rates, bit/s/Hz
     * @param meanUeRateBit mean over (drone, slot) pairs in the air of the drone's rate, bit/s/Hz
     * @param slowShare share of those pairs below the model's rate threshold
     * @param minUes fewest drones in the air in a slot
     * @param maxUes most drones in the air in a slot
     * @param handovers handovers over the run
     * @param joins take-offs (UEs added while the model ran, after the first slot)
     * @param leaves landings (UEs removed while the model ran)
     * @param deliveries deliveries made
     * @param meanPrecoderMs mean wall-clock time of the precoding phase per slot, milliseconds
     */
    public record Result(long slots, double simulatedS, double meanSumRateBit, double meanUeRateBit, double slowShare,
            int minUes, int maxUes, long handovers, int joins, int leaves, int deliveries, double meanPrecoderMs) {

        /** @return a few lines for the console */
        public String describe() {
            return String.format(Locale.ROOT, "drones: %d slots (%.1f s of flight), %d to %d drones in the air%n"
                    + "  mean sum rate %.2f bit/s/Hz, mean drone rate %.2f bit/s/Hz, %.0f %% of drone-slots below "
                    + "the slow-down threshold%n  %d handovers, %d take-offs, %d landings, %d deliveries%n"
                    + "  precoder %.2f ms per slot%n",
                    slots, simulatedS, minUes, maxUes, meanSumRateBit, meanUeRateBit, 100 * slowShare, handovers,
                    joins, leaves, deliveries, meanPrecoderMs);
        }
    }

    /**
     * Runs the model headless.
     *
     * @param s what to run
     * @return the summary
     */
    public static Result run(Settings s) {
        DroneDeliveryWithNetwork model = s.model();
        model.start();
        long[] handovers = {0};
        double[] sums = {0, 0, 0};
        long[] pairs = {0, 0};
        int[] range = {Integer.MAX_VALUE, 0};
        long[] slots = {0};
        double ln2 = Math.log(2);
        model.network().network().addListener((SlotReport r) -> {
            slots[0]++;
            handovers[0] += r.handovers();
            sums[0] += r.sumRateNat() / ln2;
            sums[2] += r.precoderSeconds();
            range[0] = Math.min(range[0], r.numUes());
            range[1] = Math.max(range[1], r.numUes());
            for (int u = 0; u < r.numUes(); u++) {
                double bit = r.rateNat(u) / ln2;
                sums[1] += bit;
                pairs[0]++;
                if (bit < s.minLinkRateBit()) {
                    pairs[1]++;
                }
            }
        });
        while (slots[0] < s.slots() && model.schedule.step(model)) {
            // one slot per step
        }
        model.finish();
        DroneNetwork n = model.network();
        return new Result(slots[0], slots[0] * DroneDelivery.SECONDS_PER_STEP,
                slots[0] == 0 ? 0 : sums[0] / slots[0], pairs[0] == 0 ? 0 : sums[1] / pairs[0],
                pairs[0] == 0 ? 0 : (double) pairs[1] / pairs[0], slots[0] == 0 ? 0 : range[0], range[1],
                handovers[0], n.joins() - model.getNumDrones(), n.leaves(), // every drone is in the air at the start
                model.getDeliveries(), slots[0] == 0 ? 0 : 1e3 * sums[2] / slots[0]);
    }
}
