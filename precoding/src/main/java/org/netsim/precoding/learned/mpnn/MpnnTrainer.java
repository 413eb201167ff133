package org.netsim.precoding.learned.mpnn;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.netsim.precoding.learned.EpochTraining;
import org.netsim.precoding.Init;
import org.netsim.precoding.Problem;
import org.netsim.precoding.learned.Adam;
import org.netsim.precoding.learned.ComplexTensor;
import org.netsim.precoding.learned.LearnedEngine;

/**
 * Unsupervised training of the StructuralMPNN (Song et al., Section VI-B and Table III): the loss is the negative
 * sum rate of problem (2) of the network's final precoders (no labels), averaged over a mini-batch and minimised by
 * AdamW ({@link Adam} with decoupled weight decay; beta = (0.9, 0.999), weight decay 0.01) with the learning rate
 * decayed by a cosine from 10^-3 to 10^-5 over all steps:
 * <pre>
 *   eta_s = eta_min + (eta_0 - eta_min) (1 + cos(pi s / S)) / 2,   s = 0 .. S - 1 mini-batch steps.
 * </pre>
 * The data are reshuffled every epoch; after each epoch the mean sum rate on the validation set decides which
 * epoch's weights are kept. The paper trains 400 epochs on 100,000 samples (small scale) with mini-batches of 256
 * (512 for the moderate and large scales); the defaults here are shorter ({@link Config#defaults}).
 *
 * <p>A mini-batch whose gradient is not finite (seen occasionally at learning rates of 10^-2 on small problems)
 * is skipped, its gradient zeroed, and counted in {@link EpochRecord#skippedSteps()}.
 *
 * <p>Problems come from the caller (so this module does not depend on the scenario catalogue); the inputs start
 * from zero forcing, as in the paper. Deterministic for a seed on a given engine and thread count.
 */
public final class MpnnTrainer {

    private MpnnTrainer() {
    }

