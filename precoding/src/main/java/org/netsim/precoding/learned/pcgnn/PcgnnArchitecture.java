package org.netsim.precoding.learned.pcgnn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ejml.data.ZMatrixRMaj;
import org.netsim.precoding.InitialPrecoders;
import org.netsim.precoding.Problem;
import org.netsim.precoding.learned.ModelCard;
import org.netsim.precoding.learned.mpnn.MpnnArchitecture;

/**
 * The PCGNN baseline of "A Learning-only Method for Multi-Cell Multi-User MIMO Sum Rate Maximization" (Song et al.,
 * Section VI-B, item 5, Table IV): the heterogeneous GNN of Shen et al. ("Graph Neural Networks for Wireless
 * Communications: From Theory to Practice", HetGNN), which was written for SISO power control, carried over to MIMO
 * precoding with "an extra message-passing flow from UEs to BSs", so that one layer passes messages
 * UEs &rarr; BSs &rarr; UEs &rarr; UEs. This record holds its sizes and maps a {@link Problem} onto its inputs.
 *
 * <p><b>System</b> as for the StructuralMPNN: B BSs with N_t antennas and budget P_b, U UEs per BS with N_r
 * antennas and d = N_r streams; slot s = b U + t is UE {@code problem.ueOf(b, t)}.
 *
 * <p><b>Graph and inputs (dimensionless).</b> UE nodes i = 1..n (n = B U) and BS nodes k = 1..B; every UE-BS
 * pair is an edge with feature h_{ik} = vec(H~_{i,k}) in C^c, c = N_r N_t, the normalised channel
 * H~_{i,k} = H_{i,k} sqrt(P_k) / sigma_i (the paper's H / sigma_b of Section VI-B with the budget folded in, the
 * StructuralMPNN's convention). The network is learning-only: it reads the channels alone, no initial precoder.
 * UE states x_i in C^F start at zero.
 *
 * <p><b>One layer</b> (repeated L times with shared weights), g the split complex GELU
 * g(x + jy) = gelu(x) + j gelu(y), every A..E, Q a complex affine map y = W x + b:
 * <pre>
 *   UEs -&gt; BSs:  m_{ik} = g(A [x_i; h_{ik}])                                         for every edge (i, k)
 *   BS update:   y_k = g(B [mean_{i in U_k} m_{ik}; mean_{i not in U_k} m_{ik}])       (served, interfered UEs)
 *   BSs -&gt; UEs:  q_{ki} = g(C [y_k; h_{ik}])
 *   UE update:   x'_i = g(D [x_i; q_{b(i) i}; mean_{k != b(i)} q_{ki}])                (serving, other BSs)
 *   UEs -&gt; UEs:  x_i &lt;- x'_i + g(E [x'_i; mean_{j in cell(i), j != i} x'_j; mean_{j not in cell(i)} x'_j])
 * </pre>
 * then the readout V~_i = unvec(Q x_i) in C^{N_t x N_r} (row-major), normalised per BS so that
 * sum_{i in U_k} ||V~_i||_F^2 = 1, and V_i = sqrt(P_k) V~_i: every BS transmits at its budget (the output
 * projected onto the per-BS power constraint). An empty mean (U = 1 or B = 1) is zero.
 *
 * <p><b>Choices where the papers are silent</b> (the simplest faithful design): the learning-only paper gives only
 * the message flow above, not the layer equations, and this implementation was written from that description, not
 * from Shen et al.'s code. Each node update is the generic message-passing form (a node's new state is a learned map
 * of its own state and the aggregated messages of each neighbour type), here one complex affine map and GELU per
 * update with mean pooling (the mean keeps the network equivariant to relabelling UEs within a cell). The
 * edge features are the channels of the pair; the UE-to-UE step has no edge feature (the UE states already carry
 * their channels after the BS round); the UE-to-UE step is residual; the L layers share their weights (as the
 * StructuralMPNN's iterations do); the readout is linear. The loss is the negative sum rate of problem (2), as for
 * the StructuralMPNN (unsupervised).
 *
 * @param numBs B
 * @param uesPerBs U
 * @param bsAntennas N_t
 * @param ueAntennas N_r (= streams d)
 * @param features F, complex entries of a node state
 * @param layers L
 */
public record PcgnnArchitecture(int numBs, int uesPerBs, int bsAntennas, int ueAntennas, int features, int layers) {

