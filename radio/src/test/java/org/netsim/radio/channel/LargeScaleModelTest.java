package org.netsim.radio.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.netsim.radio.ModelParams;
import org.netsim.radio.Units;
import org.netsim.radio.fading.FadingModels;
import org.netsim.radio.fading.FadingProcess;
import org.netsim.radio.fading.LinkFading;
import org.netsim.radio.geometry.Position;
import org.netsim.radio.layout.NetworkLayout;
import org.netsim.radio.layout.NetworkLayouts;
import org.netsim.radio.pathloss.PathLossModel;
import org.netsim.radio.pathloss.PathLossModels;
import org.netsim.radio.random.RandomStreams;
import org.netsim.radio.shadowing.ShadowingModels;
import org.netsim.radio.shadowing.ShadowingProcess;
import org.netsim.radio.shadowing.UeShadowing;

class LargeScaleModelTest {

    /** Statistical tolerances: 5 standard errors (the seeds are fixed). */
    private static final double Z = 5.0;

    /**
     * Mean received power versus distance follows the path-loss model. UEs at distance d from the site of a
     * one-site layout walk a circle around it (constant distance) at 30 km/h for 2 s of 1 ms slots, with
     * Gudmundson shadowing (8 dB) and AR(1) fading; the channel is H = sqrt(10^(G/10)) H_small. Per UE the
     * time-average received power ||H||^2 / (N M) is estimated, and over 300 independent UEs (i) the mean in dB of
     * the large-scale gain is -PL(d) (shadowing is zero-mean in dB) and (ii) the mean ratio of the received power
     * to the large-scale gain is 1 (unit-power fading). 5 SE of the means over UEs.
     */
    @Test
    void meanReceivedPowerVersusDistanceMatchesThePathLoss() {
        NetworkLayout layout = NetworkLayouts.create("hexagonal", ModelParams.of("numSites", 1,
                "interSiteDistanceM", 2000));
        PathLossModel pl = PathLossModels.byName("macro-3gpp");
        LargeScaleModel ls = new LargeScaleModel(layout, pl, 1.0);
        ShadowingProcess shadowing = ShadowingModels.process("gudmundson", ModelParams.empty());
        FadingProcess fading = FadingModels.process("ar1", ModelParams.empty());
        double speed = 30 / 3.6;
        double dt = 1e-3;
        for (double d : new double[] {50, 150, 400, 900}) {
            int ues = 300;
            double[] gainDb = new double[ues];
            double[] ratio = new double[ues];
            for (int ue = 0; ue < ues; ue++) {
                RandomStreams streams = new RandomStreams(111).child("d" + d);
                String link = ue + "/";
                UeShadowing sh = shadowing.start(1, streams.stream("shadowing/ue/" + ue),
                        s -> streams.stream("shadowing/link/" + link + s));
                LinkFading f = fading.newLink(2, 4, streams.stream("fading/link/" + ue + "/0"));
                ZMatrixRMaj h = new ZMatrixRMaj(2, 4);
                RandomGenerator start = streams.stream("mobility/ue/" + ue);
                double phi = 2 * Math.PI * start.nextDouble();
                double sumG = 0;
                double sumP = 0;
                int slots = 2000;
                for (int t = 0; t < slots; t++) {
                    phi += speed * dt / d;
                    sh.advance(speed * dt);
                    f.next(dt, speed, h);
                    double g = ls.gainDb(Position.polar(d, phi), 0, sh);
                    double beta = Units.dbToLinear(g);
                    double p = 0;
                    for (double x : h.data) {
                        p += x * x;
                    }
                    sumG += g;
                    sumP += beta * p / 8;
                    ratio[ue] += p / 8 / slots;
                }
                gainDb[ue] = sumG / slots;
                assertTrue(sumP > 0);
            }
            assertEquals(-pl.lossDb(d), mean(gainDb), Z * se(gainDb), "mean large-scale gain in dB at " + d + " m");
            assertEquals(1.0, mean(ratio), Z * se(ratio), "fading has unit mean power at " + d + " m");
        }
    }

    /** With wrap-around and sectors the gain uses the wrapped distance and the antenna pattern towards the image. */
    @Test
    void gainsUseWrappedGeometryAndSectorPattern() {
        NetworkLayout layout = NetworkLayouts.create("hexagonal", ModelParams.of("numSites", 7, "sectorsPerSite", 3,
                "wrapAround", true, "interSiteDistanceM", 500));
        PathLossModel pl = PathLossModels.byName("macro-3gpp");
        LargeScaleModel ls = new LargeScaleModel(layout, pl, 10.0);
        RandomGenerator rng = new RandomStreams(112).stream("p");
        double[] g = new double[21];
        for (int t = 0; t < 500; t++) {
            Position p = layout.area().uniformPoint(rng);
            ls.gainsDb(p, null, g);
            for (int c = 0; c < 21; c++) {
                int site = c / 3;
                double d = Math.max(layout.distanceM(site, p), 10.0);
                assertEquals(-pl.lossDb(d) + layout.antennaGainDb(c, p), g[c], 1e-9);
                assertTrue(layout.antennaGainDb(c, p) <= 0 && layout.antennaGainDb(c, p) >= -20);
            }
        }
        assertEquals(-pl.lossDb(10.0) + 0.0, ls.gainDb(Position.polar(1e-3, Math.toRadians(30)), 0, null), 1e-9,
                "distances are clamped at d_min");
        assertThrows(IllegalArgumentException.class, () -> ls.gainsDb(Position.ORIGIN, null, new double[3]));
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    private static double se(double[] x) {
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / (x.length - 1) / x.length);
    }
}
