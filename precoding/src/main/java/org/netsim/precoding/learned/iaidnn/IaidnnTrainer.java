package org.netsim.precoding.learned.iaidnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.netsim.precoding.Init;
import org.netsim.precoding.Problem;
import org.netsim.precoding.learned.ComplexTensor;
import org.netsim.precoding.learned.LearnedEngine;
import org.netsim.precoding.learned.gcn.AdamW;
import org.netsim.precoding.learned.gcn.GcnWmmseBatch;

/**
 * Unsupervised training of IAIDNN as in the GCN-WMMSE paper (§V-C): loss = the minibatch mean of -R_Sigma(V^(L))
 * per sample (nat/s/Hz), minibatches freshly drawn at every step (sample s = t |batch| + n of the caller's
 * sampler), AdamW with learning rate 10^-3, multiplied by 0.1 at step {@code decayStart} (paper: 5000) and after
 * every further {@code decayEvery} steps (paper: 2500), network input the MRC start (replaced by the authors' start
 * in their form, {@link IaidnnArchitecture#authorsForm()}). Gradients by automatic
 * differentiation through {@link IaidnnNetwork}; a step with a non-finite loss or gradient is skipped (counted);
 * with {@code clipNorm > 0} a larger gradient is scaled to that Euclidean norm before AdamW (as PyTorch's
 * clip_grad_norm_; the recorded norm is the unclipped one). Initial weights: {@link IaidnnWeights#initial} of
 * {@code init}.
 * Validation: mean WSR of the validation problems at step 0, every {@code validationEvery} steps and at the end;
 * the returned weights are those of the last step.
 */
public final class IaidnnTrainer {

    private IaidnnTrainer() {
    }

    /**
     * Hyperparameters.
     *
     * @param layers L
     * @param shared IAIDNN SP
     * @param useY train Y (false: Y = 0 as Hu et al.)
     * @param steps total steps
     * @param batchSize problems per step
     * @param learningRate eta at step 0
     * @param decayStart first step with the decayed rate
     * @param decayEvery further decays after every this many steps
     * @param decayFactor in (0, 1]
     * @param weightDecay AdamW lambda
     * @param validationEvery steps between validations
     * @param seed seed of the initial weights' perturbation
     * @param type FLOAT32 or FLOAT64
     * @param init the initial draw ({@link IaidnnWeights.Init})
     * @param clipNorm the gradient is scaled to this Euclidean norm when larger (0 = no clipping)
     * @param authorsForm train {@link IaidnnArchitecture#authorsForm()} (the authors' raw form and start)
     */
    public record Config(int layers, boolean shared, boolean useY, int steps, int batchSize, double learningRate,
            int decayStart, int decayEvery, double decayFactor, double weightDecay, int validationEvery, long seed,
            DataType type, IaidnnWeights.Init init, double clipNorm, boolean authorsForm) {

        /** AdamW's (beta1, beta2, epsilon): PyTorch's defaults. */
        public static final double BETA1 = 0.9;
        public static final double BETA2 = 0.999;
        public static final double EPSILON = 1e-8;

        public Config {
            if (layers < 1 || steps < 0 || batchSize < 1 || decayStart < 0 || decayEvery < 1 || validationEvery < 1) {
                throw new IllegalArgumentException("iaidnn training: layers, batch, decayEvery, validationEvery must "
                        + "be >= 1 and steps, decayStart >= 0 (got layers=" + layers + ", steps=" + steps
                        + ", batch=" + batchSize + ", decayStart=" + decayStart + ", decayEvery=" + decayEvery
                        + ", validationEvery=" + validationEvery + ")");
            }
            if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
                throw new IllegalArgumentException("learningRate: must be finite and > 0, got " + learningRate);
            }
            if (!(decayFactor > 0 && decayFactor <= 1)) {
                throw new IllegalArgumentException("decayFactor: must be in (0, 1], got " + decayFactor);
            }
            if (!(weightDecay >= 0)) {
                throw new IllegalArgumentException("weightDecay: must be >= 0, got " + weightDecay);
            }
            if (!(clipNorm >= 0) || Double.isInfinite(clipNorm)) {
                throw new IllegalArgumentException("clipNorm: must be finite and >= 0 (0 = none), got " + clipNorm);
            }
            if (init == null) {
                throw new IllegalArgumentException("init: required (jacobi or authors)");
            }
            if (type != DataType.FLOAT32 && type != DataType.FLOAT64) {
                throw new IllegalArgumentException("type: FLOAT32 or FLOAT64, got " + type);
            }
        }

