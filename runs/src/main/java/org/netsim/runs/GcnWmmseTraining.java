package org.netsim.runs;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import org.netsim.precoding.Problem;
import org.netsim.precoding.gcn.GcnWmmseModel;
import org.netsim.precoding.gcn.GcnWmmsePrecoder;
import org.netsim.precoding.gcn.GcnWmmseWeights;
import org.netsim.precoding.learned.DeviceChoice;
import org.netsim.precoding.learned.LearnedEngine;
import org.netsim.precoding.learned.ModelCard;
import org.netsim.precoding.learned.gcn.GcnWmmseCheckpoint;
import org.netsim.precoding.learned.gcn.GcnWmmseTrainer;
import org.netsim.radio.random.RandomStreams;
import org.netsim.scenarios.snapshot.SnapshotCatalog;
import org.netsim.scenarios.snapshot.SnapshotScenario;
import org.netsim.visualization.charts.TrainingCharts;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code netsim train --model gcn-wmmse}: unsupervised training of GCN-WMMSE ({@link GcnWmmseTrainer}, the
 * GCN-WMMSE paper's §III-C and Table I) on a snapshot scenario, with checkpoints and {@code --resume}.
 *
 * <p>Data: training sample s is drawn from the named stream {@code train/sample/<s>} of the root seed (step t uses
 * s = t batch .. (t + 1) batch - 1, fresh realisations every step), validation sample s from
 * {@code validation/sample/<s>}.
 *
 * <p>Output directory: {@code checkpoint.json} (every {@code --checkpoint-every} steps and at the end, replaced
 * atomically), {@code history.csv} (one row per step), {@code validation.csv} and {@code validation_curve.png}
 * (the negative mean WSR, training per validation interval and validation), then the model:
 * {@code parameters.json} first and {@code card.json} last; {@code commands.txt} lists every invocation (the card's
 * command joins them with {@code &&}). {@code --resume} continues from
 * {@code checkpoint.json} in the same directory up to {@code --steps}, giving the same model as an uninterrupted
 * run.
 */
final class GcnWmmseTraining {

    /** The options of {@code train} that only GCN-WMMSE uses (a picocli mixin of {@link TrainCommand}). */
    static final class Options {
        @Option(names = "--steps", description = "gcn-wmmse: training steps T (Table I: 10000). Default: 10000.")
        Integer steps;

        /** Continue from checkpoint.json in --out ({@code --resume}, shared option). */
        boolean resume;

        /** Layers L, null: 7 ({@code --layers}, shared option). */
        Integer layers;

        @Option(names = "--degree", description = "gcn-wmmse: weight-filter degree G. Default: 2.")
        Integer degree;

        @Option(names = "--features", description = "gcn-wmmse: GCN features F. Default: 4. pcgnn: complex node "
                + "features F. Default: 32.")
        Integer features;

        @Option(names = "--decay-steps", description = "gcn-wmmse: learning rate / --decay-factor every this many "
                + "steps. Default: 2500.")
        Integer decaySteps;

        @Option(names = "--decay-factor", description = "gcn-wmmse: learning-rate factor. Default: 0.1.")
        Double decayFactor;

        @Option(names = "--weight-decay", description = "gcn-wmmse: AdamW weight decay. Default: 0.001.")
        Double weightDecay;

        @Option(names = "--clip", description = "gcn-wmmse: gradient-norm clip (0 = none). Default: 1.")
        Double clip;

        /** Steps between validations, null: 100 ({@code --validate-every}, shared option). */
        Integer validateEvery;

        /** Steps between checkpoints, null: 100 ({@code --checkpoint-every}, shared option). */
        Integer checkpointEvery;

        @Option(names = "--precision", description = "gcn-wmmse: float32 or float64 arithmetic. Default: float64.")
        String precision;

        @Option(names = "--device", description = "gcn-wmmse: auto, cpu or gpu. Default: cpu.")
        String device;

        @Option(names = "--power-unit", description = "gcn-wmmse: W or mW, the unit in which the network sees "
                + "powers while it trains (the trained model is for watts either way; the unit changes the "
                + "optimiser's path). Default: mW, as the authors' implementation.")
        String powerUnit;

        @Option(names = "--init-gain", description = "gcn-wmmse: initial complex taps with E|a|^2 = gain / "
                + "(n_in + n_out); 2 is the complex Glorot criterion. Default: 1, as the authors' implementation.")
        Double initGain;
    }

    /** @return the power unit in W named by {@code --power-unit} (W or mW) */
    static double powerUnitW(String name) {
        return switch (name) {
            case "W" -> 1.0;
            case "mW" -> 1e-3;
            default -> throw new IllegalArgumentException("power-unit: expected W or mW, got '" + name + "'");
        };
    }

    /** The file listing the command of every invocation of a run (first line the start, then each resume). */
    static final String COMMANDS_FILE = "commands.txt";
    /** Checkpoint file name. */
    static final String CHECKPOINT_FILE = "checkpoint.json";
    /** Validation samples by default (the paper's validation sets: 1000 realisations). */
    static final int DEFAULT_VALIDATION = 1000;

    private GcnWmmseTraining() {
    }

    /** Runs the command; every check before any file is written. */
    static int run(CommandSpec spec, String scenario, Options o, long seed, int batchOption, boolean batchGiven,
            double learningRateOption, boolean learningRateGiven, int validationOption, boolean validationGiven,
            Path out, boolean quiet, String commandLine) throws IOException {
        SnapshotScenario sc = SnapshotCatalog.get(scenario);
        GcnWmmseTrainer.Config paper = GcnWmmseTrainer.Config.paper();
        int l = o.layers != null ? o.layers : paper.layers();
        int g = o.degree != null ? o.degree : paper.degree();
        int f = o.features != null ? o.features : paper.features();
        String precision = o.precision == null ? "float64" : o.precision;
        paper.withPrecision(precision); // checks the value before anything is written
        double powerUnitW = powerUnitW(o.powerUnit == null ? "mW" : o.powerUnit);
        double initGain = o.initGain != null ? o.initGain : paper.initGain();
        paper.withInitGain(initGain);
        DeviceChoice deviceChoice = DeviceChoice.parse(o.device == null ? "cpu" : o.device, "--device");
        int validation = validationGiven ? validationOption : DEFAULT_VALIDATION;
        if (validation < 1) {
            throw new IllegalArgumentException("validation: must be >= 1, got " + validation);
        }
        Path checkpointFile = out.resolve(CHECKPOINT_FILE);
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IllegalArgumentException("out: " + out + " is a file, not a directory");
        }
        if (o.resume) {
            if (!Files.isRegularFile(checkpointFile)) {
                throw new IllegalArgumentException("resume: " + checkpointFile + " does not exist");
            }
        } else if (Files.exists(out.resolve(GcnWmmseModel.CARD_FILE)) || Files.exists(checkpointFile)) {
            throw new IllegalArgumentException("out: " + out + " already holds a model or a checkpoint; choose "
                    + "another directory or add --resume");
        }
        if (!LearnedEngine.isAvailable()) {
            throw new IllegalStateException("train: no deep-learning engine: "
                    + LearnedEngine.unavailableReason().orElse("unknown reason"));
        }
        GcnWmmseTrainer.Config config = paper.withSizes(l, g, f)
                .withSteps(o.steps != null ? o.steps : paper.steps())
                .withBatchSize(batchGiven ? batchOption : paper.batchSize())
                .withLearningRate(learningRateGiven ? learningRateOption : paper.learningRate(),
                        o.decaySteps != null ? o.decaySteps : paper.decaySteps(),
                        o.decayFactor != null ? o.decayFactor : paper.decayFactor())
                .withOptimizer(paper.beta1(), paper.beta2(),
                        o.weightDecay != null ? o.weightDecay : paper.weightDecay(),
                        o.clip != null ? o.clip : paper.clipNorm())
                .withSchedule(o.validateEvery != null ? o.validateEvery : paper.validationEvery(),
                        o.checkpointEvery != null ? o.checkpointEvery : paper.checkpointEvery())
                .withSeed(seed).withPrecision(precision).withDevice(deviceChoice, "--device")
                .withPowerUnit(powerUnitW).withInitGain(initGain);
        GcnWmmseCheckpoint resume = null;
        if (o.resume) {
            try (InputStream in = Files.newInputStream(checkpointFile)) {
                resume = GcnWmmseCheckpoint.fromJson(in, checkpointFile.toString());
            }
        }

        PrintWriter err = spec.commandLine().getErr();
        RandomStreams streams = new RandomStreams(seed);
        IntFunction<Problem> trainingSample = s -> sc.sample(streams.stream("train/sample/" + s));
        List<Problem> validationSet = new ArrayList<>(validation);
        for (int s = 0; s < validation; s++) {
            validationSet.add(sc.sample(streams.stream("validation/sample/" + s)));
        }
        Files.createDirectories(out);
        // every invocation of the run, so that a resumed model's card names all of them
        Path commandsFile = out.resolve(COMMANDS_FILE);
        String commands = (o.resume && Files.isRegularFile(commandsFile) ? Files.readString(commandsFile) : "")
                + commandLine + "\n";
        AtomicFiles.writeString(commandsFile, commands);
        final int every = config.validationEvery();
        GcnWmmseCheckpoint last = GcnWmmseTrainer.train(config, trainingSample, validationSet, resume,
                new GcnWmmseTrainer.Listener() {
                    @Override
                    public void onValidation(GcnWmmseCheckpoint.ValidationRecord r) {
                        if (!quiet) {
                            err.printf(Locale.ROOT, "step %6d  validation WSR %.4f nat/s/Hz%n", r.step(),
                                    r.validationWsr());
                            err.flush();
                        }
                    }

                    @Override
                    public void onStep(GcnWmmseCheckpoint.StepRecord r) {
                        if (!quiet && (r.step() % every == 0 || r.step() <= 3)) {
                            err.printf(Locale.ROOT, "step %6d  training WSR %.4f  lr %.3g  |grad| %.3g  %.1f s%n",
                                    r.step(), r.trainingWsr(), r.learningRate(), r.gradientNorm(), r.elapsedS());
                            err.flush();
                        }
                    }

                    @Override
                    public void onCheckpoint(GcnWmmseCheckpoint c) {
                        try {
                            writeProgress(out, c);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                });

        GcnWmmseWeights weights = last.weights(l, g, f, config.powerUnitW());
        double finalValidation = last.validations().get(last.validations().size() - 1).validationWsr();
        ModelCard card = card(config, last, sc.name(), String.join(" && ", commands.strip().split("\n")), validation,
                finalValidation,
                o.device == null ? "cpu" : o.device);
        GcnWmmseModel.Encoded enc = GcnWmmseModel.encode(weights, card);
        TrainCommand.writeBytes(out.resolve(GcnWmmseModel.PARAMETERS_FILE), enc.parameters());
        TrainCommand.writeBytes(out.resolve(GcnWmmseModel.CARD_FILE), enc.cardJson());
        var o2 = spec.commandLine().getOut();
        o2.printf(Locale.ROOT, "trained %s on %s: %d steps (%d skipped), %.1f s, %.3f steps/s; validation WSR %.4f"
                + " nat/s/Hz (initial %.4f)%n", GcnWmmsePrecoder.NAME, sc.name(), last.step(), last.skippedSteps(),
                last.elapsedS(), last.step() / Math.max(last.elapsedS(), 1e-9), finalValidation,
                last.validations().get(0).validationWsr());
        o2.printf("written: %s%n", out);
        return 0;
    }

    /** checkpoint.json, history.csv, validation.csv and the validation curve. */
    static void writeProgress(Path out, GcnWmmseCheckpoint c) throws IOException {
        TrainCommand.writeBytes(out.resolve(CHECKPOINT_FILE), c.toJson());
        StringBuilder h = new StringBuilder("step,training_wsr_nat,learning_rate,gradient_norm,applied,elapsed_s\n");
        for (GcnWmmseCheckpoint.StepRecord r : c.steps()) {
            h.append(String.format(Locale.ROOT, "%d,%.10g,%.6g,%.6g,%d,%.3f%n", r.step(), r.trainingWsr(),
                    r.learningRate(), r.gradientNorm(), r.applied() ? 1 : 0, r.elapsedS()));
        }
        AtomicFiles.writeString(out.resolve("history.csv"), h.toString());
        StringBuilder v = new StringBuilder("step,validation_wsr_nat\n");
        for (GcnWmmseCheckpoint.ValidationRecord r : c.validations()) {
            v.append(String.format(Locale.ROOT, "%d,%.10g%n", r.step(), r.validationWsr()));
        }
        AtomicFiles.writeString(out.resolve("validation.csv"), v.toString());
        // the curve: negative mean WSR (the loss up to normalisation), training averaged between validations
        List<GcnWmmseCheckpoint.ValidationRecord> vs = c.validations();
        if (vs.size() >= 2) {
            double[] val = new double[vs.size()];
            double[] tr = new double[vs.size() - 1];
            int from = 0;
            for (int e = 0; e < vs.size(); e++) {
                val[e] = vs.get(e).validationWsr();
                if (e > 0) {
                    double s = 0;
                    int n = 0;
                    for (GcnWmmseCheckpoint.StepRecord r : c.steps()) {
                        if (r.step() > vs.get(e - 1).step() && r.step() <= vs.get(e).step()) {
                            s += r.trainingWsr();
                            n++;
                        }
                    }
                    tr[e - 1] = n == 0 ? Double.NaN : s / n;
                }
            }
            from = 0;
            TrainingCharts.validationCurve(out, negate(tr), negate(val),
                    "negative mean WSR (nat/s/Hz), validation every " + (vs.size() > 1 ? vs.get(1).step() : from)
                            + " steps", RunCommand.CHART_WIDTH_PX, RunCommand.CHART_HEIGHT_PX);
        }
    }

    private static double[] negate(double[] a) {
        double[] b = new double[a.length];
        for (int j = 0; j < a.length; j++) {
            b[j] = -a[j];
        }
        return b;
    }

    private static ModelCard card(GcnWmmseTrainer.Config c, GcnWmmseCheckpoint last, String scenario,
            String command, int validation, double finalValidation, String device) {
        Map<String, Object> hyper = new LinkedHashMap<>();
        hyper.put("layers", c.layers());
        hyper.put("degree", c.degree());
        hyper.put("features", c.features());
        hyper.put("steps", last.step());
        hyper.put("batchSize", c.batchSize());
        hyper.put("learningRate", c.learningRate());
        hyper.put("learningRateDecaySteps", c.decaySteps());
        hyper.put("learningRateDecayFactor", c.decayFactor());
        hyper.put("adamwBeta1", c.beta1());
        hyper.put("adamwBeta2", c.beta2());
        hyper.put("adamwWeightDecay", c.weightDecay());
        hyper.put("gradientClipNorm", c.clipNorm());
        hyper.put("loss", "eq. (16), layer set {L}, per-sample normalisation by |WSR| (no gradient)");
        hyper.put("initialization", "paper (complex taps E|a|^2 = initGain / (n_in + n_out), zero biases, w taps "
                + "1/(G+1)), MRC start");
        hyper.put("initGain", c.initGain());
        hyper.put("trainingPowerUnitW", c.powerUnitW());
        hyper.put("nonNegativeTaps", "a_W = |theta|");
        hyper.put("biasScale", last.biasScale());
        hyper.put("precision", c.precision());
        hyper.put("skippedSteps", last.skippedSteps());
        Map<String, String> units = new LinkedHashMap<>();
        units.put("channels", "H_ik, sqrt(W) gain per antenna pair (complex)");
        units.put("noise", "sigma_i^2 in W");
        units.put("power", "P_k in W");
        units.put("precoders", "V_i, sqrt(W)");
        units.put("validationWsr", "nat/s/Hz");
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put("initialValidationWsrNat", last.validations().get(0).validationWsr());
        scores.put("validationWsrNat", finalValidation);
        String arch = "GCN-WMMSE L=" + c.layers() + " G=" + c.degree() + " F=" + c.features() + " ("
                + GcnWmmseWeights.paperInitial(c.layers(), c.degree(), c.features(), new java.util.SplittableRandom(0))
                        .parameterCount() + " parameters, complex counted once)";
        return new ModelCard(ModelCard.FORMAT_VERSION, GcnWmmsePrecoder.NAME, arch, hyper, Map.of(),
                new ModelCard.Training(scenario, command, c.seed(), last.step() * c.batchSize(), validation,
                        "none (unsupervised, loss (16))", Math.rint(last.elapsedS() * 10) / 10, device),
                units, ModelCard.projectVersionOfThisBuild(), scores, null);
    }
}
