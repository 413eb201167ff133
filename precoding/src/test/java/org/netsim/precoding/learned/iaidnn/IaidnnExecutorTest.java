package org.netsim.precoding.learned.iaidnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netsim.precoding.Init;
import org.netsim.precoding.InitialPrecoders;
import org.netsim.precoding.PrecoderOptions;
import org.netsim.precoding.Problem;
import org.netsim.precoding.RateEvaluator;
import org.netsim.precoding.Solution;
import org.netsim.precoding.TestProblems;
import org.netsim.precoding.classic.WmmsePrecoder;
import org.netsim.precoding.learned.ModelCard;
import org.netsim.precoding.linalg.ComplexOps;

class IaidnnExecutorTest {

    /** The final scaling sqrt(P / t): one rounding per entry, so the power is P within a few ulps. */
    private static final double POWER_TOLERANCE = 1e-12;
    /** Fixed-point tolerance of the no-mu iteration after 2000 layers (it converges linearly; observed ~1e-12). */
    private static final double FIXED_POINT_TOLERANCE = 1e-7;
    /** Agreement of two double-precision runs that differ only in rounding (scaled start, permuted order). */
    private static final double ROUNDING_TOLERANCE = 1e-9;

    private static IaidnnArchitecture arch(Problem p, int layers, boolean shared, boolean useY) {
        return IaidnnArchitecture.of(p, layers, shared, useY);
    }

    @Test
    void powerIsExactlyTheBudgetAndShapesFitForEveryVariant() {
        for (Problem p : IaidnnTestProblems.randomSingleCell(11, 20)) {
            for (boolean shared : new boolean[] {false, true}) {
                for (boolean useY : new boolean[] {false, true}) {
                    IaidnnArchitecture a = arch(p, 3, shared, useY);
                    for (IaidnnWeights w : List.of(IaidnnWeights.initial(a, 3),
                            IaidnnTestProblems.perturbed(a, 4, 0.05))) {
                        for (boolean exact : new boolean[] {false, true}) {
                            ZMatrixRMaj[] v = new IaidnnExecutor(w).run(p, InitialPrecoders.create(p, Init.mrc()),
                                    exact);
                            RateEvaluator.checkShapes(p, v);
                            double used = RateEvaluator.powerUse(p, v)[0];
                            assertEquals(p.bsPowerW(0), used, POWER_TOLERANCE * p.bsPowerW(0), p + " " + a);
                        }
                    }
                }
            }
        }
    }

    /**
     * The no-mu iteration is homogeneous of degree 1 (class comment of IaidnnExecutor): a scaled start gives the
     * same budget-scaled output.
     */
    @Test
    void exactIterationIsScaleInvariant() {
        Problem p = IaidnnTestProblems.singleCell(5, 6, 3, 2, 2, 1.0, 0.1);
        IaidnnExecutor ex = new IaidnnExecutor(IaidnnWeights.jacobi(arch(p, 5, false, false)));
        ZMatrixRMaj[] v0 = InitialPrecoders.create(p, Init.random(2));
        ZMatrixRMaj[] scaled = new ZMatrixRMaj[v0.length];
        for (int i = 0; i < v0.length; i++) {
            scaled[i] = v0[i].copy();
            ComplexOps.scale(0.1, scaled[i]);
        }
        ZMatrixRMaj[] a = ex.run(p, v0, true);
        ZMatrixRMaj[] b = ex.run(p, scaled, true);
        for (int i = 0; i < a.length; i++) {
            assertArrayEquals(a[i].data, b[i].data, ROUNDING_TOLERANCE);
        }
    }

    /**
     * The fixed point of the no-mu iteration satisfies the single-cell WMMSE KKT conditions: one iteration of the
     * classic WMMSE (mu found by its own root search so that tr(V V^H) = P) started there returns it unchanged.
     */
    @Test
    void exactFixedPointIsAClassicWmmseFixedPoint() {
        for (long seed = 1; seed <= 3; seed++) {
            Problem p = IaidnnTestProblems.singleCell(seed, 4, 2, 2, 2, 1.0, 0.1);
            IaidnnExecutor ex = new IaidnnExecutor(IaidnnWeights.jacobi(arch(p, 2000, true, false)));
            ZMatrixRMaj[] v = ex.run(p, InitialPrecoders.create(p, Init.mrc()), true);
            Solution next = new WmmsePrecoder(PrecoderOptions.defaults().withMaxIterations(1))
                    .solve(p, Init.given(v));
            double scale = 0;
            for (ZMatrixRMaj vi : v) {
                scale = Math.max(scale, ComplexOps.frobenius(vi));
            }
            for (int i = 0; i < v.length; i++) {
                assertArrayEquals(v[i].data, next.precoder(i).data, FIXED_POINT_TOLERANCE * scale, "seed " + seed
                        + " UE " + i);
            }
            // and the WMMSE run to convergence from MRC reaches no higher WSR than that stationary point's basin
            assertTrue(RateEvaluator.wsrNat(p, v) > 0);
        }
    }

    /** Shared parameters commute with a permutation of the UEs; per-UE parameters do not. */
    @Test
    void sharedParametersArePermutationEquivariantPerUeAreNot() {
        Problem p = IaidnnTestProblems.singleCell(8, 6, 3, 2, 2, 1.0, 0.1);
        int[] perm = {2, 0, 1};
        Problem q = IaidnnTestProblems.permuted(p, perm);
        for (boolean shared : new boolean[] {true, false}) {
            IaidnnExecutor ex = new IaidnnExecutor(IaidnnTestProblems.perturbed(arch(p, 3, shared, false), 9, 0.1));
            ZMatrixRMaj[] a = ex.run(p, InitialPrecoders.create(p, Init.mrc()), false);
            ZMatrixRMaj[] b = ex.run(q, InitialPrecoders.create(q, Init.mrc()), false);
            double maxDiff = 0;
            for (int k = 0; k < perm.length; k++) {
                for (int e = 0; e < a[perm[k]].data.length; e++) {
                    maxDiff = Math.max(maxDiff, Math.abs(a[perm[k]].data[e] - b[k].data[e]));
                }
            }
            if (shared) {
                assertTrue(maxDiff < ROUNDING_TOLERANCE, "SP must be equivariant, max diff " + maxDiff);
            } else {
                assertTrue(maxDiff > 1e-4, "per-UE parameters should not be equivariant, max diff " + maxDiff);
            }
        }
    }

