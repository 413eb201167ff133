package org.netsim.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import org.netsim.precoding.Problem;
import org.netsim.precoding.gcn.GcnWmmsePrecoder;
import org.netsim.precoding.learned.LearnedEngine;
import org.netsim.precoding.learned.ModelCard;
import org.netsim.precoding.learned.ModelFiles;
import org.netsim.precoding.learned.deepfp.DeepFpPrecoder;
import org.netsim.precoding.learned.mpnn.StructuralMpnnPrecoder;
import org.netsim.precoding.learned.pcgnn.PcgnnPrecoder;
import org.netsim.precoding.learned.pgd.UnfoldedPgdPrecoder;
import org.netsim.precoding.learned.sun.SunDnnArchitecture;
import org.netsim.precoding.learned.sun.SunDnnCards;
import org.netsim.precoding.learned.sun.SunDnnArchitecture.InputTransform;
import org.netsim.precoding.learned.sun.SunDnnDataset;
import org.netsim.precoding.learned.sun.SunDnnPrecoder;
import org.netsim.precoding.learned.sun.SunDnnScore;
import org.netsim.precoding.learned.sun.SunDnnTrainer;
import org.netsim.radio.random.RandomStreams;
import org.netsim.scenarios.snapshot.SnapshotCatalog;
import org.netsim.scenarios.snapshot.SnapshotScenario;
import org.netsim.scenarios.snapshot.SunGaussianIcScenario;
import org.netsim.scenarios.snapshot.SunImacScenario;
import org.netsim.visualization.charts.TrainingCharts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code netsim train --model sun-dnn}: supervised training of the DNN of Sun et al. ("Learning to Optimize",
 * Section IV-C) on WMMSE labels of a {@code sun-ic-K} or {@code sun-imac-N-K} scenario, as the shipped models were
 * trained (the paper's 200-200-200 network; log-magnitude inputs on the IMAC, magnitudes on the IC).
 *
 * <p>Data: training sample s is drawn from the named stream {@code train/sample/<s>} of the root seed, validation
 * sample s from {@code validation/sample/<s>}, so the two sets never share a draw (and neither shares one with
 * {@code netsim compare --scenario}, whose streams are {@code snapshot/<scenario>/sample/<s>}).
 *
 * <p>Output directory: {@code history.csv} (one row per epoch, row 0 the initial network),
 * {@code validation_curve.png}/{@code .csv}, then the model: {@code parameters.djl} first and {@code card.json}
 * last, each to a temporary name renamed into place, so a directory with a card always holds a complete model. The
 * card records the exact command line. All options are checked before anything is written.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a learned precoder on a scenario and save it (parameters.djl, card.json) with its "
                + "history.csv and validation curve. Models: sun-dnn (on sun-ic-K or sun-imac-N-K), deepfp (on "
                + "deepfp-7cell or deepfp-1cell; --supervised-steps, --wsr-steps, ...), gcn-wmmse (on a snapshot "
                + "scenario such as gcnwmmse-base; --steps, --decay-steps, ...), structural-mpnn (on song-*; "
                + "--variant), pcgnn (on song-*; --features, --layers), iaidnn (on iaidnn-MxI; --shared, --use-y, "
                + "--steps, --decay-start, --decay-steps); --resume continues a run of deepfp or gcn-wmmse.")
final class TrainCommand implements Callable<Integer> {

