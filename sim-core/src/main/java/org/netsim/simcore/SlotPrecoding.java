package org.netsim.simcore;

import org.netsim.precoding.Init;
import org.netsim.precoding.Problem;
import org.netsim.precoding.Solution;

/**
 * An alternative execution of the precoding phase (DESIGN.md phase 4, "centralized or distributed"): instead of
 * calling the precoder once on the whole problem, it computes the slot's precoders some other way, for example by
 * message rounds between UE and BS agents ({@link org.netsim.simcore.distributed.DistributedPrecoding}). Plugged
 * into {@link PrecodingStage#withExecution}; the stage keeps its warm start and weights around it.
 */
@FunctionalInterface
public interface SlotPrecoding {

    /**
     * What one slot's precoding produced.
     *
     * @param solution the precoders (within every BS budget) and their WSR on the CSI problem
     * @param rounds communication rounds run
     * @param messages messages delivered
     * @param bytes payload bytes delivered
     */
    record Outcome(Solution solution, int rounds, long messages, long bytes) {
    }

    /**
     * @param csiProblem the problem as the BSs see it; not modified
     * @param init the start (the stage's warm start or fresh initialisation)
     * @param context the slot's index, time and link geometry
     * @return the outcome
     */
    Outcome solve(Problem csiProblem, Init init, SlotContext context);
}