        /**
         * The paper's schedule (§V-C: eta = 10^-3, x0.1 at 5000 and every 2500 after; L = 7) over 10^4 steps of 100
         * problems (the total and batch are not stated; ours), AdamW lambda 0.01 (PyTorch's default), the authors'
         * form and initial draw (our dimensionless form does not train: docs/iaidnn.md), no clipping.
         */
        public static Config paper(boolean shared) {
            return new Config(7, shared, false, 10_000, 100, 1e-3, 5000, 2500, 0.1, 0.01, 250, 1L, DataType.FLOAT32,
                    IaidnnWeights.Init.AUTHORS, 0, true);
        }

        /** The CLI default: the paper's with a 1/5 schedule (2000 steps, decays at 1000, 1500) and batch 32. */
        public static Config shortDefault(boolean shared) {
            return new Config(7, shared, false, 2000, 32, 1e-3, 1000, 500, 0.1, 0.01, 100, 1L, DataType.FLOAT32,
                    IaidnnWeights.Init.AUTHORS, 0, true);
        }

        /** The config in float32 arithmetic (for callers without the engine's types). */
        public static Config float32(int layers, boolean shared, boolean useY, int steps, int batchSize,
                double learningRate, int decayStart, int decayEvery, double decayFactor, double weightDecay,
                int validationEvery, long seed) {
            return new Config(layers, shared, useY, steps, batchSize, learningRate, decayStart, decayEvery,
                    decayFactor, weightDecay, validationEvery, seed, DataType.FLOAT32, IaidnnWeights.Init.JACOBI, 0, false);
        }

        /** @return eta at step t (0-based) */
        public double learningRateAt(int t) {
            if (t < decayStart) {
                return learningRate;
            }
            return learningRate * Math.pow(decayFactor, 1 + (t - decayStart) / decayEvery);
        }

        public Config with(int newLayers, int newSteps, int newBatch, int newDecayStart, int newDecayEvery,
                int newValidationEvery) {
            return new Config(newLayers, shared, useY, newSteps, newBatch, learningRate, newDecayStart, newDecayEvery,
                    decayFactor, weightDecay, newValidationEvery, seed, type, init, clipNorm, authorsForm);
        }

        public Config withOptions(boolean newShared, boolean newUseY, double newLr, long newSeed, DataType newType) {
            return new Config(layers, newShared, newUseY, steps, batchSize, newLr, decayStart, decayEvery,
                    decayFactor, weightDecay, validationEvery, newSeed, newType, init, clipNorm, authorsForm);
        }

