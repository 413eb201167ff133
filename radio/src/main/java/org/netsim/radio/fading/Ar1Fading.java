package org.netsim.radio.fading;

import java.util.random.RandomGenerator;
import org.ejml.data.ZMatrixRMaj;

/**
 * First-order autoregressive Rayleigh fading (Baddour and Beaulieu, "Autoregressive Modeling for Fading Channel
 * Simulation", IEEE Trans. Wireless Commun., 2005, with AR order p = 1): every entry of W evolves as
 *
 * <pre>
 *   w(t + dt) = rho w(t) + sqrt(1 - rho^2) u,     u ~ CN(0, 1),     rho = J0(2 pi f_D dt),  f_D = v f_c / c
 * </pre>
 *
 * and H = R_ue^{1/2} W R_bs^{1/2} ({@link SpatialCorrelation}). Immutable.
 *
 * <p>What it matches: the lag-one correlation equals Clarke's J0(2 pi f_D T_slot) exactly, and the marginal law is
 * CN(0, 1) at all times; at lag k (constant speed) the correlation is rho^k, an exponential decay, not the
 * oscillating J0(2 pi f_D k T_slot) of Clarke's model (an AR(1) cannot reproduce it; a higher order would be needed,
 * see Baddour and Beaulieu). It is the usual "Gauss-Markov channel aging" model of the CSI-delay literature. rho is
 * recomputed (one allocation-free series evaluation of J0) only when v dt changes; v dt = 0 leaves the channel
 * unchanged and draws nothing. J0 &lt; 0 (f_D dt &gt; 0.383) is allowed.
 *
 * <p>Draws: at creation W ~ CN(0, I) (row-major, real part first, each part N(0, 1/2)); per update the same order.
 *
 * @param carrierHz f_c in Hz
 * @param correlation the spatial correlation (NONE for i.i.d. entries)
 */
public record Ar1Fading(double carrierHz, SpatialCorrelation correlation) implements FadingProcess {

    private static final double HALF_STD = Math.sqrt(0.5);

    /** Validates the components. */
    public Ar1Fading {
        Doppler.checkCarrier(carrierHz);
        if (correlation == null) {
            throw new IllegalArgumentException("correlation: must not be null");
        }
    }

    @Override
    public String name() {
        return "ar1";
    }

    /** @return rho = J0(2 pi f_D dt) for speed v and step dt */
    public double coefficient(double speedMps, double dtS) {
        return BesselJ0.value(argument(speedMps, dtS));
    }

    private double argument(double speedMps, double dtS) {
        return 2 * Math.PI * Doppler.maxDopplerHz(speedMps, carrierHz) * dtS;
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
        private final double[] white;
        private double cachedDistanceM = Double.NaN;
        private double rho;
        private double innovation;

        Link(int n, int m, RandomGenerator rng) {
            this.n = n;
            this.m = m;
            this.rng = rng;
            this.white = new double[2 * n * m];
            for (int e = 0; e < white.length; e++) {
                white[e] = HALF_STD * rng.nextGaussian();
            }
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
            double distance = speedMps * dtS;
            if (distance == 0) {
                return;
            }
            if (distance != cachedDistanceM) {
                cachedDistanceM = distance;
                double x = argument(speedMps, dtS);
                double oneMinusRho = BesselJ0.oneMinus(x);
                rho = 1 - oneMinusRho;
                // 1 - rho^2 = (1 - rho)(1 + rho), without cancellation for rho near 1
                innovation = Math.sqrt(Math.max(0, oneMinusRho * (1 + rho))) * HALF_STD;
            }
            for (int e = 0; e < white.length; e++) {
                white[e] = rho * white[e] + innovation * rng.nextGaussian();
            }
        }

        @Override
        public void writeInto(ZMatrixRMaj out) {
            SpatialCorrelation.checkShape(out, n, m);
            correlation.apply(white, out);
        }
    }
}
