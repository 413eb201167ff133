package org.netsim.precoding.learned;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelCardTest {

    static ModelCard sample() {
        Map<String, Object> hyper = new LinkedHashMap<>();
        hyper.put("links", 12);
        hyper.put("hidden", List.of(200, 200, 200));
        hyper.put("learningRate", 0.001);
        hyper.put("inputLayout", "imac-cells");
        hyper.put("binarize", true);
        return new ModelCard(ModelCard.FORMAT_VERSION, "sun-dnn", "fully connected 36-200-200-200-12", hyper,
                Map.of("links", 12),
                new ModelCard.Training("sun-imac-3-12", "netsim train --model sun-dnn", 7L, 1000, 100,
                        "wmmse-scalar", 12.5, "cpu()"),
                Map.of("input", "ln(|h_kj| sqrt(P_j) / sigma_k), dimensionless", "output", "p_k / P_k"),
                "0.1.0-SNAPSHOT", Map.of("sumRateRatio", 0.975), null);
    }

    private static ModelCard parse(String json) throws IOException {
        return ModelCard.fromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
    }

    @Test
    void roundTripsThroughJson() throws IOException {
        ModelCard card = sample().withParametersSha256("abc123");
        String json = card.toJson();
        ModelCard back = parse(json);
        assertEquals(card, back);
        assertEquals(12, back.intHyperparameter("links"));
        assertArrayEquals(new int[] {200, 200, 200}, back.intListHyperparameter("hidden"));
        assertEquals(0.001, back.doubleHyperparameter("learningRate"));
        assertEquals("imac-cells", back.stringHyperparameter("inputLayout"));
        assertTrue(back.booleanHyperparameter("binarize"));
        assertEquals(json, back.toJson(), "writing is stable");
        assertTrue(json.contains("\"command\" : \"netsim train --model sun-dnn\""), json);
    }

    @Test
    void omitsAnUnsetHash() {
        assertFalse(sample().toJson().contains("parametersSha256"));
    }

    @Test
    void rejectsUnknownKeysAndMissingFieldsNamingThem() {
        String json = sample().toJson();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> parse(json.replaceFirst("\\{", "{ \"colour\" : \"red\",")));
        assertTrue(e.getMessage().startsWith("test.json: bad model card"), e.getMessage());
        assertTrue(e.getMessage().contains("colour"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line");

        e = assertThrows(IllegalArgumentException.class,
                () -> parse(json.replace("\"modelKind\" : \"sun-dnn\",", "")));
        assertTrue(e.getMessage().contains("modelKind: missing"), e.getMessage());

        e = assertThrows(IllegalArgumentException.class,
                () -> parse(json.replace("\"formatVersion\" : 1", "\"formatVersion\" : 2")));
        assertTrue(e.getMessage().contains("formatVersion: this version reads 1, got 2"), e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> parse("{ not json"));
        assertTrue(e.getMessage().startsWith("test.json: bad model card"), e.getMessage());
    }

    @Test
    void dimensionMismatchIsOneLineNamingIt() {
        ModelCard card = sample();
        card.requireDimensions(Map.of("links", 12), "sun-dnn");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> card.requireDimensions(Map.of("links", 10), "sun-dnn (model m)"));
        assertEquals("sun-dnn (model m): the model accepts links = 12, the problem has links = 10", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> card.requireDimensions(Map.of(), "x"));
        assertEquals("x: the model needs dimension 'links', which the problem does not define", e.getMessage());
    }

    @Test
    void typedHyperparametersNameTheKey() {
        ModelCard card = sample();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> card.intHyperparameter("learningRate"));
        assertEquals("model card: hyperparameter 'learningRate' is not an integer: 0.001", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> card.doubleHyperparameter("epochs"));
        assertEquals("model card: hyperparameter 'epochs' is missing", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> card.intListHyperparameter("links"));
        assertThrows(IllegalArgumentException.class, () -> card.booleanHyperparameter("links"));
        assertThrows(IllegalArgumentException.class, () -> card.stringHyperparameter("links"));
    }

    @Test
    void projectVersionComesFromTheBuild() {
        String v = ModelCard.projectVersionOfThisBuild();
        assertFalse(v.isBlank());
        assertFalse(v.contains("${"), "the version resource must be filtered: " + v);
        assertFalse(v.equals("unknown"), "version resource missing");
    }
}
