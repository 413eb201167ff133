package org.netsim.precoding.learned.deepfp;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import org.netsim.precoding.learned.ComplexTensor;
import org.netsim.precoding.learned.LearnedEngine;
import org.netsim.precoding.learned.ModelCard;
import org.netsim.precoding.learned.ModelFiles;

/**
 * The batched DJL executor of DeepFP ("DeepFP: Deep-Unfolded Fractional Programming for Massive MIMO
 * Beamforming", Section IV-C, Fig. 2), float32, complex quantities as {@link ComplexTensor} pairs, on problems
 * packed by {@link DeepFpBatch} (whitened, unit budgets). Layer t, from V^{t-1} (all UEs at once):
 * <pre>
 *   Z_i = V_i                                                                   (36)/(48)
 *   G_l = H_l [Z_l of every UE of BS l]                        [L K N_r x K d]  (products H_jl V_l, all j)
 *   D_i = I + sum over every stream of (H_i. v)(H_i. v)^H, S_i = H_il V_i,  F_i = D_i - S_i S_i^H    (3)
 *   X_i = F_i^{-1} S_i = Y_i (I + Gamma_i),  Gamma_i = S_i^H X_i,  Y_i = X_i (I + Gamma_i)^{-1}      (27), (28)
 *   Lambda_i - L_l Z_i = alpha_i H_il^H X_i - sum_j alpha_j H_jl^H (X_j Y_j^H) H_jl Z_i             (26), (30)
 *   lambda_i = max(DNN_t(Z_i, Lambda_i - L_l Z_i), floor)                                           (46)/(51)
 *   Vhat_i = Z_i + (Lambda_i - L_l Z_i) / lambda_i,   V_l = Vhat_l min(1, 1 / ||Vhat_l||_F)         (38), (37)
 * </pre>
 * L_l is never formed: L_l Z = sum_j alpha_j H_jl^H Q_j (H_jl Z) with Q_j = Y_j (I + Gamma_j) Y_j^H (N_r x N_r)
 * reuses the products G. The DNN of layer t is that of {@link DeepFpArchitecture} (complex weights, complex ReLU
 * (47), real-part output). {@link #weightedSumRate} is sum_i alpha_i log det(I + Gamma_i) (2) of a batch's
 * precoders. {@link #executor()} copies the weights into the per-problem Java executor.
 *
 * <p>Owns an {@link NDManager} holding the parameters: close it. Not thread-safe.
 */
public final class DeepFpNetwork implements AutoCloseable {

    private final DeepFpArchitecture architecture;
    private final NDManager manager;
    private final DeepFpBlock block;
    private final ParameterStore parameterStore;

    private DeepFpNetwork(DeepFpArchitecture architecture, NDManager manager, DeepFpBlock block) {
        this.architecture = architecture;
        this.manager = manager;
        this.block = block;
        this.parameterStore = new ParameterStore(manager, false);
    }

    /**
     * A freshly initialised network ({@link DeepFpBlock}'s initialisation).
     *
     * @param seed seed of the initial weights
     * @param initialLambda the dimensionless P_k lambda every layer starts from (&gt; 0)
     */
    public static DeepFpNetwork initialise(DeepFpArchitecture a, long seed, double initialLambda, Device device) {
        if (!(initialLambda > 0) || Double.isInfinite(initialLambda)) {
            throw new IllegalArgumentException("initialLambda: must be finite and > 0, got " + initialLambda);
        }
        NDManager manager = LearnedEngine.engine().newBaseManager(device);
        DeepFpBlock block = new DeepFpBlock(a);
        block.initialise(manager, seed, initialLambda);
        return new DeepFpNetwork(a, manager, block);
    }

