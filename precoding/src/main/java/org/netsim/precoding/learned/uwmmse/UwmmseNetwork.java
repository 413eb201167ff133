package org.netsim.precoding.learned.uwmmse;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.DoubleBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.netsim.precoding.Problem;

/**
 * The batched DJL executor of UWMMSE (float64), used for training: the same equations as {@link UwmmseExecutor}
 * on a batch of B problems with equal K, differentiable in the weights (through relu, max(., 0) and the clip to
 * [0, 1], which have sub-gradients). Shapes: C^2, C^2 off the diagonal and S [B, K, K]; diag c, alpha [B, K];
 * node features X [B, K, 2].
 *
 * <p>Memory: every array lives in the manager it was created in; call inside a child manager and close it after
 * reading the outputs. No operation on the gradient path takes a Java number (constants are arrays of the batch's
 * manager): DJL's PyTorch engine wraps such a number in a temporary tensor that autograd may read after it is freed
 * (see the GCN-WMMSE network's notes).
 */
public final class UwmmseNetwork {

    private UwmmseNetwork() {
    }

    /**
     * A batch on one manager.
     *
     * @param c2 c_ij^2 [B, K, K]
     * @param c2Off c_ij^2 for j != i, 0 on the diagonal [B, K, K]
     * @param diag c_ii [B, K]
     * @param alpha alpha_i [B, K]
     * @param s shift matrix [B, K, K]
     * @param x node features [B, K, 2]
     * @param zero 0 (scalar array)
     * @param one 1 (scalar array)
     * @param eps {@link UwmmseExecutor#EPS} (scalar array)
     */
    public record Batch(NDArray c2, NDArray c2Off, NDArray diag, NDArray alpha, NDArray s, NDArray x, NDArray zero,
            NDArray one, NDArray eps) {

        /** Builds the batch of SISO pair problems (checked; all with the same K). */
        public static Batch of(NDManager m, List<Problem> problems) {
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("problems: at least one is required");
            }
            int b = problems.size();
            int k = problems.get(0).numUe();
            double[] c2 = new double[b * k * k];
            double[] c2Off = new double[b * k * k];
            double[] s = new double[b * k * k];
            double[] diag = new double[b * k];
            double[] alpha = new double[b * k];
            double[] x = new double[b * k * 2];
            for (int n = 0; n < b; n++) {
                UwmmseExecutor.Channels ch = UwmmseExecutor.channels(problems.get(n));
                if (ch.pairs() != k) {
                    throw new IllegalArgumentException("problems: a batch needs equal K, problem " + n + " has "
                            + ch.pairs() + " pairs, problem 0 has " + k);
                }
                for (int i = 0; i < k; i++) {
                    for (int j = 0; j < k; j++) {
                        int e = (n * k + i) * k + j;
                        double cij = ch.c()[i][j];
                        c2[e] = cij * cij;
                        c2Off[e] = i == j ? 0.0 : cij * cij;
                        s[e] = ch.s()[i][j];
                    }
                    diag[n * k + i] = ch.c()[i][i];
                    alpha[n * k + i] = ch.alpha()[i];
                    x[(n * k + i) * 2] = 1.0;
                    x[(n * k + i) * 2 + 1] = ch.s()[i][i];
                }
            }
            return new Batch(array(m, c2, b, k, k), array(m, c2Off, b, k, k), array(m, diag, b, k),
                    array(m, alpha, b, k), array(m, s, b, k, k), array(m, x, b, k, 2), scalar(m, 0.0),
                    scalar(m, 1.0), scalar(m, UwmmseExecutor.EPS));
        }
    }

    static NDArray array(NDManager m, double[] values, long... shape) {
        NDArray t = m.zeros(new Shape(shape), DataType.FLOAT64);
        t.set(DoubleBuffer.wrap(values));
        return t;
    }

    static NDArray scalar(NDManager m, double value) {
        return array(m, new double[] {value});
    }

    /** @return the weights as float64 arrays of {@code m}, with gradients attached when {@code training} */
    public static Map<String, NDArray> parameters(UwmmseWeights w, NDManager m, boolean training) {
        Map<String, NDArray> out = new LinkedHashMap<>();
        for (String name : UwmmseWeights.names(w.layers())) {
            NDArray a = array(m, w.tensors().get(name), UwmmseWeights.shape(name, w.hidden()));
            if (training) {
                a.setRequiresGradient(true);
            }
            out.put(name, a);
        }
        return out;
    }

    /** The coefficient GCN of {@link UwmmseWeights}: [B, K]. */
    static NDArray coefficients(Map<String, NDArray> p, Batch b, int layer, String map) {
        NDArray x = b.x();
        NDArray sx = b.s().matMul(x);
        NDArray z = x.matMul(p.get(UwmmseWeights.name(layer, map, "theta0")))
                .add(sx.matMul(p.get(UwmmseWeights.name(layer, map, "theta1"))))
                .add(p.get(UwmmseWeights.name(layer, map, "beta1")));
        NDArray y = z.maximum(b.zero());
        NDArray out = y.matMul(p.get(UwmmseWeights.name(layer, map, "phi0")))
                .add(b.s().matMul(y).matMul(p.get(UwmmseWeights.name(layer, map, "phi1"))));
        return out.squeeze(2).add(p.get(UwmmseWeights.name(layer, map, "beta2")));
    }

    /** I_i = 1 + sum_{j != i} c_ij^2 q_j^2, [B, K]. */
    private static NDArray interference(Batch b, NDArray q2) {
        return b.c2Off().matMul(q2.expandDims(2)).squeeze(2).add(b.one());
    }

    /**
     * The L layers from q^0 = 1.
     *
     * @return q^L [B, K] in [0, 1]
     */
    public static NDArray forward(Map<String, NDArray> p, Batch b, int layers) {
        NDArray q = b.diag().onesLike();
        NDArray dc2 = b.diag().mul(b.diag());
        for (int l = 0; l < layers; l++) {
            NDArray a = coefficients(p, b, l, "a");
            NDArray bb = coefficients(p, b, l, "b");
            NDArray q2 = q.mul(q);
            NDArray in = interference(b, q2);
            NDArray total = in.add(dc2.mul(q2));
            NDArray u = b.diag().mul(q).div(total);
            NDArray w = total.div(in);
            NDArray wt = a.mul(w).add(bb).maximum(b.zero());
            NDArray num = b.alpha().mul(wt).mul(u).mul(b.diag());
            NDArray coef = b.alpha().mul(wt).mul(u).mul(u);                     // [B, K] over j
            NDArray den = coef.expandDims(1).matMul(b.c2()).squeeze(1).add(b.eps()); // sum_j coef_j c_jk^2
            q = num.div(den).maximum(b.zero()).minimum(b.one());
        }
        return q;
    }

    /** @return the sum rate per problem in nat/s/Hz, [B] */
    public static NDArray sumRate(Batch b, NDArray q) {
        NDArray q2 = q.mul(q);
        NDArray in = interference(b, q2);
        NDArray sinr = b.diag().mul(b.diag()).mul(q2).div(in);
        return sinr.add(b.one()).log().mul(b.alpha()).sum(new int[] {1});
    }
}
