package org.netsim.precoding.learned.sun;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.ejml.data.ZMatrixRMaj;
import org.netsim.precoding.Init;
import org.netsim.precoding.Precoder;
import org.netsim.precoding.PrecoderOptions;
import org.netsim.precoding.Problem;
import org.netsim.precoding.Solution;
import org.netsim.precoding.learned.ModelCard;
import org.netsim.precoding.learned.ModelFiles;

/**
 * Power control by the DNN approximation of WMMSE of "Learning to Optimize: Training Deep Neural Networks for
 * Wireless Resource Management" (Sun et al., Section IV-C): a trained fully connected network
 * ({@link SunDnnArchitecture}) maps the channel magnitudes of a single-antenna interference channel (or IMAC) to
 * the K transmit powers, p_k = q_k P_k with q_k in [0, 1] (eq. (16)), optionally binarised at test time to
 * p_k in {0, P_k} by the threshold q_k &gt;= 1/2 (Section V-C). V_k = sqrt(p_k), real: the rate depends only on
 * |h|. Budgets hold by construction (q_k &lt;= 1).
 *
 * <p>Problems: as {@code wmmse-scalar} (M_k = N_i = d_i = 1, one UE per BS), with the number of links the model
 * was trained for (its card's {@code links}) and, for an IMAC model, co-located receivers per cell; any P_k and
 * sigma_k^2 (the input is normalised, see {@link SunDnnArchitecture}). Weights alpha_k do not enter: the network
 * imitates WMMSE with equal weights, as in the paper. A mismatch is an {@link IllegalArgumentException} naming it.
 *
 * <p>Options: {@code model=NAME|DIR}, the name of a shipped model ({@code sun-imac-3-12}, the default, or
 * {@code sun-ic-10}; class-path folders under {@value #SHIPPED_FOLDER}) or a directory saved by the trainer (write
 * {@code ./sun-ic-10} for a directory of a shipped model's name); {@code binarize=true|false} (default: the card's
 * {@code binarize}, the variant that scored higher on the validation set). Loading needs the PyTorch
 * engine once (to read DJL's parameter file); solving runs the weights in plain Java ({@link SunDnnExecutor}),
 * ignores the initialisation and reports 0 iterations. Immutable and thread-safe.
 */
public final class SunDnnPrecoder implements Precoder {

    /** Registry name. */
    public static final String NAME = "sun-dnn";
    /** Class-path folder of the shipped models. */
    public static final String SHIPPED_FOLDER = "org/netsim/precoding/learned/sun";
    /** Names of the shipped models (each named after its training scenario). */
    public static final List<String> SHIPPED_MODELS = List.of("sun-imac-3-12", "sun-ic-10");
    /** The model used without a {@code model} option. */
    public static final String DEFAULT_MODEL = "sun-imac-3-12";
    /** Card hyperparameter: whether to binarise by default. */
    public static final String BINARIZE = "binarize";

    private static final ConcurrentMap<String, Loaded> SHIPPED = new ConcurrentHashMap<>();

    private record Loaded(SunDnnExecutor executor, ModelCard card) {
    }

    private final SunDnnExecutor executor;
    private final ModelCard card;
    private final boolean binarize;
    private final String where;

    /** @param options {@code model} and {@code binarize}; anything else is rejected naming it */
    public SunDnnPrecoder(PrecoderOptions options) {
        options.requireOnly(NAME, "model", BINARIZE);
        String model = options.get("model", DEFAULT_MODEL);
        Loaded loaded;
        if (SHIPPED_MODELS.contains(model)) {
            loaded = SHIPPED.computeIfAbsent(model,
                    m -> load(ModelFiles.Location.classpath(SHIPPED_FOLDER + "/" + m)));
            where = NAME + " (shipped model " + model + ")";
        } else {
            if (model.isBlank()) {
                throw new IllegalArgumentException("precoder.model: empty; expected a shipped model ("
                        + String.join(", ", SHIPPED_MODELS) + ") or a model directory");
            }
            loaded = load(ModelFiles.Location.directory(Path.of(model)));
            where = NAME + " (model " + model + ")";
        }
        this.executor = loaded.executor();
        this.card = loaded.card();
        String b = options.get(BINARIZE, null);
        if (b == null) {
            this.binarize = card.booleanHyperparameter(BINARIZE);
        } else {
            this.binarize = switch (b.trim().toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new IllegalArgumentException("precoder." + BINARIZE + ": expected true or false, got '"
                        + b + "'");
            };
        }
    }

    /** The shipped model with its default binarisation. */
    public SunDnnPrecoder() {
        this(PrecoderOptions.defaults());
    }

    /**
     * A precoder over an executor in memory (e.g. right after training).
     *
     * @param card the model's card (its dimensions are checked on every problem)
     */
    public SunDnnPrecoder(SunDnnExecutor executor, ModelCard card, boolean binarize) {
        this.executor = executor;
        this.card = card;
        this.binarize = binarize;
        this.where = NAME;
    }

    private static Loaded load(ModelFiles.Location location) {
        try {
            ModelCard card = ModelFiles.readCard(location, NAME);
            try (SunDnnNetwork net = SunDnnNetwork.load(location, card, Device.cpu())) {
                return new Loaded(net.executor(), card);
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IllegalArgumentException(NAME + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    /** @return the model's card */
    public ModelCard card() {
        return card;
    }

    /** @return whether outputs are binarised to {0, P_k} */
    public boolean binarize() {
        return binarize;
    }

    @Override
    public Solution solve(Problem problem, Init init) {
        card.requireDimensions(SunDnnArchitecture.dimensionsOf(problem), where);
        double[] q = executor.powerFractions(problem);
        return Solution.evaluated(problem, precoders(problem, q, binarize), 0, List.of());
    }

    /**
     * V_k = sqrt(q_k P_k), or sqrt(P_k) [q_k &gt;= 1/2] when binarising (never above the budget by rounding).
     *
     * @param q power fractions in [0, 1] per link
     */
    public static ZMatrixRMaj[] precoders(Problem problem, double[] q, boolean binarize) {
        ZMatrixRMaj[] v = new ZMatrixRMaj[problem.numUe()];
        for (int k = 0; k < v.length; k++) {
            double budget = problem.bsPowerW(problem.servingBs(k));
            double fraction = binarize ? (q[k] >= 0.5 ? 1.0 : 0.0) : Math.min(Math.max(q[k], 0.0), 1.0);
            double a = Math.min(Math.sqrt(fraction * budget), maxAmplitude(budget));
            v[k] = new ZMatrixRMaj(1, 1);
            v[k].set(0, 0, a, 0.0);
        }
        return v;
    }

    /** @return the largest a with a^2 &lt;= budget */
    private static double maxAmplitude(double budgetW) {
        double a = Math.sqrt(budgetW);
        while (a > 0 && a * a > budgetW) {
            a = Math.nextDown(a);
        }
        return a;
    }
}
