package org.netsim.precoding.learned.iaidnn;

import java.nio.file.Path;
import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import org.netsim.precoding.Init;
import org.netsim.precoding.InitialPrecoders;
import org.netsim.precoding.Precoder;
import org.netsim.precoding.PrecoderOptions;
import org.netsim.precoding.Problem;
import org.netsim.precoding.Solution;

/**
 * IAIDNN (GCN-WMMSE paper "Coordinated Sum-Rate Maximization in Multicell MU-MIMO with Deep Unrolling", §V-C,
 * Tables XIII and XIV): L unrolled layers of the no-μ single-cell WMMSE iteration with trainable first-order
 * approximations of the inverse products, the last V-step exact, the output scaled to the power budget
 * ({@link IaidnnExecutor} states the equations). Single-cell problems only, of the model's dimensions.
 *
 * <p>Options: {@code weights} = {@code trained} (default; {@code model=DIR}, a directory written by
 * {@code netsim train --model iaidnn}, or without it the shipped {@link IaidnnModel#SHIPPED_16X8_NAME}, which
 * serves only M = 16, I = 8, N = d = 2), {@code initial} (the untrained initial weights of
 * {@link IaidnnWeights#initial}, built for each problem's dimensions, with {@code layers} (7), {@code shared}
 * (false), {@code y} (false) and {@code seed} (0)) or {@code exact} (the no-μ WMMSE iteration itself, L =
 * {@code layers} iterations, no weights). The start is the caller's {@link Init} (the paper's: MRC).
 */
public final class IaidnnPrecoder implements Precoder {

    /** Registry name. */
    public static final String NAME = "iaidnn";
    /** Option key: trained, initial or exact. */
    public static final String WEIGHTS = "weights";
    /** Option key of the model directory. */
    public static final String MODEL = "model";
    /** Option key of L for weights=initial|exact. */
    public static final String LAYERS = "layers";
    /** Option key of parameter sharing for weights=initial. */
    public static final String SHARED = "shared";
    /** Option key of trained Y matrices for weights=initial. */
    public static final String Y = "y";
    /** Option key of the seed for weights=initial. */
    public static final String SEED = "seed";
    /** L of the paper's §V-C. */
    public static final int DEFAULT_LAYERS = 7;

    private final IaidnnModel model;
    private final IaidnnExecutor executor;
    private final String kind;
    private final int layers;
    private final boolean shared;
    private final boolean useY;
    private final long seed;

    /** A precoder over a loaded model. */
    public IaidnnPrecoder(IaidnnModel model) {
        this.model = model;
        this.executor = new IaidnnExecutor(model.weights());
        this.kind = "trained";
        this.layers = model.weights().architecture().layers();
        this.shared = model.weights().architecture().shared();
        this.useY = model.weights().architecture().useY();
        this.seed = 0;
    }

    /** The registry's construction (see the class comment for the options). */
    public IaidnnPrecoder(PrecoderOptions options) {
        options.requireOnly(NAME, WEIGHTS, MODEL, LAYERS, SHARED, Y, SEED);
        kind = options.get(WEIGHTS, "trained").trim();
        switch (kind) {
            case "trained" -> {
                for (String k : List.of(LAYERS, SHARED, Y, SEED)) {
                    if (options.params().containsKey(k)) {
                        throw new IllegalArgumentException("precoder." + k + ": fixed by the model (applies only to "
                                + WEIGHTS + "=initial or exact)");
                    }
                }
                String dir = options.get(MODEL, null);
                if (dir == null && !IaidnnModel.hasShipped()) {
                    throw new IllegalArgumentException("precoder." + MODEL + ": " + NAME + " needs a model directory "
                            + "(netsim train --model iaidnn), or " + WEIGHTS + "=initial|exact");
                }
                try {
                    model = dir == null ? shipped() : IaidnnModel.read(Path.of(dir));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("precoder." + MODEL + ": " + e.getMessage(), e);
                }
                executor = new IaidnnExecutor(model.weights());
                layers = model.weights().architecture().layers();
                shared = model.weights().architecture().shared();
                useY = model.weights().architecture().useY();
                seed = 0;
            }
            case "initial", "exact" -> {
                if (options.params().containsKey(MODEL)) {
                    throw new IllegalArgumentException("precoder." + MODEL + ": applies only to " + WEIGHTS
                            + "=trained");
                }
                if (kind.equals("exact")) {
                    for (String k : List.of(SHARED, Y, SEED)) {
                        if (options.params().containsKey(k)) {
                            throw new IllegalArgumentException("precoder." + k + ": applies only to " + WEIGHTS
                                    + "=initial");
                        }
                    }
                }
                model = null;
                executor = null;
                layers = options.getInt(LAYERS, DEFAULT_LAYERS);
                if (layers < 1) {
                    throw new IllegalArgumentException("precoder." + LAYERS + ": must be >= 1, got " + layers);
                }
                shared = bool(options, SHARED);
                useY = bool(options, Y);
                String s = options.get(SEED, "0").trim();
                try {
                    seed = Long.parseLong(s);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("precoder." + SEED + ": not an integer: '" + s + "'");
                }
            }
            default -> throw new IllegalArgumentException("precoder." + WEIGHTS + ": unknown weights '" + kind
                    + "' (expected trained, initial or exact)");
        }
    }

    private static IaidnnModel shippedModel;

    /** The shipped model, read once. */
    private static synchronized IaidnnModel shipped() {
        if (shippedModel == null) {
            shippedModel = IaidnnModel.readResource(IaidnnModel.SHIPPED_16X8);
        }
        return shippedModel;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** @return the loaded model, or null for weights=initial|exact */
    public IaidnnModel model() {
        return model;
    }

    @Override
    public Solution solve(Problem problem, Init init) {
        IaidnnArchitecture.requireSingleCell(problem, NAME);
        IaidnnExecutor ex = executor;
        if (model != null) {
            model.requireFits(problem, NAME);
        } else {
            ex = new IaidnnExecutor(IaidnnWeights.initial(IaidnnArchitecture.of(problem, layers, shared, useY),
                    seed));
        }
        ZMatrixRMaj[] v = ex.run(problem, InitialPrecoders.create(problem, init), kind.equals("exact"));
        return Solution.evaluated(problem, v, layers, List.of());
    }

    private static boolean bool(PrecoderOptions options, String key) {
        String v = options.get(key, "false").trim();
        if (!v.equals("true") && !v.equals("false")) {
            throw new IllegalArgumentException("precoder." + key + ": expected true or false, got '" + v + "'");
        }
        return v.equals("true");
    }
}
