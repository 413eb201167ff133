package org.netsim.simcore;

import org.netsim.radio.association.AssociationPolicy;
import org.netsim.radio.channel.LargeScaleModel;
import org.netsim.radio.csi.CsiModel;
import org.netsim.radio.fading.FadingProcess;
import org.netsim.radio.noise.NoiseModel;
import org.netsim.radio.shadowing.ShadowingProcess;

/**
 * The radio network's models and BS configuration, immutable (DESIGN.md: validated configuration).
 *
 * @param largeScale layout, path loss and antenna gains of every UE-cell link
 * @param shadowing the per-UE shadowing process (correlated along the trajectory)
 * @param fading the per-link small-scale fading process
 * @param csi what the BSs know of the channel (perfect, delayed, noisy)
 * @param association serving-cell selection with hysteresis and time-to-trigger
 * @param noise the noise power per UE receive antenna
 * @param bsAntennas M, antennas of every cell's BS
 * @param bsPowerW P, the power budget of every cell's BS in watts
 * @param slotDurationS the slot duration in seconds
 */
public record NetworkConfig(LargeScaleModel largeScale, ShadowingProcess shadowing, FadingProcess fading,
        CsiModel csi, AssociationPolicy association, NoiseModel noise, int bsAntennas, double bsPowerW,
        double slotDurationS) {

    /** Validates every field, naming the first bad one. */
    public NetworkConfig {
        requireNonNull(largeScale, "largeScale");
        requireNonNull(shadowing, "shadowing");
        requireNonNull(fading, "fading");
        requireNonNull(csi, "csi");
        requireNonNull(association, "association");
        requireNonNull(noise, "noise");
        if (bsAntennas < 1) {
            throw new IllegalArgumentException("bsAntennas: must be >= 1, got " + bsAntennas);
        }
        if (!(bsPowerW > 0) || Double.isInfinite(bsPowerW)) {
            throw new IllegalArgumentException("bsPowerW: must be finite and > 0, got " + bsPowerW);
        }
        if (!(slotDurationS > 0) || Double.isInfinite(slotDurationS)) {
            throw new IllegalArgumentException("slotDurationS: must be finite and > 0, got " + slotDurationS);
        }
    }

    private static void requireNonNull(Object o, String field) {
        if (o == null) {
            throw new IllegalArgumentException(field + ": must not be null");
        }
    }

    /**
     * @param layout another BS deployment, e.g. BSs placed by the host model
     *     ({@link org.netsim.radio.layout.FixedSitesLayout#ofSites})
     * @return this configuration with {@code layout} instead of its own (same path loss and every other model)
     */
    public NetworkConfig withLayout(org.netsim.radio.layout.NetworkLayout layout) {
        return new NetworkConfig(new LargeScaleModel(layout, largeScale.pathLoss(), largeScale.minDistanceM()),
                shadowing, fading, csi, association, noise, bsAntennas, bsPowerW, slotDurationS);
    }

    /** @return the number of cells (BSs of the precoding problem) */
    public int numCells() {
        return largeScale.layout().numCells();
    }
}
