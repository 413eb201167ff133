package org.netsim.precoding.learned.gcn;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ejml.data.ZMatrixRMaj;
import org.netsim.precoding.Init;
import org.netsim.precoding.InitialPrecoders;
import org.netsim.precoding.Precoder;
import org.netsim.precoding.PrecoderOptions;
import org.netsim.precoding.Problem;
import org.netsim.precoding.Solution;
import org.netsim.precoding.StoppingRule;
import org.netsim.precoding.gcn.GcnWmmseWeights;
import org.netsim.precoding.gcn.PowerProjection;
import org.netsim.precoding.learned.DeviceChoice;
import org.netsim.precoding.learned.LearnedEngine;

/**
 * {@code wmmse-batched}: the classic WMMSE (GCN-WMMSE paper "Coordinated Sum-Rate Maximization in Multicell
 * MU-MIMO with Deep Unrolling", eq. (3a)-(3d), (9)) run by the batched DJL executor of GCN-WMMSE
 * ({@link GcnWmmseNetwork}) with the weights that make every layer one WMMSE iteration
 * ({@link GcnWmmseWeights#classicWmmse}, §III-D: a_W = (0, 1), a_{V,1} = 1, a_{V,0} = 0, b = 0, c = 1, D = 0), in
 * float32 (or float64) on the CPU or a GPU. {@link #solveAll} runs many problems of one shape as one batch (the
 * throughput path); {@link #solve} runs a batch of one. The mu-step is the classic double-precision root finder on
 * the values read back from the engine (no eigendecomposition exists in DJL).
 *
 * <p>Options: the common {@code iterations} (default 100) is the number of layers; {@code trace} records the WSR
 * of every iterate (all computed in one pass, so the trace's times are those of the whole pass); a positive
 * {@code tolerance} is rejected (a batched pass runs a fixed number of layers). {@code device} = auto (default),
 * cpu or gpu; {@code precision} = float32 (default) or float64. Problems: every BS with the same M and number of
 * UEs, every UE with the same N and d ({@link GcnWmmseBatch}); R_k + mu_k I must be nonsingular (generic when
 * sum_j d_j &gt;= M). Budgets: the float result is projected onto the budgets in double precision (eq. (15)), so
 * they always hold. Needs the PyTorch engine. Thread-safe (no mutable state).
 */
public final class BatchedWmmsePrecoder implements Precoder {

    /** Registry name. */
    public static final String NAME = "wmmse-batched";
    /** Option key of the device. */
    public static final String DEVICE = "device";
    /** Option key of the arithmetic precision. */
    public static final String PRECISION = "precision";

    private final PrecoderOptions options;
    private final DeviceChoice device;
    private final DataType type;

    /** @param options common options plus {@code device} and {@code precision} */
    public BatchedWmmsePrecoder(PrecoderOptions options) {
        options.requireOnly(NAME, DEVICE, PRECISION);
        if (options.tolerance() > 0) {
            throw new IllegalArgumentException("precoder.tolerance: " + NAME + " runs a fixed number of layers "
                    + "(iterations); a tolerance is not supported");
        }
        if (options.maxIterations() < 1) {
            throw new IllegalArgumentException("precoder.iterations: must be >= 1, got " + options.maxIterations());
        }
        this.options = options;
        this.device = DeviceChoice.parse(options.get(DEVICE, "auto"), "precoder." + DEVICE);
        this.type = parsePrecision(options.get(PRECISION, "float32"));
    }

    /** Defaults: 100 iterations, float32, auto device. */
    public BatchedWmmsePrecoder() {
        this(PrecoderOptions.defaults());
    }

    static DataType parsePrecision(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "float32" -> DataType.FLOAT32;
            case "float64" -> DataType.FLOAT64;
            default -> throw new IllegalArgumentException("precoder." + PRECISION + ": expected float32 or float64, "
                    + "got '" + value + "'");
        };
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Solution solve(Problem problem, Init init) {
        return solveAll(List.of(problem), List.of(init)).get(0);
    }

    /**
     * Solves problems of one shape as one batch.
     *
     * @param problems B &gt;= 1 problems
     * @param inits one start per problem
     * @return one solution per problem, in order
     */
    public List<Solution> solveAll(List<Problem> problems, List<Init> inits) {
        if (inits.size() != problems.size()) {
            throw new IllegalArgumentException("inits: " + inits.size() + " for " + problems.size() + " problems");
        }
        int layers = options.maxIterations();
        GcnWmmseWeights weights = GcnWmmseWeights.classicWmmse(layers, 1, 1);
        Device dev = LearnedEngine.device(device, "precoder." + DEVICE);
        ZMatrixRMaj[][] starts = new ZMatrixRMaj[problems.size()][];
        for (int b = 0; b < starts.length; b++) {
            starts[b] = InitialPrecoders.create(problems.get(b), inits.get(b));
        }
        List<Solution> out = new ArrayList<>(problems.size());
        try (NDManager manager = LearnedEngine.engine().newBaseManager(dev)) {
            GcnWmmseParameters params = GcnWmmseParameters.of(weights, manager, type, false);
            GcnWmmseBatch batch = GcnWmmseBatch.of(manager, problems, starts, type);
            GcnWmmseNetwork.Output o = GcnWmmseNetwork.forward(params, batch, layers, false);
            double[][] layerWsr = new double[layers + 1][];
            if (options.trace()) {
                for (int l = 0; l <= layers; l++) {
                    layerWsr[l] = o.layerWsr()[l].toType(DataType.FLOAT64, false).toDoubleArray();
                }
            }
            for (int b = 0; b < problems.size(); b++) {
                Problem p = problems.get(b);
                ZMatrixRMaj[] v = batch.precoders(o.precoders(), b);
                for (int k = 0; k < p.numBs(); k++) {
                    PowerProjection.project(v, p.uesOf(k), p.bsPowerW(k));
                }
                StoppingRule rule = new StoppingRule(options);
                rule.start(options.trace() ? layerWsr[0][b] : Double.NaN);
                for (int l = 1; l <= layers; l++) {
                    rule.record(options.trace() ? layerWsr[l][b] : Double.NaN);
                }
                out.add(Solution.evaluated(p, v, layers, rule.trace()));
            }
        }
        return out;
    }
}
