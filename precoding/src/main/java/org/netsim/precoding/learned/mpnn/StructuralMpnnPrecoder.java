package org.netsim.precoding.learned.mpnn;

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
 * <p>Options: {@code model=DIR} (required: a directory written by {@code netsim train --model structural-mpnn};
 * no trained model ships with this version); {@code start=zf|caller} (default {@code zf}: the paper's zero-forcing
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

    private final MpnnExecutor executor;
    private final ModelCard card;
    private final boolean callerStart;
    private final String where;

    /** @param options {@code model} (required) and {@code start}; anything else is rejected naming it */
    public StructuralMpnnPrecoder(PrecoderOptions options) {
        options.requireOnly(NAME, MODEL, START);
        String model = options.get(MODEL, null);
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("precoder." + MODEL + ": " + NAME + " needs a model directory, "
                    + "e.g. " + NAME + ":model=DIR (train one with netsim train --model " + NAME
                    + "; no trained model ships)");
        }
        String start = options.get(START, "zf");
        this.callerStart = switch (start) {
            case "zf" -> false;
            case "caller" -> true;
            default -> throw new IllegalArgumentException("precoder." + START + ": expected zf or caller, got '" + start
                    + "'");
        };
        ModelFiles.Location location = ModelFiles.Location.directory(Path.of(model));
        try {
            this.card = ModelFiles.readCard(location, NAME);
            try (MpnnNetwork net = MpnnNetwork.load(location, card, Device.cpu())) {
                this.executor = net.executor();
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IllegalArgumentException(NAME + ": " + e.getMessage(), e);
        }
        this.where = NAME + " (model " + model + ")";
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
