/**
 * One root seed per run, one named random sub-stream per component ({@link org.netsim.radio.random.RandomStreams}) and the stream names every host shares ({@link org.netsim.radio.random.StreamNames}).
 */
package org.netsim.radio.random;
