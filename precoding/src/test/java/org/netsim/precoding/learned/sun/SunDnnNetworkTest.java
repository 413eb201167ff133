package org.netsim.precoding.learned.sun;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netsim.precoding.Problem;
import org.netsim.precoding.learned.EngineAssumptions;
import org.netsim.precoding.learned.ModelCard;
import org.netsim.precoding.learned.ModelDirectories;
import org.netsim.precoding.learned.ModelFiles;
import org.netsim.precoding.learned.sun.SunDnnArchitecture.InputTransform;

class SunDnnNetworkTest {

    /**
     * The Java executor multiplies the same float32 weights in double precision, DJL in float32 (sums of 16 to 25
     * products of O(1) terms per layer, three layers): they agree to a few float ulps of O(1) outputs.
     */
    private static final double EXECUTOR_TOLERANCE = 1e-5;

    static final SunDnnArchitecture SMALL = SunDnnArchitecture.paperInterferenceChannel(4).withHidden(16, 16)
            .withTransform(InputTransform.LOG_MAGNITUDE);

    @BeforeEach
    void engine() {
        EngineAssumptions.assumeEngine();
    }

    static ModelCard card(SunDnnArchitecture a) {
        return new ModelCard(ModelCard.FORMAT_VERSION, SunDnnPrecoder.NAME, a.describe(),
                withBinarize(a.hyperparameters()), a.dimensions(),
                new ModelCard.Training("test", "unit test", 1, 0, 0, "none", 0, "cpu()"),
                Map.of("input", "g_kj"), ModelCard.projectVersionOfThisBuild(), Map.of(), null);
    }

    private static Map<String, Object> withBinarize(Map<String, Object> m) {
        Map<String, Object> out = new java.util.LinkedHashMap<>(m);
        out.put(SunDnnPrecoder.BINARIZE, false);
        return out;
    }

    /** An initial network's output: biases are zero, so spread the outputs over [0, 1] by its random weights. */
    @Test
    void executorsAgreeAndInitialisationIsSeeded() {
        List<Problem> problems = SunSamples.ic(4, 50, 3);
        try (SunDnnNetwork a = SunDnnNetwork.initialise(SMALL, 5, Device.cpu());
                SunDnnNetwork b = SunDnnNetwork.initialise(SMALL, 5, Device.cpu());
                SunDnnNetwork c = SunDnnNetwork.initialise(SMALL, 6, Device.cpu())) {
            double[][] qa = a.predict(problems);
            double[][] qb = b.predict(problems);
            double[][] qc = c.predict(problems);
            SunDnnExecutor exec = a.executor();
            boolean differs = false;
            for (int s = 0; s < problems.size(); s++) {
                assertArrayEquals(qa[s], qb[s], 0.0, "same seed, same network");
                differs |= !java.util.Arrays.equals(qa[s], qc[s]);
                assertArrayEquals(qa[s], exec.powerFractions(problems.get(s)), EXECUTOR_TOLERANCE,
                        "DJL and Java executors, sample " + s);
                for (double q : qa[s]) {
                    assertTrue(q >= 0 && q <= 1, "output in [0, 1]: " + q);
                }
            }
            assertTrue(differs, "another seed gives another network");
        }
    }

    @Test
    void saveThenLoadGivesIdenticalOutputs(@TempDir Path dir) throws IOException {
        List<Problem> problems = SunSamples.ic(4, 20, 4);
        Path model = dir.resolve("model");
        double[][] before;
        ModelCard written;
        try (SunDnnNetwork net = SunDnnNetwork.initialise(SMALL, 8, Device.cpu())) {
            before = net.predict(problems);
            ModelFiles.Encoded encoded = net.encode(card(SMALL));
            ModelDirectories.write(model, encoded);
            written = encoded.card();
        }
        assertTrue(Files.exists(model.resolve(ModelFiles.CARD_FILE)));
        try (Stream<Path> files = Files.list(model)) {
            assertEquals(List.of(ModelFiles.CARD_FILE, ModelFiles.PARAMETERS_FILE),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary file left");
        }
        ModelCard read = ModelFiles.readCard(ModelFiles.Location.directory(model), SunDnnPrecoder.NAME);
        assertEquals(written, read);
        assertEquals(64, read.parametersSha256().length());
        try (SunDnnNetwork back = SunDnnNetwork.load(ModelFiles.Location.directory(model), read, Device.cpu())) {
            double[][] after = back.predict(problems);
            for (int s = 0; s < problems.size(); s++) {
                assertArrayEquals(before[s], after[s], 0.0, "sample " + s);
            }
            assertEquals(SMALL, back.architecture());
        }
    }

    @Test
    void loadingFailsClearlyOnMismatchedFiles(@TempDir Path dir) throws IOException {
        Path model = dir.resolve("m");
        try (SunDnnNetwork net = SunDnnNetwork.initialise(SMALL, 8, Device.cpu())) {
            ModelDirectories.write(model, net.encode(card(SMALL)));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> net.encode(card(SMALL.withHidden(16))));
            assertTrue(e.getMessage().startsWith("card: describes"), e.getMessage());
        }
        ModelFiles.Location loc = ModelFiles.Location.directory(model);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelFiles.readCard(loc, "deepfp"));
        assertEquals(model + ": the model is a 'sun-dnn', expected a 'deepfp'", e.getMessage());

        e = assertThrows(IllegalArgumentException.class,
                () -> ModelFiles.readCard(ModelFiles.Location.directory(dir.resolve("none")), "sun-dnn"));
        assertTrue(e.getMessage().endsWith("no card.json (not a saved model directory)"), e.getMessage());

        // a card of another architecture over these parameters: the hash still matches, the shapes do not
        ModelCard card = ModelFiles.readCard(loc, SunDnnPrecoder.NAME);
        ModelCard wider = card(SMALL.withHidden(16, 17)).withParametersSha256(card.parametersSha256());
        e = assertThrows(IllegalArgumentException.class, () -> SunDnnNetwork.load(loc, wider, Device.cpu()).close());
        assertTrue(e.getMessage().contains("does not fit the architecture of the card"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());

        // parameters of another model under this card
        byte[] bytes = Files.readAllBytes(model.resolve(ModelFiles.PARAMETERS_FILE));
        bytes[bytes.length - 1] ^= 1;
        Files.write(model.resolve(ModelFiles.PARAMETERS_FILE), bytes);
        e = assertThrows(IllegalArgumentException.class, () -> SunDnnNetwork.load(loc, card, Device.cpu()).close());
        assertTrue(e.getMessage().contains("differs from the card's"), e.getMessage());
    }
}