        /** @return the config with the given initial draw, gradient clip (0 = none) and form */
        public Config withInit(IaidnnWeights.Init newInit, double newClipNorm, boolean newAuthorsForm) {
            return new Config(layers, shared, useY, steps, batchSize, learningRate, decayStart, decayEvery,
                    decayFactor, weightDecay, validationEvery, seed, type, newInit, newClipNorm, newAuthorsForm);
        }
    }

    /** One step: mean WSR of the minibatch (nat/s/Hz), the learning rate, the gradient norm. */
    public record StepRecord(int step, double meanWsr, double learningRate, double gradientNorm, boolean applied,
            double elapsedS) {
    }

    /** One validation: mean WSR (nat/s/Hz) after {@code step} steps. */
    public record ValidationRecord(int step, double meanWsr) {
    }

    /** Progress callbacks. */
    public interface Listener {
        default void onStep(StepRecord r) {
        }

        default void onValidation(ValidationRecord r) {
        }
    }

    /** The trained weights and the history. */
    public record Result(IaidnnWeights weights, List<StepRecord> steps, List<ValidationRecord> validations,
            int skippedSteps, double elapsedS) {
    }

    /**
     * Trains from {@link IaidnnWeights#initial}.
     *
     * @param config hyperparameters
     * @param trainingSample sample s of the training stream (single-cell problems of one shape)
     * @param validation validation problems of the same shape
     * @param listener progress
     */
    public static Result train(Config config, IntFunction<Problem> trainingSample, List<Problem> validation,
            Listener listener) {
        if (validation.isEmpty()) {
            throw new IllegalArgumentException("validation: at least one problem is required");
        }
        IaidnnArchitecture arch = IaidnnArchitecture.of(validation.get(0), config.layers(), config.shared(),
                config.useY()).withAuthorsForm(config.authorsForm());
        Map<String, double[]> theta = IaidnnWeights.initial(arch, config.seed(), config.init()).toArrays();
        AdamW opt = new AdamW(Config.BETA1, Config.BETA2, config.weightDecay(), Config.EPSILON);
        List<StepRecord> steps = new ArrayList<>();
        List<ValidationRecord> validations = new ArrayList<>();
        int skipped = 0;
        long t0 = System.nanoTime();
        try (NDManager root = LearnedEngine.engine().newBaseManager()) {
            var v0 = new ValidationRecord(0, validate(root, arch, theta, config, validation));
            validations.add(v0);
            listener.onValidation(v0);
            for (int t = 0; t < config.steps(); t++) {
                List<Problem> batch = new ArrayList<>(config.batchSize());
                for (int n = 0; n < config.batchSize(); n++) {
                    batch.add(trainingSample.apply(t * config.batchSize() + n));
                }
                double lr = config.learningRateAt(t);
                double meanWsr;
                double norm;
                boolean applied;
                try (NDManager m = root.newSubManager()) {
                    IaidnnNetwork.Parameters params = IaidnnNetwork.Parameters.of(arch, theta, m, config.type(), true);
                    GcnWmmseBatch b = GcnWmmseBatch.of(m, batch, Init.mrc(), config.type());
                    NDArray wsr;
                    try (GradientCollector gc = m.getEngine().newGradientCollector()) {
                        ComplexTensor v = IaidnnNetwork.forward(params, b, false);
                        wsr = IaidnnNetwork.wsr(b, v);
                        gc.backward(wsr.mean().neg());                                  // loss = -mean WSR
                    }
                    meanWsr = wsr.toType(DataType.FLOAT64, false).mean().getDouble();
                    Map<String, double[]> grads = params.gradients();
                    double s = 0;
                    for (double[] g : grads.values()) {
                        for (double x : g) {
                            s += x * x;
                        }
                    }
                    norm = Math.sqrt(s);
                    applied = Double.isFinite(meanWsr) && Double.isFinite(norm);
                    if (applied) {
                        if (config.clipNorm() > 0 && norm > config.clipNorm()) {
                            double f = config.clipNorm() / norm;                       // clip_grad_norm_
                            for (double[] g : grads.values()) {
                                for (int e = 0; e < g.length; e++) {
                                    g[e] *= f;
                                }
                            }
                        }
                        opt.step(theta, grads, lr);
                    } else {
                        skipped++;
                    }
                }
                double elapsed = (System.nanoTime() - t0) / 1e9;
                var rec = new StepRecord(t + 1, meanWsr, lr, norm, applied, elapsed);
                steps.add(rec);
                listener.onStep(rec);
                int done = t + 1;
                if (done % config.validationEvery() == 0 || done == config.steps()) {
                    var vr = new ValidationRecord(done, validate(root, arch, theta, config, validation));
                    validations.add(vr);
                    listener.onValidation(vr);
                }
            }
        }
        return new Result(new IaidnnWeights(arch, theta), steps, validations, skipped,
                (System.nanoTime() - t0) / 1e9);
    }

    /** Mean WSR (nat/s/Hz) of the network on {@code problems} from MRC starts, without gradients. */
    public static double validate(NDManager root, IaidnnArchitecture arch, Map<String, double[]> theta, Config config,
            List<Problem> problems) {
        double sum = 0;
        for (int from = 0; from < problems.size(); from += config.batchSize()) {
            List<Problem> chunk = problems.subList(from, Math.min(problems.size(), from + config.batchSize()));
            try (NDManager m = root.newSubManager()) {
                IaidnnNetwork.Parameters params = IaidnnNetwork.Parameters.of(arch, theta, m, config.type(), false);
                GcnWmmseBatch b = GcnWmmseBatch.of(m, chunk, Init.mrc(), config.type());
                sum += IaidnnNetwork.wsr(b, IaidnnNetwork.forward(params, b, false)).toType(DataType.FLOAT64, false)
                        .sum().getDouble();
            }
        }
        return sum / problems.size();
    }
}
