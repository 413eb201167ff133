package org.netsim.precoding;

import java.util.Arrays;
import org.ejml.data.ZMatrixRMaj;

/**
 * One downlink precoding problem of a multicell MU-MIMO network: the instance of the weighted sum-rate
 * maximisation
 *
 * <pre>
 *   max_V  sum_i alpha_i log det(I + H_ik V_i V_i^H H_ik^H Z_i^{-1})
 *   s.t.   sum_{i in I_k} ||V_i||_F^2 &lt;= P_k   for every BS k
 * </pre>
 *
 * (GCN-WMMSE paper "Coordinated Sum-Rate Maximization in Multicell MU-MIMO with Deep Unrolling", eq. (1); the
 * DeepFP paper "Deep Unfolded Fast Fractional Programming", eq. (5)), where k is the serving BS of UE i and
 * Z_i = sigma_i^2 I + sum_{j != i} H_{i k_j} V_j V_j^H H_{i k_j}^H is its interference-plus-noise covariance.
 *
 * <p>K BSs with M_k antennas and power budget P_k (watts); I UEs with N_i antennas, d_i &lt;= N_i streams, noise
 * power sigma_i^2 per receive antenna (watts), weight alpha_i &gt; 0 and a serving BS. H_ik in C^{N_i x M_k} is the
 * channel from BS k to UE i, for every pair (interference channels included). Antenna counts may differ, BSs may
 * serve different numbers of UEs, and a BS may serve none.
 *
 * <p>Immutable and validated on construction: every violation is an {@link IllegalArgumentException} naming the
 * field and its index. The channel matrices returned by {@link #channel(int, int)} are the instance's own storage
 * and must not be modified (precoders only read them; a contract test checks that).
 */
public final class Problem {

    private final int[] bsAntennas;
    private final double[] bsPowerW;
    private final int[] ueAntennas;
    private final int[] streams;
    private final double[] noisePowerW;
    private final double[] weights;
    private final int[] servingBs;
    private final ZMatrixRMaj[][] channels; // [I][K], each N_i x M_k
    private final int[][] uesOfBs;

