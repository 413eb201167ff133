package org.netsim.runs;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.netsim.precoding.Problem;
import org.netsim.scenarios.dataset.ChannelDataset;
import org.netsim.scenarios.snapshot.SnapshotCatalog;
import org.netsim.scenarios.snapshot.SnapshotScenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code netsim dataset}: draws channel samples of a built-in scenario into an .npz dataset. */
@Command(name = "dataset", mixinStandardHelpOptions = true,
        description = "Draw S channel samples of a built-in scenario and write them as an .npz dataset "
                + "(layout in README.md).")
final class DatasetCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--scenario", required = true, description = "Built-in scenario name (see `netsim scenarios`).")
    String scenario;

    @Option(names = "--samples", required = true, description = "Number of samples S.")
    int samples;

    @Option(names = "--seed", defaultValue = "1", description = "Root seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, description = "Output file (.npz), written atomically.")
    Path out;

    @Override
    public Integer call() throws Exception {
        SnapshotScenario s = SnapshotCatalog.get(scenario);
        List<Problem> problems = ScenarioSamples.draw(s, samples, seed);
        ChannelDataset.of(problems).write(out);
        spec.commandLine().getOut().printf("wrote %d samples of %s (seed %d) to %s%n", samples, s.name(), seed, out);
        return 0;
    }
}
