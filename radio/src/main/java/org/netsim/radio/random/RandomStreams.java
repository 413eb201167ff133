package org.netsim.radio.random;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * One root seed per run, one named random sub-stream per component.
 *
 * <p>The seed of stream {@code name} is a SplitMix64-style mix of the root seed and a 64-bit FNV-1a hash of the
 * name's UTF-8 bytes, so a component's draws depend only on the root seed and its own name: adding a component,
 * changing the precoder or the number of plots leaves every other stream unchanged (common random numbers across
 * compared configurations). Streams are {@link SplittableRandom}s, whose output for a seed is fixed by the JDK
 * specification. Names are hierarchical by convention, e.g. {@code "fading/ue/12"}, {@code "dataset/sample/7"}.
 */
public final class RandomStreams {

    private final long rootSeed;

    /** @param rootSeed the run's root seed */
    public RandomStreams(long rootSeed) {
        this.rootSeed = rootSeed;
    }

    /** @return the run's root seed */
    public long rootSeed() {
        return rootSeed;
    }

    /** @return a new generator for the named stream; the same name always gives the same sequence */
    public RandomGenerator stream(String name) {
        return new SplittableRandom(seedOf(rootSeed, name));
    }

    /** @return the child streams rooted at {@code name}, i.e. stream names prefixed by {@code name + "/"} */
    public RandomStreams child(String name) {
        return new RandomStreams(seedOf(rootSeed, name));
    }

    /** @return the 64-bit seed of stream {@code name} under {@code rootSeed} */
    public static long seedOf(long rootSeed, String name) {
        long h = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h ^= (b & 0xff);
            h *= 0x100000001b3L;
        }
        return mix(mix(rootSeed) ^ h);
    }

    /** SplitMix64 finaliser (Steele, Lea, Flood 2014). */
    private static long mix(long z) {
        z += 0x9e3779b97f4a7c15L;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
