package org.netsim.runs;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import org.netsim.precoding.Problem;
import org.netsim.precoding.learned.LearnedEngine;
import org.netsim.precoding.learned.ModelCard;
import org.netsim.precoding.learned.ModelFiles;
import org.netsim.precoding.learned.deepfp.DeepFpArchitecture;
import org.netsim.precoding.learned.deepfp.DeepFpPrecoder;
import org.netsim.precoding.learned.deepfp.DeepFpTrainer;
import org.netsim.radio.random.RandomStreams;
import org.netsim.scenarios.snapshot.DeepFpHexScenario;
import org.netsim.scenarios.snapshot.SnapshotCatalog;
import org.netsim.scenarios.snapshot.SnapshotScenario;
import org.netsim.visualization.charts.TrainingCharts;
import picocli.CommandLine.Option;

/**
 * {@code netsim train --model deepfp}: the hybrid training of DeepFP ({@link DeepFpTrainer}; "DeepFP: Deep-Unfolded
 * Fractional Programming for Massive MIMO Beamforming", Section IV-D) on a snapshot scenario such as
 * {@code deepfp-7cell}. The picocli options below are mixed into {@link TrainCommand}, which dispatches here;
 * {@code --batch}, {@code --learning-rate} (the supervised stage's, default the paper's 0.005),
 * {@code --validation} (default {@value #DEFAULT_VALIDATION} here), {@code --seed}, {@code --quiet} and
 * {@code --out} are TrainCommand's.
 *
 * <p>Data: training sample s from the named stream {@code train/sample/<s>} of the root seed, validation sample s
 * from {@code validation/sample/<s>} (as for sun-dnn). Output directory: {@value #CHECKPOINT_FILE} every
 * {@code --checkpoint-every} steps and {@value #CONFIG_FILE} (the run's settings, checked by {@code --resume}),
 * {@code steps.csv} (one row per step), {@code validation.csv} (one row per validation) and
 * {@code validation_curve.png}/{@code .csv} (one point per validation: the mean training loss since the previous
 * one and 1 - WSR_DeepFP / WSR_FastFP on the validation set), then {@code parameters.djl} and {@code card.json}
 * last, each written to a temporary name and renamed. {@code --resume} continues the run of {@code --out} from
 * its checkpoint exactly as the uninterrupted run would have.
 */
final class DeepFpTrainRun {

    /** Checkpoint file in the output directory. */
    static final String CHECKPOINT_FILE = "checkpoint.bin";
    /** The run's settings, compared on resume. */
    static final String CONFIG_FILE = "train-config.txt";
    /** Default validation samples of deepfp. */
    static final int DEFAULT_VALIDATION = 200;

    /** The deepfp options of {@code netsim train}. */
    static final class Options {
        @Option(names = "--supervised-steps", defaultValue = "300",
                description = "deepfp: steps on the supervised loss (53) against FastFP. Default: ${DEFAULT-VALUE}.")
        int supervisedSteps;

        @Option(names = "--wsr-steps", defaultValue = "1000",
                description = "deepfp: steps on the unsupervised loss (54), -WSR. Default: ${DEFAULT-VALUE}.")
        int wsrSteps;

        @Option(names = "--label-samples", defaultValue = "1000",
                description = "deepfp: training samples labelled by FastFP for the supervised stage. "
                        + "Default: ${DEFAULT-VALUE}.")
        int labelSamples;

        @Option(names = "--label-iterations", defaultValue = "100",
                description = "deepfp: FastFP iterations of the labels and of the validation reference. "
                        + "Default: ${DEFAULT-VALUE}.")
        int labelIterations;

        /** Unfolded layers T ({@code --layers}, shared option). */
        int layers = 8;

        @Option(names = "--hidden", split = ",", defaultValue = "64,64",
                description = "deepfp: hidden widths of each layer's DNN. Default: ${DEFAULT-VALUE}.")
        int[] hidden;

        @Option(names = "--wsr-learning-rate", defaultValue = "0.001",
                description = "deepfp: initial Adam learning rate of the unsupervised stage. Default: ${DEFAULT-VALUE}.")
        double wsrLearningRate;

        @Option(names = "--half-life", defaultValue = "400",
                description = "deepfp: steps after which a stage's learning rate halves. Default: ${DEFAULT-VALUE}.")
        int halfLife;

        /** Validation period in steps ({@code --validate-every}, shared option). */
        int validateEvery = 50;

