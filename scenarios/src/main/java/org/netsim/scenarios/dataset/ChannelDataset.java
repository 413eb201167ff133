package org.netsim.scenarios.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.ejml.data.ZMatrixRMaj;
import org.netsim.precoding.Problem;

/**
 * A channel dataset: S precoding {@link Problem}s that share one topology (antennas, serving BSs, streams) and
 * differ in channels, powers, noise and weights, with optional initial precoders V0. Stored as a NumPy
 * {@code .npz} archive that {@code numpy.load} reads, in linear units (watts), C order:
 *
 * <pre>
 *   key          dtype   shape                     meaning
 *   H            &lt;c16    [S, I, K, Nmax, Mmax]     H[s,i,k]: channel from BS k to UE i; top-left N_i x M_k block used
 *   ue_antennas  &lt;i4     [I]                       N_i &gt;= 1
 *   bs_antennas  &lt;i4     [K]                       M_k &gt;= 1
 *   serving_bs   &lt;i4     [I]                       k_i in 0..K-1
 *   streams      &lt;i4     [I]                       d_i in 1..N_i            (optional, default N_i)
 *   bs_power     &lt;f8     [S, K]                    P_k in watts, finite &gt;= 0
 *   noise_power  &lt;f8     [S, I]                    sigma_i^2 per receive antenna in watts, finite &gt; 0
 *   weights      &lt;f8     [S, I]                    alpha_i, finite &gt; 0      (optional, default 1)
 *   V0           &lt;c16    [S, I, Mmax, dmax]        V0[s,i]: initial precoder, top-left M_{k_i} x d_i block used
 *                                                                                 (optional)
 * </pre>
 *
 * with Nmax = max_i N_i, Mmax = max_k M_k and dmax = max_i d_i exactly, S &gt;= 1, I &gt;= 1 and K &gt;= 1.
 *
 * <p>Reading is strict: every required key present, no other key, the dtypes and shapes above, the value ranges
 * above, no NaN or infinity anywhere, and zero padding outside the used blocks. Non-zero padding is rejected rather
 * than ignored because it almost always means the producer used another layout (swapped axes, wrong antenna
 * counts), which would otherwise give plausible but wrong rates. V0 is not checked against the power budgets: it is
 * a starting point that precoders may rescale. Every violation is a {@link DatasetFormatException} whose one-line
 * message names the file, the key and, for values, the first bad index.
 *
 * <p>Instances are immutable: problems are immutable and V0 matrices are copied in and out. Writing always stores
 * {@code streams} and {@code weights} explicitly.
 */
public final class ChannelDataset {

    /** Key of the channels, complex128 [S, I, K, Nmax, Mmax]. */
    public static final String H = "H";
    /** Key of the UE antenna counts N_i, int32 [I]. */
    public static final String UE_ANTENNAS = "ue_antennas";
    /** Key of the BS antenna counts M_k, int32 [K]. */
    public static final String BS_ANTENNAS = "bs_antennas";
    /** Key of the serving BS of each UE, int32 [I]. */
    public static final String SERVING_BS = "serving_bs";
    /** Key of the stream counts d_i, int32 [I] (optional). */
    public static final String STREAMS = "streams";
    /** Key of the BS power budgets in watts, float64 [S, K]. */
    public static final String BS_POWER = "bs_power";
    /** Key of the noise powers per receive antenna in watts, float64 [S, I]. */
    public static final String NOISE_POWER = "noise_power";
    /** Key of the rate weights, float64 [S, I] (optional). */
    public static final String WEIGHTS = "weights";
    /** Key of the initial precoders, complex128 [S, I, Mmax, dmax] (optional). */
    public static final String V0 = "V0";

    private static final List<String> REQUIRED = List.of(H, UE_ANTENNAS, BS_ANTENNAS, SERVING_BS, BS_POWER,
            NOISE_POWER);
    private static final Map<String, NpyDtype> DTYPES = dtypes();

