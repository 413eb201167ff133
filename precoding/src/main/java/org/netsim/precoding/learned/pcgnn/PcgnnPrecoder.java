package org.netsim.precoding.learned.pcgnn;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import org.netsim.precoding.Init;
import org.netsim.precoding.Precoder;
import org.netsim.precoding.PrecoderOptions;
import org.netsim.precoding.Problem;
import org.netsim.precoding.Solution;
import org.netsim.precoding.learned.ModelCard;
import org.netsim.precoding.learned.ModelFiles;

/**
 * Sum-rate precoding by the PCGNN baseline of "A Learning-only Method for Multi-Cell Multi-User MIMO Sum Rate
 * Maximization" (Song et al., Section VI-B, item 5): the HetGNN of Shen et al. ("Graph Neural Networks for Wireless
 * Communications: From Theory to Practice") extended to MIMO with the message flow UEs &rarr; BSs &rarr; UEs
 * &rarr; UEs ({@link PcgnnArchitecture}). Learning-only: the precoders are read out of the node states computed from
 * the normalised channels alone, so the solve's {@link Init} is not used. The network maximises the unweighted sum
 * rate of problem (2) (the UE weights alpha_i do not enter). Every BS transmits at its budget,
 * sum_{i in I_k} ||V_i||_F^2 = P_k (scaled once more at the end, so rounding never exceeds it).
 *
 * <p>Problems: B BSs with N_t antennas each serving U UEs with N_r antennas and d_i = N_r streams, the sizes of the
 * model's card (the {@code song-*} scenarios); any budgets and noise powers. A mismatch is an
 * {@link IllegalArgumentException} naming the dimension.
 *
 * <p>Options: {@code model=DIR|NAME} (required: a directory written by {@code netsim train --model pcgnn}, or a
 * shipped model's name from {@link #SHIPPED_MODELS}, class-path folders under {@value #SHIPPED_FOLDER}). Loading needs
 * the PyTorch engine once (to read DJL's parameter file); solving runs the weights in plain Java
 * ({@link PcgnnExecutor}) and reports the L layers as iterations. Immutable and thread-safe.
 */
public final class PcgnnPrecoder implements Precoder {

    /** Registry name. */
    public static final String NAME = "pcgnn";
    /** Option: the model directory or shipped model name. */
    public static final String MODEL = "model";
    /** Class-path folder of the shipped models. */
    public static final String SHIPPED_FOLDER = "org/netsim/precoding/learned/pcgnn";
    /** Names of the shipped models (each with its card and parameters under {@link #SHIPPED_FOLDER}). */
    public static final List<String> SHIPPED_MODELS = List.of("pcgnn-song-small-near");

    private final PcgnnExecutor executor;
    private final ModelCard card;
    private final String where;

    /** @param options {@code model} (required); anything else is rejected naming it */
    public PcgnnPrecoder(PrecoderOptions options) {
        options.requireOnly(NAME, MODEL);
        String model = options.get(MODEL, null);
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("precoder." + MODEL + ": " + NAME + " needs a model directory, "
                    + "e.g. " + NAME + ":model=DIR (train one with netsim train --model " + NAME + ")");
        }
        ModelFiles.Location location = SHIPPED_MODELS.contains(model)
                ? ModelFiles.Location.classpath(SHIPPED_FOLDER + "/" + model)
                : ModelFiles.Location.directory(Path.of(model));
        try {
            this.card = ModelFiles.readCard(location, NAME);
            try (PcgnnNetwork net = PcgnnNetwork.load(location, card, Device.cpu())) {
                this.executor = net.executor();
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IllegalArgumentException(NAME + ": " + e.getMessage(), e);
        }
        this.where = NAME + " (model " + model + ")";
    }

    /** A precoder over an executor in memory (e.g. right after training). */
    public PcgnnPrecoder(PcgnnExecutor executor, ModelCard card) {
        this.executor = executor;
        this.card = card;
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
        executor.architecture().requireFits(problem, where);
        ZMatrixRMaj[] v = executor.precoders(problem);
        return Solution.evaluated(problem, v, executor.architecture().layers(), List.of());
    }
}
