package org.netsim.precoding.learned.gcn;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import org.netsim.precoding.Init;
import org.netsim.precoding.Problem;
import org.netsim.precoding.gcn.GcnWmmseWeights;
import org.netsim.precoding.learned.LearnedEngine;

/**
 * Unsupervised training of a GCN-WMMSE network (GCN-WMMSE paper "Coordinated Sum-Rate Maximization in Multicell
 * MU-MIMO with Deep Unrolling", §III-C, Table I): SGD on the sample-normalised loss (16) with the layer set
 * L = {L},
 * <pre>
 *   J(T_t; Gamma) = (1 / |T_t|) sum_n  -R_Sigma(V_n^(L); S_n) / r_n,    r_n = |R_Sigma(V_n^(L); S_n)| (no gradient)
 * </pre>
 * so that every realisation weighs the same; its value is therefore always -1 and the trainer reports the
 * minibatch's mean WSR instead. Optimiser {@link AdamW} (beta1, beta2, lambda) = (0.9, 0.99, 1e-3), learning rate
 * 0.01 divided by 10 after every 2500 steps, minibatch of 100 realisations freshly drawn at each step (sample
 * s = t |T_t| + n of the caller's sampler, so a resumed run draws the same ones), gradients clipped to total
 * Euclidean norm 1 (PyTorch's clip_grad_norm_, as in the authors' trainer), 10^4 steps; all configurable.
 * Parameters start at the paper's initial weights ({@link GcnWmmseWeights#paperInitial}, drawn from
 * {@code SplittableRandom(seed)}), the network input is the MRC start. The taps a_{W,lg} stay non-negative as
 * |theta| ({@link GcnWmmseParameters}). b_S is the running mean of sqrt(P_k / |I_k|) over the training
 * realisations and BSs seen so far (§III-C), updated with each minibatch before its forward pass.
 *
 * <p>Validation: the mean WSR of V^(L) on the caller's validation problems at step 0, every
 * {@link Config#validationEvery()} steps and at the end. Checkpoints ({@link GcnWmmseCheckpoint}) every
 * {@link Config#checkpointEvery()} steps and at the end go to the caller's listener, which writes them;
 * {@link #train} started from a checkpoint continues exactly as the uninterrupted run would have (same samples,
 * same optimiser state, same b_S; the engine's float arithmetic is deterministic on one device and thread count).
 * A step whose loss or gradient is not finite is skipped (counted, not applied).
 *
 * <p><b>Units.</b> The network is not invariant to the unit of power: with P_k and sigma_i^2 divided by u, the
 * terms Y a_{V,l1} and V~ a_{V,l0} of (13) scale by u^-1/2 and u^1/2, and the bias of modReLU (14) keeps its value
 * while the features scale. The same function is reached by other weights ({@link GcnWmmseCheckpoint#weights}),
 * but the optimiser, the weight decay and the initial draw see other numbers, so the unit changes where training
 * goes. The authors' implementation takes the scenario's powers as 10^(dBm / 10), in mW; trained in W instead, the
 * validation WSR on gcnwmmse-base stayed at 88.1 nat/s/Hz after 3800 steps, against 92.4 after 2000 steps in mW
 * (docs/performance.md). {@link Config#powerUnitW()} (default 1 mW) is the unit the network sees during training and
 * validation; the checkpoint converts the trained parameters to weights for problems in W, so every executor
 * runs in W.
 */
public final class GcnWmmseTrainer {

    private GcnWmmseTrainer() {
    }

