package org.netsim.precoding.learned.pgd;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.netsim.precoding.Init;
import org.netsim.precoding.InitialPrecoders;
import org.netsim.precoding.Problem;
import org.netsim.precoding.learned.LearnedEngine;
import org.netsim.precoding.learned.gcn.AdamW;
import org.netsim.precoding.learned.gcn.GcnWmmseBatch;

/**
 * Unsupervised training of the unfolded PGD WMMSE step sizes (GCN-WMMSE paper "Coordinated Sum-Rate Maximization
 * in Multicell MU-MIMO with Deep Unrolling", §V-B): SGD on the loss (16) with the layer set L = {1..L},
 * <pre>
 *   J(T_t; theta) = 1 / (|T_t| L) sum_n sum_{l=1..L} -R_Sigma(V_n^(l)) / r_n^(l),   r_n^(l) = |R_Sigma(V_n^(l))| (no gradient)
 * </pre>
 * (every sample and layer weighs the same, so J is always -1 and the trainer reports the minibatch's mean WSR of
 * V^(L) instead). Optimiser {@link AdamW} of Table I (beta1, beta2, lambda) = (0.9, 0.99, 1e-3) on theta
 * ({@link StepParametrisation}: gamma = exp(theta) or 2 theta), learning rate 0.01 multiplied by 0.1 after every
 * 5000 steps, T = 20000 steps, minibatches of 100 fresh realisations (sample s = t |T_t| + n of the caller's
 * sampler), no gradient clipping; all configurable ({@link Config#paper}, {@link Config#authors}). The network
 * input is the MRC start.
 *
 * <p>Initial steps: every gamma_lq = {@link Config#initialStep} or, when it is NaN ({@link Config#paper}),
 * 1 / E[lambda], lambda = max_k lambda_max(R_k) of the first layer on the first minibatch (a step that contracts
 * every BS's quadratic at the start; gamma &lt; 2 / lambda_max is the PGD stability bound). Validation: mean WSR of
 * V^(L) on the validation problems at step 0, every {@link Config#validationEvery} steps and at the end. A step with a
 * non-finite loss or gradient is skipped (counted). No checkpoints: the parameters are L Q numbers and a run of
 * the documented schedule takes minutes.
 *
 * <p><b>Units.</b> With P_k and sigma_i^2 divided by u (channels unchanged) the layers compute the same precoders up
 * to the factor u^-1/2 when gamma' = gamma_W / u ({@link #stepsInWatts}); the data-driven initial step scales the
 * same way, so the start is the same function in any unit. What the unit changes is the optimiser's view:
 * with {@link StepParametrisation#LOG} only the weight decay (towards gamma' = 1) sees it, with
 * {@link StepParametrisation#LINEAR} Adam's additive steps of about eta on theta = gamma' / 2 do. The authors'
 * implementation takes powers in mW (10^(dBm / 10)), steps of the gradient 2 (R_k V - V~) with the step sizes
 * themselves as parameters, every one initialised to 1, i.e. LINEAR, u = 1 mW, gamma0' = 2
 * ({@link Config#initialStep} in the training unit). {@link Config#powerUnitW()} is the unit the network sees in
 * training and validation; the result holds step sizes for problems in W, so every executor runs in W.
 */
public final class UnfoldedPgdTrainer {

    private UnfoldedPgdTrainer() {
    }

