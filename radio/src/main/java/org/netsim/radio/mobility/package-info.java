/**
 * UE mobility models (static, constant velocity, random waypoint, random direction, Gauss-Markov), each with its own random stream; {@link org.netsim.radio.mobility.UeMotion} is one UE's state.
 */
package org.netsim.radio.mobility;
