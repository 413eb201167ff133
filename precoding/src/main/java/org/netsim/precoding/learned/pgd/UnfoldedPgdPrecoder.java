package org.netsim.precoding.learned.pgd;

import java.nio.file.Path;
import java.util.Objects;
import org.netsim.precoding.Init;
import org.netsim.precoding.InitialPrecoders;
import org.netsim.precoding.Precoder;
import org.netsim.precoding.PrecoderOptions;
import org.netsim.precoding.Problem;
import org.netsim.precoding.Solution;
import org.netsim.precoding.StoppingRule;

/**
 * The unfolded PGD WMMSE baseline (GCN-WMMSE paper "Coordinated Sum-Rate Maximization in Multicell MU-MIMO with
 * Deep Unrolling", §V-B, Table XII): L WMMSE layers with the exact U- and W-steps (3a), (3b) and the V-step
 * replaced by Q projected gradient sub-steps with learned step sizes gamma_lq, each followed by the projection
 * (15), run per problem in double precision by {@link UnfoldedPgdExecutor}. The network input is the MRC start
 * ({@link Init#mrc()}, the default); other starts run through the same layers.
 *
 * <p>Depth: L layers, capped by the common iteration limit; a positive tolerance stops it once the relative WSR
 * change between layers is below it; with the trace option every layer's WSR is recorded. Iterations = layers run.
 *
 * <p>Step sizes, chosen by the options:
 * <ul>
 *   <li>{@code weights=trained} (default): the model directory {@code model=DIR} ({@link UnfoldedPgdModel}), or
 *       without it the shipped model {@link UnfoldedPgdModel#SHIPPED_IID_CN} when the build has one (this
 *       build ships {@code unfolded-pgd-iid-cn}: L = 7, Q = 16, trained on {@code iid-cn});</li>
 *   <li>{@code weights=constant}: every gamma_lq = {@code step} (required, &gt; 0, in the units of 1 / R_k), with
 *       {@code layers} = L (default 7) and {@code substeps} = Q (default 16): the untrained algorithm.</li>
 * </ul>
 * For a trained model {@code layers} and {@code substeps}, if given, must match it.
 */
public final class UnfoldedPgdPrecoder implements Precoder {

    /** Registry name. */
    public static final String NAME = "unfolded-pgd";
    /** Option: trained or constant. */
    public static final String WEIGHTS = "weights";
    /** Option: a model directory (weights=trained). */
    public static final String MODEL = "model";
    /** Option: the constant step size (weights=constant). */
    public static final String STEP = "step";
    /** Option: L. */
    public static final String LAYERS = "layers";
    /** Option: Q. */
    public static final String SUBSTEPS = "substeps";
    /** L of §V-B. */
    public static final int DEFAULT_LAYERS = 7;
    /** Q of the shipped model (Table XII's largest Scenario I column). */
    public static final int DEFAULT_SUBSTEPS = 16;

    private final UnfoldedPgdSteps steps;
    private final PrecoderOptions options;

    /**
     * A precoder over given step sizes.
     *
     * @param steps the step sizes
     * @param options common options plus {@code layers}, {@code substeps}, checked against the steps when given
     */
    public UnfoldedPgdPrecoder(UnfoldedPgdSteps steps, PrecoderOptions options) {
        options.requireOnly(NAME, LAYERS, SUBSTEPS);
        this.steps = Objects.requireNonNull(steps, "steps");
        this.options = options;
        requireMatch(options, LAYERS, steps.layers());
        requireMatch(options, SUBSTEPS, steps.substeps());
    }

