/**
 * The classic precoders of the papers, one class per algorithm, with their providers: MRT, ZF, RZF, EZF,
 * WMMSE (as a UE-side step {@link org.netsim.precoding.classic.WmmseUeStep} and a BS-side step
 * {@link org.netsim.precoding.classic.WmmseBsStep}, shared with the distributed mode), single-cell WMMSE variants,
 * FP and FastFP, and scalar WMMSE power control. Each class's Javadoc states its equations with the paper and
 * equation numbers. Only the precoders and their providers are public; workspaces and helpers are package-private.
 */
package org.netsim.precoding.classic;
