package org.netsim.precoding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.netsim.precoding.linalg.DecompositionException;

/**
 * {@link BatchSolver}: bit-identical results for 1, 2 and 4 threads on both pool kinds, equal to solving the samples
 * one by one with their own initialisations; progress counts; solver time; failures naming the lowest failing
 * sample with the original cause; validation.
 */
class BatchSolverTest {

    /** SISO interference channels (wmmse-scalar's problems): 2..5 links, different seeds. */
    private static List<Problem> sisoProblems(int count) {
        List<Problem> out = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            out.add(TestProblems.uniform(1000 + s, 2 + s % 4, 1, 1, 1, 1, 1.0 + 0.1 * s, 0.05, 0.4));
        }
        return out;
    }

    /** Sample s starts from a fraction 0.2 .. 0.6 of full power on every link (wmmse-scalar uses |V^0|). */
    private static IntFunction<Init> perSampleInits(List<Problem> problems) {
        return s -> {
            Problem p = problems.get(s);
            ZMatrixRMaj[] v = new ZMatrixRMaj[p.numUe()];
            for (int i = 0; i < v.length; i++) {
                v[i] = new ZMatrixRMaj(1, 1);
                v[i].set(0, 0, (0.2 + 0.1 * (s % 5)) * Math.sqrt(p.bsPowerW(p.servingBs(i))), 0);
            }
            return Init.given(v);
        };
    }

    private static void assertSameResults(List<Solution> expected, List<BatchSolver.Result> actual, String what) {
        assertEquals(expected.size(), actual.size(), what);
        for (int s = 0; s < expected.size(); s++) {
            Solution e = expected.get(s);
            Solution a = actual.get(s).solution();
            assertEquals(e.wsrNat(), a.wsrNat(), 0.0, what + ": WSR of sample " + s);
            assertEquals(e.iterations(), a.iterations(), what + ": iterations of sample " + s);
            for (int i = 0; i < e.precoders().length; i++) {
                assertArrayEquals(e.precoder(i).data, a.precoder(i).data, 0.0, what + ": sample " + s + " UE " + i);
            }
        }
    }

    @Test
    void resultsAreBitIdenticalForAnyThreadCountAndEqualToSolvingOneByOne() throws InterruptedException {
        Precoder precoder = PrecoderRegistry.create("wmmse-scalar",
                PrecoderOptions.defaults().withMaxIterations(60).withTolerance(0));
        List<Problem> problems = sisoProblems(23);
        IntFunction<Init> inits = perSampleInits(problems);
        List<Solution> oneByOne = new ArrayList<>();
        for (int s = 0; s < problems.size(); s++) {
            oneByOne.add(precoder.solve(problems.get(s), inits.apply(s)));
        }
        for (BatchSolver.PoolKind kind : BatchSolver.PoolKind.values()) {
            for (int threads : new int[] {1, 2, 4}) {
                BatchSolver solver = BatchSolver.withThreads(threads).withPool(kind);
                List<Integer> initCalls = Collections.synchronizedList(new ArrayList<>());
                List<BatchSolver.Result> results = solver.solve(precoder, problems, s -> {
                    initCalls.add(s);
                    return inits.apply(s);
                });
                assertSameResults(oneByOne, results, kind + " with " + threads + " threads");
                for (BatchSolver.Result r : results) {
                    assertTrue(r.solverNanos() >= 0, "solver time");
                }
                List<Integer> sorted = new ArrayList<>(initCalls);
                Collections.sort(sorted);
                assertEquals(IntStream.range(0, 23).boxed().toList(), sorted, "one init per sample");
            }
        }
        // the per-sample init matters: a common init gives other results on at least one sample
        List<BatchSolver.Result> mrc = BatchSolver.withThreads(2).solve(precoder, problems, s -> Init.mrc());
        boolean differs = IntStream.range(0, problems.size())
                .anyMatch(s -> mrc.get(s).solution().wsrNat() != oneByOne.get(s).wsrNat());
        assertTrue(differs, "inits are applied per sample");
    }

    @Test
    void progressCountsEveryFinishedSampleInOrder() throws InterruptedException {
        Precoder precoder = PrecoderRegistry.create("wmmse-scalar");
        List<Problem> problems = sisoProblems(17);
        for (int threads : new int[] {1, 3}) {
            List<Integer> calls = Collections.synchronizedList(new ArrayList<>());
            BatchSolver.withThreads(threads).withPool(BatchSolver.PoolKind.FORK_JOIN).withProgress(calls::add)
                    .solve(precoder, problems, s -> Init.mrc());
            List<Integer> expected = IntStream.rangeClosed(1, 17).boxed().toList();
            assertEquals(expected, calls, threads + " threads");
        }
    }

    @Test
    void samplesRunOnThePoolAndTimesCoverTheSolve() throws InterruptedException {
        Set<String> threadNames = ConcurrentHashMap.newKeySet();
        Precoder slow = new Precoder() {
            @Override
            public String name() {
                return "sleepy";
            }

            @Override
            public Solution solve(Problem problem, Init init) {
                threadNames.add(Thread.currentThread().getName());
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                ZMatrixRMaj[] v = InitialPrecoders.create(problem, init);
                return new Solution(v, RateEvaluator.wsrNat(problem, v), 0, List.of());
            }
        };
        List<BatchSolver.Result> results = BatchSolver.withThreads(2).solve(slow, sisoProblems(4), s -> Init.mrc());
        for (BatchSolver.Result r : results) {
            assertTrue(r.solverNanos() >= 5_000_000L, "a 5 ms solve takes at least 5 ms: " + r.solverNanos());
        }
        // a fixed pool starts one worker per task up to its size: both threads solve, the caller does not
        assertEquals(2, threadNames.size(), threadNames.toString());
        assertFalse(threadNames.contains(Thread.currentThread().getName()), threadNames.toString());
    }

    /** A precoder that fails on the samples whose first BS budget is in {@code failing}, with {@code error}. */
    private static Precoder failingOn(RuntimeException error, double... failingBudgets) {
        Precoder ok = PrecoderRegistry.create("wmmse-scalar");
        return new Precoder() {
            @Override
            public String name() {
                return "failing";
            }

            @Override
            public Solution solve(Problem problem, Init init) {
                for (double b : failingBudgets) {
                    if (problem.bsPowerW(0) == b) {
                        throw error;
                    }
                }
                return ok.solve(problem, init);
            }
        };
    }

    @Test
    void failureNamesTheLowestFailingSample() {
        List<Problem> problems = sisoProblems(12);
        double budget3 = problems.get(3).bsPowerW(0);
        double budget8 = problems.get(8).bsPowerW(0);
        IllegalArgumentException cause = new IllegalArgumentException("channels[0][1]: bad");
        for (int threads : new int[] {1, 2, 4}) {
            for (BatchSolver.PoolKind kind : BatchSolver.PoolKind.values()) {
                BatchSolver solver = BatchSolver.withThreads(threads).withPool(kind);
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> solver.solve(failingOn(cause, budget8, budget3), problems, s -> Init.mrc()));
                assertEquals("sample 3: channels[0][1]: bad", e.getMessage(), threads + " threads, " + kind);
                assertSame(cause, e.getCause());
            }
        }
    }

    @Test
    void failureMessagesKeepTheCause() {
        List<Problem> problems = sisoProblems(5);
        double budget2 = problems.get(2).bsPowerW(0);
        IllegalArgumentException numerical = assertThrows(IllegalArgumentException.class,
                () -> BatchSolver.withThreads(2).solve(failingOn(new DecompositionException("LU failed"), budget2),
                        problems, s -> Init.mrc()));
        assertEquals("sample 2: LU failed", numerical.getMessage());
        IllegalArgumentException npe = assertThrows(IllegalArgumentException.class,
                () -> BatchSolver.withThreads(1).solve(failingOn(new NullPointerException("x is null"), budget2),
                        problems, s -> Init.mrc()));
        assertEquals("sample 2: NullPointerException: x is null", npe.getMessage());
        // an Error is not a sample's fault: rethrown as it is
        AssertionError boom = new AssertionError("boom");
        Precoder erring = new Precoder() {
            @Override
            public String name() {
                return "erring";
            }

            @Override
            public Solution solve(Problem problem, Init init) {
                throw boom;
            }
        };
        assertSame(boom, assertThrows(AssertionError.class,
                () -> BatchSolver.withThreads(3).solve(erring, problems, s -> Init.mrc())));
    }

    @Test
    void nullSamplesAndInitsAreNamed() {
        Precoder precoder = PrecoderRegistry.create("wmmse-scalar");
        List<Problem> problems = new ArrayList<>(sisoProblems(4));
        IllegalArgumentException noInit = assertThrows(IllegalArgumentException.class,
                () -> BatchSolver.withThreads(2).solve(precoder, problems, s -> s == 2 ? null : Init.mrc()));
        assertEquals("sample 2: init is null", noInit.getMessage());
        problems.set(1, null);
        IllegalArgumentException noProblem = assertThrows(IllegalArgumentException.class,
                () -> BatchSolver.withThreads(2).solve(precoder, problems, s -> Init.mrc()));
        assertEquals("sample 1: problem is null", noProblem.getMessage());
    }

    @Test
    void configurationIsValidated() throws InterruptedException {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BatchSolver.withThreads(0));
        assertTrue(e.getMessage().startsWith("threads:"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BatchSolver.withThreads(2).withPool(null));
        assertThrows(IllegalArgumentException.class, () -> BatchSolver.withThreads(2).withProgress(null));
        BatchSolver solver = BatchSolver.withThreads(3).withPool(BatchSolver.PoolKind.FORK_JOIN);
        assertEquals(3, solver.threads());
        assertEquals(BatchSolver.PoolKind.FORK_JOIN, solver.poolKind());
        assertEquals(BatchSolver.PoolKind.FIXED, BatchSolver.withThreads(3).poolKind());
        Precoder precoder = PrecoderRegistry.create("wmmse-scalar");
        assertEquals(0, solver.solve(precoder, List.of(), s -> Init.mrc()).size());
        List<BatchSolver.Result> results = solver.solve(precoder, sisoProblems(2), s -> Init.mrc());
        assertThrows(UnsupportedOperationException.class, () -> results.set(0, null));
        assertThrows(IllegalArgumentException.class, () -> solver.solve(null, List.of(), s -> Init.mrc()));
        assertThrows(IllegalArgumentException.class, () -> solver.solve(precoder, null, s -> Init.mrc()));
        assertThrows(IllegalArgumentException.class, () -> solver.solve(precoder, List.of(), null));
    }
}
