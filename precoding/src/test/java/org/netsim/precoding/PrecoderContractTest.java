package org.netsim.precoding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link Precoder} meets; each precoder's test class extends this one and supplies the
 * precoder and the problems it accepts (EJML's {@code GenericQrCheck_ZDRM} pattern).
 *
 * <p>Checked on every supplied problem and initialisation (those of {@link #inits()} plus caller-supplied
 * precoders 1.5 times over budget): V_i has shape M_k x d_i with finite entries; every
 * per-BS budget holds, sum_{i in I_k} ||V_i||_F^2 &lt;= P_k (1 + {@value #POWER_SLACK}); the reported WSR is the
 * {@link RateEvaluator}'s on the returned precoders (to {@value #WSR_TOLERANCE} relative); the problem's channels
 * are not modified; a second solve gives bit-identical precoders; the registry name is registered and creates the
 * same kind of precoder.
 */
public abstract class PrecoderContractTest {

    /** Relative slack on a budget: one rounding of the final scaling, sqrt(P/used)^2 * used = P (1 +- few eps). */
    protected static final double POWER_SLACK = 1e-12;
    /** Relative agreement of the reported WSR with a fresh evaluation (same evaluator, same inputs). */
    protected static final double WSR_TOLERANCE = 1e-12;

    /** @return the precoder under test, with the options the contract runs it with */
    protected abstract Precoder precoder();

    /** @return problems the precoder accepts (default: random heterogeneous multicell MIMO problems) */
    protected List<Problem> problems() {
        return TestProblems.randomList(100, 12, 3, 6, 6, 3);
    }

    /** @return the initialisations to check (default: mrc, zf, random) */
    protected List<Init> inits() {
        return List.of(Init.mrc(), Init.zf(), Init.random(5));
    }

    @Test
    void precodersHaveTheRightShapeAndMeetEveryBudget() {
        for (Problem p : problems()) {
            List<Init> all = new java.util.ArrayList<>(inits());
            // caller-supplied precoders (a dataset's V0 or the previous slot's solution), over budget on purpose
            ZMatrixRMaj[] given = InitialPrecoders.create(p, Init.random(11));
            for (ZMatrixRMaj v : given) {
                org.netsim.precoding.linalg.ComplexOps.scale(1.5, v);
            }
            all.add(Init.given(given));
            for (Init init : all) {
                Solution s = precoder().solve(p, init);
                String where = precoder().name() + " on " + p + " from " + init;
                RateEvaluator.checkShapes(p, s.precoders());
                double[] used = RateEvaluator.powerUse(p, s.precoders());
                for (int k = 0; k < p.numBs(); k++) {
                    assertTrue(used[k] <= p.bsPowerW(k) * (1 + POWER_SLACK),
                            where + ": BS " + k + " uses " + used[k] + " W of " + p.bsPowerW(k));
                }
                RateReport report = RateEvaluator.evaluate(p, s.precoders());
                double wsr = report.wsrNat();
                assertEquals(wsr, s.wsrNat(), WSR_TOLERANCE * Math.max(1, Math.abs(wsr)), where + ": reported WSR");
                if (s.hasUeRates()) {
                    assertArrayEquals(report.ueRateNat(), s.ueRateNat(), WSR_TOLERANCE * Math.max(1, Math.abs(wsr)),
                            where + ": reported per-UE rates");
                }
                assertTrue(s.wsrNat() >= 0, where + ": WSR must be >= 0");
                assertTrue(s.iterations() >= 0, where);
            }
        }
    }

    @Test
    void problemIsNotModifiedAndSolvingIsDeterministic() {
        for (Problem p : problems()) {
            ZMatrixRMaj[][] before = TestProblems.copyChannels(p);
            Solution a = precoder().solve(p, Init.mrc());
            Solution b = precoder().solve(p, Init.mrc());
            for (int i = 0; i < p.numUe(); i++) {
                for (int k = 0; k < p.numBs(); k++) {
                    assertArrayEquals(before[i][k].data, p.channel(i, k).data, 0.0, "channel " + i + "," + k);
                }
                assertArrayEquals(a.precoder(i).data, b.precoder(i).data, 0.0, "precoder " + i + " differs");
            }
            assertEquals(a.wsrNat(), b.wsrNat(), 0.0);
        }
    }

    @Test
    void solutionOwnsItsPrecoders() {
        Problem p = problems().get(0);
        Solution a = precoder().solve(p, Init.mrc());
        ZMatrixRMaj v0 = a.precoder(0).copy();
        precoder().solve(p, Init.mrc());
        assertArrayEquals(v0.data, a.precoder(0).data, 0.0, "a later solve must not overwrite an earlier result");
    }

    /**
     * @return the options the registry creates the precoder with in the registry checks (default: none; a precoder
     *     that needs a model overrides this to name one)
     */
    protected PrecoderOptions registryOptions() {
        return PrecoderOptions.defaults();
    }

    @Test
    void isRegisteredUnderItsName() {
        String name = precoder().name();
        assertTrue(PrecoderRegistry.contains(name), name + " is not registered");
        assertEquals(precoder().getClass(), PrecoderRegistry.create(name, registryOptions()).getClass());
        assertFalse(PrecoderRegistry.entries().stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow()
                .description().isBlank());
    }

    @Test
    void unknownOptionIsRejectedWithItsName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PrecoderRegistry.create(precoder().name(), registryOptions().with("no-such-key", "1")));
        assertTrue(e.getMessage().contains("no-such-key"), e.getMessage());
    }
}
