package org.netsim.radio.association;

import org.netsim.radio.ModelParams;

/**
 * Association policies by name ({@link HysteresisAssociation}):
 * <ul>
 *   <li>{@code strongest}: no parameters (hysteresis 0 dB, time to trigger 0);</li>
 *   <li>{@code hysteresis}: {@code hysteresisDb} (default 3), {@code timeToTriggerSlots} (default 40, i.e. 40 ms
 *       with 1 ms slots, a common LTE setting).</li>
 * </ul>
 */
public final class AssociationPolicies {

    private AssociationPolicies() {
    }

    /**
     * @return the policy {@code name} with {@code params}
     * @throws IllegalArgumentException naming an unknown policy (listing the known ones) or a bad parameter
     */
    public static AssociationPolicy create(String name, ModelParams params) {
        switch (name == null ? "" : name) {
            case "strongest":
                params.requireOnly(name);
                return HysteresisAssociation.STRONGEST;
            case "hysteresis":
                params.requireOnly(name, "hysteresisDb", "timeToTriggerSlots");
                return new HysteresisAssociation(params.getDouble("hysteresisDb", 3.0),
                        params.getInt("timeToTriggerSlots", 40));
            default:
                throw new IllegalArgumentException("association: unknown policy '" + name
                        + "' (known: hysteresis, strongest)");
        }
    }
}
