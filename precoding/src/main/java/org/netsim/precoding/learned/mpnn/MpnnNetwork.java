package org.netsim.precoding.learned.mpnn;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;
import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.netsim.precoding.Init;
import org.netsim.precoding.Problem;
import org.netsim.precoding.learned.ComplexTensor;
import org.netsim.precoding.learned.LearnedEngine;
import org.netsim.precoding.learned.ModelCard;
import org.netsim.precoding.learned.ModelFiles;

/**
 * The batched DJL executor of {@link MpnnArchitecture}: the StructuralMPNN of Song et al. on a batch of problems
 * in float32, complex quantities as {@link ComplexTensor} pairs (so gradients reach every real parameter), for
 * training and batch inference. {@link #executor()} copies the weights into the per-problem Java executor.
 *
 * <p>Shapes (S samples, n = B U UEs, r = N_r, P = N'_t): pair channels H~ [S, n, n, r, N_t]; V [S, n, P, r]; pair
 * signals G = H' V [S, n, n, r, r]; features [S, n, F]. The sum rate of problem (2) (in nat, unit noise after the
 * input normalisation) is evaluated here too, as the training loss: R_i = ln det(T_i) - ln det(T_i - Q_ii) with
 * Q_ij = G_ij G_ij^H, T_i = I + sum_j Q_ij, the log-determinants by successive Schur complements (exact for the
 * Hermitian positive definite T_i, differentiable, no decomposition needed).
 *
 * <p>Owns an {@link NDManager} holding the parameters: close it. Not thread-safe.
 */
public final class MpnnNetwork implements AutoCloseable {

    /** The parameter container (the forward pass is {@link MpnnNetwork#forward}); saved and loaded by DJL. */
    static final class MpnnBlock extends AbstractBlock {
        private static final byte VERSION = 1;
        final Map<String, Parameter> byName = new LinkedHashMap<>();

        MpnnBlock(MpnnArchitecture a) {
            super(VERSION);
            if (a.expands()) {
                add(MpnnNames.D_RE, new Shape(a.bsAntennas(), a.expandedAntennas()));
                add(MpnnNames.D_IM, new Shape(a.bsAntennas(), a.expandedAntennas()));
            }
            for (MpnnArchitecture.Layer l : a.layers()) {
                for (String part : MpnnNames.LAYER_PARTS) {
                    add(l.name() + part, part.startsWith(".weight") ? new Shape(l.out(), l.in()) : new Shape(l.out()));
                }
            }
        }

        private void add(String name, Shape shape) {
            byName.put(name, addParameter(Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT)
                    .optShape(shape).build()));
        }

