package org.netsim.scenarios.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netsim.precoding.Init;
import org.netsim.precoding.InitialPrecoders;
import org.netsim.precoding.Problem;
import org.netsim.precoding.RateEvaluator;
import org.netsim.precoding.Solution;
import org.netsim.precoding.learned.LearnedEngine;
import org.netsim.precoding.learned.mpnn.MpnnScore;
import org.netsim.precoding.learned.mpnn.StructuralMpnnPrecoder;
import org.netsim.radio.random.RandomStreams;

/**
 * The shipped StructuralMPNN model ({@code song-small-near}) on fresh song-small-near samples (a seed and stream
 * names no training run used): it loads by default, accepts the scenario, meets every budget, and improves on the
 * zero-forcing start it refines (Song et al., Section VI-B: the network starts from zero forcing). It does not
 * reach truncated WMMSE (see docs/performance.md), so that comparison is not asserted.
 */
class StructuralMpnnShippedModelTest {

    static final long FRESH_SEED = 424242;
    /**
     * Required gain over the zero-forcing start, measured on these channels (ZF about 14 % of WMMSE, the shipped
     * model about 36 %, a gain of about 2.5x), so 1.5x leaves margin for the 12 samples' spread while still
     * failing for an untrained network (whose zero-initialised heads return the start, gain 1).
     */
    static final double MIN_GAIN_OVER_ZF = 1.5;

    @BeforeEach
    void engine() {
        Assumptions.assumeTrue(LearnedEngine.isAvailable(), () -> "skipped: no deep-learning engine, "
                + LearnedEngine.unavailableReason().orElse("unknown"));
    }

    static List<Problem> fresh(int n) {
        SnapshotScenario sc = SnapshotCatalog.get("song-small-near");
        RandomStreams streams = new RandomStreams(FRESH_SEED);
        List<Problem> out = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            out.add(sc.sample(streams.stream("shipped-model-test/sample/" + s)));
        }
        return out;
    }

    @Test
    void shippedModelImprovesOnItsZeroForcingStart() {
        StructuralMpnnPrecoder mpnn = new StructuralMpnnPrecoder();
        assertEquals("song-small-near", mpnn.card().training().scenario());
        double net = 0;
        double zf = 0;
        for (Problem p : fresh(12)) {
            Solution s = mpnn.solve(p, Init.zf());
            double[] used = RateEvaluator.powerUse(p, s.precoders());
            for (int k = 0; k < p.numBs(); k++) {
                assertTrue(used[k] <= p.bsPowerW(k) * (1 + 1e-12), "BS " + k + " over budget");
            }
            net += MpnnScore.sumRateNat(p, s.precoders());
            zf += MpnnScore.sumRateNat(p, InitialPrecoders.create(p, Init.zf()));
        }
        assertTrue(net > MIN_GAIN_OVER_ZF * zf, "structural-mpnn " + net / 12 + " nat/s/Hz vs its ZF start "
                + zf / 12);
    }
}