    private final List<Problem> problems;
    private final ZMatrixRMaj[][] v0; // [S][I], M_{k_i} x d_i each; null when absent

    private ChannelDataset(List<Problem> problems, ZMatrixRMaj[][] v0) {
        this.problems = problems;
        this.v0 = v0;
    }

    /**
     * @param problems the samples, at least one, all with the same numbers of BSs and UEs, antennas, serving BSs
     *     and streams
     * @return a dataset without initial precoders
     * @throws IllegalArgumentException naming the sample and the field that differs from sample 0
     */
    public static ChannelDataset of(List<Problem> problems) {
        return new ChannelDataset(checkTopology(problems), null);
    }

    /**
     * @param problems the samples, as for {@link #of(List)}
     * @param v0 initial precoders: v0[s][i] in C^{M_k x d_i} for the serving BS k of UE i in sample s, finite;
     *     copied
     * @return a dataset with initial precoders
     * @throws IllegalArgumentException naming the sample, UE and field at fault
     */
    public static ChannelDataset of(List<Problem> problems, ZMatrixRMaj[][] v0) {
        List<Problem> checked = checkTopology(problems);
        Objects.requireNonNull(v0, "v0");
        Problem p0 = checked.get(0);
        if (v0.length != checked.size()) {
            throw new IllegalArgumentException("v0: expected " + checked.size() + " samples, got " + v0.length);
        }
        ZMatrixRMaj[][] copy = new ZMatrixRMaj[v0.length][p0.numUe()];
        for (int s = 0; s < v0.length; s++) {
            if (v0[s] == null || v0[s].length != p0.numUe()) {
                throw new IllegalArgumentException("v0[" + s + "]: expected " + p0.numUe() + " UEs, got "
                        + (v0[s] == null ? "null" : v0[s].length));
            }
            for (int i = 0; i < p0.numUe(); i++) {
                ZMatrixRMaj v = v0[s][i];
                String field = "v0[" + s + "][" + i + "]";
                int rows = p0.bsAntennas(p0.servingBs(i));
                int cols = p0.streams(i);
                if (v == null) {
                    throw new IllegalArgumentException(field + ": missing");
                }
                if (v.numRows != rows || v.numCols != cols) {
                    throw new IllegalArgumentException(field + ": expected " + rows + "x" + cols
                            + " (M_k x d_i), got " + v.numRows + "x" + v.numCols);
                }
                for (int e = 0; e < v.getDataLength(); e++) {
                    if (!Double.isFinite(v.data[e])) {
                        throw new IllegalArgumentException(field + ": entry (" + (e / 2 / cols) + "," + (e / 2 % cols)
                                + ") is not finite: " + v.data[e]);
                    }
                }
                copy[s][i] = v.copy();
            }
        }
        return new ChannelDataset(checked, copy);
    }

    /**
     * Reads and validates a dataset file.
     *
     * @param file an {@code .npz} archive in the layout of this class
     * @return the dataset
     * @throws DatasetFormatException if the file is not such an archive; the message names the file and the key
     * @throws IOException if the file cannot be read
     */
    public static ChannelDataset read(Path file) throws IOException {
        NpzFile npz;
        try {
            npz = NpzFile.read(file);
        } catch (DatasetFormatException e) {
            throw e;
        } catch (NpzFormatException e) {
            throw new DatasetFormatException(e.file(), e.key(), e.reason(), e);
        }
        return fromNpz(npz);
    }

    /**
     * Validates the arrays of an archive already read and builds the dataset.
     *
     * @param npz the archive
     * @return the dataset
     * @throws DatasetFormatException naming the file and the key at fault
     */
    public static ChannelDataset fromNpz(NpzFile npz) throws DatasetFormatException {
        return new Reader(npz).read();
    }