    /** Model kinds this command trains. */
    static final List<String> MODELS = List.of(SunDnnPrecoder.NAME, DeepFpPrecoder.NAME, GcnWmmsePrecoder.NAME,
            StructuralMpnnPrecoder.NAME, PcgnnPrecoder.NAME, org.netsim.precoding.learned.iaidnn.IaidnnPrecoder.NAME,
            org.netsim.precoding.learned.uwmmse.UwmmsePrecoder.NAME, UnfoldedPgdPrecoder.NAME);

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, description = "Model kind: sun-dnn, deepfp, gcn-wmmse, structural-mpnn, pcgnn, iaidnn, uwmmse or unfolded-pgd.")
    String model;

    @Option(names = "--scenario", required = true, description = "Training scenario, e.g. sun-imac-3-12 or sun-ic-10.")
    String scenario;

    @Option(names = "--samples", defaultValue = "20000", description = "Training samples. Default: ${DEFAULT-VALUE}.")
    int samples;

    @Option(names = "--validation", defaultValue = "2000",
            description = "Validation samples (model selection, learning-rate decay). Default: ${DEFAULT-VALUE}.")
    int validation;

    @Option(names = "--epochs", defaultValue = "" + SunDnnTrainer.Config.DEFAULT_EPOCHS,
            description = "Maximum epochs. Default: ${DEFAULT-VALUE}.")
    int epochs;

    @Option(names = "--batch", defaultValue = "" + SunDnnTrainer.Config.DEFAULT_BATCH_SIZE,
            description = "Mini-batch size. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--learning-rate", defaultValue = "" + SunDnnTrainer.Config.DEFAULT_LEARNING_RATE,
            description = "Initial RMSprop learning rate, halved after an epoch without validation improvement. "
                    + "Default: ${DEFAULT-VALUE}.")
    double learningRate;

    @Option(names = "--seed", defaultValue = "1", description = "Root seed of samples, weights and shuffling. "
            + "Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--variant", description = "structural-mpnn only: structural (default), black-box or "
            + "no-expansion (the paper's ablations StructuralMPNN-B and -O).")
    String variant;

    @Option(names = "--substeps", description = "unfolded-pgd only: PGD sub-steps Q per layer. Default: 16.")
    Integer substeps;

    @Option(names = "--initial-step", description = "unfolded-pgd only: initial step size gamma in the training "
            + "power unit (default: 2 with linear steps, as the authors' implementation; 1 / mean lambda_max(R_k) "
            + "of the first layer on the first minibatch with log steps).")
    Double initialStep;

    @Option(names = "--step-parametrisation", description = "unfolded-pgd only: log (gamma = exp(theta)) or linear "
            + "(gamma = 2 theta, as the authors' implementation). Default: linear.")
    String stepParametrisation;

    @Option(names = "--quiet", description = "No progress on stderr.")
    boolean quiet;

    @Option(names = "--out", required = true, description = "Model directory to create.")
    Path out;

    /** Options only deepfp reads (--supervised-steps, ...), in {@link DeepFpTrainRun}. */
    @Mixin
    DeepFpTrainRun.Options deepfp = new DeepFpTrainRun.Options();

    /** Options only gcn-wmmse reads (--steps, --decay-steps, ...), in {@link GcnWmmseTraining}. */
    @Mixin
    GcnWmmseTraining.Options gcnWmmse = new GcnWmmseTraining.Options();

    /** Options only iaidnn reads (--shared, --use-y, --decay-start), in {@link IaidnnTraining}. */
    @Mixin
    IaidnnTraining.Options iaidnn = new IaidnnTraining.Options();

    /** Options of the step-based trainers (deepfp and gcn-wmmse): --resume, --layers, periods. */
    @Mixin
    TrainLoopOptions loop = new TrainLoopOptions();

    /** Learning-rate factor after an epoch without validation improvement (the shipped models' value). */
    static final double DECAY_FACTOR = 0.5;
    static final String LOSS_LABEL = "MSE of p_k / P_k (dimensionless)";

    @Override
    public Integer call() throws Exception {
        // every check before any file is written
        if (!MODELS.contains(model)) {
            throw new IllegalArgumentException("model: unknown model kind '" + model + "'; train supports "
                    + String.join(", ", MODELS));
        }
        if (model.equals(org.netsim.precoding.learned.iaidnn.IaidnnPrecoder.NAME)) {
            return IaidnnTraining.run(this, iaidnn); // checks its own options
        }
        for (String opt : List.of("--shared", "--use-y", "--decay-start")) {
            if (spec.commandLine().getParseResult().hasMatchedOption(opt)) {
                throw new IllegalArgumentException(opt.substring(2) + ": not an option of --model " + model);
            }
        }
        TrainLoopOptions.rejectForeignOptions(spec.commandLine().getParseResult(), model);
        if (model.equals(org.netsim.precoding.learned.uwmmse.UwmmsePrecoder.NAME)) {
            var parsed = spec.commandLine().getParseResult();
            return UwmmseTraining.run(spec.commandLine().getOut(), spec.commandLine().getErr(), scenario,
                    gcnWmmse.steps, loop.layers, loop.validateEvery, batch, parsed.hasMatchedOption("--batch"),
                    learningRate, parsed.hasMatchedOption("--learning-rate"), validation,
                    parsed.hasMatchedOption("--validation"), seed, out, quiet, commandLine());
        }
        loop.copyInto(deepfp, gcnWmmse);
        if (DeepFpPrecoder.NAME.equals(model)) {
            return DeepFpTrainRun.run(this);
        }
        if (!model.equals(UnfoldedPgdPrecoder.NAME)
                && (substeps != null || initialStep != null || stepParametrisation != null)) {
            throw new IllegalArgumentException((substeps != null ? "substeps" : initialStep != null ? "initial-step"
                    : "step-parametrisation") + ": not an option of --model " + model);
        }
        if (model.equals(UnfoldedPgdPrecoder.NAME)) {
            var parsed = spec.commandLine().getParseResult();
            return UnfoldedPgdTraining.run(spec, scenario, gcnWmmse, substeps, initialStep,
                    stepParametrisation, seed, batch,
                    parsed.hasMatchedOption("--batch"), learningRate, parsed.hasMatchedOption("--learning-rate"),
                    validation, parsed.hasMatchedOption("--validation"), out, quiet, commandLine());
        }
        if (model.equals(GcnWmmsePrecoder.NAME)) {
            var parsed = spec.commandLine().getParseResult();
            return GcnWmmseTraining.run(spec, scenario, gcnWmmse, seed, batch, parsed.hasMatchedOption("--batch"),
                    learningRate, parsed.hasMatchedOption("--learning-rate"), validation,
                    parsed.hasMatchedOption("--validation"), out, quiet, commandLine());
        }
        SnapshotScenario sc = SnapshotCatalog.get(scenario);
        if (samples < 1) {
            throw new IllegalArgumentException("samples: must be >= 1, got " + samples);
        }
        if (validation < 1) {
            throw new IllegalArgumentException("validation: must be >= 1, got " + validation);
        }
        if (Files.exists(out.resolve(ModelFiles.CARD_FILE)) || Files.exists(out.resolve(ModelFiles.PARAMETERS_FILE))) {
            throw new IllegalArgumentException("out: " + out + " already holds a model; choose another directory");
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IllegalArgumentException("out: " + out + " is a file, not a directory");
        }
        if (model.equals(StructuralMpnnPrecoder.NAME)) {
            return StructuralMpnnTraining.run(this, sc);
        }
        if (model.equals(PcgnnPrecoder.NAME)) {
            return PcgnnTraining.run(this, sc, gcnWmmse.features, loop.layers);
        }
        SunDnnArchitecture arch = architectureFor(sc);
        SunDnnTrainer.Config config = SunDnnTrainer.Config.defaults(arch).withEpochs(epochs).withBatchSize(batch)
                .withLearningRate(learningRate).withDecayFactor(DECAY_FACTOR).withSeed(seed);
        if (!LearnedEngine.isAvailable()) {
            throw new IllegalStateException("train: no deep-learning engine: "
                    + LearnedEngine.unavailableReason().orElse("unknown reason"));
        }

        var err = spec.commandLine().getErr();
        RandomStreams streams = new RandomStreams(seed);
        IntFunction<Problem> trainingSample = s -> sc.sample(streams.stream("train/sample/" + s));
        IntFunction<Problem> validationSample = s -> sc.sample(streams.stream("validation/sample/" + s));
        long start = System.nanoTime();
        if (!quiet) {
            err.printf(Locale.ROOT, "labelling %d + %d samples of %s with %s%n", samples, validation, sc.name(),
                    SunDnnDataset.describeLabels());
            err.flush();
        }
        SunDnnDataset tr = SunDnnDataset.of(trainingSample, samples, arch);
        SunDnnDataset va = SunDnnDataset.of(validationSample, validation, arch);
        try (SunDnnTrainer.Result r = SunDnnTrainer.train(tr, va, config, e -> {
            if (!quiet) {
                err.printf(Locale.ROOT, "epoch %3d/%d  training MSE %.6f  validation MSE %.6f  lr %.3g  %7.1f s%n",
                        e.epoch(), epochs, e.trainingMse(), e.validationMse(), e.learningRate(),
                        e.elapsedMillis() / 1e3);
                err.flush();
            }
        })) {
            double wallS = (System.nanoTime() - start) / 1e9;
            SunDnnScore v = SunDnnScore.of(r.network(), validationSample, va);
            boolean binarize = v.binarizeIsBetter();

            List<SunDnnTrainer.EpochRecord> h = r.history();
            StringBuilder csv = new StringBuilder("epoch,training_mse,validation_mse,learning_rate,elapsed_s,kept\n");
            csv.append(String.format(Locale.ROOT, "0,,%.10g,,0,%d%n", r.initialValidationMse(),
                    r.bestEpoch() == 0 ? 1 : 0));
            double[] trainingMse = new double[h.size()];
            double[] validationMse = new double[h.size() + 1];
            validationMse[0] = r.initialValidationMse();
            for (int e = 0; e < h.size(); e++) {
                SunDnnTrainer.EpochRecord rec = h.get(e);
                trainingMse[e] = rec.trainingMse();
                validationMse[e + 1] = rec.validationMse();
                csv.append(String.format(Locale.ROOT, "%d,%.10g,%.10g,%.6g,%.3f,%d%n", rec.epoch(), rec.trainingMse(),
                        rec.validationMse(), rec.learningRate(), rec.elapsedMillis() / 1e3,
                        rec.epoch() == r.bestEpoch() ? 1 : 0));
            }
            Files.createDirectories(out);
            AtomicFiles.writeString(out.resolve("history.csv"), csv.toString());
            TrainingCharts.validationCurve(out, trainingMse, validationMse, LOSS_LABEL, RunCommand.CHART_WIDTH_PX,
                    RunCommand.CHART_HEIGHT_PX);

            ModelCard card = card(arch, config, r, v, binarize, sc.name(), wallS);
            ModelFiles.Encoded enc = r.network().encode(card);
            writeBytes(out.resolve(ModelFiles.PARAMETERS_FILE), enc.parameters());
            writeBytes(out.resolve(ModelFiles.CARD_FILE), enc.cardJson());

            var o = spec.commandLine().getOut();
            o.printf(Locale.ROOT, "trained %s on %s: %d epochs, best epoch %d, %.1f s (labels included)%n", model,
                    sc.name(), h.size(), r.bestEpoch(), wallS);
            o.printf(Locale.ROOT, "validation MSE %.6f (initial %.6f); DNN/WMMSE sum rate %.2f%%, binarised %.2f%%"
                    + " (WMMSE %.4f bit/s/Hz, %d samples)%n", r.bestValidationMse(), r.initialValidationMse(),
                    100 * v.ratio(), 100 * v.binarizedRatio(), v.wmmseSumRateNat() / Math.log(2), validation);
            o.printf("written: %s%n", out);
            return 0;
        }
    }

    /** The paper's network for the scenario: log-magnitude inputs on the IMAC, magnitudes on the Gaussian IC. */
    static SunDnnArchitecture architectureFor(SnapshotScenario sc) {
        if (sc instanceof SunImacScenario imac) {
            int links = imac.sample(new RandomStreams(0).stream("shape")).numUe();
            return SunDnnArchitecture.paper(imac.sites().size(), links).withTransform(InputTransform.LOG_MAGNITUDE);
        }
        if (sc instanceof SunGaussianIcScenario ic) {
            int links = ic.sample(new RandomStreams(0).stream("shape")).numUe();
            return SunDnnArchitecture.paperInterferenceChannel(links);
        }
        throw new IllegalArgumentException("scenario: " + sc.name() + " is not a scenario sun-dnn trains on "
                + "(sun-ic-K or sun-imac-N-K)");
    }

    private ModelCard card(SunDnnArchitecture a, SunDnnTrainer.Config c, SunDnnTrainer.Result r, SunDnnScore v,
            boolean binarize, String scenarioName, double wallS) {
        Map<String, Object> hyper = SunDnnCards.hyperparameters(a, c, r, binarize);
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put("initialValidationMse", r.initialValidationMse());
        scores.put("validationMse", v.mse());
        scores.put("validationSumRateRatio", v.ratio());
        scores.put("validationBinarizedSumRateRatio", v.binarizedRatio());
        scores.put("validationWmmseSumRateBit", v.wmmseSumRateNat() / Math.log(2));
        return new ModelCard(ModelCard.FORMAT_VERSION, SunDnnPrecoder.NAME, a.describe(), hyper, a.dimensions(),
                new ModelCard.Training(scenarioName, commandLine(), c.seed(), samples, validation,
                        SunDnnDataset.describeLabels(), Math.rint(wallS * 10) / 10, "cpu"),
                SunDnnCards.units(a),
                ModelCard.projectVersionOfThisBuild(), scores, null);
    }

    /** @return the command as typed, arguments with spaces or quotes single-quoted */
    String commandLine() {
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        // picocli hands sub-commands the whole command line, from the sub-command's name on
        boolean fromName = !args.isEmpty() && args.get(0).equals("train");
        StringBuilder sb = new StringBuilder(fromName ? "netsim" : "netsim train");
        for (String arg : args) {
            sb.append(' ').append(arg.matches("[A-Za-z0-9_./:=,+@%-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'");
        }
        return sb.toString();
    }

    /** Writes {@code bytes} to a temporary name next to {@code file}, then renames it into place. */
    static void writeBytes(Path file, byte[] bytes) throws IOException {
        Path target = file.toAbsolutePath();
        Path tmp = target.getParent().resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.write(tmp, bytes, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW);
            AtomicFiles.move(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
