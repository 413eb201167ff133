package org.netsim.runs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.netsim.precoding.Init;
import org.netsim.precoding.Precoder;
import org.netsim.precoding.Problem;
import org.netsim.precoding.Solution;

/** Solves every problem of a list with one precoder on a thread pool, with progress on stderr. */
final class SolveRunner {

    /** One sample's solution and its solver time. */
    record Result(Solution solution, long nanos) {
    }

    private SolveRunner() {
    }

    static List<Result> solve(Precoder precoder, List<Problem> problems, IntFunction<Init> inits, int threads,
            Progress progress) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Result>> futures = new ArrayList<>(problems.size());
            for (int s = 0; s < problems.size(); s++) {
                final int sample = s;
                futures.add(pool.submit(() -> {
                    Init init = inits.apply(sample);
                    long t0 = System.nanoTime();
                    Solution sol = precoder.solve(problems.get(sample), init);
                    long dt = System.nanoTime() - t0;
                    progress.advance(1);
                    return new Result(sol, dt);
                }));
            }
            List<Result> out = new ArrayList<>(problems.size());
            for (int s = 0; s < futures.size(); s++) {
                try {
                    out.add(futures.get(s).get());
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    if (c instanceof RuntimeException re) {
                        throw new IllegalArgumentException("sample " + s + ": " + NetsimCli.oneLine(re), re);
                    }
                    throw e;
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
