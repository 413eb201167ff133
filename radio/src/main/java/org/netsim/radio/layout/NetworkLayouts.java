package org.netsim.radio.layout;

import org.netsim.radio.ModelParams;
import org.netsim.radio.antenna.AntennaPattern;
import org.netsim.radio.antenna.OmniPattern;
import org.netsim.radio.antenna.SectorPattern;

/**
 * Network layouts by name:
 *
 * <ul>
 *   <li>{@code hexagonal} ({@link HexagonalLayout}): {@code numSites} (default 7), {@code interSiteDistanceM}
 *       (default 500), {@code sectorsPerSite} 1 or 3 (default 1), {@code wrapAround} (default false),
 *       {@code firstBoresightDeg} (default 30; 3 sectors only), and for 3 sectors the {@link SectorPattern}
 *       parameters {@code beamwidth3dbDeg} (65), {@code maxAttenuationDb} (20), {@code maxGainDbi} (0);</li>
 *   <li>{@code triangle} ({@link FixedSitesLayout#triangle}): {@code sideM} (default 200),
 *       {@code minDistanceM} (default 10), the GCN-WMMSE base scenario;</li>
 *   <li>{@code two-sites} ({@link FixedSitesLayout#twoSites}): {@code distanceM} (default 500),
 *       {@code innerRadiusM} (default 100), {@code outerRadiusM} (default 300).</li>
 * </ul>
 */
public final class NetworkLayouts {

    private NetworkLayouts() {
    }

    /**
     * @return the layout {@code name} with {@code params}
     * @throws IllegalArgumentException naming an unknown layout (listing the known ones) or a bad parameter
     */
    public static NetworkLayout create(String name, ModelParams params) {
        switch (name == null ? "" : name) {
            case "hexagonal": {
                params.requireOnly(name, "numSites", "interSiteDistanceM", "sectorsPerSite", "wrapAround",
                        "firstBoresightDeg", "beamwidth3dbDeg", "maxAttenuationDb", "maxGainDbi");
                int sectors = params.getInt("sectorsPerSite", 1);
                AntennaPattern pattern;
                if (sectors == 3) {
                    pattern = new SectorPattern(params.getDouble("beamwidth3dbDeg", 65.0),
                            params.getDouble("maxAttenuationDb", 20.0), params.getDouble("maxGainDbi", 0.0));
                } else {
                    for (String k : new String[] {"firstBoresightDeg", "beamwidth3dbDeg", "maxAttenuationDb",
                        "maxGainDbi"}) {
                        if (params.has(k)) {
                            throw new IllegalArgumentException(k + ": only with sectorsPerSite = 3");
                        }
                    }
                    pattern = OmniPattern.UNIT;
                }
                return new HexagonalLayout(params.getInt("numSites", 7), params.getDouble("interSiteDistanceM", 500.0),
                        sectors, params.getDouble("firstBoresightDeg", 30.0), pattern,
                        params.getBoolean("wrapAround", false));
            }
            case "triangle":
                params.requireOnly(name, "sideM", "minDistanceM");
                return FixedSitesLayout.triangle(params.getDouble("sideM", 200.0),
                        params.getDouble("minDistanceM", 10.0));
            case "two-sites":
                params.requireOnly(name, "distanceM", "innerRadiusM", "outerRadiusM");
                return FixedSitesLayout.twoSites(params.getDouble("distanceM", 500.0),
                        params.getDouble("innerRadiusM", 100.0), params.getDouble("outerRadiusM", 300.0));
            default:
                throw new IllegalArgumentException("layout: unknown layout '" + name
                        + "' (known: hexagonal, triangle, two-sites)");
        }
    }
}
