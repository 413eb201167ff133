package org.netsim.visualization.view;

import org.netsim.visualization.trace.TraceHeader;
import org.netsim.visualization.trace.TraceReader;

/**
 * What a display of the network shows at one moment, the same for a live simulation ({@link LiveNetworkView}) and
 * for a trace played back ({@code TracePlayback}): the network, the current slot as a trace frame, the strength of
 * every UE's handover flash, the top of the rate colour scale, and the objects inspectors show for a UE or a BS.
 * Headless (no display imports), so the model side of a display can be tested without one.
 */
public interface NetworkView {

    /** @return the network: sites, cells, wrap-around shifts */
    TraceHeader header();

    /** @return the current slot, or null before the first one */
    TraceReader.Frame frame();

    /**
     * @return per UE of {@link #frame()}, the strength in [0, 1] of its handover flash (1 in the slot of a handover,
     *     fading over the following frames); empty before the first slot
     */
    double[] handoverGlow();

    /** @return the top of the rate colour scale in bit/s/Hz */
    double maxRateBit();

    /** @return the object MASON's inspector shows for the u-th UE of {@link #frame()} (its getters) */
    Object ueInspectable(int u);

    /** @return the object MASON's inspector shows for the BS of cell {@code cell} */
    Object cellInspectable(int cell);
}
