package org.netsim.precoding.learned.sun;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ejml.data.ZMatrixRMaj;
import org.netsim.precoding.Problem;
import org.netsim.precoding.classic.ScalarWmmsePrecoder;
import org.netsim.precoding.learned.ModelCard;

/**
 * The fully connected network of "Learning to Optimize: Training Deep Neural Networks for Wireless Resource
 * Management" (Sun et al., Section IV-C, Fig. 4): input the channel magnitudes, hidden layers with ReLU, output K
 * powers through min(max(x, 0), P_max) (eq. (16)). The paper uses three hidden layers of 200 neurons
 * (Section V-B); {@link #paper} builds that.
 *
 * <p><b>Inputs (dimensionless).</b> For K single-antenna links (transmitter j, receiver k, coefficient h_kj,
 * budget P_j in watts, noise sigma_k^2 in watts) the feature is the normalised magnitude
 * <pre>
 *   g_kj = |h_kj| sqrt(P_j) / sigma_k,
 * </pre>
 * which is |h_kj| itself in the paper's setting P_max = sigma^2 = 1 W. With power fractions q_j = p_j / P_j the
 * SINR of problem (1), |h_kk|^2 p_k / (sum_{j != k} |h_kj|^2 p_j + sigma_k^2) = g_kk^2 q_k / (sum_{j != k}
 * g_kj^2 q_j + 1), depends on (g, q) only, so one network serves any budgets and noise powers.
 * <ul>
 *   <li>{@link InputLayout#ALL_LINKS} (the Gaussian IC): all K^2 features, row-major g_kj.</li>
 *   <li>{@link InputLayout#CELLS} (the IMAC, "an IC with co-located receivers"): N cells of K / N links each,
 *       link k in cell k / (K / N); the receivers of a cell are one BS, so their rows g_k. coincide and the
 *       input is the N x K distinct features (the paper's input size N x K). A problem whose receivers of a
 *       cell differ is rejected.</li>
 * </ul>
 *
 * The network sees {@link InputTransform#MAGNITUDE} g_kj itself (the paper) or {@link InputTransform#LOG_MAGNITUDE}
 * ln g_kj: IMAC gains spread over six decades (path loss (200 / d)^3 and 8 dB shadowing), and on the logarithmic
 * scale the same training budget reaches a much better fit (see the shipped model's card).
 *
 * <p><b>Outputs.</b> The K power fractions q_k = p_k / P_k in [0, 1] (eq. (16) divided by P_max).
 *
 * @param links K, the number of links (transmitter-receiver pairs)
 * @param layout which features enter the network
 * @param cells N for {@link InputLayout#CELLS}, a divisor of K; 1 for {@link InputLayout#ALL_LINKS}
 * @param hidden the widths of the hidden layers, each &gt;= 1
 * @param transform how g_kj enters the network
 */
public record SunDnnArchitecture(int links, InputLayout layout, int cells, int[] hidden, InputTransform transform) {

    /** Hidden widths of the paper (Section V-B): three layers of 200. */
    public static final int[] PAPER_HIDDEN = {200, 200, 200};

    /**
     * Relative tolerance of the co-located receiver check: the features of two receivers of one cell come from
     * the same coefficient and differ only by rounding of sqrt(P_j) / sigma_k.
     */
    static final double COLOCATED_TOLERANCE = 1e-9;

    /** How the normalised magnitude g enters the network. */
    public enum InputTransform {
        /** g itself (Sun et al.). */
        MAGNITUDE("magnitude"),
        /** ln max(g, {@value SunDnnArchitecture#LOG_FLOOR}). */
        LOG_MAGNITUDE("log-magnitude");

        private final String label;

        InputTransform(String label) {
            this.label = label;
        }

        /** @return the name used in cards */
        public String label() {
            return label;
        }

        double apply(double g) {
            return this == MAGNITUDE ? g : Math.log(Math.max(g, LOG_FLOOR));
        }

        /** Parses a label. */
        public static InputTransform parse(String s) {
            for (InputTransform t : values()) {
                if (t.label.equals(s)) {
                    return t;
                }
            }
            throw new IllegalArgumentException("inputTransform: unknown transform '" + s + "' (expected magnitude or"
                    + " log-magnitude)");
        }
    }

