package org.netsim.simcore.distributed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.netsim.precoding.Init;
import org.netsim.precoding.Precoder;
import org.netsim.precoding.PrecoderOptions;
import org.netsim.precoding.Problem;
import org.netsim.precoding.RateEvaluator;
import org.netsim.precoding.Solution;
import org.netsim.precoding.classic.RzfPrecoder;
import org.netsim.precoding.classic.WmmsePrecoder;
import org.netsim.precoding.gcn.GcnWmmsePrecoder;
import org.netsim.precoding.gcn.GcnWmmseWeights;
import org.netsim.simcore.SlotContext;
import org.netsim.simcore.SlotPrecoding;

class DistributedPrecodingTest {

    /**
     * Ideal links reproduce the centralized solver to rounding: the same step functions run on the same inputs in
     * the same summation order, so the differences are those of evaluating them in another call sequence (none
     * expected; 1e-9 relative leaves room for the WSR evaluation's order of operations).
     */
    private static final double SAME_AS_CENTRALIZED = 1e-9;
    /** Power budgets hold to rounding of the mu-step (relative). */
    private static final double BUDGET_SLACK = 1e-9;

    /** A random multicell problem: K BSs of M antennas, I UEs of N antennas and d streams, cross links weaker. */
    static Problem problem(long seed, int numBs, int uesPerBs, int m, int n, int d) {
        SplittableRandom rng = new SplittableRandom(seed);
        int numUe = numBs * uesPerBs;
        ZMatrixRMaj[][] h = new ZMatrixRMaj[numUe][numBs];
        int[] serving = new int[numUe];
        for (int i = 0; i < numUe; i++) {
            serving[i] = i / uesPerBs;
            for (int k = 0; k < numBs; k++) {
                h[i][k] = new ZMatrixRMaj(n, m);
                double a = k == serving[i] ? 1 : 0.2 + 0.3 * rng.nextDouble();
                for (int e = 0; e < h[i][k].getDataLength(); e++) {
                    h[i][k].data[e] = rng.nextGaussian() * a * Math.sqrt(0.5);
                }
            }
        }
        int[] ns = new int[numUe];
        int[] ds = new int[numUe];
        double[] noise = new double[numUe];
        double[] w = new double[numUe];
        int[] ms = new int[numBs];
        double[] p = new double[numBs];
        java.util.Arrays.fill(ns, n);
        java.util.Arrays.fill(ds, d);
        java.util.Arrays.fill(noise, 0.05);
        java.util.Arrays.fill(ms, m);
        java.util.Arrays.fill(p, 2.0);
        for (int i = 0; i < numUe; i++) {
            w[i] = 0.5 + rng.nextDouble();
        }
        return Problem.builder().bsAntennas(ms).bsPowerW(p).ueAntennas(ns).streams(ds).noisePowerW(noise)
                .weights(w).servingBs(serving).channels(h).build();
    }

    private static PrecoderOptions iterations(int r) {
        return PrecoderOptions.defaults().withMaxIterations(r).withTolerance(0);
    }

    private static void assertSamePrecoders(ZMatrixRMaj[] expected, ZMatrixRMaj[] actual, String what) {
        double scale = 0;
        double diff = 0;
        for (int i = 0; i < expected.length; i++) {
            for (int e = 0; e < expected[i].getDataLength(); e++) {
                scale = Math.max(scale, Math.abs(expected[i].data[e]));
                diff = Math.max(diff, Math.abs(expected[i].data[e] - actual[i].data[e]));
            }
        }
        assertTrue(diff <= SAME_AS_CENTRALIZED * scale, what + ": max |V_dist - V_central| = " + diff
                + " (scale " + scale + ")");
    }

    private static void assertBudgets(Problem p, ZMatrixRMaj[] v) {
        double[] use = RateEvaluator.powerUse(p, v);
        for (int k = 0; k < p.numBs(); k++) {
            assertTrue(use[k] <= p.bsPowerW(k) * (1 + BUDGET_SLACK), "BS " + k + " uses " + use[k] + " W");
        }
    }

