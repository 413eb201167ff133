package org.netsim.precoding.learned.uwmmse;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.ejml.data.ZMatrixRMaj;
import org.netsim.precoding.Init;
import org.netsim.precoding.Precoder;
import org.netsim.precoding.PrecoderOptions;
import org.netsim.precoding.Problem;
import org.netsim.precoding.Solution;

/**
 * UWMMSE power control for SISO transmitter-receiver pairs ("Unfolding WMMSE using graph neural networks", as
 * reviewed in "Coordinated Sum-Rate Maximization in Multicell MU-MIMO with Deep Unrolling", Section V-A): the L
 * layers of {@link UwmmseExecutor} in double precision, always from full power (the start it was trained from;
 * the {@link Init} is ignored), output v_i = sqrt(P_i) q_i in [0, sqrt(P_i)], so every budget holds. Problems that
 * are not SISO pairs are rejected with a one-line error.
 *
 * <p>Registry options ({@code precoder.*}):
 * <ul>
 *   <li>{@code weights=trained} (default): {@code model=DIR} (a directory from {@code netsim train --model uwmmse}),
 *       or else the shipped model {@code uwmmse-pairs-20} ({@link UwmmseModel#SHIPPED}: K = 20, density drawn in
 *       [0.5, 5]; the command is in its card);</li>
 *   <li>{@code weights=wmmse}: a = 1, b = 0, i.e. scalar WMMSE truncated to {@code layers} (default 4)
 *       iterations from full power.</li>
 * </ul>
 * {@link PrecoderOptions#maxIterations()} and the tolerance do not apply (always L layers).
 */
public final class UwmmsePrecoder implements Precoder {

    /** Registry name. */
    public static final String NAME = UwmmseExecutor.NAME;
    /** Option key: {@code trained} or {@code wmmse}. */
    public static final String WEIGHTS = "weights";
    /** Option key: a model directory. */
    public static final String MODEL = "model";
    /** Option key: L of {@code weights=wmmse}. */
    public static final String LAYERS = "layers";

    private final UwmmseWeights weights;

    /** A precoder over given weights. */
    public UwmmsePrecoder(UwmmseWeights weights) {
        this.weights = Objects.requireNonNull(weights, "weights");
    }

    /** The registry constructor (see the class documentation for the options). */
    public UwmmsePrecoder(PrecoderOptions options) {
        this(fromOptions(options));
    }

    private static UwmmseWeights fromOptions(PrecoderOptions options) {
        options.requireOnly(NAME, WEIGHTS, MODEL, LAYERS);
        String kind = options.get(WEIGHTS, "trained");
        switch (kind) {
            case "wmmse" -> {
                if (options.params().containsKey(MODEL)) {
                    throw new IllegalArgumentException(NAME + ": " + MODEL + " applies only to weights=trained");
                }
                int layers = options.getInt(LAYERS, UwmmseWeights.PAPER_LAYERS);
                if (layers < 1) {
                    throw new IllegalArgumentException(NAME + ": " + LAYERS + " must be >= 1, got " + layers);
                }
                return UwmmseWeights.wmmse(layers, UwmmseWeights.PAPER_HIDDEN);
            }
            case "trained" -> {
                if (options.params().containsKey(LAYERS)) {
                    throw new IllegalArgumentException(NAME + ": " + LAYERS + " applies only to weights=wmmse"
                            + " (a trained model has its own L)");
                }
                String dir = options.get(MODEL, null);
                if (dir != null) {
                    return UwmmseModel.read(Path.of(dir)).weights();
                }
                if (!UwmmseModel.shippedAvailable()) {
                    throw new IllegalArgumentException(NAME + ": no trained model ships; pass " + MODEL
                            + "=DIR (from netsim train --model uwmmse) or " + WEIGHTS + "=wmmse");
                }
                return UwmmseModel.readResource(UwmmseModel.SHIPPED).weights();
            }
            default -> throw new IllegalArgumentException(NAME + ": " + WEIGHTS + " must be trained or wmmse, got '"
                    + kind + "'");
        }
    }

    /** @return the weights */
    public UwmmseWeights weights() {
        return weights;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Solution solve(Problem problem, Init init) {
        ZMatrixRMaj[] v = UwmmseExecutor.precoders(weights, problem);
        return Solution.evaluated(problem, v, weights.layers(), List.of());
    }
}
