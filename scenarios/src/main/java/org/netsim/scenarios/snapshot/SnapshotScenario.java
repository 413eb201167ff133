package org.netsim.scenarios.snapshot;

import java.util.random.RandomGenerator;
import org.netsim.precoding.Problem;

/**
 * A generator of independent channel snapshots (one {@link Problem} per call) as the seed papers' benchmark
 * datasets define them: a layout, large-scale gains and small-scale fading drawn afresh for every sample.
 * Implementations are immutable; every random number comes from the generator passed to {@link #sample}, so the
 * same generator state gives the same problem.
 */
public interface SnapshotScenario {

    /** @return the catalogue name, e.g. {@code "gcnwmmse-base"} */
    String name();

    /** @return a one-paragraph description with sizes, powers and the paper it comes from */
    String description();

    /**
     * Draws one problem instance.
     *
     * @param rng the sample's random stream (e.g. {@code RandomStreams.stream("dataset/sample/7")}); advanced
     * @return a validated problem
     */
    Problem sample(RandomGenerator rng);
}
