/**
 * Receiver noise power per antenna: thermal (density, bandwidth, noise figure) or fixed, in watts.
 */
package org.netsim.radio.noise;
