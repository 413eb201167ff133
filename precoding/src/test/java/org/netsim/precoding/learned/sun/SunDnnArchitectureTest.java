package org.netsim.precoding.learned.sun;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.netsim.precoding.Problem;
import org.netsim.precoding.learned.sun.SunDnnArchitecture.InputLayout;
import org.netsim.precoding.learned.sun.SunDnnArchitecture.InputTransform;

class SunDnnArchitectureTest {

    /** Features are floats: two normalisations of the same value agree to float rounding. */
    private static final double FLOAT_RELATIVE = 1e-6;

    @Test
    void paperSizes() {
        SunDnnArchitecture ic = SunDnnArchitecture.paperInterferenceChannel(10);
        assertArrayEquals(new int[] {100, 200, 200, 200, 10}, ic.widths());
        SunDnnArchitecture imac = SunDnnArchitecture.paper(3, 12);
        assertArrayEquals(new int[] {36, 200, 200, 200, 12}, imac.widths());
        assertEquals(36L * 200 + 200 + 2 * (200L * 200 + 200) + 200L * 12 + 12, imac.parameterCount());
        assertEquals(InputTransform.MAGNITUDE, imac.transform());
        assertTrue(imac.describe().startsWith("fully connected 36-200-200-200-12 on magnitude inputs"),
                imac.describe());
    }

    @Test
    void rejectsBadShapesNamingTheField() {
        assertThrows(IllegalArgumentException.class, () -> SunDnnArchitecture.paper(5, 12));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SunDnnArchitecture(4, InputLayout.ALL_LINKS, 2, new int[] {8}, InputTransform.MAGNITUDE));
        assertTrue(e.getMessage().startsWith("cells:"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> SunDnnArchitecture.paper(3, 12).withHidden(10, 0));
        assertTrue(e.getMessage().startsWith("hidden[1]:"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> InputLayout.parse("grid"));
        assertTrue(e.getMessage().contains("grid"), e.getMessage());
    }

    /**
     * The features g_kj = |h_kj| sqrt(P_j) / sigma_k are invariant to scaling P_j by c_j and sigma_k^2 by d_k
     * together with |h_kj|^2 by d_k / c_j: the SINRs, hence the WMMSE powers as fractions, are unchanged.
     */
    @Test
    void featuresAreInvariantToUnitsOfPowerAndNoise() {
        Problem p = SunSamples.icSample(5, 3, 0);
        SplittableRandom rng = new SplittableRandom(9);
        double[] c = new double[5];
        double[] d = new double[5];
        for (int i = 0; i < 5; i++) {
            c[i] = 0.1 + 10 * rng.nextDouble();
            d[i] = 1e-3 + rng.nextDouble();
        }
        ZMatrixRMaj[][] h = new ZMatrixRMaj[5][5];
        double[] power = new double[5];
        double[] noise = new double[5];
        for (int k = 0; k < 5; k++) {
            power[k] = c[k];
            noise[k] = d[k];
            for (int j = 0; j < 5; j++) {
                h[k][j] = p.channel(k, j).copy();
                double s = Math.sqrt(d[k] / c[j]);
                h[k][j].data[0] *= s;
                h[k][j].data[1] *= s;
            }
        }
        Problem scaled = p.toBuilder().bsPowerW(power).noisePowerW(noise).channels(h).build();
        SunDnnArchitecture a = SunDnnArchitecture.paperInterferenceChannel(5);
        float[] f = new float[25];
        float[] g = new float[25];
        a.features(p, f, 0);
        a.features(scaled, g, 0);
        for (int e = 0; e < 25; e++) {
            assertEquals(f[e], g[e], FLOAT_RELATIVE * f[e], "feature " + e);
            assertEquals(Math.hypot(p.channel(e / 5, e % 5).data[0], p.channel(e / 5, e % 5).data[1]), f[e],
                    FLOAT_RELATIVE * f[e], "P = sigma^2 = 1 W: the feature is |h_kj|");
        }
        float[] lg = new float[25];
        a.withTransform(InputTransform.LOG_MAGNITUDE).features(p, lg, 0);
        for (int e = 0; e < 25; e++) {
            assertEquals(Math.log(f[e]), lg[e], FLOAT_RELATIVE * Math.max(1, Math.abs(lg[e])));
        }
    }

    @Test
    void imacLayoutTakesOneRowPerCellAndChecksColocation() {
        Problem p = SunSamples.imacSample(3, 12, 4, 0);
        SunDnnArchitecture a = SunDnnArchitecture.paper(3, 12);
        float[] f = new float[36];
        a.features(p, f, 0);
        for (int c = 0; c < 3; c++) {
            for (int j = 0; j < 12; j++) {
                ZMatrixRMaj h = p.channel(4 * c + 3, j); // the last receiver of cell c: same BS as the first
                assertEquals(Math.hypot(h.data[0], h.data[1]), f[c * 12 + j], FLOAT_RELATIVE * f[c * 12 + j]);
            }
        }
        // receivers of cell 0 with different noise powers are not one BS
        double[] noise = new double[12];
        java.util.Arrays.fill(noise, 1.0);
        noise[2] = 2.0;
        Problem split = p.toBuilder().noisePowerW(noise).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.features(split, f, 0));
        assertTrue(e.getMessage().startsWith("sun-dnn: the model's input layout imac-cells (N = 3 cells of 4 links)"
                + " needs co-located receivers, but links 0 and 2 of cell 0"), e.getMessage());
        // an IC sample is not an IMAC
        assertThrows(IllegalArgumentException.class, () -> a.features(SunSamples.icSample(12, 1, 0), f, 0));
    }

    @Test
    void rejectsOtherSizesAndNonScalarProblems() {
        SunDnnArchitecture a = SunDnnArchitecture.paperInterferenceChannel(4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> a.features(SunSamples.icSample(5, 1, 0), new float[25], 0));
        assertEquals("sun-dnn: the model accepts links = 4, the problem has links = 5", e.getMessage());
        ZMatrixRMaj h = new ZMatrixRMaj(1, 2);
        Problem mimo = Problem.builder().bsAntennas(2).bsPowerW(1).ueAntennas(1).noisePowerW(1).servingBs(0)
                .channels(new ZMatrixRMaj[][] {{h}}).build();
        e = assertThrows(IllegalArgumentException.class, () -> SunDnnArchitecture.paperInterferenceChannel(1)
                .features(mimo, new float[1], 0));
        assertTrue(e.getMessage().contains("bsAntennas[0]"), e.getMessage());
    }
}
