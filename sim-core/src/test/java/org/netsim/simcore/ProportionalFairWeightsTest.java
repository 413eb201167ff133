package org.netsim.simcore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ProportionalFairWeightsTest {

    @Test
    void weightsAreInverseAverageRatesWithMeanOne() {
        ProportionalFairWeights pf = new ProportionalFairWeights(10);
        int[] ids = {3, 7};
        assertArrayEquals(new double[] {1, 1}, pf.weights(ids), 0, "no history: equal weights");
        pf.observe(ids, new double[] {1.0, 3.0});
        // 1/1 and 1/3, normalised to mean 1: 1.5 and 0.5
        assertArrayEquals(new double[] {1.5, 0.5}, pf.weights(ids), 1e-15);
        pf.observe(ids, new double[] {2.0, 3.0});
        // Rbar = 0.9 * 1 + 0.1 * 2 = 1.1 and 3
        double a = 1 / 1.1;
        double b = 1 / 3.0;
        assertArrayEquals(new double[] {2 * a / (a + b), 2 * b / (a + b)}, pf.weights(ids), 1e-15);
    }

    @Test
    void aNewUeStartsAtTheMeanAndStarvedUesAreCapped() {
        ProportionalFairWeights pf = new ProportionalFairWeights(5);
        pf.observe(new int[] {1, 2}, new double[] {2.0, 0.0});
        double[] w = pf.weights(new int[] {1, 2, 9});
        // averages 2, 0 (floored to 0.01) and the newcomer at the mean of the known ones, 1
        double s = 1 / 2.0 + 1 / ProportionalFairWeights.RATE_FLOOR_NAT + 1 / 1.0;
        assertArrayEquals(new double[] {3 * 0.5 / s, 3 * 100 / s, 3 * 1.0 / s}, w, 1e-12);
        assertEquals(3, w[0] + w[1] + w[2], 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new ProportionalFairWeights(0.5));
    }

    @Test
    void uesThatLeftAreForgottenAndTheOthersKeepTheirAverages() {
        ProportionalFairWeights pf = new ProportionalFairWeights(10);
        pf.observe(new int[] {1, 2, 3}, new double[] {1.0, 2.0, 4.0});
        pf.retainOnly(new int[] {3, 1});
        assertEquals(2, pf.trackedUes());
        // UE 1 and UE 3 keep averages 1 and 4: weights 1/1 and 1/4 normalised to mean 1
        assertArrayEquals(new double[] {1.6, 0.4}, pf.weights(new int[] {1, 3}), 1e-15);
    }
}
