package org.netsim.radio.pathloss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.netsim.radio.random.RandomStreams;
import org.netsim.radio.shadowing.LogNormalShadowing;

class PathLossModelTest {

    /** Closed forms are evaluated in double precision: 1e-9 dB is far below any modelling significance. */
    private static final double EXACT_DB = 1e-9;

    @Test
    void macroMatchesTheFormulaInKilometres() {
        PathLossModel m = PathLossModels.byName("macro-3gpp");
        assertEquals(128.1, m.lossDb(1000.0), EXACT_DB);
        assertEquals(128.1 - 37.6, m.lossDb(100.0), EXACT_DB);
        assertEquals(128.1 + 37.6 * Math.log10(0.25), m.lossDb(250.0), EXACT_DB);
        assertEquals(Math.pow(10, -12.81), m.gain(1000.0), 1e-24);
    }

    @Test
    void picocellModels() {
        assertEquals(27.9 + 36.7, PathLossModels.byName("pico-gcnwmmse").lossDb(10.0), EXACT_DB);
        assertEquals(138.0, PathLossModels.byName("pico-gcnwmmse").lossDb(1000.0), EXACT_DB);
        assertEquals(140.7, PathLossModels.byName("pico-3gpp").lossDb(1000.0), EXACT_DB);
        assertEquals(140.7 - 36.7, PathLossModels.byName("pico-3gpp").lossDb(100.0), EXACT_DB);
    }

    @Test
    void sunImacGainIsTwoHundredOverDCubed() {
        PathLossModel m = PathLossModels.byName("sun-imac");
        for (double d : new double[] {1.0, 37.5, 100.0, 200.0, 515.0}) {
            double expected = Math.pow(200.0 / d, 3);
            assertEquals(expected, m.gain(d), 1e-12 * expected, "d = " + d);
        }
    }

    @Test
    void logDistanceIsMonotoneWithTheGivenSlope() {
        LogDistancePathLoss m = new LogDistancePathLoss("test", 40.0, 1.0, 3.5);
        assertEquals(40.0, m.lossDb(1.0), EXACT_DB);
        assertEquals(35.0, m.lossDb(100.0) - m.lossDb(10.0), EXACT_DB);
        assertTrue(m.lossDb(20.0) > m.lossDb(19.0));
    }

    @Test
    void minimumCouplingLossFloorsCloseLinksOnly() {
        PathLossModel m = new MinimumCouplingLoss(LogDistancePathLoss.macro3gpp(), 70.0);
        assertEquals(70.0, m.lossDb(1.0), EXACT_DB);
        assertEquals(128.1, m.lossDb(1000.0), EXACT_DB);
    }

    @Test
    void invalidArgumentsNameTheField() {
        PathLossModel m = LogDistancePathLoss.macro3gpp();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.lossDb(0.0));
        assertTrue(e.getMessage().startsWith("distanceM"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> m.lossDb(Double.NaN));
        e = assertThrows(IllegalArgumentException.class, () -> new LogDistancePathLoss("x", 1, 0, 2));
        assertTrue(e.getMessage().startsWith("referenceDistanceM"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PathLossModels.byName("nope"));
        assertTrue(e.getMessage().contains("macro-3gpp") && e.getMessage().contains("sun-imac"), e.getMessage());
    }

    @Test
    void parametrisedModelsByName() {
        PathLossModel ld = PathLossModels.create("log-distance", org.netsim.radio.ModelParams.of("referenceLossDb", 30,
                "exponent", 3.5));
        assertEquals(30 + 35, ld.lossDb(10.0), EXACT_DB);
        // Friis at 2 GHz and 100 m: 20 log10(4 pi 100 2e9 / c) = 78.46 dB
        PathLossModel fs = PathLossModels.create("free-space", org.netsim.radio.ModelParams.of("carrierHz", 2e9));
        assertEquals(20 * Math.log10(4 * Math.PI * 100 * 2e9 / 299_792_458.0), fs.lossDb(100.0), EXACT_DB);
        assertEquals(78.46, fs.lossDb(100.0), 0.01);
        PathLossModel mcl = PathLossModels.create("macro-3gpp", org.netsim.radio.ModelParams.of("minimumCouplingLossDb",
                70));
        assertEquals(70.0, mcl.lossDb(1.0), EXACT_DB);
        assertEquals(128.1, mcl.lossDb(1000.0), EXACT_DB);
        for (String n : PathLossModels.names()) {
            assertEquals(PathLossModels.byName(n).lossDb(123.0),
                    PathLossModels.create(n, org.netsim.radio.ModelParams.empty()).lossDb(123.0), EXACT_DB);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PathLossModels.create("log-distance", org.netsim.radio.ModelParams.of("exponent", 3)));
        assertTrue(e.getMessage().startsWith("referenceLossDb"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> PathLossModels.create("macro-3gpp", org.netsim.radio.ModelParams.of("exponent", 3)));
        assertTrue(e.getMessage().startsWith("exponent"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> PathLossModels.create("uma", org.netsim.radio.ModelParams.empty()));
        assertTrue(e.getMessage().contains("free-space") && e.getMessage().contains("log-distance"), e.getMessage());
    }

    /**
     * The mean of the shadowed path gain in dB at a fixed distance is -PL(d) (the shadowing has zero mean in dB).
     * With n = 40000 draws of sigma = 8 dB, the standard error of the mean is 0.04 dB; tolerance 5 standard errors.
     */
    @Test
    void meanShadowedGainInDbEqualsMinusPathLoss() {
        RandomGenerator rng = new RandomStreams(7).stream("test/pathloss");
        LogNormalShadowing sh = new LogNormalShadowing(8.0);
        int n = 40_000;
        for (String name : PathLossModels.names()) {
            PathLossModel m = PathLossModels.byName(name);
            double d = 150.0;
            double sum = 0;
            for (int t = 0; t < n; t++) {
                sum += 10 * Math.log10(m.gain(d) * sh.drawGain(rng));
            }
            double standardError = 8.0 / Math.sqrt(n);
            assertEquals(-m.lossDb(d), sum / n, 5 * standardError, name);
        }
    }
}
