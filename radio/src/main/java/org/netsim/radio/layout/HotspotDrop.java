package org.netsim.radio.layout;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;
import org.netsim.radio.geometry.Disc;
import org.netsim.radio.geometry.Position;

/**
 * UEs clustered in hotspots: discs of radius {@code radiusM} around given centres, or around {@code numHotspots}
 * centres drawn uniformly over the area (drawn first, before any UE). Each hotspot receives {@code uesPerHotspot}
 * UEs, uniform over its disc (hotspot by hotspot). A point outside the area is mapped back by wrap-around if the
 * area wraps (the hotspot straddles the seam), otherwise redrawn (uniform over disc intersected with the area);
 * points closer than {@code minDistanceM} to a site are redrawn. UEs are not tagged with a cell. Immutable.
 *
 * @param centers the hotspot centres in metres, or empty to draw {@code numHotspots} of them
 * @param numHotspots the number of random centres (used only when {@code centers} is empty), &gt;= 1
 * @param radiusM the hotspot radius in metres, &gt; 0
 * @param uesPerHotspot UEs per hotspot, &gt;= 1
 * @param minDistanceM minimum distance from every site in metres, &gt;= 0
 */
public record HotspotDrop(List<Position> centers, int numHotspots, double radiusM, int uesPerHotspot,
        double minDistanceM) implements UeDrop {

    private static final int MAX_ATTEMPTS = 100_000;

    public HotspotDrop {
        if (centers == null) {
            throw new IllegalArgumentException("centers: must not be null (empty for random centres)");
        }
        centers = List.copyOf(centers);
        if (centers.isEmpty() && numHotspots < 1) {
            throw new IllegalArgumentException("numHotspots: must be >= 1 without given centres, got " + numHotspots);
        }
        if (!(radiusM > 0) || Double.isInfinite(radiusM)) {
            throw new IllegalArgumentException("radiusM: must be finite and > 0, got " + radiusM);
        }
        if (uesPerHotspot < 1) {
            throw new IllegalArgumentException("uesPerHotspot: must be >= 1, got " + uesPerHotspot);
        }
        if (!(minDistanceM >= 0) || Double.isInfinite(minDistanceM)) {
            throw new IllegalArgumentException("minDistanceM: must be finite and >= 0, got " + minDistanceM);
        }
    }

    @Override
    public String name() {
        return "hotspots";
    }

    @Override
    public List<UePlacement> drop(NetworkLayout layout, RandomGenerator rng) {
        List<Position> cs = new ArrayList<>(centers);
        for (int h = 0; h < cs.size(); h++) {
            if (!layout.area().contains(cs.get(h))) {
                throw new IllegalArgumentException("centers: hotspot " + h + " at " + cs.get(h)
                        + " is outside the area");
            }
        }
        if (cs.isEmpty()) {
            for (int h = 0; h < numHotspots; h++) {
                cs.add(layout.area().uniformPoint(rng));
            }
        }
        List<UePlacement> out = new ArrayList<>(cs.size() * uesPerHotspot);
        for (Position c : cs) {
            Disc disc = new Disc(c, radiusM);
            for (int u = 0; u < uesPerHotspot; u++) {
                out.add(new UePlacement(point(layout, disc, rng), -1));
            }
        }
        return Collections.unmodifiableList(out);
    }

    private Position point(NetworkLayout layout, Disc disc, RandomGenerator rng) {
        boolean wraps = layout.area().wrapsAround();
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Position p = disc.uniformPoint(rng);
            if (wraps) {
                p = layout.area().mapInto(p);
            } else if (!layout.area().contains(p)) {
                continue;
            }
            if (UeDrop.farFromSites(layout, p, minDistanceM)) {
                return p;
            }
        }
        throw new IllegalArgumentException("minDistanceM: no point of the hotspot at " + disc.center() + " is "
                + minDistanceM + " m from every site after " + MAX_ATTEMPTS + " attempts");
    }
}
