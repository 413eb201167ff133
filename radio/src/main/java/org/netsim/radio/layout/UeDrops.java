package org.netsim.radio.layout;

import java.util.ArrayList;
import java.util.List;
import org.netsim.radio.ModelParams;
import org.netsim.radio.geometry.Position;

/**
 * UE drops by name:
 *
 * <ul>
 *   <li>{@code per-cell}: {@code uesPerCell} (required), {@code minDistanceM} (default 0) ({@link PerCellDrop});</li>
 *   <li>{@code uniform}: {@code numUes} (required), {@code minDistanceM} (default 0) ({@link UniformAreaDrop});</li>
 *   <li>{@code hotspots}: {@code radiusM} (required), {@code uesPerHotspot} (required), either {@code centersM}
 *       (a flat list x0, y0, x1, y1, ... in metres) or {@code numHotspots} (random centres), {@code minDistanceM}
 *       (default 0) ({@link HotspotDrop}).</li>
 * </ul>
 */
public final class UeDrops {

    private UeDrops() {
    }

    /**
     * @return the drop {@code name} with {@code params}
     * @throws IllegalArgumentException naming an unknown drop (listing the known ones) or a bad parameter
     */
    public static UeDrop create(String name, ModelParams params) {
        switch (name == null ? "" : name) {
            case "per-cell":
                params.requireOnly(name, "uesPerCell", "minDistanceM");
                return new PerCellDrop(requiredInt(params, "uesPerCell"), params.getDouble("minDistanceM", 0.0));
            case "uniform":
                params.requireOnly(name, "numUes", "minDistanceM");
                return new UniformAreaDrop(requiredInt(params, "numUes"), params.getDouble("minDistanceM", 0.0));
            case "hotspots": {
                params.requireOnly(name, "centersM", "numHotspots", "radiusM", "uesPerHotspot", "minDistanceM");
                List<Position> centers = new ArrayList<>();
                if (params.has("centersM")) {
                    if (params.has("numHotspots")) {
                        throw new IllegalArgumentException("numHotspots: give either centersM or numHotspots");
                    }
                    double[] xy = params.getDoubles("centersM", null);
                    if (xy.length == 0 || xy.length % 2 != 0) {
                        throw new IllegalArgumentException("centersM: need x, y pairs, got " + xy.length + " numbers");
                    }
                    for (int i = 0; i < xy.length; i += 2) {
                        centers.add(new Position(xy[i], xy[i + 1]));
                    }
                } else if (!params.has("numHotspots")) {
                    throw new IllegalArgumentException("numHotspots: required without centersM");
                }
                return new HotspotDrop(centers, params.getInt("numHotspots", 0), params.getDouble("radiusM"),
                        requiredInt(params, "uesPerHotspot"), params.getDouble("minDistanceM", 0.0));
            }
            default:
                throw new IllegalArgumentException("ueDrop: unknown drop '" + name
                        + "' (known: hotspots, per-cell, uniform)");
        }
    }

    private static int requiredInt(ModelParams params, String key) {
        if (!params.has(key)) {
            throw new IllegalArgumentException(key + ": required");
        }
        return params.getInt(key, 0);
    }
}
