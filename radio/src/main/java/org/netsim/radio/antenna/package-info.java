/**
 * BS antenna patterns: omnidirectional and the 3GPP sector pattern, gains in dB by angle from boresight.
 */
package org.netsim.radio.antenna;
