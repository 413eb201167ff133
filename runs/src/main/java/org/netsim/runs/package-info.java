/**
 * The {@code netsim} command line (picocli): one package-private class per sub-command, the run-directory writers (metrics, summary, channel records) and atomic file writes. Not an API: use the other modules as libraries.
 */
package org.netsim.runs;