    /** Layer names in the parameter file, in the order of the layer equations. */
    static final String UE_TO_BS = "ueToBs";
    static final String BS_UPDATE = "bsUpdate";
    static final String BS_TO_UE = "bsToUe";
    static final String UE_UPDATE = "ueUpdate";
    static final String UE_TO_UE = "ueToUe";
    static final String READOUT = "readout";
    /** Suffixes of a complex affine layer's four real parameters: W_r, W_i ([out, in]), b_r, b_i ([out]). */
    static final List<String> LAYER_PARTS = List.of(".weight.re", ".weight.im", ".bias.re", ".bias.im");
    /** Lower bound on a BS's squared norm before the normalisation, so that a zero output stays finite. */
    static final double MIN_POWER = 1e-20;
    /** sqrt(2 / pi) of the tanh form of GELU. */
    static final double GELU_C = Math.sqrt(2.0 / Math.PI);
    /** Cubic coefficient of the tanh form of GELU. */
    static final double GELU_A = 0.044715;

    /** Default node-state size F (complex entries). */
    public static final int DEFAULT_FEATURES = 32;
    /** Default number of layers L. */
    public static final int DEFAULT_LAYERS = 3;

    public PcgnnArchitecture {
        positive(numBs, "numBs");
        positive(uesPerBs, "uesPerBs");
        positive(bsAntennas, "bsAntennas");
        positive(ueAntennas, "ueAntennas");
        positive(features, "features");
        positive(layers, "layers");
    }

    private static void positive(int v, String name) {
        if (v < 1) {
            throw new IllegalArgumentException(name + ": must be >= 1, got " + v);
        }
    }

    /** The default network for B, U, N_t, N_r: F = {@value #DEFAULT_FEATURES}, L = {@value #DEFAULT_LAYERS}. */
    public static PcgnnArchitecture of(int numBs, int uesPerBs, int bsAntennas, int ueAntennas) {
        return new PcgnnArchitecture(numBs, uesPerBs, bsAntennas, ueAntennas, DEFAULT_FEATURES, DEFAULT_LAYERS);
    }

    /** @return this architecture with F features and L layers */
    public PcgnnArchitecture withSizes(int f, int l) {
        return new PcgnnArchitecture(numBs, uesPerBs, bsAntennas, ueAntennas, f, l);
    }

    /** @return n = B U */
    public int numUe() {
        return numBs * uesPerBs;
    }

    /** @return c = N_r N_t, the length of an edge feature */
    public int edgeSize() {
        return ueAntennas * bsAntennas;
    }

    /** @return N_t N_r, the length of vec V_i */
    public int vSize() {
        return bsAntennas * ueAntennas;
    }

    /** One complex affine map with its input and output lengths. */
    public record Layer(String name, int in, int out) {
    }

    /** @return the complex affine layers, in parameter order */
    public List<Layer> affineLayers() {
        int f = features;
        List<Layer> l = new ArrayList<>();
        l.add(new Layer(UE_TO_BS, f + edgeSize(), f));
        l.add(new Layer(BS_UPDATE, 2 * f, f));
        l.add(new Layer(BS_TO_UE, f + edgeSize(), f));
        l.add(new Layer(UE_UPDATE, 3 * f, f));
        l.add(new Layer(UE_TO_UE, 3 * f, f));
        l.add(new Layer(READOUT, f, vSize()));
        return l;
    }

    /** @return the number of trainable real parameters */
    public long parameterCount() {
        long n = 0;
        for (Layer l : affineLayers()) {
            n += 2L * l.in() * l.out() + 2L * l.out();
        }
        return n;
    }

    /** @return a one-line description for cards */
    public String describe() {
        return String.format(Locale.ROOT, "PCGNN (HetGNN, UEs -> BSs -> UEs -> UEs): B = %d, U = %d, N_t = %d, "
                + "N_r = %d, F = %d complex features, %d shared layers, %d real parameters (Song et al., Section "
                + "VI-B; Shen et al.)", numBs, uesPerBs, bsAntennas, ueAntennas, features, layers, parameterCount());
    }

