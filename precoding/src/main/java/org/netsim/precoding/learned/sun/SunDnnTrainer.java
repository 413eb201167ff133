package org.netsim.precoding.learned.sun;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.util.Pair;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.netsim.precoding.learned.EpochTraining;
import org.netsim.precoding.learned.LearnedEngine;
import org.netsim.precoding.learned.RmsProp;

/**
 * Supervised training of the DNN of Sun et al. ("Learning to Optimize", Section IV-C, "Training Stage"): the mean
 * squared error between the network's power fractions and the WMMSE labels ({@link SunDnnDataset}), minimised by
 * mini-batch RMSprop with decay 0.9 ({@link RmsProp}), the data shuffled every epoch. After each epoch the MSE on
 * the validation set decides: the best epoch's weights are kept (model selection, early stopping) and the learning
 * rate is multiplied by {@link Config#decayFactor()} when the validation error did not decrease (the paper:
 * "gradually decrease the learning rate when the validation error does not decrease"); training stops after
 * {@link Config#epochs()} epochs or when the learning rate has decayed below {@link Config#minLearningRate()}.
 *
 * <p>Problems come from the caller (a list or a sample function drawn from a scenario, labelled by
 * {@link SunDnnDataset}), so this module does not depend on the scenario
 * catalogue. Deterministic for a seed on a given engine and thread count.
 */
public final class SunDnnTrainer {

    private SunDnnTrainer() {
    }

