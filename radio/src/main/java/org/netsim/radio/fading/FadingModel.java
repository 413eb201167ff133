package org.netsim.radio.fading;

import java.util.random.RandomGenerator;
import org.ejml.data.ZMatrixRMaj;

/**
 * Small-scale fading of a MIMO link: a random N x M complex matrix with E|h_nm|^2 = 1 per entry, to be scaled by
 * the square root of the large-scale gain. Implementations are immutable and draw only from the given generator
 * (time-evolving fading models keep their state elsewhere and build on this).
 */
public interface FadingModel {

    /** @return the model's name */
    String name();

    /**
     * Fills {@code out} (its current shape N x M) with a fresh draw.
     *
     * @param rng the link's random stream
     * @param out modified
     */
    void drawInto(RandomGenerator rng, ZMatrixRMaj out);

    /** @return a fresh {@code rows x cols} draw */
    default ZMatrixRMaj draw(RandomGenerator rng, int rows, int cols) {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("rows, cols: must be >= 1, got " + rows + "x" + cols);
        }
        ZMatrixRMaj h = new ZMatrixRMaj(rows, cols);
        drawInto(rng, h);
        return h;
    }
}
