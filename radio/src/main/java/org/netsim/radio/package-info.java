/**
 * Radio models of the time-evolving multicell simulation, usable without MASON: every model is an immutable
 * configuration chosen by name from a factory ({@code NetworkLayouts}, {@code UeDrops}, {@code MobilityModels},
 * {@code PathLossModels}, {@code ShadowingModels}, {@code FadingModels}, {@code NoiseModels}, {@code CsiModels},
 * {@code AssociationPolicies}, {@code AntennaPatterns}; parameters in {@link org.netsim.radio.ModelParams}) that
 * creates explicit per-UE or per-link state objects, each keeping the named random stream it was given
 * ({@link org.netsim.radio.random.StreamNames}). SI units inside (metres, seconds, watts, Hz, linear gains; dB
 * only for path loss, shadowing and gains, where the models are stated in dB).
 *
 * <p>One slot of duration dt for UE i (the phases of DESIGN.md):
 *
 * <pre>{@code
 * // set-up
 * NetworkLayout layout = NetworkLayouts.create("hexagonal", ModelParams.of("numSites", 7, "sectorsPerSite", 3,
 *         "wrapAround", true));
 * List<UePlacement> drop = UeDrops.create("per-cell", ModelParams.of("uesPerCell", 10, "minDistanceM", 35))
 *         .drop(layout, streams.stream(StreamNames.DROP));
 * UeMotion motion = mobility.start(drop.get(i).position(), layout.area(), streams.stream(StreamNames.mobility(i)));
 * UeShadowing shadow = shadowing.start(layout.numSites(), streams.stream(StreamNames.shadowingUe(i)),
 *         s -> streams.stream(StreamNames.shadowingLink(i, s)));
 * LinkFading fade = fading.newLink(numUeAntennas, numBsAntennas, streams.stream(StreamNames.fadingLink(i, c)));
 * LinkCsi csi = csiModel.newLink(numUeAntennas, numBsAntennas, streams.stream(StreamNames.csiLink(i, c)));
 * // per slot
 * double moved = motion.step(dt);                                   // 0 mobility
 * shadow.advance(moved);                                            // 1 large scale
 * largeScale.gainsDb(motion.position(), shadow, gainsDb);
 * fade.next(dt, motion.speedMps(), h);                              // 2 small scale (per cell c)
 * LargeScaleModel.scaleInPlace(h, gainsDb[c]);                      //   H_ic = sqrt(G) H_small
 * association.update(gainsDb);                                      // 3 association
 * csi.update(h, Units.dbToLinear(gainsDb[c]), hHat);                // 4 what the BS knows
 * }</pre>
 */
package org.netsim.radio;
