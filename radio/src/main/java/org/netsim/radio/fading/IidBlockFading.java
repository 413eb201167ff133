package org.netsim.radio.fading;

import java.util.random.RandomGenerator;
import org.ejml.data.ZMatrixRMaj;

/**
 * I.i.d. Rayleigh block fading: every {@link LinkFading#advance} with dt &gt; 0 draws a fresh W with i.i.d.
 * CN(0, 1) entries ({@link RayleighFading}: row-major, real part first), independent of the previous slot and of
 * the speed (the block-fading assumption of the seed papers' snapshot scenarios), then H = R_ue^{1/2} W
 * R_bs^{1/2} ({@link SpatialCorrelation}). Immutable.
 *
 * @param correlation the spatial correlation (NONE for i.i.d. entries)
 */
public record IidBlockFading(SpatialCorrelation correlation) implements FadingProcess {

    public IidBlockFading {
        if (correlation == null) {
            throw new IllegalArgumentException("correlation: must not be null");
        }
    }

    @Override
    public String name() {
        return "iid";
    }

    @Override
    public LinkFading newLink(int numRx, int numTx, RandomGenerator rng) {
        FadingProcess.checkDimensions(numRx, numTx);
        if (rng == null) {
            throw new IllegalArgumentException("rng: must not be null");
        }
        return new Link(numRx, numTx, rng);
    }

    private final class Link implements LinkFading {

        private final int n;
        private final int m;
        private final RandomGenerator rng;
        private final ZMatrixRMaj white;

        Link(int n, int m, RandomGenerator rng) {
            this.n = n;
            this.m = m;
            this.rng = rng;
            this.white = new ZMatrixRMaj(n, m);
            RayleighFading.INSTANCE.drawInto(rng, white);
        }

        @Override
        public int numRx() {
            return n;
        }

        @Override
        public int numTx() {
            return m;
        }

        @Override
        public void advance(double dtS, double speedMps) {
            LinkFading.checkStep(dtS, speedMps);
            if (dtS > 0) {
                RayleighFading.INSTANCE.drawInto(rng, white);
            }
        }

        @Override
        public void writeInto(ZMatrixRMaj out) {
            SpatialCorrelation.checkShape(out, n, m);
            correlation.apply(white.data, out);
        }
    }
}
