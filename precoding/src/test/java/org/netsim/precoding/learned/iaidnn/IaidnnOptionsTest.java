package org.netsim.precoding.learned.iaidnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netsim.precoding.Init;
import org.netsim.precoding.InitialPrecoders;
import org.netsim.precoding.Problem;
import org.netsim.precoding.RateEvaluator;
import org.netsim.precoding.learned.ComplexTensor;
import org.netsim.precoding.learned.EngineAssumptions;
import org.netsim.precoding.learned.LearnedEngine;
import org.netsim.precoding.learned.ModelCard;
import org.netsim.precoding.learned.gcn.GcnWmmseBatch;

/** The trainer's options: the authors' initial draw, the authors' form, gradient clipping, the power unit. */
class IaidnnOptionsTest {

    /** The same arithmetic on numbers 10^3 apart: relative rounding of a few layers in double precision. */
    private static final double UNIT_TOLERANCE = 1e-8;
    /** float64 DJL vs EJML (inverse vs LU solve), a few layers. */
    private static final double DOUBLE_TOLERANCE = 1e-9;
    /** Moments of n = 7200 uniform draws: standard error of the mean 0.1 / sqrt(3 n) ~ 7e-4, of the variance ~ 3e-5. */
    private static final double MEAN_TOLERANCE = 4e-3;
    private static final double VARIANCE_TOLERANCE = 3e-4;
    /** 1 W in mW. */
    private static final double MILLIWATTS_PER_WATT = 1e3;

    private static Problem inUnit(Problem p, double factor) {
        int numUe = p.numUe();
        ZMatrixRMaj[][] h = new ZMatrixRMaj[numUe][1];
        double[] w = new double[numUe];
        int[] ns = new int[numUe];
        int[] ds = new int[numUe];
        double[] noise = new double[numUe];
        for (int i = 0; i < numUe; i++) {
            h[i][0] = p.channel(i, 0).copy();
            w[i] = p.weight(i);
            ns[i] = p.ueAntennas(i);
            ds[i] = p.streams(i);
            noise[i] = p.noisePowerW(i) * factor;
        }
        return Problem.builder().bsAntennas(new int[] {p.bsAntennas(0)})
                .bsPowerW(new double[] {p.bsPowerW(0) * factor}).ueAntennas(ns).streams(ds).noisePowerW(noise)
                .weights(w).servingBs(new int[numUe]).channels(h).build();
    }

