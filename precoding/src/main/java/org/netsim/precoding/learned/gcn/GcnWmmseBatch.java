package org.netsim.precoding.learned.gcn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import org.netsim.precoding.Init;
import org.netsim.precoding.InitialPrecoders;
import org.netsim.precoding.Problem;
import org.netsim.precoding.learned.ComplexTensor;

/**
 * A batch of B equally shaped problems as DJL tensors, the input of {@link GcnWmmseNetwork} (GCN-WMMSE paper
 * "Coordinated Sum-Rate Maximization in Multicell MU-MIMO with Deep Unrolling", §II: K BSs with M antennas and
 * power P_k, |I_k| = I/K UEs per BS with N antennas, d streams, noise sigma_i^2 and weight alpha_i). In the tensors
 * the UEs are ordered by serving BS: position p = k |I_k| + u holds UE {@code uesOf(k)[u]} of the problem (so any
 * association works, as long as every BS serves the same number of UEs).
 * <pre>
 *   channels        H_{p k}               [B, I, K, N, M]   complex
 *   servedChannels  H_{p k_p}             [B, K, I_k, N, M] complex (the UE's own BS)
 *   noise           sigma_p^2 in W        [B, I]
 *   ueWeights       alpha_p               [B, I]
 *   budgets         P_k in W              [B, K]
 *   start           V_p^(0)               [B, K, I_k, M, d] complex
 * </pre>
 * The arrays live in the given manager; close it (or a parent) to free them.
 *
 * @param problems the problems, in batch order
 * @param order per problem, the UE index at each position p
 */
