package org.netsim.precoding.learned.deepfp;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.netsim.precoding.Problem;
import org.netsim.precoding.learned.ModelCard;

/**
 * The shape of a DeepFP network ("DeepFP: Deep-Unfolded Fractional Programming for Massive MIMO Beamforming",
 * Section IV-B/C, Figs. 1 and 2): {@link #layers} unfolded FastFP iterations, each with its own DNN (no shared
 * weights) that maps the pair (Z_i, Lambda_i - L_k Z_i) of UE i to its lambda_i (eq. (46)/(51)).
 *
 * <p><b>DNN of one layer</b> (Fig. 1): complex input x = [vec(z_i); vec(g_i)] of length 2 N_t d (row-major
 * flattening of the M x d matrices, antenna by antenna), hidden layers h = ReLU_C(W h_prev + b) with complex W, b
 * and the complex ReLU (47), ReLU_C(a + jb) = max(a, 0) + j max(b, 0), output lambda~ = Re(w^T h + b) (the real
 * part as output activation). The paper uses two hidden layers of 64 neurons (Section V-A-2).
 *
 * <p><b>Units (dimensionless inputs and output).</b> With P_k the budget of the serving BS, the DNN sees
 * z_i = Z_i / sqrt(P_k) and g_i = sqrt(P_k) (Lambda_i - L_k Z_i), and lambda_i = max(lambda~, {@value #LAMBDA_FLOOR})
 * / P_k (W^-1). This is the FastFP iteration of the problem whitened by sigma_i and normalised to unit budgets
 * (H~_ik = H_ik sqrt(P_k) / sigma_i, V~ = V / sqrt(P_k)), under which Lambda~ = sqrt(P_k) Lambda,
 * L~_k = P_k L_k and lambda~ = P_k lambda leave the iterate unchanged; so the weights do not depend on the units of
 * power. The floor only keeps the step finite (the paper leaves lambda unconstrained; the power scaling (37)
 * bounds the iterate for any positive lambda).
 *
 * <p><b>Transfer by zero padding</b> (Section IV-E): a network for N_t antennas and d streams runs on BSs with
 * M_k &lt;= N_t and UEs with d_i &lt;= d: the missing antennas are zero columns of the channels (their rows of Z and
 * of Lambda - L Z stay zero) and the missing streams zero columns of Z and Lambda - L Z, so the features are padded
 * with zeros. Numbers of BSs, UEs and receive antennas are free.
 *
 * @param layers T, the number of unfolded iterations (the paper: 8)
 * @param bsAntennas N_t, the largest M_k accepted
 * @param streams d, the largest d_i accepted
 * @param hidden the widths of the hidden layers (the paper: 64, 64)
 */
public record DeepFpArchitecture(int layers, int bsAntennas, int streams, int[] hidden) {

    /** The paper's hidden widths (Section V-A-2). */
    public static final int[] PAPER_HIDDEN = {64, 64};
    /** The paper's number of layers (Section V-A-2). */
    public static final int PAPER_LAYERS = 8;
    /** Smallest lambda~ = P_k lambda used (dimensionless), so that the step 1 / lambda stays finite. */
    public static final double LAMBDA_FLOOR = 1e-3;

