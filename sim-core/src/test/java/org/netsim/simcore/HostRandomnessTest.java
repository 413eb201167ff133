package org.netsim.simcore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import sim.engine.RandomSequence;
import sim.engine.SimState;
import sim.engine.Steppable;
import sim.field.continuous.Continuous2D;
import sim.util.Double2D;

/**
 * Adding the plugin to a host leaves the host's own random draws unchanged: a host whose walkers take random steps
 * from MASON's generator ends at the same places, with the generator in the same state, with and without the
 * network attached (the network reads the walkers through {@link FieldFrame#terminal} position callbacks).
 */
class HostRandomnessTest {

    static final int TICKS = 30;

    /** Random walkers on a 1 km square, one step of up to 5 m per tick from MASON's generator. */
    static final class Walkers extends SimState {
        private static final long serialVersionUID = 1L;
        final transient Continuous2D field = new Continuous2D(50, 1000, 1000);
        final transient FieldFrame frame = new FieldFrame(-500, 500, 1.0);
        final boolean withNetwork;
        final boolean asSequence;
        final transient List<Object> agents = new ArrayList<>();
        final transient List<Double> draws = new ArrayList<>();
        transient RadioNetwork network;
        int reports;

        Walkers(long seed, boolean withNetwork, boolean asSequence) {
            super(seed);
            this.withNetwork = withNetwork;
            this.asSequence = asSequence;
        }

        /** MASON's generator, recording every double it gives the walkers. */
        double draw() {
            double d = random.nextDouble();
            draws.add(d);
            return d;
        }

        @Override
        public void start() {
            super.start();
            if (withNetwork) {
                network = new RadioNetwork(TestNetworks.config(), TestNetworks.stage(), hostStreams());
                network.addListener(r -> reports++);
            }
            for (int a = 0; a < 10; a++) {
                Steppable walker = new Steppable() {
                    private static final long serialVersionUID = 1L;

                    @Override
                    public void step(SimState s) {
                        Double2D p = field.getObjectLocation(this);
                        double nx = Math.min(999, Math.max(1, p.x + 5 * (2 * draw() - 1)));
                        double ny = Math.min(999, Math.max(1, p.y + 5 * (2 * draw() - 1)));
                        field.setObjectLocation(this, new Double2D(nx, ny));
                    }
                };
                field.setObjectLocation(walker, new Double2D(1000 * random.nextDouble(), 1000 * random.nextDouble()));
                agents.add(walker);
                if (!asSequence) {
                    schedule.scheduleRepeating(1.0, 0, walker, 1.0);
                }
                if (withNetwork) {
                    network.addUe(frame.terminal(field, walker), 2, 1);
                }
            }
            if (asSequence) {
                schedule.scheduleRepeating(1.0, 0, new RandomSequence(agents.toArray(new Steppable[0])), 1.0);
            }
            if (withNetwork) {
                network.attach(this, new HostSchedule(1.0, 1.0, 0));
            }
        }

        private org.netsim.radio.random.RandomStreams hostStreams() {
            return RadioNetwork.hostStreams(this);
        }

        double[] coordinates() {
            double[] c = new double[2 * agents.size()];
            for (int a = 0; a < agents.size(); a++) {
                Double2D p = field.getObjectLocation(agents.get(a));
                c[2 * a] = p.x;
                c[2 * a + 1] = p.y;
            }
            return c;
        }
    }

    static Walkers run(boolean withNetwork, boolean asSequence) {
        Walkers w = new Walkers(99, withNetwork, asSequence);
        w.start();
        for (int t = 0; t < TICKS; t++) {
            w.schedule.step(w);
        }
        w.finish();
        return w;
    }

    @Test
    void addingThePluginLeavesTheHostsDrawsUnchanged() {
        Walkers alone = run(false, true);
        Walkers hosting = run(true, true);
        assertEquals(TICKS, hosting.reports);
        assertEquals(alone.draws, hosting.draws);
        assertArrayEquals(alone.coordinates(), hosting.coordinates(), 0.0);
        // the generator is where it was: the next draws agree
        for (int i = 0; i < 5; i++) {
            assertEquals(alone.random.nextLong(), hosting.random.nextLong());
        }
    }

    /**
     * Agents scheduled one by one at the same time and ordering: MASON steps such ties in its heap's order,
     * shuffled with the host's generator, and any other entry in the schedule (the network's phases, or any agent
     * the host adds) can change the heap's order of ties. The host's generator still gives the same numbers in the
     * same order; which tied agent gets which may differ, which is why docs/plugin.md advises a
     * {@link RandomSequence} (as here above) or distinct orderings for a host that must reproduce its runs exactly.
     */
    @Test
    void individuallyScheduledAgentsStillGetTheSameSequenceOfDraws() {
        Walkers alone = run(false, false);
        Walkers hosting = run(true, false);
        assertEquals(alone.draws, hosting.draws);
        assertEquals(alone.random.nextLong(), hosting.random.nextLong());
    }

    @Test
    void speedOfAPositionOnlyTerminalIsItsDisplacementOverTheSlot() {
        Walkers w = new Walkers(99, true, true);
        w.start();
        List<SlotReport> reports = new ArrayList<>();
        w.network.addListener(reports::add);
        double[] before = null;
        for (int t = 0; t < 3; t++) {
            w.schedule.step(w);
            double[] now = w.coordinates();
            SlotReport r = reports.get(reports.size() - 1);
            if (before == null) {
                assertEquals(0.0, r.speedMps()[0], "no speed before the second slot");
            } else {
                double moved = Math.hypot(now[0] - before[0], now[1] - before[1]);
                assertEquals(moved / TestNetworks.SLOT_S, r.speedMps()[0], 1e-9 * moved / TestNetworks.SLOT_S);
                assertTrue(r.speedMps()[0] > 0);
            }
            before = now;
        }
        w.finish();
    }
}
