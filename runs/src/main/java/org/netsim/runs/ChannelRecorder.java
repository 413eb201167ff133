package org.netsim.runs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ejml.data.ZMatrixRMaj;
import org.netsim.scenarios.dataset.NpyArray;
import org.netsim.scenarios.dataset.NpzWriter;
import org.netsim.simcore.RadioNetwork;
import org.netsim.simcore.SlotListener;
import org.netsim.simcore.SlotReport;

/**
 * {@code --record-channels}: the true channel process of chosen UEs, written to {@code channels.npz} when the run
 * ends (also when it is interrupted: the slots finished so far). Keys (T slots, U UEs, K cells; linear units):
 * {@code H} [T, U, K, Nmax, M] complex128 (small-scale fading times the square root of the large-scale gain;
 * UE u's top-left N_u x M block is used), {@code large_scale_gain} [T, U, K] float64, {@code time_s} [T],
 * {@code position_m} [T, U, 2], {@code speed_mps} [T, U], {@code serving_bs} [T, U] int32, {@code ue_index} [U]
 * int32, and scalars {@code carrier_hz} and {@code slot_s}.
 *
 * <p>The records are kept in memory until the end: T U K Nmax M complex numbers (16 bytes each), e.g. 2 UEs of
 * urban-7cell (7 cells, 2 x 8) over 10 000 slots take 36 MB.
 */
final class ChannelRecorder implements SlotListener {

    private final RadioNetwork network;
    private final int[] ues;
    private final int numCells;
    private final int nMax;
    private final int m;
    private final double carrierHz;
    private final double slotS;
    private int slots;
    private double[] h = new double[0];
    private double[] gain = new double[0];
    private double[] time = new double[0];
    private double[] position = new double[0];
    private double[] speed = new double[0];
    private int[] serving = new int[0];

    /**
     * @param ues the UE identifiers to record
     * @param maxUeAntennas Nmax over the recorded UEs
     */
    ChannelRecorder(RadioNetwork network, int[] ues, int maxUeAntennas, double carrierHz) {
        this.network = network;
        this.ues = ues.clone();
        this.numCells = network.config().numCells();
        this.nMax = maxUeAntennas;
        this.m = network.config().bsAntennas();
        this.carrierHz = carrierHz;
        this.slotS = network.config().slotDurationS();
    }

    @Override
    public void onSlot(SlotReport r) {
        int u = ues.length;
        int perSlotH = u * numCells * nMax * m * 2;
        grow(slots + 1);
        int[] ids = r.ueIds();
        for (int j = 0; j < u; j++) {
            int idx = indexOf(ids, ues[j]);
            if (idx < 0) {
                throw new IllegalStateException("record-channels: UE " + ues[j] + " is not in slot " + r.slot());
            }
            for (int c = 0; c < numCells; c++) {
                ZMatrixRMaj hc = network.trueChannel(ues[j], c);
                int base = slots * perSlotH + ((j * numCells + c) * nMax * m) * 2;
                for (int row = 0; row < hc.numRows; row++) {
                    System.arraycopy(hc.data, row * m * 2, h, base + row * m * 2, m * 2);
                }
                gain[(slots * u + j) * numCells + c] = Math.pow(10, network.largeScaleGainDb(ues[j], c) / 10);
            }
            position[(slots * u + j) * 2] = r.positionXM()[idx];
            position[(slots * u + j) * 2 + 1] = r.positionYM()[idx];
            speed[slots * u + j] = r.speedMps()[idx];
            serving[slots * u + j] = r.servingCell()[idx];
        }
        time[slots] = r.timeS();
        slots++;
    }

    private static int indexOf(int[] a, int v) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == v) {
                return i;
            }
        }
        return -1;
    }

    private void grow(int need) {
        if (time.length >= need) {
            return;
        }
        int cap = Math.max(need, Math.max(16, time.length * 2));
        int u = ues.length;
        h = Arrays.copyOf(h, cap * u * numCells * nMax * m * 2);
        gain = Arrays.copyOf(gain, cap * u * numCells);
        time = Arrays.copyOf(time, cap);
        position = Arrays.copyOf(position, cap * u * 2);
        speed = Arrays.copyOf(speed, cap * u);
        serving = Arrays.copyOf(serving, cap * u);
    }

    /** Writes {@code channels.npz} atomically (temporary file, then rename). */
    void write(Path file) throws IOException {
        int u = ues.length;
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put("H", NpyArray.ofComplex128(new int[] {slots, u, numCells, nMax, m},
                Arrays.copyOf(h, slots * u * numCells * nMax * m * 2)));
        arrays.put("large_scale_gain", NpyArray.ofFloat64(new int[] {slots, u, numCells},
                Arrays.copyOf(gain, slots * u * numCells)));
        arrays.put("time_s", NpyArray.ofFloat64(new int[] {slots}, Arrays.copyOf(time, slots)));
        arrays.put("position_m", NpyArray.ofFloat64(new int[] {slots, u, 2}, Arrays.copyOf(position, slots * u * 2)));
        arrays.put("speed_mps", NpyArray.ofFloat64(new int[] {slots, u}, Arrays.copyOf(speed, slots * u)));
        arrays.put("serving_bs", NpyArray.ofInt32(new int[] {slots, u}, Arrays.copyOf(serving, slots * u)));
        arrays.put("ue_index", NpyArray.ofInt32(new int[] {u}, ues.clone()));
        arrays.put("carrier_hz", NpyArray.scalarFloat64(carrierHz));
        arrays.put("slot_s", NpyArray.scalarFloat64(slotS));
        NpzWriter.write(file, arrays);
    }
}
