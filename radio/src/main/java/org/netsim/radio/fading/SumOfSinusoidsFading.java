package org.netsim.radio.fading;

import java.util.random.RandomGenerator;
import org.ejml.data.ZMatrixRMaj;

/**
 * Clarke/Jakes Rayleigh fading by a sum of sinusoids with random phases and arrival angles per entry, the improved
 * model of Zheng and Xiao ("Improved Models for the Generation of Multiple Uncorrelated Rayleigh Fading Waveforms",
 * IEEE Commun. Lett., 2002; normalised here to E|w|^2 = 1, where the letter gives each quadrature component unit
 * power): every entry of W is, with Q sinusoids per quadrature component,
 *
 * <pre>
 *   w(t) = sqrt(1/Q) sum_{n=1..Q} cos(Phi(t) cos a_n + phi_n) + j sqrt(1/Q) sum_{n=1..Q} cos(Phi(t) sin a_n + psi_n)
 *   a_n  = (2 pi n - pi + theta) / (4 Q)
 * </pre>
 *
 * with theta, phi_n, psi_n i.i.d. U[-pi, pi) drawn once per entry, and H = R_ue^{1/2} W R_bs^{1/2}
 * ({@link SpatialCorrelation}). Immutable.
 *
 * <p>Continuous time and speed changes: Phi(t) = 2 pi integral_0^t f_D(s) ds = 2 pi x(t) / lambda is the Doppler
 * phase, x the distance the UE travelled and lambda = c / f_c, so w is evaluated at continuous time (position):
 * a step of dt at speed v adds 2 pi v dt / lambda whatever the slot grid, and a speed change changes the rate, not
 * the phase (no jump). At constant speed the ensemble autocorrelation is Clarke's E[w(t) w*(t + tau)] =
 * J0(2 pi f_D tau) for every Q (the random theta makes a_n uniform over [0, pi/2], and both
 * (2/pi) int_0^{pi/2} cos(x cos a) da and its sine counterpart are J0(x)); E|w|^2 = 1, the real and imaginary
 * parts are uncorrelated and each has variance 1/2; a single link's time average converges to a Q-term
 * approximation of J0 (Zheng and Xiao's point: the statistics are exact over the ensemble of links).
 *
 * <p>Implementation: each of the 2 Q N M sinusoids is an oscillator e^{j(Phi kappa + phase)} (kappa = cos a_n or
 * sin a_n) advanced by the rotation e^{j dPhi kappa}. The rotations change only when dPhi = 2 pi v dt / lambda
 * changes: by at most {@value #SMALL_CHANGE_RAD} rad they are corrected by a short Taylor series (the speed of a
 * Gauss-Markov UE changes a little every slot), otherwise recomputed with two trigonometric calls per oscillator.
 * A slot thus costs one or two complex multiplications per oscillator. Every {@value #RENORMALISE_EVERY} updates
 * the oscillators are renormalised and corrected rotations recomputed exactly, against rounding drift. Memory:
 * 10 Q doubles per entry (Q = 8: 640 bytes per entry, 164 kB for a 4 x 64 link).
 *
 * <p>Draws at creation, entry by entry (row-major): theta, then phi_1..phi_Q, then psi_1..psi_Q (each
 * -pi + 2 pi u). No draws afterwards: the process is deterministic given its phases.
 *
 * @param carrierHz f_c in Hz
 * @param numSinusoids Q &gt;= 1 per quadrature component (Zheng and Xiao use 8 or more)
 * @param correlation the spatial correlation (NONE for i.i.d. entries)
 */
