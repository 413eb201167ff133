package org.netsim.precoding.learned.deepfp;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.FloatBuffer;
import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import org.netsim.precoding.Problem;
import org.netsim.precoding.learned.ComplexTensor;

/**
 * Problems packed for the batched DeepFP network: B problems of one layout (L BSs, K UEs per BS, N_r receive
 * antennas per UE), padded to the network's N_t and d (DeepFP paper, Section IV-E) and normalised as in
 * {@link DeepFpArchitecture}: H~_ik = H_ik sqrt(P_k) / sigma_i (the FastFP iteration of the whitened problem with
 * unit budgets), V~_i = V_i / sqrt(P_k).
 *
 * <p>UE slots: slot (l, u) is the u-th UE of {@code uesOf(l)}, slot index l K + u. Layouts (float32, row-major):
 * channels [B, L, L K N_r, N_t] (for BS l the stacked channels to every slot, the FpWorkspace layout), initial
 * precoders [B, L, K, N_t, d], weights alpha [B, L, K]. Padded antennas are zero channel columns and zero rows of V,
 * padded streams zero columns of V: both stay zero through the FastFP updates.
 */
public final class DeepFpBatch {

    private final DeepFpArchitecture architecture;
    private final List<Problem> problems;
    private final int numBs;
    private final int perBs;
    private final int ueAntennas;
    private final int[][] slotUe; // [b][l K + u] = UE index
    private final float[] hRe;
    private final float[] hIm;
    private final float[] vRe;
    private final float[] vIm;
    private final float[] alpha;

    private DeepFpBatch(DeepFpArchitecture a, List<Problem> problems) {
        this.architecture = a;
        this.problems = List.copyOf(problems);
        Problem first = problems.get(0);
        numBs = first.numBs();
        perBs = first.uesOf(0).length;
        ueAntennas = first.ueAntennas(0);
        int b = problems.size();
        int nt = a.bsAntennas();
        int d = a.streams();
        int u = numBs * perBs;
        slotUe = new int[b][u];
        hRe = new float[b * numBs * u * ueAntennas * nt];
        hIm = new float[hRe.length];
        vRe = new float[b * u * nt * d];
        vIm = new float[vRe.length];
        alpha = new float[b * u];
    }

    /**
     * Packs problems and their initial precoders.
     *
     * @param problems B &gt;= 1 problems of one layout: the same L, K UEs per BS, the same N_r; M_k &lt;= N_t,
     *     d_i &lt;= d; not modified
     * @param initial the initial V_i of each problem (within budget); not modified
     * @throws IllegalArgumentException naming the first problem that does not fit
     */
    public static DeepFpBatch pack(DeepFpArchitecture a, List<Problem> problems, List<ZMatrixRMaj[]> initial) {
        if (problems.isEmpty() || problems.size() != initial.size()) {
            throw new IllegalArgumentException("problems, initial: need B >= 1 problems and as many initial "
                    + "precoder sets, got " + problems.size() + " and " + initial.size());
        }
        DeepFpBatch batch = new DeepFpBatch(a, problems);
        for (int s = 0; s < problems.size(); s++) {
            batch.fill(s, problems.get(s), initial.get(s));
        }
        return batch;
    }

    private void fill(int s, Problem p, ZMatrixRMaj[] v0) {
        String where = "problems[" + s + "]";
        architecture.requireFits(p, DeepFpPrecoder.NAME + " batch " + where);
        if (p.numBs() != numBs) {
            throw new IllegalArgumentException(where + ": " + p.numBs() + " BSs, the batch has " + numBs);
        }
        if (p.numUe() != numBs * perBs) {
            throw new IllegalArgumentException(where + ": " + p.numUe() + " UEs, the batch has " + numBs + " x "
                    + perBs);
        }
        int nt = architecture.bsAntennas();
        int d = architecture.streams();
        int u = numBs * perBs;
        int rows = u * ueAntennas;
        for (int l = 0; l < numBs; l++) {
            int[] ues = p.uesOf(l);
            if (ues.length != perBs) {
                throw new IllegalArgumentException(where + ": BS " + l + " serves " + ues.length
                        + " UEs, the batch has " + perBs + " per BS (batched DeepFP needs equal cells)");
            }
            for (int k = 0; k < perBs; k++) {
                slotUe[s][l * perBs + k] = ues[k];
            }
        }
        for (int slot = 0; slot < u; slot++) {
            int i = slotUe[s][slot];
            if (p.ueAntennas(i) != ueAntennas) {
                throw new IllegalArgumentException(where + ": UE " + i + " has " + p.ueAntennas(i)
                        + " antennas, the batch has " + ueAntennas);
            }
            alpha[s * u + slot] = (float) p.weight(i);
            double sigma = Math.sqrt(p.noisePowerW(i));
            for (int l = 0; l < numBs; l++) {
                ZMatrixRMaj h = p.channel(i, l);
                double scale = Math.sqrt(p.bsPowerW(l)) / sigma;
                int m = p.bsAntennas(l);
                for (int a = 0; a < ueAntennas; a++) {
                    int base = ((s * numBs + l) * rows + slot * ueAntennas + a) * nt;
                    for (int q = 0; q < m; q++) {
                        hRe[base + q] = (float) (scale * h.data[2 * (a * m + q)]);
                        hIm[base + q] = (float) (scale * h.data[2 * (a * m + q) + 1]);
                    }
                }
            }
            int l = p.servingBs(i);
            ZMatrixRMaj v = v0[i];
            double inv = 1.0 / Math.sqrt(p.bsPowerW(l));
            int di = p.streams(i);
            int m = p.bsAntennas(l);
            if (v.numRows != m || v.numCols != di) {
                throw new IllegalArgumentException("initial[" + s + "][" + i + "]: " + v.numRows + "x" + v.numCols
                        + ", expected " + m + "x" + di);
            }
            for (int q = 0; q < m; q++) {
                for (int c = 0; c < di; c++) {
                    int e = ((s * u + slot) * nt + q) * d + c;
                    vRe[e] = (float) (inv * v.data[2 * (q * di + c)]);
                    vIm[e] = (float) (inv * v.data[2 * (q * di + c) + 1]);
                }
            }
        }
    }

