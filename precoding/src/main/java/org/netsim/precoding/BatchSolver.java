package org.netsim.precoding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;

/**
 * Solves a list of problems (a dataset's samples) with one {@link Precoder} on a number of threads: one task per
 * sample, results in input order.
 *
 * <p>Every sample is solved independently by the same precoder (precoders are immutable and thread-safe) from its
 * own initialisation {@code inits.apply(s)}, so the results of a deterministic precoder are bit-identical for any
 * number of threads and equal to solving the samples one by one. With one thread the samples are solved in order
 * on the calling thread, without a pool. The time of each sample is that of {@link Precoder#solve(Problem, Init)}
 * alone (nanoseconds of wall-clock time on the solving thread), not of building its initialisation or of waiting
 * in the queue.
 *
 * <p>A failing sample stops the batch: samples after it that have not started are skipped (those before it still
 * run, so the outcome does not depend on scheduling) and the failure of the lowest failing sample is reported as
 * an {@link IllegalArgumentException} "sample s: &lt;cause message&gt;" whose cause is the original exception
 * ({@link Error}s are rethrown unchanged). Immutable; configure with the {@code with*} methods, which return new
 * instances.
 */
public final class BatchSolver {

    /** The thread pool that runs the samples when there is more than one thread. */
    public enum PoolKind {
        /** {@link Executors#newFixedThreadPool}: one shared queue of sample tasks. */
        FIXED,
        /** A {@link ForkJoinPool} of the given parallelism (work stealing between the threads' queues). */
        FORK_JOIN
    }

    /**
     * One sample's outcome.
     *
     * @param solution the precoder's solution
     * @param solverNanos wall-clock nanoseconds spent in {@link Precoder#solve(Problem, Init)} for this sample
     */
    public record Result(Solution solution, long solverNanos) {
    }

    private static final IntConsumer NO_PROGRESS = done -> { };
    private static final AtomicInteger POOL_COUNTER = new AtomicInteger();

    private final int threads;
    private final PoolKind poolKind;
    private final IntConsumer progress;

