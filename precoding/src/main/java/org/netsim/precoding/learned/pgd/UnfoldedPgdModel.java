package org.netsim.precoding.learned.pgd;

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
import org.netsim.precoding.learned.JsonModelFiles;
import org.netsim.precoding.learned.ModelCard;

/**
 * A saved unfolded PGD WMMSE model: a directory (or a class-path folder, for the shipped model) holding
 * <ul>
 *   <li>{@value #PARAMETERS_FILE}: L, Q and rho ({@link UnfoldedPgdSteps}, gamma_lq = exp(rho_lq)) as JSON doubles
 *       in their shortest exact decimal form, so they round-trip bit for bit;</li>
 *   <li>{@value #CARD_FILE}: the {@link ModelCard} (kind {@value UnfoldedPgdPrecoder#NAME}) with the SHA-256 of the
 *       parameters file.</li>
 * </ul>
 * JSON rather than DJL's encoding, so that the per-problem executor and the {@code unfolded-pgd} precoder load a
 * model without the deep-learning engine. This class reads and encodes; the runs module writes the files
 * (parameters first, card last).
 *
 * @param card the card
 * @param steps the step sizes
 */
public record UnfoldedPgdModel(ModelCard card, UnfoldedPgdSteps steps) {

    /** The parameters file name. */
    public static final String PARAMETERS_FILE = "parameters.json";
    /** The card file name. */
    public static final String CARD_FILE = "card.json";
    /**
     * Class-path folder of a shipped model trained on {@code iid-cn} (the paper's Scenario I): L = 7, Q = 16, trained
     * by the command in its card (docs/unfolded-pgd.md).
     */
    public static final String SHIPPED_IID_CN = "org/netsim/precoding/learned/pgd/unfolded-pgd-iid-cn";

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /** The JSON layout of {@value #PARAMETERS_FILE}. */
    public record ParametersJson(int layers, int substeps, double[] logSteps) {
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

    /** Encodes step sizes and card (the card's hash filled in). */
    public static Encoded encode(UnfoldedPgdSteps steps, ModelCard card) {
        byte[] params;
        try {
            params = JSON.writeValueAsString(new ParametersJson(steps.layers(), steps.substeps(), steps.logSteps()))
                    .concat("\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("unfolded-pgd parameters: cannot encode", e);
        }
        ModelCard written = card.withParametersSha256(sha256(params));
        return new Encoded(params, written.toJson().getBytes(StandardCharsets.UTF_8), written);
    }

    /** Reads a model directory. */
    public static UnfoldedPgdModel read(Path dir) {
        return read(name -> {
            try {
                return new FileInputStream(dir.resolve(name).toFile());
            } catch (FileNotFoundException e) {
                throw new NoSuchFileException(dir.resolve(name).toString());
            }
        }, dir.toString());
    }

    /** Reads a class-path folder, e.g. {@link #SHIPPED_IID_CN}. */
    public static UnfoldedPgdModel readResource(String folder) {
        return read(name -> {
            InputStream in = UnfoldedPgdModel.class.getClassLoader().getResourceAsStream(folder + "/" + name);
            if (in == null) {
                throw new NoSuchFileException("classpath:" + folder + "/" + name);
            }
            return in;
        }, "classpath:" + folder);
    }

    private interface Opener {
        InputStream open(String name) throws IOException;
    }

    private static UnfoldedPgdModel read(Opener opener, String where) {
        ModelCard card = JsonModelFiles.readCard(opener::open, where, CARD_FILE);
        if (!card.modelKind().equals(UnfoldedPgdPrecoder.NAME)) {
            throw new IllegalArgumentException(where + ": the model is a '" + card.modelKind() + "', expected a '"
                    + UnfoldedPgdPrecoder.NAME + "'");
        }
        byte[] bytes = JsonModelFiles.readParameters(opener::open, where, PARAMETERS_FILE, card);
        try {
            ParametersJson p = JSON.readValue(bytes, ParametersJson.class);
            return new UnfoldedPgdModel(card, new UnfoldedPgdSteps(p.layers(), p.substeps(), p.logSteps()));
        } catch (IOException | RuntimeException e) {
            throw JsonModelFiles.badParameters(where, PARAMETERS_FILE, e);
        }
    }

    static String sha256(byte[] data) {
        return JsonModelFiles.sha256(data);
    }
}