    /**
     * Training hyperparameters.
     *
     * @param architecture the network
     * @param learningRate initial RMSprop learning rate (the paper: 0.001)
     * @param batchSize mini-batch size (the paper: 1000, with one million samples)
     * @param epochs maximum number of passes over the training set
     * @param rho RMSprop decay (the paper: 0.9)
     * @param epsilon RMSprop epsilon under the square root
     * @param decayFactor learning-rate factor after an epoch without validation improvement, in (0, 1]
     * @param minLearningRate training stops once the learning rate falls below this
     * @param seed seed of the initial weights and of the shuffling
     * @param device where to train
     */
    public record Config(SunDnnArchitecture architecture, double learningRate, int batchSize, int epochs, double rho,
            double epsilon, double decayFactor, double minLearningRate, long seed, Device device) {

        /** Default initial learning rate (the paper's). */
        public static final double DEFAULT_LEARNING_RATE = 1e-3;
        /** Default mini-batch size (smaller than the paper's 1000, for data sets of 10^4 to 10^5 samples). */
        public static final int DEFAULT_BATCH_SIZE = 200;
        /** Default epoch cap. */
        public static final int DEFAULT_EPOCHS = 40;

        public Config {
            if (architecture == null) {
                throw new IllegalArgumentException("architecture: must not be null");
            }
            if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
                throw new IllegalArgumentException("learningRate: must be finite and > 0, got " + learningRate);
            }
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize: must be >= 1, got " + batchSize);
            }
            if (epochs < 0) {
                throw new IllegalArgumentException("epochs: must be >= 0, got " + epochs);
            }
            if (!(decayFactor > 0 && decayFactor <= 1)) {
                throw new IllegalArgumentException("decayFactor: must be in (0, 1], got " + decayFactor);
            }
            if (!(minLearningRate >= 0)) {
                throw new IllegalArgumentException("minLearningRate: must be >= 0, got " + minLearningRate);
            }
            if (device == null) {
                throw new IllegalArgumentException("device: must not be null");
            }
        }

        /** The defaults on the CPU: learning rate 1e-3, batch 200, 40 epochs, rho 0.9, epsilon 1e-10, decay 0.5. */
        public static Config defaults(SunDnnArchitecture architecture) {
            return new Config(architecture, DEFAULT_LEARNING_RATE, DEFAULT_BATCH_SIZE, DEFAULT_EPOCHS, 0.9, 1e-10,
                    0.5, 1e-6, 1L, Device.cpu());
        }

        public Config withLearningRate(double v) {
            return new Config(architecture, v, batchSize, epochs, rho, epsilon, decayFactor, minLearningRate, seed,
                    device);
        }

        public Config withBatchSize(int v) {
            return new Config(architecture, learningRate, v, epochs, rho, epsilon, decayFactor, minLearningRate, seed,
                    device);
        }

        public Config withEpochs(int v) {
            return new Config(architecture, learningRate, batchSize, v, rho, epsilon, decayFactor, minLearningRate,
                    seed, device);
        }

        public Config withDecayFactor(double v) {
            return new Config(architecture, learningRate, batchSize, epochs, rho, epsilon, v, minLearningRate, seed,
                    device);
        }

        public Config withSeed(long v) {
            return new Config(architecture, learningRate, batchSize, epochs, rho, epsilon, decayFactor,
                    minLearningRate, v, device);
        }

        public Config withDevice(Device v) {
            return new Config(architecture, learningRate, batchSize, epochs, rho, epsilon, decayFactor,
                    minLearningRate, seed, v);
        }
    }

    /**
     * One epoch of training.
     *
     * @param epoch 1-based
     * @param trainingMse mean of the mini-batch losses of the epoch
     * @param validationMse MSE on the validation set after the epoch
     * @param learningRate the learning rate used in the epoch
     * @param elapsedMillis wall time since the start of training (labels excluded)
     */
    public record EpochRecord(int epoch, double trainingMse, double validationMse, double learningRate,
            long elapsedMillis) {
    }

    /**
     * The trained network (the best validation epoch's weights) and its history. Close it.
     *
     * @param network the trained network
     * @param history one record per epoch
     * @param initialValidationMse validation MSE of the initial network
     * @param bestEpoch the epoch whose weights were kept (0: the initial ones)
     * @param bestValidationMse its validation MSE
     * @param trainingMillis wall time of the epochs (labels excluded)
     */
    public record Result(SunDnnNetwork network, List<EpochRecord> history, double initialValidationMse,
            int bestEpoch, double bestValidationMse, long trainingMillis) implements AutoCloseable {
        @Override
        public void close() {
            network.close();
        }
    }

    /**
     * Trains a fresh network.
     *
     * @param training the labelled training set, of the config's architecture
     * @param validation the labelled validation set (distinct draws)
     * @param progress called after every epoch
     */
    public static Result train(SunDnnDataset training, SunDnnDataset validation, Config config,
            Consumer<EpochRecord> progress) {
        SunDnnArchitecture a = config.architecture();
        if (!training.architecture().equals(a) || !validation.architecture().equals(a)) {
            throw new IllegalArgumentException("training, validation: data sets of " + training.architecture()
                    + " / " + validation.architecture() + ", the config trains " + a);
        }
        float[] x = training.features();
        float[] y = training.fractions();
        float[] xv = validation.features();
        float[] yv = validation.fractions();
        int in = a.inputSize();
        int out = a.links();
        int n = training.size();

        long start = System.nanoTime();
        SunDnnNetwork net = SunDnnNetwork.initialise(a, config.seed(), config.device());
        try {
            List<Parameter> parameters = new ArrayList<>();
            for (Pair<String, Parameter> p : net.block().getParameters()) {
                parameters.add(p.getValue());
            }
            RmsProp optimiser = new RmsProp(config.learningRate(), config.rho(), config.epsilon());
            double initialMse = mse(net, xv, yv, validation.size());
            double bestMse = initialMse;
            int bestEpoch = 0;
            float[][] best = EpochTraining.snapshot(parameters);
            List<EpochRecord> history = new ArrayList<>();
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            SplittableRandom rng = new SplittableRandom(config.seed() ^ 0x5DEECE66DL);
            float[] xb = new float[config.batchSize() * in];
            float[] yb = new float[config.batchSize() * out];
            for (int epoch = 1; epoch <= config.epochs(); epoch++) {
                EpochTraining.shuffle(order, rng);
                double lossSum = 0;
                double lr = optimiser.learningRate();
                for (int first = 0; first < n; first += config.batchSize()) {
                    int b = Math.min(config.batchSize(), n - first);
                    for (int r = 0; r < b; r++) {
                        System.arraycopy(x, order[first + r] * in, xb, r * in, in);
                        System.arraycopy(y, order[first + r] * out, yb, r * out, out);
                    }
                    try (NDManager batch = net.manager().newSubManager()) {
                        NDArray xs = batch.create(FloatBuffer.wrap(xb, 0, b * in), new Shape(b, in));
                        NDArray ys = batch.create(FloatBuffer.wrap(yb, 0, b * out), new Shape(b, out));
                        try (GradientCollector gc = LearnedEngine.engine().newGradientCollector()) {
                            NDArray loss = net.forward(xs, true).sub(ys).square().mean();
                            gc.backward(loss);
                            lossSum += loss.getFloat() * b;
                        }
                        optimiser.step(net.block().getParameters());
                    }
                }
                double validationMse = mse(net, xv, yv, validation.size());
                if (validationMse < bestMse) {
                    bestMse = validationMse;
                    bestEpoch = epoch;
                    best = EpochTraining.snapshot(parameters);
                } else {
                    double next = lr * config.decayFactor();
                    if (next < config.minLearningRate()) {
                        history.add(new EpochRecord(epoch, lossSum / n, validationMse, lr, millisSince(start)));
                        progress.accept(history.get(history.size() - 1));
                        break;
                    }
                    optimiser.setLearningRate(next);
                }
                EpochRecord rec = new EpochRecord(epoch, lossSum / n, validationMse, lr, millisSince(start));
                history.add(rec);
                progress.accept(rec);
            }
            EpochTraining.restore(parameters, best);
            return new Result(net, List.copyOf(history), initialMse, bestEpoch, bestMse, millisSince(start));
        } catch (RuntimeException e) {
            net.close();
            throw e;
        }
    }

    /** @return the MSE of the network on feature rows {@code x} against label rows {@code y} */
    static double mse(SunDnnNetwork net, float[] x, float[] y, int rows) {
        int in = net.architecture().inputSize();
        int out = net.architecture().links();
        int chunk = 4096;
        double se = 0;
        for (int first = 0; first < rows; first += chunk) {
            int b = Math.min(chunk, rows - first);
            float[] xs = new float[b * in];
            System.arraycopy(x, first * in, xs, 0, b * in);
            float[] q = net.predict(xs, b);
            for (int e = 0; e < b * out; e++) {
                double d = q[e] - y[first * out + e];
                se += d * d;
            }
        }
        return se / ((double) rows * out);
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
