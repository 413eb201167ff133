package org.netsim.precoding.learned.mpnn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.netsim.precoding.Init;
import org.netsim.precoding.Problem;

/**
 * The optimised {@link MpnnExecutor} against the literal {@link MpnnReferenceExecutor} (no engine): same weights,
 * same problems, every variant, sizes with one UE per cell (empty intra-cell sets) and one BS (empty inter-cell
 * sets) included.
 */
class MpnnExecutorReferenceTest {

    /**
     * The two differ only in the order of double sums (per-cell sums minus the own term instead of sums over the
     * others) and in tanh computed from exp: relative differences of a few 1e-16 per operation, grown through T
     * normalised iterations of O(1) entries; 1e-10 leaves four orders of magnitude of margin.
     */
    private static final double TOLERANCE = 1e-10;

    @Test
    void optimisedExecutorEqualsTheLiteralOne() {
        MpnnArchitecture[] sizes = {
            MpnnSamples.SMALL,
            new MpnnArchitecture(2, 4, 8, 2, 16, 2, 4, 5, MpnnArchitecture.Variant.STRUCTURAL),
            new MpnnArchitecture(3, 1, 3, 1, 5, 2, 1, 3, MpnnArchitecture.Variant.STRUCTURAL),
            new MpnnArchitecture(1, 3, 4, 2, 5, 1, 2, 2, MpnnArchitecture.Variant.STRUCTURAL),
        };
        long seed = 11;
        for (MpnnArchitecture base : sizes) {
            for (MpnnArchitecture.Variant variant : MpnnArchitecture.Variant.values()) {
                MpnnArchitecture a = base.withVariant(variant);
                var weights = MpnnSamples.randomWeights(a, seed++);
                MpnnExecutor fast = new MpnnExecutor(a, weights);
                MpnnReferenceExecutor literal = new MpnnReferenceExecutor(a, weights);
                for (Problem p : MpnnSamples.problems(a, 3, seed++)) {
                    ZMatrixRMaj[] vf = fast.precoders(p, Init.zf());
                    ZMatrixRMaj[] vl = literal.precoders(p, Init.zf());
                    // twice: the reused workspace must not carry state from the previous call
                    ZMatrixRMaj[] again = fast.precoders(p, Init.zf());
                    for (int i = 0; i < p.numUe(); i++) {
                        for (int e = 0; e < vf[i].data.length; e++) {
                            assertEquals(vl[i].data[e], vf[i].data[e], TOLERANCE, a + ": UE " + i + " entry " + e);
                            assertEquals(vf[i].data[e], again[i].data[e], 0.0, a + ": repeated call, UE " + i);
                        }
                    }
                }
            }
        }
    }
}
