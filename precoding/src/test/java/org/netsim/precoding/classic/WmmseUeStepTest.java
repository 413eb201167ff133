package org.netsim.precoding.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.netsim.precoding.TestProblems;
import org.netsim.precoding.linalg.ComplexOps;

/** The UE step against the textbook formulas (3a)-(3b) computed with plain inverses. */
class WmmseUeStepTest {

    /** Agreement of two double-precision evaluations of well-conditioned small matrices. */
    private static final double TOLERANCE = 1e-10;

    @Test
    void matchesTheTextbookFormulasOverRandomSizes() {
        SplittableRandom rng = new SplittableRandom(3);
        for (int t = 0; t < 200; t++) {
            int n = 1 + rng.nextInt(6);
            int d = 1 + rng.nextInt(n);
            ZMatrixRMaj interfering = TestProblems.complexGaussian(rng, n, 1 + rng.nextInt(8), 1.0);
            ZMatrixRMaj z = new ZMatrixRMaj(n, n);
            ComplexOps.multABh(interfering, interfering, z);
            ComplexOps.addIdentity(0.1 + rng.nextDouble(), z);
            ZMatrixRMaj g = TestProblems.complexGaussian(rng, n, d, 1 + 10 * rng.nextDouble());
            ZMatrixRMaj u = new ZMatrixRMaj(1, 1);
            ZMatrixRMaj w = new ZMatrixRMaj(1, 1);
            ZMatrixRMaj uw = new ZMatrixRMaj(1, 1);
            ZMatrixRMaj f = new ZMatrixRMaj(1, 1);
            WmmseUeStep step = new WmmseUeStep(n, d);
            step.compute(z, g, u, w, uw, f);

            ZMatrixRMaj j = z.copy();
            ComplexOps.multAddABh(g, g, j);
            ZMatrixRMaj uRef = new ZMatrixRMaj(n, d);
            ComplexOps.mult(ComplexOps.invert(j), g, uRef);                  // (3a)
            ZMatrixRMaj e = new ZMatrixRMaj(d, d);
            ComplexOps.multAhB(g, uRef, e);
            ComplexOps.scale(-1, e);
            ComplexOps.addIdentity(1, e);
            ZMatrixRMaj wRef = ComplexOps.invert(e);                         // (3b)
            assertClose(uRef, u, "U");
            assertClose(wRef, w, "W");
            ZMatrixRMaj uwRef = new ZMatrixRMaj(n, d);
            ComplexOps.mult(uRef, wRef, uwRef);
            assertClose(uwRef, uw, "U W");
            ZMatrixRMaj uwu = new ZMatrixRMaj(n, n);
            ComplexOps.multABh(uwRef, uRef, uwu);
            ZMatrixRMaj ff = new ZMatrixRMaj(n, n);
            ComplexOps.multABh(f, f, ff);
            assertClose(uwu, ff, "F F^H = U W U^H");
            double rate = ComplexOps.logDetHpd(j) - ComplexOps.logDetHpd(z);
            assertEquals(rate, step.lastRateNat(), TOLERANCE * Math.max(1, rate), "log det W is the rate");
        }
    }

    private static void assertClose(ZMatrixRMaj expected, ZMatrixRMaj actual, String what) {
        assertEquals(expected.numRows, actual.numRows, what);
        assertEquals(expected.numCols, actual.numCols, what);
        double scale = 1;
        for (int e = 0; e < expected.getDataLength(); e++) {
            scale = Math.max(scale, Math.abs(expected.data[e]));
        }
        for (int e = 0; e < expected.getDataLength(); e++) {
            assertEquals(expected.data[e], actual.data[e], TOLERANCE * scale, what + " entry " + e);
        }
    }
}
