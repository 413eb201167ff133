package org.netsim.simcore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.netsim.precoding.Init;
import org.netsim.precoding.Precoder;
import org.netsim.precoding.PrecoderOptions;
import org.netsim.precoding.PrecoderRegistry;
import org.netsim.precoding.Problem;
import org.netsim.precoding.Solution;
import org.netsim.radio.geometry.Position;
import sim.engine.Steppable;

/**
 * UEs that join and leave while the host runs: the next slot's problem has the new size, a new UE is associated
 * (no handover counted) and served, a removed one is gone from the reports and the network, identifiers are not
 * reused, and the UEs that stay keep their own channel draws (their links do not depend on who else is there).
 */
class UeChurnTest {

    /** Records the number of UEs of every problem it is given. */
    static final class CountingPrecoder implements Precoder {
        final Precoder inner = PrecoderRegistry.create("wmmse", PrecoderOptions.defaults().withMaxIterations(3));
        final List<Integer> sizes = new ArrayList<>();

        @Override
        public String name() {
            return "counting";
        }

        @Override
        public Solution solve(Problem problem, Init init) {
            sizes.add(problem.numUe());
            return inner.solve(problem, init);
        }
    }

    static final int SLOTS = 12;
    static final int JOIN_SLOT = 4;
    static final int LEAVE_SLOT = 8;
    static final int LEAVER = 3;

    record Run(NetworkSimulation sim, CountingPrecoder precoder, List<SlotReport> reports, int joiner) {
    }

    static Run run(boolean churn) {
        CountingPrecoder p = new CountingPrecoder();
        List<SlotReport> reports = new ArrayList<>();
        NetworkSimulation sim = new NetworkSimulation(TestNetworks.SEED, TestNetworks.config(), TestNetworks.groups(),
                new PrecodingStage(p, Init.mrc(), true), List.of(reports::add));
        sim.start();
        int[] joiner = {-1};
        if (churn) {
            double dt = TestNetworks.SLOT_S;
            // host agents that add and remove UEs while the host runs, at the mobility ordering
            sim.schedule.scheduleOnce(JOIN_SLOT * dt, 0, (Steppable) s ->
                    joiner[0] = sim.network().addUe(Terminal.of(() -> new Position(60, -40)), 2, 2));
            sim.schedule.scheduleOnce(LEAVE_SLOT * dt, 0, (Steppable) s -> sim.network().removeUe(LEAVER));
        }
        assertEquals(SLOTS, sim.runSlots(SLOTS));
        sim.finish();
        return new Run(sim, p, reports, joiner[0]);
    }

    @Test
    void joinsAndLeavesChangeTheProblemTheReportsAndNothingElse() {
        Run base = run(false);
        Run churn = run(true);
        int n = base.sim.ues().size();
        assertEquals(n, churn.joiner, "the new UE gets the next identifier");
        for (int k = 0; k < SLOTS; k++) {
            int expected = n + (k >= JOIN_SLOT ? 1 : 0) - (k >= LEAVE_SLOT ? 1 : 0);
            SlotReport r = churn.reports.get(k);
            assertEquals(expected, r.numUes(), "slot " + k);
            assertEquals(expected, churn.precoder.sizes.get(k), "problem size in slot " + k);
            assertEquals(k >= JOIN_SLOT, r.indexOf(churn.joiner) >= 0, "joiner in slot " + k);
            assertEquals(k < LEAVE_SLOT, r.indexOf(LEAVER) >= 0, "leaver in slot " + k);
        }
        SlotReport joined = churn.reports.get(JOIN_SLOT);
        int u = joined.indexOf(churn.joiner);
        assertFalse(joined.handover()[u], "joining is not a handover");
        int cell = joined.servingCell()[u];
        assertTrue(cell >= 0 && cell < TestNetworks.config().numCells());
        double served = 0;
        for (int k = JOIN_SLOT; k < SLOTS; k++) {
            SlotReport r = churn.reports.get(k);
            served += r.rateNat(r.indexOf(churn.joiner));
        }
        assertTrue(served > 0, "the joiner was never served");
        assertThrows(IllegalArgumentException.class, () -> churn.sim.network().servingCell(LEAVER));
        assertThrows(IllegalArgumentException.class, () -> churn.sim.network().removeUe(LEAVER));
        // the UEs that stayed have the same channels as without churn (their own named streams)
        for (int id = 0; id < n; id++) {
            if (id == LEAVER) {
                continue;
            }
            for (int c = 0; c < TestNetworks.config().numCells(); c++) {
                ZMatrixRMaj a = base.sim.network().trueChannel(id, c);
                ZMatrixRMaj b = churn.sim.network().trueChannel(id, c);
                assertArrayEquals(a.data, b.data, 0.0, "UE " + id + " cell " + c);
            }
        }
        // before anyone joined, the runs are identical
        for (int k = 0; k < JOIN_SLOT; k++) {
            assertArrayEquals(base.reports.get(k).rateNat(), churn.reports.get(k).rateNat(), 0.0);
        }
    }

    @Test
    void attachingTwiceOrInThePastIsRefused() {
        NetworkSimulation sim = new NetworkSimulation(TestNetworks.SEED, TestNetworks.config(), TestNetworks.groups(),
                TestNetworks.stage(), List.of());
        sim.start(); // attaches
        var e = assertThrows(IllegalStateException.class, () -> sim.network().attach(sim, 1.0, 0));
        assertTrue(e.getMessage().startsWith("attach:"), e.getMessage());
        sim.runSlots(3);
        assertEquals(3, sim.network().slot());
        var past = assertThrows(IllegalArgumentException.class,
                () -> new RadioNetwork(TestNetworks.config(), TestNetworks.stage(), RadioNetwork.hostStreams(sim))
                        .attach(sim, new HostSchedule(0, 1, 0)));
        assertTrue(past.getMessage().startsWith("startTime:"), past.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new HostSchedule(0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new HostSchedule(-1, 1, 0));
        sim.finish();
    }
}
