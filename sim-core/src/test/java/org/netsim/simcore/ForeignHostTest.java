package org.netsim.simcore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.netsim.radio.geometry.Position;
import sim.engine.SimState;
import sim.engine.Steppable;
import sim.field.continuous.Continuous2D;

/**
 * A MASON model the project did not write (its own agents in a {@link Continuous2D}, its own clock in "ticks" of
 * 2 units, its own orderings, its own use of MASON's generator) hosts the network. When its agents follow the
 * trajectories of the built-in host's UEs, every slot's rates, SINRs, serving cells and handovers are bit for bit
 * those of the built-in run: one code path, and the plugin's draws depend on the seed and the stream names only.
 */
class ForeignHostTest {

    static final int SLOTS = 40;
    /** The foreign host's clock: first slot at tick 5, one slot every 2 ticks, mobility at ordering 3. */
    static final HostSchedule WHEN = new HostSchedule(5, 2, 3);

    static List<SlotReport> builtIn = new ArrayList<>();
    /** Per UE, per slot: what the built-in network read from its terminals. */
    static Position[][] positions;
    static double[][] speeds;
    static double[][] travelled;

    @BeforeAll
    static void runBuiltIn() {
        NetworkSimulation sim = new NetworkSimulation(TestNetworks.SEED, TestNetworks.config(), TestNetworks.groups(),
                TestNetworks.stage(), List.of(builtIn::add));
        sim.start();
        List<MobileUe> ues = sim.ues();
        positions = new Position[ues.size()][SLOTS];
        speeds = new double[ues.size()][SLOTS];
        travelled = new double[ues.size()][SLOTS];
        long[] slot = {0};
        // the UEs do not move between the large-scale phase and the report: what they say now is what was read
        sim.network().addListener(r -> {
            int k = (int) slot[0]++;
            for (int u = 0; u < ues.size(); u++) {
                positions[u][k] = ues.get(u).position();
                speeds[u][k] = ues.get(u).speedMps();
                travelled[u][k] = ues.get(u).travelledDistanceM();
            }
        });
        assertEquals(SLOTS, sim.runSlots(SLOTS));
        sim.finish();
    }

    /** A host agent: flies its trajectory, one point per slot, placing itself in the host's field. */
    static final class Walker implements Steppable, Terminal {
        private static final long serialVersionUID = 1L;
        final transient Continuous2D field;
        final transient FieldFrame frame;
        final int ue;
        int k = -1;

        Walker(Continuous2D field, FieldFrame frame, int ue) {
            this.field = field;
            this.frame = frame;
            this.ue = ue;
        }

        @Override
        public void step(SimState state) {
            k++;
            field.setObjectLocation(this, frame.toField(positions[ue][k]));
        }

        @Override
        public Position position() {
            return positions[ue][k];
        }

        @Override
        public double speedMps() {
            return speeds[ue][k];
        }

        @Override
        public double travelledDistanceM() {
            return travelled[ue][k];
        }
    }

    /** The foreign model: walkers, plus an agent that uses MASON's generator as a host model does. */
    static final class ForeignHost extends SimState {
        private static final long serialVersionUID = 1L;
        final transient Continuous2D field = new Continuous2D(100, 4000, 4000);
        final transient FieldFrame frame = new FieldFrame(-2000, 2000, 1.0);
        final transient List<SlotReport> reports = new ArrayList<>();
        final int hostDrawsPerTick;
        transient RadioNetwork network;
        double hostSum;

        ForeignHost(long seed, int hostDrawsPerTick) {
            super(seed);
            this.hostDrawsPerTick = hostDrawsPerTick;
        }

        @Override
        public void start() {
            super.start();
            network = new RadioNetwork(TestNetworks.config(), TestNetworks.stage(), RadioNetwork.hostStreams(this));
            network.addListener(reports::add);
            for (int u = 0; u < positions.length; u++) {
                Walker w = new Walker(field, frame, u);
                network.addUe(w, 2, 1);
                schedule.scheduleRepeating(WHEN.startTime(), WHEN.firstOrdering(), w, WHEN.interval());
            }
            schedule.scheduleRepeating(0.0, 0, (Steppable) s -> {
                for (int i = 0; i < hostDrawsPerTick; i++) {
                    hostSum += random.nextDouble();
                }
            }, 1.0);
            network.attach(this, WHEN);
        }
    }

    static ForeignHost runForeign(int hostDrawsPerTick) {
        ForeignHost host = new ForeignHost(TestNetworks.SEED, hostDrawsPerTick);
        host.start();
        while (host.reports.size() < SLOTS && host.schedule.step(host)) {
            // run
        }
        host.finish();
        return host;
    }

    @Test
    void sameTrajectoriesGiveTheBuiltInRunsRatesSlotForSlot() {
        ForeignHost host = runForeign(3);
        assertEquals(SLOTS, host.reports.size());
        int handovers = 0;
        for (int k = 0; k < SLOTS; k++) {
            SlotReport a = builtIn.get(k);
            SlotReport b = host.reports.get(k);
            assertEquals(k, b.slot());
            assertArrayEquals(a.ueIds(), b.ueIds(), "slot " + k);
            assertArrayEquals(a.rateNat(), b.rateNat(), 0.0, "slot " + k + " rates");
            assertArrayEquals(a.sinrDb(), b.sinrDb(), 0.0, "slot " + k + " SINRs");
            assertArrayEquals(a.servingCell(), b.servingCell(), "slot " + k + " serving cells");
            assertArrayEquals(a.handover(), b.handover(), "slot " + k + " handovers");
            assertEquals(a.iterations(), b.iterations());
            // the host's clock: tick 5 + 2 k, one slot (1 ms) per 2 ticks
            assertEquals((WHEN.startTime() + k * WHEN.interval()) * TestNetworks.SLOT_S / WHEN.interval(),
                    b.timeS(), 1e-15);
            handovers += a.handovers();
        }
        // the comparison covers moving UEs, handovers and non-zero rates, not a degenerate run
        assertTrue(handovers > 0, "no handover in the run");
        assertTrue(builtIn.get(SLOTS - 1).sumRateNat() > 0);
        assertTrue(speeds[0][SLOTS - 1] > 25, "UE 0 at " + speeds[0][SLOTS - 1] + " m/s");
    }

    @Test
    void thePluginsDrawsDoNotDependOnWhatTheHostDoesWithItsGenerator() {
        ForeignHost quiet = runForeign(0);
        ForeignHost busy = runForeign(17);
        assertTrue(busy.hostSum > 0);
        for (int k = 0; k < SLOTS; k++) {
            assertArrayEquals(quiet.reports.get(k).rateNat(), busy.reports.get(k).rateNat(), 0.0, "slot " + k);
        }
    }

    @Test
    void hostAgentsStepsAtTheirOwnOrderingsSeeTheSlotTheyAreIn() {
        ForeignHost host = new ForeignHost(TestNetworks.SEED, 0);
        host.start();
        List<Long> seen = new ArrayList<>();
        // a host agent after the report reads the slot just finished; one at the mobility ordering the one before
        host.schedule.scheduleRepeating(WHEN.startTime(), WHEN.afterReport(), (Steppable) s ->
                seen.add(host.network.lastReport().slot()), WHEN.interval());
        for (int i = 0; i < 12; i++) {
            host.schedule.step(host);
        }
        assertTrue(seen.size() >= 3, "seen " + seen);
        for (int k = 0; k < seen.size(); k++) {
            assertEquals(k, seen.get(k));
        }
        host.finish();
    }
}
