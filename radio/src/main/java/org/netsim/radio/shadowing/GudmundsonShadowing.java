package org.netsim.radio.shadowing;

import java.util.function.IntFunction;
import java.util.random.RandomGenerator;

/**
 * Log-normal shadowing that is spatially correlated along each UE's trajectory (Gudmundson, "Correlation Model for
 * Shadow Fading in Mobile Radio Systems", Electronics Letters, 1991: exponential autocorrelation in distance),
 * with an optional correlation between the links of a UE to different sites. Immutable.
 *
 * <p>Per UE and site s, with unit-variance Gauss-Markov components A (common to all sites of the UE) and B_s (one
 * per link), after the UE moved a distance delta:
 *
 * <pre>
 *   rho   = exp(-delta / d_corr)
 *   A    &lt;- rho A   + sqrt(1 - rho^2) w,      w   ~ N(0, 1) from the UE stream
 *   B_s  &lt;- rho B_s + sqrt(1 - rho^2) w_s,    w_s ~ N(0, 1) from the stream of link s
 *   S_s   = sigma ( sqrt(r) A + sqrt(1 - r) B_s )                                           [dB]
 * </pre>
 *
 * so that every S_s ~ N(0, sigma^2), E[S_s(x) S_s(x + D)] = sigma^2 exp(-D / d_corr) for travelled distances x and
 * x + D whatever the step sizes (the AR(1) coefficients multiply: exp(-d1/d) exp(-d2/d) = exp(-(d1+d2)/d)), and
 * E[S_s S_t] = r sigma^2 for s != t. sqrt(1 - rho^2) is computed as sqrt(-expm1(-2 delta / d_corr)), accurate for
 * the millimetre steps of 1 ms slots. Typical values (3GPP TR 36.814, Annex A.2.1.1): sigma = 8 dB, d_corr =
 * 50 m, r = 0.5 between sites. d_corr = +infinity freezes the shadowing (drawn once per UE, the snapshot model).
 *
 * <p>Draws: at start A (if r &gt; 0) from the UE stream, then B_s (if r &lt; 1) from each link's stream; per
 * update likewise. Because every link has its own stream, adding sites does not change the existing links' draws.
 *
 * @param sigmaDb sigma in dB, finite and &gt;= 0
 * @param decorrelationDistanceM d_corr in metres, &gt; 0 (+infinity allowed: frozen)
 * @param siteCorrelation r in [0, 1]
 */
public record GudmundsonShadowing(double sigmaDb, double decorrelationDistanceM, double siteCorrelation)
        implements ShadowingProcess {

    /** Validates the components. */
    public GudmundsonShadowing {
        if (!(sigmaDb >= 0) || Double.isInfinite(sigmaDb)) {
            throw new IllegalArgumentException("sigmaDb: must be finite and >= 0, got " + sigmaDb);
        }
        if (!(decorrelationDistanceM > 0)) {
            throw new IllegalArgumentException("decorrelationDistanceM: must be > 0, got " + decorrelationDistanceM);
        }
        if (!(siteCorrelation >= 0 && siteCorrelation <= 1)) {
            throw new IllegalArgumentException("siteCorrelation: must be in [0, 1], got " + siteCorrelation);
        }
    }

    @Override
    public String name() {
        return Double.isInfinite(decorrelationDistanceM) ? "lognormal" : "gudmundson";
    }

    @Override
    public UeShadowing start(int numSites, RandomGenerator ueRng, IntFunction<RandomGenerator> siteRng) {
        if (numSites < 1) {
            throw new IllegalArgumentException("numSites: must be >= 1, got " + numSites);
        }
        return new State(numSites, ueRng, siteRng);
    }

    private final class State implements UeShadowing {

        private final RandomGenerator ueRng;
        private final RandomGenerator[] siteRngs;
        private final double[] b;
        private final double[] db;
        private final double wCommon;
        private final double wLink;
        private double a;

        State(int numSites, RandomGenerator ueRng, IntFunction<RandomGenerator> siteRng) {
            wCommon = sigmaDb * Math.sqrt(siteCorrelation);
            wLink = sigmaDb * Math.sqrt(1 - siteCorrelation);
            boolean common = siteCorrelation > 0 && sigmaDb > 0;
            boolean link = siteCorrelation < 1 && sigmaDb > 0;
            if (common && ueRng == null) {
                throw new IllegalArgumentException("ueRng: required with siteCorrelation > 0");
            }
            if (link && siteRng == null) {
                throw new IllegalArgumentException("siteRng: required with siteCorrelation < 1");
            }
            this.ueRng = common ? ueRng : null;
            this.siteRngs = new RandomGenerator[numSites];
            this.b = new double[numSites];
            this.db = new double[numSites];
            a = common ? ueRng.nextGaussian() : 0;
            for (int s = 0; s < numSites; s++) {
                if (link) {
                    siteRngs[s] = siteRng.apply(s);
                    if (siteRngs[s] == null) {
                        throw new IllegalArgumentException("siteRng: returned null for site " + s);
                    }
                    b[s] = siteRngs[s].nextGaussian();
                }
            }
            refresh();
        }

        @Override
        public int numSites() {
            return b.length;
        }

        @Override
        public double db(int site) {
            return db[site];
        }

        @Override
        public void advance(double movedDistanceM) {
            if (!(movedDistanceM >= 0) || Double.isInfinite(movedDistanceM)) {
                throw new IllegalArgumentException("movedDistanceM: must be finite and >= 0, got " + movedDistanceM);
            }
            if (movedDistanceM == 0 || Double.isInfinite(decorrelationDistanceM) || sigmaDb == 0) {
                return;
            }
            double x = movedDistanceM / decorrelationDistanceM;
            double rho = Math.exp(-x);
            double innovation = Math.sqrt(-Math.expm1(-2 * x));
            if (ueRng != null) {
                a = rho * a + innovation * ueRng.nextGaussian();
            }
            for (int s = 0; s < b.length; s++) {
                if (siteRngs[s] != null) {
                    b[s] = rho * b[s] + innovation * siteRngs[s].nextGaussian();
                }
            }
            refresh();
        }

        private void refresh() {
            for (int s = 0; s < b.length; s++) {
                db[s] = wCommon * a + wLink * b[s];
            }
        }
    }
}
