/**
 * The README's two library examples as compiled code (a precoder on a problem built by hand; the network attached
 * to a small MASON model), so that they keep compiling and working; the README shows the lines between their
 * markers verbatim.
 */
package org.netsim.examples.readme;