    /**
     * Hyperparameters.
     *
     * @param layers L
     * @param substeps Q
     * @param steps T
     * @param batchSize |T_t|
     * @param learningRate eta at step 0
     * @param decaySteps eta multiplied by {@code decayFactor} after every this many steps
     * @param decayFactor in (0, 1]
     * @param beta1 AdamW
     * @param beta2 AdamW
     * @param weightDecay AdamW lambda (on rho)
     * @param initialStep gamma at the start (&gt; 0), or NaN for the data-driven start (class comment)
     * @param validationEvery steps between validations
     * @param seed recorded in the card (the initial steps are deterministic)
     * @param type FLOAT32 or FLOAT64
     * @param powerUnitW the power unit u in W in which the network sees P_k and sigma_i^2 while it trains (class
     *        comment); {@link #initialStep} is in the matching unit 1 / (units of R_k) = u^-1 gamma_W
     * @param parametrisation how the trained numbers give gamma ({@link StepParametrisation})
     */
    public record Config(int layers, int substeps, int steps, int batchSize, double learningRate, int decaySteps,
            double decayFactor, double beta1, double beta2, double weightDecay, double initialStep,
            int validationEvery, long seed, DataType type, double powerUnitW, StepParametrisation parametrisation) {

        /** AdamW's epsilon (PyTorch's default). */
        public static final double EPSILON = 1e-8;

        public Config {
            positive(layers, "layers");
            positive(substeps, "substeps");
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
            if (!Double.isNaN(initialStep) && !(initialStep > 0 && Double.isFinite(initialStep))) {
                throw new IllegalArgumentException("initialStep: must be finite and > 0 (or NaN: from data), got "
                        + initialStep);
            }
            positive(validationEvery, "validationEvery");
            if (type != DataType.FLOAT32 && type != DataType.FLOAT64) {
                throw new IllegalArgumentException("type: FLOAT32 or FLOAT64, got " + type);
            }
            if (!(powerUnitW > 0) || Double.isInfinite(powerUnitW)) {
                throw new IllegalArgumentException("powerUnit: must be finite and > 0 W, got " + powerUnitW);
            }
            if (parametrisation == null) {
                throw new IllegalArgumentException("parametrisation: LOG or LINEAR, got none");
            }
            new AdamW(beta1, beta2, weightDecay, EPSILON); // validates the optimiser's values
        }

        /** §V-B: L = 7, Q = 16, T = 20000, batch 100, eta 0.01 x 0.1 every 5000, AdamW (0.9, 0.99, 1e-3). */
        public static Config paper() {
            return new Config(7, 16, 20_000, 100, 0.01, 5000, 0.1, 0.9, 0.99, 1e-3, Double.NaN, 100, 1L,
                    DataType.FLOAT64, 1.0, StepParametrisation.LOG);
        }

        public Config withPowerUnit(double unitW) {
            return new Config(layers, substeps, steps, batchSize, learningRate, decaySteps, decayFactor, beta1, beta2,
                    weightDecay, initialStep, validationEvery, seed, type, unitW, parametrisation);
        }

        public Config withParametrisation(StepParametrisation p) {
            return new Config(layers, substeps, steps, batchSize, learningRate, decaySteps, decayFactor, beta1, beta2,
                    weightDecay, initialStep, validationEvery, seed, type, powerUnitW, p);
        }

        /**
         * {@link #paper} with the authors' implementation's choices the paper does not state (the shipped model's):
         * powers in mW, {@link StepParametrisation#LINEAR}, every step 1 on the gradient 2 (R_k V - V~), i.e.
         * gamma0 = 2 in mW units.
         */
        public static Config authors() {
            return paper().withPowerUnit(1e-3).withParametrisation(StepParametrisation.LINEAR).withInitialStep(2.0);
        }

        /** @return the learning rate of step t (0-based) */
        public double learningRateAt(int t) {
            return learningRate * Math.pow(decayFactor, t / decaySteps);
        }

        public Config withSizes(int l, int q) {
            return new Config(l, q, steps, batchSize, learningRate, decaySteps, decayFactor, beta1, beta2,
                    weightDecay, initialStep, validationEvery, seed, type, powerUnitW, parametrisation);
        }

        public Config withSteps(int t, int batch) {
            return new Config(layers, substeps, t, batch, learningRate, decaySteps, decayFactor, beta1, beta2,
                    weightDecay, initialStep, validationEvery, seed, type, powerUnitW, parametrisation);
        }

        public Config withLearningRate(double eta, int every, double factor) {
            return new Config(layers, substeps, steps, batchSize, eta, every, factor, beta1, beta2, weightDecay,
                    initialStep, validationEvery, seed, type, powerUnitW, parametrisation);
        }

        public Config withWeightDecay(double lambda) {
            return new Config(layers, substeps, steps, batchSize, learningRate, decaySteps, decayFactor, beta1, beta2,
                    lambda, initialStep, validationEvery, seed, type, powerUnitW, parametrisation);
        }

        public Config withInitialStep(double gamma) {
            return new Config(layers, substeps, steps, batchSize, learningRate, decaySteps, decayFactor, beta1, beta2,
                    weightDecay, gamma, validationEvery, seed, type, powerUnitW, parametrisation);
        }

        public Config withValidationEvery(int every) {
            return new Config(layers, substeps, steps, batchSize, learningRate, decaySteps, decayFactor, beta1, beta2,
                    weightDecay, initialStep, every, seed, type, powerUnitW, parametrisation);
        }

        public Config withSeed(long s) {
            return new Config(layers, substeps, steps, batchSize, learningRate, decaySteps, decayFactor, beta1, beta2,
                    weightDecay, initialStep, validationEvery, s, type, powerUnitW, parametrisation);
        }

        public Config withType(DataType t) {
            return new Config(layers, substeps, steps, batchSize, learningRate, decaySteps, decayFactor, beta1, beta2,
                    weightDecay, initialStep, validationEvery, seed, t, powerUnitW, parametrisation);
        }

        /** @return this config with {@code float32} or {@code float64} arithmetic (an error names the value) */
        public Config withPrecision(String precision) {
            return switch (precision) {
                case "float64" -> withType(DataType.FLOAT64);
                case "float32" -> withType(DataType.FLOAT32);
                default -> throw new IllegalArgumentException("precision: float32 or float64, got '" + precision
                        + "'");
            };
        }

        /** @return {@code float32} or {@code float64} */
        public String precision() {
            return type == DataType.FLOAT64 ? "float64" : "float32";
        }

        private static void positive(int v, String name) {
            if (v < 1) {
                throw new IllegalArgumentException(name + ": must be >= 1, got " + v);
            }
        }
    }

