package org.netsim.radio.antenna;

/**
 * Horizontal pattern of a sector antenna of a 3-sector site (3GPP TR 36.942, Sec. 4.2.1; TR 36.814, Annex A.2.1.1;
 * TR 38.901, Table 7.3-1):
 *
 * <pre>
 *   A(theta) = G_max - min( 12 (theta / theta_3dB)^2, A_m )      [dB],   theta in (-180, 180] degrees
 * </pre>
 *
 * with theta the angle off boresight, theta_3dB the 3 dB beamwidth and A_m the front-to-back ratio (maximum
 * attenuation). The documents differ in the values: theta_3dB = 70 degrees with A_m = 20 dB (TR 36.942, 3-sector
 * cells) or 25 dB (TR 36.814), theta_3dB = 65 degrees with A_m = 30 dB and G_max = 8 dBi per element (TR 38.901).
 * Defaults here: theta_3dB = 65 degrees, A_m = 20 dB, G_max = 0 dBi (relative pattern). Immutable.
 *
 * @param beamwidth3dbDeg theta_3dB in degrees, in (0, 360]
 * @param maxAttenuationDb A_m in dB, &gt;= 0
 * @param maxGainDbi G_max, the boresight gain in dBi
 */
public record SectorPattern(double beamwidth3dbDeg, double maxAttenuationDb, double maxGainDbi)
        implements AntennaPattern {

    /** theta_3dB = 65 degrees, A_m = 20 dB, G_max = 0 dBi. */
    public static final SectorPattern DEFAULT = new SectorPattern(65.0, 20.0, 0.0);

    public SectorPattern {
        if (!(beamwidth3dbDeg > 0 && beamwidth3dbDeg <= 360)) {
            throw new IllegalArgumentException("beamwidth3dbDeg: must be in (0, 360], got " + beamwidth3dbDeg);
        }
        if (!(maxAttenuationDb >= 0) || Double.isInfinite(maxAttenuationDb)) {
            throw new IllegalArgumentException("maxAttenuationDb: must be finite and >= 0, got " + maxAttenuationDb);
        }
        if (!Double.isFinite(maxGainDbi)) {
            throw new IllegalArgumentException("maxGainDbi: must be finite, got " + maxGainDbi);
        }
    }

    @Override
    public String name() {
        return "sector";
    }

    @Override
    public double gainDb(double offBoresightRad) {
        double thetaDeg = Math.toDegrees(Math.IEEEremainder(offBoresightRad, 2 * Math.PI));
        double r = thetaDeg / beamwidth3dbDeg;
        return maxGainDbi - Math.min(12.0 * r * r, maxAttenuationDb);
    }

    @Override
    public boolean isOmnidirectional() {
        return false;
    }
}