    private Problem(Builder b) {
        int numBs = requireSet(b.bsAntennas, "bsAntennas").length;
        int numUe = requireSet(b.ueAntennas, "ueAntennas").length;
        if (numBs == 0) {
            throw new IllegalArgumentException("bsAntennas: at least one BS is required");
        }
        if (numUe == 0) {
            throw new IllegalArgumentException("ueAntennas: at least one UE is required");
        }
        this.bsAntennas = b.bsAntennas.clone();
        this.bsPowerW = checkLength(requireSet(b.bsPowerW, "bsPowerW"), numBs, "bsPowerW").clone();
        this.ueAntennas = b.ueAntennas.clone();
        this.streams = b.streams == null ? b.ueAntennas.clone() : checkLength(b.streams, numUe, "streams").clone();
        this.noisePowerW = checkLength(requireSet(b.noisePowerW, "noisePowerW"), numUe, "noisePowerW").clone();
        this.weights = b.weights == null ? filled(numUe, 1.0) : checkLength(b.weights, numUe, "weights").clone();
        this.servingBs = checkLength(requireSet(b.servingBs, "servingBs"), numUe, "servingBs").clone();

        for (int k = 0; k < numBs; k++) {
            if (bsAntennas[k] < 1) {
                throw new IllegalArgumentException("bsAntennas[" + k + "]: must be >= 1, got " + bsAntennas[k]);
            }
            if (!(bsPowerW[k] >= 0) || Double.isInfinite(bsPowerW[k])) {
                throw new IllegalArgumentException("bsPowerW[" + k + "]: must be finite and >= 0, got " + bsPowerW[k]);
            }
        }
        for (int i = 0; i < numUe; i++) {
            if (ueAntennas[i] < 1) {
                throw new IllegalArgumentException("ueAntennas[" + i + "]: must be >= 1, got " + ueAntennas[i]);
            }
            if (streams[i] < 1 || streams[i] > ueAntennas[i]) {
                throw new IllegalArgumentException("streams[" + i + "]: must be in 1.." + ueAntennas[i]
                        + " (d_i <= N_i), got " + streams[i]);
            }
            if (!(noisePowerW[i] > 0) || Double.isInfinite(noisePowerW[i])) {
                throw new IllegalArgumentException("noisePowerW[" + i + "]: must be finite and > 0, got "
                        + noisePowerW[i]);
            }
            if (!(weights[i] > 0) || Double.isInfinite(weights[i])) {
                throw new IllegalArgumentException("weights[" + i + "]: must be finite and > 0, got " + weights[i]);
            }
            if (servingBs[i] < 0 || servingBs[i] >= numBs) {
                throw new IllegalArgumentException("servingBs[" + i + "]: must be in 0.." + (numBs - 1) + ", got "
                        + servingBs[i]);
            }
        }
        if (b.channels == null) {
            throw new IllegalArgumentException("channels: not set");
        }
        if (b.channels.length != numUe) {
            throw new IllegalArgumentException("channels: expected " + numUe + " UEs, got " + b.channels.length);
        }
        this.channels = new ZMatrixRMaj[numUe][numBs];
        for (int i = 0; i < numUe; i++) {
            if (b.channels[i] == null || b.channels[i].length != numBs) {
                throw new IllegalArgumentException("channels[" + i + "]: expected " + numBs + " BSs, got "
                        + (b.channels[i] == null ? "null" : b.channels[i].length));
            }
            for (int k = 0; k < numBs; k++) {
                ZMatrixRMaj h = b.channels[i][k];
                String field = "channels[" + i + "][" + k + "]";
                if (h == null) {
                    throw new IllegalArgumentException(field + ": missing");
                }
                if (h.numRows != ueAntennas[i] || h.numCols != bsAntennas[k]) {
                    throw new IllegalArgumentException(field + ": expected " + ueAntennas[i] + "x" + bsAntennas[k]
                            + " (N_i x M_k), got " + h.numRows + "x" + h.numCols);
                }
                double[] d = h.data;
                int n = h.getDataLength();
                for (int e = 0; e < n; e++) {
                    if (!Double.isFinite(d[e])) {
                        throw new IllegalArgumentException(field + ": entry (" + (e / 2 / h.numCols) + ","
                                + (e / 2 % h.numCols) + ") is not finite: " + d[e]);
                    }
                }
                this.channels[i][k] = h.copy();
            }
        }
        int[] counts = new int[numBs];
        for (int i = 0; i < numUe; i++) {
            counts[servingBs[i]]++;
        }
        this.uesOfBs = new int[numBs][];
        for (int k = 0; k < numBs; k++) {
            uesOfBs[k] = new int[counts[k]];
            counts[k] = 0;
        }
        for (int i = 0; i < numUe; i++) {
            int k = servingBs[i];
            uesOfBs[k][counts[k]++] = i;
        }
    }

    /** A builder; every setter copies its argument when {@link Builder#build()} runs. */
    public static Builder builder() {
        return new Builder();
    }

    /** @return K, the number of BSs */
    public int numBs() {
        return bsAntennas.length;
    }

    /** @return I, the number of UEs */
    public int numUe() {
        return ueAntennas.length;
    }

    /** @return M_k, antennas of BS k */
    public int bsAntennas(int k) {
        return bsAntennas[k];
    }

    /** @return P_k, the power budget of BS k in watts */
    public double bsPowerW(int k) {
        return bsPowerW[k];
    }

    /** @return N_i, receive antennas of UE i */
    public int ueAntennas(int i) {
        return ueAntennas[i];
    }

    /** @return d_i, data streams of UE i (1 &lt;= d_i &lt;= N_i) */
    public int streams(int i) {
        return streams[i];
    }

    /** @return sigma_i^2, noise power per receive antenna of UE i in watts */
    public double noisePowerW(int i) {
        return noisePowerW[i];
    }

    /** @return alpha_i, the rate weight of UE i */
    public double weight(int i) {
        return weights[i];
    }

    /** @return the index of the BS serving UE i */
    public int servingBs(int i) {
        return servingBs[i];
    }

    /** @return the UEs served by BS k, in increasing order (possibly empty); a copy */
    public int[] uesOf(int k) {
        return uesOfBs[k].clone();
    }

    /** @return the number of UEs served by BS k */
    public int numUesOf(int k) {
        return uesOfBs[k].length;
    }

    /** @return the j-th UE served by BS k */
    public int ueOf(int k, int j) {
        return uesOfBs[k][j];
    }

    /** @return the largest M_k */
    public int maxBsAntennas() {
        return Arrays.stream(bsAntennas).max().orElse(0);
    }

    /** @return the largest N_i */
    public int maxUeAntennas() {
        return Arrays.stream(ueAntennas).max().orElse(0);
    }

    /** @return the largest d_i */
    public int maxStreams() {
        return Arrays.stream(streams).max().orElse(0);
    }

