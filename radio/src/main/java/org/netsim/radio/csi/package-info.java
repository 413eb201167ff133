/**
 * What the BSs know of the channel: perfect, delayed (by Doppler-correlated ageing), noisy (estimation error) or both; one {@link org.netsim.radio.csi.LinkCsi} per link, drawing from its own stream.
 */
package org.netsim.radio.csi;
