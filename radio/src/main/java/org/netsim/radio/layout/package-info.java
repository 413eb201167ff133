/**
 * BS deployments ({@link org.netsim.radio.layout.NetworkLayout}): hexagonal grids with sectors and wrap-around, the papers' fixed-site layouts, BSs placed by a host model; and the initial UE drops.
 */
package org.netsim.radio.layout;
