package org.netsim.precoding.learned.iaidnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.Map;
import org.netsim.precoding.learned.ComplexTensor;
import org.netsim.precoding.learned.gcn.GcnWmmseBatch;
import org.netsim.precoding.learned.gcn.GcnWmmseNetwork;

/**
 * The batched, differentiable DJL executor of IAIDNN: the same layers as {@link IaidnnExecutor} (see there for the
 * equations, GCN-WMMSE paper §V-C) on a batch of single-cell problems, complex quantities as {@link ComplexTensor}.
 * Shapes (B = batch): H [B, I, N, M], V [B, I, M, d], U [B, I, N, d], W [B, I, d, d], B-matrix [B, 1, M, M];
 * parameters of layer b as [G, rows, cols] broadcast over the batch (G = I per UE or 1 shared). The exact inverses
 * (the last V-step, or every step with {@code exact}) use {@link ComplexTensor#inverse()}. The WSR is
 * {@link GcnWmmseNetwork#wsr} of the final, budget-scaled V.
 */
public final class IaidnnNetwork {

    private IaidnnNetwork() {
    }

    /** Parameters as arrays (possibly requiring gradients), by tensor name, with their architecture. */
    public record Parameters(IaidnnArchitecture architecture, Map<String, NDArray> arrays) {

        /** Creates the arrays of {@code flat} in {@code manager}. */
        public static Parameters of(IaidnnArchitecture arch, Map<String, double[]> flat, NDManager manager,
                DataType type, boolean requiresGradient) {
            Map<String, NDArray> m = new LinkedHashMap<>();
            for (String name : arch.tensorNames()) {
                int[] s = arch.shape(name);
                long[] dims = new long[s.length];
                for (int j = 0; j < s.length; j++) {
                    dims[j] = s[j];
                }
                NDArray a = manager.create(flat.get(name), new Shape(dims)).toType(type, false);
                if (requiresGradient) {
                    a.setRequiresGradient(true);
                }
                m.put(name, a);
            }
            return new Parameters(arch, m);
        }

        /** @return the gradients as flat doubles by name (after a backward pass) */
        public Map<String, double[]> gradients() {
            Map<String, double[]> g = new LinkedHashMap<>();
            arrays.forEach((k, v) -> g.put(k, v.getGradient().toType(DataType.FLOAT64, false).toDoubleArray()));
            return g;
        }

        /** @return matrix {@code name} of layer l as [G, rows, cols] complex, or null if absent */
        ComplexTensor layer(String name, int l) {
            NDArray a = arrays.get(name);
            if (a == null) {
                return null;
            }
            NDArray t = a.get(l);
            return new ComplexTensor(t.get(new NDIndex("..., 0")), t.get(new NDIndex("..., 1")));
        }
    }

    /**
     * The forward pass.
     *
     * @param params the weights
     * @param batch single-cell problems of the architecture's dimensions (K = 1), with their starts
     * @param exact every step exact (the no-μ WMMSE iteration)
     * @return V [B, 1, I, M, d] scaled to the budget, in the batch's UE order (GcnWmmseBatch layout)
     */
    public static ComplexTensor forward(Parameters params, GcnWmmseBatch batch, boolean exact) {
        IaidnnArchitecture arch = params.architecture();
        if (batch.numBs() != 1 || batch.uesPerBs() != arch.numUes() || batch.bsAntennas() != arch.bsAntennas()
                || batch.ueAntennas() != arch.ueAntennas() || batch.streams() != arch.streams()) {
            throw new IllegalArgumentException("batch: K = " + batch.numBs() + ", I = " + batch.uesPerBs() + ", M = "
                    + batch.bsAntennas() + ", N = " + batch.ueAntennas() + ", d = " + batch.streams()
                    + " do not fit " + arch);
        }
        int bsz = batch.size();
        int numUe = arch.numUes();
        int m = arch.bsAntennas();
        int n = arch.ueAntennas();
        int d = arch.streams();
        ComplexTensor h = reshape(batch.servedChannels(), bsz, numUe, n, m);                  // [B, I, N, M]
        ComplexTensor v = reshape(batch.start(), bsz, numUe, m, d);                           // [B, I, M, d]
        NDArray power = batch.budgets().reshape(bsz, 1, 1, 1);                                // [B, 1, 1, 1]
        NDArray noise = batch.noise().reshape(bsz, numUe, 1, 1);                              // [B, I, 1, 1]
        NDArray alpha = batch.ueWeights().reshape(bsz, numUe, 1, 1);                          // [B, I, 1, 1]
        NDManager mgr = h.re().getManager();
        DataType type = h.re().getDataType();
        NDArray eyeN = mgr.eye(n).toType(type, false);
        NDArray eyeD = mgr.eye(d).toType(type, false);
        NDArray eyeM = mgr.eye(m).toType(type, false);
        boolean raw = arch.authorsForm();
        if (raw) {                                                                            // (sum_j H_j^H H_j) H_i^H
            v = expand(sum(h.hermitianTimes(h), 1), 1).matMul(h.hermitian());
        }
        for (int layer = 0; layer < arch.layers(); layer++) {
            NDArray t;                                                                        // [B, 1, 1, 1]
            if (raw) {
                t = v.abs2().sum(new int[] {1, 2, 3}).reshape(bsz, 1, 1, 1);                  // current t(V)
            } else {
                v = v.scale(power.div(v.abs2().sum(new int[] {1, 2, 3}).reshape(bsz, 1, 1, 1)).sqrt()); // t(V) = P
                t = power;
            }
            // A_i = H_i (sum_j V_j V_j^H) H_i^H + (sigma_i^2 / P) t I
            ComplexTensor q = sum(v.timesHermitian(v), 1);                                   // [B, M, M]
            ComplexTensor hq = h.matMul(expand(q, 1));                                        // [B, I, N, M]
            ComplexTensor a = hq.timesHermitian(h).add(ComplexTensor.real(
                    eyeN.mul(noise.mul(t).div(power))));                                      // [B, I, N, N]
            ComplexTensor hv = h.matMul(v);                                                   // [B, I, N, d]
            ComplexTensor u = exact ? a.inverse().matMul(hv) : approx(params, "u", layer, a, hv);
            ComplexTensor e = ComplexTensor.real(eyeD.broadcast(bsz, numUe, d, d)).sub(u.hermitianTimes(hv));
            ComplexTensor w = exact ? e.inverse()
                    : approx(params, "w", layer, e, ComplexTensor.real(eyeD.broadcast(bsz, numUe, d, d)));
            ComplexTensor hu = h.hermitianTimes(u);                                           // [B, I, M, d]
            ComplexTensor huw = hu.matMul(w).scale(alpha);                                    // alpha H^H U W
            ComplexTensor bm = sum(huw.timesHermitian(hu), 1);                                // [B, M, M]
            ComplexTensor uwu = u.matMul(w).timesHermitian(u);                                // [B, I, N, N]
            NDArray tr = uwu.re().mul(eyeN).sum(new int[] {2, 3});                            // [B, I]
            NDArray mu = tr.mul(alpha.reshape(bsz, numUe)).mul(noise.reshape(bsz, numUe))
                    .sum(new int[] {1}).reshape(bsz, 1, 1).div(batch.budgets().reshape(bsz, 1, 1));
            bm = bm.add(ComplexTensor.real(eyeM.mul(mu)));
            ComplexTensor b4 = expand(bm, 1);                                                 // [B, 1, M, M]
            if (exact || layer == arch.layers() - 1) {
                v = b4.inverse().matMul(huw);
            } else {
                v = approx(params, "v", layer, b4, huw);
            }
        }
        NDArray t = v.abs2().sum(new int[] {1, 2, 3}).reshape(bsz, 1, 1, 1);
        v = v.scale(power.div(t).sqrt());
        return reshape(v, bsz, 1, numUe, m, d);
    }