    /**
     * How the trained numbers theta give the step sizes (in the training unit). The optimiser, its weight decay
     * (which pulls theta towards 0) and therefore the path of training differ; the trained model stores
     * rho = ln gamma_W either way.
     */
    public enum StepParametrisation {
        /** gamma = exp(theta) ({@link UnfoldedPgdSteps}): Adam's additive steps are multiplicative on gamma. */
        LOG,
        /**
         * gamma = 2 theta: the step size multiplies the gradient 2 (R_k V - V~) of the WMMSE objective (2), as in
         * the authors' implementation. The model stores ln gamma, so after every optimiser step theta is kept at
         * or above {@link #LINEAR_FLOOR} times its initial value (a projected optimiser step; the authors' steps
         * are unconstrained and may turn negative, which this project's models cannot hold).
         */
        LINEAR;

        /** The floor of a LINEAR theta, relative to its initial value. */
        public static final double LINEAR_FLOOR = 1e-9;

        /** @return theta for the step size gamma &gt; 0 */
        double theta(double gamma) {
            return this == LOG ? Math.log(gamma) : gamma / 2;
        }

        /** @return gamma of theta */
        double gamma(double theta) {
            return this == LOG ? Math.exp(theta) : 2 * theta;
        }
    }

    /** One training step: mean WSR of V^(L) on the minibatch (nat/s/Hz), learning rate, |grad|, applied. */
    public record StepRecord(int step, double trainingWsr, double learningRate, double gradientNorm, boolean applied,
            double elapsedS) {
    }

    /** One validation: mean WSR of V^(L) in nat/s/Hz. */
    public record ValidationRecord(int step, double validationWsr) {
    }

    /** Progress reports; the caller writes files. */
    public interface Listener {
        default void onStep(StepRecord record) {
        }

        default void onValidation(ValidationRecord record) {
        }
    }

    /**
     * The result of a run.
     *
     * @param steps the trained step sizes
     * @param initialStep the gamma every step started from, for problems in W (u times the training unit's)
     * @param history per step
     * @param validations per validation (first at step 0)
     * @param skippedSteps steps not applied (non-finite loss or gradient)
     * @param elapsedS wall time in s
     */
    public record Result(UnfoldedPgdSteps steps, double initialStep, List<StepRecord> history,
            List<ValidationRecord> validations, int skippedSteps, double elapsedS) {
    }