    /**
     * Training hyperparameters (Table I defaults via {@link #paper}).
     *
     * @param layers L
     * @param degree G
     * @param features F
     * @param steps T, total steps of the run (a resumed run continues up to it)
     * @param batchSize |T_t|
     * @param learningRate eta at step 0
     * @param decaySteps the learning rate is multiplied by {@code decayFactor} after every this many steps
     * @param decayFactor in (0, 1]
     * @param beta1 AdamW
     * @param beta2 AdamW
     * @param weightDecay AdamW lambda
     * @param clipNorm maximum total gradient norm (0 = no clipping)
     * @param validationEvery steps between validations
     * @param checkpointEvery steps between checkpoints
     * @param seed seed of the initial weights
     * @param type FLOAT32 or FLOAT64 arithmetic
     * @param device where to train
     * @param threads PyTorch intra-op threads to set for the JVM before training (0 = leave the engine's); a run is
     *     reproducible bit for bit only with a fixed thread count (parallel reductions round differently, and
     *     Adam's first steps, g / |g|, turn rounding-level differences of near-zero gradients into steps of size
     *     eta)
     * @param powerUnitW the power unit, in W, in which the network sees P_k and sigma_i^2 during training (class
     *     comment, "Units")
     * @param initGain the initial complex taps' variance E|a|^2 = initGain / (n_in + n_out)
     *     ({@link GcnWmmseWeights#paperInitial(int, int, int, double, java.util.random.RandomGenerator)})
     */
    public record Config(int layers, int degree, int features, int steps, int batchSize, double learningRate,
            int decaySteps, double decayFactor, double beta1, double beta2, double weightDecay, double clipNorm,
            int validationEvery, int checkpointEvery, long seed, DataType type, Device device, int threads,
            double powerUnitW, double initGain) {

        /** AdamW's epsilon (PyTorch's default). */
        public static final double EPSILON = 1e-8;
        /** 1 mW: the GCN-WMMSE authors' implementation takes powers as 10^(dBm / 10), i.e. in mW. */
        public static final double AUTHORS_POWER_UNIT_W = 1e-3;
        /** E|a|^2 = 1 / (n_in + n_out): the initial tap variance of the authors' implementation. */
        public static final double AUTHORS_INIT_GAIN = 1.0;

        public Config {
            positive(layers, "layers");
            positive(degree, "degree");
            positive(features, "features");
            if (steps < 0) {
                throw new IllegalArgumentException("steps: must be >= 0, got " + steps);
            }
            positive(batchSize, "batch");
            if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
                throw new IllegalArgumentException("learningRate: must be finite and > 0, got " + learningRate);
            }
            positive(decaySteps, "decaySteps");
            if (!(decayFactor > 0 && decayFactor <= 1)) {
                throw new IllegalArgumentException("decayFactor: must be in (0, 1], got " + decayFactor);
            }
            if (!(clipNorm >= 0)) {
                throw new IllegalArgumentException("clipNorm: must be >= 0, got " + clipNorm);
            }
            positive(validationEvery, "validationEvery");
            positive(checkpointEvery, "checkpointEvery");
            if (type != DataType.FLOAT32 && type != DataType.FLOAT64) {
                throw new IllegalArgumentException("type: FLOAT32 or FLOAT64, got " + type);
            }
            if (device == null) {
                throw new IllegalArgumentException("device: must not be null");
            }
            if (threads < 0) {
                throw new IllegalArgumentException("threads: must be >= 0, got " + threads);
            }
            if (!(powerUnitW > 0) || Double.isInfinite(powerUnitW)) {
                throw new IllegalArgumentException("powerUnit: must be finite and > 0 W, got " + powerUnitW);
            }
            if (!(initGain > 0) || Double.isInfinite(initGain)) {
                throw new IllegalArgumentException("initGain: must be finite and > 0, got " + initGain);
            }
            new AdamW(beta1, beta2, weightDecay, EPSILON); // validates the optimiser's values
        }

        /**
         * Table I: L = 7, G = 2, F = 4, 10^4 steps, batch 100, eta = 0.01 / 10 every 2500, AdamW, clip 1; and,
         * where the paper is silent, the authors' implementation: powers in mW, initial tap variance gain 1.
         */
        public static Config paper() {
            return new Config(7, 2, 4, 10_000, 100, 0.01, 2500, 0.1, 0.9, 0.99, 1e-3, 1.0, 100, 100, 1L,
                    DataType.FLOAT32, Device.cpu(), 0, AUTHORS_POWER_UNIT_W, AUTHORS_INIT_GAIN);
        }

        /** @return this config with {@code float32} or {@code float64} arithmetic (an error names the value) */
        public Config withPrecision(String precision) {
            return withType(BatchedWmmsePrecoder.parsePrecision(precision));
        }

        /** @return this config on the device of {@code choice} (an error names {@code option}) */
        public Config withDevice(org.netsim.precoding.learned.DeviceChoice choice, String option) {
            return withDevice(LearnedEngine.device(choice, option));
        }

