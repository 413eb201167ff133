package org.netsim.precoding.learned;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The JSON card saved next to a learned model's parameters ({@code card.json}): what the model is, how it was
 * trained, in which units it works, how well it scored and which problems it accepts.
 *
 * <p>Fields: {@code formatVersion} (1); {@code modelKind} (the precoder name, e.g. {@code sun-dnn});
 * {@code architecture} (one line); {@code hyperparameters} (architecture and training hyperparameters by name:
 * numbers, strings, booleans or lists of numbers); {@code dimensions} (the problem dimensions the model accepts, by
 * name, e.g. {@code links = 12}: {@link #requireDimensions} checks a problem against them); {@code training}
 * (scenario, the exact command, seed, sample counts, label source, wall time); {@code units} (input and output
 * quantities with their units); {@code projectVersion}; {@code validation} (scores on the validation set, by
 * name); {@code parametersSha256} (the hash of the parameters file the card belongs to).
 *
 * <p>Unknown JSON keys and missing required fields are errors naming the key. Immutable.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelCard(int formatVersion, String modelKind, String architecture, Map<String, Object> hyperparameters,
        Map<String, Integer> dimensions, Training training, Map<String, String> units, String projectVersion,
        Map<String, Double> validation, String parametersSha256) {

    /** The card format written by this version. */
    public static final int FORMAT_VERSION = 1;

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();

    /**
     * How the model was trained.
     *
     * @param scenario the training scenario's name (e.g. {@code sun-imac-3-12})
     * @param command the exact command that reproduces the model
     * @param seed the root seed of the training run
     * @param trainingSamples number of training problems
     * @param validationSamples number of validation problems
     * @param labels where the supervised labels came from (precoder and its options), or "none"
     * @param wallTimeS training wall-clock time in seconds (labels included)
     * @param device the device it was trained on
     */
    public record Training(String scenario, String command, long seed, int trainingSamples, int validationSamples,
            String labels, double wallTimeS, String device) {
        public Training {
            requireText(scenario, "training.scenario");
            requireText(command, "training.command");
            requireText(labels, "training.labels");
            requireText(device, "training.device");
        }
    }

    public ModelCard {
        if (formatVersion != FORMAT_VERSION) {
            throw new IllegalArgumentException("formatVersion: this version reads " + FORMAT_VERSION + ", got "
                    + formatVersion);
        }
        requireText(modelKind, "modelKind");
        requireText(architecture, "architecture");
        requireText(projectVersion, "projectVersion");
        if (training == null) {
            throw new IllegalArgumentException("training: missing");
        }
        hyperparameters = copy(hyperparameters, "hyperparameters");
        dimensions = copy(dimensions, "dimensions");
        units = copy(units, "units");
        validation = copy(validation, "validation");
    }

    /** @return a copy of this card with {@code parametersSha256} set */
    public ModelCard withParametersSha256(String sha256) {
        return new ModelCard(formatVersion, modelKind, architecture, hyperparameters, dimensions, training, units,
                projectVersion, validation, sha256);
    }

    /** @return a copy of this card with the validation scores replaced */
    public ModelCard withValidation(Map<String, Double> scores) {
        return new ModelCard(formatVersion, modelKind, architecture, hyperparameters, dimensions, training, units,
                projectVersion, scores, parametersSha256);
    }

    /**
     * Checks a problem's dimensions against the card's.
     *
     * @param actual the problem's value of every dimension the card names
     * @param where prefix of the message (e.g. the precoder name and the model's location)
     * @throws IllegalArgumentException (one line) naming the first dimension that differs or is missing
     */
    public void requireDimensions(Map<String, Integer> actual, String where) {
        for (Map.Entry<String, Integer> e : dimensions.entrySet()) {
            Integer got = actual.get(e.getKey());
            if (got == null) {
                throw new IllegalArgumentException(where + ": the model needs dimension '" + e.getKey()
                        + "', which the problem does not define");
            }
            if (!got.equals(e.getValue())) {
                throw new IllegalArgumentException(where + ": the model accepts " + e.getKey() + " = "
                        + e.getValue() + ", the problem has " + e.getKey() + " = " + got);
            }
        }
    }

    /** @return hyperparameter {@code key} as an integer; a missing or non-integer value names the key */
    public int intHyperparameter(String key) {
        Object v = hyperparameter(key);
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.intValue();
        }
        throw new IllegalArgumentException("model card: hyperparameter '" + key + "' is not an integer: " + v);
    }

    /** @return hyperparameter {@code key} as a double; a missing or non-numeric value names the key */
    public double doubleHyperparameter(String key) {
        Object v = hyperparameter(key);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException("model card: hyperparameter '" + key + "' is not a number: " + v);
    }

    /** @return hyperparameter {@code key} as a string */
    public String stringHyperparameter(String key) {
        Object v = hyperparameter(key);
        if (v instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException("model card: hyperparameter '" + key + "' is not a string: " + v);
    }

    /** @return hyperparameter {@code key} as a boolean */
    public boolean booleanHyperparameter(String key) {
        Object v = hyperparameter(key);
        if (v instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException("model card: hyperparameter '" + key + "' is not a boolean: " + v);
    }

    /** @return hyperparameter {@code key} as a list of integers */
    public int[] intListHyperparameter(String key) {
        Object v = hyperparameter(key);
        if (v instanceof List<?> list) {
            int[] out = new int[list.size()];
            for (int i = 0; i < out.length; i++) {
                if (!(list.get(i) instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
                    throw new IllegalArgumentException("model card: hyperparameter '" + key + "' entry " + i
                            + " is not an integer: " + list.get(i));
                }
                out[i] = ((Number) list.get(i)).intValue();
            }
            return out;
        }
        throw new IllegalArgumentException("model card: hyperparameter '" + key + "' is not a list: " + v);
    }

    private Object hyperparameter(String key) {
        Object v = hyperparameters.get(key);
        if (v == null) {
            throw new IllegalArgumentException("model card: hyperparameter '" + key + "' is missing");
        }
        return v;
    }

    /** @return the card as indented JSON */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("model card: cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Parses a card.
     *
     * @param in the JSON; read, not closed
     * @param source where it came from, for messages
     * @throws IllegalArgumentException (one line) naming the source and the bad or unknown key
     */
    public static ModelCard fromJson(InputStream in, String source) throws IOException {
        try {
            return JSON.readValue(in, ModelCard.class);
        } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
            Throwable cause = e.getCause();
            String what = cause instanceof IllegalArgumentException ? cause.getMessage() : e.getOriginalMessage();
            String path = e.getPath().isEmpty() ? "" : " at " + pathOf(e);
            throw new IllegalArgumentException(source + ": bad model card" + path + ": " + firstLine(what), e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + ": bad model card: " + firstLine(e.getOriginalMessage()), e);
        }
    }

    /** @return the version of this build of the project (from a resource filtered by Maven), or "unknown" */
    public static String projectVersionOfThisBuild() {
        try (InputStream in = ModelCard.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pathOf(com.fasterxml.jackson.databind.JsonMappingException e) {
        List<String> parts = new ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonMappingException.Reference r : e.getPath()) {
            parts.add(r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]");
        }
        return String.join(".", parts);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "malformed";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static void requireText(String s, String field) {
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException(field + ": missing");
        }
    }

    private static <V> Map<String, V> copy(Map<String, V> m, String field) {
        if (m == null) {
            throw new IllegalArgumentException(field + ": missing");
        }
        for (Map.Entry<String, V> e : m.entrySet()) {
            if (e.getValue() == null) {
                throw new IllegalArgumentException(field + "." + e.getKey() + ": null");
            }
        }
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }
}
