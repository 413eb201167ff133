package org.netsim.precoding.learned.uwmmse;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import org.netsim.precoding.learned.JsonModelFiles;
import org.netsim.precoding.learned.ModelCard;

/**
 * A saved UWMMSE model: a directory (or class-path folder) holding {@value #PARAMETERS_FILE} (L, H and the named
 * tensors of {@link UwmmseWeights} as JSON doubles, which round-trip exactly) and {@value #CARD_FILE} (the
 * {@link ModelCard}, kind {@value UwmmseExecutor#NAME}, with the SHA-256 of the parameters file). JSON rather than
 * DJL's encoding so that the per-problem executor and the {@code uwmmse} precoder run without the deep-learning
 * engine. This class reads and encodes; the runs module writes (parameters first, card last).
 *
 * <p>The card must state {@code hyperparameters.problem = "siso-pairs"}: the model only runs on SISO
 * transmitter-receiver pairs, and the precoder checks every problem ({@link UwmmseExecutor#requireSisoPairs}).
 *
 * @param card the card
 * @param weights the weights
 */
public record UwmmseModel(ModelCard card, UwmmseWeights weights) {

    /** The parameters file name. */
    public static final String PARAMETERS_FILE = "parameters.json";
    /** The card file name. */
    public static final String CARD_FILE = "card.json";
    /** The card's problem class. */
    public static final String PROBLEM_CLASS = "siso-pairs";
    /** The class-path folder of the shipped model (present only when one was trained). */
    public static final String SHIPPED = "org/netsim/precoding/learned/uwmmse/uwmmse-pairs-20";

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /** The JSON layout of {@value #PARAMETERS_FILE}. */
    public record ParametersJson(int layers, int hidden, Map<String, double[]> tensors) {
    }

    /**
     * The two files' bytes.
     *
     * @param parameters bytes of {@value #PARAMETERS_FILE}
     * @param cardJson bytes of {@value #CARD_FILE}
     * @param card the card with its hash
     */
    public record Encoded(byte[] parameters, byte[] cardJson, ModelCard card) {
    }

    /** Encodes weights and card (the card's hash filled in). */
    public static Encoded encode(UwmmseWeights weights, ModelCard card) {
        requireCard(card, "card");
        byte[] params;
        try {
            params = JSON.writeValueAsString(new ParametersJson(weights.layers(), weights.hidden(),
                    weights.toArrays())).concat("\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("uwmmse parameters: cannot encode", e);
        }
        ModelCard written = card.withParametersSha256(sha256(params));
        return new Encoded(params, written.toJson().getBytes(StandardCharsets.UTF_8), written);
    }

    private static void requireCard(ModelCard card, String where) {
        if (!card.modelKind().equals(UwmmseExecutor.NAME)) {
            throw new IllegalArgumentException(where + ": the model is a '" + card.modelKind() + "', expected a '"
                    + UwmmseExecutor.NAME + "'");
        }
        Object problem = card.hyperparameters().get("problem");
        if (!PROBLEM_CLASS.equals(problem)) {
            throw new IllegalArgumentException(where + ": hyperparameters.problem is " + problem + ", a uwmmse model"
                    + " must be trained on SISO transmitter-receiver pairs ('" + PROBLEM_CLASS + "')");
        }
    }

    /** Reads a model directory. */
    public static UwmmseModel read(Path dir) {
        return read(name -> {
            try {
                return new FileInputStream(dir.resolve(name).toFile());
            } catch (FileNotFoundException e) {
                throw new NoSuchFileException(dir.resolve(name).toString());
            }
        }, dir.toString());
    }

    /** Reads a class-path folder. */
    public static UwmmseModel readResource(String folder) {
        return read(name -> {
            InputStream in = UwmmseModel.class.getClassLoader().getResourceAsStream(folder + "/" + name);
            if (in == null) {
                throw new NoSuchFileException("classpath:" + folder + "/" + name);
            }
            return in;
        }, "classpath:" + folder);
    }

    /** @return whether a shipped model is on the class path */
    public static boolean shippedAvailable() {
        return UwmmseModel.class.getClassLoader().getResource(SHIPPED + "/" + CARD_FILE) != null;
    }

    private interface Opener {
        InputStream open(String name) throws IOException;
    }

    private static UwmmseModel read(Opener opener, String where) {
        ModelCard card = JsonModelFiles.readCard(opener::open, where, CARD_FILE);
        requireCard(card, where);
        byte[] bytes = JsonModelFiles.readParameters(opener::open, where, PARAMETERS_FILE, card);
        try {
            ParametersJson p = JSON.readValue(bytes, ParametersJson.class);
            return new UwmmseModel(card, new UwmmseWeights(p.layers(), p.hidden(), p.tensors()));
        } catch (IOException | RuntimeException e) {
            throw JsonModelFiles.badParameters(where, PARAMETERS_FILE, e);
        }
    }

    static String sha256(byte[] data) {
        return JsonModelFiles.sha256(data);
    }
}
