package org.netsim.precoding.gcn;

import java.util.Objects;
import java.util.SplittableRandom;
import org.netsim.precoding.Init;
import org.netsim.precoding.InitialPrecoders;
import org.netsim.precoding.Precoder;
import org.netsim.precoding.PrecoderOptions;
import org.netsim.precoding.Problem;
import org.netsim.precoding.Solution;
import org.netsim.precoding.StoppingRule;

/**
 * GCN-WMMSE, the unrolled WMMSE with learned weight-matrix filters and downlink GCNs (Schynol and Pesavento,
 * "Coordinated Sum-Rate Maximization in Multicell MU-MIMO with Deep Unrolling", §III, eq. (9)-(15)), run per
 * problem in double precision by {@link GcnWmmseExecutor} over one {@link GcnWmmseWeights}. Layer l is the WMMSE
 * iteration with the W-step (3b) replaced by the filter (12) and the V-step (3d) by the GCN (13), (14) followed by
 * the projection (15); the U-step (3a) and the mu-step (3c) by eq. (9) are the classic ones. The network's input
 * is the normalized MRC start of the paper ({@link Init#mrc()}, the default); other starts (a warm start, a
 * dataset's V0) are run through the same layers, outside the distribution the weights were trained on.
 *
 * <p>Depth: the network runs its L layers; the common iteration cap stops it earlier (min(L, iterations) layers)
 * and a positive tolerance stops it once the relative WSR change between layers is below it. With the trace
 * option every layer's WSR is recorded (the WSR-per-layer curve). The solution's iteration count is the number
 * of layers run.
 *
 * <p>Weights: given in code ({@link #GcnWmmsePrecoder(GcnWmmseWeights, PrecoderOptions)}), where the options
 * {@code layers}, {@code degree} and {@code features}, if present, must match them; or chosen by the registry's
 * options ({@link #GcnWmmsePrecoder(PrecoderOptions)}):
 * <ul>
 *   <li>{@code weights=trained} (default): a trained model, the shipped {@code gcn-wmmse-base} (trained on the
 *       scenario {@code gcnwmmse-base}, {@link GcnWmmseModel#SHIPPED_BASE}) or the model directory named by
 *       {@code model=DIR} ({@link GcnWmmseModel}); loading needs no deep-learning engine;</li>
 *   <li>{@code weights=paper-init}: the paper's initial weights ({@link GcnWmmseWeights#paperInitial}, drawn from
 *       a {@link SplittableRandom} seeded with {@code seed}, default 0), the <em>untrained</em> starting point of
 *       training;</li>
 *   <li>{@code weights=wmmse}: the member of the family that is the classic WMMSE
 *       ({@link GcnWmmseWeights#classicWmmse}), i.e. WMMSE truncated to L iterations from MRC.</li>
 * </ul>
 * with sizes {@code layers} = L (default 7), {@code degree} = G (2) and {@code features} = F (4) of the paper's
 * Table I for the generated weights (for a trained model they default to, and must match, the model's).
 */
public final class GcnWmmsePrecoder implements Precoder {

    /** Registry name. */
    public static final String NAME = "gcn-wmmse";
    /** Option key of the number of layers L. */
    public static final String LAYERS = "layers";
    /** Option key of the weight-filter degree G. */
    public static final String DEGREE = "degree";
    /** Option key of the number of GCN features F. */
    public static final String FEATURES = "features";
    /** Option key of the generated weights ({@code paper-init} or {@code wmmse}); registry construction only. */
    public static final String WEIGHTS = "weights";
    /** Option key of a model directory for {@code weights=trained}; registry construction only. */
    public static final String MODEL = "model";
    /** Option key of the seed of {@code weights=paper-init}; registry construction only. */
    public static final String SEED = "seed";
    /** L of the paper's Table I. */
    public static final int DEFAULT_LAYERS = 7;
    /** G of the paper's Table I. */
    public static final int DEFAULT_DEGREE = 2;
    /** F of the paper's Table I. */
    public static final int DEFAULT_FEATURES = 4;

    private final GcnWmmseWeights weights;
    private final PrecoderOptions options;

