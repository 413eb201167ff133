package org.netsim.radio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.netsim.radio.association.AssociationPolicies;
import org.netsim.radio.association.AssociationPolicy;
import org.netsim.radio.association.UeAssociation;
import org.netsim.radio.channel.LargeScaleModel;
import org.netsim.radio.csi.CsiModels;
import org.netsim.radio.csi.LinkCsi;
import org.netsim.radio.fading.FadingModels;
import org.netsim.radio.fading.FadingProcess;
import org.netsim.radio.fading.LinkFading;
import org.netsim.radio.layout.NetworkLayout;
import org.netsim.radio.layout.NetworkLayouts;
import org.netsim.radio.layout.UeDrops;
import org.netsim.radio.layout.UePlacement;
import org.netsim.radio.mobility.MobilityModel;
import org.netsim.radio.mobility.MobilityModels;
import org.netsim.radio.mobility.UeMotion;
import org.netsim.radio.pathloss.PathLossModels;
import org.netsim.radio.random.RandomStreams;
import org.netsim.radio.random.StreamNames;
import org.netsim.radio.shadowing.ShadowingModels;
import org.netsim.radio.shadowing.ShadowingProcess;
import org.netsim.radio.shadowing.UeShadowing;

/**
 * Smoke test of the per-slot recipe of the package overview: a wrapped 7-site, 21-cell layout, one UE per cell,
 * Gauss-Markov mobility, Gudmundson shadowing, sum-of-sinusoids fading, hysteresis association (3 dB, 40 slots)
 * and delayed CSI over 200 slots of 1 ms. Checks the invariants that tie the models together and that the run is
 * reproducible.
 */
class RadioSlotLoopTest {

    private static final int N = 2;
    private static final int M = 8;
    private static final double DT = 1e-3;

    /** One run; returns a digest of every channel entry and serving cell. */
    private static double run(long seed, List<Integer> servingOut) {
        RandomStreams streams = new RandomStreams(seed);
        NetworkLayout layout = NetworkLayouts.create("hexagonal", ModelParams.of("numSites", 7, "sectorsPerSite", 3,
                "wrapAround", true, "interSiteDistanceM", 500));
        List<UePlacement> drop = UeDrops.create("per-cell", ModelParams.of("uesPerCell", 1, "minDistanceM", 35))
                .drop(layout, streams.stream(StreamNames.DROP));
        MobilityModel mobility = MobilityModels.create("gauss-markov", ModelParams.of("meanSpeedKmh", 60));
        ShadowingProcess shadowing = ShadowingModels.process("gudmundson", ModelParams.empty());
        FadingProcess fading = FadingModels.process("sum-of-sinusoids", ModelParams.of("bsCorrelation", 0.5));
        AssociationPolicy policy = AssociationPolicies.create("hysteresis", ModelParams.empty());
        LargeScaleModel largeScale = new LargeScaleModel(layout, PathLossModels.byName("macro-3gpp"), 10.0);
        int ues = drop.size();
        int cells = layout.numCells();
        List<UeMotion> motion = new ArrayList<>();
        List<UeShadowing> shadow = new ArrayList<>();
        List<UeAssociation> assoc = new ArrayList<>();
        LinkFading[][] fade = new LinkFading[ues][cells];
        LinkCsi[][] csi = new LinkCsi[ues][cells];
        double[] gains = new double[cells];
        for (int i = 0; i < ues; i++) {
            int ue = i;
            motion.add(mobility.start(drop.get(i).position(), layout.area(), streams.stream(StreamNames.mobility(i))));
            shadow.add(shadowing.start(layout.numSites(), streams.stream(StreamNames.shadowingUe(i)),
                    s -> streams.stream(StreamNames.shadowingLink(ue, s))));
            largeScale.gainsDb(motion.get(i).position(), shadow.get(i), gains);
            assoc.add(policy.start(gains));
            for (int c = 0; c < cells; c++) {
                fade[i][c] = fading.newLink(N, M, streams.stream(StreamNames.fadingLink(i, c)));
                csi[i][c] = CsiModels.create("delayed", ModelParams.of("delaySlots", 3)).newLink(N, M, null);
            }
        }
        ZMatrixRMaj h = new ZMatrixRMaj(N, M);
        ZMatrixRMaj hHat = new ZMatrixRMaj(N, M);
        double digest = 0;
        for (int t = 0; t < 200; t++) {
            for (int i = 0; i < ues; i++) {
                UeMotion u = motion.get(i);
                double moved = u.step(DT);
                assertTrue(layout.area().contains(u.position()));
                shadow.get(i).advance(moved);
                largeScale.gainsDb(u.position(), shadow.get(i), gains);
                for (int c = 0; c < cells; c++) {
                    fade[i][c].next(DT, u.speedMps(), h);
                    LargeScaleModel.scaleInPlace(h, gains[c]);
                    csi[i][c].update(h, Units.dbToLinear(gains[c]), hHat);
                    for (double x : hHat.data) {
                        assertTrue(Double.isFinite(x));
                        digest += Math.abs(x);
                    }
                }
                UeAssociation a = assoc.get(i);
                a.update(gains);
                double best = Double.NEGATIVE_INFINITY;
                for (double g : gains) {
                    best = Math.max(best, g);
                }
                // within the 3 dB hysteresis of the best cell, plus what the gains can drift during the 40-slot time
                // to trigger (0.7 m at 60 km/h: shadowing differences of about 1.3 dB rms): 3 dB margin
                assertTrue(gains[a.servingCell()] >= best - 3.0 - 3.0, "serving cell " + a.servingCell() + " at "
                        + gains[a.servingCell()] + " dB, best " + best + " dB");
            }
        }
        for (UeAssociation a : assoc) {
            servingOut.add(a.servingCell());
        }
        return digest;
    }

    @Test
    void slotLoopRunsAndIsReproducible() {
        List<Integer> a = new ArrayList<>();
        List<Integer> b = new ArrayList<>();
        double d1 = run(7, a);
        double d2 = run(7, b);
        assertEquals(d1, d2, 0.0, "same seed, same channels");
        assertEquals(a, b);
        assertEquals(21, a.size());
        assertTrue(d1 > 0);
    }
}
