package org.netsim.precoding.learned.uwmmse;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.netsim.precoding.Problem;
import org.netsim.precoding.learned.LearnedEngine;
import org.netsim.precoding.learned.gcn.AdamW;

/**
 * Unsupervised training of UWMMSE ("Unfolding WMMSE using graph neural networks"): loss = -(mean over the
 * minibatch of the sum rate after the L-th layer) in nat/s/Hz, minimised by Adam (beta1 0.9, beta2 0.999,
 * epsilon 1e-8) over the float64 {@link UwmmseNetwork}; every step draws a fresh minibatch from the sampler
 * (problem index t * B + n for step t). The validation sum rate (mean over the validation set, double-precision
 * {@link UwmmseExecutor}) is recorded before training and every {@code validateEvery} steps; the returned weights
 * are those of the best validation (the initial weights if no step improves it).
 */
public final class UwmmseTrainer {

    private UwmmseTrainer() {
    }

    /**
     * @param layers L &gt;= 1
     * @param hidden H &gt;= 1
     * @param steps T &gt;= 1
     * @param batchSize B &gt;= 1
     * @param learningRate eta &gt; 0
     * @param initStd std of the initial GCN weights ({@link UwmmseWeights#initial})
     * @param validateEvery steps between validations &gt;= 1
     * @param seed seed of the initial weights
     */
    public record Config(int layers, int hidden, int steps, int batchSize, double learningRate, double initStd,
            int validateEvery, long seed) {
        public Config {
            if (layers < 1 || hidden < 1) {
                throw new IllegalArgumentException("layers, hidden: must be >= 1, got " + layers + ", " + hidden);
            }
            if (steps < 1) {
                throw new IllegalArgumentException("steps: must be >= 1, got " + steps);
            }
            if (batchSize < 1) {
                throw new IllegalArgumentException("batch: must be >= 1, got " + batchSize);
            }
            if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
                throw new IllegalArgumentException("learning-rate: must be finite and > 0, got " + learningRate);
            }
            if (!(initStd >= 0) || Double.isInfinite(initStd)) {
                throw new IllegalArgumentException("init-std: must be finite and >= 0, got " + initStd);
            }
            if (validateEvery < 1) {
                throw new IllegalArgumentException("validate-every: must be >= 1, got " + validateEvery);
            }
        }

