package org.netsim.precoding.gcn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.netsim.precoding.TestProblems;
import org.netsim.precoding.linalg.ComplexOps;

/** The downlink GCN (13), (14) with skip connections against its matrix form, modReLU, and the classic taps. */
class DownlinkBeamformerGcnTest {

    /** The same sums in another order (matrix products instead of fused row loops): a few eps normwise. */
    private static final double TOLERANCE = 1e-14;

    @Test
    void modReluGainIsEq14() {
        // modReLU(x, b) = (|x| + b) x / |x| for |x| + b > 0, else 0
        assertEquals(0.6, DownlinkBeamformerGcn.modReluGain(5, -2), 1e-16);
        assertEquals(2.5, DownlinkBeamformerGcn.modReluGain(2, 3), 1e-16);
        assertEquals(1.0, DownlinkBeamformerGcn.modReluGain(7, 0), 0.0);
        assertEquals(0.0, DownlinkBeamformerGcn.modReluGain(5, -5), 0.0);
        assertEquals(0.0, DownlinkBeamformerGcn.modReluGain(5, -6), 0.0);
        assertEquals(0.0, DownlinkBeamformerGcn.modReluGain(0, 1), 0.0, "the direction of 0 is undefined");
        assertEquals(5e-200, DownlinkBeamformerGcn.magnitude(3e-200, -4e-200), 1e-215);
        assertEquals(5e200, DownlinkBeamformerGcn.magnitude(-3e200, 4e200), 1e185);
        assertEquals(5, DownlinkBeamformerGcn.magnitude(3, 4), 0.0);
    }

    @Test
    void matchesTheMatrixFormWithSkipConnections() {
        SplittableRandom rng = new SplittableRandom(8);
        int f = 3;
        GcnWmmseWeights w = GcnTestSupport.randomWeights(9, 3, 2, f, 1.0, 1.0);
        for (int trial = 0; trial < 30; trial++) {
            int m = 1 + rng.nextInt(5);
            int d = 1 + rng.nextInt(3);
            double beta = 0.2 + rng.nextDouble();
            ZMatrixRMaj y = TestProblems.complexGaussian(rng, m, d, 1.0);
            ZMatrixRMaj cand = TestProblems.complexGaussian(rng, m, d, 1.0);
            ZMatrixRMaj skip = TestProblems.complexGaussian(rng, m, d * f, 1.0);
            for (int layer : new int[] {0, 2}) {
                ZMatrixRMaj out = y.copy();
                ZMatrixRMaj skipOut = skip.copy();
                new DownlinkBeamformerGcn(f).apply(out, cand, skipOut, w, layer, beta);
                for (int s = 0; s < d; s++) {
                    // P = y_s a1^T + v~_s a0^T (+ P_prev D)       [m x F]
                    ZMatrixRMaj p = outer(column(y, s), row(w, layer, true));
                    add(outer(column(cand, s), row(w, layer, false)), p);
                    if (layer > 0) {
                        ZMatrixRMaj dm = new ZMatrixRMaj(f, f);
                        for (int a = 0; a < f; a++) {
                            for (int b = 0; b < f; b++) {
                                dm.set(a, b, w.skipRe(layer, a, b), w.skipIm(layer, a, b));
                            }
                        }
                        ZMatrixRMaj t = new ZMatrixRMaj(m, f);
                        ComplexOps.mult(block(skip, s, f), dm, t);
                        add(t, p);
                    }
                    assertTrue(GcnTestSupport.relativeError(new ZMatrixRMaj[] {block(skipOut, s, f)},
                            new ZMatrixRMaj[] {p}) <= TOLERANCE, "skip state P of stream " + s);
                    // modReLU(P, beta 1 b^T) c                       [m x 1]
                    ZMatrixRMaj act = new ZMatrixRMaj(m, f);
                    for (int r = 0; r < m; r++) {
                        for (int q = 0; q < f; q++) {
                            double xr = p.getReal(r, q);
                            double xi = p.getImag(r, q);
                            double mag = Math.hypot(xr, xi);
                            double b = beta * w.bias(layer, q);
                            if (mag + b > 0) {
                                act.set(r, q, (mag + b) * xr / mag, (mag + b) * xi / mag);
                            }
                        }
                    }
                    ZMatrixRMaj c = new ZMatrixRMaj(f, 1);
                    for (int q = 0; q < f; q++) {
                        c.set(q, 0, w.recombRe(layer, q), w.recombIm(layer, q));
                    }
                    ZMatrixRMaj expected = new ZMatrixRMaj(m, 1);
                    ComplexOps.mult(act, c, expected);
                    assertTrue(GcnTestSupport.relativeError(new ZMatrixRMaj[] {column(out, s)},
                            new ZMatrixRMaj[] {expected}) <= TOLERANCE, "trial " + trial + " layer " + layer
                            + " stream " + s);
                }
            }
        }
    }

    @Test
    void classicTapsPassTheFilteredCandidateThroughUnchanged() {
        SplittableRandom rng = new SplittableRandom(10);
        GcnWmmseWeights w = GcnWmmseWeights.classicWmmse(2, 2, 4);
        ZMatrixRMaj y = TestProblems.complexGaussian(rng, 5, 2, 1.0);
        ZMatrixRMaj out = y.copy();
        ZMatrixRMaj skip = new ZMatrixRMaj(5, 8);
        new DownlinkBeamformerGcn(4).apply(out, TestProblems.complexGaussian(rng, 5, 2, 1.0), skip, w, 0, 0.7);
        assertArrayEquals(y.data, out.data, 0.0);
        new DownlinkBeamformerGcn(4).apply(out, TestProblems.complexGaussian(rng, 5, 2, 1.0), skip, w, 1, 0.7);
        assertArrayEquals(y.data, out.data, 0.0, "with the (zero) skip matrices of layer 2");
    }

    private static ZMatrixRMaj column(ZMatrixRMaj a, int c) {
        ZMatrixRMaj out = new ZMatrixRMaj(a.numRows, 1);
        for (int r = 0; r < a.numRows; r++) {
            out.set(r, 0, a.getReal(r, c), a.getImag(r, c));
        }
        return out;
    }

    /** Columns s F .. s F + F - 1 of the skip state: P of stream s. */
    private static ZMatrixRMaj block(ZMatrixRMaj skip, int s, int f) {
        ZMatrixRMaj out = new ZMatrixRMaj(skip.numRows, f);
        for (int r = 0; r < skip.numRows; r++) {
            for (int q = 0; q < f; q++) {
                out.set(r, q, skip.getReal(r, s * f + q), skip.getImag(r, s * f + q));
            }
        }
        return out;
    }

    /** a_{V,l1}^T (inverse = true) or a_{V,l0}^T as a 1 x F row. */
    private static ZMatrixRMaj row(GcnWmmseWeights w, int l, boolean inverse) {
        ZMatrixRMaj out = new ZMatrixRMaj(1, w.features());
        for (int q = 0; q < w.features(); q++) {
            out.set(0, q, inverse ? w.inverseTapRe(l, q) : w.loadTapRe(l, q),
                    inverse ? w.inverseTapIm(l, q) : w.loadTapIm(l, q));
        }
        return out;
    }

    private static ZMatrixRMaj outer(ZMatrixRMaj col, ZMatrixRMaj row) {
        ZMatrixRMaj out = new ZMatrixRMaj(col.numRows, row.numCols);
        ComplexOps.mult(col, row, out);
        return out;
    }

    private static void add(ZMatrixRMaj a, ZMatrixRMaj target) {
        for (int e = 0; e < a.getDataLength(); e++) {
            target.data[e] += a.data[e];
        }
    }
}
