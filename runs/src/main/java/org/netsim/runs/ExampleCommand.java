package org.netsim.runs;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.netsim.examples.drones.DroneDeliveryWithUI;
import org.netsim.examples.drones.DroneNetwork;
import org.netsim.examples.drones.DronesExample;
import org.netsim.visualization.display.GuiLauncher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code netsim example NAME}: runs one of the example MASON models that host the radio network as a plugin
 * (examples module; the guide is docs/plugin.md), headless with a summary, or with {@code --gui} in a MASON window
 * showing the model's portrayals and the network's together. Writes nothing.
 */
@Command(name = "example", mixinStandardHelpOptions = true,
        description = "Run an example MASON model that hosts the radio network as a plugin (docs/plugin.md): "
                + "headless with a summary, or in a MASON window with --gui.")
final class ExampleCommand implements Callable<Integer> {

    /** The examples, by name. */
    static final List<String> NAMES = List.of("drones");

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", completionCandidates = Names.class,
            description = "Example: ${COMPLETION-CANDIDATES} (delivery drones flying between depots and drop "
                    + "points in a MASON Continuous2D, each drone in the air a UE).")
    String name;

    @Option(names = "--slots", defaultValue = "2000", description = "Slots (model steps of 50 ms) to run. "
            + "Default: ${DEFAULT-VALUE}.")
    long slots;

    @Option(names = "--seed", defaultValue = "1", description = "MASON's seed; the network's streams derive from "
            + "it. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--drones", defaultValue = "12", description = "Number of drones (1..200). Default: "
            + "${DEFAULT-VALUE}.")
    int drones;

    @Option(names = "--bs", defaultValue = "masts", paramLabel = "masts|hexagonal",
            description = "Base stations: the model's own masts (masts) or a 7-cell hexagonal layout (hexagonal). "
                    + "Default: ${DEFAULT-VALUE}.")
    String bs;

    @Option(names = "--min-rate-bit", defaultValue = "2.0", description = "Link rate (bit/s/Hz) below which a drone "
            + "flies at half speed; 0 switches the rule off. Default: ${DEFAULT-VALUE}.")
    double minRateBit;

    @Option(names = "--gui", description = "Show the model in a MASON window (needs a display).")
    boolean gui;

    /** The example names, for the help text. */
    static final class Names extends java.util.ArrayList<String> {
        private static final long serialVersionUID = 1L;

        Names() {
            super(NAMES);
        }
    }

    @Override
    public Integer call() throws Exception {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("example: unknown example '" + name + "' (known: "
                    + String.join(", ", NAMES) + ")");
        }
        DroneNetwork.BaseStations stations = switch (bs) {
            case "masts" -> DroneNetwork.BaseStations.MASTS;
            case "hexagonal" -> DroneNetwork.BaseStations.HEXAGONAL;
            default -> throw new IllegalArgumentException("bs: must be masts or hexagonal, got '" + bs + "'");
        };
        DronesExample.Settings settings = new DronesExample.Settings(seed, slots, drones, stations, minRateBit);
        if (gui) {
            GuiLauncher.requireDisplay("example --gui");
            DroneDeliveryWithUI.run(new DroneDeliveryWithUI(settings.model(), slots));
            return 0;
        }
        long t0 = System.nanoTime();
        DronesExample.Result r = DronesExample.run(settings);
        var out = spec.commandLine().getOut();
        out.print(r.describe());
        out.printf(Locale.ROOT, "  %.1f s wall clock%n", (System.nanoTime() - t0) / 1e9);
        return 0;
    }
}