        @Override
        protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                PairList<String, Object> params) {
            throw new UnsupportedOperationException("use MpnnNetwork.forward");
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            return inputShapes;
        }
    }

    private final MpnnArchitecture architecture;
    private final NDManager manager;
    private final MpnnBlock block;

    private MpnnNetwork(MpnnArchitecture architecture, NDManager manager, MpnnBlock block) {
        this.architecture = architecture;
        this.manager = manager;
        this.block = block;
    }

    /**
     * A freshly initialised network: complex weights W_r, W_i with i.i.d. N(0, 1 / (2 in)) entries (unit gain of a
     * complex map), biases zero; the heads of W_L, W_R at 1/100 of that scale (W ~ I at the start, so the untrained
     * network stays near its initialisation); D = [I 0] + CN(0, 10^-4) entries.
     *
     * @param seed the seed of the initial weights
     */
    public static MpnnNetwork initialise(MpnnArchitecture a, long seed, Device device) {
        NDManager manager = LearnedEngine.engine().newBaseManager(device);
        try {
            MpnnBlock block = new MpnnBlock(a);
            block.setInitializer(Initializer.ZEROS, Parameter.Type.WEIGHT);
            block.initialize(manager, DataType.FLOAT32, new Shape(1));
            SplittableRandom rng = new SplittableRandom(seed);
            if (a.expands()) {
                int nt = a.bsAntennas();
                int p = a.expandedAntennas();
                float[] re = new float[nt * p];
                float[] im = new float[nt * p];
                for (int r = 0; r < nt; r++) {
                    for (int c = 0; c < p; c++) {
                        re[r * p + c] = (float) ((r == c ? 1.0 : 0.0) + 0.01 * gaussian(rng) / Math.sqrt(2));
                        im[r * p + c] = (float) (0.01 * gaussian(rng) / Math.sqrt(2));
                    }
                }
                block.byName.get(MpnnNames.D_RE).getArray().set(FloatBuffer.wrap(re));
                block.byName.get(MpnnNames.D_IM).getArray().set(FloatBuffer.wrap(im));
            }
            for (MpnnArchitecture.Layer l : a.layers()) {
                boolean head = l.name().equals(MpnnNames.HEAD_L) || l.name().equals(MpnnNames.HEAD_R);
                double std = (head ? 0.01 : 1.0) / Math.sqrt(2.0 * l.in());
                for (String part : List.of(".weight.re", ".weight.im")) {
                    float[] w = new float[l.in() * l.out()];
                    for (int e = 0; e < w.length; e++) {
                        w[e] = (float) (std * gaussian(rng));
                    }
                    block.byName.get(l.name() + part).getArray().set(FloatBuffer.wrap(w));
                }
            }
            return new MpnnNetwork(a, manager, block);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    private static double gaussian(SplittableRandom rng) {
        double u = 1.0 - rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    /**
     * Loads a saved model: its card's architecture, then its parameters, whose shapes are checked one by one.
     *
     * @throws IllegalArgumentException (one line) if the files do not fit the card
     */
    public static MpnnNetwork load(ModelFiles.Location location, ModelCard card, Device device) {
        MpnnArchitecture a = MpnnArchitecture.fromCard(card);
        NDManager manager = LearnedEngine.engine().newBaseManager(device);
        try {
            MpnnBlock block = new MpnnBlock(a);
            ModelFiles.loadParameters(location, card, block, manager);
            MpnnBlock expected = new MpnnBlock(a);
            for (Map.Entry<String, Parameter> e : block.byName.entrySet()) {
                Shape got = e.getValue().getArray().getShape();
                Shape want = expected.byName.get(e.getKey()).getShape();
                if (!got.equals(want)) {
                    throw new IllegalArgumentException(location.describe() + "/" + ModelFiles.PARAMETERS_FILE
                            + ": parameter " + e.getKey() + " has shape " + got + ", the card's architecture ("
                            + a.describe() + ") needs " + want);
                }
            }
            return new MpnnNetwork(a, manager, block);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** @return the architecture */
    public MpnnArchitecture architecture() {
        return architecture;
    }

    /** @return the parameter block (for the optimiser) */
    public AbstractBlock block() {
        return block;
    }

    /** @return the manager of the parameters */
    public NDManager manager() {
        return manager;
    }

    /**
     * A view of parameter {@code name} owned by {@code m}: results of operations whose first operand is a parameter
     * would otherwise belong to the parameters' manager and keep every step's graph alive.
     */
    private NDArray p(String name, NDManager m) {
        NDArray w = block.byName.get(name).getArray();
        NDArray view = w.reshape(w.getShape());
        view.attach(m);
        return view;
    }

    private ComplexTensor expansion(NDManager m) {
        return new ComplexTensor(p(MpnnNames.D_RE, m), p(MpnnNames.D_IM, m));
    }

    /** y = W x + b for x [..., in]: W^T multiplies from the right. */
    private ComplexTensor affine(String layer, ComplexTensor x) {
        NDManager m = x.re().getManager();
        ComplexTensor wt = new ComplexTensor(p(layer + ".weight.re", m).transpose(),
                p(layer + ".weight.im", m).transpose());
        ComplexTensor y = x.matMul(wt);
        return new ComplexTensor(y.re().add(p(layer + ".bias.re", m)), y.im().add(p(layer + ".bias.im", m)));
    }

    static NDArray gelu(NDArray x) {
        NDArray inner = x.add(x.mul(x).mul(x).mul(MpnnNames.GELU_A)).mul(MpnnNames.GELU_C).tanh().add(1.0);
        return x.mul(inner).mul(0.5);
    }

    static ComplexTensor gelu(ComplexTensor z) {
        return new ComplexTensor(gelu(z.re()), gelu(z.im()));
    }

    /** The pooling weights of the architecture, [n, n] each, in {@code m}. */
    private record Masks(NDArray intra, NDArray inter, NDArray others, NDArray sameCell, NDArray eye) {
    }

    private Masks masks(NDManager m) {
        int n = architecture.numUe();
        int u = architecture.uesPerBs();
        int b = architecture.numBs();
        float[] intra = new float[n * n];
        float[] inter = new float[n * n];
        float[] others = new float[n * n];
        float[] same = new float[n * n];
        float[] eye = new float[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                boolean sc = architecture.cellOf(i) == architecture.cellOf(j);
                intra[i * n + j] = sc && i != j ? (float) (1.0 / (u - 1)) : 0f;
                inter[i * n + j] = !sc ? (float) (1.0 / ((b - 1) * u)) : 0f;
                others[i * n + j] = i != j ? (float) (1.0 / (n - 1)) : 0f;
                same[i * n + j] = sc ? 1f : 0f;
                eye[i * n + j] = i == j ? 1f : 0f;
            }
        }
        Shape s = new Shape(n, n);
        return new Masks(m.create(intra, s), m.create(inter, s), m.create(others, s), m.create(same, s),
                m.create(eye, s));
    }

    private static ComplexTensor leftMul(NDArray realMatrix, ComplexTensor x) {
        return new ComplexTensor(realMatrix.matMul(x.re()), realMatrix.matMul(x.im()));
    }

    /** Normalisation (5) per BS: V [S, n, rows, r] scaled so that every BS's squared norms sum to 1. */
    private static ComplexTensor normalise(ComplexTensor v, Masks mk) {
        Shape s = v.shape();
        NDArray power = v.frobeniusSquared(); // [S, n]
        NDArray cell = power.matMul(mk.sameCell()).maximum(MpnnNames.MIN_POWER); // [S, n]
        NDArray norm = cell.sqrt().reshape(s.get(0), s.get(1), 1, 1);
        return new ComplexTensor(v.re().div(norm), v.im().div(norm));
    }

    /** Pools pair features X [S, n, n, f] with weights M [n, n]: over j of X_ij (received) or of X_ji (caused). */
    private static ComplexTensor poolPairs(ComplexTensor x, NDArray m, boolean received) {
        int n = (int) m.getShape().get(0);
        NDArray w = m.reshape(1, n, n, 1);
        int axis = received ? 2 : 1;
        return new ComplexTensor(x.re().mul(w).sum(new int[] {axis}), x.im().mul(w).sum(new int[] {axis}));
    }

    /** The encoder and the MPNN: z [S, n, F] from H' [S, n, n, r, P] and V' [S, n, P, r]. */
    private ComplexTensor features(ComplexTensor hp, ComplexTensor v, Masks mk) {
        Shape s = v.shape();
        long samples = s.get(0);
        long n = s.get(1);
        int r = architecture.ueAntennas();
        ComplexTensor vec = new ComplexTensor(v.re().reshape(samples, n, -1), v.im().reshape(samples, n, -1));
        ComplexTensor fv1 = gelu(affine("vDesired", vec));
        ComplexTensor fv2 = leftMul(mk.intra(), gelu(affine("vIntraCell", vec)));
        ComplexTensor fv3 = leftMul(mk.inter(), gelu(affine("vInterCell", vec)));
        // G_ij = H'_{i,b(j)} V'_j: [S, n, n, r, P] x [S, 1, n, P, r] -> [S, n, n, r, r]
        ComplexTensor vj = new ComplexTensor(v.re().expandDims(1), v.im().expandDims(1));
        ComplexTensor g = hp.matMul(vj);
        ComplexTensor gv = new ComplexTensor(g.re().reshape(samples, n, n, (long) r * r),
                g.im().reshape(samples, n, n, (long) r * r));
        ComplexTensor diag = poolPairs(gv, mk.eye(), true);
        ComplexTensor fh1 = gelu(affine("hvDesired", diag));
        ComplexTensor fh2 = poolPairs(gelu(affine("hvIntraCell", gv)), mk.intra(), true);
        ComplexTensor fh3 = poolPairs(gelu(affine("hvInterCell", gv)), mk.inter(), true);
        ComplexTensor fh4 = poolPairs(gelu(affine("hvToIntraCell", gv)), mk.intra(), false);
        ComplexTensor fh5 = poolPairs(gelu(affine("hvToInterCell", gv)), mk.inter(), false);
        List<ComplexTensor> parts = List.of(fv1, fv2, fv3, fh1, fh2, fh3, fh4, fh5);
        NDList re = new NDList();
        NDList im = new NDList();
        for (ComplexTensor c : parts) {
            re.add(c.re());
            im.add(c.im());
        }
        ComplexTensor e = new ComplexTensor(NDArrays.concat(re, 2), NDArrays.concat(im, 2)); // [S, n, F]
        ComplexTensor msg = leftMul(mk.others(), e);
        ComplexTensor m = gelu(affine(MpnnNames.MPNN_2, gelu(affine(MpnnNames.MPNN_1, msg))));
        return e.add(m);
    }

    private static ComplexTensor plusIdentity(ComplexTensor w, NDArray eye) {
        return new ComplexTensor(w.re().add(eye), w.im());
    }

    /**
     * The forward pass (all five iterations) on a batch already on the network's device.
     *
     * @param h pair channels H~ [S, n, n, r, N_t]
     * @param v0 initial precoders V~^0 [S, n, N_t, r]
     * @return V~ [S, n, N_t, r], each BS's squared norms summing to 1
     */
    public ComplexTensor forward(ComplexTensor h, ComplexTensor v0) {
        NDManager m = h.re().getManager();
        Masks mk = masks(m);
        MpnnArchitecture a = architecture;
        long samples = h.shape().get(0);
        long n = a.numUe();
        int pdim = a.expandedAntennas();
        int r = a.ueAntennas();
        ComplexTensor hp = h;
        ComplexTensor v = v0;
        if (a.expands()) {
            ComplexTensor d = expansion(m);
            hp = h.matMul(d); // (3): [S, n, n, r, P]
            v = d.hermitian().matMul(v0); // (4): [S, n, P, r]
        }
        v = normalise(v, mk);
        NDArray eyeL = m.eye(pdim);
        NDArray eyeR = m.eye(r);
        for (int t = 0; t < a.iterations(); t++) {
            ComplexTensor z = features(hp, v, mk);
            if (a.variant() == MpnnArchitecture.Variant.BLACK_BOX) {
                ComplexTensor q = affine(MpnnNames.HEAD_V, z);
                v = new ComplexTensor(q.re().reshape(samples, n, pdim, r), q.im().reshape(samples, n, pdim, r));
            } else {
                ComplexTensor wl = affine(MpnnNames.HEAD_L, z);
                ComplexTensor wr = affine(MpnnNames.HEAD_R, z);
                wl = plusIdentity(new ComplexTensor(wl.re().reshape(samples, n, pdim, pdim),
                        wl.im().reshape(samples, n, pdim, pdim)), eyeL);
                wr = plusIdentity(new ComplexTensor(wr.re().reshape(samples, n, r, r),
                        wr.im().reshape(samples, n, r, r)), eyeR);
                v = wl.matMul(v).matMul(wr);
            }
            v = normalise(v, mk);
        }
        if (a.expands()) {
            v = expansion(m).matMul(v); // (6): [S, n, N_t, r]
        }
        return normalise(v, mk);
    }

    /**
     * The sum rate of problem (2) per sample, nat/s/Hz, for normalised channels and precoders (unit noise).
     *
     * @param h [S, n, n, r, N_t]
     * @param v [S, n, N_t, r]
     * @return [S]
     */
    public static NDArray sumRateNat(ComplexTensor h, ComplexTensor v) {
        long n = v.shape().get(1);
        int r = (int) v.shape().get(3);
        NDManager m = h.re().getManager();
        ComplexTensor g = h.matMul(new ComplexTensor(v.re().expandDims(1), v.im().expandDims(1))); // [S,n,n,r,r]
        ComplexTensor q = g.timesHermitian(g);
        NDArray eye = m.eye(r);
        ComplexTensor total = new ComplexTensor(q.re().sum(new int[] {2}).add(eye), q.im().sum(new int[] {2}));
        NDArray sel = m.eye((int) n).reshape(1, n, n, 1, 1);
        ComplexTensor own = new ComplexTensor(q.re().mul(sel).sum(new int[] {2}), q.im().mul(sel).sum(new int[] {2}));
        NDArray rate = logDetHpd(total).sub(logDetHpd(total.sub(own))); // [S, n]
        return rate.sum(new int[] {1});
    }

    /** ln det A for Hermitian positive definite A [..., k, k], by successive Schur complements. */
    static NDArray logDetHpd(ComplexTensor a) {
        NDArray sum = null;
        ComplexTensor x = a;
        while (true) {
            int k = (int) x.shape().get(x.shape().dimension() - 1);
            NDArray pivot = x.re().get(new NDIndex("..., 0:1, 0:1")); // real for a Hermitian matrix
            int dims = pivot.getShape().dimension();
            NDArray term = pivot.log().squeeze(new int[] {dims - 2, dims - 1});
            sum = sum == null ? term : sum.add(term);
            if (k == 1) {
                return sum;
            }
            ComplexTensor col = new ComplexTensor(x.re().get(new NDIndex("..., 1:, 0:1")),
                    x.im().get(new NDIndex("..., 1:, 0:1")));
            ComplexTensor row = new ComplexTensor(x.re().get(new NDIndex("..., 0:1, 1:")),
                    x.im().get(new NDIndex("..., 0:1, 1:")));
            ComplexTensor rest = new ComplexTensor(x.re().get(new NDIndex("..., 1:, 1:")),
                    x.im().get(new NDIndex("..., 1:, 1:")));
            ComplexTensor outer = col.matMul(row);
            x = rest.sub(new ComplexTensor(outer.re().div(pivot), outer.im().div(pivot)));
        }
    }

    /** Inputs of a batch of problems as float arrays, the layout of {@link MpnnArchitecture#pairChannels}. */
    public record Inputs(int size, float[] hRe, float[] hIm, float[] vRe, float[] vIm) {
    }

    /** @return the inputs of {@code problems} with initialisation {@code init} */
    public static Inputs inputs(MpnnArchitecture a, List<Problem> problems, Init init) {
        int s = problems.size();
        Inputs in = new Inputs(s, new float[s * a.pairChannelSize()], new float[s * a.pairChannelSize()],
                new float[s * a.precoderSize()], new float[s * a.precoderSize()]);
        for (int k = 0; k < s; k++) {
            a.pairChannels(problems.get(k), in.hRe(), in.hIm(), k * a.pairChannelSize());
            a.initialPrecoders(problems.get(k), init, in.vRe(), in.vIm(), k * a.precoderSize());
        }
        return in;
    }

    /** Tensors of samples [first, first + count) of {@code in} in manager {@code m}: H~ then V~^0. */
    public ComplexTensor[] tensors(NDManager m, Inputs in, int first, int count) {
        MpnnArchitecture a = architecture;
        int hs = a.pairChannelSize();
        int vs = a.precoderSize();
        long n = a.numUe();
        Shape hShape = new Shape(count, n, n, a.ueAntennas(), a.bsAntennas());
        Shape vShape = new Shape(count, n, a.bsAntennas(), a.ueAntennas());
        ComplexTensor h = new ComplexTensor(m.create(FloatBuffer.wrap(in.hRe(), first * hs, count * hs), hShape),
                m.create(FloatBuffer.wrap(in.hIm(), first * hs, count * hs), hShape));
        ComplexTensor v = new ComplexTensor(m.create(FloatBuffer.wrap(in.vRe(), first * vs, count * vs), vShape),
                m.create(FloatBuffer.wrap(in.vIm(), first * vs, count * vs), vShape));
        return new ComplexTensor[] {h, v};
    }

    /**
     * Batched inference.
     *
     * @return per problem the normalised precoders V~ ([n, N_t, r] row-major, real then imaginary part), {@code
     *     [problems][2][n N_t r]}
     */
    public double[][][] predict(List<Problem> problems, Init init) {
        Inputs in = inputs(architecture, problems, init);
        int vs = architecture.precoderSize();
        double[][][] out = new double[problems.size()][2][vs];
        try (NDManager scope = manager.newSubManager()) {
            ComplexTensor[] t = tensors(scope, in, 0, problems.size());
            ComplexTensor v = forward(t[0], t[1]);
            float[] re = v.re().toFloatArray();
            float[] im = v.im().toFloatArray();
            for (int s = 0; s < out.length; s++) {
                for (int e = 0; e < vs; e++) {
                    out[s][0][e] = re[s * vs + e];
                    out[s][1][e] = im[s * vs + e];
                }
            }
        }
        return out;
    }

    /** @return the mean sum rate (nat/s/Hz) of the network on {@code in}, in chunks of {@code chunk} */
    public double meanSumRateNat(Inputs in, int chunk) {
        double total = 0;
        for (int first = 0; first < in.size(); first += chunk) {
            int c = Math.min(chunk, in.size() - first);
            try (NDManager scope = manager.newSubManager()) {
                ComplexTensor[] t = tensors(scope, in, first, c);
                total += sumRateNat(t[0], forward(t[0], t[1])).sum().getFloat();
            }
        }
        return total / in.size();
    }

    /** @return the per-problem Java executor over a copy of the current weights */
    public MpnnExecutor executor() {
        Map<String, float[]> w = new LinkedHashMap<>();
        for (Map.Entry<String, Parameter> e : block.byName.entrySet()) {
            w.put(e.getKey(), e.getValue().getArray().toFloatArray());
        }
        return new MpnnExecutor(architecture, w);
    }

    /**
     * Encodes the parameters and {@code card} for saving.
     *
     * @throws IllegalArgumentException when the card describes another architecture
     */
    public ModelFiles.Encoded encode(ModelCard card) {
        if (!MpnnArchitecture.fromCard(card).equals(architecture)) {
            throw new IllegalArgumentException("card: describes " + MpnnArchitecture.fromCard(card)
                    + ", the network is " + architecture);
        }
        return ModelFiles.encode(block, card);
    }

    @Override
    public void close() {
        manager.close();
    }
}