    /** @return B */
    public int size() {
        return problems.size();
    }

    /** @return L */
    public int numBs() {
        return numBs;
    }

    /** @return K, UEs per BS */
    public int uesPerBs() {
        return perBs;
    }

    /** @return N_r */
    public int ueAntennas() {
        return ueAntennas;
    }

    /** @return the packed problems */
    public List<Problem> problems() {
        return problems;
    }

    /** @return H~ as [B, L, L K N_r, N_t] in {@code manager} */
    public ComplexTensor channels(NDManager manager) {
        Shape shape = new Shape(size(), numBs, (long) numBs * perBs * ueAntennas, architecture.bsAntennas());
        return new ComplexTensor(manager.create(FloatBuffer.wrap(hRe), shape),
                manager.create(FloatBuffer.wrap(hIm), shape));
    }

    /** @return V~0 as [B, L, K, N_t, d] in {@code manager} */
    public ComplexTensor initialPrecoders(NDManager manager) {
        Shape shape = new Shape(size(), numBs, perBs, architecture.bsAntennas(), architecture.streams());
        return new ComplexTensor(manager.create(FloatBuffer.wrap(vRe), shape),
                manager.create(FloatBuffer.wrap(vIm), shape));
    }

    /** @return alpha as [B, L, K] in {@code manager} */
    public NDArray weights(NDManager manager) {
        return manager.create(FloatBuffer.wrap(alpha), new Shape(size(), numBs, perBs));
    }

    /**
     * Packs target precoders (e.g. FastFP's V*) in the layout and units of the initial precoders.
     *
     * @param targets per problem the V_i; not modified
     * @return [re, im] arrays of B L K N_t d floats
     */
    public float[][] packPrecoders(List<ZMatrixRMaj[]> targets) {
        int nt = architecture.bsAntennas();
        int d = architecture.streams();
        int u = numBs * perBs;
        float[] re = new float[vRe.length];
        float[] im = new float[vIm.length];
        for (int s = 0; s < size(); s++) {
            Problem p = problems.get(s);
            for (int slot = 0; slot < u; slot++) {
                int i = slotUe[s][slot];
                int l = p.servingBs(i);
                double inv = 1.0 / Math.sqrt(p.bsPowerW(l));
                ZMatrixRMaj v = targets.get(s)[i];
                int di = v.numCols;
                for (int q = 0; q < v.numRows; q++) {
                    for (int c = 0; c < di; c++) {
                        int e = ((s * u + slot) * nt + q) * d + c;
                        re[e] = (float) (inv * v.data[2 * (q * di + c)]);
                        im[e] = (float) (inv * v.data[2 * (q * di + c) + 1]);
                    }
                }
            }
        }
        return new float[][] {re, im};
    }

    /**
     * Unpacks normalised precoders [B, L, K, N_t, d] into each problem's V_i = sqrt(P_k) V~_i (M_k x d_i).
     *
     * @param re real parts, row-major
     * @param im imaginary parts
     * @return per problem, per UE, new matrices
     */
    public ZMatrixRMaj[][] unpack(float[] re, float[] im) {
        int nt = architecture.bsAntennas();
        int d = architecture.streams();
        int u = numBs * perBs;
        ZMatrixRMaj[][] out = new ZMatrixRMaj[size()][];
        for (int s = 0; s < size(); s++) {
            Problem p = problems.get(s);
            out[s] = new ZMatrixRMaj[p.numUe()];
            for (int slot = 0; slot < u; slot++) {
                int i = slotUe[s][slot];
                int l = p.servingBs(i);
                int m = p.bsAntennas(l);
                int di = p.streams(i);
                double scale = Math.sqrt(p.bsPowerW(l));
                ZMatrixRMaj v = new ZMatrixRMaj(m, di);
                for (int q = 0; q < m; q++) {
                    for (int c = 0; c < di; c++) {
                        int e = ((s * u + slot) * nt + q) * d + c;
                        v.data[2 * (q * di + c)] = scale * re[e];
                        v.data[2 * (q * di + c) + 1] = scale * im[e];
                    }
                }
                out[s][i] = v;
            }
        }
        return out;
    }
}
