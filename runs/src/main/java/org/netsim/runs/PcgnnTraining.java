package org.netsim.runs;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.netsim.precoding.Problem;
import org.netsim.precoding.learned.LearnedEngine;
import org.netsim.precoding.learned.ModelCard;
import org.netsim.precoding.learned.ModelFiles;
import org.netsim.precoding.learned.mpnn.MpnnArchitecture;
import org.netsim.precoding.learned.mpnn.MpnnScore;
import org.netsim.precoding.learned.pcgnn.PcgnnArchitecture;
import org.netsim.precoding.learned.pcgnn.PcgnnPrecoder;
import org.netsim.precoding.learned.pcgnn.PcgnnScore;
import org.netsim.precoding.learned.pcgnn.PcgnnTrainer;
import org.netsim.radio.random.RandomStreams;
import org.netsim.scenarios.snapshot.SnapshotScenario;
import org.netsim.visualization.charts.TrainingCharts;

/**
 * {@code netsim train --model pcgnn}: unsupervised training of the PCGNN/HetGNN baseline of Song et al. ("A
 * Learning-only Method for Multi-Cell Multi-User MIMO Sum Rate Maximization", Section VI-B, item 5) on a scenario
 * whose BSs have equal antenna counts and numbers of UEs (the {@code song-*} scenarios), with the StructuralMPNN's
 * schedule (Table III: AdamW, cosine decay 10^-3 to 10^-5, weight decay 0.01), then its score against WMMSE
 * (zero-forcing start, tolerance 0.01, at most 50 iterations) on the validation samples.
 *
 * <p>Sizes from the scenario's first sample; F = {@value PcgnnArchitecture#DEFAULT_FEATURES} complex features and
 * L = {@value PcgnnArchitecture#DEFAULT_LAYERS} shared layers unless {@code --features} / {@code --layers} say
 * otherwise. Defaults, data streams and output files as for {@code structural-mpnn} ({@link StructuralMpnnTraining}).
 */
final class PcgnnTraining {

    static final int DEFAULT_SAMPLES = 5000;
    static final int DEFAULT_VALIDATION = 500;

    private PcgnnTraining() {
    }

