package org.netsim.radio.channel;

import org.ejml.data.ZMatrixRMaj;
import org.netsim.radio.geometry.Position;
import org.netsim.radio.layout.Cell;
import org.netsim.radio.layout.NetworkLayout;
import org.netsim.radio.pathloss.PathLossModel;
import org.netsim.radio.shadowing.UeShadowing;

/**
 * The large-scale gain of every UE-cell link, the input of association and the variance of the link's channel
 * entries:
 *
 * <pre>
 *   G_c(p) = -PL( max(d_s(p), d_min) ) - S_s + A_c(p)         [dB],   s = site of cell c
 * </pre>
 *
 * with d_s the (wrap-around) horizontal distance from site s to the UE at p ({@link NetworkLayout#distanceM}), PL
 * the path loss, S_s the UE's shadowing towards site s (shared by the site's sectors), A_c the cell's antenna gain
 * towards p ({@link NetworkLayout#antennaGainDb}). Distances below d_min are clamped (a UE walking over a site
 * would otherwise see an unbounded gain; combine with {@link org.netsim.radio.pathloss.MinimumCouplingLoss} for an
 * MCL). The channel of link (i, c) is then H = sqrt(10^(G_c / 10)) H_small with unit-power small-scale fading, so
 * E|h_nm|^2 = 10^(G_c / 10). Immutable.
 *
 * @param layout the network
 * @param pathLoss the path-loss law
 * @param minDistanceM d_min in metres, &gt; 0
 */
public record LargeScaleModel(NetworkLayout layout, PathLossModel pathLoss, double minDistanceM) {

    public LargeScaleModel {
        if (layout == null) {
            throw new IllegalArgumentException("layout: must not be null");
        }
        if (pathLoss == null) {
            throw new IllegalArgumentException("pathLoss: must not be null");
        }
        if (!(minDistanceM > 0) || Double.isInfinite(minDistanceM)) {
            throw new IllegalArgumentException("minDistanceM: must be finite and > 0, got " + minDistanceM);
        }
    }

    /**
     * @param ue the UE's position
     * @param cell the cell index
     * @param shadowing the UE's shadowing state, or null for none
     * @return G_c in dB
     */
    public double gainDb(Position ue, int cell, UeShadowing shadowing) {
        Cell c = layout.cells().get(cell);
        double d = Math.max(layout.distanceM(c.site(), ue), minDistanceM);
        double s = shadowing == null ? 0 : shadowing.db(c.site());
        return -pathLoss.lossDb(d) - s + layout.antennaGainDb(cell, ue);
    }

    /**
     * Scales a unit-power small-scale channel by the large-scale amplitude: H &lt;- sqrt(10^(G / 10)) H.
     *
     * @param h modified
     * @param gainDb G in dB
     */
    public static void scaleInPlace(ZMatrixRMaj h, double gainDb) {
        double a = Math.pow(10.0, gainDb / 20.0);
        double[] d = h.data;
        int len = h.getDataLength();
        for (int e = 0; e < len; e++) {
            d[e] *= a;
        }
    }

    /**
     * Writes G_c for every cell.
     *
     * @param out modified; length = number of cells
     */
    public void gainsDb(Position ue, UeShadowing shadowing, double[] out) {
        if (out == null || out.length != layout.numCells()) {
            throw new IllegalArgumentException("out: must have " + layout.numCells() + " entries, got "
                    + (out == null ? "null" : out.length));
        }
        if (shadowing != null && shadowing.numSites() != layout.numSites()) {
            throw new IllegalArgumentException("shadowing: must cover " + layout.numSites() + " sites, got "
                    + shadowing.numSites());
        }
        for (int c = 0; c < out.length; c++) {
            out[c] = gainDb(ue, c, shadowing);
        }
    }
}
