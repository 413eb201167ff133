package org.netsim.radio.noise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.netsim.radio.ModelParams;

class NoiseModelTest {

    /** Closed forms in double precision: relative 1e-12. */
    private static final double EXACT = 1e-12;

    @Test
    void thermalNoiseFromDensityBandwidthAndNoiseFigure() {
        // -174 dBm/Hz + 70 dB (10 MHz) + 9 dB = -95 dBm = 10^(-12.5) W
        NoiseModel n = NoiseModels.create("thermal", ModelParams.of("bandwidthHz", 10e6));
        assertEquals(-95.0, ((ThermalNoise) n).noisePowerDbm(), 1e-12);
        assertEquals(Math.pow(10, -12.5), n.noisePowerW(), EXACT * Math.pow(10, -12.5));
        // k T0 at 290 K is -173.975 dBm/Hz: -174 is its rounding, to within 0.03 dB
        double kT0 = 1.380649e-23 * 290;
        ThermalNoise noNf = new ThermalNoise(-174, 1.0, 0.0);
        assertEquals(10 * Math.log10(kT0), 10 * Math.log10(noNf.noisePowerW()), 0.03);
        ThermalNoise bs = ThermalNoise.of(20e6, 5);
        assertEquals(-174 + 10 * Math.log10(20e6) + 5, bs.noisePowerDbm(), 1e-12);
    }

    @Test
    void fixedNoiseInWattsOrDbm() {
        assertEquals(1.0, NoiseModels.create("fixed", ModelParams.of("noisePowerW", 1.0)).noisePowerW());
        assertEquals(1e-3, NoiseModels.create("fixed", ModelParams.of("noisePowerDbm", 0.0)).noisePowerW(), 1e-18);
    }

    @Test
    void invalidParametersNameTheKey() {
        assertStarts("bandwidthHz", () -> NoiseModels.create("thermal", ModelParams.empty()));
        assertStarts("bandwidthHz", () -> NoiseModels.create("thermal", ModelParams.of("bandwidthHz", 0)));
        assertStarts("noiseFigureDb", () -> NoiseModels.create("thermal", ModelParams.of("bandwidthHz", 1,
                "noiseFigureDb", -1)));
        assertStarts("noisePowerW", () -> NoiseModels.create("fixed", ModelParams.of("noisePowerW", 1,
                "noisePowerDbm", 0)));
        assertStarts("noisePowerW", () -> NoiseModels.create("fixed", ModelParams.of("noisePowerW", -1)));
        assertStarts("noise", () -> NoiseModels.create("pink", ModelParams.empty()));
    }

    private static void assertStarts(String field, org.junit.jupiter.api.function.Executable e) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().startsWith(field), ex.getMessage());
    }
}
