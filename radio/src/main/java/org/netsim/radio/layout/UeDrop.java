package org.netsim.radio.layout;

import java.util.List;
import java.util.random.RandomGenerator;

/** How UEs are placed at the start of a run. Implementations are immutable and draw only from the given stream. */
public interface UeDrop {

    /** @return the drop's registry name */
    String name();

    /**
     * @param layout the network
     * @param rng the drop's random stream (e.g. {@code "drop"})
     * @return the placed UEs, every one inside {@code layout.area()}
     */
    List<UePlacement> drop(NetworkLayout layout, RandomGenerator rng);

    /**
     * @return whether {@code p} is at least {@code minDistanceM} from every site of {@code layout} (wrapped
     *         distances)
     */
    static boolean farFromSites(NetworkLayout layout, org.netsim.radio.geometry.Position p, double minDistanceM) {
        if (minDistanceM <= 0) {
            return true;
        }
        for (int s = 0; s < layout.numSites(); s++) {
            if (layout.distanceM(s, p) < minDistanceM) {
                return false;
            }
        }
        return true;
    }
}
