package org.netsim.precoding.learned.iaidnn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.netsim.precoding.Problem;

/**
 * The fixed shape of an IAIDNN network (GCN-WMMSE paper "Coordinated Sum-Rate Maximization in Multicell MU-MIMO
 * with Deep Unrolling", §V-C, after Hu et al.'s iterative-algorithm-induced deep-unfolding network): one BS with
 * M antennas serving I UEs with N antennas and d streams each, L unrolled layers of the no-μ WMMSE iteration
 * ({@link IaidnnExecutor}), and the trainable matrices of each approximated inverse product
 * <pre>
 *   A^{-1} T  ~  (A^+ X + A Y + Z) T + O        (GCN-WMMSE paper, §V-C; A^+ = inverse of diag(A))
 * </pre>
 * for the three steps s of every layer:
 * <pre>
 *   step u:  A = A_i  [N x N], T = H_i V_i          [N x d]:  X, Y, Z [N x N], O [N x d]   (layers 1..L)
 *   step w:  A = E_i  [d x d], T = I_d              [d x d]:  X, Y, Z [d x d], O [d x d]   (layers 1..L)
 *   step v:  A = B    [M x M], T = alpha_i H_i^H U_i W_i [M x d]: X, Y, Z [M x M], O [M x d] (layers 1..L-1;
 *            the last layer's V-step is exact)
 * </pre>
 * With {@code shared = false} every UE index i has its own matrices (the paper's IAIDNN, Table XIII), with
 * {@code shared = true} one set serves all UEs (IAIDNN SP, Table XIV); {@code useY = false} fixes Y = 0 as Hu et
 * al. do in practice. All matrices are complex.
 *
 * <p>{@code authorsForm} selects how the matrices are applied ({@link IaidnnExecutor}): false (ours) with the
 * dimensionless scaling (A^+ X + s^2 A Y + s Z) T + s tau O on precoders scaled to the budget at every layer;
 * true as the GCN-WMMSE authors' reimplementation, (A^+ X + Z) T + O applied raw (no A Y term, so useY must be
 * false), precoders never rescaled between layers, and the start V_i^(0) = (sum_j H_j^H H_j) H_i^H (their
 * unnormalised "ZF" start; d = N).
 *
 * <p>Tensor layout ({@link IaidnnWeights}): name = matrix letter + step letter, e.g. {@code Xu}, {@code Ov};
 * shape [layers of the step, G, rows, cols, 2] with G = I (per UE) or 1 (shared) and the last axis (Re, Im).
 *
 * @param bsAntennas M
 * @param numUes I
 * @param ueAntennas N
 * @param streams d
 * @param layers L &gt;= 1
 * @param shared one parameter set for all UEs (IAIDNN SP)
 * @param useY train the Y matrices (false: Y = 0)
 * @param authorsForm the authors' raw form and start instead of our dimensionless one (see above)
 */
