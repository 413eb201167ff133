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
import org.netsim.precoding.learned.ModelCard;
import org.netsim.precoding.learned.iaidnn.IaidnnArchitecture;
import org.netsim.precoding.learned.iaidnn.IaidnnModel;
import org.netsim.precoding.learned.iaidnn.IaidnnPrecoder;
import org.netsim.precoding.learned.iaidnn.IaidnnTrainer;
import org.netsim.precoding.learned.iaidnn.IaidnnWeights;
import org.netsim.radio.random.RandomStreams;
import org.netsim.scenarios.snapshot.SnapshotCatalog;
import org.netsim.scenarios.snapshot.SnapshotScenario;
import picocli.CommandLine.Option;

/**
 * {@code netsim train --model iaidnn}: IAIDNN (GCN-WMMSE paper §V-C) on a single-cell snapshot scenario such as
 * {@code iaidnn-16x8}, with {@link IaidnnTrainer}. Defaults: {@link IaidnnTrainer.Config#shortDefault} (L = 7,
 * 2000 steps of 32 fresh problems, AdamW eta = 10^-3 times 0.1 at step 1000 and every 500 after; the paper's
 * schedule is {@code --steps 10000 --decay-start 5000 --decay-steps 2500}; the authors' form and initial draw,
 * {@code --form ours --init jacobi} for our dimensionless form, which does not train). Writes {@code history.csv},
 * {@code validation.csv} and the model ({@code parameters.json} first, {@code card.json} last).
 */
final class IaidnnTraining {

    private IaidnnTraining() {
    }

    /** The options of {@code train} that only iaidnn reads (a picocli mixin of {@link TrainCommand}). */
    static final class Options {
        @Option(names = "--shared", description = "iaidnn: parameters shared across UEs (IAIDNN SP, Table XIV).")
        boolean shared;

        @Option(names = "--use-y", description = "iaidnn: train the Y matrices too (default Y = 0, as the authors).")
        boolean useY;

        @Option(names = "--decay-start", description = "iaidnn: first step of the decayed learning rate "
                + "(paper: 5000). Default: 1000.")
        Integer decayStart;

        @Option(names = "--init", description = "iaidnn: initial weights, jacobi (X = I, Y = Z = O = 0) or authors "
                + "(every entry 0.1 (U[-1,1] + j U[-1,1]), as the GCN-WMMSE authors). Default: authors.")
        String init;

        @Option(names = "--form", description = "iaidnn: how the trained matrices are applied, ours (dimensionless, "
                + "precoders scaled to the budget every layer) or authors (raw, unscaled, the authors' start). "
                + "Default: authors.")
        String form;
    }

    private static boolean authorsForm(String form) {
        if (form.trim().equalsIgnoreCase("ours")) {
            return false;
        }
        if (form.trim().equalsIgnoreCase("authors")) {
            return true;
        }
        throw new IllegalArgumentException("form: expected ours or authors, got '" + form + "'");
    }