public record GcnWmmseBatch(List<Problem> problems, int[][] order, ComplexTensor channels,
        ComplexTensor servedChannels, NDArray noise, NDArray ueWeights, NDArray budgets, ComplexTensor start,
        int numBs, int uesPerBs, int bsAntennas, int ueAntennas, int streams) {

    /** @return the batch size B */
    public int size() {
        return problems.size();
    }

    /**
     * Builds a batch with every problem started from {@code init} ({@link InitialPrecoders}; the paper's network
     * input is {@link Init#mrc()}).
     *
     * @param manager owner of the arrays
     * @param problems B &gt;= 1 problems of one shape; not modified
     * @param init the start of every problem
     * @param type FLOAT32 or FLOAT64
     * @throws IllegalArgumentException (one line) naming the first problem and quantity that breaks the common
     *     shape
     */
    public static GcnWmmseBatch of(NDManager manager, List<Problem> problems, Init init, DataType type) {
        ZMatrixRMaj[][] starts = new ZMatrixRMaj[problems.size()][];
        for (int b = 0; b < starts.length; b++) {
            starts[b] = InitialPrecoders.create(problems.get(b), init);
        }
        return of(manager, problems, starts, type);
    }

    /**
     * Builds a batch from given starts.
     *
     * @param starts per problem V^(0) per UE (M x d, within budgets); not modified
     */
    public static GcnWmmseBatch of(NDManager manager, List<Problem> problems, ZMatrixRMaj[][] starts,
            DataType type) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("problems: at least one problem is required");
        }
        Problem p0 = problems.get(0);
        int k = p0.numBs();
        int numUe = p0.numUe();
        if (numUe % k != 0) {
            throw new IllegalArgumentException("problem 0: " + numUe + " UEs cannot be served equally by " + k
                    + " BSs (the batched network needs |I_k| equal for every BS)");
        }
        int ik = numUe / k;
        int m = p0.bsAntennas(0);
        int n = p0.ueAntennas(0);
        int d = p0.streams(0);
        int bsz = problems.size();
        int[][] order = new int[bsz][numUe];
        for (int b = 0; b < bsz; b++) {
            Problem p = problems.get(b);
            requireShape(p, b, k, numUe, ik, m, n, d);
            for (int bs = 0; bs < k; bs++) {
                int[] ues = p.uesOf(bs);
                System.arraycopy(ues, 0, order[b], bs * ik, ik);
            }
        }
        double[] hRe = new double[bsz * numUe * k * n * m];
        double[] hIm = new double[hRe.length];
        double[] sRe = new double[bsz * numUe * n * m];
        double[] sIm = new double[sRe.length];
        double[] noise = new double[bsz * numUe];
        double[] alpha = new double[bsz * numUe];
        double[] power = new double[bsz * k];
        double[] vRe = new double[bsz * numUe * m * d];
        double[] vIm = new double[vRe.length];
        int nm = n * m;
        for (int b = 0; b < bsz; b++) {
            Problem p = problems.get(b);
            ZMatrixRMaj[] v0 = starts[b];
            if (v0.length != numUe) {
                throw new IllegalArgumentException("starts[" + b + "]: " + v0.length + " precoders for " + numUe
                        + " UEs");
            }
            for (int bs = 0; bs < k; bs++) {
                power[b * k + bs] = p.bsPowerW(bs);
            }
            for (int pos = 0; pos < numUe; pos++) {
                int i = order[b][pos];
                noise[b * numUe + pos] = p.noisePowerW(i);
                alpha[b * numUe + pos] = p.weight(i);
                for (int bs = 0; bs < k; bs++) {
                    copyComplex(p.channel(i, bs), hRe, hIm, ((b * numUe + pos) * k + bs) * nm);
                }
                copyComplex(p.channel(i, p.servingBs(i)), sRe, sIm, (b * numUe + pos) * nm);
                ZMatrixRMaj v = v0[i];
                if (v.numRows != m || v.numCols != d) {
                    throw new IllegalArgumentException("starts[" + b + "][" + i + "]: " + v.numRows + "x"
                            + v.numCols + ", expected " + m + "x" + d);
                }
                copyComplex(v, vRe, vIm, (b * numUe + pos) * m * d);
            }
        }
        ComplexTensor h = tensor(manager, hRe, hIm, new Shape(bsz, numUe, k, n, m), type);
        ComplexTensor s = tensor(manager, sRe, sIm, new Shape(bsz, k, ik, n, m), type);
        ComplexTensor v = tensor(manager, vRe, vIm, new Shape(bsz, k, ik, m, d), type);
        return new GcnWmmseBatch(List.copyOf(problems), order, h, s, array(manager, noise, new Shape(bsz, numUe),
                type), array(manager, alpha, new Shape(bsz, numUe), type), array(manager, power, new Shape(bsz, k),
                type), v, k, ik, m, n, d);
    }

    /**
     * Reads the precoders of problem {@code b} back from a tensor [B, K, I_k, M, d], in the problem's UE order.
     *
     * @param v precoders as the network returns them
     * @return V_i per UE of the problem, M x d, double precision
     */
    public ZMatrixRMaj[] precoders(ComplexTensor v, int b) {
        int numUe = numBs * uesPerBs;
        int md = bsAntennas * streams;
        double[] re = v.re().get(b).toType(DataType.FLOAT64, false).toDoubleArray();
        double[] im = v.im().get(b).toType(DataType.FLOAT64, false).toDoubleArray();
        ZMatrixRMaj[] out = new ZMatrixRMaj[numUe];
        for (int pos = 0; pos < numUe; pos++) {
            ZMatrixRMaj z = new ZMatrixRMaj(bsAntennas, streams);
            for (int e = 0; e < md; e++) {
                z.data[2 * e] = re[pos * md + e];
                z.data[2 * e + 1] = im[pos * md + e];
            }
            out[order[b][pos]] = z;
        }
        return out;
    }

    private static void requireShape(Problem p, int b, int k, int numUe, int ik, int m, int n, int d) {
        String where = "problem " + b + ": ";
        if (p.numBs() != k || p.numUe() != numUe) {
            throw new IllegalArgumentException(where + p.numBs() + " BSs and " + p.numUe() + " UEs, problem 0 has "
                    + k + " and " + numUe + " (one batch needs one shape)");
        }
        for (int bs = 0; bs < k; bs++) {
            if (p.bsAntennas(bs) != m) {
                throw new IllegalArgumentException(where + "BS " + bs + " has M = " + p.bsAntennas(bs)
                        + ", expected " + m + " (equal for every BS)");
            }
            if (p.uesOf(bs).length != ik) {
                throw new IllegalArgumentException(where + "BS " + bs + " serves " + p.uesOf(bs).length
                        + " UEs, expected " + ik + " (|I_k| equal for every BS)");
            }
        }
        for (int i = 0; i < numUe; i++) {
            if (p.ueAntennas(i) != n || p.streams(i) != d) {
                throw new IllegalArgumentException(where + "UE " + i + " has N = " + p.ueAntennas(i) + ", d = "
                        + p.streams(i) + ", expected N = " + n + ", d = " + d + " (equal for every UE)");
            }
        }
    }

    private static void copyComplex(ZMatrixRMaj z, double[] re, double[] im, int offset) {
        int n = z.numRows * z.numCols;
        for (int e = 0; e < n; e++) {
            re[offset + e] = z.data[2 * e];
            im[offset + e] = z.data[2 * e + 1];
        }
    }

    static ComplexTensor tensor(NDManager manager, double[] re, double[] im, Shape shape, DataType type) {
        return new ComplexTensor(array(manager, re, shape, type), array(manager, im, shape, type));
    }

    /**
     * A new array holding {@code a}, in memory owned by the engine: DJL's PyTorch engine wraps a Java direct buffer
     * without copying ({@code from_blob}), and that buffer is freed by the Java garbage collector once its Java
     * array object is unreachable, while the autograd graph may still read it in the backward pass (observed:
     * garbage and NaN gradients after a {@code System.gc()}). A copy made by the engine has no such tie.
     */
    static NDArray array(NDManager manager, double[] a, Shape shape, DataType type) {
        NDArray t = manager.zeros(shape, type);
        if (type == DataType.FLOAT64) {
            t.set(java.nio.DoubleBuffer.wrap(a));
        } else {
            float[] f = new float[a.length];
            for (int e = 0; e < a.length; e++) {
                f[e] = (float) a[e];
            }
            t.set(java.nio.FloatBuffer.wrap(f));
        }
        return t;
    }
}
