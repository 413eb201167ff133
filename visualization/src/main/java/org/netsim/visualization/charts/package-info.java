/**
 * JFreeChart charts of runs, comparisons and training, drawn headless to PNG with their data as CSV.
 */
package org.netsim.visualization.charts;