        /** @return {@code float32} or {@code float64} */
        public String precision() {
            return type == DataType.FLOAT64 ? "float64" : "float32";
        }

        /** @return the learning rate of step t (0-based) */
        public double learningRateAt(int t) {
            return learningRate * Math.pow(decayFactor, t / decaySteps);
        }

        public Config withSizes(int l, int g, int f) {
            return new Config(l, g, f, steps, batchSize, learningRate, decaySteps, decayFactor, beta1, beta2,
                    weightDecay, clipNorm, validationEvery, checkpointEvery, seed, type, device, threads, powerUnitW, initGain);
        }

        public Config withSteps(int v) {
            return new Config(layers, degree, features, v, batchSize, learningRate, decaySteps, decayFactor, beta1,
                    beta2, weightDecay, clipNorm, validationEvery, checkpointEvery, seed, type, device, threads, powerUnitW, initGain);
        }

        public Config withBatchSize(int v) {
            return new Config(layers, degree, features, steps, v, learningRate, decaySteps, decayFactor, beta1,
                    beta2, weightDecay, clipNorm, validationEvery, checkpointEvery, seed, type, device, threads, powerUnitW, initGain);
        }

        public Config withLearningRate(double eta, int everySteps, double factor) {
            return new Config(layers, degree, features, steps, batchSize, eta, everySteps, factor, beta1, beta2,
                    weightDecay, clipNorm, validationEvery, checkpointEvery, seed, type, device, threads, powerUnitW, initGain);
        }

        public Config withOptimizer(double b1, double b2, double lambda, double clip) {
            return new Config(layers, degree, features, steps, batchSize, learningRate, decaySteps, decayFactor, b1,
                    b2, lambda, clip, validationEvery, checkpointEvery, seed, type, device, threads, powerUnitW, initGain);
        }

        public Config withSchedule(int validateEvery, int saveEvery) {
            return new Config(layers, degree, features, steps, batchSize, learningRate, decaySteps, decayFactor,
                    beta1, beta2, weightDecay, clipNorm, validateEvery, saveEvery, seed, type, device, threads, powerUnitW, initGain);
        }

        public Config withSeed(long v) {
            return new Config(layers, degree, features, steps, batchSize, learningRate, decaySteps, decayFactor,
                    beta1, beta2, weightDecay, clipNorm, validationEvery, checkpointEvery, v, type, device, threads, powerUnitW, initGain);
        }

        public Config withType(DataType v) {
            return new Config(layers, degree, features, steps, batchSize, learningRate, decaySteps, decayFactor,
                    beta1, beta2, weightDecay, clipNorm, validationEvery, checkpointEvery, seed, v, device, threads, powerUnitW, initGain);
        }

        public Config withThreads(int v) {
            return new Config(layers, degree, features, steps, batchSize, learningRate, decaySteps, decayFactor,
                    beta1, beta2, weightDecay, clipNorm, validationEvery, checkpointEvery, seed, type, device, v, powerUnitW, initGain);
        }

        public Config withDevice(Device v) {
            return new Config(layers, degree, features, steps, batchSize, learningRate, decaySteps, decayFactor,
                    beta1, beta2, weightDecay, clipNorm, validationEvery, checkpointEvery, seed, type, v, threads, powerUnitW, initGain);
        }

        /** @return this config with the training power unit {@code unitW} (W) */
        public Config withPowerUnit(double unitW) {
            return new Config(layers, degree, features, steps, batchSize, learningRate, decaySteps, decayFactor,
                    beta1, beta2, weightDecay, clipNorm, validationEvery, checkpointEvery, seed, type, device, threads,
                    unitW, initGain);
        }

        /** @return this config with the initial tap variance gain {@code gain} */
        public Config withInitGain(double gain) {
            return new Config(layers, degree, features, steps, batchSize, learningRate, decaySteps, decayFactor,
                    beta1, beta2, weightDecay, clipNorm, validationEvery, checkpointEvery, seed, type, device, threads,
                    powerUnitW, gain);
        }