    /**
     * Writes the dataset atomically (temporary file in the same directory, then rename; nothing is left behind if
     * writing fails), uncompressed.
     *
     * @param file the target; replaced if it exists
     * @throws IOException if writing fails
     */
    public void write(Path file) throws IOException {
        NpzWriter.write(file, toArrays());
    }

    /** @return the arrays of this dataset by key, in the order they are written (for other writers) */
    public Map<String, NpyArray> toArrays() {
        Problem p0 = problems.get(0);
        int numSamples = problems.size();
        int numUe = p0.numUe();
        int numBs = p0.numBs();
        int nMax = p0.maxUeAntennas();
        int mMax = p0.maxBsAntennas();
        int dMax = p0.maxStreams();

        int[] ueAntennas = new int[numUe];
        int[] servingBs = new int[numUe];
        int[] streams = new int[numUe];
        for (int i = 0; i < numUe; i++) {
            ueAntennas[i] = p0.ueAntennas(i);
            servingBs[i] = p0.servingBs(i);
            streams[i] = p0.streams(i);
        }
        int[] bsAntennas = new int[numBs];
        for (int k = 0; k < numBs; k++) {
            bsAntennas[k] = p0.bsAntennas(k);
        }
        // [S, I, K, Nmax, Mmax], interleaved
        double[] h = new double[2 * elements(numSamples, numUe, numBs, nMax, mMax)];
        double[] bsPower = new double[numSamples * numBs];
        double[] noise = new double[numSamples * numUe];
        double[] weights = new double[numSamples * numUe];
        for (int s = 0; s < numSamples; s++) {
            Problem p = problems.get(s);
            for (int k = 0; k < numBs; k++) {
                bsPower[s * numBs + k] = p.bsPowerW(k);
            }
            for (int i = 0; i < numUe; i++) {
                noise[s * numUe + i] = p.noisePowerW(i);
                weights[s * numUe + i] = p.weight(i);
                for (int k = 0; k < numBs; k++) {
                    int base = ((s * numUe + i) * numBs + k) * nMax * mMax;
                    copyBlockOut(p.channel(i, k), h, base, mMax);
                }
            }
        }
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put(H, NpyArray.wrap(NpyDtype.COMPLEX128, new int[] {numSamples, numUe, numBs, nMax, mMax}, h, null));
        arrays.put(UE_ANTENNAS, NpyArray.wrap(NpyDtype.INT32, new int[] {numUe}, null, ueAntennas));
        arrays.put(BS_ANTENNAS, NpyArray.wrap(NpyDtype.INT32, new int[] {numBs}, null, bsAntennas));
        arrays.put(SERVING_BS, NpyArray.wrap(NpyDtype.INT32, new int[] {numUe}, null, servingBs));
        arrays.put(STREAMS, NpyArray.wrap(NpyDtype.INT32, new int[] {numUe}, null, streams));
        arrays.put(BS_POWER, NpyArray.wrap(NpyDtype.FLOAT64, new int[] {numSamples, numBs}, bsPower, null));
        arrays.put(NOISE_POWER, NpyArray.wrap(NpyDtype.FLOAT64, new int[] {numSamples, numUe}, noise, null));
        arrays.put(WEIGHTS, NpyArray.wrap(NpyDtype.FLOAT64, new int[] {numSamples, numUe}, weights, null));
        if (v0 != null) {
            // [S, I, Mmax, dmax], interleaved
            double[] v = new double[2 * elements(numSamples, numUe, mMax, dMax)];
            for (int s = 0; s < numSamples; s++) {
                for (int i = 0; i < numUe; i++) {
                    copyBlockOut(v0[s][i], v, (s * numUe + i) * mMax * dMax, dMax);
                }
            }
            arrays.put(V0, NpyArray.wrap(NpyDtype.COMPLEX128, new int[] {numSamples, numUe, mMax, dMax}, v, null));
        }
        return Collections.unmodifiableMap(arrays);
    }

    /** @return the samples, in file order (unmodifiable; problems are immutable) */
    public List<Problem> problems() {
        return problems;
    }

