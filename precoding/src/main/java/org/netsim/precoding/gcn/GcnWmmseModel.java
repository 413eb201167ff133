package org.netsim.precoding.gcn;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
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
 * A saved GCN-WMMSE model: a directory (or a class-path folder, for the shipped model) holding
 * <ul>
 *   <li>{@value #PARAMETERS_FILE}: the weights ({@link GcnWmmseWeights}: L, G, F, b_S and the named tensors) as
 *       JSON doubles in their shortest exact decimal form, so they round-trip bit for bit;</li>
 *   <li>{@value #CARD_FILE}: the {@link ModelCard} (kind {@value GcnWmmsePrecoder#NAME}), with the SHA-256 of
 *       the parameters file.</li>
 * </ul>
 * The parameters are JSON rather than DJL's encoding so that the per-problem EJML executor, and with it the
 * {@code gcn-wmmse} precoder and the distributed mode, load a model without the deep-learning engine. This class
 * reads model files and encodes them to bytes; the runs module writes them (parameters first, card last, each
 * renamed into place), so a directory with a card holds the complete model it describes.
 *
 * @param card the card
 * @param weights the weights
 */
public record GcnWmmseModel(ModelCard card, GcnWmmseWeights weights) {

    /** The parameters file name. */
    public static final String PARAMETERS_FILE = "parameters.json";
    /** The card file name. */
    public static final String CARD_FILE = "card.json";
    /** Class-path folder of the shipped model trained on {@code gcnwmmse-base}. */
    public static final String SHIPPED_BASE = "org/netsim/precoding/learned/gcn/gcn-wmmse-base";

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /** The JSON layout of {@value #PARAMETERS_FILE}. */
    public record ParametersJson(int layers, int degree, int features, double biasScale, Map<String, double[]> tensors) {
    }

    /**
     * The two files' bytes, ready to be written (parameters first).
     *
     * @param parameters bytes of {@value #PARAMETERS_FILE}
     * @param cardJson bytes of {@value #CARD_FILE}
     * @param card the card with its parameters hash
     */
    public record Encoded(byte[] parameters, byte[] cardJson, ModelCard card) {
    }

    /** Encodes weights and card (the card's hash filled in). */
    public static Encoded encode(GcnWmmseWeights weights, ModelCard card) {
        byte[] params;
        try {
            params = JSON.writeValueAsString(new ParametersJson(weights.layers(), weights.degree(), weights.features(),
                    weights.biasScale(), weights.toArrays())).concat("\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("gcn-wmmse parameters: cannot encode", e);
        }
        ModelCard written = card.withParametersSha256(sha256(params));
        return new Encoded(params, written.toJson().getBytes(StandardCharsets.UTF_8), written);
    }

    /** Reads a model directory. */
    public static GcnWmmseModel read(Path dir) {
        return read(name -> {
            try {
                return new java.io.FileInputStream(dir.resolve(name).toFile());
            } catch (FileNotFoundException e) {
                throw new NoSuchFileException(dir.resolve(name).toString());
            }
        }, dir.toString());
    }

    /** Reads a class-path folder, e.g. {@link #SHIPPED_BASE}. */
    public static GcnWmmseModel readResource(String folder) {
        return read(name -> {
            InputStream in = GcnWmmseModel.class.getClassLoader().getResourceAsStream(folder + "/" + name);
            if (in == null) {
                throw new NoSuchFileException("classpath:" + folder + "/" + name);
            }
            return in;
        }, "classpath:" + folder);
    }

    /** @return the shipped model trained on {@code gcnwmmse-base} */
    public static GcnWmmseModel shippedBase() {
        return readResource(SHIPPED_BASE);
    }

    private interface Opener {
        InputStream open(String name) throws IOException;
    }

    private static GcnWmmseModel read(Opener opener, String where) {
        ModelCard card = JsonModelFiles.readCard(opener::open, where, CARD_FILE);
        if (!card.modelKind().equals(GcnWmmsePrecoder.NAME)) {
            throw new IllegalArgumentException(where + ": the model is a '" + card.modelKind() + "', expected a '"
                    + GcnWmmsePrecoder.NAME + "'");
        }
        byte[] bytes = JsonModelFiles.readParameters(opener::open, where, PARAMETERS_FILE, card);
        try {
            ParametersJson p = JSON.readValue(bytes, ParametersJson.class);
            return new GcnWmmseModel(card, GcnWmmseWeights.fromArrays(p.layers(), p.degree(), p.features(),
                    p.biasScale(), p.tensors()));
        } catch (IOException | RuntimeException e) {
            throw JsonModelFiles.badParameters(where, PARAMETERS_FILE, e);
        }
    }

    static String sha256(byte[] data) {
        return JsonModelFiles.sha256(data);
    }
}