    /** Runs the training described by {@code cmd} on {@code sc}. */
    static int run(TrainCommand cmd, SnapshotScenario sc, Integer features, Integer layers) throws Exception {
        var parse = cmd.spec.commandLine().getParseResult();
        int samples = parse.hasMatchedOption("--samples") ? cmd.samples : DEFAULT_SAMPLES;
        int validation = parse.hasMatchedOption("--validation") ? cmd.validation : DEFAULT_VALIDATION;
        int epochs = parse.hasMatchedOption("--epochs") ? cmd.epochs : PcgnnTrainer.Config.DEFAULT_EPOCHS;
        int batch = parse.hasMatchedOption("--batch") ? cmd.batch : PcgnnTrainer.Config.DEFAULT_BATCH_SIZE;
        double lr = parse.hasMatchedOption("--learning-rate") ? cmd.learningRate
                : PcgnnTrainer.Config.DEFAULT_LEARNING_RATE;
        Problem shape = sc.sample(new RandomStreams(0).stream("shape"));
        Map<String, Integer> dims = MpnnArchitecture.dimensionsOf(shape);
        for (Map.Entry<String, Integer> e : dims.entrySet()) {
            if (e.getValue() < 0) {
                throw new IllegalArgumentException("scenario: " + sc.name() + " has different " + e.getKey()
                        + " per BS or UE; pcgnn needs equal sizes (e.g. song-small-near)");
            }
        }
        if (dims.get("streams").intValue() != dims.get("ueAntennas").intValue()) {
            throw new IllegalArgumentException("scenario: " + sc.name() + " has d = " + dims.get("streams")
                    + " streams per UE and N_r = " + dims.get("ueAntennas")
                    + " antennas; pcgnn needs d = N_r");
        }
        PcgnnArchitecture arch = PcgnnArchitecture.of(dims.get("numBs"), dims.get("uesPerBs"),
                dims.get("bsAntennas"), dims.get("ueAntennas"));
        if (cmd.variant != null) {
            throw new IllegalArgumentException("variant: only for structural-mpnn");
        }
        arch = arch.withSizes(features != null ? features : arch.features(), layers != null ? layers : arch.layers());
        PcgnnTrainer.Config config = PcgnnTrainer.Config.defaults(arch).withEpochs(epochs).withBatchSize(batch)
                .withLearningRate(lr).withSeed(cmd.seed);
        if (samples < 1 || validation < 1) {
            throw new IllegalArgumentException("samples, validation: must be >= 1");
        }
        if (!LearnedEngine.isAvailable()) {
            throw new IllegalStateException("train: no deep-learning engine: "
                    + LearnedEngine.unavailableReason().orElse("unknown reason"));
        }
        PrintWriter err = cmd.spec.commandLine().getErr();
        RandomStreams streams = new RandomStreams(cmd.seed);
        long start = System.nanoTime();
        List<Problem> tr = new ArrayList<>(samples);
        for (int s = 0; s < samples; s++) {
            tr.add(sc.sample(streams.stream("train/sample/" + s)));
        }
        List<Problem> va = new ArrayList<>(validation);
        for (int s = 0; s < validation; s++) {
            va.add(sc.sample(streams.stream("validation/sample/" + s)));
        }
        if (!cmd.quiet) {
            err.printf(Locale.ROOT, "training %s on %s: %s%n", PcgnnPrecoder.NAME, sc.name(), arch.describe());
            err.flush();
        }
        double bit = Math.log(2);
        try (PcgnnTrainer.Result r = PcgnnTrainer.train(tr, va, config, e -> {
            if (!cmd.quiet) {
                err.printf(Locale.ROOT, "epoch %3d/%d  training sum rate %.4f  validation %.4f bit/s/Hz  lr %.3g"
                        + "  skipped %d  %7.1f s%n", e.epoch(), epochs, e.trainingSumRateNat() / bit,
                        e.validationSumRateNat() / bit, e.learningRate(), e.skippedSteps(), e.elapsedMillis() / 1e3);
                err.flush();
            }
        })) {
            MpnnScore score = PcgnnScore.of(r.network().executor(), va);
            double wallS = (System.nanoTime() - start) / 1e9;
            List<PcgnnTrainer.EpochRecord> h = r.history();
            StringBuilder csv = new StringBuilder("epoch,training_sum_rate_bit,validation_sum_rate_bit,learning_rate,"
                    + "skipped_steps,elapsed_s,kept\n");
            csv.append(String.format(Locale.ROOT, "0,,%.10g,,,0,%d%n", r.initialValidationSumRateNat() / bit,
                    r.bestEpoch() == 0 ? 1 : 0));
            double[] training = new double[h.size()];
            double[] valid = new double[h.size() + 1];
            valid[0] = r.initialValidationSumRateNat() / bit;
            for (int e = 0; e < h.size(); e++) {
                PcgnnTrainer.EpochRecord rec = h.get(e);
                training[e] = rec.trainingSumRateNat() / bit;
                valid[e + 1] = rec.validationSumRateNat() / bit;
                csv.append(String.format(Locale.ROOT, "%d,%.10g,%.10g,%.6g,%d,%.3f,%d%n", rec.epoch(), training[e],
                        valid[e + 1], rec.learningRate(), rec.skippedSteps(), rec.elapsedMillis() / 1e3,
                        rec.epoch() == r.bestEpoch() ? 1 : 0));
            }
            Path out = cmd.out;
            Files.createDirectories(out);
            AtomicFiles.writeString(out.resolve("history.csv"), csv.toString());
            TrainingCharts.validationCurve(out, training, valid, "sum rate, bit/s/Hz (maximised)",
                    RunCommand.CHART_WIDTH_PX, RunCommand.CHART_HEIGHT_PX);

            Map<String, Object> hyper = new LinkedHashMap<>(arch.hyperparameters());
            hyper.put("optimizer", "AdamW");
            hyper.put("betas", List.of(PcgnnTrainer.Config.BETA1, PcgnnTrainer.Config.BETA2));
            hyper.put("learningRate", config.learningRate());
            hyper.put("minLearningRate", config.minLearningRate());
            hyper.put("learningRateSchedule", "cosine");
            hyper.put("weightDecay", config.weightDecay());
            hyper.put("batchSize", config.batchSize());
            hyper.put("epochs", config.epochs());
            hyper.put("bestEpoch", r.bestEpoch());
            hyper.put("loss", "negative sum rate of problem (2), nat/s/Hz");
            hyper.put("init", "none (learning-only: channels only)");
            Map<String, Double> scores = new LinkedHashMap<>();
            scores.put("initialValidationSumRateBit", r.initialValidationSumRateNat() / bit);
            scores.put("validationSumRateBit", score.mpnnSumRateNat() / bit);
            scores.put("validationWmmseSumRateBit", score.wmmseSumRateNat() / bit);
            scores.put("validationSumRateRatio", score.ratio());
            ModelCard card = new ModelCard(ModelCard.FORMAT_VERSION, PcgnnPrecoder.NAME, arch.describe(), hyper,
                    arch.dimensions(), new ModelCard.Training(sc.name(), cmd.commandLine(), cmd.seed, samples,
                            validation, "none (unsupervised: negative sum rate)", Math.rint(wallS * 10) / 10, "cpu"),
                    Map.of("input", "H_ik sqrt(P_k) / sigma_i for every UE-BS edge, dimensionless",
                            "output", "V_i / sqrt(P_k), sum over BS k's UEs of ||.||_F^2 = 1",
                            "sumRate", "bit/s/Hz in the scores named *Bit, ratios dimensionless"),
                    ModelCard.projectVersionOfThisBuild(), scores, null);
            ModelFiles.Encoded enc = r.network().encode(card);
            TrainCommand.writeBytes(out.resolve(ModelFiles.PARAMETERS_FILE), enc.parameters());
            TrainCommand.writeBytes(out.resolve(ModelFiles.CARD_FILE), enc.cardJson());
            var o = cmd.spec.commandLine().getOut();
            o.printf(Locale.ROOT, "trained %s on %s: %d epochs, best epoch %d, %.1f s%n", PcgnnPrecoder.NAME,
                    sc.name(), h.size(), r.bestEpoch(), wallS);
            o.printf(Locale.ROOT, "validation sum rate %.4f bit/s/Hz (initial %.4f), WMMSE %.4f: %.2f%% of WMMSE "
                    + "(%d samples)%n", score.mpnnSumRateNat() / bit, r.initialValidationSumRateNat() / bit,
                    score.wmmseSumRateNat() / bit, 100 * score.ratio(), validation);
            o.printf("written: %s%n", out);
            return 0;
        }
    }
}