    /** @return S, the number of samples */
    public int size() {
        return problems.size();
    }

    /** @return whether the dataset holds initial precoders V0 */
    public boolean hasInitialPrecoders() {
        return v0 != null;
    }

    /**
     * @param sample the sample index s in 0..size()-1
     * @return copies of V0[s][i] in C^{M_k x d_i}, one per UE i
     * @throws IllegalStateException if the dataset holds no initial precoders
     */
    public ZMatrixRMaj[] initialPrecoders(int sample) {
        if (v0 == null) {
            throw new IllegalStateException("V0: this dataset holds no initial precoders");
        }
        Objects.checkIndex(sample, v0.length);
        ZMatrixRMaj[] out = new ZMatrixRMaj[v0[sample].length];
        for (int i = 0; i < out.length; i++) {
            out[i] = v0[sample][i].copy();
        }
        return out;
    }

    @Override
    public String toString() {
        return "ChannelDataset[S=" + size() + ", " + problems.get(0) + (v0 != null ? ", with V0" : "") + "]";
    }

    /** @return prod(dims), checked to fit in one array */
    private static int elements(int... dims) {
        long n = 1;
        for (int dim : dims) {
            n *= dim;
            if (n > NpyArray.MAX_ELEMENTS) {
                throw new IllegalStateException("dataset: shape " + NpyArray.shapeString(dims) + " has more than "
                        + NpyArray.MAX_ELEMENTS + " elements, too many for one .npz array; split it");
            }
        }
        return (int) n;
    }

    /** Copies matrix {@code a} into the top-left corner of a padded row-major block with {@code cols} columns. */
    private static void copyBlockOut(ZMatrixRMaj a, double[] dest, int baseElement, int cols) {
        for (int r = 0; r < a.numRows; r++) {
            System.arraycopy(a.data, 2 * r * a.numCols, dest, 2 * (baseElement + r * cols), 2 * a.numCols);
        }
    }

    /** Copies the top-left rows x cols corner of a padded row-major block into a new matrix. */
    private static ZMatrixRMaj copyBlockIn(double[] src, int baseElement, int cols, int rows, int usedCols) {
        ZMatrixRMaj a = new ZMatrixRMaj(rows, usedCols);
        for (int r = 0; r < rows; r++) {
            System.arraycopy(src, 2 * (baseElement + r * cols), a.data, 2 * r * usedCols, 2 * usedCols);
        }
        return a;
    }