    /** @return the WSR in nat/s/Hz of each problem [B] at precoders {@code v} from {@link #forward} */
    public static NDArray wsr(GcnWmmseBatch batch, ComplexTensor v) {
        return GcnWmmseNetwork.wsr(batch, v);
    }

    /**
     * (A^+ X + s^2 A Y + s Z) T + s tau O, or raw (A^+ X + A Y + Z) T + O in the authors' form (both:
     * {@link IaidnnExecutor}); A [B, I or 1, n, n], T [B, I, n, c], parameters [G, ., .].
     */
    private static ComplexTensor approx(Parameters params, String step, int layer, ComplexTensor a,
            ComplexTensor t) {
        ComplexTensor x = params.layer("X" + step, layer);
        ComplexTensor y = params.layer("Y" + step, layer);
        ComplexTensor z = params.layer("Z" + step, layer);
        ComplexTensor o = params.layer("O" + step, layer);
        long size = a.shape().get(a.shape().dimension() - 1);
        NDArray eye = a.re().getManager().eye((int) size).toType(a.re().getDataType(), false);
        NDArray dr = a.re().mul(eye).sum(new int[] {-1}).expandDims(-1);                   // [..., n, 1]
        NDArray di = a.im().mul(eye).sum(new int[] {-1}).expandDims(-1);
        NDArray den = dr.square().add(di.square());
        ComplexTensor dinv = new ComplexTensor(dr.div(den), di.neg().div(den));             // 1 / A_rr
        NDArray s = den.sqrt().pow(-1).mean(new int[] {-2}, true);                         // mean |1/A_rr| [..,1,1]
        long rows = t.shape().get(t.shape().dimension() - 2);
        long cols = t.shape().get(t.shape().dimension() - 1);
        NDArray tau = t.abs2().sum(new int[] {-2, -1}, true).div(rows * cols).sqrt();      // rms |T_rc| [..,1,1]
        if (params.architecture().authorsForm()) {                                          // raw: s = tau = 1
            ComplexTensor g = dinv.mul(x).add(z);
            if (y != null) {
                g = g.add(a.matMul(y));
            }
            return g.matMul(t).add(o);
        }
        ComplexTensor g = dinv.mul(x).add(z.scale(s));                                      // A^+ X + s Z (rows)
        if (y != null) {
            g = g.add(a.matMul(y).scale(s.square()));
        }
        return g.matMul(t).add(o.scale(s.mul(tau)));
    }

    static ComplexTensor expand(ComplexTensor a, int axis) {
        return new ComplexTensor(a.re().expandDims(axis), a.im().expandDims(axis));
    }

    static ComplexTensor sum(ComplexTensor a, int axis) {
        return new ComplexTensor(a.re().sum(new int[] {axis}), a.im().sum(new int[] {axis}));
    }

    static ComplexTensor reshape(ComplexTensor a, long... shape) {
        return new ComplexTensor(a.re().reshape(shape), a.im().reshape(shape));
    }
}
