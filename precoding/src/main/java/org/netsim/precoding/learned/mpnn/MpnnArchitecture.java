package org.netsim.precoding.learned.mpnn;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ejml.data.ZMatrixRMaj;
import org.netsim.precoding.Init;
import org.netsim.precoding.InitialPrecoders;
import org.netsim.precoding.Problem;
import org.netsim.precoding.learned.ModelCard;

/**
 * The StructuralMPNN of "A Learning-only Method for Multi-Cell Multi-User MIMO Sum Rate Maximization" (Song, Wang,
 * Li, Liu, Xu; Sections IV-V): its sizes, its variant and the mapping of a {@link Problem} onto its inputs.
 *
 * <p><b>System.</b> B BSs with N_t antennas and budget P_b, U UEs per BS with N_r antennas and d = N_r streams,
 * H_{b,u} in C^{N_r x N_t}, V_{b,u} in C^{N_t x N_r} (paper, Section III). UEs are taken cell by cell: slot
 * s = b U + t is UE {@code problem.ueOf(b, t)}.
 *
 * <p><b>Inputs (dimensionless).</b> Normalised channels H~_{i,k} = H_{i,k} sqrt(P_k) / sigma_i (the paper's H / sigma_b
 * of Section VI-B, with the budget folded in as well) and normalised initial precoders V~^0_i = V^0_i / sqrt(P_k),
 * V^0 the per-BS zero-forcing start scaled to the budgets (Section VI-B: "zero-forcing scheme and identical power
 * allocation"), so that sum_{i in cell k} ||V~_i||_F^2 = 1 and the rates of problem (2) are those of (H~, V~) with
 * unit noise. The pair input is H~_{i, b(j)} for every UE pair (i, j): the channel from UE j's BS to UE i.
 *
 * <p><b>Network</b> (one iteration t, shared by all {@link #iterations} iterations; Fig. 1-5):
 * <pre>
 *   H'_{i,k} = H~_{i,k} D,  V'^0_i = D^H V~^0_i                         D in C^{N_t x N'_t}   (eq. (3), (4))
 *   normalise: V'_i &lt;- V'_i / sqrt(sum_{j in cell(i)} ||V'_j||_F^2)                         (eq. (5), see below)
 *   V features  (d_1 N'_t N_r each, Fig. 3): g(A_1 vec V_i), mean_{j in cell, j != i} g(A_2 vec V_j),
 *                                           mean_{j not in cell} g(A_3 vec V_j)
 *   HV features (d_2 N_r^2 each, Fig. 4), G_{i,j} = H'_{i,b(j)} V'_j in C^{N_r x N_r}:
 *       g(B_1 G_{i,i}), mean_{j in cell, j != i} g(B_2 G_{i,j}), mean_{j not in cell} g(B_3 G_{i,j}),
 *       mean_{j in cell, j != i} g(B_4 G_{j,i}), mean_{j not in cell} g(B_5 G_{j,i})
 *   e_i = concat of the eight (F = 3 d_1 N'_t N_r + 5 d_2 N_r^2 complex entries)
 *   MPNN (Fig. 5):  z_i = e_i + g(C_2 g(C_1 mean_{j != i} e_j))
 *   heads:          W_L = I + unvec(L z_i) in C^{N'_t x N'_t},  W_R = I + unvec(R z_i) in C^{N_r x N_r}
 *   update:         V'^t_i = W_L V'^{t-1}_i W_R, then normalise                              (Section IV-C)
 *   output:         V_i = D V'^T_i (eq. (6)), scaled per BS to its budget: sum_{i in cell k} ||V_i||^2 = P_k
 * </pre>
 * Every A, B, C, L, R is a complex affine map y = W x + b with W = W_r + j W_i, b = b_r + j b_i, evaluated as two
 * real linear maps combined by complex arithmetic (Section VI-B); g is the split complex GELU
 * g(x + jy) = gelu(x) + j gelu(y), gelu(x) = x/2 (1 + tanh(sqrt(2/pi)(x + 0.044715 x^3))) (ten uses: eight in the
 * encoder, two in the MPNN, as counted in Section V-D). vec is row-major.
 *
 * <p><b>Choices where the paper is silent</b>: sets are mean-pooled after the per-member map (the workshop version
 * pools embeddings, which makes the network equivariant to relabelling UEs within a cell and cells among
 * themselves); the MPNN's aggregate is added to the UE's own feature; the heads output W - I (zero-initialised,
 * so an untrained network returns its zero-forcing start); D starts at [I 0] plus a small perturbation. The
 * normalisation (5) is read with sqrt of the summed traces (the printed sum of square roots would not put the
 * solution "to the boundary of the transmit power constraints" as the text says). The per-BS power constraint
 * is enforced once more after the projection (6), since D is not constrained to be unitary (the workshop
 * version drops the constraint).
 *
 * <p><b>Variants</b> (Section VI-B, Table IV): {@link Variant#STRUCTURAL} as above; {@link Variant#BLACK_BOX}
 * ("StructuralMPNN-B"): the heads are replaced by one map V'^t_i = unvec(Q z_i) in C^{N'_t x N_r};
 * {@link Variant#NO_EXPANSION} ("StructuralMPNN-O"): no D (N'_t = N_t, D = I).
 *
 * @param numBs B
 * @param uesPerBs U
 * @param bsAntennas N_t
 * @param ueAntennas N_r (= streams d)
 * @param expandedAntennas N'_t &gt;= N_t (N_t for {@link Variant#NO_EXPANSION})
 * @param vMultiplier d_1 (the paper: 2)
 * @param hvMultiplier d_2 (the paper: 4 for the small and moderate scale, 16 for the large)
 * @param iterations T (the paper: 5)
 * @param variant the update rule
 */
