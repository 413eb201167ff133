package org.netsim.visualization.view;

import org.netsim.simcore.MobileUe;

/** A UE of a live simulation as the inspector shows it: {@link UeStatus} plus what its {@link MobileUe} agent knows. */
public final class LiveUeStatus extends UeStatus {

    private final MobileUe agent;

    /**
     * @param view where the UE's slot state comes from
     * @param ueId the UE's stable identifier
     * @param agent the UE agent
     */
    public LiveUeStatus(NetworkView view, int ueId, MobileUe agent) {
        super(view, ueId);
        this.agent = agent;
    }

    /** @return the UE group's name */
    public String getGroup() {
        return agent.getGroup();
    }

    /** @return the path length travelled since the start, metres */
    public double getTravelledM() {
        return agent.travelledDistanceM();
    }
}
