package org.netsim.radio.association;

import java.util.Arrays;

/**
 * Strongest-cell association with hysteresis and time-to-trigger, the A3-event handover of LTE/NR (3GPP TS 36.331,
 * Sec. 5.5.4.4, with offsets and cell-individual offsets 0): a neighbour cell n enters the condition when
 *
 * <pre>
 *   G_n &gt; G_serving + H          (H: hysteresis, dB)
 * </pre>
 *
 * and the UE hands over when some neighbour's condition has held in every one of the last TTT + 1 consecutive slots
 * (TTT: time to trigger in slots; 0 hands over in the first slot); among such neighbours it takes the currently
 * strongest. Each neighbour has its own timer (reset whenever its condition fails); all timers reset at a handover.
 * With H = 0 and TTT = 0 this is plain strongest-cell association (ties keep the serving cell). At the start the UE
 * attaches to the strongest cell. Immutable.
 *
 * @param hysteresisDb H in dB, finite and &gt;= 0
 * @param timeToTriggerSlots TTT in slots, &gt;= 0
 */
public record HysteresisAssociation(double hysteresisDb, int timeToTriggerSlots) implements AssociationPolicy {

    /** Strongest cell, no hysteresis, no time to trigger. */
    public static final HysteresisAssociation STRONGEST = new HysteresisAssociation(0, 0);

    public HysteresisAssociation {
        if (!(hysteresisDb >= 0) || Double.isInfinite(hysteresisDb)) {
            throw new IllegalArgumentException("hysteresisDb: must be finite and >= 0, got " + hysteresisDb);
        }
        if (timeToTriggerSlots < 0) {
            throw new IllegalArgumentException("timeToTriggerSlots: must be >= 0, got " + timeToTriggerSlots);
        }
    }

    @Override
    public String name() {
        return hysteresisDb == 0 && timeToTriggerSlots == 0 ? "strongest" : "hysteresis";
    }

    @Override
    public UeAssociation start(double[] gainsDb) {
        check(gainsDb, -1);
        return new State(gainsDb);
    }

    private static void check(double[] gainsDb, int expected) {
        if (gainsDb == null || gainsDb.length == 0) {
            throw new IllegalArgumentException("gainsDb: must hold one gain per cell");
        }
        if (expected >= 0 && gainsDb.length != expected) {
            throw new IllegalArgumentException("gainsDb: must have " + expected + " cells, got " + gainsDb.length);
        }
        for (int c = 0; c < gainsDb.length; c++) {
            if (Double.isNaN(gainsDb[c]) || gainsDb[c] == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("gainsDb: cell " + c + " has gain " + gainsDb[c]);
            }
        }
    }

    private static int strongest(double[] g) {
        int best = 0;
        for (int c = 1; c < g.length; c++) {
            if (g[c] > g[best]) {
                best = c;
            }
        }
        return best;
    }

    private final class State implements UeAssociation {

        private final int[] heldSlots;
        private int serving;
        private int handovers;

        State(double[] gainsDb) {
            heldSlots = new int[gainsDb.length];
            serving = strongest(gainsDb);
        }

        @Override
        public int servingCell() {
            return serving;
        }

        @Override
        public int handovers() {
            return handovers;
        }

        @Override
        public boolean update(double[] gainsDb) {
            check(gainsDb, heldSlots.length);
            double threshold = gainsDb[serving] + hysteresisDb;
            int target = -1;
            for (int c = 0; c < gainsDb.length; c++) {
                if (c != serving && gainsDb[c] > threshold) {
                    heldSlots[c]++;
                    if (heldSlots[c] > timeToTriggerSlots && (target < 0 || gainsDb[c] > gainsDb[target])) {
                        target = c;
                    }
                } else {
                    heldSlots[c] = 0;
                }
            }
            if (target < 0) {
                return false;
            }
            serving = target;
            handovers++;
            Arrays.fill(heldSlots, 0);
            return true;
        }
    }
}
