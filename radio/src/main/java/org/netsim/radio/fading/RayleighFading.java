package org.netsim.radio.fading;

import java.util.random.RandomGenerator;
import org.ejml.data.ZMatrixRMaj;

/**
 * I.i.d. Rayleigh fading: every entry h_nm ~ CN(0, 1), i.e. Re and Im independent N(0, 1/2), so E|h_nm|^2 = 1 and
 * E||H||_F^2 = N M. Entries are drawn row-major, real part first, each from one
 * {@link RandomGenerator#nextGaussian()} call. Stateless singleton.
 */
public final class RayleighFading implements FadingModel {

    /** The instance. */
    public static final RayleighFading INSTANCE = new RayleighFading();

    private static final double HALF_STD = Math.sqrt(0.5);

    private RayleighFading() {
    }

    @Override
    public String name() {
        return "rayleigh";
    }

    @Override
    public void drawInto(RandomGenerator rng, ZMatrixRMaj out) {
        double[] d = out.data;
        int n = out.getDataLength();
        for (int e = 0; e < n; e++) {
            d[e] = HALF_STD * rng.nextGaussian();
        }
    }
}
