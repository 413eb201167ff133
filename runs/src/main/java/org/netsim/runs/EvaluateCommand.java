package org.netsim.runs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.netsim.precoding.learned.ModelFiles;
import org.netsim.precoding.learned.ModelCard;
import org.netsim.precoding.learned.mpnn.MpnnScore;
import org.netsim.precoding.learned.mpnn.StructuralMpnnPrecoder;
import org.netsim.precoding.learned.pcgnn.PcgnnPrecoder;
import org.netsim.precoding.learned.sun.SunDnnDataset;
import org.netsim.precoding.learned.sun.SunDnnPrecoder;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code netsim evaluate}: a trained (or shipped) learned model against its classic baseline on the same channels,
 * as in the papers' tables. For a {@code sun-dnn} model the baseline is {@code wmmse-scalar} with the labelling
 * settings (at most {@value SunDnnDataset#MAX_ITERATIONS} iterations, relative tolerance
 * {@value SunDnnDataset#RELATIVE_TOLERANCE}, full-power start), the reference of the percentages. For a
 * {@code structural-mpnn} model it is {@code wmmse} as in Song et al. (Section VI-B: zero-forcing start, tolerance
 * 0.01, at most 50 iterations), both precoders started from zero forcing; a {@code pcgnn} model (Song et al.'s PCGNN
 * baseline) has the same baseline (the learning-only network ignores the start).
 *
 * <p>The table is {@code netsim compare}'s: this command resolves and checks the model, then runs
 * {@link CompareCommand} with the precoders {@code sun-dnn:model=DIR|NAME} and the baseline, so both commands
 * give identical numbers for the same channels and seed.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Evaluate a learned model (a model directory or a shipped model's name) against its classic "
                + "baseline on the same channels: compare's table and files, the baseline as reference.")
final class EvaluateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true,
            description = "Model directory (with card.json) or shipped model: sun-imac-3-12, sun-ic-10, deepfp-7cell, "
                    + "gcn-wmmse-base, pcgnn-song-small-near, song-small-near (structural-mpnn); unfolded-pgd: a "
                    + "comma-separated list of model directories, one per Q, gives one Table XII row each.")
    String model;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    CompareCommand.Source source;

    @Mixin
    Options deepfp = new Options();

    /** Options of a deepfp model's evaluation ({@link DeepFpEvaluation}). */
    static final class Options {
        @Option(names = "--bs-antennas", description = "deepfp: use the first N' <= N_t antennas of every BS "
                + "(zero-padding transfer, DeepFP paper Sec. IV-E).")
        Integer bsAntennas;

        @Option(names = "--streams", description = "deepfp: at most d' <= d streams per UE (zero-padding transfer).")
        Integer streams;
    }

    @Option(names = "--samples", description = "Samples to draw (--scenario, default 100) or to use from the "
            + "dataset (--channels, default all).")
    Integer samples;

    @Option(names = "--seed", defaultValue = "1", description = "Root seed of the samples. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--threads", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--out", description = "Output directory (default results/evaluate-<model>-<timestamp>).")
    Path out;

    @Option(names = "--quiet", description = "No progress bars.")
    boolean quiet;

    @Option(names = "--no-charts", description = "Skip the charts.")
    boolean noCharts;

    @Option(names = "--inits", defaultValue = "50", description = "gcn-wmmse, iaidnn, unfolded-pgd: random WMMSE starts per "
            + "sample for "
            + "WMMSE RI, RI TR and the best-of reference (the paper's WMMSE50). Default: ${DEFAULT-VALUE}.")
    int inits;

    /** @return the baseline spec of a {@code sun-dnn} model: scalar WMMSE with the labelling settings */
    static String sunDnnBaseline() {
        return "wmmse-scalar:iterations=" + SunDnnDataset.MAX_ITERATIONS + ":tolerance="
                + SunDnnDataset.RELATIVE_TOLERANCE;
    }

    /**
     * @return the baseline spec of a {@code structural-mpnn} model: WMMSE as in Song et al., Section VI-B (stopping
     *     threshold 0.01, at most 50 iterations; the zero-forcing start is the command's {@code --init zf})
     */
    static String structuralMpnnBaseline() {
        return "wmmse:iterations=" + MpnnScore.WMMSE_MAX_ITERATIONS + ":tolerance=" + MpnnScore.WMMSE_TOLERANCE;
    }

    /** @return the model kind named by the card in {@code dir} (sun-dnn if unreadable: readCard then names the error) */
    static String kindOf(Path dir) {
        try (var in = Files.newInputStream(dir.resolve(ModelFiles.CARD_FILE))) {
            String kind = ModelCard.fromJson(in, dir + "/" + ModelFiles.CARD_FILE).modelKind();
            return kind.equals(StructuralMpnnPrecoder.NAME) || kind.equals(PcgnnPrecoder.NAME) ? kind
                    : SunDnnPrecoder.NAME;
        } catch (java.io.IOException | RuntimeException e) {
            return SunDnnPrecoder.NAME;
        }
    }

    @Override
    public Integer call() throws Exception {
        if (DeepFpEvaluation.isDeepFp(model)) {
            return DeepFpEvaluation.run(this);
        }
        if (deepfp.bsAntennas != null || deepfp.streams != null) {
            throw new IllegalArgumentException("bs-antennas, streams: only for a deepfp model");
        }
        if (IaidnnEvaluation.accepts(model)) {
            if (source == null || source.scenario == null) {
                throw new IllegalArgumentException("scenario: --scenario is required for an iaidnn model");
            }
            Path dir = out != null ? out : Path.of("results", "evaluate-" + Path.of(model).getFileName() + "-"
                    + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
            return IaidnnEvaluation.run(spec.commandLine().getOut(), spec.commandLine().getErr(), model,
                    source.scenario, samples != null ? samples : 100, inits, seed, Threads.resolve(threads), dir,
                    quiet);
        }
        if (UwmmseEvaluation.accepts(model)) {
            Path dir = out != null ? out : Path.of("results", "evaluate-" + Path.of(model).getFileName() + "-"
                    + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
            return UwmmseEvaluation.run(spec.commandLine().getOut(), model,
                    source == null ? null : source.scenario, samples != null ? samples : 100, seed, dir);
        }
        if (UnfoldedPgdEvaluation.accepts(model)) {
            if (source == null || source.scenario == null) {
                throw new IllegalArgumentException("scenario: --scenario is required for an unfolded-pgd model");
            }
            Path dir = out != null ? out : Path.of("results", "evaluate-unfolded-pgd-"
                    + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
            return UnfoldedPgdEvaluation.run(spec.commandLine().getOut(), spec.commandLine().getErr(), model,
                    source.scenario, samples != null ? samples : 100, inits, seed, Threads.resolve(threads), dir,
                    quiet);
        }
        if (GcnWmmseEvaluation.accepts(model)) {
            if (source == null) {
                throw new IllegalArgumentException("scenario, channels: --scenario or --channels is required for a "
                        + "gcn-wmmse model");
            }
            Path dir = out != null ? out : Path.of("results", "evaluate-" + Path.of(model).getFileName() + "-"
                    + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
            return GcnWmmseEvaluation.run(spec.commandLine().getOut(), spec.commandLine().getErr(), model,
                    ScenarioSamples.of(source.scenario, source.channels, samples, 100, seed), inits, seed,
                    Threads.resolve(threads), dir, quiet);
        }
        if (source == null) {
            throw new IllegalArgumentException("scenario, channels: one of --scenario or --channels is required for "
                    + "a sun-dnn model");
        }
        String modelName;
        boolean shippedPcgnn = PcgnnPrecoder.SHIPPED_MODELS.contains(model);
        boolean shippedMpnn = StructuralMpnnPrecoder.SHIPPED_MODELS.contains(model)
                && !Files.isDirectory(Path.of(model));
        if (SunDnnPrecoder.SHIPPED_MODELS.contains(model) || shippedPcgnn || shippedMpnn) {
            modelName = model;
        } else {
            Path dir = Path.of(model);
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException("model: " + model + ": no such model directory (shipped models: "
                        + String.join(", ", SunDnnPrecoder.SHIPPED_MODELS) + ")");
            }
            if (model.contains(",") || model.contains(":")) {
                throw new IllegalArgumentException("model: " + model + ": a directory with ',' or ':' in its path "
                        + "cannot be named in a precoder spec; rename or link it");
            }
            modelName = model;
        }
        // the kind decides the baseline; readCard fails in one line for a missing card or another kind
        String kind = shippedPcgnn ? PcgnnPrecoder.NAME : shippedMpnn ? StructuralMpnnPrecoder.NAME
                : SunDnnPrecoder.SHIPPED_MODELS.contains(model) ? SunDnnPrecoder.NAME : kindOf(Path.of(model));
        if (!SunDnnPrecoder.SHIPPED_MODELS.contains(model) && !shippedPcgnn && !shippedMpnn) {
            ModelFiles.readCard(ModelFiles.Location.directory(Path.of(model)), kind);
        }
        String learned = kind + ":model=" + modelName;
        boolean song = kind.equals(StructuralMpnnPrecoder.NAME) || kind.equals(PcgnnPrecoder.NAME);
        String baseline = song ? structuralMpnnBaseline() : sunDnnBaseline();
        String init = song ? "zf" : "mrc";

        List<String> args = new ArrayList<>();
        if (source.scenario != null) {
            args.addAll(List.of("--scenario", source.scenario));
        } else {
            args.addAll(List.of("--channels", source.channels.toString()));
        }
        args.addAll(List.of("--precoders", learned + "," + baseline, "--reference", baseline, "--init", init,
                "--seed", Long.toString(seed)));
        if (samples != null) {
            args.addAll(List.of("--samples", samples.toString()));
        }
        if (threads != null) {
            args.addAll(List.of("--threads", threads.toString()));
        }
        if (quiet) {
            args.add("--quiet");
        }
        if (noCharts) {
            args.add("--no-charts");
        }
        Path dir = out != null ? out : Path.of("results", "evaluate-" + Path.of(model).getFileName() + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        args.addAll(List.of("--out", dir.toString()));

        CommandLine compare = new CommandLine(new CompareCommand());
        compare.setOut(spec.commandLine().getOut());
        compare.setErr(spec.commandLine().getErr());
        compare.parseArgs(args.toArray(new String[0]));
        return ((CompareCommand) compare.getCommand()).call();
    }
}
