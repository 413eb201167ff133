package org.netsim.scenarios.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.random.RandomGenerator;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.netsim.precoding.Problem;
import org.netsim.radio.random.RandomStreams;

/** Sizes, powers and channel statistics of the iaidnn-MxI scenarios. */
class IaidnnBroadcastScenarioTest {

    /** The mean entry energy over n entries has standard error 2 / sqrt(n) (|CN(0, 2)|^2 is Exp with mean 2). */
    private static final double STANDARD_ERRORS = 5.0;

    @Test
    void catalogueHoldsThePaperSizesWithTheirPowers() {
        for (int[] mi : new int[][] {{8, 4}, {16, 8}, {32, 16}}) {
            SnapshotScenario s = SnapshotCatalog.get("iaidnn-" + mi[0] + "x" + mi[1]);
            Problem p = s.sample(new RandomStreams(1).stream("test/iaidnn"));
            assertEquals(1, p.numBs());
            assertEquals(mi[0], p.bsAntennas(0));
            assertEquals(mi[1], p.numUe());
            assertEquals(0.1, p.bsPowerW(0), 1e-15);
            for (int i = 0; i < p.numUe(); i++) {
                assertEquals(2, p.ueAntennas(i));
                assertEquals(2, p.streams(i));
                assertEquals(1e-3, p.noisePowerW(i), 1e-18);
                assertEquals(0, p.servingBs(i));
                assertEquals(1.0, p.weight(i), 0.0);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> new IaidnnBroadcastScenario(0, 4));
    }

    @Test
    void channelEntriesHaveVarianceTwo() {
        IaidnnBroadcastScenario s = new IaidnnBroadcastScenario(16, 8);
        RandomGenerator rng = new RandomStreams(3).stream("test/iaidnn-var");
        double sum = 0;
        long n = 0;
        for (int t = 0; t < 200; t++) {
            Problem p = s.sample(rng);
            for (int i = 0; i < p.numUe(); i++) {
                ZMatrixRMaj h = p.channel(i, 0);
                for (int e = 0; e < h.getDataLength(); e += 2) {
                    sum += h.data[e] * h.data[e] + h.data[e + 1] * h.data[e + 1];
                    n++;
                }
            }
        }
        assertEquals(2.0, sum / n, STANDARD_ERRORS * 2.0 / Math.sqrt(n));
    }
}
