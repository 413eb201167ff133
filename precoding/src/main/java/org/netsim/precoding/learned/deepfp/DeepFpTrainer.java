package org.netsim.precoding.learned.deepfp;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.ejml.data.ZMatrixRMaj;
import org.netsim.precoding.Init;
import org.netsim.precoding.InitialPrecoders;
import org.netsim.precoding.PrecoderOptions;
import org.netsim.precoding.Problem;
import org.netsim.precoding.Solution;
import org.netsim.precoding.classic.FastFpPrecoder;
import org.netsim.precoding.classic.FpWorkspace;
import org.netsim.precoding.learned.Adam;
import org.netsim.precoding.learned.ComplexTensor;
import org.netsim.precoding.learned.LearnedEngine;
import org.netsim.precoding.linalg.LanczosMaxEigenvalue;

/**
 * The hybrid training of DeepFP ("DeepFP: Deep-Unfolded Fractional Programming for Massive MIMO Beamforming",
 * Section IV-D): first {@link Config#supervisedSteps} mini-batch steps on the supervised loss (53),
 * LOSS_1 = (1 / (K L)) sum_i ||V_i^T - V_i*||_F^2 with V* the FastFP solution after {@link Config#labelIterations}
 * iterations (the paper: Algorithm 1, 100 iterations) from the same random V^0, then {@link Config#wsrSteps}
 * steps on the unsupervised loss (54), LOSS_2 = -(1 / (K L)) sum_i alpha_i R_i (mean over the batch), both by Adam.
 * Precoders are compared in the normalised units of {@link DeepFpBatch} (V / sqrt(P_k)). V^0 is CN(0, 1) scaled to
 * the budgets (Section IV-D), drawn per sample from the seed.
 *
 * <p><b>Data.</b> Problems come from the caller by index (e.g. a scenario's named sample streams), so this module
 * does not depend on the scenario catalogue: supervised batches cycle through training samples 0 ..
 * labelSamples - 1 (reshuffled every pass), the unsupervised stage draws fresh samples labelSamples, labelSamples + 1,
 * ... (every batch new, so no pass over a stored set is needed). Validation: {@link Config#validationSamples}
 * samples, scored every {@link Config#validateEvery} steps and at the end by the mean weighted sum rate of DeepFP
 * and its ratio to FastFP's after labelIterations iterations from the same V^0 (the validation curve); the weights
 * of the best validation are the result (model selection).
 *
 * <p><b>Learning rate.</b> Per stage, eta_stage 2^(-s / halfLife) at step s of the stage (the paper: initial 0.005,
 * "gradually decreased").
 *
 * <p><b>Checkpoints and resume.</b> Every {@link Config#checkpointEvery} steps the listener receives a
 * {@link Checkpoint} (weights, Adam moments, best weights, history); {@link #train} started from it continues
 * exactly as the uninterrupted run (batches and learning rates are functions of the step; labels are recomputed,
 * deterministically, if the supervised stage is not finished). A step whose loss or gradient is not finite updates
 * nothing and records a NaN loss (seen rarely and not reproducibly in the small test runs, never in the shipped
 * model's run). The number of unsupervised steps may differ on
 * resume (it enters no earlier step's batch or learning rate): a run can be extended or cut short at a checkpoint. Deterministic for a seed on a given engine and thread count.
 */
public final class DeepFpTrainer {

    private DeepFpTrainer() {
    }

