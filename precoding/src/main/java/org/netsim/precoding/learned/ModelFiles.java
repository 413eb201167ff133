package org.netsim.precoding.learned;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
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
 * Saving writes each file to a temporary name in the target directory and renames it (atomically where the file
 * system can), parameters first and card last, so a directory with a card always holds the complete model it
 * describes. Loading checks the hash and the model kind before reading the parameters.
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
                    return Files.newInputStream(dir.resolve(name));
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
     * Saves {@code block}'s parameters and {@code card} (its hash field is filled in) into {@code dir}, created if
     * needed; existing files of a previous model are replaced.
     *
     * @return the card as written
     */
    public static ModelCard save(Path dir, Block block, ModelCard card) throws IOException {
        Files.createDirectories(dir);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            block.saveParameters(out);
        }
        byte[] parameters = bytes.toByteArray();
        ModelCard written = card.withParametersSha256(sha256(parameters));
        writeAtomically(dir.resolve(PARAMETERS_FILE), parameters);
        writeAtomically(dir.resolve(CARD_FILE), written.toJson().getBytes(StandardCharsets.UTF_8));
        return written;
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

    /** Writes {@code content} to a temporary file beside {@code target} and renames it over {@code target}. */
    static void writeAtomically(Path target, byte[] content) throws IOException {
        Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName(), ".tmp");
        try {
            Files.write(tmp, content);
            try {
                // temporary files are created owner-only; a saved model is an ordinary readable file
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: keep its default permissions
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
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