    @Test
    void authorsInitialDrawIsUniformInTheDocumentedBox() {
        Problem p = IaidnnTestProblems.singleCell(1, 16, 8, 2, 2, 0.1, 1e-3);
        IaidnnArchitecture a = IaidnnArchitecture.of(p, 3, false, true);
        IaidnnWeights w = IaidnnWeights.initial(a, 11, IaidnnWeights.Init.AUTHORS);
        double sum = 0;
        double sumSq = 0;
        long n = 0;
        for (String name : a.tensorNames()) {
            for (double x : w.tensors().get(name)) {
                assertTrue(Math.abs(x) <= IaidnnWeights.AUTHORS_SCALE, name + ": " + x);
                sum += x;
                sumSq += x * x;
                n++;
            }
        }
        assertTrue(n > 7000, "entries: " + n);
        double mean = sum / n;
        double var = sumSq / n - mean * mean;
        double s = IaidnnWeights.AUTHORS_SCALE;
        assertEquals(0.0, mean, MEAN_TOLERANCE);
        assertEquals(s * s / 3, var, VARIANCE_TOLERANCE);                    // U[-s, s]: variance s^2 / 3
        IaidnnWeights again = IaidnnWeights.initial(a, 11, IaidnnWeights.Init.AUTHORS);
        for (String name : a.tensorNames()) {
            assertArrayEquals(w.tensors().get(name), again.tensors().get(name), 0.0, name);
        }
        assertFalse(java.util.Arrays.equals(w.tensors().get("Xu"),
                IaidnnWeights.initial(a, 12, IaidnnWeights.Init.AUTHORS).tensors().get("Xu")));
        assertEquals(IaidnnWeights.Init.AUTHORS, IaidnnWeights.Init.parse(" Authors "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IaidnnWeights.Init.parse("zeros"));
        assertTrue(e.getMessage().startsWith("init"), e.getMessage());
    }

    /**
     * Both forms see only sigma^2 / P and the channels (our form: every layer homogeneous; the authors' form: no
     * rescaling, the start built from the channels), so expressing the powers in mW instead of W changes nothing:
     * V scales by sqrt(1000) and every rate is the same. The trained parameters therefore need no conversion.
     */
    @Test
    void bothFormsAreInvariantToThePowerUnit() {
        Problem w = IaidnnTestProblems.singleCell(21, 6, 3, 2, 2, 0.1, 1e-3);
        Problem mw = inUnit(w, MILLIWATTS_PER_WATT);
        for (boolean authors : new boolean[] {false, true}) {
            IaidnnArchitecture a = IaidnnArchitecture.of(w, 4, false, !authors).withAuthorsForm(authors);
            for (IaidnnWeights weights : List.of(IaidnnWeights.initial(a, 5, IaidnnWeights.Init.AUTHORS),
                    IaidnnTestProblems.perturbed(a, 6, 0.1))) {
                IaidnnExecutor ex = new IaidnnExecutor(weights);
                ZMatrixRMaj[] vw = ex.run(w, InitialPrecoders.create(w, Init.mrc()), false);
                ZMatrixRMaj[] vmw = ex.run(mw, InitialPrecoders.create(mw, Init.mrc()), false);
                double root = Math.sqrt(MILLIWATTS_PER_WATT);
                for (int i = 0; i < vw.length; i++) {
                    for (int e = 0; e < vw[i].data.length; e++) {
                        assertEquals(vw[i].data[e] * root, vmw[i].data[e], UNIT_TOLERANCE * root
                                * Math.max(1, Math.abs(vw[i].data[e])), "authors=" + authors + " UE " + i);
                    }
                }
                assertEquals(RateEvaluator.wsrNat(w, vw), RateEvaluator.wsrNat(mw, vmw), UNIT_TOLERANCE
                        * Math.max(1, RateEvaluator.wsrNat(w, vw)));
            }
        }
    }

    @Test
    void authorsFormIgnoresTheStartAndMeetsTheBudget() {
        Problem p = IaidnnTestProblems.singleCell(31, 5, 3, 2, 2, 0.7, 0.05);
        IaidnnArchitecture a = IaidnnArchitecture.of(p, 3, true, false).withAuthorsForm(true);
        IaidnnExecutor ex = new IaidnnExecutor(IaidnnWeights.initial(a, 2, IaidnnWeights.Init.AUTHORS));
        ZMatrixRMaj[] v1 = ex.run(p, InitialPrecoders.create(p, Init.mrc()), false);
        ZMatrixRMaj[] v2 = ex.run(p, InitialPrecoders.create(p, Init.random(9)), false);
        double t = 0;
        for (int i = 0; i < v1.length; i++) {
            assertArrayEquals(v1[i].data, v2[i].data, 0.0);
            for (double x : v1[i].data) {
                t += x * x;
            }
        }
        assertEquals(p.bsPowerW(0), t, DOUBLE_TOLERANCE);
        Problem fewerStreams = IaidnnTestProblems.singleCell(31, 5, 3, 2, 1, 0.7, 0.05);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IaidnnArchitecture.of(fewerStreams, 3, true, false).withAuthorsForm(true));
        assertTrue(e.getMessage().startsWith("authorsForm"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> IaidnnArchitecture.of(p, 3, true, true).withAuthorsForm(true));
        assertTrue(e.getMessage().startsWith("authorsForm"), e.getMessage());
    }

    @Test
    void authorsFormNetworkEqualsTheExecutorInDoublePrecision() {
        EngineAssumptions.assumeEngine();
        List<Problem> ps = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            ps.add(IaidnnTestProblems.singleCell(50 + c, 5, 3, 2, 2, 0.1, 1e-3));
        }
        for (boolean shared : new boolean[] {false, true}) {
            IaidnnArchitecture a = IaidnnArchitecture.of(ps.get(0), 3, shared, false).withAuthorsForm(true);
            IaidnnWeights w = IaidnnWeights.initial(a, 8, IaidnnWeights.Init.AUTHORS);
            try (NDManager m = LearnedEngine.engine().newBaseManager()) {
                var params = IaidnnNetwork.Parameters.of(a, w.toArrays(), m, DataType.FLOAT64, false);
                GcnWmmseBatch b = GcnWmmseBatch.of(m, ps, Init.mrc(), DataType.FLOAT64);
                ComplexTensor v = IaidnnNetwork.forward(params, b, false);
                double[] wsr = IaidnnNetwork.wsr(b, v).toDoubleArray();
                IaidnnExecutor ex = new IaidnnExecutor(w);
                for (int n = 0; n < ps.size(); n++) {
                    Problem p = ps.get(n);
                    ZMatrixRMaj[] java = ex.run(p, InitialPrecoders.create(p, Init.mrc()), false);
                    ZMatrixRMaj[] djl = b.precoders(v, n);
                    double scale = 0;
                    for (ZMatrixRMaj vi : java) {
                        for (double x : vi.data) {
                            scale = Math.max(scale, Math.abs(x));
                        }
                    }
                    for (int i = 0; i < java.length; i++) {
                        for (int e = 0; e < java[i].data.length; e++) {
                            assertEquals(java[i].data[e], djl[i].data[e], DOUBLE_TOLERANCE * Math.max(1, scale),
                                    "shared=" + shared + " problem " + n + " UE " + i);
                        }
                    }
                    assertEquals(RateEvaluator.wsrNat(p, java), wsr[n], DOUBLE_TOLERANCE * 100);
                }
            }
        }
    }

