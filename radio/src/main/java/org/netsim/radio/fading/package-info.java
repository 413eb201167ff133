/**
 * Small-scale fading per link: i.i.d. block fading, sum-of-sinusoids (Jakes/Clarke Doppler spectrum), AR(1), with optional Kronecker spatial correlation; processes advance by a time step at the UE's speed.
 */
package org.netsim.radio.fading;
