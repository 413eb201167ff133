package org.netsim.simcore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.netsim.precoding.Init;
import org.netsim.precoding.PrecoderOptions;
import org.netsim.precoding.PrecoderRegistry;
import org.netsim.precoding.Problem;

class PrecodingStageTest {

    private static Problem problem(long seed, int[] serving) {
        SplittableRandom rng = new SplittableRandom(seed);
        int numUe = serving.length;
        ZMatrixRMaj[][] h = new ZMatrixRMaj[numUe][2];
        for (int i = 0; i < numUe; i++) {
            for (int k = 0; k < 2; k++) {
                h[i][k] = new ZMatrixRMaj(2, 4);
                for (int e = 0; e < h[i][k].getDataLength(); e++) {
                    h[i][k].data[e] = rng.nextGaussian() * (k == serving[i] ? 1 : 0.3);
                }
            }
        }
        int[] n = new int[numUe];
        double[] noise = new double[numUe];
        java.util.Arrays.fill(n, 2);
        java.util.Arrays.fill(noise, 0.1);
        return Problem.builder().bsAntennas(4, 4).bsPowerW(1, 1).ueAntennas(n).noisePowerW(noise).servingBs(serving)
                .channels(h).build();
    }

    @Test
    void warmStartContinuesTheIterationOnAStaticChannel() {
        // on an unchanged channel, 5 + 5 warm-started iterations equal 10 iterations from MRC
        Problem p = problem(1, new int[] {0, 0, 1, 1});
        int[] ids = {10, 11, 12, 13};
        PrecodingStage five = new PrecodingStage(PrecoderRegistry.create("wmmse",
                PrecoderOptions.defaults().withMaxIterations(5)), Init.mrc(), true);
        five.precode(p, ids);
        PrecodingStage.Result second = five.precode(p, ids);
        assertEquals(4, second.warmStarted());
        double ten = PrecoderRegistry.create("wmmse", PrecoderOptions.defaults().withMaxIterations(10))
                .solve(p, Init.mrc()).wsrNat();
        assertEquals(ten, second.solution().wsrNat(), 1e-12 * ten);
        assertTrue(second.seconds() >= 0);
    }

    @Test
    void uesThatChangedCellOrJoinedStartFresh() {
        PrecodingStage stage = new PrecodingStage(PrecoderRegistry.create("wmmse",
                PrecoderOptions.defaults().withMaxIterations(3)), Init.mrc(), true);
        stage.precode(problem(2, new int[] {0, 0, 1}), new int[] {1, 2, 3});
        // UE 2 handed over to cell 1, UE 4 is new, UE 3 left
        PrecodingStage.Result r = stage.precode(problem(3, new int[] {0, 1, 1}), new int[] {1, 2, 4});
        assertEquals(1, r.warmStarted());
        PrecodingStage cold = new PrecodingStage(PrecoderRegistry.create("wmmse",
                PrecoderOptions.defaults().withMaxIterations(3)), Init.mrc(), false);
        cold.precode(problem(2, new int[] {0, 0, 1}), new int[] {1, 2, 3});
        assertEquals(0, cold.precode(problem(3, new int[] {0, 1, 1}), new int[] {1, 2, 4}).warmStarted());
    }

    @Test
    void givenIsNotAFreshInitialisation() {
        assertThrows(IllegalArgumentException.class, () -> new PrecodingStage(PrecoderRegistry.create("wmmse"),
                Init.given(new ZMatrixRMaj[0]), true));
    }
}
