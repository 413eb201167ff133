package org.netsim.examples.readme;

import java.util.ArrayList;
import java.util.List;
import org.netsim.scenarios.sim.SimulationCatalog;
import org.netsim.scenarios.sim.SimulationScenario;
import org.netsim.simcore.FieldFrame;
import org.netsim.simcore.HostSchedule;
import org.netsim.simcore.RadioNetwork;
import org.netsim.simcore.SlotReport;
import sim.engine.SimState;
import sim.engine.Steppable;
import sim.field.continuous.Continuous2D;
import sim.util.Double2D;

/**
 * The README's plugin example, as compiled code: a minimal MASON model of walkers in a {@link Continuous2D} that
 * attaches the network of the built-in scenario {@code urban-7cell} in its {@code start()}. The lines between the
 * README markers appear verbatim in README.md (ReadmeExamplesTest checks it and runs the model).
 */
public class ReadmePluginExample extends SimState {

    private static final long serialVersionUID = 1L;

    /** The walkers, in metres (MASON's y down). */
    public final transient Continuous2D field = new Continuous2D(50, 1000, 1000);
    /** The reports of the slots run. */
    public final transient List<SlotReport> reports = new ArrayList<>();
    private final transient List<Steppable> walkers = new ArrayList<>();
    private transient RadioNetwork network;

    /** @param seed MASON's seed */
    public ReadmePluginExample(long seed) {
        super(seed);
    }

    @Override
    public void start() {
        super.start();
        walkers.clear();
        for (int a = 0; a < 10; a++) { // the model's own agents: random walkers, one step per time unit
            Walker w = new Walker();
            walkers.add(w);
            field.setObjectLocation(w, new Double2D(1000 * random.nextDouble(), 1000 * random.nextDouble()));
            schedule.scheduleRepeating(0.0, 0, w, 1.0);
        }
        // README plugin begin
        SimulationScenario s = SimulationCatalog.load("urban-7cell", List.of());     // the network's models
        network = new RadioNetwork(s.network(), s.newPrecodingStage(), RadioNetwork.hostStreams(this));
        FieldFrame frame = new FieldFrame(-500, 500, 1.0);           // field (y down) -> network metres (y up)
        for (Steppable w : walkers) {
            network.addUe(frame.terminal(field, w), 2, 2);           // 2 antennas, 2 streams
        }
        network.attach(this, new HostSchedule(0, 1, 0));             // a slot per step, after the walkers
        network.addListener(r -> reports.add(r));                    // rates, SINRs, serving BSs, handovers
        // README plugin end
    }

    @Override
    public void finish() {
        if (network != null) {
            network.finish();
        }
        super.finish();
    }

    /** A walker: a random step of up to 1 m per time unit, from MASON's generator. */
    final class Walker implements Steppable {
        private static final long serialVersionUID = 1L;

        @Override
        public void step(SimState state) {
            Double2D p = field.getObjectLocation(this);
            field.setObjectLocation(this, new Double2D(Math.min(999, Math.max(1, p.x + 2 * random.nextDouble() - 1)),
                    Math.min(999, Math.max(1, p.y + 2 * random.nextDouble() - 1))));
        }
    }
}
