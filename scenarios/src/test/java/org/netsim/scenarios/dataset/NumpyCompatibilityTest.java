package org.netsim.scenarios.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netsim.precoding.Problem;

/**
 * Files written by NumPy itself: the reference files made by {@code dataset/make_numpy_files.py} (values asserted
 * exactly, as the script defines them) and the peer fixtures written from the GCN-WMMSE and DeepFP authors' code.
 */
class NumpyCompatibilityTest {

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(NumpyCompatibilityTest.class.getResource(name).toURI());
    }

    @Test
    void readsTheDatasetWrittenByNumpySavezCompressed() throws Exception {
        ChannelDataset ds = ChannelDataset.read(resource("/dataset/numpy-dataset.npz"));
        int[] n = {1, 2, 2};
        int[] m = {2, 3};
        int[] serving = {0, 1, 1};
        int[] d = {1, 1, 2};
        assertEquals(2, ds.size());
        assertTrue(ds.hasInitialPrecoders());
        for (int s = 0; s < 2; s++) {
            Problem p = ds.problems().get(s);
            assertEquals(2, p.numBs());
            assertEquals(3, p.numUe());
            for (int k = 0; k < 2; k++) {
                assertEquals(m[k], p.bsAntennas(k));
                assertEquals(Math.pow(2, k) * (s + 1), p.bsPowerW(k));
            }
            ZMatrixRMaj[] v0 = ds.initialPrecoders(s);
            for (int i = 0; i < 3; i++) {
                assertEquals(n[i], p.ueAntennas(i));
                assertEquals(serving[i], p.servingBs(i));
                assertEquals(d[i], p.streams(i));
                assertEquals(Math.pow(2, -(10 + i)) * (s + 1), p.noisePowerW(i));
                assertEquals(1 + i / 2.0 + s / 4.0, p.weight(i));
                for (int k = 0; k < 2; k++) {
                    ZMatrixRMaj h = p.channel(i, k);
                    assertEquals(n[i], h.numRows);
                    assertEquals(m[k], h.numCols);
                    for (int r = 0; r < n[i]; r++) {
                        for (int c = 0; c < m[k]; c++) {
                            assertEquals(s + i / 4.0 + k / 8.0 + r / 16.0 + c / 32.0, h.getReal(r, c));
                            assertEquals(-(1 + s / 2.0 + c / 4.0), h.getImag(r, c));
                        }
                    }
                }
                assertEquals(m[serving[i]], v0[i].numRows);
                assertEquals(d[i], v0[i].numCols);
                for (int r = 0; r < v0[i].numRows; r++) {
                    for (int c = 0; c < v0[i].numCols; c++) {
                        assertEquals(r + c / 2.0 + s / 4.0, v0[i].getReal(r, c));
                        assertEquals(i / 8.0, v0[i].getImag(r, c));
                    }
                }
            }
        }
    }

    @Test
    void readsScalarsEmptyArraysAndFormat2WrittenByNumpy() throws Exception {
        NpzFile npz = NpzFile.read(resource("/dataset/numpy-misc.npz"));
        assertEquals(List.of("carrier_hz", "slot_s", "count", "empty", "z", "ints", "v2"), List.copyOf(npz.keys()));
        assertEquals(3.5e9, npz.require("carrier_hz").float64Value());
        assertEquals(0.001, npz.require("slot_s").float64Value());
        assertEquals(-7, npz.require("count").int32Value());
        assertArrayEquals(new int[] {0}, npz.require("empty").shape());
        assertEquals(0, npz.require("empty").size());
        NpyArray z = npz.require("z");
        assertArrayEquals(new int[] {2, 3}, z.shape());
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 3; c++) {
                assertEquals(r - c / 2.0, z.real(z.flatIndex(r, c)));
                assertEquals(r * c + 0.25, z.imag(z.flatIndex(r, c)));
            }
        }
        NpyArray ints = npz.require("ints");
        assertArrayEquals(new int[] {2, 2, 2}, ints.shape());
        assertArrayEquals(new int[] {-4, -3, -2, -1, 0, 1, 2, 3}, ints.toInt32Array());
        double[] v2 = npz.require("v2").toFloat64Array();
        assertEquals(3, v2.length);
        assertEquals(1.5, v2[0]);
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(v2[1]));
        assertEquals(Double.MIN_VALUE, v2[2]);
    }

    @Test
    void readsThePeerTriangleFixture() throws Exception {
        ChannelDataset ds = ChannelDataset.read(resource("/fixtures/peer/sample-peer-triangle.npz"));
        assertEquals(20, ds.size());
        assertFalse(ds.hasInitialPrecoders());
        Problem p = ds.problems().get(0);
        assertEquals(3, p.numBs());
        assertEquals(12, p.numUe());
        for (int i = 0; i < 12; i++) {
            assertEquals(2, p.ueAntennas(i));
            assertEquals(2, p.streams(i));
            assertEquals(i / 4, p.servingBs(i));
            assertEquals(1e-13, p.noisePowerW(i));
            assertEquals(1.0, p.weight(i));
        }
        for (int k = 0; k < 3; k++) {
            assertEquals(12, p.bsAntennas(k));
            assertEquals(1.0, p.bsPowerW(k));
        }
        // exact values printed by numpy (repr) from H[0, 0, 0, 0, 0] and H[19, 11, 2, 1, 11]
        assertEquals(-1.4328213750188065e-05, p.channel(0, 0).getReal(0, 0));
        assertEquals(-1.4933658617151804e-05, p.channel(0, 0).getImag(0, 0));
        Problem last = ds.problems().get(19);
        assertEquals(5.792461993243449e-06, last.channel(11, 2).getReal(1, 11));
        assertEquals(-3.4886946172201634e-06, last.channel(11, 2).getImag(1, 11));
        // numpy: float(np.sum(np.abs(H)**2)) = 3.168819977854535e-05; summation order differs, hence 1e-12
        assertEquals(3.168819977854535e-05, sumSquares(ds), 1e-12 * 3.168819977854535e-05);

        NpzFile expected = NpzFile.read(resource("/fixtures/peer/sample-peer-triangle.expected.npz"));
        for (String key : List.of("wsr_mrc", "wsr_wmmse_mrc_1", "wsr_wmmse_mrc_10", "wsr_wmmse_mrc_100")) {
            assertArrayEquals(new int[] {20}, expected.require(key).shape(), key);
        }
        assertEquals(31.852509604635248, expected.require("wsr_mrc").getFloat64(0));
    }

    @Test
    void readsThePeerFastFpFixtureWithV0() throws Exception {
        ChannelDataset ds = ChannelDataset.read(resource("/fixtures/peer/sample-peer-fastfp.npz"));
        assertEquals(10, ds.size());
        assertTrue(ds.hasInitialPrecoders());
        Problem p = ds.problems().get(0);
        assertEquals(3, p.numBs());
        assertEquals(9, p.numUe());
        for (int i = 0; i < 9; i++) {
            assertEquals(4, p.ueAntennas(i));
            assertEquals(2, p.streams(i));
            assertEquals(i / 3, p.servingBs(i));
            assertEquals(0.01, p.noisePowerW(i));
        }
        assertEquals(16, p.bsAntennas(2));
        assertEquals(100.0, p.bsPowerW(1));
        assertEquals(-1.0360005219236434, p.channel(0, 0).getReal(0, 0));
        assertEquals(-0.17814020053456442, p.channel(0, 0).getImag(0, 0));
        assertEquals(-0.47159225787731407, ds.problems().get(9).channel(8, 2).getReal(3, 15));
        assertEquals(0.17965235259580828, ds.problems().get(9).channel(8, 2).getImag(3, 15));
        ZMatrixRMaj v00 = ds.initialPrecoders(0)[0];
        assertEquals(16, v00.numRows);
        assertEquals(2, v00.numCols);
        assertEquals(-0.03577104188266538, v00.getReal(0, 0));
        assertEquals(0.39911417287731654, v00.getImag(0, 0));
        ZMatrixRMaj v98 = ds.initialPrecoders(9)[8];
        assertEquals(-0.3529797914913241, v98.getReal(15, 1));
        assertEquals(-0.2954125187242305, v98.getImag(15, 1));
        // V0 spends each BS's budget exactly: sum over served UEs of ||V0_i||_F^2 = P_k = 100 W
        for (int s = 0; s < 10; s++) {
            ZMatrixRMaj[] v = ds.initialPrecoders(s);
            for (int k = 0; k < 3; k++) {
                double power = 0;
                for (int i : ds.problems().get(s).uesOf(k)) {
                    for (int e = 0; e < 2 * 16 * 2; e++) {
                        power += v[i].data[e] * v[i].data[e];
                    }
                }
                assertEquals(100.0, power, 1e-9, "sample " + s + " BS " + k);
            }
        }
        assertEquals(9195.332277467609, sumSquares(ds), 1e-12 * 9195.332277467609);
        NpzFile expected = NpzFile.read(resource("/fixtures/peer/sample-peer-fastfp.expected.npz"));
        assertEquals(5.0543263483412595, expected.require("wsr_init").getFloat64(0));
        assertArrayEquals(new int[] {10}, expected.require("wsr_fastfp_100").shape());
    }

    private static double sumSquares(ChannelDataset ds) {
        double sum = 0;
        for (Problem p : ds.problems()) {
            for (int i = 0; i < p.numUe(); i++) {
                for (int k = 0; k < p.numBs(); k++) {
                    ZMatrixRMaj h = p.channel(i, k);
                    for (int e = 0; e < 2 * h.numRows * h.numCols; e++) {
                        sum += h.data[e] * h.data[e];
                    }
                }
            }
        }
        return sum;
    }

    @Test
    void javaWrittenDatasetReadsBackIdenticallyToTheNumpyOne(@TempDir Path dir) throws Exception {
        Path source = resource("/fixtures/peer/sample-peer-fastfp.npz");
        Path copy = dir.resolve("copy.npz");
        ChannelDataset.read(source).write(copy);
        assertEquals(NpzFile.read(source).arrays(), NpzFile.read(copy).arrays());
    }
}
