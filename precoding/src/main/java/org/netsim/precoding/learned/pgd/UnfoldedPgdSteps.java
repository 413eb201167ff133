package org.netsim.precoding.learned.pgd;

import java.util.Arrays;

/**
 * The trainable parameters of the unfolded PGD WMMSE (GCN-WMMSE paper "Coordinated Sum-Rate Maximization in
 * Multicell MU-MIMO with Deep Unrolling", §V-B): the PGD step sizes gamma_lq of sub-step q = 1..Q of layer
 * l = 1..L, kept positive by the parametrisation
 * <pre>
 *   gamma_lq = exp(rho_lq),    rho stored row by row: rho[(l - 1) Q + (q - 1)]
 * </pre>
 * (gamma carries the units of 1 / R_k, whose scale follows the scenario's power and noise levels: these are the
 * step sizes for problems in W). Training may run on other numbers ({@link UnfoldedPgdTrainer.StepParametrisation},
 * another power unit) and converts them ({@link UnfoldedPgdTrainer#stepsInWatts}).
 * Immutable.
 *
 * @param layers L &gt;= 1
 * @param substeps Q &gt;= 1
 * @param logSteps rho, L Q finite values (copied)
 */
public record UnfoldedPgdSteps(int layers, int substeps, double[] logSteps) {

    public UnfoldedPgdSteps {
        if (layers < 1) {
            throw new IllegalArgumentException("layers: must be >= 1, got " + layers);
        }
        if (substeps < 1) {
            throw new IllegalArgumentException("substeps: must be >= 1, got " + substeps);
        }
        if (logSteps == null || logSteps.length != layers * substeps) {
            throw new IllegalArgumentException("logSteps: expected " + layers * substeps + " values (L Q), got "
                    + (logSteps == null ? "none" : logSteps.length));
        }
        logSteps = logSteps.clone();
        for (int j = 0; j < logSteps.length; j++) {
            if (!Double.isFinite(logSteps[j])) {
                throw new IllegalArgumentException("logSteps[" + j + "]: must be finite, got " + logSteps[j]);
            }
        }
    }

    /** Every gamma_lq equal to {@code gamma} (&gt; 0). */
    public static UnfoldedPgdSteps constant(int layers, int substeps, double gamma) {
        if (!(gamma > 0) || Double.isInfinite(gamma)) {
            throw new IllegalArgumentException("gamma: must be finite and > 0, got " + gamma);
        }
        double[] rho = new double[Math.max(layers, 0) * Math.max(substeps, 0)];
        Arrays.fill(rho, Math.log(gamma));
        return new UnfoldedPgdSteps(layers, substeps, rho);
    }

    /**
     * @param layer l, 0-based
     * @param substep q, 0-based
     * @return gamma_lq &gt; 0
     */
    public double gamma(int layer, int substep) {
        return Math.exp(logSteps[layer * substeps + substep]);
    }

    /** @return a copy of rho */
    @Override
    public double[] logSteps() {
        return logSteps.clone();
    }

    /** @return the number of trainable parameters, L Q */
    public int parameterCount() {
        return logSteps.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnfoldedPgdSteps s && s.layers == layers && s.substeps == substeps
                && Arrays.equals(s.logSteps, logSteps);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * layers + substeps) + Arrays.hashCode(logSteps);
    }

    @Override
    public String toString() {
        return "UnfoldedPgdSteps[L=" + layers + ", Q=" + substeps + "]";
    }
}