    /**
     * Trains.
     *
     * @param config hyperparameters
     * @param trainingSample sample s of the training stream
     * @param validation validation problems (the training problems' shape)
     * @param listener progress
     */
    public static Result train(Config config, IntFunction<Problem> trainingSample, List<Problem> validation,
            Listener listener) {
        if (validation.isEmpty()) {
            throw new IllegalArgumentException("validation: at least one problem is required");
        }
        long t0 = System.nanoTime();
        double unit = config.powerUnitW();
        IntFunction<Problem> sample = s -> Problem.inPowerUnit(trainingSample.apply(s), unit);
        List<Problem> validationInUnit = new ArrayList<>(validation.size());
        for (Problem p : validation) {
            validationInUnit.add(Problem.inPowerUnit(p, unit));
        }
        double gamma0 = config.initialStep();
        if (Double.isNaN(gamma0)) {
            double sum = 0;
            for (int n = 0; n < config.batchSize(); n++) {
                sum += firstLayerScale(sample.apply(n));
            }
            gamma0 = config.batchSize() / sum;
        }
        StepParametrisation par = config.parametrisation();
        double[] theta = new double[config.layers() * config.substeps()];
        java.util.Arrays.fill(theta, par.theta(gamma0));
        double floor = StepParametrisation.LINEAR_FLOOR * par.theta(gamma0);
        Map<String, double[]> params = new java.util.LinkedHashMap<>();
        params.put("theta", theta);
        AdamW opt = new AdamW(config.beta1(), config.beta2(), config.weightDecay(), Config.EPSILON);
        List<StepRecord> history = new ArrayList<>();
        List<ValidationRecord> validations = new ArrayList<>();
        int skipped = 0;
        Engine engine = LearnedEngine.engine();
        try (NDManager root = engine.newBaseManager()) {
            ValidationRecord v0 = new ValidationRecord(0, validate(root, config, theta, validationInUnit));
            validations.add(v0);
            listener.onValidation(v0);
            for (int t = 0; t < config.steps(); t++) {
                List<Problem> batch = new ArrayList<>(config.batchSize());
                for (int n = 0; n < config.batchSize(); n++) {
                    batch.add(sample.apply(t * config.batchSize() + n));
                }
                double lr = config.learningRateAt(t);
                double meanWsr;
                double norm;
                boolean applied;
                try (NDManager m = root.newSubManager()) {
                    NDArray param = UnfoldedPgdNetwork.constant(m, theta, new Shape(theta.length), config.type());
                    param.setRequiresGradient(true);
                    GcnWmmseBatch b = GcnWmmseBatch.of(m, batch, Init.mrc(), config.type());
                    NDArray last;
                    try (GradientCollector gc = engine.newGradientCollector()) {
                        UnfoldedPgdNetwork.Output out = UnfoldedPgdNetwork.forwardSteps(gammaOf(m, config, param),
                                config.layers(), config.substeps(), b, config.layers());
                        NDArray loss = null;
                        for (int l = 1; l <= config.layers(); l++) {                       // (16), L = {1..L}
                            NDArray wsr = out.layerWsr()[l];
                            NDArray term = wsr.div(wsr.abs().stopGradient()).neg().mean();
                            loss = loss == null ? term : loss.add(term);
                        }
                        NDArray layerCount = UnfoldedPgdNetwork.constant(m, new double[] {config.layers()},
                                new Shape(), config.type());
                        gc.backward(loss.div(layerCount));
                        last = out.wsr();
                    }
                    meanWsr = last.toType(DataType.FLOAT64, false).mean().getDouble();
                    double[] grad = param.getGradient().toType(DataType.FLOAT64, false).toDoubleArray();
                    double s = 0;
                    for (double g : grad) {
                        s += g * g;
                    }
                    norm = Math.sqrt(s);
                    applied = Double.isFinite(meanWsr) && Double.isFinite(norm);
                    if (applied) {
                        opt.step(params, Map.of("theta", grad), lr);
                        if (par == StepParametrisation.LINEAR) {
                            for (int j = 0; j < theta.length; j++) {
                                theta[j] = Math.max(theta[j], floor);
                            }
                        }
                    } else {
                        skipped++;
                    }
                }
                double elapsed = (System.nanoTime() - t0) / 1e9;
                StepRecord rec = new StepRecord(t + 1, meanWsr, lr, norm, applied, elapsed);
                history.add(rec);
                listener.onStep(rec);
                int done = t + 1;
                if (done % config.validationEvery() == 0 || done == config.steps()) {
                    ValidationRecord vr = new ValidationRecord(done, validate(root, config, theta, validationInUnit));
                    validations.add(vr);
                    listener.onValidation(vr);
                }
            }
        }
        return new Result(stepsInWatts(config, theta), gamma0 * unit, history, validations, skipped,
                (System.nanoTime() - t0) / 1e9);
    }

