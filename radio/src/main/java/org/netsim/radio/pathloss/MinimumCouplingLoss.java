package org.netsim.radio.pathloss;

/**
 * A path loss floored at a minimum coupling loss (MCL): PL'(d) = max(PL(d), MCL) dB, which bounds the gain of
 * very close links (3GPP TR 36.814 uses an MCL of 70 dB for macro cells). Immutable; composes with any model.
 *
 * @param base the distance law
 * @param minimumLossDb MCL in dB
 */
public record MinimumCouplingLoss(PathLossModel base, double minimumLossDb) implements PathLossModel {

    public MinimumCouplingLoss {
        if (base == null) {
            throw new IllegalArgumentException("base: must not be null");
        }
        if (!Double.isFinite(minimumLossDb)) {
            throw new IllegalArgumentException("minimumLossDb: must be finite, got " + minimumLossDb);
        }
    }

    @Override
    public String name() {
        return base.name() + "+mcl";
    }

    @Override
    public double lossDb(double distanceM) {
        return Math.max(base.lossDb(distanceM), minimumLossDb);
    }
}