        /** L = 4, H = 4 (Section V-A); 500 steps of 32 problems, eta = 1e-3, init std 0.1, validation every 50. */
        public static Config defaults() {
            return new Config(UwmmseWeights.PAPER_LAYERS, UwmmseWeights.PAPER_HIDDEN, 500, 32, 1e-3, 0.1, 50, 0);
        }
    }

    /** One training step: its mean training sum rate in nat/s/Hz. */
    public record StepRecord(int step, double trainSumRateNat, double elapsedS) {
    }

    /** One validation: mean validation sum rate in nat/s/Hz after {@code step} steps. */
    public record ValidationRecord(int step, double sumRateNat) {
    }

    /** Progress callbacks. */
    public interface Listener {
        /** After each step. */
        default void onStep(StepRecord r) {
        }

        /** After each validation. */
        default void onValidation(ValidationRecord r) {
        }
    }

    /**
     * @param best the weights of the best validation
     * @param last the weights after the last step
     * @param steps every step
     * @param validations every validation
     * @param wallTimeS training time
     */
    public record Result(UwmmseWeights best, UwmmseWeights last, List<StepRecord> steps,
            List<ValidationRecord> validations, double wallTimeS) {
        /** @return the best validation sum rate */
        public double bestValidationNat() {
            return validations.stream().mapToDouble(ValidationRecord::sumRateNat).max().orElse(Double.NaN);
        }
    }

    /** @return the mean sum rate of {@code weights} over {@code problems} (Java executor) */
    public static double meanSumRateNat(UwmmseWeights weights, List<Problem> problems) {
        double s = 0;
        for (Problem p : problems) {
            UwmmseExecutor.Channels ch = UwmmseExecutor.channels(p);
            s += UwmmseExecutor.sumRateNat(ch, UwmmseExecutor.run(weights, ch));
        }
        return s / problems.size();
    }

    /**
     * The loss and its gradient on one batch (float64 DJL), without changing anything.
     *
     * @return the mean sum rate (nat/s/Hz, = -loss) and d(mean sum rate)/d(theta) by tensor name
     */
    public static Map.Entry<Double, Map<String, double[]>> sumRateAndGradient(UwmmseWeights weights,
            List<Problem> batch) {
        try (NDManager m = LearnedEngine.engine().newBaseManager()) {
            return step(m, weights, batch, 1.0);
        }
    }

    private static Map.Entry<Double, Map<String, double[]>> step(NDManager m, UwmmseWeights weights,
            List<Problem> batch, double sign) {
        Map<String, NDArray> params = UwmmseNetwork.parameters(weights, m, true);
        UwmmseNetwork.Batch b = UwmmseNetwork.Batch.of(m, batch);
        NDArray rate;
        try (GradientCollector gc = m.getEngine().newGradientCollector()) {
            rate = UwmmseNetwork.sumRate(b, UwmmseNetwork.forward(params, b, weights.layers())).mean();
            gc.backward(sign > 0 ? rate : rate.neg());
        }
        Map<String, double[]> grads = new LinkedHashMap<>();
        params.forEach((name, a) -> grads.put(name, a.getGradient().toType(DataType.FLOAT64, false)
                .toDoubleArray()));
        return Map.entry(rate.getDouble(), grads);
    }

    /**
     * Trains from {@link UwmmseWeights#initial}.
     *
     * @param sampler training problem by index (fresh problems each step)
     * @param validation validation problems (at least one)
     */
    public static Result train(Config config, IntFunction<Problem> sampler, List<Problem> validation,
            Listener listener) {
        if (validation.isEmpty()) {
            throw new IllegalArgumentException("validation: at least one problem is required");
        }
        long t0 = System.nanoTime();
        UwmmseWeights current = UwmmseWeights.initial(config.layers(), config.hidden(), config.initStd(),
                config.seed());
        Map<String, double[]> theta = current.toArrays();
        AdamW adam = new AdamW(0.9, 0.999, 0.0, 1e-8);
        List<StepRecord> steps = new ArrayList<>();
        List<ValidationRecord> validations = new ArrayList<>();
        UwmmseWeights best = current;
        double bestRate = meanSumRateNat(current, validation);
        ValidationRecord v0 = new ValidationRecord(0, bestRate);
        validations.add(v0);
        listener.onValidation(v0);
        try (NDManager root = LearnedEngine.engine().newBaseManager()) {
            for (int t = 0; t < config.steps(); t++) {
                List<Problem> batch = new ArrayList<>(config.batchSize());
                for (int n = 0; n < config.batchSize(); n++) {
                    batch.add(sampler.apply(t * config.batchSize() + n));
                }
                double rate;
                try (NDManager m = root.newSubManager()) {
                    var r = step(m, current, batch, -1.0); // gradient of the loss -rate
                    rate = r.getKey();
                    boolean finite = Double.isFinite(rate) && r.getValue().values().stream()
                            .allMatch(g -> java.util.Arrays.stream(g).allMatch(Double::isFinite));
                    if (finite) {
                        adam.step(theta, r.getValue(), config.learningRate());
                        current = new UwmmseWeights(config.layers(), config.hidden(), theta);
                    }
                }
                StepRecord sr = new StepRecord(t + 1, rate, (System.nanoTime() - t0) / 1e9);
                steps.add(sr);
                listener.onStep(sr);
                if ((t + 1) % config.validateEvery() == 0 || t + 1 == config.steps()) {
                    double v = meanSumRateNat(current, validation);
                    ValidationRecord vr = new ValidationRecord(t + 1, v);
                    validations.add(vr);
                    listener.onValidation(vr);
                    if (v > bestRate) {
                        bestRate = v;
                        best = current;
                    }
                }
            }
        }
        return new Result(best, current, steps, validations, (System.nanoTime() - t0) / 1e9);
    }
}