    private static List<Problem> checkTopology(List<Problem> problems) {
        Objects.requireNonNull(problems, "problems");
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("problems: a dataset needs at least one sample");
        }
        for (int s = 0; s < problems.size(); s++) {
            if (problems.get(s) == null) {
                throw new IllegalArgumentException("problems[" + s + "]: null");
            }
        }
        List<Problem> copy = List.copyOf(problems);
        Problem p0 = copy.get(0);
        for (int s = 1; s < copy.size(); s++) {
            Problem p = copy.get(s);
            String at = "problems[" + s + "]: ";
            if (p.numBs() != p0.numBs()) {
                throw new IllegalArgumentException(at + "has " + p.numBs() + " BSs but problems[0] has " + p0.numBs());
            }
            if (p.numUe() != p0.numUe()) {
                throw new IllegalArgumentException(at + "has " + p.numUe() + " UEs but problems[0] has " + p0.numUe());
            }
            for (int k = 0; k < p0.numBs(); k++) {
                differs(at, "bsAntennas", k, p.bsAntennas(k), p0.bsAntennas(k));
            }
            for (int i = 0; i < p0.numUe(); i++) {
                differs(at, "ueAntennas", i, p.ueAntennas(i), p0.ueAntennas(i));
                differs(at, "servingBs", i, p.servingBs(i), p0.servingBs(i));
                differs(at, "streams", i, p.streams(i), p0.streams(i));
            }
        }
        return copy;
    }

    private static void differs(String at, String field, int index, int value, int first) {
        if (value != first) {
            throw new IllegalArgumentException(at + field + "[" + index + "] is " + value + " but problems[0] has "
                    + first + " (all samples must share one topology)");
        }
    }

    private static Map<String, NpyDtype> dtypes() {
        Map<String, NpyDtype> m = new LinkedHashMap<>();
        m.put(H, NpyDtype.COMPLEX128);
        m.put(UE_ANTENNAS, NpyDtype.INT32);
        m.put(BS_ANTENNAS, NpyDtype.INT32);
        m.put(SERVING_BS, NpyDtype.INT32);
        m.put(STREAMS, NpyDtype.INT32);
        m.put(BS_POWER, NpyDtype.FLOAT64);
        m.put(NOISE_POWER, NpyDtype.FLOAT64);
        m.put(WEIGHTS, NpyDtype.FLOAT64);
        m.put(V0, NpyDtype.COMPLEX128);
        return Collections.unmodifiableMap(m);
    }

    /** Validation of an archive's arrays, in the order: keys, dtypes, topology, shapes, finiteness, ranges, padding. */
    private static final class Reader {
        private final NpzFile npz;
        private final Path file;

        Reader(NpzFile npz) {
            this.npz = npz;
            this.file = npz.file();
        }

        ChannelDataset read() throws DatasetFormatException {
            Set<String> keys = npz.keys();
            for (String key : keys) {
                if (!DTYPES.containsKey(key)) {
                    throw fail(key, "unknown key (expected " + String.join(", ", DTYPES.keySet()) + ")");
                }
            }
            for (String key : REQUIRED) {
                if (!keys.contains(key)) {
                    throw fail(key, "required key is missing");
                }
            }
            for (String key : keys) {
                NpyDtype actual = npz.arrays().get(key).dtype();
                if (actual != DTYPES.get(key)) {
                    throw fail(key, "dtype must be " + DTYPES.get(key).descr() + ", got " + actual.descr());
                }
            }
            NpyArray ueAnt = npz.arrays().get(UE_ANTENNAS);
            NpyArray bsAnt = npz.arrays().get(BS_ANTENNAS);
            requireRank(UE_ANTENNAS, ueAnt, 1, "[I]");
            requireRank(BS_ANTENNAS, bsAnt, 1, "[K]");
            int numUe = ueAnt.dim(0);
            int numBs = bsAnt.dim(0);
            if (numUe == 0) {
                throw fail(UE_ANTENNAS, "holds no UE (I = 0)");
            }
            if (numBs == 0) {
                throw fail(BS_ANTENNAS, "holds no BS (K = 0)");
            }
            int[] n = ueAnt.intsView();
            int[] m = bsAnt.intsView();
            requireAtLeast(UE_ANTENNAS, n, 1);
            requireAtLeast(BS_ANTENNAS, m, 1);

            NpyArray serving = npz.arrays().get(SERVING_BS);
            requireShape(SERVING_BS, serving, "[I]", numUe);
            int[] k = serving.intsView();
            for (int i = 0; i < numUe; i++) {
                if (k[i] < 0 || k[i] >= numBs) {
                    throw fail(SERVING_BS, "entry [" + i + "] = " + k[i] + " is out of range 0.." + (numBs - 1));
                }
            }
            int[] d = n;
            NpyArray streamsArray = npz.arrays().get(STREAMS);
            if (streamsArray != null) {
                requireShape(STREAMS, streamsArray, "[I]", numUe);
                d = streamsArray.intsView();
                for (int i = 0; i < numUe; i++) {
                    if (d[i] < 1 || d[i] > n[i]) {
                        throw fail(STREAMS, "entry [" + i + "] = " + d[i] + " is out of range 1.." + n[i]
                                + " (1 <= d_i <= N_i)");
                    }
                }
            }
            int nMax = Arrays.stream(n).max().getAsInt();
            int mMax = Arrays.stream(m).max().getAsInt();
            int dMax = Arrays.stream(d).max().getAsInt();

            NpyArray h = npz.arrays().get(H);
            requireRank(H, h, 5, "[S, I, K, Nmax, Mmax]");
            int numSamples = h.dim(0);
            if (numSamples == 0) {
                throw fail(H, "holds no sample (S = 0)");
            }
            requireShape(H, h, "[S, I, K, Nmax, Mmax]", numSamples, numUe, numBs, nMax, mMax);
            NpyArray bsPower = npz.arrays().get(BS_POWER);
            requireShape(BS_POWER, bsPower, "[S, K]", numSamples, numBs);
            NpyArray noise = npz.arrays().get(NOISE_POWER);
            requireShape(NOISE_POWER, noise, "[S, I]", numSamples, numUe);
            NpyArray weights = npz.arrays().get(WEIGHTS);
            if (weights != null) {
                requireShape(WEIGHTS, weights, "[S, I]", numSamples, numUe);
            }
            NpyArray v0 = npz.arrays().get(V0);
            if (v0 != null) {
                requireShape(V0, v0, "[S, I, Mmax, dmax]", numSamples, numUe, mMax, dMax);
            }

            for (String key : keys) {
                NpyArray a = npz.arrays().get(key);
                if (a.dtype() != NpyDtype.INT32) {
                    requireFinite(key, a);
                }
            }
            requireAtLeastZero(BS_POWER, bsPower);
            requirePositive(NOISE_POWER, noise);
            if (weights != null) {
                requirePositive(WEIGHTS, weights);
            }
            // zero padding outside the used blocks
            for (int s = 0; s < numSamples; s++) {
                for (int i = 0; i < numUe; i++) {
                    for (int b = 0; b < numBs; b++) {
                        requireZeroPadding(H, h, ((s * numUe + i) * numBs + b) * nMax * mMax, nMax, mMax, n[i],
                                m[b], "N_i x M_k");
                    }
                    if (v0 != null) {
                        requireZeroPadding(V0, v0, (s * numUe + i) * mMax * dMax, mMax, dMax, m[k[i]], d[i],
                                "M_k x d_i");
                    }
                }
            }
            return build(numSamples, numUe, numBs, n, m, k, d, h, bsPower, noise, weights, v0);
        }

        private ChannelDataset build(int numSamples, int numUe, int numBs, int[] n, int[] m, int[] k, int[] d,
                NpyArray h, NpyArray bsPower, NpyArray noise, NpyArray weights, NpyArray v0)
                throws DatasetFormatException {
            int nMax = h.dim(3);
            int mMax = h.dim(4);
            double[] hd = h.doublesView();
            double[] p = bsPower.doublesView();
            double[] sigma2 = noise.doublesView();
            double[] w = weights == null ? null : weights.doublesView();
            List<Problem> problems = new ArrayList<>(numSamples);
            ZMatrixRMaj[][] initial = v0 == null ? null : new ZMatrixRMaj[numSamples][numUe];
            for (int s = 0; s < numSamples; s++) {
                ZMatrixRMaj[][] channels = new ZMatrixRMaj[numUe][numBs];
                for (int i = 0; i < numUe; i++) {
                    for (int b = 0; b < numBs; b++) {
                        channels[i][b] = copyBlockIn(hd, ((s * numUe + i) * numBs + b) * nMax * mMax, mMax, n[i], m[b]);
                    }
                    if (v0 != null) {
                        int dMax = v0.dim(3);
                        initial[s][i] = copyBlockIn(v0.doublesView(), (s * numUe + i) * mMax * dMax, dMax, m[k[i]],
                                d[i]);
                    }
                }
                Problem.Builder builder = Problem.builder().bsAntennas(m).ueAntennas(n).servingBs(k).streams(d)
                        .bsPowerW(Arrays.copyOfRange(p, s * numBs, (s + 1) * numBs))
                        .noisePowerW(Arrays.copyOfRange(sigma2, s * numUe, (s + 1) * numUe)).channels(channels);
                if (w != null) {
                    builder.weights(Arrays.copyOfRange(w, s * numUe, (s + 1) * numUe));
                }
                try {
                    problems.add(builder.build());
                } catch (IllegalArgumentException e) {
                    // every field was validated above; reaching this means Problem checks more than this reader
                    throw new DatasetFormatException(file, "sample " + s, e.getMessage(), e);
                }
            }
            return new ChannelDataset(Collections.unmodifiableList(problems), initial);
        }

        private void requireRank(String key, NpyArray a, int rank, String layout) throws DatasetFormatException {
            if (a.rank() != rank) {
                throw fail(key, "must be " + rank + "-d " + layout + ", got shape " + NpyArray.shapeString(a.shape()));
            }
        }

        private void requireShape(String key, NpyArray a, String layout, int... dims) throws DatasetFormatException {
            if (!Arrays.equals(a.shape(), dims)) {
                throw fail(key, "shape must be " + NpyArray.shapeString(dims) + " = " + layout + ", got "
                        + NpyArray.shapeString(a.shape()));
            }
        }

        private void requireAtLeast(String key, int[] values, int min) throws DatasetFormatException {
            for (int j = 0; j < values.length; j++) {
                if (values[j] < min) {
                    throw fail(key, "entry [" + j + "] = " + values[j] + " must be >= " + min);
                }
            }
        }

        private void requireFinite(String key, NpyArray a) throws DatasetFormatException {
            double[] v = a.doublesView();
            boolean complex = a.dtype() == NpyDtype.COMPLEX128;
            for (int e = 0; e < v.length; e++) {
                if (!Double.isFinite(v[e])) {
                    int element = complex ? e / 2 : e;
                    String part = complex ? (e % 2 == 0 ? " has a real part " : " has an imaginary part ") : " is ";
                    throw fail(key, "entry " + index(a, element) + part + v[e] + " (must be finite)");
                }
            }
        }

        private void requireAtLeastZero(String key, NpyArray a) throws DatasetFormatException {
            double[] v = a.doublesView();
            for (int e = 0; e < v.length; e++) {
                if (!(v[e] >= 0)) {
                    throw fail(key, "entry " + index(a, e) + " = " + v[e] + " must be >= 0");
                }
            }
        }

        private void requirePositive(String key, NpyArray a) throws DatasetFormatException {
            double[] v = a.doublesView();
            for (int e = 0; e < v.length; e++) {
                if (!(v[e] > 0)) {
                    throw fail(key, "entry " + index(a, e) + " = " + v[e] + " must be > 0");
                }
            }
        }

        /** Checks that a padded rowsMax x colsMax block is zero outside its top-left rows x cols corner. */
        private void requireZeroPadding(String key, NpyArray a, int baseElement, int rowsMax, int colsMax, int rows,
                int cols, String block) throws DatasetFormatException {
            if (rows == rowsMax && cols == colsMax) {
                return;
            }
            double[] v = a.doublesView();
            for (int r = 0; r < rowsMax; r++) {
                for (int c = r < rows ? cols : 0; c < colsMax; c++) {
                    int element = baseElement + r * colsMax + c;
                    double re = v[2 * element];
                    double im = v[2 * element + 1];
                    if (re != 0 || im != 0) {
                        throw fail(key, "entry " + index(a, element) + " = (" + re + ", " + im + "j) lies outside the "
                                + block + " = " + rows + " x " + cols + " block and must be zero");
                    }
                }
            }
        }

        private String index(NpyArray a, int element) {
            return Arrays.toString(a.multiIndex(element));
        }

        private DatasetFormatException fail(String key, String reason) {
            return new DatasetFormatException(file, key, reason);
        }
    }
}