    @Test
    void idealLinksGiveTheCentralizedWmmseIterationByIteration() {
        Problem p = problem(11, 3, 2, 4, 2, 2);
        WmmsePrecoder wmmse = new WmmsePrecoder(iterations(6));
        List<DistributedSlotReport> reports = new ArrayList<>();
        DistributedPrecoding dist = new DistributedPrecoding(wmmse, LinkModel.IDEAL, CoordinationRange.ALL, 6,
                1e-3, 5).addListener(reports::add);
        SlotPrecoding.Outcome out = dist.solve(p, Init.mrc(), SlotContext.untimed(0));
        assertEquals(6, out.rounds());
        for (int r = 1; r <= 6; r++) {
            Solution central = new WmmsePrecoder(iterations(r)).solve(p, Init.mrc());
            DistributedPrecoding cut = new DistributedPrecoding(wmmse, LinkModel.IDEAL, CoordinationRange.ALL, r,
                    1e-3, 5);
            Solution s = cut.solve(p, Init.mrc(), SlotContext.untimed(0)).solution();
            assertSamePrecoders(central.precoders(), s.precoders(), "round " + r);
            assertEquals(central.wsrNat(), s.wsrNat(), SAME_AS_CENTRALIZED * central.wsrNat(), "WSR round " + r);
            assertEquals(central.wsrNat(), reports.get(0).wsrAfterRoundNat()[r - 1],
                    SAME_AS_CENTRALIZED * central.wsrNat(), "reported WSR after round " + r);
        }
    }

    @Test
    void idealLinksGiveTheCentralizedWmmseWithFewerStreamsAndUnequalCells() {
        // d < N, and a BS without UEs (its agent has nothing to do)
        Problem p0 = problem(12, 3, 2, 3, 3, 1);
        Problem p = p0.toBuilder().servingBs(0, 0, 0, 1, 1, 1).build();
        Solution central = new WmmsePrecoder(iterations(4)).solve(p, Init.zf());
        Solution s = new DistributedPrecoding(new WmmsePrecoder(), LinkModel.IDEAL, CoordinationRange.ALL, 4, 1e-3,
                1).solve(p, Init.zf(), SlotContext.untimed(3)).solution();
        assertSamePrecoders(central.precoders(), s.precoders(), "4 rounds");
    }

    @Test
    void idealLinksGiveTheCentralizedGcnWmmseLayerByLayer() {
        Problem p = problem(13, 3, 2, 4, 2, 2);
        GcnWmmseWeights weights = GcnWmmseWeights.paperInitial(5, 2, 4, new SplittableRandom(3));
        for (int r = 1; r <= 5; r++) {
            Solution central = new GcnWmmsePrecoder(weights, iterations(r)).solve(p, Init.mrc());
            Solution s = new DistributedPrecoding(new GcnWmmsePrecoder(weights), LinkModel.IDEAL,
                    CoordinationRange.ALL, r, 1e-3, 2).solve(p, Init.mrc(), SlotContext.untimed(0)).solution();
            assertSamePrecoders(central.precoders(), s.precoders(), "layer " + r);
            assertEquals(central.wsrNat(), s.wsrNat(), SAME_AS_CENTRALIZED * central.wsrNat());
        }
        // the depth caps the budget
        DistributedPrecoding deep = new DistributedPrecoding(new GcnWmmsePrecoder(weights), LinkModel.IDEAL,
                CoordinationRange.ALL, 50, 1e-3, 2);
        assertEquals(5, deep.roundBudget());
    }

