package org.netsim.radio.csi;

import java.util.random.RandomGenerator;
import org.ejml.data.ZMatrixRMaj;

/**
 * CSI with estimation error of a given normalised mean squared error epsilon:
 *
 * <pre>
 *   H_hat = a H + b E,     E [N x M] with i.i.d. CN(0, g) entries,  g = E|h_nm|^2 the link's per-entry gain
 *   NMSE  = E||H_hat - H||_F^2 / E||H||_F^2 = (1 - a)^2 + b^2 = epsilon
 * </pre>
 *
 * (E independent of H, whose entries have variance g). Two conventions for (a, b), both with NMSE exactly epsilon:
 *
 * <ul>
 *   <li>{@link ErrorModel#POWER_PRESERVING} (default): H_hat = sqrt(1 - e) H + sqrt(e) E with
 *       e = epsilon - epsilon^2 / 4, i.e. a = 1 - epsilon / 2, b = sqrt(epsilon - epsilon^2 / 4); the estimate has
 *       the channel's power, E||H_hat||^2 = E||H||^2, and correlation coefficient 1 - epsilon / 2 with it. (With
 *       e = epsilon itself this form would have NMSE 2 - 2 sqrt(1 - epsilon), e.g. 0.1026 for epsilon = 0.1.)</li>
 *   <li>{@link ErrorModel#MMSE}: H_hat = (1 - epsilon) H + sqrt(epsilon (1 - epsilon)) E, the linear MMSE estimate
 *       from a noisy observation H + sqrt(epsilon / (1 - epsilon)) E; then H = H_hat + (H - H_hat) with the error
 *       uncorrelated with the estimate, E||H_hat||^2 = (1 - epsilon) E||H||^2 (the usual "H = H_hat + E"
 *       imperfect-CSI model).</li>
 * </ul>
 *
 * Draws per slot: the entries of E row-major, real part first, each N(0, g / 2). Immutable.
 *
 * @param nmse epsilon in [0, 1]
 * @param errorModel the convention
 */
public record NoisyCsi(double nmse, ErrorModel errorModel) implements CsiModel {

    /** How the estimate is scaled. */
    public enum ErrorModel {
        /** a = 1 - epsilon / 2, b = sqrt(epsilon - epsilon^2 / 4). */
        POWER_PRESERVING,
        /** a = 1 - epsilon, b = sqrt(epsilon (1 - epsilon)). */
        MMSE
    }

    public NoisyCsi {
        if (!(nmse >= 0 && nmse <= 1)) {
            throw new IllegalArgumentException("nmse: must be in [0, 1], got " + nmse);
        }
        if (errorModel == null) {
            throw new IllegalArgumentException("errorModel: must not be null");
        }
    }

    /** @return a, the scale of the true channel */
    public double channelScale() {
        return errorModel == ErrorModel.MMSE ? 1 - nmse : 1 - nmse / 2;
    }

    /** @return b, the scale of the unit error */
    public double errorScale() {
        return errorModel == ErrorModel.MMSE ? Math.sqrt(nmse * (1 - nmse)) : Math.sqrt(nmse - nmse * nmse / 4);
    }

    @Override
    public String name() {
        return "noisy";
    }

    @Override
    public LinkCsi newLink(int numRx, int numTx, RandomGenerator rng) {
        DelayedCsi.checkDimensions(numRx, numTx);
        if (rng == null && nmse > 0) {
            throw new IllegalArgumentException("rng: required with nmse > 0");
        }
        double a = channelScale();
        double b = errorScale();
        return (h, g, out) -> {
            LinkCsi.check(h, g, out, numRx, numTx);
            double std = b * Math.sqrt(g / 2);
            int len = 2 * numRx * numTx;
            if (std == 0) {
                for (int e = 0; e < len; e++) {
                    out.data[e] = a * h.data[e];
                }
                return;
            }
            for (int e = 0; e < len; e++) {
                out.data[e] = a * h.data[e] + std * rng.nextGaussian();
            }
        };
    }
}
