package org.netsim.radio.association;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.netsim.radio.ModelParams;
import org.netsim.radio.channel.LargeScaleModel;
import org.netsim.radio.geometry.Position;
import org.netsim.radio.layout.NetworkLayout;
import org.netsim.radio.layout.NetworkLayouts;
import org.netsim.radio.pathloss.PathLossModels;
import org.netsim.radio.random.RandomStreams;
import org.netsim.radio.shadowing.ShadowingModels;
import org.netsim.radio.shadowing.UeShadowing;

class AssociationTest {

    private final NetworkLayout corridor = NetworkLayouts.create("two-sites", ModelParams.of("distanceM", 500));
    private final LargeScaleModel largeScale = new LargeScaleModel(corridor, PathLossModels.byName("macro-3gpp"), 1.0);

    /**
     * A UE oscillating +-2 m across the cell border (no shadowing): strongest-cell association hands over at every
     * crossing (ping-pong); a 3 dB hysteresis, far above the 0.26 dB gain difference at +-2 m, never hands over.
     */
    @Test
    void hysteresisStopsPingPongAcrossTheBorder() {
        AssociationPolicy plain = AssociationPolicies.create("strongest", ModelParams.empty());
        AssociationPolicy hyst = AssociationPolicies.create("hysteresis", ModelParams.of("hysteresisDb", 3,
                "timeToTriggerSlots", 0));
        double[] g = new double[2];
        largeScale.gainsDb(new Position(248, 10), null, g);
        UeAssociation a = plain.start(g);
        UeAssociation b = hyst.start(g);
        assertEquals(0, a.servingCell());
        int slots = 10_000;
        int crossings = 0;
        double prevX = 248;
        for (int t = 1; t <= slots; t++) {
            double x = 250 - 2 * Math.cos(2 * Math.PI * (t + 0.5) / 200.0); // never exactly on the border
            if ((prevX - 250) * (x - 250) < 0) {
                crossings++;
            }
            prevX = x;
            largeScale.gainsDb(new Position(x, 10), null, g);
            a.update(g);
            b.update(g);
            assertEquals(x < 250 ? 0 : 1, a.servingCell(), "strongest cell at x = " + x);
        }
        assertEquals(crossings, a.handovers(), "one handover per crossing");
        assertEquals(100, crossings);
        assertEquals(0, b.handovers());
    }

    /**
     * A UE walking back and forth along the border of two cells (the perpendicular bisector, 4 km in total at
     * 8 cm per slot) with Gudmundson shadowing (8 dB, 50 m, site correlation 0.5): the shadowing difference
     * between the two links wanders around 0 and strongest-cell association ping-pongs at every wiggle near a
     * crossing; 3 dB hysteresis with a 40-slot time to trigger hands over far less often.
     */
    @Test
    void hysteresisAndTimeToTriggerReduceHandoversAlongTheBorder() {
        AssociationPolicy plain = AssociationPolicies.create("strongest", ModelParams.empty());
        AssociationPolicy hyst = AssociationPolicies.create("hysteresis", ModelParams.of("hysteresisDb", 3,
                "timeToTriggerSlots", 40));
        RandomStreams streams = new RandomStreams(101);
        UeShadowing sh = ShadowingModels.process("gudmundson", ModelParams.empty()).start(2,
                streams.stream("shadowing/ue/0"), s -> streams.stream("shadowing/link/0/" + s));
        double[] g = new double[2];
        double y = -200;
        double step = 0.08;
        double dir = 1;
        largeScale.gainsDb(new Position(250, y), sh, g);
        UeAssociation a = plain.start(g);
        UeAssociation b = hyst.start(g);
        for (int t = 0; t < 50_000; t++) {
            y += dir * step;
            if (Math.abs(y) > 200) {
                dir = -dir;
                y += 2 * dir * step;
            }
            sh.advance(step);
            largeScale.gainsDb(new Position(250, y), sh, g);
            a.update(g);
            b.update(g);
        }
        assertTrue(a.handovers() > 50, "ping-pong without hysteresis: " + a.handovers());
        assertTrue(b.handovers() * 10 < a.handovers(), "hysteresis " + b.handovers() + " vs " + a.handovers());
    }

    /** The neighbour must stay better by the hysteresis for TTT + 1 consecutive slots. */
    @Test
    void timeToTriggerDelaysTheHandover() {
        AssociationPolicy p = new HysteresisAssociation(2.0, 5);
        UeAssociation u = p.start(new double[] {-80, -90, -95});
        assertEquals(0, u.servingCell());
        // a 5-slot excursion of cell 1 above -80 + 2: no handover
        for (int t = 0; t < 5; t++) {
            assertFalse(u.update(new double[] {-80, -77, -95}));
        }
        assertFalse(u.update(new double[] {-80, -79, -95}), "within the hysteresis: the timer resets");
        for (int t = 0; t < 5; t++) {
            assertFalse(u.update(new double[] {-80, -77, -95}), "slot " + t);
        }
        assertTrue(u.update(new double[] {-80, -77, -95}), "the 6th consecutive slot triggers");
        assertEquals(1, u.servingCell());
        assertEquals(1, u.handovers());
        // ties and small gains keep the serving cell
        assertFalse(u.update(new double[] {-76, -77, -95}));
        assertEquals(1, u.servingCell());
    }

    @Test
    void strongestPicksTheBestCellAtOnce() {
        UeAssociation u = HysteresisAssociation.STRONGEST.start(new double[] {-90, -85, -99});
        assertEquals(1, u.servingCell());
        assertTrue(u.update(new double[] {-90, -85, -84}));
        assertEquals(2, u.servingCell());
        assertFalse(u.update(new double[] {-90, -84, -84}), "a tie keeps the serving cell");
        assertEquals(1, u.handovers());
    }

    @Test
    void invalidArgumentsNameTheField() {
        assertStarts("hysteresisDb", () -> AssociationPolicies.create("hysteresis", ModelParams.of("hysteresisDb", -1)));
        assertStarts("timeToTriggerSlots", () -> AssociationPolicies.create("hysteresis",
                ModelParams.of("timeToTriggerSlots", 1.5)));
        assertStarts("hysteresisDb", () -> AssociationPolicies.create("strongest", ModelParams.of("hysteresisDb", 1)));
        assertStarts("association", () -> AssociationPolicies.create("random", ModelParams.empty()));
        UeAssociation u = HysteresisAssociation.STRONGEST.start(new double[] {1, 2});
        assertStarts("gainsDb", () -> u.update(new double[] {1, 2, 3}));
        assertStarts("gainsDb", () -> u.update(new double[] {1, Double.NaN}));
    }

    private static void assertStarts(String field, org.junit.jupiter.api.function.Executable e) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().startsWith(field), ex.getMessage());
    }
}
