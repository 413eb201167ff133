package org.netsim.precoding.learned.mpnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.netsim.precoding.Init;
import org.netsim.precoding.Problem;
import org.netsim.precoding.RateEvaluator;
import org.netsim.precoding.TestProblems;

/** The Java executor alone (no engine): budgets, equivariance, shape checks. */
class MpnnExecutorTest {

    /**
     * Relabelling changes only the order of floating-point sums (pooling means, ZF of permuted rows): agreement to
     * a few ulps of O(1) entries, amplified by T = 2 normalisations.
     */
    private static final double EQUIVARIANCE_TOLERANCE = 1e-9;

    private static MpnnExecutor executor(MpnnArchitecture a) {
        return new MpnnExecutor(a, MpnnSamples.randomWeights(a, 3));
    }

    @Test
    void everyBsTransmitsAtItsBudget() {
        for (MpnnArchitecture.Variant variant : MpnnArchitecture.Variant.values()) {
            MpnnArchitecture a = MpnnSamples.SMALL.withVariant(variant);
            MpnnExecutor ex = executor(a);
            for (Problem p : MpnnSamples.problems(a, 10, 4)) {
                ZMatrixRMaj[] v = ex.precoders(p, Init.zf());
                RateEvaluator.checkShapes(p, v);
                double[] used = RateEvaluator.powerUse(p, v);
                for (int k = 0; k < p.numBs(); k++) {
                    assertTrue(used[k] <= p.bsPowerW(k) * (1 + 1e-12), variant + ": BS " + k + " over budget");
                    assertEquals(p.bsPowerW(k), used[k], 1e-12 * p.bsPowerW(k), variant + ": BS " + k);
                }
            }
        }
    }

    /**
     * Song et al. share every map among UEs and pool sets by their mean, so relabelling UEs within a cell and
     * relabelling the cells permutes the output the same way (the workshop version states the permutation
     * equivalence of its pooled embeddings).
     */
    @Test
    void relabellingUesAndCellsPermutesTheOutput() {
        MpnnArchitecture a = new MpnnArchitecture(2, 3, 4, 2, 6, 1, 1, 2, MpnnArchitecture.Variant.STRUCTURAL);
        MpnnExecutor ex = executor(a);
        Problem p = MpnnSamples.problems(a, 1, 8).get(0);
        // new label of old UE i; BS 0 <-> BS 1 as well
        int[] ue = {4, 3, 5, 1, 2, 0};
        int[] bs = {1, 0};
        Problem q = relabel(p, ue, bs);
        ZMatrixRMaj[] vp = ex.precoders(p, Init.zf());
        ZMatrixRMaj[] vq = ex.precoders(q, Init.zf());
        for (int i = 0; i < p.numUe(); i++) {
            for (int e = 0; e < vp[i].data.length; e++) {
                assertEquals(vp[i].data[e], vq[ue[i]].data[e], EQUIVARIANCE_TOLERANCE, "UE " + i + " entry " + e);
            }
        }
        assertEquals(RateEvaluator.wsrNat(p, vp), RateEvaluator.wsrNat(q, vq), 1e-9);
    }

    /** UE i becomes ue[i], BS k becomes bs[k]. */
    static Problem relabel(Problem p, int[] ue, int[] bs) {
        int n = p.numUe();
        int b = p.numBs();
        ZMatrixRMaj[][] h = new ZMatrixRMaj[n][b];
        int[] serving = new int[n];
        double[] noise = new double[n];
        int[] ant = new int[n];
        int[] streams = new int[n];
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < b; k++) {
                h[ue[i]][bs[k]] = p.channel(i, k).copy();
            }
            serving[ue[i]] = bs[p.servingBs(i)];
            noise[ue[i]] = p.noisePowerW(i);
            ant[ue[i]] = p.ueAntennas(i);
            streams[ue[i]] = p.streams(i);
            weights[ue[i]] = p.weight(i);
        }
        int[] m = new int[b];
        double[] power = new double[b];
        for (int k = 0; k < b; k++) {
            m[bs[k]] = p.bsAntennas(k);
            power[bs[k]] = p.bsPowerW(k);
        }
        return Problem.builder().bsAntennas(m).bsPowerW(power).ueAntennas(ant).streams(streams).noisePowerW(noise)
                .weights(weights).servingBs(serving).channels(h).build();
    }

    @Test
    void mismatchedProblemsAreRejectedNamingTheDimension() {
        MpnnExecutor ex = executor(MpnnSamples.SMALL);
        List<Object[]> cases = List.of(
                new Object[] {TestProblems.uniform(1, 3, 2, 4, 2, 2, 1, 1, 0.1), "numBs = 2"},
                new Object[] {TestProblems.uniform(1, 2, 3, 4, 2, 2, 1, 1, 0.1), "uesPerBs = 2"},
                new Object[] {TestProblems.uniform(1, 2, 2, 8, 2, 2, 1, 1, 0.1), "bsAntennas = 4"},
                new Object[] {TestProblems.uniform(1, 2, 2, 4, 2, 1, 1, 1, 0.1), "streams = 2"});
        for (Object[] c : cases) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ex.precoders((Problem) c[0], Init.zf()));
            assertTrue(e.getMessage().contains("the model accepts " + c[1]), e.getMessage());
        }
    }

    @Test
    void architectureIsValidated() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MpnnArchitecture(2, 2, 4, 2, 3, 1, 1, 2, MpnnArchitecture.Variant.STRUCTURAL));
        assertTrue(e.getMessage().startsWith("expandedAntennas"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new MpnnArchitecture(2, 2, 4, 2, 6, 1, 1, 2, MpnnArchitecture.Variant.NO_EXPANSION));
        assertTrue(e.getMessage().startsWith("expandedAntennas"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MpnnArchitecture.Variant.parse("other"));
        assertTrue(e.getMessage().startsWith("variant"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new MpnnExecutor(MpnnSamples.SMALL,
                MpnnSamples.randomWeights(MpnnSamples.SMALL.withSizes(8, 1, 1), 1)));
    }

    /** Table I's sizes: F = 3 d_1 N'_t N_r + 5 d_2 N_r^2 and the parameter count of the layers. */
    @Test
    void sizesFollowTableI() {
        MpnnArchitecture a = MpnnArchitecture.paper(2, 4, 8, 2);
        assertEquals(16, a.expandedAntennas());
        assertEquals(3 * 2 * 16 * 2 + 5 * 4 * 4, a.featureSize());
        long count = 0;
        for (var e : new MpnnNetwork.MpnnBlock(a).byName.values()) {
            count += e.getShape().size();
        }
        assertEquals(a.parameterCount(), count);
        assertEquals(16, MpnnArchitecture.paper(2, 16, 32, 2).hvMultiplier());
    }
}