    /** Smallest g entering the logarithm (a zero coefficient becomes ln 1e-6 = -13.8). */
    public static final double LOG_FLOOR = 1e-6;

    /** Which channel features are the network's input. */
    public enum InputLayout {
        /** All K^2 normalised magnitudes (interference channel). */
        ALL_LINKS("all-links"),
        /** N x K normalised magnitudes, one row per cell (IMAC). */
        CELLS("imac-cells");

        private final String label;

        InputLayout(String label) {
            this.label = label;
        }

        /** @return the name used in cards and options */
        public String label() {
            return label;
        }

        /** Parses a label. */
        public static InputLayout parse(String s) {
            for (InputLayout l : values()) {
                if (l.label.equals(s)) {
                    return l;
                }
            }
            throw new IllegalArgumentException("inputLayout: unknown layout '" + s + "' (expected all-links or "
                    + "imac-cells)");
        }
    }

    public SunDnnArchitecture {
        if (links < 1) {
            throw new IllegalArgumentException("links: must be >= 1, got " + links);
        }
        if (layout == null) {
            throw new IllegalArgumentException("layout: must not be null");
        }
        if (layout == InputLayout.ALL_LINKS && cells != 1) {
            throw new IllegalArgumentException("cells: must be 1 for the all-links layout, got " + cells);
        }
        if (cells < 1 || links % cells != 0) {
            throw new IllegalArgumentException("cells: must be a positive divisor of links = " + links + ", got "
                    + cells);
        }
        if (transform == null) {
            throw new IllegalArgumentException("transform: must not be null");
        }
        if (hidden == null || hidden.length == 0) {
            throw new IllegalArgumentException("hidden: at least one hidden layer is required");
        }
        for (int i = 0; i < hidden.length; i++) {
            if (hidden[i] < 1) {
                throw new IllegalArgumentException("hidden[" + i + "]: must be >= 1, got " + hidden[i]);
            }
        }
        hidden = hidden.clone();
    }

    /** The paper's network for the Gaussian IC with K links: K^2 - 200 - 200 - 200 - K on magnitudes. */
    public static SunDnnArchitecture paperInterferenceChannel(int links) {
        return new SunDnnArchitecture(links, InputLayout.ALL_LINKS, 1, PAPER_HIDDEN, InputTransform.MAGNITUDE);
    }

    /** The paper's network for the IMAC with N cells and K users: N K - 200 - 200 - 200 - K on magnitudes. */
    public static SunDnnArchitecture paper(int cells, int links) {
        return new SunDnnArchitecture(links, InputLayout.CELLS, cells, PAPER_HIDDEN, InputTransform.MAGNITUDE);
    }

    /** @return this architecture with another input transform */
    public SunDnnArchitecture withTransform(InputTransform t) {
        return new SunDnnArchitecture(links, layout, cells, hidden, t);
    }

    /** @return this architecture with other hidden widths */
    public SunDnnArchitecture withHidden(int... widths) {
        return new SunDnnArchitecture(links, layout, cells, widths, transform);
    }

    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    /** @return the input width: K^2 or N K */
    public int inputSize() {
        return layout == InputLayout.ALL_LINKS ? links * links : cells * links;
    }

    /** @return the layer widths from input to output */
    public int[] widths() {
        int[] w = new int[hidden.length + 2];
        w[0] = inputSize();
        System.arraycopy(hidden, 0, w, 1, hidden.length);
        w[w.length - 1] = links;
        return w;
    }

    /** @return the number of trainable parameters (weights and biases) */
    public long parameterCount() {
        int[] w = widths();
        long n = 0;
        for (int l = 1; l < w.length; l++) {
            n += (long) w[l - 1] * w[l] + w[l];
        }
        return n;
    }

    /** @return e.g. "fully connected 36-200-200-200-12, ReLU, output clipped to [0, 1] x P_k (Sun et al.)" */
    public String describe() {
        StringBuilder sb = new StringBuilder("fully connected ");
        int[] w = widths();
        for (int l = 0; l < w.length; l++) {
            sb.append(l == 0 ? "" : "-").append(w[l]);
        }
        return sb.append(" on ").append(transform.label()).append(" inputs (").append(layout.label())
                .append("), ReLU hidden layers, output min(max(x, 0), 1) x P_k (Sun et al., Fig. 4 and eq. (16))")
                .toString();
    }