    private BatchSolver(int threads, PoolKind poolKind, IntConsumer progress) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads: must be >= 1, got " + threads);
        }
        if (poolKind == null) {
            throw new IllegalArgumentException("poolKind: must not be null");
        }
        if (progress == null) {
            throw new IllegalArgumentException("progress: must not be null");
        }
        this.threads = threads;
        this.poolKind = poolKind;
        this.progress = progress;
    }

    /** @return a solver on {@code threads} threads (at least 1) of a {@link PoolKind#FIXED} pool, no progress */
    public static BatchSolver withThreads(int threads) {
        return new BatchSolver(threads, PoolKind.FIXED, NO_PROGRESS);
    }

    /** @return a copy running on a pool of the given kind */
    public BatchSolver withPool(PoolKind kind) {
        return new BatchSolver(threads, kind, progress);
    }

    /**
     * @param onSampleDone called after each finished sample with the number of samples finished so far (1, 2, ...,
     *     n, in that order); calls never overlap, but may come from any pool thread. An exception it throws fails
     *     the batch like a failure of that sample.
     * @return a copy reporting progress to {@code onSampleDone}
     */
    public BatchSolver withProgress(IntConsumer onSampleDone) {
        return new BatchSolver(threads, poolKind, onSampleDone);
    }

    /** @return the number of threads */
    public int threads() {
        return threads;
    }

    /** @return the kind of pool used with more than one thread */
    public PoolKind poolKind() {
        return poolKind;
    }

    /**
     * Solves every problem.
     *
     * @param precoder the precoder, shared by all threads
     * @param problems the samples; not modified
     * @param inits the initialisation of sample s, {@code inits.apply(s)}; called once per sample, from the thread
     *     that solves it
     * @return one result per problem, in the order of {@code problems} (unmodifiable)
     * @throws IllegalArgumentException "sample s: ..." for the lowest failing sample s (a null problem or init, or
     *     any runtime exception of the precoder, with that exception as the cause)
     * @throws InterruptedException if the calling thread is interrupted while waiting; the batch is abandoned
     */
    public List<Result> solve(Precoder precoder, List<Problem> problems, IntFunction<Init> inits)
            throws InterruptedException {
        if (precoder == null) {
            throw new IllegalArgumentException("precoder: must not be null");
        }
        if (problems == null) {
            throw new IllegalArgumentException("problems: must not be null");
        }
        if (inits == null) {
            throw new IllegalArgumentException("inits: must not be null");
        }
        int n = problems.size();
        Result[] results = new Result[n];
        Batch batch = new Batch(precoder, problems, inits, results);
        if (threads == 1 || n <= 1) {
            for (int s = 0; s < n; s++) {
                if (Thread.interrupted()) {
                    throw new InterruptedException("batch interrupted before sample " + s);
                }
                try {
                    batch.solveSample(s);
                } catch (RuntimeException e) {
                    throw failure(s, e);
                }
            }
        } else {
            solveOnPool(batch, n);
        }
        return Collections.unmodifiableList(Arrays.asList(results));
    }

    private void solveOnPool(Batch batch, int n) throws InterruptedException {
        ExecutorService pool = newPool(Math.min(threads, n));
        List<Future<?>> futures = new ArrayList<>(n);
        try {
            for (int s = 0; s < n; s++) {
                final int sample = s;
                // Failures are kept as thrown (a ForkJoinTask would rethrow a copy of another thread's exception).
                // Only samples after a failed one are skipped, so the lowest failing sample is always found.
                futures.add(pool.submit((Callable<Void>) () -> {
                    if (sample < batch.lowestFailure.get()) {
                        try {
                            batch.solveSample(sample);
                        } catch (RuntimeException | Error e) {
                            batch.failures[sample] = e;
                            batch.lowestFailure.accumulateAndGet(sample, Math::min);
                        }
                    }
                    return null;
                }));
            }
            for (int s = 0; s < n; s++) {
                try {
                    futures.get(s).get();
                } catch (ExecutionException e) {
                    batch.failures[s] = e.getCause(); // the task catches everything; kept for safety
                }
                Throwable cause = batch.failures[s];
                if (cause instanceof Error err) {
                    throw err;
                }
                if (cause != null) {
                    throw failure(s, cause);
                }
            }
        } finally {
            batch.lowestFailure.set(-1);
            for (Future<?> f : futures) {
                f.cancel(false);
            }
            pool.shutdownNow();
        }
    }

    private ExecutorService newPool(int size) {
        int id = POOL_COUNTER.incrementAndGet();
        if (poolKind == PoolKind.FORK_JOIN) {
            return new ForkJoinPool(size);
        }
        AtomicInteger thread = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "netsim-batch-" + id + "-" + thread.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        return Executors.newFixedThreadPool(size, factory);
    }

    /** @return "sample s: message" with {@code cause} attached */
    private static IllegalArgumentException failure(int sample, Throwable cause) {
        return new IllegalArgumentException("sample " + sample + ": " + describe(cause), cause);
    }

    /** The cause's message; for exceptions other than the usual validation and numerical ones, with its type. */
    private static String describe(Throwable t) {
        String msg = t.getMessage() == null ? "" : t.getMessage().replace('\n', ' ');
        if (t instanceof IllegalArgumentException || t instanceof IllegalStateException
                || t instanceof ArithmeticException) {
            return msg.isEmpty() ? t.getClass().getSimpleName() : msg;
        }
        return msg.isEmpty() ? t.getClass().getSimpleName() : t.getClass().getSimpleName() + ": " + msg;
    }

    /** The state of one call of {@link #solve}: its inputs, the result slots and the progress count. */
    private final class Batch {
        final Precoder precoder;
        final List<Problem> problems;
        final IntFunction<Init> inits;
        final Result[] results;
        final Throwable[] failures;
        /** The lowest sample index that failed so far (MAX_VALUE: none; -1: the batch is over). */
        final AtomicInteger lowestFailure = new AtomicInteger(Integer.MAX_VALUE);
        private int done;

        Batch(Precoder precoder, List<Problem> problems, IntFunction<Init> inits, Result[] results) {
            this.precoder = precoder;
            this.problems = problems;
            this.inits = inits;
            this.results = results;
            this.failures = new Throwable[results.length];
        }

        void solveSample(int s) {
            Problem problem = problems.get(s);
            if (problem == null) {
                throw new IllegalArgumentException("problem is null");
            }
            Init init = inits.apply(s);
            if (init == null) {
                throw new IllegalArgumentException("init is null");
            }
            long t0 = System.nanoTime();
            Solution solution = precoder.solve(problem, init);
            long nanos = System.nanoTime() - t0;
            if (solution == null) {
                throw new IllegalStateException(precoder.name() + " returned no solution");
            }
            results[s] = new Result(solution, nanos);
            synchronized (this) {
                if (lowestFailure.get() == Integer.MAX_VALUE) {
                    progress.accept(++done);
                }
            }
        }
    }
}