    static int run(TrainCommand c, Options o) throws IOException {
        SnapshotScenario sc = SnapshotCatalog.get(c.scenario);
        var parsed = c.spec.commandLine().getParseResult();
        IaidnnTrainer.Config d = IaidnnTrainer.Config.shortDefault(o.shared);
        GcnWmmseTraining.Options g = c.gcnWmmse;
        int layers = c.loop.layers == null ? d.layers() : c.loop.layers;
        int steps = g.steps == null ? d.steps() : g.steps;
        int batch = parsed.hasMatchedOption("--batch") ? c.batch : d.batchSize();
        int decayStart = o.decayStart == null ? d.decayStart() : o.decayStart;
        int decayEvery = g.decaySteps == null ? d.decayEvery() : g.decaySteps;
        int validateEvery = c.loop.validateEvery == null ? d.validationEvery() : c.loop.validateEvery;
        double lr = parsed.hasMatchedOption("--learning-rate") ? c.learningRate : d.learningRate();
        int validation = parsed.hasMatchedOption("--validation") ? c.validation : 500;
        IaidnnTrainer.Config config = IaidnnTrainer.Config.float32(layers, o.shared, o.useY, steps, batch, lr,
                decayStart, decayEvery, g.decayFactor == null ? d.decayFactor() : g.decayFactor,
                g.weightDecay == null ? d.weightDecay() : g.weightDecay, validateEvery, c.seed)
                .withInit(o.init == null ? d.init() : IaidnnWeights.Init.parse(o.init),
                        g.clip == null ? d.clipNorm() : g.clip, o.form == null ? d.authorsForm() : authorsForm(o.form));
        for (String opt : List.of("--resume", "--degree", "--features", "--precision", "--device",
                "--checkpoint-every", "--samples", "--epochs", "--variant")) {
            if (parsed.hasMatchedOption(opt)) {
                throw new IllegalArgumentException(opt.substring(2) + ": not an option of --model "
                        + IaidnnPrecoder.NAME);
            }
        }
        if (validation < 1) {
            throw new IllegalArgumentException("validation: must be >= 1, got " + validation);
        }
        Path out = c.out;
        if (Files.exists(out.resolve(IaidnnModel.CARD_FILE)) || Files.exists(out.resolve(IaidnnModel.PARAMETERS_FILE))) {
            throw new IllegalArgumentException("out: " + out + " already holds a model; choose another directory");
        }
        RandomStreams streams = new RandomStreams(c.seed);
        IntFunction<Problem> trainingSample = s -> sc.sample(streams.stream("train/sample/" + s));
        List<Problem> validationSet = new ArrayList<>(validation);
        for (int s = 0; s < validation; s++) {
            validationSet.add(sc.sample(streams.stream("validation/sample/" + s)));
        }
        IaidnnArchitecture.requireSingleCell(validationSet.get(0), "scenario " + sc.name());
        Files.createDirectories(out);
        PrintWriter err = c.spec.commandLine().getErr();
        IaidnnTrainer.Result r = IaidnnTrainer.train(config, trainingSample, validationSet,
                new IaidnnTrainer.Listener() {
                    @Override
                    public void onValidation(IaidnnTrainer.ValidationRecord v) {
                        if (!c.quiet) {
                            err.printf(Locale.ROOT, "step %6d  validation WSR %.4f nat/s/Hz%n", v.step(), v.meanWsr());
                            err.flush();
                        }
                    }

                    @Override
                    public void onStep(IaidnnTrainer.StepRecord s) {
                        if (!c.quiet && (s.step() % validateEvery == 0 || s.step() <= 3)) {
                            err.printf(Locale.ROOT, "step %6d  training WSR %.4f  lr %.3g  |grad| %.3g  %.1f s%n",
                                    s.step(), s.meanWsr(), s.learningRate(), s.gradientNorm(), s.elapsedS());
                            err.flush();
                        }
                    }
                });
        StringBuilder h = new StringBuilder("step,training_wsr_nat,learning_rate,gradient_norm,applied,elapsed_s\n");
        for (IaidnnTrainer.StepRecord s : r.steps()) {
            h.append(String.format(Locale.ROOT, "%d,%.10g,%.6g,%.6g,%d,%.3f%n", s.step(), s.meanWsr(),
                    s.learningRate(), s.gradientNorm(), s.applied() ? 1 : 0, s.elapsedS()));
        }
        AtomicFiles.writeString(out.resolve("history.csv"), h.toString());
        StringBuilder v = new StringBuilder("step,validation_wsr_nat\n");
        for (IaidnnTrainer.ValidationRecord s : r.validations()) {
            v.append(String.format(Locale.ROOT, "%d,%.10g%n", s.step(), s.meanWsr()));
        }
        AtomicFiles.writeString(out.resolve("validation.csv"), v.toString());
        double initial = r.validations().get(0).meanWsr();
        double last = r.validations().get(r.validations().size() - 1).meanWsr();
        IaidnnArchitecture arch = r.weights().architecture();
        Map<String, Object> hyper = new LinkedHashMap<>();
        hyper.put("layers", arch.layers());
        hyper.put("shared", arch.shared());
        hyper.put("useY", arch.useY());
        hyper.put("form", arch.authorsForm() ? "authors" : "ours");
        hyper.put("parameters", arch.parameterCount());
        hyper.put("steps", config.steps());
        hyper.put("batchSize", config.batchSize());
        hyper.put("learningRate", config.learningRate());
        hyper.put("learningRateDecayStart", config.decayStart());
        hyper.put("learningRateDecaySteps", config.decayEvery());
        hyper.put("learningRateDecayFactor", config.decayFactor());
        hyper.put("adamwWeightDecay", config.weightDecay());
        hyper.put("loss", "-WSR per sample, minibatch mean");
        hyper.put("initialization", (config.init() == IaidnnWeights.Init.AUTHORS
                ? "authors: every entry 0.1 (U[-1,1] + j U[-1,1])"
                : "jacobi: X = I + 0.01 CN noise, Y = Z = O = 0")
                + (arch.authorsForm() ? "; start (sum_j H_j^H H_j) H_i^H" : "; MRC start"));
        hyper.put("gradientClipNorm", config.clipNorm());
        hyper.put("skippedSteps", r.skippedSteps());
        Map<String, String> units = new LinkedHashMap<>();
        units.put("channels", "H_i, sqrt(W) gain per antenna pair (complex)");
        units.put("noise", "sigma_i^2 in W");
        units.put("power", "P in W");
        units.put("precoders", "V_i, sqrt(W)");
        units.put("validationWsr", "nat/s/Hz");
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put("initialValidationWsrNat", initial);
        scores.put("validationWsrNat", last);
        ModelCard card = new ModelCard(ModelCard.FORMAT_VERSION, IaidnnPrecoder.NAME, arch.describe(), hyper,
                arch.dimensions(), new ModelCard.Training(sc.name(), c.commandLine(), c.seed,
                        config.steps() * config.batchSize(), validation, "none (unsupervised, loss -WSR)",
                        Math.rint(r.elapsedS() * 10) / 10, "cpu"), units, ModelCard.projectVersionOfThisBuild(),
                scores, null);
        IaidnnModel.Encoded enc = IaidnnModel.encode(r.weights(), card);
        TrainCommand.writeBytes(out.resolve(IaidnnModel.PARAMETERS_FILE), enc.parameters());
        TrainCommand.writeBytes(out.resolve(IaidnnModel.CARD_FILE), enc.cardJson());
        var o2 = c.spec.commandLine().getOut();
        o2.printf(Locale.ROOT, "trained %s on %s: %d steps (%d skipped), %.1f s; validation WSR %.4f nat/s/Hz "
                + "(initial %.4f)%n", IaidnnPrecoder.NAME, sc.name(), config.steps(), r.skippedSteps(), r.elapsedS(),
                last, initial);
        o2.printf("written: %s%n", out);
        return 0;
    }
}