public record SumOfSinusoidsFading(double carrierHz, int numSinusoids, SpatialCorrelation correlation)
        implements FadingProcess {

    /** Updates between renormalisations of the oscillators. */
    static final int RENORMALISE_EVERY = 1024;
    /** Largest change of the per-step Doppler phase (radians) applied to the rotations by a Taylor correction. */
    static final double SMALL_CHANGE_RAD = 1e-3;
    private static final double INV_6 = 1.0 / 6;
    private static final double INV_12 = 1.0 / 12;

    public SumOfSinusoidsFading {
        Doppler.checkCarrier(carrierHz);
        if (numSinusoids < 1 || numSinusoids > 1024) {
            throw new IllegalArgumentException("numSinusoids: must be in [1, 1024], got " + numSinusoids);
        }
        if (correlation == null) {
            throw new IllegalArgumentException("correlation: must not be null");
        }
    }

    @Override
    public String name() {
        return "sum-of-sinusoids";
    }

    @Override
    public LinkFading newLink(int numRx, int numTx, RandomGenerator rng) {
        FadingProcess.checkDimensions(numRx, numTx);
        if (rng == null) {
            throw new IllegalArgumentException("rng: must not be null");
        }
        return new Link(numRx, numTx, rng);
    }

    /** Per-link state: the oscillators and their rotations, the Doppler phase, W. */
    final class Link implements LinkFading {

        private final int n;
        private final int m;
        /**
         * Per oscillator o: its value (oscRe, oscIm) and its rotation (rotRe, rotIm), in separate arrays so that the
         * per-slot rotation loop vectorises; the oscillators of entry e are [e 2Q, (e + 1) 2Q), real part first.
         */
        private final double[] oscRe;
        private final double[] oscIm;
        private final double[] rotRe;
        private final double[] rotIm;
        private final double[] kappa;
        private final double[] white;
        private final double amplitude;
        private double cachedDeltaPhaseRad = Double.NaN;
        private double dopplerPhaseRad;
        private int sinceRenormalise;
        private boolean corrected;

        Link(int n, int m, RandomGenerator rng) {
            this.n = n;
            this.m = m;
            int q = numSinusoids;
            int entries = n * m;
            oscRe = new double[entries * 2 * q];
            oscIm = new double[entries * 2 * q];
            rotRe = new double[entries * 2 * q];
            rotIm = new double[entries * 2 * q];
            kappa = new double[entries * 2 * q];
            white = new double[2 * entries];
            amplitude = Math.sqrt(1.0 / q);
            for (int e = 0; e < entries; e++) {
                double theta = uniformPhase(rng);
                for (int part = 0; part < 2; part++) {
                    for (int k = 0; k < q; k++) {
                        double a = (2 * Math.PI * (k + 1) - Math.PI + theta) / (4.0 * q);
                        int o = (e * 2 + part) * q + k;
                        kappa[o] = part == 0 ? Math.cos(a) : Math.sin(a);
                        double phase = uniformPhase(rng);
                        oscRe[o] = Math.cos(phase);
                        oscIm[o] = Math.sin(phase);
                    }
                }
            }
            refreshWhite();
        }

        private double uniformPhase(RandomGenerator rng) {
            return -Math.PI + 2 * Math.PI * rng.nextDouble();
        }

        @Override
        public int numRx() {
            return n;
        }

        @Override
        public int numTx() {
            return m;
        }

        /** @return the Doppler phase Phi = 2 pi x / lambda accumulated so far, radians */
        double dopplerPhaseRad() {
            return dopplerPhaseRad;
        }

        @Override
        public void advance(double dtS, double speedMps) {
            LinkFading.checkStep(dtS, speedMps);
            double dPhi = 2 * Math.PI * speedMps * dtS * carrierHz / Doppler.SPEED_OF_LIGHT_MPS;
            if (dPhi == 0) {
                return;
            }
            double delta = dPhi - cachedDeltaPhaseRad;
            if (dPhi != cachedDeltaPhaseRad && Math.abs(delta) <= SMALL_CHANGE_RAD) {
                correctRotationsAndRotate(delta);
            } else {
                if (dPhi != cachedDeltaPhaseRad) {
                    exactRotations(dPhi);
                }
                double[] xr = oscRe;
                double[] xi = oscIm;
                double[] cr = rotRe;
                double[] ci = rotIm;
                for (int i = 0; i < xr.length; i++) {
                    double re = xr[i];
                    double im = xi[i];
                    xr[i] = re * cr[i] - im * ci[i];
                    xi[i] = re * ci[i] + im * cr[i];
                }
            }
            cachedDeltaPhaseRad = dPhi;
            dopplerPhaseRad += dPhi;
            if (++sinceRenormalise >= RENORMALISE_EVERY) {
                sinceRenormalise = 0;
                for (int i = 0; i < oscRe.length; i++) {
                    double norm = Math.sqrt(oscRe[i] * oscRe[i] + oscIm[i] * oscIm[i]);
                    oscRe[i] /= norm;
                    oscIm[i] /= norm;
                }
                if (corrected) {
                    exactRotations(cachedDeltaPhaseRad);
                }
            }
            refreshWhite();
        }

        /** rot_o = e^{j dPhi kappa_o}, two trigonometric calls per oscillator. */
        private void exactRotations(double dPhi) {
            for (int o = 0; o < kappa.length; o++) {
                double angle = dPhi * kappa[o];
                rotRe[o] = Math.cos(angle);
                rotIm[o] = Math.sin(angle);
            }
            corrected = false;
        }

        /**
         * rot_o &lt;- rot_o e^{j delta kappa_o} with e^{jx} from its Taylor series to x^5 (|x| &lt;= 1e-3: error
         * below x^6 / 720 ~ 1e-21), then the oscillator rotated by it, in one pass; the rotations are refreshed
         * exactly at the next renormalisation.
         */
        private void correctRotationsAndRotate(double delta) {
            for (int o = 0; o < kappa.length; o++) {
                double x = delta * kappa[o];
                double x2 = x * x;
                double c = 1 - 0.5 * x2 * (1 - INV_12 * x2);
                double sn = x * (1 - INV_6 * x2 * (1 - 0.05 * x2));
                double r0 = rotRe[o];
                double r1 = rotIm[o];
                double cr = r0 * c - r1 * sn;
                double ci = r0 * sn + r1 * c;
                rotRe[o] = cr;
                rotIm[o] = ci;
                double re = oscRe[o];
                double im = oscIm[o];
                oscRe[o] = re * cr - im * ci;
                oscIm[o] = re * ci + im * cr;
            }
            corrected = true;
        }

        private void refreshWhite() {
            int q = numSinusoids;
            int entries = n * m;
            for (int e = 0; e < entries; e++) {
                double re = 0;
                double im = 0;
                int base = e * 2 * q;
                for (int k = 0; k < q; k++) {
                    re += oscRe[base + k];
                    im += oscRe[base + q + k];
                }
                white[2 * e] = amplitude * re;
                white[2 * e + 1] = amplitude * im;
            }
        }

        @Override
        public void writeInto(ZMatrixRMaj out) {
            SpatialCorrelation.checkShape(out, n, m);
            correlation.apply(white, out);
        }
    }
}
