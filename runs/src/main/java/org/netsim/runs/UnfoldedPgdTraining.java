package org.netsim.runs;

import java.io.IOException;
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
import org.netsim.precoding.learned.LearnedEngine;
import org.netsim.precoding.learned.ModelCard;
import org.netsim.precoding.learned.pgd.UnfoldedPgdModel;
import org.netsim.precoding.learned.pgd.UnfoldedPgdPrecoder;
import org.netsim.precoding.learned.pgd.UnfoldedPgdTrainer;
import org.netsim.radio.random.RandomStreams;
import org.netsim.scenarios.snapshot.SnapshotCatalog;
import org.netsim.scenarios.snapshot.SnapshotScenario;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code netsim train --model unfolded-pgd}: unsupervised training of the unfolded PGD WMMSE step sizes
 * ({@link UnfoldedPgdTrainer}, the GCN-WMMSE paper's §V-B) on a snapshot scenario. Shares the gcn-wmmse options
 * {@code --steps}, {@code --decay-steps}, {@code --decay-factor}, {@code --weight-decay}, {@code --precision},
 * {@code --layers}, {@code --validate-every}, {@code --batch}, {@code --learning-rate}, {@code --validation} and
 * {@code --power-unit} (default mW) and reads {@code --substeps} (Q), {@code --initial-step} (gamma0 in the
 * training unit's 1 / (units of R_k); default 2 with linear steps, the data-driven start with log steps) and
 * {@code --step-parametrisation} (linear, default, or log). The defaults are the shipped model's recipe, the
 * authors' implementation: powers in mW, step sizes as parameters, each 1 on the gradient 2 (R_k V - V~).
 *
 * <p>Data as for gcn-wmmse: training sample s from the stream {@code train/sample/<s>} of the root seed,
 * validation sample s from {@code validation/sample/<s>}. Output: {@code history.csv}, {@code validation.csv},
 * then {@code parameters.json} and {@code card.json} last. No checkpoints or {@code --resume} (L Q parameters,
 * minutes of training).
 */
final class UnfoldedPgdTraining {

    /** Default steps (the paper's T = 20000 is reachable with --steps 20000 --decay-steps 5000). */
    static final int DEFAULT_STEPS = 2000;
    /** Default decay period matching {@link #DEFAULT_STEPS} (the paper's schedule scaled by 1/10). */
    static final int DEFAULT_DECAY_STEPS = 500;
    /** Default validation samples. */
    static final int DEFAULT_VALIDATION = 500;

    /** Default {@code --power-unit}: the unit of the shipped model's training. */
    static final String DEFAULT_POWER_UNIT = "mW";
    /** Default {@code --step-parametrisation}: that of the shipped model's training. */
    static final String DEFAULT_PARAMETRISATION = "linear";
    /**
     * Default {@code --initial-step} with linear steps: the authors' step sizes of 1 on the gradient
     * 2 (R_k V - V~), i.e. gamma0 = 2 in the training unit (log steps start from the data-driven value).
     */
    static final double DEFAULT_LINEAR_INITIAL_STEP = 2.0;

    private UnfoldedPgdTraining() {
    }

    /** @return the parametrisation named by {@code --step-parametrisation} (log or linear) */
    static UnfoldedPgdTrainer.StepParametrisation parametrisation(String name) {
        return switch (name) {
            case "log" -> UnfoldedPgdTrainer.StepParametrisation.LOG;
            case "linear" -> UnfoldedPgdTrainer.StepParametrisation.LINEAR;
            default -> throw new IllegalArgumentException("step-parametrisation: expected log or linear, got '"
                    + name + "'");
        };
    }

    /** Runs the command; every check before any file is written. */
    static int run(CommandSpec spec, String scenario, GcnWmmseTraining.Options o, Integer substeps,
            Double initialStep, String stepParametrisation, long seed, int batchOption, boolean batchGiven,
            double learningRateOption, boolean learningRateGiven, int validationOption, boolean validationGiven,
            Path out, boolean quiet, String commandLine) throws IOException {
        SnapshotScenario sc = SnapshotCatalog.get(scenario);
        UnfoldedPgdTrainer.Config paper = UnfoldedPgdTrainer.Config.paper();
        int validation = validationGiven ? validationOption : DEFAULT_VALIDATION;
        if (validation < 1) {
            throw new IllegalArgumentException("validation: must be >= 1, got " + validation);
        }
        String precision = o.precision == null ? "float64" : o.precision;
        double powerUnitW = GcnWmmseTraining.powerUnitW(o.powerUnit == null ? DEFAULT_POWER_UNIT : o.powerUnit);
        UnfoldedPgdTrainer.StepParametrisation parametrisation = parametrisation(
                stepParametrisation == null ? DEFAULT_PARAMETRISATION : stepParametrisation);
        UnfoldedPgdTrainer.Config config = paper
                .withSizes(o.layers != null ? o.layers : paper.layers(), substeps != null ? substeps : paper.substeps())
                .withSteps(o.steps != null ? o.steps : DEFAULT_STEPS, batchGiven ? batchOption : paper.batchSize())
                .withLearningRate(learningRateGiven ? learningRateOption : paper.learningRate(),
                        o.decaySteps != null ? o.decaySteps : DEFAULT_DECAY_STEPS,
                        o.decayFactor != null ? o.decayFactor : paper.decayFactor())
                .withWeightDecay(o.weightDecay != null ? o.weightDecay : paper.weightDecay())
                .withInitialStep(initialStep != null ? initialStep
                        : parametrisation == UnfoldedPgdTrainer.StepParametrisation.LINEAR ? DEFAULT_LINEAR_INITIAL_STEP
                        : Double.NaN)
                .withValidationEvery(o.validateEvery != null ? o.validateEvery : paper.validationEvery())
                .withSeed(seed).withPrecision(precision).withPowerUnit(powerUnitW).withParametrisation(parametrisation);
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IllegalArgumentException("out: " + out + " is a file, not a directory");
        }
        if (Files.exists(out.resolve(UnfoldedPgdModel.CARD_FILE))) {
            throw new IllegalArgumentException("out: " + out + " already holds a model; choose another directory");
        }
        if (!LearnedEngine.isAvailable()) {
            throw new IllegalStateException("train: no deep-learning engine: "
                    + LearnedEngine.unavailableReason().orElse("unknown reason"));
        }
        PrintWriter err = spec.commandLine().getErr();
        RandomStreams streams = new RandomStreams(seed);
        IntFunction<Problem> trainingSample = s -> sc.sample(streams.stream("train/sample/" + s));
        List<Problem> validationSet = new ArrayList<>(validation);
        for (int s = 0; s < validation; s++) {
            validationSet.add(sc.sample(streams.stream("validation/sample/" + s)));
        }
        Files.createDirectories(out);
        final int every = config.validationEvery();
        StringBuilder hist = new StringBuilder("step,training_wsr_nat,learning_rate,gradient_norm,applied,elapsed_s\n");
        StringBuilder val = new StringBuilder("step,validation_wsr_nat\n");
        UnfoldedPgdTrainer.Result r = UnfoldedPgdTrainer.train(config, trainingSample, validationSet,
                new UnfoldedPgdTrainer.Listener() {
                    @Override
                    public void onStep(UnfoldedPgdTrainer.StepRecord s) {
                        hist.append(String.format(Locale.ROOT, "%d,%.10g,%.6g,%.6g,%d,%.3f%n", s.step(),
                                s.trainingWsr(), s.learningRate(), s.gradientNorm(), s.applied() ? 1 : 0,
                                s.elapsedS()));
                        if (!quiet && (s.step() % every == 0 || s.step() <= 3)) {
                            err.printf(Locale.ROOT, "step %6d  training WSR %.4f  lr %.3g  |grad| %.3g  %.1f s%n",
                                    s.step(), s.trainingWsr(), s.learningRate(), s.gradientNorm(), s.elapsedS());
                            err.flush();
                        }
                    }

                    @Override
                    public void onValidation(UnfoldedPgdTrainer.ValidationRecord v) {
                        val.append(String.format(Locale.ROOT, "%d,%.10g%n", v.step(), v.validationWsr()));
                        if (!quiet) {
                            err.printf(Locale.ROOT, "step %6d  validation WSR %.4f nat/s/Hz%n", v.step(),
                                    v.validationWsr());
                            err.flush();
                        }
                    }
                });
        AtomicFiles.writeString(out.resolve("history.csv"), hist.toString());
        AtomicFiles.writeString(out.resolve("validation.csv"), val.toString());
        double initial = r.validations().get(0).validationWsr();
        double last = r.validations().get(r.validations().size() - 1).validationWsr();
        ModelCard card = card(config, r, sc.name(), commandLine, validation, initial, last);
        UnfoldedPgdModel.Encoded enc = UnfoldedPgdModel.encode(r.steps(), card);
        TrainCommand.writeBytes(out.resolve(UnfoldedPgdModel.PARAMETERS_FILE), enc.parameters());
        TrainCommand.writeBytes(out.resolve(UnfoldedPgdModel.CARD_FILE), enc.cardJson());
        var o2 = spec.commandLine().getOut();
        o2.printf(Locale.ROOT, "trained %s on %s: L=%d Q=%d, %d steps (%d skipped), %.1f s; validation WSR %.4f"
                + " nat/s/Hz (initial %.4f, gamma0 %.4g)%n", UnfoldedPgdPrecoder.NAME, sc.name(), config.layers(),
                config.substeps(), config.steps(), r.skippedSteps(), r.elapsedS(), last, initial, r.initialStep());
        o2.printf("written: %s%n", out);
        return 0;
    }

    private static ModelCard card(UnfoldedPgdTrainer.Config c, UnfoldedPgdTrainer.Result r, String scenario,
            String command, int validation, double initial, double last) {
        Map<String, Object> hyper = new LinkedHashMap<>();
        hyper.put("layers", c.layers());
        hyper.put("substeps", c.substeps());
        hyper.put("steps", c.steps());
        hyper.put("batchSize", c.batchSize());
        hyper.put("learningRate", c.learningRate());
        hyper.put("learningRateDecaySteps", c.decaySteps());
        hyper.put("learningRateDecayFactor", c.decayFactor());
        hyper.put("adamwBeta1", c.beta1());
        hyper.put("adamwBeta2", c.beta2());
        hyper.put("adamwWeightDecay", c.weightDecay());
        hyper.put("loss", "eq. (16), layer set {1..L}, per-sample and per-layer normalisation by |WSR| (no gradient)");
        hyper.put("stepParametrisation", c.parametrisation() == UnfoldedPgdTrainer.StepParametrisation.LOG
                ? "gamma_lq = exp(theta_lq) (stored: rho = ln gamma_W)"
                : "gamma_lq = 2 theta_lq (stored: rho = ln gamma_W)");
        hyper.put("trainingPowerUnitW", c.powerUnitW());
        hyper.put("initialStep", r.initialStep());
        hyper.put("initialization", (Double.isNaN(c.initialStep()) ? "gamma0 = 1 / mean max_k lambda_max(R_k^(1)) "
                + "over the first minibatch" : "gamma0 = " + c.initialStep() + " in the training unit")
                + ", MRC start; initialStep: gamma0 for problems in W");
        hyper.put("precision", c.precision());
        hyper.put("skippedSteps", r.skippedSteps());
        Map<String, String> units = new LinkedHashMap<>();
        units.put("channels", "H_ik, sqrt(W) gain per antenna pair (complex)");
        units.put("noise", "sigma_i^2 in W");
        units.put("power", "P_k in W");
        units.put("precoders", "V_i, sqrt(W)");
        units.put("gamma", "1 / (units of R_k)");
        units.put("validationWsr", "nat/s/Hz");
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put("initialValidationWsrNat", initial);
        scores.put("validationWsrNat", last);
        String arch = "unfolded PGD WMMSE L=" + c.layers() + " Q=" + c.substeps() + " (" + c.layers() * c.substeps()
                + " step sizes)";
        return new ModelCard(ModelCard.FORMAT_VERSION, UnfoldedPgdPrecoder.NAME, arch, hyper, Map.of(),
                new ModelCard.Training(scenario, command, c.seed(), c.steps() * c.batchSize(), validation,
                        "none (unsupervised, loss (16))", Math.rint(r.elapsedS() * 10) / 10, "cpu"),
                units, ModelCard.projectVersionOfThisBuild(), scores, null);
    }
}
