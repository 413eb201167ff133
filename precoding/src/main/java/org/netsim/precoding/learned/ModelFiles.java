package org.netsim.precoding.learned;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A saved learned model: a directory (or a class-path folder, for the shipped models) holding
 * <ul>
 *   <li>{@value #PARAMETERS_FILE}: the trained parameters in DJL's block parameter encoding
 *       ({@link Block#saveParameters}), read back into a block of the same architecture;</li>
 *   <li>{@value #CARD_FILE}: the {@link ModelCard}, with the SHA-256 of the parameters file.</li>
 * </ul>
 * This module reads model directories but writes no file (DESIGN.md: models return values, {@code runs} does
 * I/O): {@link #encode} returns both files' bytes, and the writer stores {@value #PARAMETERS_FILE} first and
 * {@value #CARD_FILE} last, each under a temporary name renamed into place (the runs module's atomic writer), so
 * a directory with a card always holds the complete model it describes. Loading checks the model kind and the
 * hash before reading the parameters.
 */
public final class ModelFiles {

    /** The parameters file name. */
    public static final String PARAMETERS_FILE = "parameters.djl";
    /** The card file name. */
    public static final String CARD_FILE = "card.json";

    private ModelFiles() {
    }

    /** Where a model's two files are read from. */
    public interface Location {
        /** @return the file {@code name} of the model, opened for reading */
        InputStream open(String name) throws IOException;

        /** @return a description for messages (a path or {@code classpath:...}) */
        String describe();

        /** A model directory. */
        static Location directory(Path dir) {
            return new Location() {
                @Override
                public InputStream open(String name) throws IOException {
                    try {
                        return new FileInputStream(dir.resolve(name).toFile());
                    } catch (FileNotFoundException e) {
                        throw new NoSuchFileException(dir.resolve(name).toString());
                    }
                }

                @Override
                public String describe() {
                    return dir.toString();
                }
            };
        }

        /** A class-path folder, e.g. {@code org/netsim/precoding/learned/sun/sun-imac-3-12} (no leading slash). */
        static Location classpath(String folder) {
            return new Location() {
                @Override
                public InputStream open(String name) throws IOException {
                    InputStream in = ModelFiles.class.getClassLoader().getResourceAsStream(folder + "/" + name);
                    if (in == null) {
                        throw new NoSuchFileException("classpath:" + folder + "/" + name);
                    }
                    return in;
                }

                @Override
                public String describe() {
                    return "classpath:" + folder;
                }
            };
        }
    }

    /**
     * The two files of a model, ready to be written (parameters first, card last).
     *
     * @param parameters the bytes of {@value #PARAMETERS_FILE}
     * @param cardJson the bytes of {@value #CARD_FILE} (UTF-8 JSON)
     * @param card the card as encoded, with its parameters hash
     */
    public record Encoded(byte[] parameters, byte[] cardJson, ModelCard card) {
    }

    /** Encodes {@code block}'s parameters and {@code card} (its hash field filled in). */
    public static Encoded encode(Block block, ModelCard card) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            block.saveParameters(out);
        } catch (IOException e) {
            throw new UncheckedIOException("parameters: cannot encode", e);
        }
        byte[] parameters = bytes.toByteArray();
        ModelCard written = card.withParametersSha256(sha256(parameters));
        return new Encoded(parameters, written.toJson().getBytes(StandardCharsets.UTF_8), written);
    }

    /**
     * Reads the card of a model.
     *
     * @param expectedKind the model kind the caller can run
     * @throws IllegalArgumentException (one line) when the card is missing, malformed or of another kind
     */
    public static ModelCard readCard(Location location, String expectedKind) {
        ModelCard card;
        try (InputStream in = location.open(CARD_FILE)) {
            card = ModelCard.fromJson(in, location.describe() + "/" + CARD_FILE);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(location.describe() + ": no " + CARD_FILE
                    + " (not a saved model directory)", e);
        } catch (IOException e) {
            throw new IllegalArgumentException(location.describe() + "/" + CARD_FILE + ": cannot read: " + e, e);
        }
        if (!card.modelKind().equals(expectedKind)) {
            throw new IllegalArgumentException(location.describe() + ": the model is a '" + card.modelKind()
                    + "', expected a '" + expectedKind + "'");
        }
        return card;
    }

    /**
     * Loads the parameters of a model into {@code block}, which has the card's architecture.
     *
     * @param manager owner of the loaded parameter arrays
     * @throws IllegalArgumentException (one line) when the file is missing, does not match the card's hash or
     *     does not fit the block
     */
    public static void loadParameters(Location location, ModelCard card, Block block, NDManager manager) {
        byte[] parameters;
        try (InputStream in = location.open(PARAMETERS_FILE)) {
            parameters = in.readAllBytes();
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(location.describe() + ": no " + PARAMETERS_FILE, e);
        } catch (IOException e) {
            throw new IllegalArgumentException(location.describe() + "/" + PARAMETERS_FILE + ": cannot read: " + e,
                    e);
        }
        String hash = sha256(parameters);
        if (card.parametersSha256() != null && !card.parametersSha256().equals(hash)) {
            throw new IllegalArgumentException(location.describe() + "/" + PARAMETERS_FILE
                    + ": SHA-256 " + hash + " differs from the card's " + card.parametersSha256()
                    + " (files of different models)");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(parameters))) {
            block.loadParameters(manager, in);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            throw new IllegalArgumentException(location.describe() + "/" + PARAMETERS_FILE
                    + ": does not fit the architecture of the card (" + card.architecture() + "): "
                    + firstLine(e.getMessage()), e);
        }
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "malformed";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
