/**
 * Serving-cell selection: strongest large-scale link, with hysteresis and time-to-trigger, per UE; handovers are reported by {@link org.netsim.radio.association.UeAssociation#update}.
 */
package org.netsim.radio.association;