public record MpnnArchitecture(int numBs, int uesPerBs, int bsAntennas, int ueAntennas, int expandedAntennas,
        int vMultiplier, int hvMultiplier, int iterations, Variant variant) {

    /** The update rule. */
    public enum Variant {
        /** W_L V W_R with dimension expansion (StructuralMPNN). */
        STRUCTURAL("structural"),
        /** A black-box map to V' (StructuralMPNN-B). */
        BLACK_BOX("black-box"),
        /** W_L V W_R without the dimension expansion D (StructuralMPNN-O). */
        NO_EXPANSION("no-expansion");

        private final String label;

        Variant(String label) {
            this.label = label;
        }

        /** @return the name used in cards and options */
        public String label() {
            return label;
        }

        /** Parses a label. */
        public static Variant parse(String s) {
            for (Variant v : values()) {
                if (v.label.equals(s)) {
                    return v;
                }
            }
            throw new IllegalArgumentException("variant: unknown variant '" + s
                    + "' (expected structural, black-box or no-expansion)");
        }
    }

    /** The paper's number of iterations (Section VI-B). */
    public static final int PAPER_ITERATIONS = 5;

    public MpnnArchitecture {
        positive(numBs, "numBs");
        positive(uesPerBs, "uesPerBs");
        positive(bsAntennas, "bsAntennas");
        positive(ueAntennas, "ueAntennas");
        positive(vMultiplier, "vMultiplier");
        positive(hvMultiplier, "hvMultiplier");
        positive(iterations, "iterations");
        if (variant == null) {
            throw new IllegalArgumentException("variant: must not be null");
        }
        if (expandedAntennas < bsAntennas) {
            throw new IllegalArgumentException("expandedAntennas: must be >= bsAntennas = " + bsAntennas + ", got "
                    + expandedAntennas);
        }
        if (variant == Variant.NO_EXPANSION && expandedAntennas != bsAntennas) {
            throw new IllegalArgumentException("expandedAntennas: must equal bsAntennas = " + bsAntennas
                    + " for the no-expansion variant, got " + expandedAntennas);
        }
    }

    private static void positive(int v, String name) {
        if (v < 1) {
            throw new IllegalArgumentException(name + ": must be >= 1, got " + v);
        }
    }

    /**
     * The paper's network for B, U, N_t, N_r: d_1 = 2, d_2 = 4 (16 from N_t = 32 on, the large scale), five
     * iterations, N'_t = 2 N_t (the paper does not state N'_t).
     */
    public static MpnnArchitecture paper(int numBs, int uesPerBs, int bsAntennas, int ueAntennas) {
        return new MpnnArchitecture(numBs, uesPerBs, bsAntennas, ueAntennas, 2 * bsAntennas, 2,
                bsAntennas >= 32 ? 16 : 4, PAPER_ITERATIONS, Variant.STRUCTURAL);
    }

    /** @return this architecture as the given variant (N'_t = N_t for no-expansion, 2 N_t otherwise if it was) */
    public MpnnArchitecture withVariant(Variant v) {
        int expanded = v == Variant.NO_EXPANSION ? bsAntennas
                : (variant == Variant.NO_EXPANSION ? 2 * bsAntennas : expandedAntennas);
        return new MpnnArchitecture(numBs, uesPerBs, bsAntennas, ueAntennas, expanded, vMultiplier, hvMultiplier,
                iterations, v);
    }

    /** @return this architecture with other multipliers and N'_t */
    public MpnnArchitecture withSizes(int expanded, int d1, int d2) {
        return new MpnnArchitecture(numBs, uesPerBs, bsAntennas, ueAntennas, expanded, d1, d2, iterations, variant);
    }

    /** @return this architecture with T iterations */
    public MpnnArchitecture withIterations(int t) {
        return new MpnnArchitecture(numBs, uesPerBs, bsAntennas, ueAntennas, expandedAntennas, vMultiplier,
                hvMultiplier, t, variant);
    }

    /** @return B U */
    public int numUe() {
        return numBs * uesPerBs;
    }

    /** @return whether D is learned */
    public boolean expands() {
        return variant != Variant.NO_EXPANSION;
    }

    /** @return N'_t N_r, the length of vec V' */
    public int vSize() {
        return expandedAntennas * ueAntennas;
    }

    /** @return N_r^2, the length of vec G */
    public int hvSize() {
        return ueAntennas * ueAntennas;
    }

    /** @return F = 3 d_1 N'_t N_r + 5 d_2 N_r^2, the complex feature length per UE */
    public int featureSize() {
        return 3 * vMultiplier * vSize() + 5 * hvMultiplier * hvSize();
    }

    /** The complex affine maps of the network, in parameter order, with their input and output lengths. */
    public record Layer(String name, int in, int out) {
    }

    /** @return the complex affine layers, in the order of the parameter file */
    public java.util.List<Layer> layers() {
        java.util.List<Layer> l = new java.util.ArrayList<>();
        int dv = vMultiplier * vSize();
        int dh = hvMultiplier * hvSize();
        for (String n : MpnnNames.V_FEATURES) {
            l.add(new Layer(n, vSize(), dv));
        }
        for (String n : MpnnNames.HV_FEATURES) {
            l.add(new Layer(n, hvSize(), dh));
        }
        l.add(new Layer(MpnnNames.MPNN_1, featureSize(), featureSize()));
        l.add(new Layer(MpnnNames.MPNN_2, featureSize(), featureSize()));
        if (variant == Variant.BLACK_BOX) {
            l.add(new Layer(MpnnNames.HEAD_V, featureSize(), vSize()));
        } else {
            l.add(new Layer(MpnnNames.HEAD_L, featureSize(), expandedAntennas * expandedAntennas));
            l.add(new Layer(MpnnNames.HEAD_R, featureSize(), hvSize()));
        }
        return l;
    }

    /** @return the number of trainable real parameters */
    public long parameterCount() {
        long n = expands() ? 2L * bsAntennas * expandedAntennas : 0;
        for (Layer l : layers()) {
            n += 2L * l.in() * l.out() + 2L * l.out();
        }
        return n;
    }

    /** @return a one-line description for cards */
    public String describe() {
        String name = switch (variant) {
            case STRUCTURAL -> "StructuralMPNN";
            case BLACK_BOX -> "StructuralMPNN-B (black-box update)";
            case NO_EXPANSION -> "StructuralMPNN-O (no dimension expansion)";
        };
        return String.format(java.util.Locale.ROOT, "%s: B = %d, U = %d, N_t = %d, N'_t = %d, N_r = %d, d_1 = %d, "
                + "d_2 = %d, F = %d complex features, %d shared iterations, %d real parameters (Song et al., "
                + "Sections IV-V)", name, numBs, uesPerBs, bsAntennas, expandedAntennas, ueAntennas, vMultiplier,
                hvMultiplier, featureSize(), iterations, parameterCount());
    }

    /** @return the card entries that define this architecture */
    public Map<String, Object> hyperparameters() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("numBs", numBs);
        m.put("uesPerBs", uesPerBs);
        m.put("bsAntennas", bsAntennas);
        m.put("ueAntennas", ueAntennas);
        m.put("expandedAntennas", expandedAntennas);
        m.put("vMultiplier", vMultiplier);
        m.put("hvMultiplier", hvMultiplier);
        m.put("iterations", iterations);
        m.put("variant", variant.label());
        return m;
    }

    /** @return the problem dimensions a model of this architecture accepts */
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
    public static MpnnArchitecture fromCard(ModelCard card) {
        return new MpnnArchitecture(card.intHyperparameter("numBs"), card.intHyperparameter("uesPerBs"),
                card.intHyperparameter("bsAntennas"), card.intHyperparameter("ueAntennas"),
                card.intHyperparameter("expandedAntennas"), card.intHyperparameter("vMultiplier"),
                card.intHyperparameter("hvMultiplier"), card.intHyperparameter("iterations"),
                Variant.parse(card.stringHyperparameter("variant")));
    }

    /**
     * The dimensions of {@code problem} in the card's terms; a heterogeneous problem (BSs with different numbers of
     * UEs or antennas, UEs with different antennas or streams) gets the value -1 for the dimension that varies, so
     * that {@link ModelCard#requireDimensions} names it.
     */
    public static Map<String, Integer> dimensionsOf(Problem p) {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("numBs", p.numBs());
        int u = p.numUesOf(0);
        int nt = p.bsAntennas(0);
        for (int k = 1; k < p.numBs(); k++) {
            u = p.numUesOf(k) == u ? u : -1;
            nt = p.bsAntennas(k) == nt ? nt : -1;
        }
        int nr = p.ueAntennas(0);
        int d = p.streams(0);
        for (int i = 1; i < p.numUe(); i++) {
            nr = p.ueAntennas(i) == nr ? nr : -1;
            d = p.streams(i) == d ? d : -1;
        }
        m.put("uesPerBs", u);
        m.put("bsAntennas", nt);
        m.put("ueAntennas", nr);
        m.put("streams", d);
        return m;
    }

    /**
     * Checks that {@code problem} has this architecture's sizes.
     *
     * @throws IllegalArgumentException (one line) naming the first dimension that differs
     */
    public void requireFits(Problem problem, String where) {
        Map<String, Integer> expected = dimensions();
        Map<String, Integer> actual = dimensionsOf(problem);
        for (Map.Entry<String, Integer> e : expected.entrySet()) {
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

    /** Length of {@link #pairChannels} per problem, in complex entries: n^2 N_r N_t. */
    public int pairChannelSize() {
        return numUe() * numUe() * ueAntennas * bsAntennas;
    }

    /** Length of {@link #initialPrecoders} per problem, in complex entries: n N_t N_r. */
    public int precoderSize() {
        return numUe() * bsAntennas * ueAntennas;
    }

    /**
     * Writes H~_{s_i, b(s_j)} for slots (i, j), [n, n, N_r, N_t] row-major, real and imaginary parts apart.
     *
     * @throws IllegalArgumentException naming a size that does not fit
     */
    public void pairChannels(Problem problem, float[] re, float[] im, int offset) {
        requireFits(problem, StructuralMpnnPrecoder.NAME);
        int[] slot = slots(problem);
        int n = numUe();
        int block = ueAntennas * bsAntennas;
        for (int i = 0; i < n; i++) {
            int ue = slot[i];
            for (int j = 0; j < n; j++) {
                int bs = cellOf(j);
                double scale = Math.sqrt(problem.bsPowerW(bs) / problem.noisePowerW(ue));
                ZMatrixRMaj h = problem.channel(ue, bs);
                int o = offset + (i * n + j) * block;
                for (int e = 0; e < block; e++) {
                    re[o + e] = (float) (h.data[2 * e] * scale);
                    im[o + e] = (float) (h.data[2 * e + 1] * scale);
                }
            }
        }
    }

    /**
     * Writes V~^0 = V^0 / sqrt(P_k) per slot, [n, N_t, N_r], from the initialisation {@code init}
     * ({@link InitialPrecoders}; the paper's is zero forcing).
     */
    public void initialPrecoders(Problem problem, Init init, float[] re, float[] im, int offset) {
        requireFits(problem, StructuralMpnnPrecoder.NAME);
        ZMatrixRMaj[] v0 = InitialPrecoders.create(problem, init);
        int[] slot = slots(problem);
        int block = bsAntennas * ueAntennas;
        for (int i = 0; i < numUe(); i++) {
            double scale = 1.0 / Math.sqrt(problem.bsPowerW(cellOf(i)));
            ZMatrixRMaj v = v0[slot[i]];
            for (int e = 0; e < block; e++) {
                re[offset + i * block + e] = (float) (v.data[2 * e] * scale);
                im[offset + i * block + e] = (float) (v.data[2 * e + 1] * scale);
            }
        }
    }

    /**
     * The precoders of the problem from normalised outputs V~ per slot ([n, N_t, N_r] row-major): V_i = sqrt(P_k) V~,
     * then scaled per BS to its budget (this removes the float rounding of V~).
     */
    public ZMatrixRMaj[] precoders(Problem problem, double[] re, double[] im) {
        int[] slot = slots(problem);
        int block = bsAntennas * ueAntennas;
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
}