    /** @return the card entries that define this architecture */
    public Map<String, Object> hyperparameters() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("links", links);
        m.put("inputLayout", layout.label());
        m.put("cells", cells);
        m.put("hidden", Arrays.stream(hidden).boxed().toList());
        m.put("inputTransform", transform.label());
        return m;
    }

    /** @return the problem dimensions a model of this architecture accepts */
    public Map<String, Integer> dimensions() {
        return Map.of("links", links);
    }

    /** Rebuilds the architecture from a card's hyperparameters. */
    public static SunDnnArchitecture fromCard(ModelCard card) {
        return new SunDnnArchitecture(card.intHyperparameter("links"),
                InputLayout.parse(card.stringHyperparameter("inputLayout")), card.intHyperparameter("cells"),
                card.intListHyperparameter("hidden"),
                InputTransform.parse(card.stringHyperparameter("inputTransform")));
    }

    /** @return the dimensions of {@code problem} the card checks (the number of links) */
    public static Map<String, Integer> dimensionsOf(Problem problem) {
        return Map.of("links", problem.numUe());
    }

    /**
     * Writes the features of {@code problem} into {@code out[offset ...]}.
     *
     * @param problem a single-antenna interference channel (one UE per BS) with {@link #links} links
     * @throws IllegalArgumentException naming the mismatch (not a scalar IC, another K, receivers of one cell
     *     that are not co-located)
     */
    public void features(Problem problem, float[] out, int offset) {
        ScalarWmmsePrecoder.requireScalarInterferenceChannel(problem);
        if (problem.numUe() != links) {
            throw new IllegalArgumentException(SunDnnPrecoder.NAME + ": the model accepts links = " + links
                    + ", the problem has links = " + problem.numUe());
        }
        int k = links;
        int perCell = k / cells;
        for (int c = 0; c < (layout == InputLayout.ALL_LINKS ? k : cells); c++) {
            int receiver = layout == InputLayout.ALL_LINKS ? c : c * perCell;
            for (int j = 0; j < k; j++) {
                out[offset + c * k + j] = (float) transform.apply(gain(problem, receiver, j));
            }
        }
        if (layout == InputLayout.CELLS) {
            for (int c = 0; c < cells; c++) {
                for (int r = c * perCell + 1; r < (c + 1) * perCell; r++) {
                    for (int j = 0; j < k; j++) {
                        double a = gain(problem, c * perCell, j);
                        double b = gain(problem, r, j);
                        if (Math.abs(a - b) > COLOCATED_TOLERANCE * Math.max(a, b)) {
                            throw new IllegalArgumentException(String.format(Locale.ROOT,
                                    "%s: the model's input layout %s (N = %d cells of %d links) needs co-located"
                                            + " receivers, but links %d and %d of cell %d see different gains from"
                                            + " transmitter %d (%.6g vs %.6g)",
                                    SunDnnPrecoder.NAME, layout.label(), cells, perCell, c * perCell, r, c, j, a,
                                    b));
                        }
                    }
                }
            }
        }
    }

    /** @return the features of several problems, [problems.size() x inputSize()] row-major */
    public float[] features(List<Problem> problems) {
        float[] out = new float[problems.size() * inputSize()];
        for (int s = 0; s < problems.size(); s++) {
            features(problems.get(s), out, s * inputSize());
        }
        return out;
    }

    /** g_kj = |h_kj| sqrt(P_j) / sigma_k. */
    static double gain(Problem problem, int receiver, int transmitter) {
        int bs = problem.servingBs(transmitter);
        ZMatrixRMaj h = problem.channel(receiver, bs);
        return Math.hypot(h.data[0], h.data[1]) * Math.sqrt(problem.bsPowerW(bs) / problem.noisePowerW(receiver));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SunDnnArchitecture a && a.links == links && a.layout == layout && a.cells == cells
                && Arrays.equals(a.hidden, hidden) && a.transform == transform;
    }

    @Override
    public int hashCode() {
        return (((links * 31 + layout.hashCode()) * 31 + cells) * 31 + Arrays.hashCode(hidden)) * 31
                + transform.hashCode();
    }

    @Override
    public String toString() {
        return "SunDnnArchitecture[" + describe() + ", N = " + cells + "]";
    }
}
