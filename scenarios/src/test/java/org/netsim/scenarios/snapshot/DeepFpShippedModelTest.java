package org.netsim.scenarios.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Assumptions;
import org.netsim.precoding.Init;
import org.netsim.precoding.Problem;
import org.netsim.precoding.RateEvaluator;
import org.netsim.precoding.Solution;
import org.netsim.precoding.learned.LearnedEngine;
import org.netsim.precoding.learned.deepfp.DeepFpPrecoder;
import org.netsim.precoding.learned.deepfp.DeepFpTrainer;
import org.netsim.radio.random.RandomStreams;

/**
 * The shipped DeepFP model ({@code deepfp-7cell}) on fresh deepfp-7cell samples (a seed and stream names no
 * training run used): it loads, accepts the scenario, and beats FastFP truncated to the same 8 iterations from the
 * same random V^0, the paper's comparison at equal depth (Section V-A-2: "far superior ... when the number of
 * layers ... equals the number of iterations"). The slow check is the target against FastFP after 100
 * iterations.
 */
class DeepFpShippedModelTest {

    /** The target: DeepFP's mean WSR at least this share of FastFP's after 100 iterations. */
    static final double TARGET_RATIO = 0.96;
    static final long FRESH_SEED = 424242;

    @BeforeEach
    void engine() {
        Assumptions.assumeTrue(LearnedEngine.isAvailable(), () -> "skipped: no deep-learning engine, "
                + LearnedEngine.unavailableReason().orElse("unknown"));
    }

    static List<Problem> fresh(int n) {
        DeepFpHexScenario sc = new DeepFpHexScenario(7);
        RandomStreams streams = new RandomStreams(FRESH_SEED);
        List<Problem> out = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            out.add(sc.sample(streams.stream("shipped-model-test/sample/" + s)));
        }
        return out;
    }

    @Test
    void shippedModelBeatsFastFpAtEqualDepth() {
        DeepFpPrecoder deepFp = new DeepFpPrecoder();
        assertEquals("deepfp-7cell", deepFp.card().training().scenario());
        assertEquals(deepFp.card().intHyperparameter("layers"), 8);
        double deep = 0;
        double fast8 = 0;
        List<Problem> problems = fresh(6);
        for (int s = 0; s < problems.size(); s++) {
            Problem p = problems.get(s);
            ZMatrixRMaj[] v0 = DeepFpTrainer.initialPrecoders(p, FRESH_SEED, "test", s);
            Solution d = deepFp.solve(p, Init.given(v0));
            assertEquals(8, d.iterations());
            deep += d.wsrNat();
            fast8 += DeepFpTrainer.fastFp(p, v0, 8).wsrNat();
            assertEquals(RateEvaluator.wsrNat(p, d.precoders().clone()), d.wsrNat(), 1e-9 * d.wsrNat());
        }
        assertTrue(deep > fast8, "DeepFP " + deep / problems.size() + " nat/s/Hz vs FastFP(8) "
                + fast8 / problems.size());
    }

    @Test
    @Tag("slow")
    void shippedModelReachesTheTargetShareOfFastFp100() {
        DeepFpPrecoder deepFp = new DeepFpPrecoder();
        double deep = 0;
        double fast = 0;
        List<Problem> problems = fresh(50);
        for (int s = 0; s < problems.size(); s++) {
            Problem p = problems.get(s);
            ZMatrixRMaj[] v0 = DeepFpTrainer.initialPrecoders(p, FRESH_SEED, "test", s);
            deep += deepFp.solve(p, Init.given(v0)).wsrNat();
            fast += DeepFpTrainer.fastFp(p, v0, 100).wsrNat();
        }
        assertTrue(deep / fast >= TARGET_RATIO, "DeepFP / FastFP(100) = " + deep / fast);
    }
}