public record IaidnnArchitecture(int bsAntennas, int numUes, int ueAntennas, int streams, int layers, boolean shared,
        boolean useY, boolean authorsForm) {

    /** The steps whose inverse products are approximated. */
    public static final String[] STEPS = {"u", "w", "v"};

    public IaidnnArchitecture {
        atLeast(bsAntennas, 1, "bsAntennas");
        atLeast(numUes, 1, "numUes");
        atLeast(ueAntennas, 1, "ueAntennas");
        if (streams < 1 || streams > ueAntennas) {
            throw new IllegalArgumentException("streams: must be in 1.." + ueAntennas + ", got " + streams);
        }
        atLeast(layers, 1, "layers");
        if (authorsForm && useY) {
            throw new IllegalArgumentException("authorsForm: the authors' raw form has no A Y term (raw, it makes U "
                    + "grow with A and the layers overflow); use useY = false, or our form for Y");
        }
        if (authorsForm && streams != ueAntennas) {
            throw new IllegalArgumentException("authorsForm: needs d = N (the authors' start (sum_j H_j^H H_j) H_i^H "
                    + "has N columns), got d = " + streams + ", N = " + ueAntennas);
        }
    }

    /** Our dimensionless form ({@code authorsForm = false}). */
    public IaidnnArchitecture(int bsAntennas, int numUes, int ueAntennas, int streams, int layers, boolean shared,
            boolean useY) {
        this(bsAntennas, numUes, ueAntennas, streams, layers, shared, useY, false);
    }

    /** @return this architecture with {@code authorsForm} set */
    public IaidnnArchitecture withAuthorsForm(boolean form) {
        return new IaidnnArchitecture(bsAntennas, numUes, ueAntennas, streams, layers, shared, useY, form);
    }

    /** @return the architecture fitting {@code problem}'s dimensions (one BS, equal N and d for every UE) */
    public static IaidnnArchitecture of(Problem problem, int layers, boolean shared, boolean useY) {
        requireSingleCell(problem, "problem");
        return new IaidnnArchitecture(problem.bsAntennas(0), problem.numUe(), problem.ueAntennas(0),
                problem.streams(0), layers, shared, useY);
    }

    /** @return G, the number of parameter groups (I, or 1 when shared) */
    public int groups() {
        return shared ? 1 : numUes;
    }

    /** @return the group of UE index i */
    public int group(int ue) {
        return shared ? 0 : ue;
    }

    /** @return the matrices of every step, in order: X, Y (only with useY), Z, O */
    public List<String> matrices() {
        return useY ? List.of("X", "Y", "Z", "O") : List.of("X", "Z", "O");
    }

    /** @return every tensor name, in a fixed order */
    public List<String> tensorNames() {
        List<String> names = new ArrayList<>();
        for (String s : STEPS) {
            if (stepLayers(s) == 0) {
                continue;
            }
            for (String m : matrices()) {
                names.add(m + s);
            }
        }
        return names;
    }

    /** @return how many layers approximate step s (L for u and w, L - 1 for v) */
    public int stepLayers(String step) {
        return step.equals("v") ? layers - 1 : layers;
    }

    /** @return [layers, G, rows, cols, 2] of tensor {@code name} */
    public int[] shape(String name) {
        String m = name.substring(0, 1);
        String s = name.substring(1);
        int size = switch (s) {
            case "u" -> ueAntennas;
            case "w" -> streams;
            case "v" -> bsAntennas;
            default -> throw new IllegalArgumentException("tensor: unknown step in '" + name + "'");
        };
        int cols = switch (m) {
            case "X", "Y", "Z" -> size;
            case "O" -> streams;
            default -> throw new IllegalArgumentException("tensor: unknown matrix in '" + name + "'");
        };
        return new int[] {stepLayers(s), groups(), size, cols, 2};
    }

    /** @return the number of trainable real parameters */
    public long parameterCount() {
        long n = 0;
        for (String name : tensorNames()) {
            n += length(shape(name));
        }
        return n;
    }

    /** @return the product of a shape's entries */
    static int length(int[] shape) {
        int n = 1;
        for (int s : shape) {
            n *= s;
        }
        return n;
    }

    /** @return the card's dimensions (M, I, N, d): a model only accepts problems with exactly these */
    public Map<String, Integer> dimensions() {
        return Map.of("bsAntennas", bsAntennas, "numUes", numUes, "ueAntennas", ueAntennas, "streams", streams);
    }

    /** @return the dimensions of a single-cell problem, by the names of {@link #dimensions()} */
    public static Map<String, Integer> dimensionsOf(Problem problem) {
        requireSingleCell(problem, "problem");
        return Map.of("bsAntennas", problem.bsAntennas(0), "numUes", problem.numUe(), "ueAntennas",
                problem.ueAntennas(0), "streams", problem.streams(0));
    }

    /**
     * Checks that a problem has one BS serving every UE with equal N and d (IAIDNN's setting).
     *
     * @throws IllegalArgumentException (one line, prefixed by {@code where}) naming what differs
     */
    public static void requireSingleCell(Problem p, String where) {
        if (p.numBs() != 1) {
            throw new IllegalArgumentException(where + ": iaidnn is single-cell, the problem has " + p.numBs()
                    + " BSs");
        }
        for (int i = 0; i < p.numUe(); i++) {
            if (p.ueAntennas(i) != p.ueAntennas(0) || p.streams(i) != p.streams(0)) {
                throw new IllegalArgumentException(where + ": iaidnn needs equal N and d for every UE; UE " + i
                        + " has N = " + p.ueAntennas(i) + ", d = " + p.streams(i) + ", UE 0 N = "
                        + p.ueAntennas(0) + ", d = " + p.streams(0));
            }
        }
    }

    /** @return a one-line description for the model card */
    public String describe() {
        return "IAIDNN, L = " + layers + " unrolled no-mu WMMSE layers, M = " + bsAntennas + ", I = " + numUes
                + ", N = " + ueAntennas + ", d = " + streams + ", " + (shared ? "parameters shared across UEs (SP)"
                : "parameters per UE index") + ", Y " + (useY ? "trained" : "= 0") + ", last V-step exact"
                + (authorsForm ? ", the authors' raw form and start" : ", dimensionless form");
    }

    private static void atLeast(int v, int min, String name) {
        if (v < min) {
            throw new IllegalArgumentException(name + ": must be >= " + min + ", got " + v);
        }
    }
}
