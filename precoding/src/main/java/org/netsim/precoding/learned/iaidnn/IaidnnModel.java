package org.netsim.precoding.learned.iaidnn;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import org.netsim.precoding.Problem;
import org.netsim.precoding.learned.JsonModelFiles;
import org.netsim.precoding.learned.ModelCard;

/**
 * A saved IAIDNN model: a directory (or class-path folder) holding {@value #PARAMETERS_FILE} (the architecture and
 * the {@link IaidnnWeights} as JSON doubles in their shortest exact decimal form, so they round-trip bit for bit)
 * and {@value #CARD_FILE} ({@link ModelCard} of kind {@value IaidnnPrecoder#NAME}, with the parameters' SHA-256).
 * The card's dimensions fix M, I, N and d: an IAIDNN parameter set only serves problems of exactly these
 * dimensions (GCN-WMMSE paper, §V-C), and {@link #requireFits} fails with a message naming the first dimension
 * that differs. JSON rather than DJL's format, so that the per-problem executor loads without the engine. This
 * class reads files and encodes bytes; the runs module writes them (parameters first, card last).
 *
 * @param card the card
 * @param weights the weights
 */
public record IaidnnModel(ModelCard card, IaidnnWeights weights) {

    /** The parameters file name. */
    public static final String PARAMETERS_FILE = "parameters.json";
    /** The card file name. */
    public static final String CARD_FILE = "card.json";
    /** Name of the shipped model for {@code iaidnn-16x8} (M = 16, I = 8, N = d = 2, L = 7; docs/iaidnn.md). */
    public static final String SHIPPED_16X8_NAME = "iaidnn-m16-i8";
    /** Class-path folder of the shipped model {@value #SHIPPED_16X8_NAME}, trained by the command in its card. */
    public static final String SHIPPED_16X8 = "org/netsim/precoding/learned/iaidnn/" + SHIPPED_16X8_NAME;

    /** @return whether this build ships {@link #SHIPPED_16X8} */
    public static boolean hasShipped() {
        return IaidnnModel.class.getClassLoader().getResource(SHIPPED_16X8 + "/" + CARD_FILE) != null;
    }

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /** The JSON layout of {@value #PARAMETERS_FILE}. */
    public record ParametersJson(IaidnnArchitecture architecture, Map<String, double[]> tensors) {
    }

    /** The two files' bytes (parameters first) and the card with its hash. */
    public record Encoded(byte[] parameters, byte[] cardJson, ModelCard card) {
    }

    public IaidnnModel {
        if (!card.modelKind().equals(IaidnnPrecoder.NAME)) {
            throw new IllegalArgumentException("card.modelKind: '" + card.modelKind() + "', expected '"
                    + IaidnnPrecoder.NAME + "'");
        }
        if (!card.dimensions().equals(weights.architecture().dimensions())) {
            throw new IllegalArgumentException("card.dimensions: " + card.dimensions() + " differ from the "
                    + "parameters' " + weights.architecture().dimensions());
        }
    }

    /** Encodes weights and card (the card's hash filled in). */
    public static Encoded encode(IaidnnWeights weights, ModelCard card) {
        byte[] params;
        try {
            params = JSON.writeValueAsString(new ParametersJson(weights.architecture(), weights.toArrays()))
                    .concat("\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("iaidnn parameters: cannot encode", e);
        }
        ModelCard written = card.withParametersSha256(sha256(params));
        new IaidnnModel(written, weights); // checks kind and dimensions
        return new Encoded(params, written.toJson().getBytes(StandardCharsets.UTF_8), written);
    }

    /** Reads a model directory. */
    public static IaidnnModel read(Path dir) {
        return read(name -> {
            java.io.File f = dir.resolve(name).toFile();
            if (!f.isFile()) {
                throw new NoSuchFileException(f.toString());
            }
            return new java.io.FileInputStream(f);
        }, dir.toString());
    }

    /** Reads a class-path folder. */
    public static IaidnnModel readResource(String folder) {
        return read(name -> {
            InputStream in = IaidnnModel.class.getClassLoader().getResourceAsStream(folder + "/" + name);
            if (in == null) {
                throw new NoSuchFileException("classpath:" + folder + "/" + name);
            }
            return in;
        }, "classpath:" + folder);
    }

    /**
     * Checks a problem against the card's dimensions.
     *
     * @throws IllegalArgumentException (one line) naming the first dimension that differs, or the multicell case
     */
    public void requireFits(Problem problem, String where) {
        IaidnnArchitecture.requireSingleCell(problem, where);
        card.requireDimensions(IaidnnArchitecture.dimensionsOf(problem), where
                + " (an IAIDNN parameter set is tied to its dimensions)");
    }

    private interface Opener {
        InputStream open(String name) throws IOException;
    }

    private static IaidnnModel read(Opener opener, String where) {
        ModelCard card = JsonModelFiles.readCard(opener::open, where, CARD_FILE);
        if (!card.modelKind().equals(IaidnnPrecoder.NAME)) {
            throw new IllegalArgumentException(where + ": the model is a '" + card.modelKind() + "', expected a '"
                    + IaidnnPrecoder.NAME + "'");
        }
        byte[] bytes = JsonModelFiles.readParameters(opener::open, where, PARAMETERS_FILE, card);
        try {
            ParametersJson p = JSON.readValue(bytes, ParametersJson.class);
            return new IaidnnModel(card, new IaidnnWeights(p.architecture(), p.tensors()));
        } catch (IOException | RuntimeException e) {
            throw JsonModelFiles.badParameters(where, PARAMETERS_FILE, e);
        }
    }

    static String sha256(byte[] data) {
        return JsonModelFiles.sha256(data);
    }
}