        /** @return the hyperparameters that a resumed run must share with its checkpoint, as text */
        String identity() {
            return "L=" + layers + " G=" + degree + " F=" + features + " batch=" + batchSize + " lr=" + learningRate
                    + "/" + decaySteps + "x" + decayFactor + " adamw=" + beta1 + "," + beta2 + "," + weightDecay
                    + " clip=" + clipNorm + " validateEvery=" + validationEvery + " seed=" + seed + " type=" + type
                    + " powerUnitW=" + powerUnitW + " initGain=" + initGain;
        }

        private static void positive(int v, String name) {
            if (v < 1) {
                throw new IllegalArgumentException(name + ": must be >= 1, got " + v);
            }
        }
    }

    /** What the trainer reports as it goes; the caller writes files. */
    public interface Listener {
        /** After each training step. */
        default void onStep(GcnWmmseCheckpoint.StepRecord record) {
        }

        /** After each validation. */
        default void onValidation(GcnWmmseCheckpoint.ValidationRecord record) {
        }

        /** At each checkpoint (and at the end). */
        default void onCheckpoint(GcnWmmseCheckpoint checkpoint) {
        }
    }

    /**
     * Trains, from the paper's initial weights or from a checkpoint.
     *
     * @param config hyperparameters
     * @param trainingSample sample s of the training stream (called with s = t batch + n)
     * @param validation the validation problems (one shape, that of the training problems)
     * @param resume a checkpoint of a run with the same hyperparameters, or null to start
     * @param listener progress and checkpoints
     * @return the final checkpoint (its weights are the trained model)
     */
    public static GcnWmmseCheckpoint train(Config config, IntFunction<Problem> trainingSample, List<Problem> validation,
            GcnWmmseCheckpoint resume, Listener listener) {
        if (validation.isEmpty()) {
            throw new IllegalArgumentException("validation: at least one problem is required");
        }
        List<Problem> validationInUnit = new ArrayList<>(validation.size());
        for (Problem p : validation) {
            validationInUnit.add(Problem.inPowerUnit(p, config.powerUnitW()));
        }
        Map<String, double[]> theta;
        AdamW opt = new AdamW(config.beta1(), config.beta2(), config.weightDecay(), Config.EPSILON);
        int startStep;
        double biasSum;
        long biasCount;
        List<GcnWmmseCheckpoint.StepRecord> steps = new ArrayList<>();
        List<GcnWmmseCheckpoint.ValidationRecord> validations = new ArrayList<>();
        int skipped;
        long elapsedBeforeNanos;
        if (resume == null) {
            theta = GcnWmmseWeights.paperInitial(config.layers(), config.degree(), config.features(),
                    config.initGain(), new SplittableRandom(config.seed())).toArrays();
            startStep = 0;
            biasSum = 0;
            biasCount = 0;
            skipped = 0;
            elapsedBeforeNanos = 0;
        } else {
            if (!resume.configIdentity().equals(config.identity())) {
                throw new IllegalArgumentException("resume: the checkpoint was trained with " + resume.configIdentity()
                        + ", this run asks for " + config.identity());
            }
            theta = resume.copyTheta();
            opt.restore(resume.optimizerSteps(), resume.firstMoments(), resume.secondMoments());
            startStep = resume.step();
            biasSum = resume.biasScaleSum();
            biasCount = resume.biasScaleCount();
            steps.addAll(resume.steps());
            validations.addAll(resume.validations());
            skipped = resume.skippedSteps();
            elapsedBeforeNanos = Math.round(resume.elapsedS() * 1e9);
        }
        if (config.threads() > 0) {
            ai.djl.pytorch.jni.JniUtils.setNumThreads(config.threads());
        }
        long t0 = System.nanoTime();
        try (NDManager root = LearnedEngine.engine().newBaseManager(config.device())) {
            if (resume == null) {
                double v = validate(root, config, theta, 1.0, validationInUnit);
                var rec = new GcnWmmseCheckpoint.ValidationRecord(0, v);
                validations.add(rec);
                listener.onValidation(rec);
            }
            for (int t = startStep; t < config.steps(); t++) {
                List<Problem> batch = new ArrayList<>(config.batchSize());
                for (int n = 0; n < config.batchSize(); n++) {
                    Problem p = Problem.inPowerUnit(trainingSample.apply(t * config.batchSize() + n),
                            config.powerUnitW());
                    batch.add(p);
                    for (int k = 0; k < p.numBs(); k++) {
                        biasSum += Math.sqrt(p.bsPowerW(k) / Math.max(p.uesOf(k).length, 1));
                        biasCount++;
                    }
                }
                double biasScale = biasSum / biasCount;
                double lr = config.learningRateAt(t);
                double meanWsr;
                double norm;
                boolean applied;
                try (NDManager m = root.newSubManager()) {
                    GcnWmmseParameters params = GcnWmmseParameters.of(config.layers(), config.degree(),
                            config.features(), biasScale, theta, m, config.type(), true);
                    GcnWmmseBatch b = GcnWmmseBatch.of(m, batch, Init.mrc(), config.type());
                    NDArray wsr;
                    try (GradientCollector gc = m.getEngine().newGradientCollector()) {
                        wsr = GcnWmmseNetwork.forward(params, b, config.layers(), true).wsr();
                        NDArray loss = wsr.div(wsr.abs().stopGradient()).neg().mean();            // (16)
                        gc.backward(loss);
                    }
                    meanWsr = wsr.toType(DataType.FLOAT64, false).mean().getDouble();
                    Map<String, double[]> grads = params.gradients();
                    norm = norm(grads);
                    applied = Double.isFinite(meanWsr) && Double.isFinite(norm);
                    if (applied) {
                        if (config.clipNorm() > 0 && norm > config.clipNorm()) {
                            double s = config.clipNorm() / (norm + 1e-6);
                            grads.values().forEach(g -> {
                                for (int j = 0; j < g.length; j++) {
                                    g[j] *= s;
                                }
                            });
                        }
                        opt.step(theta, grads, lr);
                    } else {
                        skipped++;
                    }
                }
                double elapsed = (elapsedBeforeNanos + System.nanoTime() - t0) / 1e9;
                var rec = new GcnWmmseCheckpoint.StepRecord(t + 1, meanWsr, lr, norm, applied, elapsed);
                steps.add(rec);
                listener.onStep(rec);
                int done = t + 1;
                if (done % config.validationEvery() == 0 || done == config.steps()) {
                    double v = validate(root, config, theta, biasScale, validationInUnit);
                    var vr = new GcnWmmseCheckpoint.ValidationRecord(done, v);
                    validations.add(vr);
                    listener.onValidation(vr);
                }
                if (done % config.checkpointEvery() == 0 && done != config.steps()) {
                    listener.onCheckpoint(new GcnWmmseCheckpoint(config.identity(), done, opt.steps(), theta, opt.firstMoments(),
                            opt.secondMoments(), biasSum, biasCount, skipped, elapsed, steps, validations));
                }
            }
        }
        double elapsed = (elapsedBeforeNanos + System.nanoTime() - t0) / 1e9;
        GcnWmmseCheckpoint last = new GcnWmmseCheckpoint(config.identity(), Math.max(config.steps(), startStep), opt.steps(), theta,
                opt.firstMoments(), opt.secondMoments(), biasSum, biasCount, skipped, elapsed, steps, validations);
        listener.onCheckpoint(last);
        return last;
    }

    /**
     * Mean WSR of V^(L) in nat/s/Hz over problems, in chunks of the batch size, without gradients.
     *
     * @param theta the parameters (theta for the taps)
     */
    static double validate(NDManager root, Config config, Map<String, double[]> theta, double biasScale,
            List<Problem> problems) {
        double sum = 0;
        for (int from = 0; from < problems.size(); from += config.batchSize()) {
            List<Problem> chunk = problems.subList(from, Math.min(problems.size(), from + config.batchSize()));
            try (NDManager m = root.newSubManager()) {
                GcnWmmseParameters params = GcnWmmseParameters.of(config.layers(), config.degree(), config.features(),
                        biasScale, theta, m, config.type(), false);
                GcnWmmseBatch b = GcnWmmseBatch.of(m, chunk, Init.mrc(), config.type());
                sum += GcnWmmseNetwork.forward(params, b, config.layers(), false).wsr()
                        .toType(DataType.FLOAT64, false).sum().getDouble();
            }
        }
        return sum / problems.size();
    }

    private static double norm(Map<String, double[]> grads) {
        double s = 0;
        for (double[] g : grads.values()) {
            for (double x : g) {
                s += x * x;
            }
        }
        return Math.sqrt(s);
    }
}