    /**
     * Training hyperparameters.
     *
     * @param architecture the network
     * @param supervisedSteps steps on LOSS_1 (&gt;= 0)
     * @param wsrSteps steps on LOSS_2 (&gt;= 0)
     * @param batchSize mini-batch size (the paper: 200)
     * @param labelSamples training samples labelled by FastFP for the supervised stage (&gt;= 1 if supervisedSteps &gt; 0)
     * @param validationSamples validation samples (&gt;= 1)
     * @param labelIterations FastFP iterations of the labels and the validation reference (the paper: 100)
     * @param supervisedLearningRate initial Adam learning rate of the supervised stage
     * @param wsrLearningRate initial Adam learning rate of the unsupervised stage
     * @param halfLifeSteps steps after which a stage's learning rate halves (&gt;= 1)
     * @param validateEvery validation period in steps (&gt;= 1)
     * @param checkpointEvery checkpoint period in steps (0: none but the final one)
     * @param seed seed of the weights, V^0 and shuffling
     * @param device where to train
     */
    public record Config(DeepFpArchitecture architecture, int supervisedSteps, int wsrSteps, int batchSize,
            int labelSamples, int validationSamples, int labelIterations, double supervisedLearningRate,
            double wsrLearningRate, int halfLifeSteps, int validateEvery, int checkpointEvery, long seed,
            Device device) {

        /** The paper's initial learning rate. */
        public static final double PAPER_LEARNING_RATE = 0.005;
        /** The paper's batch size. */
        public static final int PAPER_BATCH_SIZE = 200;
        /** FastFP iterations of the paper's labels and baseline. */
        public static final int PAPER_LABEL_ITERATIONS = 100;

        public Config {
            if (architecture == null) {
                throw new IllegalArgumentException("architecture: must not be null");
            }
            if (supervisedSteps < 0 || wsrSteps < 0 || supervisedSteps + wsrSteps < 1) {
                throw new IllegalArgumentException("supervisedSteps, wsrSteps: must be >= 0 with a positive sum, got "
                        + supervisedSteps + ", " + wsrSteps);
            }
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize: must be >= 1, got " + batchSize);
            }
            if (supervisedSteps > 0 && labelSamples < 1) {
                throw new IllegalArgumentException("labelSamples: must be >= 1 with supervised steps, got "
                        + labelSamples);
            }
            if (labelSamples < 0) {
                throw new IllegalArgumentException("labelSamples: must be >= 0, got " + labelSamples);
            }
            if (validationSamples < 1) {
                throw new IllegalArgumentException("validationSamples: must be >= 1, got " + validationSamples);
            }
            if (labelIterations < 1) {
                throw new IllegalArgumentException("labelIterations: must be >= 1, got " + labelIterations);
            }
            for (double lr : new double[] {supervisedLearningRate, wsrLearningRate}) {
                if (!(lr > 0) || Double.isInfinite(lr)) {
                    throw new IllegalArgumentException("learningRate: must be finite and > 0, got " + lr);
                }
            }
            if (halfLifeSteps < 1) {
                throw new IllegalArgumentException("halfLifeSteps: must be >= 1, got " + halfLifeSteps);
            }
            if (validateEvery < 1) {
                throw new IllegalArgumentException("validateEvery: must be >= 1, got " + validateEvery);
            }
            if (checkpointEvery < 0) {
                throw new IllegalArgumentException("checkpointEvery: must be >= 0, got " + checkpointEvery);
            }
            if (device == null) {
                throw new IllegalArgumentException("device: must not be null");
            }
        }

        /** The same hyperparameters on the CPU (for callers outside the learned package, which do not see DJL). */
        public Config(DeepFpArchitecture architecture, int supervisedSteps, int wsrSteps, int batchSize,
                int labelSamples, int validationSamples, int labelIterations, double supervisedLearningRate,
                double wsrLearningRate, int halfLifeSteps, int validateEvery, int checkpointEvery, long seed) {
            this(architecture, supervisedSteps, wsrSteps, batchSize, labelSamples, validationSamples, labelIterations,
                    supervisedLearningRate, wsrLearningRate, halfLifeSteps, validateEvery, checkpointEvery, seed,
                    Device.cpu());
        }

        /** @return total steps */
        public int totalSteps() {
            return supervisedSteps + wsrSteps;
        }

