package org.netsim.simcore;

import java.util.Arrays;

/**
 * What one slot produced (DESIGN.md phase 6), published to every {@link SlotListener}. Per-UE arrays are indexed by
 * the UE's position in this slot's list (UEs may join and leave: {@link #ueId(int)} is the stable identifier).
 * Immutable: arrays are copied in and out.
 *
 * <p>Rates are evaluated on the true channel of the slot in nat/s/Hz. The effective SINR of UE u with d_u streams
 * and rate R_u is the per-stream SINR that gives the same rate, e^{R_u / d_u} - 1, in dB, floored at -100 dB (a UE
 * the precoder switched off has rate 0).
 *
 * @param slot slot index, 0-based
 * @param timeS start time of the slot in seconds
 * @param ueIds stable UE identifiers
 * @param positionXM UE x coordinates in metres
 * @param positionYM UE y coordinates in metres
 * @param speedMps UE speeds in m/s
 * @param servingCell serving cell (BS) index of each UE after this slot's association
 * @param handover whether the UE handed over in this slot
 * @param rateNat achieved rate of each UE in nat/s/Hz
 * @param sinrDb effective SINR of each UE in dB
 * @param iterations iterations the precoder ran in this slot
 * @param precoderSeconds wall-clock time of the precoding phase in seconds
 * @param rounds communication rounds (distributed mode; 0 when centralized)
 * @param messages messages delivered (distributed mode; 0 when centralized)
 * @param bytes payload bytes delivered (distributed mode; 0 when centralized)
 */
public record SlotReport(long slot, double timeS, int[] ueIds, double[] positionXM, double[] positionYM,
        double[] speedMps, int[] servingCell, boolean[] handover, double[] rateNat, double[] sinrDb, int iterations,
        double precoderSeconds, int rounds, long messages, long bytes) {

    /** Checks the per-UE arrays have one entry per UE and copies them. */
    public SlotReport {
        int n = ueIds.length;
        for (Object a : new Object[] {positionXM, positionYM, speedMps, servingCell, handover, rateNat, sinrDb}) {
            if (java.lang.reflect.Array.getLength(a) != n) {
                throw new IllegalArgumentException("slot report: per-UE arrays must all have " + n + " entries");
            }
        }
        ueIds = ueIds.clone();
        positionXM = positionXM.clone();
        positionYM = positionYM.clone();
        speedMps = speedMps.clone();
        servingCell = servingCell.clone();
        handover = handover.clone();
        rateNat = rateNat.clone();
        sinrDb = sinrDb.clone();
    }

    /** @return the number of UEs in this slot */
    public int numUes() {
        return ueIds.length;
    }

    /** @return the stable identifier of the u-th UE */
    public int ueId(int u) {
        return ueIds[u];
    }

    /**
     * @param ueId a stable UE identifier
     * @return the UE's index u in this slot's arrays, or -1 if it did not take part in this slot
     */
    public int indexOf(int ueId) {
        for (int u = 0; u < ueIds.length; u++) {
            if (ueIds[u] == ueId) {
                return u;
            }
        }
        return -1;
    }

    /** @return the rate of the u-th UE in nat/s/Hz */
    public double rateNat(int u) {
        return rateNat[u];
    }

    /** @return the number of handovers in this slot */
    public int handovers() {
        int h = 0;
        for (boolean b : handover) {
            h += b ? 1 : 0;
        }
        return h;
    }

    /** @return the sum of the UE rates in nat/s/Hz */
    public double sumRateNat() {
        double s = 0;
        for (double r : rateNat) {
            s += r;
        }
        return s;
    }

    /** @return the mean UE rate in nat/s/Hz (0 without UEs) */
    public double meanRateNat() {
        return rateNat.length == 0 ? 0 : sumRateNat() / rateNat.length;
    }

    /**
     * @return the 5th-percentile UE rate in nat/s/Hz (the "cell-edge" rate), by linear interpolation between order
     *     statistics at position 0.05 (n - 1); 0 without UEs
     */
    public double fifthPercentileRateNat() {
        if (rateNat.length == 0) {
            return 0;
        }
        double[] s = rateNat.clone();
        Arrays.sort(s);
        double pos = 0.05 * (s.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, s.length - 1);
        return s[lo] + (pos - lo) * (s[hi] - s[lo]);
    }

    /** @return Jain's fairness index (sum r)^2 / (n sum r^2) of the UE rates, in [1/n, 1]; 1 if all rates are 0 */
    public double jainFairness() {
        double s = 0;
        double s2 = 0;
        for (double r : rateNat) {
            s += r;
            s2 += r * r;
        }
        return s2 == 0 ? 1.0 : s * s / (rateNat.length * s2);
    }

    @Override
    public int[] ueIds() {
        return ueIds.clone();
    }

    @Override
    public double[] positionXM() {
        return positionXM.clone();
    }

    @Override
    public double[] positionYM() {
        return positionYM.clone();
    }

    @Override
    public double[] speedMps() {
        return speedMps.clone();
    }

    @Override
    public int[] servingCell() {
        return servingCell.clone();
    }

    @Override
    public boolean[] handover() {
        return handover.clone();
    }

    @Override
    public double[] rateNat() {
        return rateNat.clone();
    }

    @Override
    public double[] sinrDb() {
        return sinrDb.clone();
    }
}
