/**
 * Log-normal shadowing per UE and site, correlated along the trajectory (Gudmundson) and between sites, or none.
 */
package org.netsim.radio.shadowing;
