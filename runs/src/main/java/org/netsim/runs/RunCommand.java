package org.netsim.runs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.netsim.radio.layout.Cell;
import org.netsim.radio.layout.NetworkLayout;
import org.netsim.radio.geometry.Position;
import org.netsim.scenarios.sim.SimulationCatalog;
import org.netsim.scenarios.sim.SimulationScenario;
import org.netsim.simcore.MobileUe;
import org.netsim.simcore.NetworkSimulation;
import org.netsim.simcore.SlotListener;
import org.netsim.visualization.charts.RunCharts;
import org.netsim.visualization.display.GuiLauncher;
import org.netsim.visualization.display.NetworkWithUI;
import org.netsim.visualization.trace.TraceHeader;
import org.netsim.visualization.trace.TraceWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code netsim run}: a time-evolving simulation of a scenario (built-in name or YAML file) into a run directory:
 * {@code scenario.yaml} (resolved, every default filled in), {@code run.json} (seed, version, command),
 * {@code metrics.csv} (one row per slot), {@code trace.bin} (playback trace), {@code summary.json} and, with
 * {@code --record-channels}, {@code channels.npz}, and the charts of {@link RunCharts}. Per-slot files are flushed a line or record at a time and whole
 * files are written to a temporary name and renamed, so Ctrl-C or a crash leaves the finished slots readable (the
 * summary and channel record are written for them on the way out). With {@code --gui} the simulation runs in a
 * MASON window instead ({@code NetworkWithUI}) and nothing is written.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a time-evolving simulation of a scenario (built-in name or YAML file) into a run "
                + "directory: metrics.csv, summary.json, trace.bin, the resolved scenario.")
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", defaultValue = "urban-7cell", paramLabel = "SCENARIO",
            description = "Built-in scenario (${COMPLETION-CANDIDATES}) or YAML file. Default: ${DEFAULT-VALUE}.",
            completionCandidates = BuiltIns.class)
    String scenario;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a scenario key by its dotted path, e.g. --set precoder=rzf --set layout.numSites=19.")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--slots", description = "Horizon in slots (overrides the scenario's).")
    Long slots;

    @Option(names = "--seed", description = "Root seed (overrides the scenario's).")
    Long seed;

    @Option(names = "--out", description = "Run directory (default results/<scenario>-<timestamp>).")
    Path out;

    @Option(names = "--record-channels", split = ",", paramLabel = "UE",
            description = "Record the true channel process of these UEs (ids) to channels.npz.")
    List<Integer> recordChannels = new ArrayList<>();

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    @Option(names = "--gui", description = "Show the simulation live in a MASON window (play/pause/step/speed, "
            + "inspectors on UEs and BSs) instead of writing a run directory: nothing is written. Needs a display.")
    boolean gui;

    @picocli.CommandLine.Mixin
    DistributedOptions distributedOptions = new DistributedOptions();

    @Option(names = "--no-charts", description = "Skip the charts (sum_rate.png, ue_rate_cdf.png, handovers.png "
            + "and their CSV data), which are drawn at the end by default.")
    boolean noCharts;

    /** Chart size in pixels: 6 x 3.7 inches at 300 dpi. */
    static final int CHART_WIDTH_PX = 1800;
    static final int CHART_HEIGHT_PX = 1100;

    /** The built-in scenario names, for the help text. */
    static final class BuiltIns extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        BuiltIns() {
            super(SimulationCatalog.NAMES);
        }
    }

    @Override
    public Integer call() throws Exception {
        List<String> all = new ArrayList<>(overrides);
        all.addAll(distributedOptions.overrides());
        if (slots != null) {
            all.add("durationS=~"); // --slots replaces a horizon given in seconds too
            all.add("slots=" + slots);
        }
        if (seed != null) {
            all.add("seed=" + seed);
        }
        SimulationScenario s = SimulationCatalog.load(scenario, all);
        if (gui) {
            return showLive(s);
        }
        // start the simulation (drops the UEs) and check the options before anything is written
        List<SlotListener> listeners = new ArrayList<>();
        SlotListener hub = new SlotListener() {
            @Override
            public void onSlot(org.netsim.simcore.SlotReport r) {
                for (SlotListener l : listeners) {
                    l.onSlot(r);
                }
            }

            @Override
            public void onFinish() {
                listeners.forEach(SlotListener::onFinish);
            }
        };
        org.netsim.simcore.PrecodingStage stage = s.newPrecodingStage();
        DistributedRunOutput distributed = DistributedRunOutput.attach(stage);
        NetworkSimulation sim = new NetworkSimulation(s.seed(), s.network(), s.groups(), stage, List.of(hub));
        try {
            sim.start();
        } catch (IllegalArgumentException e) {
            // a drop or mobility model that cannot place or start the UEs in this layout
            throw new IllegalArgumentException(scenario + ": ues: " + e.getMessage(), e);
        }
        List<MobileUe> ues = sim.ues();
        for (int id : recordChannels) {
            if (id < 0 || id >= ues.size()) {
                throw new IllegalArgumentException("record-channels: UE " + id + " does not exist (ids 0.."
                        + (ues.size() - 1) + ")");
            }
        }
        // the first slot runs before anything is written, so a precoder that does not fit the network (or any
        // other failure of the first slot) leaves no run directory; its report is replayed to the outputs
        List<org.netsim.simcore.SlotReport> firstSlot = new ArrayList<>();
        SlotListener capture = firstSlot::add;
        listeners.add(capture);
        long firstDone = sim.runSlots(1);
        listeners.remove(capture);

        Path dir = out != null ? out : Path.of("results", s.name() + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Files.createDirectories(dir);
        AtomicFiles.writeString(dir.resolve("scenario.yaml"), s.resolvedYaml());
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode run = json.createObjectNode();
        run.put("scenario", s.name());
        run.put("seed", s.seed());
        run.put("slots", s.slots());
        run.put("ues", ues.size());
        run.put("netsim_version", NetsimCli.projectVersion());
        run.put("java_version", System.getProperty("java.version"));
        ArrayNode args = run.putArray("overrides");
        all.forEach(args::add);
        AtomicFiles.writeString(dir.resolve("run.json"), json.writeValueAsString(run) + "\n");

        if (distributed != null) {
            distributed.open(dir);
        }
        SummaryListener summary = new SummaryListener();
        MetricsCsvListener metrics = new MetricsCsvListener(dir.resolve("metrics.csv"));
        TraceWriter trace = new TraceWriter(dir.resolve("trace.bin"), traceHeader(json, s), s.traceEvery());
        Progress progress = new Progress(spec.commandLine().getErr(), s.name(), s.slots(), quiet);
        listeners.add(summary);
        listeners.add(metrics);
        listeners.add(trace);
        listeners.add(r -> progress.advance(1));
        ChannelRecorder recorder = null;
        if (!recordChannels.isEmpty()) {
            int nMax = 1;
            for (var g : s.groups()) {
                nMax = Math.max(nMax, g.antennas());
            }
            recorder = new ChannelRecorder(sim.network(), recordChannels.stream().mapToInt(Integer::intValue)
                    .toArray(), nMax, s.carrierHz());
            listeners.add(recorder);
        }

        AtomicBoolean interrupted = new AtomicBoolean();
        CountDownLatch outputsDone = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            interrupted.set(true);
            try {
                outputsDone.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "netsim-run-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        for (org.netsim.simcore.SlotReport r : firstSlot) {
            for (SlotListener l : listeners) {
                l.onSlot(r);
            }
        }
        long t0 = System.nanoTime();
        long done = firstDone;
        try {
            while (done < s.slots() && !interrupted.get()) {
                if (sim.runSlots(1) == 0) {
                    break;
                }
                done++;
            }
        } finally {
            double wall = (System.nanoTime() - t0) / 1e9;
            sim.finish();
            progress.close();
            metrics.close();
            trace.close();
            summary.write(dir.resolve("summary.json"), s.network().slotDurationS(), wall);
            if (distributed != null) {
                distributed.close();
                distributed.finish(dir, wall, !noCharts, CHART_WIDTH_PX, CHART_HEIGHT_PX);
            }
            if (recorder != null) {
                recorder.write(dir.resolve("channels.npz"));
            }
            if (!noCharts) {
                RunCharts.write(dir, CHART_WIDTH_PX, CHART_HEIGHT_PX);
            }
            outputsDone.countDown();
            if (!interrupted.get()) {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
        }
        var o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "%s: %d slots (%.3f s simulated), mean sum rate %.3f bit/s/Hz over %d UEs%n",
                s.name(), summary.slots(), summary.slots() * s.network().slotDurationS(),
                summary.meanSumRateNat() / Math.log(2), sim.network().numUes());
        o.printf("written: %s%n", dir);
        return interrupted.get() ? 130 : 0;
    }

    /**
     * {@code --gui}: the live display instead of the batch loop; writes nothing (a run to keep is run without
     * {@code --gui} and watched with {@code netsim play}), so the options that name outputs are refused.
     */
    private int showLive(SimulationScenario s) throws InterruptedException {
        if (out != null || !recordChannels.isEmpty()) {
            throw new IllegalArgumentException("gui: writes no files; drop --out and --record-channels (run "
                    + "without --gui, then netsim play RUN_DIR)");
        }
        GuiLauncher.requireDisplay("run --gui");
        NetworkSimulation sim = new NetworkSimulation(s.seed(), s.network(), s.groups(), s.newPrecodingStage(),
                List.of());
        TraceHeader header = TraceHeader.of(s.name(), s.network().largeScale().layout(),
                s.network().slotDurationS());
        GuiLauncher.run(new NetworkWithUI(sim, header, s.slots()), true);
        return 0;
    }

    /** The network description at the head of the trace: layout, sites, cells, slot duration. */
    private static String traceHeader(ObjectMapper json, SimulationScenario s) throws IOException {
        NetworkLayout layout = s.network().largeScale().layout();
        ObjectNode h = json.createObjectNode();
        h.put("scenario", s.name());
        h.put("layout", layout.name());
        h.put("slot_duration_s", s.network().slotDurationS());
        ArrayNode sites = h.putArray("sites_m");
        for (Position p : layout.sites()) {
            ArrayNode xy = sites.addArray();
            xy.add(p.xM());
            xy.add(p.yM());
        }
        if (layout instanceof org.netsim.radio.layout.HexagonalLayout hex) {
            h.put("inter_site_distance_m", hex.interSiteDistanceM());
            h.put("sectors_per_site", hex.sectorsPerSite());
            h.put("wrap_around", hex.wrapsAround());
            if (hex.area() instanceof org.netsim.radio.geometry.HexagonalWrapAround wrap) {
                ArrayNode shifts = h.putArray("wrap_shifts_m");
                for (Position p : wrap.shiftVectors()) {
                    ArrayNode xy = shifts.addArray();
                    xy.add(p.xM());
                    xy.add(p.yM());
                }
            }
        }
        ArrayNode cells = h.putArray("cells");
        for (Cell c : layout.cells()) {
            ObjectNode cn = cells.addObject();
            cn.put("site", c.site());
            if (c.isSectorized()) {
                cn.put("boresight_rad", c.boresightRad());
            }
        }
        return json.writeValueAsString(h);
    }
}
