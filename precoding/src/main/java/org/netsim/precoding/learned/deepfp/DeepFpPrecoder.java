package org.netsim.precoding.learned.deepfp;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.ejml.data.ZMatrixRMaj;
import org.netsim.precoding.Init;
import org.netsim.precoding.InitialPrecoders;
import org.netsim.precoding.Precoder;
import org.netsim.precoding.PrecoderOptions;
import org.netsim.precoding.Problem;
import org.netsim.precoding.Solution;
import org.netsim.precoding.learned.ModelCard;
import org.netsim.precoding.learned.ModelFiles;

/**
 * DeepFP beamforming ("DeepFP: Deep-Unfolded Fractional Programming for Massive MIMO Beamforming", Section IV):
 * T unfolded FastFP iterations whose per-UE steps 1 / lambda_i come from trained DNNs
 * ({@link DeepFpArchitecture}), run per problem in plain Java ({@link DeepFpExecutor}) from the initialisation
 * (the network was trained from random V^0, the paper's Section IV-D: {@code init=random} matches training), then
 * scaled into every budget (37). Reports T iterations.
 *
 * <p>Problems: any numbers of BSs, UEs and receive antennas, with M_k &lt;= N_t and d_i &lt;= d of the model (smaller
 * ones by zero padding, Section IV-E); larger ones are an {@link IllegalArgumentException} naming the BS or UE and
 * the card's limit.
 *
 * <p>Options: {@code model=NAME|DIR}, a shipped model ({@value #DEFAULT_MODEL}, the default; class-path folder
 * under {@value #SHIPPED_FOLDER}) or a directory saved by {@code netsim train --model deepfp}. Loading needs the
 * PyTorch engine once (DJL's parameter file); solving does not. Immutable and thread-safe.
 */
public final class DeepFpPrecoder implements Precoder {

    /** Registry name. */
    public static final String NAME = "deepfp";
    /** Class-path folder of the shipped models. */
    public static final String SHIPPED_FOLDER = "org/netsim/precoding/learned/deepfp";
    /** The shipped model (named after its training scenario). */
    public static final String DEFAULT_MODEL = "deepfp-7cell";
    /** Names of the shipped models. */
    public static final List<String> SHIPPED_MODELS = List.of(DEFAULT_MODEL);
    /** Option key of the model. */
    public static final String MODEL = "model";

    private static final ConcurrentMap<String, Loaded> SHIPPED = new ConcurrentHashMap<>();

    private record Loaded(DeepFpExecutor executor, ModelCard card) {
    }

    private final DeepFpExecutor executor;
    private final ModelCard card;
    private final String where;

    /** @param options {@code model}; anything else is rejected naming it */
    public DeepFpPrecoder(PrecoderOptions options) {
        options.requireOnly(NAME, MODEL);
        String model = options.get(MODEL, DEFAULT_MODEL);
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
    }

    /** The shipped model. */
    public DeepFpPrecoder() {
        this(PrecoderOptions.defaults());
    }

    /** A precoder over an executor in memory (e.g. right after training). */
    public DeepFpPrecoder(DeepFpExecutor executor, ModelCard card) {
        this.executor = executor;
        this.card = card;
        this.where = NAME;
    }

    /**
     * Loads a model's card and weights.
     *
     * @throws IllegalArgumentException (one line, prefixed by the precoder name) when the files do not fit
     */
    public static DeepFpExecutor loadExecutor(ModelFiles.Location location) {
        return load(location).executor();
    }

    private static Loaded load(ModelFiles.Location location) {
        try {
            ModelCard card = ModelFiles.readCard(location, NAME);
            try (DeepFpNetwork net = DeepFpNetwork.load(location, card, Device.cpu())) {
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

    /** @return the per-problem executor */
    public DeepFpExecutor executor() {
        return executor;
    }

    @Override
    public Solution solve(Problem problem, Init init) {
        executor.architecture().requireFits(problem, where);
        ZMatrixRMaj[] v0 = InitialPrecoders.create(problem, init);
        ZMatrixRMaj[] v = executor.solve(problem, v0, null);
        return Solution.evaluated(problem, v, executor.architecture().layers(), List.of());
    }
}