    @Test
    void messageCountsAndBytesEqualTheClosedForm() {
        int numBs = 3;
        int uesPerBs = 2;
        int n = 2;
        int d = 2;
        Problem p = problem(14, numBs, uesPerBs, 4, n, d);
        int numUe = numBs * uesPerBs;
        int rounds = 4;
        List<DistributedSlotReport> reports = new ArrayList<>();
        SlotPrecoding.Outcome out = new DistributedPrecoding(new WmmsePrecoder(), LinkModel.IDEAL,
                CoordinationRange.ALL, rounds, 1e-3, 1).addListener(reports::add)
                .solve(p, Init.mrc(), SlotContext.untimed(0));
        DistributedSlotReport r = reports.get(0);
        assertEquals((long) rounds * numUe, r.sent(MessageType.DL_PILOTS));
        assertEquals((long) rounds * numUe * numBs, r.sent(MessageType.UL_COVARIANCE));
        assertEquals((long) rounds * numUe, r.sent(MessageType.UL_RECEIVER));
        // I K + I uplink messages per round, each 2 N d doubles
        long uplink = (long) rounds * (numUe * numBs + numUe);
        assertEquals(uplink, r.sent(MessageType.UL_COVARIANCE) + r.sent(MessageType.UL_RECEIVER));
        assertEquals(uplink * 2 * n * d * 8, r.bytesDeliveredTotal());
        assertEquals(0, r.bytesSent(MessageType.DL_PILOTS));
        assertEquals(uplink + (long) rounds * numUe, out.messages());
        assertEquals(r.bytesDeliveredTotal(), out.bytes());
        for (MessageType t : MessageType.values()) {
            assertEquals(0, r.lost(t));
            assertEquals(0, r.late(t));
            assertEquals(r.sent(t), r.delivered(t));
        }
        // events: per round I pilot deliveries, I UE steps, (I K + I) deliveries, K BS steps, 1 round start, 1 end
        assertEquals((long) rounds * (numUe + numUe + numUe * numBs + numUe + numBs + 2), r.events());
    }

    @Test
    void quantisedMessagesCountTheirBitsAndStillMeetTheBudgets() {
        Problem p = problem(15, 2, 2, 4, 2, 2);
        List<DistributedSlotReport> reports = new ArrayList<>();
        LinkModel eightBits = new LinkModel(0, 0, 0, 0, 8);
        SlotPrecoding.Outcome out = new DistributedPrecoding(new WmmsePrecoder(), eightBits, CoordinationRange.ALL,
                5, 1e-3, 1).addListener(reports::add).solve(p, Init.mrc(), SlotContext.untimed(0));
        long perMessage = (2L * 2 * 2 * 8 + 7) / 8 + 4; // 8 reals of 8 bits, plus the 32-bit scale
        assertEquals(perMessage * (4 * 2 + 4) * 5, reports.get(0).bytesDeliveredTotal());
        assertBudgets(p, out.solution().precoders());
        Solution exact = new WmmsePrecoder(iterations(5)).solve(p, Init.mrc());
        // 8 bits per entry perturb the WSR by about the quantiser's relative error, 1/254, not more than a few %
        assertEquals(exact.wsrNat(), out.solution().wsrNat(), 0.05 * exact.wsrNat());
    }