    /**
     * Loads a saved model: its card's architecture, then its parameters (shapes checked).
     *
     * @throws IllegalArgumentException (one line) if the files do not match the card
     */
    public static DeepFpNetwork load(ModelFiles.Location location, ModelCard card, Device device) {
        DeepFpArchitecture a = DeepFpArchitecture.fromCard(card);
        NDManager manager = LearnedEngine.engine().newBaseManager(device);
        try {
            DeepFpBlock block = new DeepFpBlock(a);
            ModelFiles.loadParameters(location, card, block, manager);
            requireShapes(block, location.describe() + "/" + ModelFiles.PARAMETERS_FILE);
            return new DeepFpNetwork(a, manager, block);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** Loads a saved model on the CPU ({@link #load(ModelFiles.Location, ModelCard, Device)}). */
    public static DeepFpNetwork load(ModelFiles.Location location, ModelCard card) {
        return load(location, card, Device.cpu());
    }

    /** Loads parameters saved by {@link #parameterBytes()} into a network of architecture {@code a}. */
    static DeepFpNetwork fromBytes(DeepFpArchitecture a, byte[] parameters, Device device) {
        NDManager manager = LearnedEngine.engine().newBaseManager(device);
        try (var in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(parameters))) {
            DeepFpBlock block = new DeepFpBlock(a);
            block.loadParameters(manager, in);
            requireShapes(block, "checkpoint parameters");
            return new DeepFpNetwork(a, manager, block);
        } catch (java.io.IOException | ai.djl.MalformedModelException | RuntimeException e) {
            manager.close();
            throw new IllegalArgumentException("checkpoint parameters: do not fit " + a.describe() + ": "
                    + e.getMessage(), e);
        }
    }

    private static void requireShapes(DeepFpBlock block, String where) {
        int[] w = block.architecture().widths();
        for (int t = 0; t < block.architecture().layers(); t++) {
            for (int j = 0; j + 1 < w.length; j++) {
                Shape ew = new Shape(w[j], w[j + 1]);
                Shape eb = new Shape(w[j + 1]);
                for (Parameter p : new Parameter[] {block.weightRe(t, j), block.weightIm(t, j)}) {
                    if (!p.getArray().getShape().equals(ew)) {
                        throw new IllegalArgumentException(where + ": parameter " + p.getName() + " has shape "
                                + p.getArray().getShape() + ", the card's architecture needs " + ew);
                    }
                }
                for (Parameter p : new Parameter[] {block.biasRe(t, j), block.biasIm(t, j)}) {
                    if (!p.getArray().getShape().equals(eb)) {
                        throw new IllegalArgumentException(where + ": parameter " + p.getName() + " has shape "
                                + p.getArray().getShape() + ", the card's architecture needs " + eb);
                    }
                }
            }
        }
    }

    /** @return the architecture */
    public DeepFpArchitecture architecture() {
        return architecture;
    }

    /** @return the DJL block holding the parameters (for the optimiser) */
    public ai.djl.nn.Block block() {
        return block;
    }

    /** @return the manager of the parameters */
    public NDManager manager() {
        return manager;
    }

    /**
     * The output of a forward pass.
     *
     * @param precoders V~^T, [B, L, K, N_t, d] (unit budgets)
     * @param lambdas the dimensionless lambda~ = P_k lambda of every layer, [T, B, L, K]
     */
    public record Output(ComplexTensor precoders, NDArray lambdas) {
    }

    /**
     * The forward pass (arrays on the network's device, in one scope the caller closes).
     *
     * @param h H~ [B, L, L K N_r, N_t] ({@link DeepFpBatch#channels})
     * @param v0 V~^0 [B, L, K, N_t, d]
     * @param alpha weights [B, L, K]
     * @param training whether to record for back-propagation
     */
    public Output forward(ComplexTensor h, ComplexTensor v0, NDArray alpha, boolean training) {
        Shape vs = v0.shape();
        long b = vs.get(0);
        long l = vs.get(1);
        long k = vs.get(2);
        long nt = vs.get(3);
        long d = vs.get(4);
        ComplexTensor v = v0;
        NDList lambdas = new NDList();
        ComplexTensor hh = h.hermitian(); // [B, L, N_t, L K N_r]
        for (int t = 0; t < architecture.layers(); t++) {
            Receivers r = receivers(h, v, alpha);
            // Lambda - L Z per BS, [B, L, N_t, K d] -> [B, L, K, N_t, d]
            ComplexTensor dir = permute(reshape(hh.matMul(r.w), b, l, nt, k, d), 0, 1, 3, 2, 4);
            NDArray x0re = NDArrays.concat(new NDList(v.re().reshape(b, l, k, nt * d),
                    dir.re().reshape(b, l, k, nt * d)), 3);
            NDArray x0im = NDArrays.concat(new NDList(v.im().reshape(b, l, k, nt * d),
                    dir.im().reshape(b, l, k, nt * d)), 3);
            NDArray lambda = dnn(t, new ComplexTensor(x0re, x0im), training); // [B, L, K]
            lambdas.add(lambda);
            ComplexTensor vhat = v.add(dir.scale(lambda.reshape(b, l, k, 1, 1).pow(-1)));
            NDArray power = vhat.abs2().sum(new int[] {2, 3, 4}); // [B, L]
            NDArray scale = power.maximum(1f).sqrt().pow(-1).reshape(b, l, 1, 1, 1);
            v = vhat.scale(scale);
        }
        return new Output(v, NDArrays.stack(lambdas));
    }

    /** lambda~ of layer t for input rows x [..., 2 N_t d] (complex): [...] real, floored. */
    NDArray dnn(int t, ComplexTensor x, boolean training) {
        int depth = architecture.widths().length - 1;
        ComplexTensor a = x;
        for (int j = 0; j < depth; j++) {
            ComplexTensor w = new ComplexTensor(value(block.weightRe(t, j), training),
                    value(block.weightIm(t, j), training));
            ComplexTensor bias = new ComplexTensor(value(block.biasRe(t, j), training),
                    value(block.biasIm(t, j), training));
            a = a.matMul(w).add(bias);
            if (j < depth - 1) {
                a = new ComplexTensor(a.re().maximum(0f), a.im().maximum(0f)); // complex ReLU (47)
            }
        }
        NDArray out = a.re(); // Re(.) output activation
        Shape s = out.getShape();
        return out.reshape(s.slice(0, s.dimension() - 1)).maximum((float) DeepFpArchitecture.LAMBDA_FLOOR);
    }

    private NDArray value(Parameter p, boolean training) {
        return parameterStore.getValue(p, p.getArray().getDevice(), training);
    }

    /** The UE-side quantities of one iterate and the weighted matrix whose product with H^H is Lambda - L Z. */
    private record Receivers(ComplexTensor w, ComplexTensor gamma) {
    }

    /**
     * From V~ [B, L, K, N_t, d]: Gamma_i [B, U, d, d] and W [B, L, U N_r, K d] with H_l^H W_l = Lambda - L_l Z_l.
     */
    private static Receivers receivers(ComplexTensor h, ComplexTensor v, NDArray alpha) {
        Shape vs = v.shape();
        long b = vs.get(0);
        long l = vs.get(1);
        long k = vs.get(2);
        long nt = vs.get(3);
        long d = vs.get(4);
        long u = l * k;
        long nr = h.shape().get(2) / u;
        long c = k * d;
        ComplexTensor vl = reshape(permute(v, 0, 1, 3, 2, 4), b, l, nt, c);   // [B, L, N_t, K d]
        ComplexTensor g = h.matMul(vl);                                        // [B, L, U N_r, K d]
        ComplexTensor gu = reshape(permute(reshape(g, b, l, u, nr, c), 0, 2, 3, 1, 4), b, u, nr, l * c);
        NDArray eye = h.re().getManager().eye((int) u).reshape(1, u, 1, u, 1);
        ComplexTensor gs = reshape(gu, b, u, nr, u, d);
        ComplexTensor s = new ComplexTensor(gs.re().mul(eye).sum(new int[] {3}), gs.im().mul(eye).sum(new int[] {3}));
        NDArray eyeR = h.re().getManager().eye((int) nr);
        ComplexTensor dMat = gu.timesHermitian(gu);
        dMat = new ComplexTensor(dMat.re().add(eyeR), dMat.im());
        ComplexTensor f = dMat.sub(s.timesHermitian(s));                       // [B, U, N_r, N_r]
        ComplexTensor x = f.inverse().matMul(s);                               // F^{-1} S = Y (I + Gamma)
        ComplexTensor gamma = s.hermitianTimes(x);                             // [B, U, d, d]
        NDArray eyeD = h.re().getManager().eye((int) d);
        ComplexTensor onePlusGamma = new ComplexTensor(gamma.re().add(eyeD), gamma.im());
        ComplexTensor y = x.matMul(onePlusGamma.inverse());                    // Y [B, U, N_r, d]
        ComplexTensor q = x.timesHermitian(y);                                 // Y (I + Gamma) Y^H
        NDArray a = alpha.reshape(b, u, 1, 1);
        ComplexTensor tq = q.matMul(gu).scale(a);                              // [B, U, N_r, L K d]
        ComplexTensor xa = x.scale(a);
        ComplexTensor own = reshape(new ComplexTensor(reshape(xa, b, u, nr, 1, d).re().mul(eye),
                reshape(xa, b, u, nr, 1, d).im().mul(eye)), b, u, nr, u * d);
        ComplexTensor w = reshape(permute(reshape(own.sub(tq), b, u, nr, l, c), 0, 3, 1, 2, 4), b, l, u * nr, c);
        return new Receivers(w, gamma);
    }

    /**
     * The weighted sum rate of normalised precoders, sum_i alpha_i log det(I + Gamma_i) (2), per problem.
     *
     * @return [B] in nat/s/Hz
     */
    public static NDArray weightedSumRate(ComplexTensor h, ComplexTensor v, NDArray alpha) {
        Receivers r = receivers(h, v, alpha);
        ComplexTensor gamma = r.gamma();
        long d = gamma.shape().get(3);
        NDArray eyeD = h.re().getManager().eye((int) d);
        NDArray rates = logDetHpd(new ComplexTensor(gamma.re().add(eyeD), gamma.im())); // [B, U]
        Shape as = alpha.getShape();
        return rates.mul(alpha.reshape(as.get(0), as.get(1) * as.get(2))).sum(new int[] {1});
    }

    /**
     * log det A of Hermitian positive definite matrices [..., n, n] by Gaussian elimination without pivoting
     * (the pivots of an HPD matrix are its Cholesky diagonal squared, real and positive): differentiable.
     *
     * @return [...], real
     */
    static NDArray logDetHpd(ComplexTensor a) {
        long n = a.shape().get(a.shape().dimension() - 1);
        NDArray acc = null;
        ComplexTensor m = a;
        for (long j = 0; j < n; j++) {
            NDArray pivot = m.re().get(new NDIndex("..., 0, 0"));
            acc = acc == null ? pivot.log() : acc.add(pivot.log());
            if (j + 1 < n) {
                ComplexTensor col = new ComplexTensor(m.re().get(new NDIndex("..., 1:, 0:1")),
                        m.im().get(new NDIndex("..., 1:, 0:1")));
                ComplexTensor row = new ComplexTensor(m.re().get(new NDIndex("..., 0:1, 1:")),
                        m.im().get(new NDIndex("..., 0:1, 1:")));
                ComplexTensor rest = new ComplexTensor(m.re().get(new NDIndex("..., 1:, 1:")),
                        m.im().get(new NDIndex("..., 1:, 1:")));
                Shape ps = pivot.getShape();
                long[] dims = new long[ps.dimension() + 2];
                for (int e = 0; e < ps.dimension(); e++) {
                    dims[e] = ps.get(e);
                }
                dims[dims.length - 2] = 1;
                dims[dims.length - 1] = 1;
                m = rest.sub(col.matMul(row).scale(pivot.reshape(new Shape(dims)).pow(-1)));
            }
        }
        return acc;
    }

    static ComplexTensor reshape(ComplexTensor z, long... shape) {
        return new ComplexTensor(z.re().reshape(shape), z.im().reshape(shape));
    }

    static ComplexTensor permute(ComplexTensor z, int... axes) {
        return new ComplexTensor(z.re().transpose(axes), z.im().transpose(axes));
    }

    /**
     * Batched inference: DeepFP on packed problems.
     *
     * @return per problem, per UE, V_i (M_k x d_i) in watts^(1/2), within budget up to float rounding
     */
    public ZMatrixRMaj[][] solve(DeepFpBatch batch) {
        try (NDManager scope = manager.newSubManager()) {
            Output out = forward(batch.channels(scope), batch.initialPrecoders(scope), batch.weights(scope), false);
            return batch.unpack(out.precoders().re().toFloatArray(), out.precoders().im().toFloatArray());
        }
    }

    /** @return the per-problem Java executor over a copy of the current weights */
    public DeepFpExecutor executor() {
        int depth = architecture.widths().length - 1;
        int layers = architecture.layers();
        float[][][] w = new float[4][][];
        for (int part = 0; part < 4; part++) {
            w[part] = new float[layers * depth][];
        }
        for (int t = 0; t < layers; t++) {
            for (int j = 0; j < depth; j++) {
                w[0][t * depth + j] = block.weightRe(t, j).getArray().toFloatArray();
                w[1][t * depth + j] = block.weightIm(t, j).getArray().toFloatArray();
                w[2][t * depth + j] = block.biasRe(t, j).getArray().toFloatArray();
                w[3][t * depth + j] = block.biasIm(t, j).getArray().toFloatArray();
            }
        }
        return new DeepFpExecutor(architecture, w[0], w[1], w[2], w[3]);
    }

    /** @return the parameters in DJL's encoding (for checkpoints) */
    byte[] parameterBytes() {
        var bytes = new java.io.ByteArrayOutputStream();
        try (var out = new java.io.DataOutputStream(bytes)) {
            block.saveParameters(out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("parameters: cannot encode", e);
        }
        return bytes.toByteArray();
    }

    /** @return every parameter's values, in the block's order */
    List<float[]> snapshot() {
        List<float[]> s = new ArrayList<>();
        for (var p : block.getParameters()) {
            s.add(p.getValue().getArray().toFloatArray());
        }
        return s;
    }

    /** Sets every parameter from {@link #snapshot()} values. */
    void restore(List<float[]> values) {
        int e = 0;
        for (var p : block.getParameters()) {
            p.getValue().getArray().set(java.nio.FloatBuffer.wrap(values.get(e++)));
        }
    }

    /**
     * Encodes the parameters and {@code card} for saving ({@link ModelFiles#encode}).
     *
     * @throws IllegalArgumentException when the card describes another architecture
     */
    public ModelFiles.Encoded encode(ModelCard card) {
        if (!DeepFpArchitecture.fromCard(card).equals(architecture)) {
            throw new IllegalArgumentException("card: describes " + DeepFpArchitecture.fromCard(card)
                    + ", the network is " + architecture);
        }
        return ModelFiles.encode(block, card);
    }

    @Override
    public void close() {
        manager.close();
    }
}