    @Test
    void saveLoadIsTheIdentityAndDimensionsAreChecked(@TempDir Path dir) throws Exception {
        Problem p = IaidnnTestProblems.singleCell(3, 4, 2, 2, 2, 1.0, 0.1);
        IaidnnArchitecture a = arch(p, 3, false, true);
        IaidnnWeights w = IaidnnTestProblems.perturbed(a, 5, 0.1);
        IaidnnModel.Encoded enc = IaidnnModel.encode(w, card(a));
        Files.write(dir.resolve(IaidnnModel.PARAMETERS_FILE), enc.parameters());
        Files.write(dir.resolve(IaidnnModel.CARD_FILE), enc.cardJson());
        IaidnnModel back = IaidnnModel.read(dir);
        assertEquals(a, back.weights().architecture());
        for (String name : a.tensorNames()) {
            assertArrayEquals(w.tensors().get(name), back.weights().tensors().get(name), 0.0, name);
        }
        IaidnnPrecoder pre = new IaidnnPrecoder(PrecoderOptions.defaults().with(IaidnnPrecoder.MODEL,
                dir.toString()));
        ZMatrixRMaj[] direct = new IaidnnExecutor(w).run(p, InitialPrecoders.create(p, Init.mrc()), false);
        Solution s = pre.solve(p, Init.mrc());
        for (int i = 0; i < direct.length; i++) {
            assertArrayEquals(direct[i].data, s.precoder(i).data, 0.0);
        }
        Problem bigger = IaidnnTestProblems.singleCell(3, 4, 3, 2, 2, 1.0, 0.1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> pre.solve(bigger,
                Init.mrc()));
        assertTrue(e.getMessage().contains("numUes = 2") && e.getMessage().contains("numUes = 3"), e.getMessage());
        Problem multi = TestProblems.uniform(1, 2, 1, 4, 2, 2, 1.0, 0.1, 0.5);
        e = assertThrows(IllegalArgumentException.class, () -> pre.solve(multi, Init.mrc()));
        assertTrue(e.getMessage().contains("single-cell"), e.getMessage());
        Files.write(dir.resolve(IaidnnModel.PARAMETERS_FILE), new byte[] {'{', '}'});
        e = assertThrows(IllegalArgumentException.class, () -> IaidnnModel.read(dir));
        assertTrue(e.getMessage().contains("SHA-256"), e.getMessage());
    }

    @Test
    void optionsAreValidatedWithTheirNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new IaidnnPrecoder(PrecoderOptions.defaults().with(IaidnnPrecoder.MODEL, "/nonexistent")));
        assertTrue(e.getMessage().startsWith("precoder.model"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new IaidnnPrecoder(PrecoderOptions.defaults()
                .with(IaidnnPrecoder.WEIGHTS, "exact").with(IaidnnPrecoder.SHARED, "true")));
        assertTrue(e.getMessage().startsWith("precoder.shared"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new IaidnnPrecoder(PrecoderOptions.defaults()
                .with(IaidnnPrecoder.WEIGHTS, "initial").with(IaidnnPrecoder.LAYERS, "0")));
        assertTrue(e.getMessage().startsWith("precoder.layers"), e.getMessage());
    }

    /**
     * The shipped model: the registry default, M = 16, I = 8, N = d = 2, L = 7 in the authors' form; on problems
     * of the iaidnn-16x8 shape it meets the budget exactly, on others it fails naming the dimension.
     */
    @Test
    void theShippedModelIsTheDefaultAndServesOnlyItsDimensions() {
        assertTrue(IaidnnModel.hasShipped());
        IaidnnPrecoder pre = new IaidnnPrecoder(PrecoderOptions.defaults());
        IaidnnArchitecture a = pre.model().weights().architecture();
        assertEquals(new IaidnnArchitecture(16, 8, 2, 2, 7, false, false, true), a);
        assertTrue(pre.model().card().training().command().contains("--form authors"));
        Problem p = IaidnnTestProblems.singleCell(9, 16, 8, 2, 2, 0.1, 1e-3);
        Solution s = pre.solve(p, Init.mrc());
        double t = 0;
        for (int i = 0; i < p.numUe(); i++) {
            t += ComplexOps.frobeniusSquared(s.precoder(i));
        }
        assertEquals(p.bsPowerW(0), t, POWER_TOLERANCE);
        assertTrue(s.wsrNat() > 0 && Double.isFinite(s.wsrNat()));
        Problem other = IaidnnTestProblems.singleCell(9, 8, 4, 2, 2, 0.1, 1e-3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> pre.solve(other,
                Init.mrc()));
        assertTrue(e.getMessage().contains("bsAntennas") || e.getMessage().contains("numUes"), e.getMessage());
    }

    static ModelCard card(IaidnnArchitecture a) {
        return new ModelCard(ModelCard.FORMAT_VERSION, IaidnnPrecoder.NAME, a.describe(), Map.of("layers",
                a.layers()), a.dimensions(), new ModelCard.Training("test", "test", 1, 0, 0, "none", 0, "cpu"),
                Map.of(), "test", Map.of(), null);
    }
}