    /**
     * Training hyperparameters.
     *
     * @param architecture the network
     * @param learningRate initial learning rate eta_0 (the paper: 10^-3)
     * @param minLearningRate final learning rate of the cosine decay (the paper: 10^-5)
     * @param weightDecay AdamW's decoupled decay (the paper: 0.01)
     * @param batchSize mini-batch size (the paper: 256 small scale, 512 moderate and large)
     * @param epochs passes over the training set (the paper: 400)
     * @param seed seed of the initial weights and of the shuffling
     * @param device where to train
     */
    public record Config(MpnnArchitecture architecture, double learningRate, double minLearningRate,
            double weightDecay, int batchSize, int epochs, long seed, Device device) {

        /** The paper's initial learning rate. */
        public static final double DEFAULT_LEARNING_RATE = 1e-3;
        /** The paper's final learning rate. */
        public static final double DEFAULT_MIN_LEARNING_RATE = 1e-5;
        /** The paper's weight decay. */
        public static final double DEFAULT_WEIGHT_DECAY = 0.01;
        /** The paper's small-scale mini-batch. */
        public static final int DEFAULT_BATCH_SIZE = 256;
        /** A short default (the paper: 400 epochs of 100,000 samples). */
        public static final int DEFAULT_EPOCHS = 20;
        /** AdamW's moment decays (Table III). */
        public static final double BETA1 = 0.9;
        public static final double BETA2 = 0.999;
        /** AdamW's epsilon (PyTorch's default). */
        public static final double EPSILON = 1e-8;

        public Config {
            if (architecture == null) {
                throw new IllegalArgumentException("architecture: must not be null");
            }
            if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
                throw new IllegalArgumentException("learningRate: must be finite and > 0, got " + learningRate);
            }
            if (!(minLearningRate > 0 && minLearningRate <= learningRate)) {
                throw new IllegalArgumentException("minLearningRate: must be in (0, learningRate], got "
                        + minLearningRate);
            }
            if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
                throw new IllegalArgumentException("weightDecay: must be finite and >= 0, got " + weightDecay);
            }
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize: must be >= 1, got " + batchSize);
            }
            if (epochs < 0) {
                throw new IllegalArgumentException("epochs: must be >= 0, got " + epochs);
            }
            if (device == null) {
                throw new IllegalArgumentException("device: must not be null");
            }
        }

        /** Table III with the short defaults: lr 1e-3 to 1e-5, decay 0.01, batch 256, 20 epochs, seed 1, CPU. */
        public static Config defaults(MpnnArchitecture a) {
            return new Config(a, DEFAULT_LEARNING_RATE, DEFAULT_MIN_LEARNING_RATE, DEFAULT_WEIGHT_DECAY,
                    DEFAULT_BATCH_SIZE, DEFAULT_EPOCHS, 1L, Device.cpu());
        }

        public Config withLearningRate(double v) {
            return new Config(architecture, v, Math.min(minLearningRate, v), weightDecay, batchSize, epochs, seed,
                    device);
        }

        public Config withBatchSize(int v) {
            return new Config(architecture, learningRate, minLearningRate, weightDecay, v, epochs, seed, device);
        }

        public Config withEpochs(int v) {
            return new Config(architecture, learningRate, minLearningRate, weightDecay, batchSize, v, seed, device);
        }

        public Config withSeed(long v) {
            return new Config(architecture, learningRate, minLearningRate, weightDecay, batchSize, epochs, v, device);
        }

        /** @return the learning rate of step s of {@code total} (cosine decay) */
        public double learningRateAt(long s, long total) {
            if (total <= 1) {
                return learningRate;
            }
            return minLearningRate + (learningRate - minLearningRate) * 0.5 * (1 + Math.cos(Math.PI * s / total));
        }
    }

    /**
     * One epoch.
     *
     * @param epoch 1-based
     * @param trainingSumRateNat mean sum rate over the epoch's mini-batches (the negative loss), nat/s/Hz
     * @param validationSumRateNat mean sum rate on the validation set after the epoch, nat/s/Hz
     * @param learningRate the learning rate at the epoch's last step
     * @param skippedSteps mini-batch steps skipped because a gradient was not finite
     * @param elapsedMillis wall time since the start of training
     */
    public record EpochRecord(int epoch, double trainingSumRateNat, double validationSumRateNat, double learningRate,
            int skippedSteps, long elapsedMillis) {
    }

    /**
     * The trained network (the best validation epoch's weights) and its history. Close it.
     *
     * @param bestEpoch the epoch whose weights were kept (0: the initial ones)
     */
    public record Result(MpnnNetwork network, List<EpochRecord> history, double initialValidationSumRateNat,
            int bestEpoch, double bestValidationSumRateNat, long trainingMillis) implements AutoCloseable {
        @Override
        public void close() {
            network.close();
        }
    }

    /**
     * Trains a fresh network.
     *
     * @param training training problems (the architecture's sizes)
     * @param validation validation problems (distinct draws)
     * @param progress called after every epoch
     */
    public static Result train(List<Problem> training, List<Problem> validation, Config config,
            Consumer<EpochRecord> progress) {
        MpnnArchitecture a = config.architecture();
        MpnnNetwork.Inputs tr = MpnnNetwork.inputs(a, training, Init.zf());
        MpnnNetwork.Inputs va = MpnnNetwork.inputs(a, validation, Init.zf());
        long start = System.nanoTime();
        MpnnNetwork net = MpnnNetwork.initialise(a, config.seed(), config.device());
        try {
            List<Parameter> parameters = new ArrayList<>();
            for (Pair<String, Parameter> p : net.block().getParameters()) {
                parameters.add(p.getValue());
            }
            Adam optimiser = new Adam(config.learningRate(), Config.BETA1, Config.BETA2, Config.EPSILON,
                    config.weightDecay());
            int chunk = Math.max(config.batchSize(), 256);
            double initial = net.meanSumRateNat(va, chunk);
            double best = initial;
            int bestEpoch = 0;
            float[][] bestWeights = EpochTraining.snapshot(parameters);
            List<EpochRecord> history = new ArrayList<>();
            int n = tr.size();
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            SplittableRandom rng = new SplittableRandom(config.seed() ^ 0x5DEECE66DL);
            int hs = a.pairChannelSize();
            int vs = a.precoderSize();
            int b0 = Math.min(config.batchSize(), n);
            MpnnNetwork.Inputs batch = new MpnnNetwork.Inputs(b0, new float[b0 * hs], new float[b0 * hs],
                    new float[b0 * vs], new float[b0 * vs]);
            long stepsPerEpoch = (n + config.batchSize() - 1) / config.batchSize();
            long total = stepsPerEpoch * config.epochs();
            long step = 0;
            for (int epoch = 1; epoch <= config.epochs(); epoch++) {
                EpochTraining.shuffle(order, rng);
                double rateSum = 0;
                int skipped = 0;
                for (int first = 0; first < n; first += config.batchSize()) {
                    int b = Math.min(config.batchSize(), n - first);
                    for (int r = 0; r < b; r++) {
                        int s = order[first + r];
                        System.arraycopy(tr.hRe(), s * hs, batch.hRe(), r * hs, hs);
                        System.arraycopy(tr.hIm(), s * hs, batch.hIm(), r * hs, hs);
                        System.arraycopy(tr.vRe(), s * vs, batch.vRe(), r * vs, vs);
                        System.arraycopy(tr.vIm(), s * vs, batch.vIm(), r * vs, vs);
                    }
                    optimiser.setLearningRate(config.learningRateAt(step++, total));
                    try (NDManager scope = net.manager().newSubManager()) {
                        ComplexTensor[] t = net.tensors(scope, batch, 0, b);
                        try (GradientCollector gc = LearnedEngine.engine().newGradientCollector()) {
                            NDArray rate = MpnnNetwork.sumRateNat(t[0], net.forward(t[0], t[1])).mean();
                            gc.backward(rate.neg());
                            rateSum += rate.getFloat() * b;
                        }
                        if (EpochTraining.gradientsFinite(parameters)) {
                            optimiser.step(net.block().getParameters());
                        } else {
                            skipped++;
                            EpochTraining.zeroGradients(parameters);
                        }
                    }
                }
                double v = net.meanSumRateNat(va, chunk);
                if (v > best) {
                    best = v;
                    bestEpoch = epoch;
                    bestWeights = EpochTraining.snapshot(parameters);
                }
                EpochRecord rec = new EpochRecord(epoch, rateSum / n, v, optimiser.learningRate(), skipped,
                        (System.nanoTime() - start) / 1_000_000);
                history.add(rec);
                progress.accept(rec);
            }
            EpochTraining.restore(parameters, bestWeights);
            return new Result(net, List.copyOf(history), initial, bestEpoch, best,
                    (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            net.close();
            throw e;
        }
    }
}