        /** Checkpoint period in steps, 0: only at the end ({@code --checkpoint-every}, shared option). */
        int checkpointEvery = 50;

        /** Continue the run in --out from its checkpoint ({@code --resume}, shared option). */
        boolean resume;
    }

    private DeepFpTrainRun() {
    }

    static int run(TrainCommand cmd) throws IOException {
        Options o = cmd.deepfp;
        var parse = cmd.spec.commandLine().getParseResult();
        SnapshotScenario sc = SnapshotCatalog.get(cmd.scenario);
        if (!(sc instanceof DeepFpHexScenario)) {
            throw new IllegalArgumentException("scenario: " + sc.name() + " is not a scenario deepfp trains on "
                    + "(deepfp-7cell or deepfp-1cell)");
        }
        int validation = parse.hasMatchedOption("--validation") ? cmd.validation : DEFAULT_VALIDATION;
        double learningRate = parse.hasMatchedOption("--learning-rate") ? cmd.learningRate
                : DeepFpTrainer.Config.PAPER_LEARNING_RATE;
        RandomStreams streams = new RandomStreams(cmd.seed);
        IntFunction<Problem> trainingSample = s -> sc.sample(streams.stream("train/sample/" + s));
        IntFunction<Problem> validationSample = s -> sc.sample(streams.stream("validation/sample/" + s));
        Problem shape = validationSample.apply(0);
        int nt = 0;
        int d = 0;
        for (int k = 0; k < shape.numBs(); k++) {
            nt = Math.max(nt, shape.bsAntennas(k));
        }
        for (int i = 0; i < shape.numUe(); i++) {
            d = Math.max(d, shape.streams(i));
        }
        DeepFpArchitecture arch = new DeepFpArchitecture(o.layers, nt, d, o.hidden);
        DeepFpTrainer.Config config = new DeepFpTrainer.Config(arch, o.supervisedSteps, o.wsrSteps, cmd.batch,
                o.labelSamples, validation, o.labelIterations, learningRate, o.wsrLearningRate, o.halfLife,
                o.validateEvery, o.checkpointEvery, cmd.seed);
        Path out = cmd.out;
        String settings = settings(cmd.scenario, config);
        DeepFpTrainer.Checkpoint resume = null;
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IllegalArgumentException("out: " + out + " is a file, not a directory");
        }
        if (Files.exists(out.resolve(ModelFiles.CARD_FILE)) || Files.exists(out.resolve(ModelFiles.PARAMETERS_FILE))) {
            throw new IllegalArgumentException("out: " + out + " already holds a model; choose another directory");
        }
        if (o.resume) {
            Path cp = out.resolve(CHECKPOINT_FILE);
            if (!Files.exists(cp)) {
                throw new IllegalArgumentException("resume: " + cp + " does not exist (nothing to resume)");
            }
            String saved = Files.readString(out.resolve(CONFIG_FILE));
            if (!saved.equals(settings)) {
                throw new IllegalArgumentException("resume: the options differ from the checkpointed run's ("
                        + out.resolve(CONFIG_FILE) + "); resume with the same options");
            }
            resume = DeepFpTrainer.Checkpoint.decode(Files.readAllBytes(cp), cp.toString());
            if (resume.step() > config.totalSteps()) {
                throw new IllegalArgumentException("wsr-steps: the checkpoint is at step " + resume.step()
                        + ", beyond the " + config.totalSteps() + " steps asked for");
            }
        } else if (Files.exists(out.resolve(CHECKPOINT_FILE))) {
            throw new IllegalArgumentException("out: " + out + " holds a checkpoint; add --resume to continue it or "
                    + "choose another directory");
        }
        if (!LearnedEngine.isAvailable()) {
            throw new IllegalStateException("train: no deep-learning engine: "
                    + LearnedEngine.unavailableReason().orElse("unknown reason"));
        }
        Files.createDirectories(out);
        AtomicFiles.writeString(out.resolve(CONFIG_FILE), settings);
        PrintWriter err = cmd.spec.commandLine().getErr();
        boolean quiet = cmd.quiet;
        long start = System.nanoTime();
        if (!quiet) {
            err.printf(Locale.ROOT, "%s %s on %s: %d + %d steps of %d, labels: %d samples x FastFP %d iterations,"
                    + " %d validation samples%n", resume != null ? "resuming at step " + resume.step() + " of"
                    : "training", DeepFpPrecoder.NAME, sc.name(), config.supervisedSteps(), config.wsrSteps(),
                    config.batchSize(), config.labelSamples(), config.labelIterations(), validation);
            err.flush();
        }
        DeepFpTrainer.Listener listener = new DeepFpTrainer.Listener() {
            @Override
            public void step(DeepFpTrainer.StepRecord r) {
                if (!quiet && (r.step() < 5 || (r.step() + 1) % 10 == 0)) {
                    err.printf(Locale.ROOT, "step %5d/%d  %-10s loss %.6g  lr %.3g  %7.1f s%n", r.step() + 1,
                            config.totalSteps(), r.stage(), r.loss(), r.learningRate(), r.elapsedMillis() / 1e3);
                    err.flush();
                }
            }

            @Override
            public void validation(DeepFpTrainer.ValidationRecord r) {
                if (!quiet) {
                    err.printf(Locale.ROOT, "validation after %5d steps: WSR %.3f bit/s/Hz = %.2f%% of FastFP%n",
                            r.step(), r.wsrNat() / Math.log(2), 100 * r.ratio());
                    err.flush();
                }
            }

            @Override
            public void checkpoint(DeepFpTrainer.Checkpoint c) {
                try {
                    TrainCommand.writeBytes(out.resolve(CHECKPOINT_FILE), c.encode());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        };
        try (DeepFpTrainer.Result r = DeepFpTrainer.train(config, trainingSample, validationSample, resume,
                listener)) {
            double wallS = (System.nanoTime() - start) / 1e9 + (resume == null ? 0 : resume.elapsedMillis() / 1e3);
            writeHistory(out, r);
            ModelCard card = card(cmd, sc.name(), arch, config, r, wallS, validation);
            var enc = r.network().encode(card);
            TrainCommand.writeBytes(out.resolve(ModelFiles.PARAMETERS_FILE), enc.parameters());
            TrainCommand.writeBytes(out.resolve(ModelFiles.CARD_FILE), enc.cardJson());
            var o2 = cmd.spec.commandLine().getOut();
            o2.printf(Locale.ROOT, "trained %s on %s: %d steps, best validation after %d steps, %.1f s%n",
                    DeepFpPrecoder.NAME, sc.name(), config.totalSteps(), r.bestStep(), wallS);
            o2.printf(Locale.ROOT, "validation WSR %.3f bit/s/Hz = %.2f%% of FastFP (%d iterations, %.3f bit/s/Hz), "
                    + "%d samples%n", r.bestWsrNat() / Math.log(2), 100 * r.bestWsrNat() / r.fastFpValidationWsrNat(),
                    config.labelIterations(), r.fastFpValidationWsrNat() / Math.log(2), validation);
            o2.printf("written: %s%n", out);
            return 0;
        }
    }

    /**
     * @return the settings a resumed run must share, one per line: all but the number of unsupervised steps, which
     *     may extend or cut short the run at a checkpoint
     */
    static String settings(String scenario, DeepFpTrainer.Config c) {
        return String.format(Locale.ROOT, "scenario=%s%narchitecture=%s%nsupervisedSteps=%d%n"
                + "batchSize=%d%nlabelSamples=%d%nvalidationSamples=%d%nlabelIterations=%d%n"
                + "supervisedLearningRate=%s%nwsrLearningRate=%s%nhalfLifeSteps=%d%nvalidateEvery=%d%n"
                + "checkpointEvery=%d%nseed=%d%n", scenario, c.architecture().describe(), c.supervisedSteps(),
                c.batchSize(), c.labelSamples(), c.validationSamples(), c.labelIterations(),
                c.supervisedLearningRate(), c.wsrLearningRate(), c.halfLifeSteps(), c.validateEvery(),
                c.checkpointEvery(), c.seed());
    }

    private static void writeHistory(Path out, DeepFpTrainer.Result r) throws IOException {
        StringBuilder steps = new StringBuilder("step,stage,loss,learning_rate,elapsed_s\n");
        for (DeepFpTrainer.StepRecord s : r.steps()) {
            steps.append(String.format(Locale.ROOT, "%d,%s,%.8g,%.6g,%.3f%n", s.step() + 1, s.stage(), s.loss(),
                    s.learningRate(), s.elapsedMillis() / 1e3));
        }
        AtomicFiles.writeString(out.resolve("steps.csv"), steps.toString());
        StringBuilder val = new StringBuilder("step,wsr_bit,ratio_to_fastfp,elapsed_s,kept\n");
        List<DeepFpTrainer.ValidationRecord> v = r.validations();
        for (DeepFpTrainer.ValidationRecord x : v) {
            val.append(String.format(Locale.ROOT, "%d,%.6f,%.6f,%.3f,%d%n", x.step(), x.wsrNat() / Math.log(2),
                    x.ratio(), x.elapsedMillis() / 1e3, x.step() == r.bestStep() ? 1 : 0));
        }
        AtomicFiles.writeString(out.resolve("validation.csv"), val.toString());
        double[] training = new double[v.size() - 1];
        double[] validation = new double[v.size()];
        validation[0] = 1 - v.get(0).ratio();
        for (int e = 1; e < v.size(); e++) {
            validation[e] = 1 - v.get(e).ratio();
            double sum = 0;
            int n = 0;
            for (DeepFpTrainer.StepRecord s : r.steps()) {
                if (s.step() >= v.get(e - 1).step() && s.step() < v.get(e).step()) {
                    sum += s.loss();
                    n++;
                }
            }
            training[e - 1] = n == 0 ? Double.NaN : sum / n;
        }
        TrainingCharts.validationCurve(out, training, validation,
                "training: loss (53) then (54); validation: 1 - WSR/WSR_FastFP", RunCommand.CHART_WIDTH_PX,
                RunCommand.CHART_HEIGHT_PX);
    }

    private static ModelCard card(TrainCommand cmd, String scenario, DeepFpArchitecture a, DeepFpTrainer.Config c,
            DeepFpTrainer.Result r, double wallS, int validation) {
        Map<String, Object> hyper = new LinkedHashMap<>(a.hyperparameters());
        hyper.put("optimizer", "Adam (beta1 0.9, beta2 0.999, epsilon 1e-8)");
        hyper.put("supervisedSteps", c.supervisedSteps());
        hyper.put("wsrSteps", c.wsrSteps());
        hyper.put("batchSize", c.batchSize());
        hyper.put("labelSamples", c.labelSamples());
        hyper.put("labelIterations", c.labelIterations());
        hyper.put("supervisedLearningRate", c.supervisedLearningRate());
        hyper.put("wsrLearningRate", c.wsrLearningRate());
        hyper.put("halfLifeSteps", c.halfLifeSteps());
        hyper.put("initialLambda", r.initialLambda());
        hyper.put("bestStep", r.bestStep());
        hyper.put("loss", "stage 1: MSE (53) of V/sqrt(P_k) against FastFP; stage 2: -WSR/(KL) (54)");
        hyper.put("init", "random CN(0,1) scaled to the budgets (Sec. IV-D)");
        hyper.put("schedule", String.format(Locale.ROOT, "%d supervised steps on (53) over %d labelled samples, then "
                + "%d unsupervised steps on (54) of %d fresh samples each (batch %d, one CPU thread); the paper trains"
                + " with batch 200 over epochs of a fixed data set (Sec. V-A), for a length it does not state",
                c.supervisedSteps(), c.labelSamples(), c.wsrSteps(), c.batchSize(), c.batchSize()));
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put("initialValidationRatio", r.validations().get(0).ratio());
        scores.put("validationWsrBit", r.bestWsrNat() / Math.log(2));
        scores.put("validationFastFpWsrBit", r.fastFpValidationWsrNat() / Math.log(2));
        scores.put("validationRatio", r.bestWsrNat() / r.fastFpValidationWsrNat());
        Map<String, String> units = new LinkedHashMap<>();
        units.put("input", "z_i = Z_i / sqrt(P_k), g_i = sqrt(P_k) (Lambda_i - L_k Z_i), dimensionless, complex");
        units.put("output", "lambda~_i = P_k lambda_i, dimensionless; lambda_i in 1/W");
        units.put("precoders", "V_i in sqrt(W)");
        units.put("wsr", "bit/s/Hz in the scores named *Bit, ratios dimensionless");
        return new ModelCard(ModelCard.FORMAT_VERSION, DeepFpPrecoder.NAME, a.describe(), hyper, a.dimensions(),
                new ModelCard.Training(scenario, cmd.commandLine(), c.seed(),
                        c.labelSamples() + c.wsrSteps() * c.batchSize(), validation,
                        "fastfp (lambda = max-eigenvalue), " + c.labelIterations()
                                + " iterations from the same random V^0 (supervised stage)",
                        Math.rint(wallS * 10) / 10, "cpu"),
                units, ModelCard.projectVersionOfThisBuild(), scores, null);
    }
}