        /** @return the learning rate of (0-based) step {@code step} */
        public double learningRate(int step) {
            boolean supervised = step < supervisedSteps;
            int s = supervised ? step : step - supervisedSteps;
            return (supervised ? supervisedLearningRate : wsrLearningRate) * Math.pow(0.5, s / (double) halfLifeSteps);
        }
    }

    /** One training step: its (0-based) index, stage, loss and learning rate. */
    public record StepRecord(int step, String stage, double loss, double learningRate, long elapsedMillis) {
    }

    /**
     * One validation: after {@code step} steps, the mean WSR of DeepFP and its ratio to FastFP's.
     *
     * @param wsrNat mean weighted sum rate of DeepFP, nat/s/Hz
     * @param ratio wsrNat over the FastFP reference's
     */
    public record ValidationRecord(int step, double wsrNat, double ratio, long elapsedMillis) {
    }

    /** Receives progress; every method has a no-op default. */
    public interface Listener {
        default void step(StepRecord r) {
        }

        default void validation(ValidationRecord r) {
        }

        default void checkpoint(Checkpoint c) {
        }
    }

    /**
     * The state of a run after {@code step} steps: enough to continue it exactly.
     *
     * @param step steps done
     * @param initialLambda the initial lambda~ of the output biases
     * @param parameters the current weights
     * @param adam the optimiser state
     * @param best the best validation's weights
     * @param bestStep the step of the best validation
     * @param bestWsrNat its mean WSR
     * @param steps the step history
     * @param validations the validation history
     * @param elapsedMillis training time so far
     */
    public record Checkpoint(int step, double initialLambda, List<float[]> parameters, Adam.State adam,
            List<float[]> best, int bestStep, double bestWsrNat, List<StepRecord> steps,
            List<ValidationRecord> validations, long elapsedMillis) {

        private static final int MAGIC = 0x44465043; // "DFPC"

        /** @return the binary encoding ({@link #decode} reads it) */
        public byte[] encode() {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeInt(MAGIC);
                out.writeInt(step);
                out.writeDouble(initialLambda);
                writeArrays(out, parameters);
                out.writeLong(adam.steps());
                out.writeInt(adam.names().size());
                for (String n : adam.names()) {
                    out.writeUTF(n);
                }
                writeArrays(out, adam.first());
                writeArrays(out, adam.second());
                writeArrays(out, best);
                out.writeInt(bestStep);
                out.writeDouble(bestWsrNat);
                out.writeInt(steps.size());
                for (StepRecord r : steps) {
                    out.writeInt(r.step());
                    out.writeUTF(r.stage());
                    out.writeDouble(r.loss());
                    out.writeDouble(r.learningRate());
                    out.writeLong(r.elapsedMillis());
                }
                out.writeInt(validations.size());
                for (ValidationRecord r : validations) {
                    out.writeInt(r.step());
                    out.writeDouble(r.wsrNat());
                    out.writeDouble(r.ratio());
                    out.writeLong(r.elapsedMillis());
                }
                out.writeLong(elapsedMillis);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toByteArray();
        }

        /**
         * @param source for messages
         * @throws IllegalArgumentException (one line) when the bytes are not a checkpoint
         */
        public static Checkpoint decode(byte[] data, String source) {
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
                if (in.readInt() != MAGIC) {
                    throw new IllegalArgumentException(source + ": not a DeepFP checkpoint");
                }
                int step = in.readInt();
                double lambda0 = in.readDouble();
                List<float[]> params = readArrays(in);
                long adamSteps = in.readLong();
                int n = in.readInt();
                List<String> names = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    names.add(in.readUTF());
                }
                List<float[]> m = readArrays(in);
                List<float[]> v = readArrays(in);
                List<float[]> best = readArrays(in);
                int bestStep = in.readInt();
                double bestWsr = in.readDouble();
                int ns = in.readInt();
                List<StepRecord> steps = new ArrayList<>();
                for (int i = 0; i < ns; i++) {
                    steps.add(new StepRecord(in.readInt(), in.readUTF(), in.readDouble(), in.readDouble(),
                            in.readLong()));
                }
                int nv = in.readInt();
                List<ValidationRecord> vals = new ArrayList<>();
                for (int i = 0; i < nv; i++) {
                    vals.add(new ValidationRecord(in.readInt(), in.readDouble(), in.readDouble(), in.readLong()));
                }
                long elapsed = in.readLong();
                return new Checkpoint(step, lambda0, params, new Adam.State(adamSteps, names, m, v), best, bestStep,
                        bestWsr, steps, vals, elapsed);
            } catch (IOException e) {
                throw new IllegalArgumentException(source + ": truncated or corrupt DeepFP checkpoint: " + e, e);
            }
        }

        private static void writeArrays(DataOutputStream out, List<float[]> arrays) throws IOException {
            out.writeInt(arrays.size());
            for (float[] a : arrays) {
                out.writeInt(a.length);
                for (float x : a) {
                    out.writeFloat(x);
                }
            }
        }

        private static List<float[]> readArrays(DataInputStream in) throws IOException {
            int n = in.readInt();
            List<float[]> arrays = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                float[] a = new float[in.readInt()];
                for (int e = 0; e < a.length; e++) {
                    a[e] = in.readFloat();
                }
                arrays.add(a);
            }
            return arrays;
        }
    }

    /**
     * The trained network (the best validation's weights) and its history. Close it.
     *
     * @param fastFpValidationWsrNat mean WSR of the FastFP reference on the validation set
     */
    public record Result(DeepFpNetwork network, List<StepRecord> steps, List<ValidationRecord> validations,
            int bestStep, double bestWsrNat, double fastFpValidationWsrNat, double initialLambda, long trainingMillis)
            implements AutoCloseable {
        @Override
        public void close() {
            network.close();
        }
    }

    /** @return V^0 of training sample {@code index}: CN(0, 1) scaled to the budgets (Section IV-D) */
    public static ZMatrixRMaj[] initialPrecoders(Problem p, long seed, String set, int index) {
        long s = new SplittableRandom(seed ^ (set.hashCode() * 0x9E3779B97F4A7C15L) ^ (index * 0xC2B2AE3D27D4EB4FL))
                .nextLong();
        return InitialPrecoders.create(p, Init.random(s));
    }

    /** @return FastFP's precoders after {@code iterations} iterations from {@code v0} */
    public static Solution fastFp(Problem p, ZMatrixRMaj[] v0, int iterations) {
        return new FastFpPrecoder(PrecoderOptions.defaults().withMaxIterations(iterations)).solve(p, Init.given(v0));
    }

    /**
     * Trains a network, or continues a checkpointed run.
     *
     * @param training training sample by index
     * @param validation validation sample by index (distinct draws)
     * @param resume the checkpoint to continue from, or null
     */
    public static Result train(Config config, IntFunction<Problem> training, IntFunction<Problem> validation,
            Checkpoint resume, Listener listener) {
        DeepFpArchitecture a = config.architecture();
        long seed = config.seed();
        // labels: FastFP from the same V^0 (Section IV-D)
        boolean labelsNeeded = config.supervisedSteps() > 0 && (resume == null || resume.step() < config.supervisedSteps());
        int nl = labelsNeeded ? config.labelSamples() : 0;
        ZMatrixRMaj[][] labels = new ZMatrixRMaj[nl][];
        IntStream.range(0, nl).parallel().forEach(s -> {
            Problem p = training.apply(s);
            labels[s] = fastFp(p, initialPrecoders(p, seed, "train", s), config.labelIterations()).precoders();
        });
        int nv = config.validationSamples();
        List<Problem> valProblems = new ArrayList<>();
        List<ZMatrixRMaj[]> valInit = new ArrayList<>();
        double[] valFastFp = new double[nv];
        for (int s = 0; s < nv; s++) {
            Problem p = validation.apply(s);
            valProblems.add(p);
            valInit.add(initialPrecoders(p, seed, "validation", s));
        }
        IntStream.range(0, nv).parallel().forEach(s -> valFastFp[s] =
                fastFp(valProblems.get(s), valInit.get(s), config.labelIterations()).wsrNat());
        double fastFpMean = Arrays.stream(valFastFp).average().orElseThrow();

        double initialLambda = resume != null ? resume.initialLambda()
                : typicalLambda(training, seed, Math.max(1, Math.min(nl == 0 ? 8 : nl, 32)));
        DeepFpNetwork net = DeepFpNetwork.initialise(a, seed, initialLambda, config.device());
        try {
            Adam adam = Adam.withDefaults(config.learningRate(0));
            List<StepRecord> steps = new ArrayList<>();
            List<ValidationRecord> validations = new ArrayList<>();
            int first = 0;
            List<float[]> best;
            int bestStep;
            double bestWsr;
            long elapsedBefore = 0;
            if (resume != null) {
                net.restore(resume.parameters());
                adam.restore(resume.adam(), net.block().getParameters());
                best = resume.best();
                bestStep = resume.bestStep();
                bestWsr = resume.bestWsrNat();
                steps.addAll(resume.steps());
                validations.addAll(resume.validations());
                first = resume.step();
                elapsedBefore = resume.elapsedMillis();
            } else {
                double w = validate(net, a, valProblems, valInit);
                ValidationRecord v0 = new ValidationRecord(0, w, w / fastFpMean, 0);
                validations.add(v0);
                listener.validation(v0);
                best = net.snapshot();
                bestStep = 0;
                bestWsr = w;
            }
            long start = System.nanoTime();
            for (int step = first; step < config.totalSteps(); step++) {
                boolean supervised = step < config.supervisedSteps();
                List<Problem> problems = new ArrayList<>();
                List<ZMatrixRMaj[]> init = new ArrayList<>();
                List<ZMatrixRMaj[]> targets = new ArrayList<>();
                int[] indices = batchIndices(config, step);
                // drawn on this thread: drawing on the fork-join pool while the engine holds this step's arrays gave
                // rare non-reproducible NaN losses in tests (not understood; sequential drawing is reproducible)
                Problem[] drawn = new Problem[indices.length];
                for (int r = 0; r < indices.length; r++) {
                    drawn[r] = training.apply(indices[r]);
                }
                for (int r = 0; r < indices.length; r++) {
                    problems.add(drawn[r]);
                    init.add(initialPrecoders(drawn[r], seed, "train", indices[r]));
                    if (supervised) {
                        targets.add(labels[indices[r]]);
                    }
                }
                DeepFpBatch batch = DeepFpBatch.pack(a, problems, init);
                double lr = config.learningRate(step);
                adam.setLearningRate(lr);
                double loss;
                try (NDManager scope = net.manager().newSubManager()) {
                    ComplexTensor h = batch.channels(scope);
                    ComplexTensor v0 = batch.initialPrecoders(scope);
                    NDArray alpha = batch.weights(scope);
                    try (GradientCollector gc = LearnedEngine.engine().newGradientCollector()) {
                        DeepFpNetwork.Output out = net.forward(h, v0, alpha, true);
                        NDArray l;
                        long u = (long) batch.numBs() * batch.uesPerBs();
                        if (supervised) {
                            float[][] t = batch.packPrecoders(targets);
                            Shape s = out.precoders().shape();
                            ComplexTensor target = new ComplexTensor(scope.create(FloatBuffer.wrap(t[0]), s),
                                    scope.create(FloatBuffer.wrap(t[1]), s));
                            l = out.precoders().sub(target).abs2().sum().div((float) (u * batch.size())); // (53)
                        } else {
                            l = DeepFpNetwork.weightedSumRate(h, out.precoders(), alpha).mean().neg().div((float) u); // (54)
                        }
                        gc.backward(l);
                        loss = l.getFloat();
                    }
                    if (Double.isFinite(loss) && finiteGradients(net)) {
                        adam.step(net.block().getParameters());
                    } else {
                        zeroGradients(net); // a non-finite loss or gradient would poison the weights: no update
                        loss = Double.NaN;
                    }
                }
                long elapsed = elapsedBefore + (System.nanoTime() - start) / 1_000_000;
                StepRecord rec = new StepRecord(step, supervised ? "supervised" : "wsr", loss, lr, elapsed);
                steps.add(rec);
                listener.step(rec);
                int done = step + 1;
                boolean stageEnd = done == config.supervisedSteps() || done == config.totalSteps();
                if (done % config.validateEvery() == 0 || stageEnd) {
                    double w = validate(net, a, valProblems, valInit);
                    ValidationRecord v = new ValidationRecord(done, w, w / fastFpMean, elapsed);
                    validations.add(v);
                    listener.validation(v);
                    if (w > bestWsr) {
                        bestWsr = w;
                        bestStep = done;
                        best = net.snapshot();
                    }
                }
                if ((config.checkpointEvery() > 0 && done % config.checkpointEvery() == 0)
                        || done == config.totalSteps()) {
                    listener.checkpoint(new Checkpoint(done, initialLambda, net.snapshot(), adam.state(), best,
                            bestStep, bestWsr, List.copyOf(steps), List.copyOf(validations), elapsed));
                }
            }
            net.restore(best);
            long total = elapsedBefore + (System.nanoTime() - start) / 1_000_000;
            return new Result(net, List.copyOf(steps), List.copyOf(validations), bestStep, bestWsr, fastFpMean,
                    initialLambda, total);
        } catch (RuntimeException e) {
            net.close();
            throw e;
        }
    }

    /**
     * Times unsupervised training steps (forward, backward of LOSS_2 and the Adam update) on one fixed batch, for
     * benchmarks; the network's weights change.
     *
     * @param steps timed steps, after one untimed warm-up step
     * @return wall seconds per step
     */
    public static double secondsPerStep(DeepFpNetwork net, List<Problem> problems, List<ZMatrixRMaj[]> init,
            int steps) {
        DeepFpBatch batch = DeepFpBatch.pack(net.architecture(), problems, init);
        for (var p : net.block().getParameters()) {
            p.getValue().getArray().setRequiresGradient(true); // loaded parameters do not require it
        }
        Adam adam = Adam.withDefaults(1e-4);
        long start = 0;
        for (int s = 0; s <= steps; s++) {
            if (s == 1) {
                start = System.nanoTime();
            }
            try (NDManager scope = net.manager().newSubManager()) {
                ComplexTensor h = batch.channels(scope);
                NDArray alpha = batch.weights(scope);
                try (GradientCollector gc = LearnedEngine.engine().newGradientCollector()) {
                    DeepFpNetwork.Output out = net.forward(h, batch.initialPrecoders(scope), alpha, true);
                    gc.backward(DeepFpNetwork.weightedSumRate(h, out.precoders(), alpha).mean().neg());
                }
                adam.step(net.block().getParameters());
            }
        }
        return (System.nanoTime() - start) / 1e9 / Math.max(1, steps);
    }

    private static boolean finiteGradients(DeepFpNetwork net) {
        for (var p : net.block().getParameters()) {
            try (NDArray g = p.getValue().getArray().getGradient(); NDArray sum = g.sum()) {
                if (!Float.isFinite(sum.getFloat())) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void zeroGradients(DeepFpNetwork net) {
        for (var p : net.block().getParameters()) {
            try (NDArray g = p.getValue().getArray().getGradient()) {
                g.subi(g);
            }
        }
    }

    /** The training sample indices of (0-based) step {@code step}. */
    static int[] batchIndices(Config c, int step) {
        int b = c.batchSize();
        int[] out = new int[b];
        if (step < c.supervisedSteps()) {
            int n = c.labelSamples();
            for (int r = 0; r < b; r++) {
                long pos = (long) step * b + r;
                int pass = (int) (pos / n);
                out[r] = permutation(n, c.seed() ^ (0x5DEECE66DL * (pass + 1)))[(int) (pos % n)];
            }
        } else {
            int s = step - c.supervisedSteps();
            for (int r = 0; r < b; r++) {
                out[r] = c.labelSamples() + s * b + r;
            }
        }
        return out;
    }

    private static int[] permutation(int n, long seed) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** @return the mean WSR of the network on the validation problems, nat/s/Hz */
    static double validate(DeepFpNetwork net, DeepFpArchitecture a, List<Problem> problems, List<ZMatrixRMaj[]> init) {
        double sum = 0;
        int chunk = 50;
        for (int first = 0; first < problems.size(); first += chunk) {
            int last = Math.min(problems.size(), first + chunk);
            DeepFpBatch batch = DeepFpBatch.pack(a, problems.subList(first, last), init.subList(first, last));
            try (NDManager scope = net.manager().newSubManager()) {
                ComplexTensor h = batch.channels(scope);
                NDArray alpha = batch.weights(scope);
                DeepFpNetwork.Output out = net.forward(h, batch.initialPrecoders(scope), alpha, false);
                for (float w : DeepFpNetwork.weightedSumRate(h, out.precoders(), alpha).toFloatArray()) {
                    sum += w;
                }
            }
        }
        return sum / problems.size();
    }

    /**
     * The median over the first {@code n} training samples and their BSs of P_k lambda_max(L_k) at V^0: the
     * dimensionless lambda~ of FastFP's first iteration (eq. (34)), the output bias the layers start from.
     */
    static double typicalLambda(IntFunction<Problem> training, long seed, int n) {
        List<Double> values = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            Problem p = training.apply(s);
            FpWorkspace ws = new FpWorkspace(p);
            ws.setPrecoders(initialPrecoders(p, seed, "train", s));
            ws.refresh();
            for (int k = 0; k < p.numBs(); k++) {
                if (ws.cols(k) > 0) {
                    values.add(p.bsPowerW(k) * new LanczosMaxEigenvalue(p.bsAntennas(k)).largest(ws.gram(k)));
                }
            }
        }
        if (values.isEmpty()) {
            return 1.0;
        }
        values.sort(null);
        double m = values.get(values.size() / 2);
        return m > 0 ? m : 1.0;
    }
}
