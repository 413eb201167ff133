package org.netsim.simcore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SlotReportTest {

    private static SlotReport report(double... rates) {
        int n = rates.length;
        return new SlotReport(3, 0.003, new int[n], new double[n], new double[n], new double[n], new int[n],
                new boolean[n], rates, new double[n], 5, 1e-4, 0, 0, 0);
    }

    @Test
    void summaryStatisticsByHand() {
        SlotReport r = report(1, 2, 3, 4);
        assertEquals(10, r.sumRateNat(), 0);
        assertEquals(2.5, r.meanRateNat(), 0);
        // position 0.05 * 3 = 0.15 between 1 and 2
        assertEquals(1.15, r.fifthPercentileRateNat(), 1e-15);
        // (10)^2 / (4 * 30)
        assertEquals(100.0 / 120.0, r.jainFairness(), 1e-15);
        assertEquals(1.0, report(2, 2, 2).jainFairness(), 1e-15);
        assertEquals(1.0 / 3, report(0, 0, 5).jainFairness(), 1e-15);
    }

    @Test
    void arraysAreCopiedInAndOut() {
        double[] rates = {1, 2};
        SlotReport r = report(rates);
        rates[0] = 100;
        r.rateNat()[1] = 100;
        assertEquals(3, r.sumRateNat(), 0);
    }

    @Test
    void mismatchedArraysAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new SlotReport(0, 0, new int[2], new double[2],
                new double[1], new double[2], new int[2], new boolean[2], new double[2], new double[2], 0, 0, 0, 0, 0));
    }

    @Test
    void phasesAreOrderedAsInTheDesign() {
        assertEquals(10, SlotPhase.MOBILITY.ordering(10));
        assertEquals(16, SlotPhase.REPORT.ordering(10));
        assertEquals(4, SlotPhase.PRECODING.ordinal());
    }
}