    @Test
    void roundsPerSlotEqualTheBudgetOfThePhaseDurations() {
        Problem p = problem(16, 2, 2, 4, 2, 2);
        WmmsePrecoder wmmse = new WmmsePrecoder();
        // 1 ms slot, 0.1 ms + 0.15 ms rounds: 4 rounds fit
        LinkModel link = new LinkModel(1e-4, 1.5e-4, 0, 0, 64);
        DistributedPrecoding auto = new DistributedPrecoding(wmmse, link, CoordinationRange.ALL,
                DistributedPrecoding.AUTO_ROUNDS, 1e-3, 1);
        assertEquals(4, auto.roundBudget());
        assertEquals(4, auto.solve(p, Init.mrc(), new SlotContext(0, 0.5, null, null, null)).rounds());
        // 0.2 + 0.05 ms: exactly 4 (the slack absorbs the rounding of 1e-3 / 2.5e-4)
        assertEquals(4, new DistributedPrecoding(wmmse, new LinkModel(2e-4, 5e-5, 0, 0, 64), CoordinationRange.ALL,
                0, 1e-3, 1).roundBudget());
        // a fixed cap below the fit binds, above it does not
        assertEquals(2, new DistributedPrecoding(wmmse, link, CoordinationRange.ALL, 2, 1e-3, 1).roundBudget());
        assertEquals(4, new DistributedPrecoding(wmmse, link, CoordinationRange.ALL, 9, 1e-3, 1).roundBudget());
        assertThrows(IllegalArgumentException.class, () -> new DistributedPrecoding(wmmse, LinkModel.IDEAL,
                CoordinationRange.ALL, DistributedPrecoding.AUTO_ROUNDS, 1e-3, 1));
        assertThrows(IllegalArgumentException.class, () -> new DistributedPrecoding(wmmse,
                new LinkModel(1e-3, 1e-3, 0, 0, 64), CoordinationRange.ALL, 0, 1e-3, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DistributedPrecoding(
                new RzfPrecoder(), link, CoordinationRange.ALL, 0, 1e-3, 1));
        assertTrue(e.getMessage().contains("rzf"), e.getMessage());
    }

    @Test
    void lossesAndLateMessagesDegradeGracefully() {
        Problem p = problem(17, 3, 2, 4, 2, 2);
        double ideal = new WmmsePrecoder(iterations(8)).solve(p, Init.mrc()).wsrNat();
        double start = RateEvaluator.wsrNat(p, org.netsim.precoding.InitialPrecoders.create(p, Init.mrc()));
        for (double loss : new double[] {0.1, 0.3, 0.6, 0.9}) {
            for (double latencyS : new double[] {0, 2e-4}) {
                LinkModel link = new LinkModel(5e-5, 1e-4, latencyS, loss, 64);
                List<DistributedSlotReport> reports = new ArrayList<>();
                DistributedPrecoding dist = new DistributedPrecoding(new WmmsePrecoder(), link, CoordinationRange.ALL,
                        8, 2e-3, 42).addListener(reports::add);
                for (long slot = 0; slot < 5; slot++) {
                    Solution s = dist.solve(p, Init.mrc(), SlotContext.untimed(slot)).solution();
                    assertFalse(Double.isNaN(s.wsrNat()), "loss " + loss);
                    for (ZMatrixRMaj v : s.precoders()) {
                        for (double x : v.data) {
                            assertFalse(Double.isNaN(x));
                        }
                    }
                    assertBudgets(p, s.precoders());
                    assertTrue(s.wsrNat() <= ideal * 1.05, "loss cannot beat lossless WMMSE by much: " + s.wsrNat());
                    DistributedSlotReport r = reports.get(reports.size() - 1);
                    assertEquals(8, r.rounds());
                    for (MessageType t : MessageType.values()) {
                        assertEquals(r.sent(t), r.delivered(t) + r.lost(t), t + " sent = delivered + lost");
                    }
                    long lost = 0;
                    for (MessageType t : MessageType.values()) {
                        lost += r.lost(t);
                    }
                    assertTrue(lost > 0, "some of ~" + r.sent(MessageType.UL_COVARIANCE) + " messages are lost");
                    if (latencyS > link.uplinkPhaseS()) {
                        assertEquals(r.delivered(MessageType.UL_RECEIVER), r.late(MessageType.UL_RECEIVER));
                    } else {
                        assertEquals(0, r.late(MessageType.UL_RECEIVER));
                    }
                }
            }
        }
        // moderate loss still improves on the start
        Solution s = new DistributedPrecoding(new WmmsePrecoder(), new LinkModel(0, 0, 0, 0.1, 64),
                CoordinationRange.ALL, 8, 1e-3, 3).solve(p, Init.mrc(), SlotContext.untimed(0)).solution();
        assertTrue(s.wsrNat() > start, s.wsrNat() + " vs start " + start);
    }

    @Test
    void gcnWmmseUnderLossesAndReducedRangeStaysFiniteAndFeasible() {
        Problem p = problem(20, 3, 2, 4, 2, 2);
        GcnWmmseWeights weights = GcnWmmseWeights.paperInitial(7, 2, 4, new SplittableRandom(5));
        for (double loss : new double[] {0.2, 0.7}) {
            DistributedPrecoding dist = new DistributedPrecoding(new GcnWmmsePrecoder(weights),
                    new LinkModel(1e-4, 1e-4, 0, loss, 12), CoordinationRange.strongest(2), 0, 1e-3, 8);
            assertEquals(5, dist.roundBudget());
            for (long slot = 0; slot < 5; slot++) {
                Solution s = dist.solve(p, Init.mrc(), SlotContext.untimed(slot)).solution();
                assertFalse(Double.isNaN(s.wsrNat()), "loss " + loss);
                assertTrue(s.wsrNat() >= 0);
                assertBudgets(p, s.precoders());
            }
        }
    }

    @Test
    void reducedCoordinationRangeSendsFewerMessagesAndStaysFeasible() {
        Problem p = problem(18, 4, 2, 4, 2, 2);
        int numUe = 8;
        double full = new WmmsePrecoder(iterations(6)).solve(p, Init.mrc()).wsrNat();
        for (int n = 1; n <= 4; n++) {
            List<DistributedSlotReport> reports = new ArrayList<>();
            Solution s = new DistributedPrecoding(new WmmsePrecoder(), LinkModel.IDEAL, CoordinationRange.strongest(n),
                    6, 1e-3, 1).addListener(reports::add).solve(p, Init.mrc(), SlotContext.untimed(0)).solution();
            assertEquals(6L * numUe * n, reports.get(0).sent(MessageType.UL_COVARIANCE), "strongest " + n);
            assertBudgets(p, s.precoders());
            assertFalse(Double.isNaN(s.wsrNat()));
            if (n == 4) {
                assertEquals(full, s.wsrNat(), SAME_AS_CENTRALIZED * full);
            }
        }
        // radius: with distances, UE i hears BS k iff within the radius (its serving BS always)
        double[][] dist = new double[numUe][4];
        for (int i = 0; i < numUe; i++) {
            for (int k = 0; k < 4; k++) {
                dist[i][k] = k == p.servingBs(i) ? 900 : 100 * (k + 1);
            }
        }
        boolean[][] sets = CoordinationRange.radius(250).sets(p, new SlotContext(0, 0, null, dist, null));
        for (int i = 0; i < numUe; i++) {
            for (int k = 0; k < 4; k++) {
                assertEquals(k == p.servingBs(i) || k <= 1, sets[i][k], "UE " + i + " BS " + k);
            }
        }
        assertThrows(IllegalStateException.class, () -> CoordinationRange.radius(250).sets(p,
                SlotContext.untimed(0)));
    }

    @Test
    void warmStartAcrossSlotsTracksWithTwoRoundsPerSlot() {
        // on a static channel, 5 slots of 2 rounds warm-started from the previous slot equal 10 WMMSE iterations
        Problem p = problem(19, 3, 2, 4, 2, 2);
        Precoder wmmse = new WmmsePrecoder();
        org.netsim.simcore.PrecodingStage stage = new org.netsim.simcore.PrecodingStage(wmmse, Init.mrc(), true)
                .withExecution(new DistributedPrecoding(wmmse, LinkModel.IDEAL, CoordinationRange.ALL, 2, 1e-3, 1));
        int[] ids = {0, 1, 2, 3, 4, 5};
        org.netsim.simcore.PrecodingStage.Result r = null;
        for (int slot = 0; slot < 5; slot++) {
            r = stage.precode(p, ids);
            assertEquals(2, r.rounds());
        }
        Solution ten = new WmmsePrecoder(iterations(10)).solve(p, Init.mrc());
        assertSamePrecoders(ten.precoders(), r.solution().precoders(), "5 x 2 rounds");
    }
}
