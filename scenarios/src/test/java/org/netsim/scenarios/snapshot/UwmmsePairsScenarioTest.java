package org.netsim.scenarios.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.netsim.precoding.Problem;
import org.netsim.radio.random.RandomStreams;

/** Shapes, units, names and channel statistics of {@link UwmmsePairsScenario}. */
class UwmmsePairsScenarioTest {

    @Test
    void namesParseAndRoundTrip() {
        assertEquals("uwmmse-pairs-20", SnapshotCatalog.get("uwmmse-pairs-20").name());
        UwmmsePairsScenario s = (UwmmsePairsScenario) SnapshotCatalog.get("uwmmse-pairs-30-d0.5");
        assertEquals(30, s.numPairs());
        assertEquals(0.5, s.density());
        assertEquals("uwmmse-pairs-30-d0.5", s.name());
        assertEquals("uwmmse-pairs-20-d1", SnapshotCatalog.get("uwmmse-pairs-20-d1").name());
        assertTrue(Double.isNaN(((UwmmsePairsScenario) SnapshotCatalog.get("uwmmse-pairs-7")).density()));
        assertThrows(IllegalArgumentException.class, () -> SnapshotCatalog.get("uwmmse-pairs-0"));
        assertThrows(IllegalArgumentException.class, () -> SnapshotCatalog.get("uwmmse-pairs-20-d0"));
    }

    @Test
    void sisoPairsWithThePapersBudgetsAndNoise() {
        Problem p = new UwmmsePairsScenario(20, 1.0).sample(new RandomStreams(3).stream("x"));
        assertEquals(20, p.numBs());
        assertEquals(20, p.numUe());
        assertEquals(1e-3, p.bsPowerW(0), 1e-15);
        assertEquals(6.309573e-13, p.noisePowerW(0), 1e-18); // -92 dBm
        for (int i = 0; i < 20; i++) {
            assertEquals(i, p.servingBs(i));
            assertEquals(1, p.ueAntennas(i));
            assertEquals(1, p.bsAntennas(i));
            for (int j = 0; j < 20; j++) {
                double re = p.channel(i, j).data[0];
                assertTrue(re > 0, "h_ij is a positive real amplitude");
                assertEquals(0.0, p.channel(i, j).data[1]);
            }
        }
    }

    /**
     * With K = 1, |o| &lt;= sqrt(2) / 4 &lt; 1, so the path loss is clipped to 1 and h = h_f, Rayleigh with mode 1:
     * E h^2 = 2, Var h^2 = 4. Tolerance: 5 standard errors of the mean over n samples.
     */
    @Test
    void unitPathLossLeavesRayleighWithModeOne() {
        UwmmsePairsScenario s = new UwmmsePairsScenario(1, 1.0);
        RandomGenerator rng = new RandomStreams(5).stream("x");
        int n = 20000;
        double sum = 0;
        for (int t = 0; t < n; t++) {
            double h = s.sample(rng).channel(0, 0).data[0];
            sum += h * h;
        }
        assertEquals(2.0, sum / n, 5 * 2.0 / Math.sqrt(n));
    }

    /** Denser networks (transmitters in a smaller square) have stronger cross gains on average. */
    @Test
    void densityRaisesInterference() {
        double sparse = meanCrossGain(new UwmmsePairsScenario(20, 0.5));
        double dense = meanCrossGain(new UwmmsePairsScenario(20, 5.0));
        assertTrue(dense > 3 * sparse, "dense " + dense + " vs sparse " + sparse);
    }

    private static double meanCrossGain(UwmmsePairsScenario s) {
        RandomGenerator rng = new RandomStreams(7).stream("x");
        double sum = 0;
        int count = 0;
        for (int t = 0; t < 50; t++) {
            Problem p = s.sample(rng);
            for (int i = 0; i < 20; i++) {
                for (int j = 0; j < 20; j++) {
                    if (i != j) {
                        double h = p.channel(i, j).data[0];
                        sum += h * h;
                        count++;
                    }
                }
            }
        }
        return sum / count;
    }

    @Test
    void sameSeedSameSample() {
        UwmmsePairsScenario s = new UwmmsePairsScenario(5, Double.NaN);
        Problem a = s.sample(new RandomStreams(11).stream("x"));
        Problem b = s.sample(new RandomStreams(11).stream("x"));
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                assertEquals(a.channel(i, j).data[0], b.channel(i, j).data[0]);
            }
        }
    }
}