    public DeepFpArchitecture {
        if (layers < 1) {
            throw new IllegalArgumentException("layers: must be >= 1, got " + layers);
        }
        if (bsAntennas < 1) {
            throw new IllegalArgumentException("bsAntennas: must be >= 1, got " + bsAntennas);
        }
        if (streams < 1) {
            throw new IllegalArgumentException("streams: must be >= 1, got " + streams);
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

    /** The paper's network for N_t antennas and d streams: 8 layers, DNNs 2 N_t d - 64 - 64 - 1 (complex). */
    public static DeepFpArchitecture paper(int bsAntennas, int streams) {
        return new DeepFpArchitecture(PAPER_LAYERS, bsAntennas, streams, PAPER_HIDDEN);
    }

    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    /** @return the complex input width of each DNN, 2 N_t d */
    public int inputSize() {
        return 2 * bsAntennas * streams;
    }

    /** @return the widths of one DNN from input to output (complex units) */
    public int[] widths() {
        int[] w = new int[hidden.length + 2];
        w[0] = inputSize();
        System.arraycopy(hidden, 0, w, 1, hidden.length);
        w[w.length - 1] = 1;
        return w;
    }

    /** @return the number of real trainable parameters (real and imaginary parts of every weight and bias) */
    public long parameterCount() {
        int[] w = widths();
        long n = 0;
        for (int l = 1; l < w.length; l++) {
            n += 2L * ((long) w[l - 1] * w[l] + w[l]);
        }
        return n * layers;
    }

    /** @return e.g. "DeepFP: 8 unfolded FastFP layers, per-layer complex DNN 256-64-64-1 ..." */
    public String describe() {
        StringBuilder sb = new StringBuilder("DeepFP: ").append(layers)
                .append(" unfolded FastFP layers (no shared weights), per-layer complex DNN ");
        int[] w = widths();
        for (int l = 0; l < w.length; l++) {
            sb.append(l == 0 ? "" : "-").append(w[l]);
        }
        return sb.append(" on (Z_i / sqrt(P_k), sqrt(P_k) (Lambda_i - L_k Z_i)), complex ReLU, real-part output ")
                .append("lambda_i P_k; N_t <= ").append(bsAntennas).append(", d <= ").append(streams)
                .append(" by zero padding (DeepFP paper, Figs. 1-2, eqs. (46)-(52), Sec. IV-E)").toString();
    }

    /** @return the card entries that define this architecture */
    public Map<String, Object> hyperparameters() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("layers", layers);
        m.put("bsAntennas", bsAntennas);
        m.put("streams", streams);
        m.put("hidden", Arrays.stream(hidden).boxed().toList());
        m.put("lambdaFloor", LAMBDA_FLOOR);
        return m;
    }

    /** @return the card's dimensions: the largest N_t and d accepted (smaller ones by zero padding) */
    public Map<String, Integer> dimensions() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("maxBsAntennas", bsAntennas);
        m.put("maxStreams", streams);
        return m;
    }

    /** Rebuilds the architecture from a card, checking its dimensions agree with its hyperparameters. */
    public static DeepFpArchitecture fromCard(ModelCard card) {
        DeepFpArchitecture a = new DeepFpArchitecture(card.intHyperparameter("layers"),
                card.intHyperparameter("bsAntennas"), card.intHyperparameter("streams"),
                card.intListHyperparameter("hidden"));
        if (!a.dimensions().equals(card.dimensions())) {
            throw new IllegalArgumentException("model card: dimensions " + card.dimensions()
                    + " do not match the hyperparameters (" + a.dimensions() + ")");
        }
        return a;
    }

    /**
     * Checks that the network runs on {@code problem} (by zero padding where smaller).
     *
     * @param where prefix of the message, e.g. the precoder and the model
     * @throws IllegalArgumentException (one line) naming the first BS or UE that exceeds the model's N_t or d
     */
    public void requireFits(Problem problem, String where) {
        for (int k = 0; k < problem.numBs(); k++) {
            if (problem.bsAntennas(k) > bsAntennas) {
                throw new IllegalArgumentException(where + ": the model accepts at most " + bsAntennas
                        + " BS antennas (maxBsAntennas, smaller by zero padding), BS " + k + " has "
                        + problem.bsAntennas(k));
            }
        }
        for (int i = 0; i < problem.numUe(); i++) {
            if (problem.streams(i) > streams) {
                throw new IllegalArgumentException(where + ": the model accepts at most " + streams
                        + " streams per UE (maxStreams, fewer by zero padding), UE " + i + " has "
                        + problem.streams(i));
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeepFpArchitecture a && a.layers == layers && a.bsAntennas == bsAntennas
                && a.streams == streams && Arrays.equals(a.hidden, hidden);
    }

    @Override
    public int hashCode() {
        return ((layers * 31 + bsAntennas) * 31 + streams) * 31 + Arrays.hashCode(hidden);
    }

    @Override
    public String toString() {
        return "DeepFpArchitecture[" + describe() + "]";
    }
}