    /**
     * The channel H_ik in C^{N_i x M_k} from BS k to UE i.
     *
     * @return the instance's own matrix: read it, never modify it
     */
    public ZMatrixRMaj channel(int i, int k) {
        return channels[i][k];
    }

    /** @return the channel from UE i's serving BS, H_{i k_i} */
    public ZMatrixRMaj servingChannel(int i) {
        return channels[i][servingBs[i]];
    }

    /** @return a builder pre-filled with this problem's data, to derive a modified problem */
    /**
     * The same problem with its powers expressed in {@code unitW} watts: P_k / unit and sigma_i^2 / unit (the
     * channels are gains and unchanged), so every rate is unchanged. Learned precoders that are not invariant to the
     * unit of power train in the unit their authors used (GCN-WMMSE, unfolded PGD: mW).
     *
     * @param unitW the unit in W, &gt; 0 and finite
     * @return {@code p} itself for unit 1 W
     */
    public static Problem inPowerUnit(Problem p, double unitW) {
        if (!(unitW > 0) || Double.isInfinite(unitW)) {
            throw new IllegalArgumentException("power unit: must be finite and > 0 W, got " + unitW);
        }
        if (unitW == 1.0) {
            return p;
        }
        double perW = 1.0 / unitW;
        double[] budget = new double[p.numBs()];
        for (int k = 0; k < budget.length; k++) {
            budget[k] = p.bsPowerW(k) * perW;
        }
        double[] noise = new double[p.numUe()];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = p.noisePowerW(i) * perW;
        }
        return p.toBuilder().bsPowerW(budget).noisePowerW(noise).build();
    }

    public Builder toBuilder() {
        Builder b = new Builder().bsAntennas(bsAntennas).bsPowerW(bsPowerW).ueAntennas(ueAntennas)
                .streams(streams).noisePowerW(noisePowerW).weights(weights).servingBs(servingBs);
        b.channels = channels;
        return b;
    }

    @Override
    public String toString() {
        return "Problem[K=" + numBs() + ", I=" + numUe() + ", M=" + Arrays.toString(bsAntennas) + ", N="
                + Arrays.toString(ueAntennas) + ", d=" + Arrays.toString(streams) + "]";
    }

    private static <T> T requireSet(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + ": not set");
        }
        return value;
    }

    private static int[] checkLength(int[] a, int n, String field) {
        if (a.length != n) {
            throw new IllegalArgumentException(field + ": expected length " + n + ", got " + a.length);
        }
        return a;
    }

    private static double[] checkLength(double[] a, int n, String field) {
        if (a.length != n) {
            throw new IllegalArgumentException(field + ": expected length " + n + ", got " + a.length);
        }
        return a;
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }

    /** Builder of a {@link Problem}; {@code set*}-style required fields, weights and streams optional. */
    public static final class Builder {
        private int[] bsAntennas;
        private double[] bsPowerW;
        private int[] ueAntennas;
        private int[] streams;
        private double[] noisePowerW;
        private double[] weights;
        private int[] servingBs;
        private ZMatrixRMaj[][] channels;

        private Builder() {
        }

        /** Required: M_k for every BS. */
        public Builder bsAntennas(int... m) {
            this.bsAntennas = m.clone();
            return this;
        }

        /** Required: P_k in watts for every BS. */
        public Builder bsPowerW(double... p) {
            this.bsPowerW = p.clone();
            return this;
        }

        /** Required: N_i for every UE. */
        public Builder ueAntennas(int... n) {
            this.ueAntennas = n.clone();
            return this;
        }

        /** Optional: d_i for every UE (default N_i). */
        public Builder streams(int... d) {
            this.streams = d.clone();
            return this;
        }

        /** Required: sigma_i^2 per receive antenna in watts for every UE. */
        public Builder noisePowerW(double... s) {
            this.noisePowerW = s.clone();
            return this;
        }

        /** Optional: alpha_i for every UE (default 1). */
        public Builder weights(double... w) {
            this.weights = w.clone();
            return this;
        }

        /** Required: the serving BS index of every UE. */
        public Builder servingBs(int... k) {
            this.servingBs = k.clone();
            return this;
        }

        /** Required: H[i][k] in C^{N_i x M_k}; copied on {@link #build()}. */
        public Builder channels(ZMatrixRMaj[][] h) {
            this.channels = h;
            return this;
        }

        /** @return the validated problem; throws {@link IllegalArgumentException} naming the bad field */
        public Problem build() {
            return new Problem(this);
        }
    }
}