    /**
     * A precoder over given weights.
     *
     * @param weights the network's weights
     * @param options common options plus {@code layers}, {@code degree}, {@code features}, each checked against
     *     the weights when present
     */
    public GcnWmmsePrecoder(GcnWmmseWeights weights, PrecoderOptions options) {
        options.requireOnly(NAME, LAYERS, DEGREE, FEATURES);
        this.weights = Objects.requireNonNull(weights, "weights");
        this.options = options;
        requireMatch(options, LAYERS, weights.layers());
        requireMatch(options, DEGREE, weights.degree());
        requireMatch(options, FEATURES, weights.features());
    }

    /** A precoder over given weights with default options. */
    public GcnWmmsePrecoder(GcnWmmseWeights weights) {
        this(weights, PrecoderOptions.defaults());
    }

    /**
     * The registry's construction, with generated (untrained) weights; see the class comment.
     *
     * @param options common options plus {@code weights}, {@code seed}, {@code layers}, {@code degree},
     *     {@code features}
     */
    public GcnWmmsePrecoder(PrecoderOptions options) {
        options.requireOnly(NAME, WEIGHTS, SEED, MODEL, LAYERS, DEGREE, FEATURES);
        String kind = options.get(WEIGHTS, "trained").trim();
        if (!kind.equals("paper-init") && options.params().containsKey(SEED)) {
            throw new IllegalArgumentException("precoder." + SEED + ": applies only to " + WEIGHTS + "=paper-init");
        }
        if (!kind.equals("trained") && options.params().containsKey(MODEL)) {
            throw new IllegalArgumentException("precoder." + MODEL + ": applies only to " + WEIGHTS + "=trained");
        }
        if (kind.equals("trained")) {
            String dir = options.get(MODEL, null);
            GcnWmmseWeights w;
            try {
                w = dir == null ? Shipped.BASE.weights() : GcnWmmseModel.read(java.nio.file.Path.of(dir)).weights();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("precoder." + MODEL + ": " + e.getMessage(), e);
            }
            requireMatch(options, LAYERS, w.layers());
            requireMatch(options, DEGREE, w.degree());
            requireMatch(options, FEATURES, w.features());
            this.weights = w;
            this.options = options;
            return;
        }
        int layers = positive(options, LAYERS, DEFAULT_LAYERS);
        int degree = positive(options, DEGREE, DEFAULT_DEGREE);
        int features = positive(options, FEATURES, DEFAULT_FEATURES);
        this.weights = switch (kind) {
            case "paper-init" -> GcnWmmseWeights.paperInitial(layers, degree, features,
                    new SplittableRandom(seed(options)));
            case "wmmse" -> GcnWmmseWeights.classicWmmse(layers, degree, features);
            default -> throw new IllegalArgumentException("precoder." + WEIGHTS + ": unknown weights '" + kind
                    + "' (expected trained, paper-init or wmmse)");
        };
        this.options = options;
    }

    /** The shipped model, read once. */
    private static final class Shipped {
        static final GcnWmmseModel BASE = GcnWmmseModel.shippedBase();
    }

    /** The registry default: the shipped model trained on {@code gcnwmmse-base}. */
    public GcnWmmsePrecoder() {
        this(PrecoderOptions.defaults());
    }

    @Override
    public String name() {
        return NAME;
    }

    /** @return the weights this precoder runs */
    public GcnWmmseWeights weights() {
        return weights;
    }

    @Override
    public Solution solve(Problem problem, Init init) {
        GcnWmmseExecutor ex = new GcnWmmseExecutor(problem, weights);
        ex.start(InitialPrecoders.create(problem, init));
        int depth = Math.min(weights.layers(), options.maxIterations());
        StoppingRule rule = new StoppingRule(options);
        rule.start(ex.ueSide(0));
        for (int l = 0; ; l++) {
            ex.bsSide(l);
            boolean last = l + 1 >= depth;
            double wsr = !last ? ex.ueSide(l + 1) : rule.needsWsr() ? ex.evaluate() : Double.NaN;
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
                throw new IllegalArgumentException("precoder." + key + ": " + wanted + " does not match the weights ("
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

    private static long seed(PrecoderOptions options) {
        String s = options.get(SEED, "0").trim();
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("precoder." + SEED + ": not an integer: '" + s + "'");
        }
    }
}