    @Test
    void theFormIsSavedAndOldParametersReadAsOurs(@TempDir Path dir) throws Exception {
        Problem p = IaidnnTestProblems.singleCell(3, 4, 2, 2, 2, 1.0, 0.1);
        IaidnnArchitecture a = IaidnnArchitecture.of(p, 2, false, false).withAuthorsForm(true);
        IaidnnWeights w = IaidnnWeights.initial(a, 4, IaidnnWeights.Init.AUTHORS);
        IaidnnModel.Encoded enc = IaidnnModel.encode(w, IaidnnExecutorTest.card(a));
        Files.write(dir.resolve(IaidnnModel.PARAMETERS_FILE), enc.parameters());
        Files.write(dir.resolve(IaidnnModel.CARD_FILE), enc.cardJson());
        IaidnnModel back = IaidnnModel.read(dir);
        assertEquals(a, back.weights().architecture());
        String json = new String(enc.parameters(), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"authorsForm\" : true"), json.substring(0, 300));
        Path old = dir.resolve("old");
        Files.createDirectories(old);
        IaidnnArchitecture ours = a.withAuthorsForm(false);
        byte[] params = new String(IaidnnModel.encode(new IaidnnWeights(ours, w.toArrays()), IaidnnExecutorTest.card(ours))
                .parameters(), StandardCharsets.UTF_8).replace("\"authorsForm\" : false,", "")
                .replace(",\n    \"authorsForm\" : false", "").getBytes(StandardCharsets.UTF_8);
        assertFalse(new String(params, StandardCharsets.UTF_8).contains("authorsForm"));
        ModelCard oldCard = IaidnnExecutorTest.card(ours).withParametersSha256(IaidnnModel.sha256(params));
        Files.write(old.resolve(IaidnnModel.PARAMETERS_FILE), params);
        Files.write(old.resolve(IaidnnModel.CARD_FILE), oldCard.toJson().getBytes(StandardCharsets.UTF_8));
        assertEquals(ours, IaidnnModel.read(old).weights().architecture());
    }

    /**
     * Optimisation check of the authors' form with the authors' draw, as IaidnnNetworkTest's for ours: on one
     * fixed minibatch 60 AdamW steps at 10^-3 raise the WSR, without a non-finite step.
     */
    @Test
    void shortTrainingInTheAuthorsFormLowersTheLoss() {
        EngineAssumptions.assumeEngine();
        List<Problem> fixed = new ArrayList<>();
        for (int c = 0; c < 32; c++) {
            fixed.add(IaidnnTestProblems.singleCell(1000 + c, 4, 2, 2, 2, 1.0, 0.1));
        }
        IaidnnTrainer.Config c = IaidnnTrainer.Config.shortDefault(false).with(3, 60, 32, 40, 10, 60)
                .withInit(IaidnnWeights.Init.AUTHORS, 0, true);
        IaidnnTrainer.Result r = IaidnnTrainer.train(c, s -> fixed.get(s % fixed.size()), fixed,
                new IaidnnTrainer.Listener() {
                });
        double before = r.validations().get(0).meanWsr();
        double after = r.validations().get(r.validations().size() - 1).meanWsr();
        assertEquals(0, r.skippedSteps());
        assertTrue(after > before * 1.02, "WSR " + before + " -> " + after);
        assertTrue(r.weights().architecture().authorsForm());
    }

    @Test
    void clipAndInitAreValidatedWithTheirNames() {
        IaidnnTrainer.Config d = IaidnnTrainer.Config.shortDefault(false);
        assertEquals(0.0, d.clipNorm());
        assertEquals(IaidnnWeights.Init.AUTHORS, d.init());
        assertTrue(d.authorsForm() && IaidnnTrainer.Config.paper(true).authorsForm());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> d.withInit(IaidnnWeights.Init.AUTHORS, -1, false));
        assertTrue(e.getMessage().startsWith("clipNorm"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> d.withInit(null, 1, false));
        assertTrue(e.getMessage().startsWith("init"), e.getMessage());
    }
}