    /**
     * The trained parameters as step sizes for problems in W. With P_k and sigma_i^2 divided by u (channels
     * unchanged), V' = V / sqrt(u), X' = sqrt(u) X, W' = W, U' = sqrt(u) U, R_k' = u R_k and V~' = sqrt(u) V~, so
     * the sub-step V' - gamma' (R_k' V' - V~') is (V - u gamma' (R_k V - V~)) / sqrt(u) and the projection (15)
     * scales the same way: gamma_W = u gamma', i.e. rho_W = ln gamma' + ln u.
     *
     * @param config the training configuration (unit, parametrisation)
     * @param theta the trained numbers
     * @return the step sizes for problems in W
     */
    public static UnfoldedPgdSteps stepsInWatts(Config config, double[] theta) {
        double[] rho = new double[theta.length];
        double lnUnit = Math.log(config.powerUnitW());
        for (int j = 0; j < theta.length; j++) {
            double lnGamma = config.parametrisation() == StepParametrisation.LOG ? theta[j]
                    : Math.log(config.parametrisation().gamma(theta[j]));
            if (!Double.isFinite(lnGamma)) {
                throw new IllegalStateException("gamma[" + j + "]: the trained step size "
                        + config.parametrisation().gamma(theta[j]) + " is not positive; the model stores ln gamma");
            }
            rho[j] = lnGamma + lnUnit;
        }
        return new UnfoldedPgdSteps(config.layers(), config.substeps(), rho);
    }

    /** gamma [L Q] of the parameter array theta, on the gradient path (engine-owned constants only). */
    private static NDArray gammaOf(NDManager m, Config config, NDArray theta) {
        if (config.parametrisation() == StepParametrisation.LOG) {
            return theta.exp();
        }
        return theta.mul(UnfoldedPgdNetwork.constant(m, new double[] {2.0}, new Shape(), config.type()));
    }

    /** max_k lambda_max(R_k) of the first layer from the MRC start of one problem. */
    static double firstLayerScale(Problem p) {
        UnfoldedPgdExecutor ex = new UnfoldedPgdExecutor(p, UnfoldedPgdSteps.constant(1, 1, 1.0));
        ex.start(InitialPrecoders.create(p, Init.mrc()));
        ex.ueSide();
        return ex.maxCovarianceEigenvalue();
    }

    /**
     * Mean WSR of V^(L) in nat/s/Hz over problems (in the training unit), in chunks of the batch size, without
     * gradients.
     */
    static double validate(NDManager root, Config config, double[] theta, List<Problem> problems) {
        double sum = 0;
        for (int from = 0; from < problems.size(); from += config.batchSize()) {
            List<Problem> chunk = problems.subList(from, Math.min(problems.size(), from + config.batchSize()));
            try (NDManager m = root.newSubManager()) {
                NDArray param = UnfoldedPgdNetwork.constant(m, theta, new Shape(theta.length), config.type());
                GcnWmmseBatch b = GcnWmmseBatch.of(m, chunk, Init.mrc(), config.type());
                sum += UnfoldedPgdNetwork.forwardSteps(gammaOf(m, config, param), config.layers(), config.substeps(),
                        b, config.layers()).wsr().toType(DataType.FLOAT64, false).sum().getDouble();
            }
        }
        return sum / problems.size();
    }
}
