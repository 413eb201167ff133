package org.netsim.simcore.distributed;

import org.ejml.data.ZMatrixRMaj;
import org.netsim.precoding.Precoder;
import org.netsim.precoding.classic.MuSolver;
import org.netsim.precoding.classic.WmmseBsStep;
import org.netsim.precoding.classic.WmmsePrecoder;
import org.netsim.precoding.classic.WmmseUeStep;
import org.netsim.precoding.gcn.GcnWmmseBsStep;
import org.netsim.precoding.gcn.GcnWmmsePrecoder;
import org.netsim.precoding.gcn.GcnWmmseUeStep;
import org.netsim.precoding.gcn.GcnWmmseWeights;

/**
 * The per-agent step functions of the algorithm the agents run: the very UE-side and BS-side steps the centralized
 * solvers compose (DESIGN.md "Classic and learned precoders share the per-agent step functions"), so nothing is
 * re-derived here. {@link #of} picks them from the scenario's precoder: {@link WmmsePrecoder} ({@link WmmseUeStep},
 * {@link WmmseBsStep} with its mu solver) or {@link GcnWmmsePrecoder} ({@link GcnWmmseUeStep} with the weight-matrix
 * filter whose G + 1 taps per layer the BSs shared beforehand, {@link GcnWmmseBsStep} with the skip state that stays
 * at the BS; GCN-WMMSE paper "Coordinated Sum-Rate Maximization in Multicell MU-MIMO with Deep Unrolling", §III-D).
 */
abstract class AgentSteps {

    /** The UE side of one round: from Z_i and G_i = H_ik V_i to U_i, W_i, U_i W_i and F_i (F F^H = U W U^H). */
    interface Ue {
        void compute(ZMatrixRMaj interference, ZMatrixRMaj effectiveChannel, int round, ZMatrixRMaj u,
                ZMatrixRMaj w, ZMatrixRMaj uw, ZMatrixRMaj factor);
    }

    /** The BS side of one round: R_k from the factors heard, V~_i, then the V-step for the listed UEs. */
    interface Bs {
        void resetCovariance();

        void addToCovariance(ZMatrixRMaj channel, ZMatrixRMaj factor, double weight);

        /**
         * The candidate beamformer V~_i = alpha_i H_ik^H U_i W_i (GCN-WMMSE paper, eq. (5)), the same in WMMSE and
         * GCN-WMMSE ({@link GcnWmmseBsStep#candidate} is {@link WmmseBsStep#candidate}).
         */
        default void candidate(ZMatrixRMaj channel, ZMatrixRMaj uw, double weight, ZMatrixRMaj candidate) {
            WmmseBsStep.candidate(channel, uw, weight, candidate);
        }

        /**
         * Starts a slot (clears the state that lives at the BS across rounds, e.g. GCN-WMMSE's skip state); WMMSE
         * keeps none.
         */
        default void startSlot() {
        }

        void updatePrecoders(ZMatrixRMaj[] candidates, int[] ues, double budgetW, int round, ZMatrixRMaj[] out);
    }

    /** @return the algorithm's name (the precoder's registry name) */
    abstract String name();

    /** @return the most rounds one slot can run (GCN-WMMSE: its L layers) */
    abstract int maxRounds();

    abstract Ue newUe(int numUeAntennas, int numStreams);

    /** @param numUe I, for BS-side state indexed by UE */
    abstract Bs newBs(int numBsAntennas, int numUe, int[] ues, int[] streams);

    /**
     * @return the step functions of {@code precoder}
     * @throws IllegalArgumentException if it has none (only wmmse and gcn-wmmse are written as agent steps)
     */
    static AgentSteps of(Precoder precoder) {
        if (precoder instanceof WmmsePrecoder w) {
            return new Wmmse(w.muSolver());
        }
        if (precoder instanceof GcnWmmsePrecoder g) {
            return new GcnWmmse(g.weights());
        }
        throw new IllegalArgumentException("distributed: precoder '" + precoder.name() + "' has no per-agent steps "
                + "(expected " + WmmsePrecoder.NAME + " or " + GcnWmmsePrecoder.NAME + ")");
    }

    /** WMMSE (Shi et al. 2011): {@link WmmseUeStep}, {@link WmmseBsStep}. */
    static final class Wmmse extends AgentSteps {
        private final MuSolver muSolver;

        Wmmse(MuSolver muSolver) {
            this.muSolver = muSolver;
        }

        @Override
        String name() {
            return WmmsePrecoder.NAME;
        }

        @Override
        int maxRounds() {
            return Integer.MAX_VALUE;
        }

        @Override
        Ue newUe(int n, int d) {
            WmmseUeStep step = new WmmseUeStep(n, d);
            return (z, g, round, u, w, uw, f) -> step.compute(z, g, u, w, uw, f);
        }

        @Override
        Bs newBs(int m, int numUe, int[] ues, int[] streams) {
            WmmseBsStep step = new WmmseBsStep(m);
            return new Bs() {
                @Override
                public void resetCovariance() {
                    step.resetCovariance();
                }

                @Override
                public void addToCovariance(ZMatrixRMaj channel, ZMatrixRMaj factor, double weight) {
                    step.addToCovariance(channel, factor, weight);
                }

                @Override
                public void updatePrecoders(ZMatrixRMaj[] candidates, int[] list, double budgetW, int round,
                        ZMatrixRMaj[] out) {
                    step.updatePrecoders(candidates, list, budgetW, muSolver, out);
                }
            };
        }
    }

    /** GCN-WMMSE: {@link GcnWmmseUeStep} (layer = round), {@link GcnWmmseBsStep} with its skip state P_i. */
    static final class GcnWmmse extends AgentSteps {
        private final GcnWmmseWeights weights;

        GcnWmmse(GcnWmmseWeights weights) {
            this.weights = weights;
        }

        @Override
        String name() {
            return GcnWmmsePrecoder.NAME;
        }

        @Override
        int maxRounds() {
            return weights.layers();
        }

        @Override
        Ue newUe(int n, int d) {
            GcnWmmseUeStep step = new GcnWmmseUeStep(n, d);
            return (z, g, round, u, w, uw, f) -> step.compute(z, g, weights, round, u, w, uw, f);
        }

        @Override
        Bs newBs(int m, int numUe, int[] ues, int[] streams) {
            GcnWmmseBsStep step = new GcnWmmseBsStep(m, weights.features());
            ZMatrixRMaj[] skip = new ZMatrixRMaj[numUe]; // P_i of the BS's own UEs   [M_k x d_i F]
            for (int i : ues) {
                skip[i] = new ZMatrixRMaj(m, streams[i] * weights.features());
            }
            return new Bs() {
                @Override
                public void resetCovariance() {
                    step.resetCovariance();
                }

                @Override
                public void addToCovariance(ZMatrixRMaj channel, ZMatrixRMaj factor, double weight) {
                    step.addToCovariance(channel, factor, weight);
                }

                @Override
                public void startSlot() {
                    for (int i : ues) {
                        java.util.Arrays.fill(skip[i].data, 0, skip[i].getDataLength(), 0.0);
                    }
                }

                @Override
                public void updatePrecoders(ZMatrixRMaj[] candidates, int[] list, double budgetW, int round,
                        ZMatrixRMaj[] out) {
                    step.updatePrecoders(candidates, list, budgetW, weights, round, skip, out);
                }
            };
        }
    }
}
