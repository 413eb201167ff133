package org.netsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.netsim.precoding.BatchSolver;
import org.netsim.precoding.Init;
import org.netsim.precoding.Precoder;
import org.netsim.precoding.PrecoderOptions;
import org.netsim.precoding.PrecoderRegistry;
import org.netsim.precoding.Problem;
import org.netsim.precoding.RateEvaluator;
import org.netsim.precoding.RateReport;
import org.netsim.precoding.Solution;
import org.netsim.radio.random.RandomStreams;
import org.netsim.scenarios.snapshot.SnapshotCatalog;

/** The README's library example, line for line, so that it keeps compiling and working. */
class ReadmeExampleTest {

    @Test
    void libraryExampleRuns() throws Exception {
        List<Problem> problems = List.of(
                SnapshotCatalog.get("gcnwmmse-base").sample(new RandomStreams(7).stream("sample/1")));
        // --- README "Use as a library" ---
        Problem problem = SnapshotCatalog.get("gcnwmmse-base").sample(new RandomStreams(7).stream("sample/0"));
        Precoder wmmse = PrecoderRegistry.create("wmmse", PrecoderOptions.defaults().withMaxIterations(50));
        Solution solution = wmmse.solve(problem, Init.mrc());
        RateReport rates = RateEvaluator.evaluate(problem, solution.precoders());
        String line = String.format("WSR %.3f bit/s/Hz, UE 0: %.3f nat/s/Hz%n", solution.wsrBit(),
                rates.ueRateNat()[0]);
        List<BatchSolver.Result> all = BatchSolver.withThreads(2).solve(wmmse, problems, s -> Init.mrc());
        // ---
        assertTrue(line.startsWith("WSR "), line);
        assertEquals(solution.wsrNat(), rates.wsrNat(), 1e-12 * rates.wsrNat());
        assertEquals(1, all.size());
    }
}
