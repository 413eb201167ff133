package org.netsim.runs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.netsim.precoding.Problem;
import org.netsim.radio.random.RandomStreams;
import org.netsim.scenarios.dataset.ChannelDataset;
import org.netsim.scenarios.snapshot.SnapshotCatalog;
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

    /** Problems to evaluate on and the name of where they came from (a scenario, or a dataset file's base name). */
    record Drawn(List<Problem> problems, String name) {
    }

    /**
     * The problems of {@code --scenario} (drawn as {@link #draw} does, {@code samples} or {@code defaultSamples}) or
     * of {@code --channels} (the dataset's problems, the first {@code samples} when given).
     *
     * @param scenario a snapshot scenario's name, or null
     * @param channels an .npz dataset, or null (exactly one of the two is non-null)
     */
    static Drawn of(String scenario, Path channels, Integer samples, int defaultSamples, long seed)
            throws IOException {
        if ((scenario == null) == (channels == null)) {
            throw new IllegalArgumentException("scenario, channels: give exactly one of --scenario or --channels");
        }
        if (scenario != null) {
            SnapshotScenario sc = SnapshotCatalog.get(scenario);
            return new Drawn(draw(sc, samples == null ? defaultSamples : samples, seed), sc.name());
        }
        List<Problem> problems = ChannelDataset.read(channels).problems();
        if (samples != null) {
            if (samples < 1 || samples > problems.size()) {
                throw new IllegalArgumentException("samples: must be in 1.." + problems.size() + ", got " + samples);
            }
            problems = problems.subList(0, samples);
        }
        return new Drawn(new ArrayList<>(problems), channels.getFileName().toString().replaceFirst("\\.npz$", ""));
    }
}
