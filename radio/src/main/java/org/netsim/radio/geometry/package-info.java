/**
 * Plane geometry in metres: positions, regions to drop UEs in (discs, annulus sectors, hexagons), simulation areas with reflecting borders or hexagonal wrap-around.
 */
package org.netsim.radio.geometry;
