package org.netsim.runs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.netsim.precoding.BatchSolver;
import org.netsim.precoding.Init;
import org.netsim.precoding.Precoder;
import org.netsim.precoding.Problem;
import org.netsim.precoding.Solution;

/**
 * Solves every problem of a list with one precoder on a thread pool ({@link BatchSolver}), with progress on
 * stderr.
 */
final class SolveRunner {

    /** One sample's solution and its solver time. */
    record Result(Solution solution, long nanos) {
    }

    private SolveRunner() {
    }

    /**
     * @throws IllegalArgumentException "sample s: ..." for the lowest failing sample
     * @throws InterruptedException if interrupted while waiting for the pool
     */
    static List<Result> solve(Precoder precoder, List<Problem> problems, IntFunction<Init> inits, int threads,
            Progress progress) throws Exception {
        List<BatchSolver.Result> batch = BatchSolver.withThreads(threads).withProgress(done -> progress.advance(1))
                .solve(precoder, problems, inits);
        List<Result> out = new ArrayList<>(batch.size());
        for (BatchSolver.Result r : batch) {
            out.add(new Result(r.solution(), r.solverNanos()));
        }
        return out;
    }
}
