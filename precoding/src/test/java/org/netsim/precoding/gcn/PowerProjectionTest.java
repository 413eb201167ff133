package org.netsim.precoding.gcn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.netsim.precoding.TestProblems;
import org.netsim.precoding.linalg.ComplexOps;

/** The power projection (15): feasible sets untouched, infeasible ones scaled onto the budget. */
class PowerProjectionTest {

    @Test
    void feasibleSetsAreLeftUnchangedAndInfeasibleOnesLandOnTheBudget() {
        SplittableRandom rng = new SplittableRandom(4);
        for (int trial = 0; trial < 200; trial++) {
            int numUe = 1 + rng.nextInt(4);
            ZMatrixRMaj[] v = new ZMatrixRMaj[numUe + 1]; // entry 0 belongs to another BS
            v[0] = TestProblems.complexGaussian(rng, 3, 1, 1.0);
            int[] ues = new int[numUe];
            double used = 0;
            for (int j = 0; j < numUe; j++) {
                ues[j] = j + 1;
                v[j + 1] = TestProblems.complexGaussian(rng, 4, 1 + rng.nextInt(3), Math.exp(6 * rng.nextDouble() - 3));
                used += ComplexOps.frobeniusSquared(v[j + 1]);
            }
            double budget = used * Math.exp(4 * rng.nextDouble() - 2);
            ZMatrixRMaj[] before = GcnTestSupport.copy(v);
            double factor = PowerProjection.project(v, ues, budget);
            assertArrayEquals(before[0].data, v[0].data, 0.0, "other BS's UE untouched");
            double after = 0;
            for (int i : ues) {
                after += ComplexOps.frobeniusSquared(v[i]);
            }
            if (used <= budget) {
                assertEquals(1.0, factor, 0.0);
                for (int i : ues) {
                    assertArrayEquals(before[i].data, v[i].data, 0.0, "feasible set unchanged");
                }
            } else {
                assertTrue(after <= budget, "within the budget: " + after + " > " + budget);
                // one rounding of the scaling: the budget is met to a few eps, not undershot
                assertEquals(budget, after, 1e-14 * budget);
                assertEquals(Math.sqrt(budget / used), factor, 1e-15);
                for (int i : ues) {
                    for (int e = 0; e < v[i].getDataLength(); e++) {
                        assertEquals(factor * before[i].data[e], v[i].data[e], 1e-15 * Math.abs(before[i].data[e]));
                    }
                }
            }
        }
    }

    @Test
    void zeroBudgetGivesZeroAndNonFinitePowerFails() {
        SplittableRandom rng = new SplittableRandom(5);
        ZMatrixRMaj[] v = {TestProblems.complexGaussian(rng, 3, 2, 1.0)};
        assertEquals(0.0, PowerProjection.project(v, new int[] {0}, 0.0), 0.0);
        assertEquals(0.0, ComplexOps.frobeniusSquared(v[0]), 0.0);
        v[0].data[1] = Double.NaN;
        assertThrows(ArithmeticException.class, () -> PowerProjection.project(v, new int[] {0}, 1.0));
        assertEquals(1.0, PowerProjection.project(v, new int[0], 1.0), 0.0, "a BS without UEs");
    }
}
