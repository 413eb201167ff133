package org.netsim.precoding.learned.mpnn;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.List;
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
 * Sum-rate precoding by the StructuralMPNN of "A Learning-only Method for Multi-Cell Multi-User MIMO Sum Rate
 * Maximization" (Song et al., Sections IV-V; {@link MpnnArchitecture}): from the zero-forcing start, five
 * parameter-shared iterations V'^t = W_L V'^{t-1} W_R in the space expanded by D (eq. (3)-(6)), W_L and W_R
 * generated per UE by the encoder and the MPNN. The network maximises the unweighted sum rate of problem (2), as in
 * the paper: the UE weights alpha_i do not enter. Every BS transmits at its budget, sum_{i in I_k} ||V_i||_F^2 =
 * P_k (scaled once more at the end, so rounding never exceeds it).
 *
 * <p>Problems: B BSs with N_t antennas each serving U UEs with N_r antennas and d_i = N_r streams, the sizes of the
 * model's card (the {@code song-*} scenarios); any budgets P_k and noise powers sigma_i^2 (the input is
 * normalised by sqrt(P_k) / sigma_i, Section VI-B). A mismatch is an {@link IllegalArgumentException} naming the
 * dimension.
 *
 * <p>Options: {@code model=NAME|DIR}, the name of a shipped model ({@value #DEFAULT_MODEL}, the default: B = 2,
 * U = 4, N_t = 8, N_r = d = 2, the {@code song-small-*} sizes; class-path folder under {@value #SHIPPED_FOLDER}) or a
 * directory written by {@code netsim train --model structural-mpnn} (write {@code ./NAME} for a directory of a
 * shipped model's name); {@code start=zf|caller} (default {@code zf}: the paper's zero-forcing
 * start, the one the model was trained from; {@code caller}: the solve's {@link Init}, e.g. a warm start). Loading
 * needs the PyTorch engine once (to read DJL's parameter file); solving runs the weights in plain Java
 * ({@link MpnnExecutor}) and reports the T network iterations. Immutable and thread-safe.
 */
public final class StructuralMpnnPrecoder implements Precoder {

    /** Registry name. */
    public static final String NAME = "structural-mpnn";
    /** Option: the model directory. */
    public static final String MODEL = "model";
    /** Option: where the iterations start. */
    public static final String START = "start";
    /** Class-path folder of the shipped models. */
    public static final String SHIPPED_FOLDER = "org/netsim/precoding/learned/mpnn";
    /** Names of the shipped models (each named after its training scenario). */
    public static final List<String> SHIPPED_MODELS = List.of("song-small-near");
    /** The model used without a {@code model} option. */
    public static final String DEFAULT_MODEL = "song-small-near";

    private record Loaded(MpnnExecutor executor, ModelCard card) {
    }

    private static final ConcurrentMap<String, Loaded> SHIPPED = new ConcurrentHashMap<>();

    private final MpnnExecutor executor;
    private final ModelCard card;
    private final boolean callerStart;
    private final String where;

    /** @param options {@code model} and {@code start}; anything else is rejected naming it */
    public StructuralMpnnPrecoder(PrecoderOptions options) {
        options.requireOnly(NAME, MODEL, START);
        String model = options.get(MODEL, DEFAULT_MODEL);
        if (model.isBlank()) {
            throw new IllegalArgumentException("precoder." + MODEL + ": empty; expected a shipped model ("
                    + String.join(", ", SHIPPED_MODELS) + ") or a model directory written by netsim train --model "
                    + NAME);
        }
        String start = options.get(START, "zf");
        this.callerStart = switch (start) {
            case "zf" -> false;
            case "caller" -> true;
            default -> throw new IllegalArgumentException("precoder." + START + ": expected zf or caller, got '" + start
                    + "'");
        };
        Loaded loaded;
        if (SHIPPED_MODELS.contains(model)) {
            loaded = SHIPPED.computeIfAbsent(model, m -> load(ModelFiles.Location.classpath(SHIPPED_FOLDER + "/" + m)));
            this.where = NAME + " (shipped model " + model + ")";
        } else {
            loaded = load(ModelFiles.Location.directory(Path.of(model)));
            this.where = NAME + " (model " + model + ")";
        }
        this.executor = loaded.executor();
        this.card = loaded.card();
    }

    /** The default shipped model, zero-forcing start. */
    public StructuralMpnnPrecoder() {
        this(PrecoderOptions.defaults());
    }

    private static Loaded load(ModelFiles.Location location) {
        try {
            ModelCard card = ModelFiles.readCard(location, NAME);
            try (MpnnNetwork net = MpnnNetwork.load(location, card, Device.cpu())) {
                return new Loaded(net.executor(), card);
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IllegalArgumentException(NAME + ": " + e.getMessage(), e);
        }
    }

    /**
     * A precoder over an executor in memory (e.g. right after training).
     *
     * @param callerStart whether to start from the solve's {@link Init} instead of zero forcing
     */
    public StructuralMpnnPrecoder(MpnnExecutor executor, ModelCard card, boolean callerStart) {
        this.executor = executor;
        this.card = card;
        this.callerStart = callerStart;
        this.where = NAME;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** @return the model's card */
    public ModelCard card() {
        return card;
    }

    @Override
    public Solution solve(Problem problem, Init init) {
        card.requireDimensions(MpnnArchitecture.dimensionsOf(problem), where);
        ZMatrixRMaj[] v = executor.precoders(problem, callerStart ? init : Init.zf());
        return Solution.evaluated(problem, v, executor.architecture().iterations(), List.of());
    }
}
