package org.netsim.precoding.learned;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Reading the two files of a model saved as JSON (no deep-learning engine needed): its {@link ModelCard} and its
 * parameters file, whose SHA-256 must match the one the card records, with one-line errors naming the file. The
 * models whose parameters are plain numbers (GCN-WMMSE, unfolded PGD, UWMMSE, IAIDNN) share it; each parses its
 * own parameters and checks its own kind and dimensions.
 */
public final class JsonModelFiles {

    /** Opens one file of a model by name: in a directory or a class-path folder. */
    public interface Opener {
        /** @throws NoSuchFileException if the file does not exist */
        InputStream open(String name) throws IOException;
    }

    private JsonModelFiles() {
    }

    /** @return the card {@code cardFile} of the model at {@code where}; otherwise a one-line error naming it */
    public static ModelCard readCard(Opener opener, String where, String cardFile) {
        try (InputStream in = opener.open(cardFile)) {
            return ModelCard.fromJson(in, where + "/" + cardFile);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(where + ": no " + cardFile + " (not a saved model directory)", e);
        } catch (IOException e) {
            throw new IllegalArgumentException(where + "/" + cardFile + ": cannot read: " + e, e);
        }
    }

    /**
     * @return the bytes of {@code parametersFile}, checked against the SHA-256 in {@code card} when it has one;
     *     otherwise a one-line error naming the file
     */
    public static byte[] readParameters(Opener opener, String where, String parametersFile, ModelCard card) {
        byte[] bytes;
        try (InputStream in = opener.open(parametersFile)) {
            bytes = in.readAllBytes();
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(where + ": no " + parametersFile, e);
        } catch (IOException e) {
            throw new IllegalArgumentException(where + "/" + parametersFile + ": cannot read: " + e, e);
        }
        String hash = sha256(bytes);
        if (card.parametersSha256() != null && !card.parametersSha256().equals(hash)) {
            throw new IllegalArgumentException(where + "/" + parametersFile + ": SHA-256 " + hash
                    + " differs from the card's " + card.parametersSha256() + " (files of different models)");
        }
        return bytes;
    }

    /** @return the one-line error for parameters that do not parse or do not fit (first line of the cause) */
    public static IllegalArgumentException badParameters(String where, String parametersFile, Exception cause) {
        String msg = cause.getMessage() == null ? cause.toString() : cause.getMessage();
        int nl = msg.indexOf('\n');
        return new IllegalArgumentException(where + "/" + parametersFile + ": bad parameters: "
                + (nl < 0 ? msg : msg.substring(0, nl)), cause);
    }

    /** @return the lower-case hexadecimal SHA-256 of {@code data} */
    public static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
