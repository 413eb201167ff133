package org.netsim.scenarios.snapshot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.netsim.precoding.Problem;
import org.netsim.radio.random.RandomStreams;

/** Contract test of every catalogue entry: documented sizes, validity, reproducibility. */
class SnapshotCatalogTest {

    /** Documented sizes: K, I, M, N, d, P_k in W, sigma^2 in W (NaN: derived per sample). */
    private record Sizes(int numBs, int numUe, int bsAnt, int ueAnt, int streams, double powerW, double noiseW) {
    }

    private static final Map<String, Sizes> DOCUMENTED = Map.ofEntries(
            Map.entry("gcnwmmse-base", new Sizes(3, 12, 12, 2, 2, 1.0, 1e-13)),
            Map.entry("deepfp-7cell", new Sizes(7, 42, 64, 4, 2, 0.1, 1e-12)),
            Map.entry("deepfp-1cell", new Sizes(1, 6, 64, 4, 2, 0.1, 1e-12)),
            Map.entry("song-small-near", new Sizes(2, 8, 8, 2, 2, 10.0, Double.NaN)),
            Map.entry("song-small-far", new Sizes(2, 8, 8, 2, 2, 10.0, Double.NaN)),
            Map.entry("song-moderate-near", new Sizes(2, 16, 16, 2, 2, 10.0, Double.NaN)),
            Map.entry("song-moderate-far", new Sizes(2, 16, 16, 2, 2, 10.0, Double.NaN)),
            Map.entry("song-large-near", new Sizes(2, 32, 32, 2, 2, 10.0, Double.NaN)),
            Map.entry("song-large-far", new Sizes(2, 32, 32, 2, 2, 10.0, Double.NaN)),
            Map.entry("sun-ic-10", new Sizes(10, 10, 1, 1, 1, 1.0, 1.0)),
            Map.entry("sun-ic-20", new Sizes(20, 20, 1, 1, 1, 1.0, 1.0)),
            Map.entry("sun-ic-30", new Sizes(30, 30, 1, 1, 1, 1.0, 1.0)),
            Map.entry("sun-imac-3-12", new Sizes(12, 12, 1, 1, 1, 1.0, 1.0)),
            Map.entry("sun-imac-3-18", new Sizes(18, 18, 1, 1, 1, 1.0, 1.0)),
            Map.entry("sun-imac-3-24", new Sizes(24, 24, 1, 1, 1, 1.0, 1.0)),
            Map.entry("sun-imac-7-28", new Sizes(28, 28, 1, 1, 1, 1.0, 1.0)),
            Map.entry("sun-imac-20-80", new Sizes(80, 80, 1, 1, 1, 1.0, 1.0)),
            Map.entry("iid-cn", new Sizes(4, 8, 4, 2, 2, 0.1, 1e-3)),
            Map.entry("iaidnn-8x4", new Sizes(1, 4, 8, 2, 2, 0.1, 1e-3)),
            Map.entry("iaidnn-16x8", new Sizes(1, 8, 16, 2, 2, 0.1, 1e-3)),
            Map.entry("iaidnn-32x16", new Sizes(1, 16, 32, 2, 2, 0.1, 1e-3)),
            Map.entry("uwmmse-pairs-20", new Sizes(20, 20, 1, 1, 1, 1e-3, 6.309573444801943e-13)));

    static Stream<SnapshotScenario> scenarios() {
        return SnapshotCatalog.all().stream();
    }

    @Test
    void everyEntryIsDocumentedHere() {
        List<String> names = SnapshotCatalog.all().stream().map(SnapshotScenario::name).toList();
        assertEquals(DOCUMENTED.keySet(), new java.util.HashSet<>(names));
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void sampleHasTheDocumentedSizes(SnapshotScenario s) {
        Sizes z = DOCUMENTED.get(s.name());
        assertNotNull(z, s.name());
        assertSame(s, SnapshotCatalog.get(s.name()));
        assertFalse(s.description().isBlank());
        Problem p = s.sample(new RandomStreams(2024).stream("test/" + s.name()));
        assertEquals(z.numBs(), p.numBs());
        assertEquals(z.numUe(), p.numUe());
        int[] perBs = new int[p.numBs()];
        for (int i = 0; i < p.numUe(); i++) {
            assertEquals(z.ueAnt(), p.ueAntennas(i));
            assertEquals(z.streams(), p.streams(i));
            assertEquals(1.0, p.weight(i));
            if (!Double.isNaN(z.noiseW())) {
                assertEquals(z.noiseW(), p.noisePowerW(i), 1e-12 * z.noiseW());
            }
            perBs[p.servingBs(i)]++;
        }
        for (int k = 0; k < p.numBs(); k++) {
            assertEquals(z.bsAnt(), p.bsAntennas(k));
            assertEquals(z.powerW(), p.bsPowerW(k), 1e-12 * z.powerW());
            assertEquals(z.numUe() / z.numBs(), perBs[k], "equal UEs per BS");
        }
        for (int i = 0; i < p.numUe(); i++) {
            for (int k = 0; k < p.numBs(); k++) {
                double fro = 0;
                for (double v : p.channel(i, k).data) {
                    fro += v * v;
                }
                assertTrue(fro > 0, s.name() + ": channel (" + i + "," + k + ") is zero");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void sameSeedSameSampleOtherSeedOtherSample(SnapshotScenario s) {
        Problem a = s.sample(new RandomStreams(99).stream("sample/0"));
        Problem b = s.sample(new RandomStreams(99).stream("sample/0"));
        Problem c = s.sample(new RandomStreams(99).stream("sample/1"));
        boolean differs = false;
        for (int i = 0; i < a.numUe(); i++) {
            assertEquals(a.noisePowerW(i), b.noisePowerW(i));
            for (int k = 0; k < a.numBs(); k++) {
                assertArrayEquals(a.channel(i, k).data, b.channel(i, k).data);
                differs |= !Arrays.equals(a.channel(i, k).data, c.channel(i, k).data);
            }
        }
        assertTrue(differs);
    }

    @Test
    void unknownNameListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SnapshotCatalog.get("deepfp-3cell"));
        assertTrue(e.getMessage().contains("deepfp-7cell") && e.getMessage().contains("gcnwmmse-base"),
                e.getMessage());
    }

    @Test
    void parsedSunSizes() {
        Problem p = SnapshotCatalog.get("sun-imac-2-6").sample(new RandomStreams(1).stream("x"));
        assertEquals(6, p.numUe());
        assertEquals(5, SnapshotCatalog.get("sun-ic-5").sample(new RandomStreams(1).stream("x")).numBs());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SnapshotCatalog.get("sun-imac-3-10"));
        assertTrue(e.getMessage().startsWith("numUsers"), e.getMessage());
        SnapshotScenario inner = SnapshotCatalog.get("sun-imac-7-28-r50");
        assertEquals("sun-imac-7-28-r50", inner.name());
        assertEquals("sun-imac-3-12-r20.5", SnapshotCatalog.get("sun-imac-3-12-r20.5").name());
        e = assertThrows(IllegalArgumentException.class, () -> SnapshotCatalog.get("sun-imac-3-12-r100"));
        assertTrue(e.getMessage().startsWith("innerRadiusM"), e.getMessage());
    }
}
