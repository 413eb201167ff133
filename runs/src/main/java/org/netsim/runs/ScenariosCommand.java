package org.netsim.runs;

import java.util.concurrent.Callable;
import org.netsim.scenarios.sim.SimulationCatalog;
import org.netsim.scenarios.snapshot.SnapshotCatalog;
import org.netsim.scenarios.snapshot.SnapshotScenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code netsim scenarios}: lists the built-in scenarios, one line each. */
@Command(name = "scenarios", mixinStandardHelpOptions = true,
        description = "List the built-in scenarios, one line each: time-evolving ones (for run) first, then snapshot ones "
                + "(for dataset and compare).")
final class ScenariosCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        for (String name : SimulationCatalog.NAMES) {
            spec.commandLine().getOut().printf("%-22s %s%n", name, "[time-evolving] "
                    + SimulationCatalog.description(name));
        }
        for (SnapshotScenario s : SnapshotCatalog.all()) {
            spec.commandLine().getOut().printf("%-22s %s%n", s.name(), s.description());
        }
        return 0;
    }
}
