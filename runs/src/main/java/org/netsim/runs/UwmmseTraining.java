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
import org.netsim.precoding.learned.uwmmse.UwmmseExecutor;
import org.netsim.precoding.learned.uwmmse.UwmmseModel;
import org.netsim.precoding.learned.uwmmse.UwmmsePrecoder;
import org.netsim.precoding.learned.uwmmse.UwmmseTrainer;
import org.netsim.radio.random.RandomStreams;
import org.netsim.scenarios.snapshot.SnapshotCatalog;
import org.netsim.scenarios.snapshot.SnapshotScenario;

/**
 * {@code netsim train --model uwmmse --scenario uwmmse-pairs-20 ...}: unsupervised training of UWMMSE
 * ({@link UwmmseTrainer}) on fresh samples of a snapshot scenario of SISO pairs (stream {@code train/sample/s}),
 * validated on {@code --validation} samples (stream {@code validation/sample/s}, default 200). Options read:
 * {@code --steps} (default 500), {@code --batch} (default 32), {@code --learning-rate} (default 1e-3),
 * {@code --layers} (default 4), {@code --validate-every} (default 50), {@code --seed}. Writes {@code history.csv},
 * {@code validation.csv}, then {@code parameters.json} and last {@code card.json} (with the exact command); the
 * model is the best validation's weights.
 */
final class UwmmseTraining {

    static final int DEFAULT_VALIDATION = 200;

    private UwmmseTraining() {
    }

    static int run(PrintWriter out, PrintWriter err, String scenario, Integer stepsOption, Integer layersOption,
            Integer validateEveryOption, int batch, boolean batchGiven, double learningRate, boolean learningRateGiven,
            int validationOption, boolean validationGiven, long seed, Path outDir, boolean quiet, String command)
            throws IOException {
        SnapshotScenario sc = SnapshotCatalog.get(scenario);
        UwmmseTrainer.Config d = UwmmseTrainer.Config.defaults();
        UwmmseTrainer.Config config = new UwmmseTrainer.Config(layersOption != null ? layersOption : d.layers(),
                d.hidden(), stepsOption != null ? stepsOption : d.steps(), batchGiven ? batch : d.batchSize(),
                learningRateGiven ? learningRate : d.learningRate(), d.initStd(),
                validateEveryOption != null ? validateEveryOption : d.validateEvery(), seed);
        int validation = validationGiven ? validationOption : DEFAULT_VALIDATION;
        if (validation < 1) {
            throw new IllegalArgumentException("validation: must be >= 1, got " + validation);
        }
        RandomStreams streams = new RandomStreams(seed);
        UwmmseExecutor.requireSisoPairs(sc.sample(new RandomStreams(seed).stream("check")));
        if (Files.exists(outDir.resolve(UwmmseModel.CARD_FILE))) {
            throw new IllegalArgumentException("out: " + outDir + " already holds a model; choose another directory");
        }
        if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
            throw new IllegalArgumentException("out: " + outDir + " is a file, not a directory");
        }
        if (!LearnedEngine.isAvailable()) {
            throw new IllegalStateException("train: no deep-learning engine: "
                    + LearnedEngine.unavailableReason().orElse("unknown reason"));
        }
        IntFunction<Problem> sampler = s -> sc.sample(streams.stream("train/sample/" + s));
        List<Problem> validationSet = new ArrayList<>(validation);
        for (int s = 0; s < validation; s++) {
            validationSet.add(sc.sample(streams.stream("validation/sample/" + s)));
        }
        Files.createDirectories(outDir);
        UwmmseTrainer.Result r = UwmmseTrainer.train(config, sampler, validationSet, new UwmmseTrainer.Listener() {
            @Override
            public void onValidation(UwmmseTrainer.ValidationRecord v) {
                if (!quiet) {
                    err.printf(Locale.ROOT, "step %6d  validation sum rate %.4f nat/s/Hz%n", v.step(), v.sumRateNat());
                    err.flush();
                }
            }
        });
        StringBuilder h = new StringBuilder("step,training_sum_rate_nat,elapsed_s\n");
        for (UwmmseTrainer.StepRecord s : r.steps()) {
            h.append(String.format(Locale.ROOT, "%d,%.10g,%.3f%n", s.step(), s.trainSumRateNat(), s.elapsedS()));
        }
        AtomicFiles.writeString(outDir.resolve("history.csv"), h.toString());
        StringBuilder v = new StringBuilder("step,validation_sum_rate_nat\n");
        for (UwmmseTrainer.ValidationRecord x : r.validations()) {
            v.append(String.format(Locale.ROOT, "%d,%.10g%n", x.step(), x.sumRateNat()));
        }
        AtomicFiles.writeString(outDir.resolve("validation.csv"), v.toString());

        Map<String, Object> hyper = new LinkedHashMap<>();
        hyper.put("problem", UwmmseModel.PROBLEM_CLASS);
        hyper.put("layers", config.layers());
        hyper.put("hidden", config.hidden());
        hyper.put("steps", config.steps());
        hyper.put("batchSize", config.batchSize());
        hyper.put("learningRate", config.learningRate());
        hyper.put("optimizer", "Adam beta1 0.9, beta2 0.999, epsilon 1e-8");
        hyper.put("loss", "-mean sum rate after layer L (nat/s/Hz)");
        hyper.put("initialization", "a = 1, b = 0 plus N(0, " + config.initStd() + "^2) GCN weights");
        hyper.put("precision", "float64");
        Map<String, String> units = new LinkedHashMap<>();
        units.put("channels", "h_ij, sqrt(W) amplitude gain (SISO)");
        units.put("noise", "sigma_i^2 in W");
        units.put("power", "P_j in W");
        units.put("precoders", "v_i = sqrt(P_i) q_i, sqrt(W)");
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put("initialValidationSumRateNat", r.validations().get(0).sumRateNat());
        scores.put("validationSumRateNat", r.bestValidationNat());
        ModelCard card = new ModelCard(ModelCard.FORMAT_VERSION, UwmmsePrecoder.NAME, r.best().describe(), hyper,
                Map.of(), new ModelCard.Training(sc.name(), command, seed, config.steps() * config.batchSize(),
                        validation, "none (unsupervised, -sum rate)", Math.rint(r.wallTimeS() * 10) / 10, "cpu"),
                units, ModelCard.projectVersionOfThisBuild(), scores, null);
        UwmmseModel.Encoded enc = UwmmseModel.encode(r.best(), card);
        TrainCommand.writeBytes(outDir.resolve(UwmmseModel.PARAMETERS_FILE), enc.parameters());
        TrainCommand.writeBytes(outDir.resolve(UwmmseModel.CARD_FILE), enc.cardJson());
        out.printf(Locale.ROOT, "trained %s on %s: %d steps, %.1f s; best validation sum rate %.4f nat/s/Hz "
                + "(initial %.4f)%n", UwmmsePrecoder.NAME, sc.name(), config.steps(), r.wallTimeS(),
                r.bestValidationNat(), r.validations().get(0).sumRateNat());
        out.printf("written: %s%n", outDir);
        return 0;
    }
}
