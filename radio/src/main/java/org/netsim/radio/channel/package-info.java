/**
 * The large-scale gain of every UE-cell link: path loss, shadowing and antenna gain combined ({@link org.netsim.radio.channel.LargeScaleModel}).
 */
package org.netsim.radio.channel;
