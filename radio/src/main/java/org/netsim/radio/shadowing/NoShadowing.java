package org.netsim.radio.shadowing;

import java.util.function.IntFunction;
import java.util.random.RandomGenerator;

/** No shadowing: every link 0 dB at all times; draws nothing. Stateless singleton. */
public final class NoShadowing implements ShadowingProcess {

    /** The instance. */
    public static final NoShadowing INSTANCE = new NoShadowing();

    private NoShadowing() {
    }

    @Override
    public String name() {
        return "none";
    }

    @Override
    public double sigmaDb() {
        return 0;
    }

    @Override
    public UeShadowing start(int numSites, RandomGenerator ueRng, IntFunction<RandomGenerator> siteRng) {
        if (numSites < 1) {
            throw new IllegalArgumentException("numSites: must be >= 1, got " + numSites);
        }
        return new UeShadowing() {
            @Override
            public int numSites() {
                return numSites;
            }

            @Override
            public double db(int site) {
                if (site < 0 || site >= numSites) {
                    throw new IndexOutOfBoundsException("site " + site + " of " + numSites);
                }
                return 0;
            }

            @Override
            public void advance(double movedDistanceM) {
                if (!(movedDistanceM >= 0) || Double.isInfinite(movedDistanceM)) {
                    throw new IllegalArgumentException("movedDistanceM: must be finite and >= 0, got "
                            + movedDistanceM);
                }
            }
        };
    }
}
