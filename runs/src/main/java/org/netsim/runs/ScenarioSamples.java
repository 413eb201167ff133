package org.netsim.runs;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.netsim.precoding.Problem;
import org.netsim.radio.random.RandomStreams;
import org.netsim.scenarios.snapshot.SnapshotScenario;

/**
 * Draws snapshot samples of a scenario. Sample s uses its own named stream
 * {@code "snapshot/<scenario>/sample/<s>"} of the root seed, so sample s is the same whatever the number of samples
 * or threads, and {@code netsim dataset} and {@code netsim compare --scenario} see identical channels for a seed.
 */
final class ScenarioSamples {

    private ScenarioSamples() {
    }

    static List<Problem> draw(SnapshotScenario scenario, int samples, long seed) {
        if (samples < 1) {
            throw new IllegalArgumentException("samples: must be >= 1, got " + samples);
        }
        RandomStreams streams = new RandomStreams(seed);
        Problem[] out = new Problem[samples];
        IntStream.range(0, samples).parallel().forEach(s ->
                out[s] = scenario.sample(streams.stream("snapshot/" + scenario.name() + "/sample/" + s)));
        return new ArrayList<>(List.of(out));
    }
}