    /** @return the card entries that define this architecture */
    public Map<String, Object> hyperparameters() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("numBs", numBs);
        m.put("uesPerBs", uesPerBs);
        m.put("bsAntennas", bsAntennas);
        m.put("ueAntennas", ueAntennas);
        m.put("features", features);
        m.put("layers", layers);
        return m;
    }

    /** @return the problem dimensions a model of this architecture accepts (the StructuralMPNN's keys) */
    public Map<String, Integer> dimensions() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("numBs", numBs);
        m.put("uesPerBs", uesPerBs);
        m.put("bsAntennas", bsAntennas);
        m.put("ueAntennas", ueAntennas);
        m.put("streams", ueAntennas);
        return m;
    }

    /** Rebuilds the architecture from a card's hyperparameters. */
    public static PcgnnArchitecture fromCard(ModelCard card) {
        return new PcgnnArchitecture(card.intHyperparameter("numBs"), card.intHyperparameter("uesPerBs"),
                card.intHyperparameter("bsAntennas"), card.intHyperparameter("ueAntennas"),
                card.intHyperparameter("features"), card.intHyperparameter("layers"));
    }

    /**
     * Checks that {@code problem} has this architecture's sizes.
     *
     * @throws IllegalArgumentException (one line) naming the first dimension that differs
     */
    public void requireFits(Problem problem, String where) {
        Map<String, Integer> actual = MpnnArchitecture.dimensionsOf(problem);
        for (Map.Entry<String, Integer> e : dimensions().entrySet()) {
            int got = actual.get(e.getKey());
            if (got != e.getValue()) {
                throw new IllegalArgumentException(where + ": the model accepts " + e.getKey() + " = " + e.getValue()
                        + ", the problem has " + (got < 0 ? "different values per BS/UE" : e.getKey() + " = " + got));
            }
        }
    }

    /** @return slot s = b U + t -&gt; the problem's UE index {@code ueOf(b, t)} */
    public int[] slots(Problem problem) {
        int[] s = new int[numUe()];
        for (int b = 0; b < numBs; b++) {
            for (int t = 0; t < uesPerBs; t++) {
                s[b * uesPerBs + t] = problem.ueOf(b, t);
            }
        }
        return s;
    }

    /** @return the BS of slot s */
    public int cellOf(int slot) {
        return slot / uesPerBs;
    }

    /** Length of {@link #channels} per problem, in complex entries: n B N_r N_t. */
    public int channelSize() {
        return numUe() * numBs * edgeSize();
    }

    /** Length of the output per problem, in complex entries: n N_t N_r. */
    public int precoderSize() {
        return numUe() * vSize();
    }

    /**
     * Writes the edge features H~_{s_i, k} = H_{s_i,k} sqrt(P_k) / sigma_{s_i} for slots i and BSs k,
     * [n, B, N_r, N_t] row-major, real and imaginary parts apart.
     *
     * @throws IllegalArgumentException naming a size that does not fit
     */
    public void channels(Problem problem, float[] re, float[] im, int offset) {
        requireFits(problem, PcgnnPrecoder.NAME);
        int[] slot = slots(problem);
        int block = edgeSize();
        for (int i = 0; i < numUe(); i++) {
            int ue = slot[i];
            for (int k = 0; k < numBs; k++) {
                double scale = Math.sqrt(problem.bsPowerW(k) / problem.noisePowerW(ue));
                ZMatrixRMaj h = problem.channel(ue, k);
                int o = offset + (i * numBs + k) * block;
                for (int e = 0; e < block; e++) {
                    re[o + e] = (float) (h.data[2 * e] * scale);
                    im[o + e] = (float) (h.data[2 * e + 1] * scale);
                }
            }
        }
    }

    /**
     * The precoders of the problem from normalised outputs V~ per slot ([n, N_t, N_r] row-major): V_i = sqrt(P_k) V~_i,
     * then scaled per BS to its budget (this removes the float rounding of V~).
     */
    public ZMatrixRMaj[] precoders(Problem problem, double[] re, double[] im) {
        int[] slot = slots(problem);
        int block = vSize();
        ZMatrixRMaj[] v = new ZMatrixRMaj[problem.numUe()];
        for (int i = 0; i < numUe(); i++) {
            double scale = Math.sqrt(problem.bsPowerW(cellOf(i)));
            ZMatrixRMaj m = new ZMatrixRMaj(bsAntennas, ueAntennas);
            for (int e = 0; e < block; e++) {
                m.data[2 * e] = re[i * block + e] * scale;
                m.data[2 * e + 1] = im[i * block + e] * scale;
            }
            v[slot[i]] = m;
        }
        InitialPrecoders.scaleToBudget(problem, v);
        return v;
    }

    /** Mean-pooling weight of UE i over the UEs j != i of its cell (0 if U = 1). */
    double intraWeight(int i, int j) {
        return i != j && cellOf(i) == cellOf(j) ? 1.0 / (uesPerBs - 1) : 0.0;
    }

    /** Mean-pooling weight of UE i over the UEs j of other cells (0 if B = 1). */
    double interWeight(int i, int j) {
        return cellOf(i) != cellOf(j) ? 1.0 / ((numBs - 1) * uesPerBs) : 0.0;
    }

    /** Mean-pooling weight of BS k over its served UEs i. */
    double servedWeight(int i, int k) {
        return cellOf(i) == k ? 1.0 / uesPerBs : 0.0;
    }

    /** Mean-pooling weight of BS k over the UEs i of other cells (0 if B = 1). */
    double interferedWeight(int i, int k) {
        return cellOf(i) != k ? 1.0 / ((numBs - 1) * uesPerBs) : 0.0;
    }

    /** Mean-pooling weight of UE i over the BSs k other than its own (0 if B = 1). */
    double otherBsWeight(int i, int k) {
        return cellOf(i) != k ? 1.0 / (numBs - 1) : 0.0;
    }
}