    /** The registry's construction; see the class comment. */
    public UnfoldedPgdPrecoder(PrecoderOptions options) {
        options.requireOnly(NAME, WEIGHTS, MODEL, STEP, LAYERS, SUBSTEPS);
        String kind = options.get(WEIGHTS, "trained").trim();
        this.options = options;
        switch (kind) {
            case "trained" -> {
                if (options.params().containsKey(STEP)) {
                    throw new IllegalArgumentException("precoder." + STEP + ": applies only to " + WEIGHTS
                            + "=constant");
                }
                String dir = options.get(MODEL, null);
                UnfoldedPgdSteps s;
                try {
                    s = dir == null ? shipped().steps() : UnfoldedPgdModel.read(Path.of(dir)).steps();
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("precoder." + MODEL + ": " + e.getMessage(), e);
                }
                requireMatch(options, LAYERS, s.layers());
                requireMatch(options, SUBSTEPS, s.substeps());
                this.steps = s;
            }
            case "constant" -> {
                if (options.params().containsKey(MODEL)) {
                    throw new IllegalArgumentException("precoder." + MODEL + ": applies only to " + WEIGHTS
                            + "=trained");
                }
                if (!options.params().containsKey(STEP)) {
                    throw new IllegalArgumentException("precoder." + STEP + ": required with " + WEIGHTS
                            + "=constant (the step size gamma > 0)");
                }
                double gamma = options.getDouble(STEP, Double.NaN);
                if (!(gamma > 0) || Double.isInfinite(gamma)) {
                    throw new IllegalArgumentException("precoder." + STEP + ": must be finite and > 0, got " + gamma);
                }
                this.steps = UnfoldedPgdSteps.constant(positive(options, LAYERS, DEFAULT_LAYERS),
                        positive(options, SUBSTEPS, DEFAULT_SUBSTEPS), gamma);
            }
            default -> throw new IllegalArgumentException("precoder." + WEIGHTS + ": unknown weights '" + kind
                    + "' (expected trained or constant)");
        }
    }

    /** The registry default: the shipped model. */
    public UnfoldedPgdPrecoder() {
        this(PrecoderOptions.defaults());
    }

    private static UnfoldedPgdModel shippedModel;

    /** The shipped model, read once; a one-line error when this build has none. */
    private static synchronized UnfoldedPgdModel shipped() {
        if (shippedModel == null) {
            if (UnfoldedPgdModel.class.getClassLoader().getResource(UnfoldedPgdModel.SHIPPED_IID_CN + "/"
                    + UnfoldedPgdModel.CARD_FILE) == null) {
                throw new IllegalArgumentException("no shipped unfolded-pgd model in this build; give model=DIR "
                        + "(netsim train --model unfolded-pgd) or weights=constant");
            }
            shippedModel = UnfoldedPgdModel.readResource(UnfoldedPgdModel.SHIPPED_IID_CN);
        }
        return shippedModel;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** @return the step sizes this precoder runs */
    public UnfoldedPgdSteps steps() {
        return steps;
    }

    @Override
    public Solution solve(Problem problem, Init init) {
        UnfoldedPgdExecutor ex = new UnfoldedPgdExecutor(problem, steps);
        ex.start(InitialPrecoders.create(problem, init));
        int depth = Math.min(steps.layers(), options.maxIterations());
        StoppingRule rule = new StoppingRule(options);
        rule.start(ex.ueSide());
        for (int l = 0; ; l++) {
            ex.bsSide(l);
            boolean last = l + 1 >= depth;
            double wsr = !last ? ex.ueSide() : rule.needsWsr() ? ex.evaluate() : Double.NaN;
            if (rule.record(wsr) || last) {
                break;
            }
        }
        return Solution.evaluated(problem, ex.precoders(), rule.iterations(), rule.trace());
    }

    private static void requireMatch(PrecoderOptions options, String key, int actual) {
        if (options.params().containsKey(key)) {
            int wanted = options.getInt(key, actual);
            if (wanted != actual) {
                throw new IllegalArgumentException("precoder." + key + ": " + wanted + " does not match the model ("
                        + actual + ")");
            }
        }
    }

    private static int positive(PrecoderOptions options, String key, int def) {
        int n = options.getInt(key, def);
        if (n < 1) {
            throw new IllegalArgumentException("precoder." + key + ": must be >= 1, got " + n);
        }
        return n;
    }
}
