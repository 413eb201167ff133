package org.netsim.precoding.learned.sun;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.netsim.precoding.Problem;
import org.netsim.precoding.learned.EngineAssumptions;
import org.netsim.precoding.learned.ModelCard;
import org.netsim.precoding.learned.ModelDirectories;
import org.netsim.precoding.learned.sun.SunDnnArchitecture.InputTransform;

/**
 * The training runs of the shipped {@code sun-dnn} models, with the check of their targets on fresh test samples:
 * <ul>
 *   <li>{@code sun-imac-3-12} (IMAC, N = 3 cells, K = 12 users): at least {@value #IMAC_TARGET} of WMMSE's
 *       average sum rate, the issue's target (the paper, Table II: 98.30%);</li>
 *   <li>{@code sun-ic-10} (Gaussian IC, K = 10): at least {@value #IC_TARGET} (the paper, Table I: 98.33%).</li>
 * </ul>
 * Each run takes 2 to 5 minutes on 2 cores and writes its model when {@code netsim.sunDnn.out} names the folder
 * of the shipped models (paths relative to the precoding module, where surefire runs):
 * <pre>
 *   mvn -B -o -pl precoding test -Pslow -Dtest=SunDnnShippedModelsTest#imac3x12 \
 *       -Dnetsim.sunDnn.out=src/main/resources/org/netsim/precoding/learned/sun
 * </pre>
 * Data: {@link SunSamples} with seeds 1 (training), 2 (validation, model selection) and 3 (test), the statistics
 * of the scenarios of the same names. Architecture: the paper's three hidden layers of 200 (Section V-B); the IMAC
 * model takes log-magnitudes (its gains spread over decades), the IC model magnitudes, as in the paper.
 */
@Tag("slow")
class SunDnnShippedModelsTest {

    static final double IMAC_TARGET = 0.97;
    static final double IC_TARGET = 0.96;
    static final int VALIDATION_SAMPLES = 5_000;
    static final int TEST_SAMPLES = 10_000;

    /** One shipped model's recipe. */
    record Recipe(String scenario, String method, SunDnnArchitecture architecture, int trainingSamples,
            SunDnnTrainer.Config config, double target, SampleSource samples) {
        String command() {
            return "mvn -B -o -pl precoding test -Pslow -Dtest=SunDnnShippedModelsTest#" + method
                    + " -Dnetsim.sunDnn.out=src/main/resources/org/netsim/precoding/learned/sun";
        }
    }

    /** (seed, sample) -&gt; problem. */
    interface SampleSource {
        Problem sample(long seed, int s);
    }

    static final SunDnnArchitecture IMAC_ARCHITECTURE = SunDnnArchitecture.paper(3, 12)
            .withTransform(InputTransform.LOG_MAGNITUDE);
    static final SunDnnArchitecture IC_ARCHITECTURE = SunDnnArchitecture.paperInterferenceChannel(10);

    static final Recipe IMAC = new Recipe("sun-imac-3-12", "imac3x12", IMAC_ARCHITECTURE, 300_000,
            SunDnnTrainer.Config.defaults(IMAC_ARCHITECTURE).withEpochs(40).withBatchSize(200).withLearningRate(1e-3)
                    .withDecayFactor(0.5).withSeed(1),
            IMAC_TARGET, (seed, s) -> SunSamples.imacSample(3, 12, seed, s));
    static final Recipe IC = new Recipe("sun-ic-10", "ic10", IC_ARCHITECTURE, 500_000,
            SunDnnTrainer.Config.defaults(IC_ARCHITECTURE).withEpochs(40).withBatchSize(200).withLearningRate(1e-3)
                    .withDecayFactor(0.5).withSeed(1),
            IC_TARGET, (seed, s) -> SunSamples.icSample(10, seed, s));

    @Test
    void imac3x12() throws IOException {
        run(IMAC);
    }

    @Test
    void ic10() throws IOException {
        run(IC);
    }

    private static void run(Recipe recipe) throws IOException {
        EngineAssumptions.assumeEngine();
        SunDnnArchitecture a = recipe.architecture();
        IntFunction<Problem> training = s -> recipe.samples().sample(1, s);
        IntFunction<Problem> validation = s -> recipe.samples().sample(2, s);
        IntFunction<Problem> test = s -> recipe.samples().sample(3, s);
        long start = System.nanoTime();
        SunDnnDataset tr = SunDnnDataset.of(training, recipe.trainingSamples(), a);
        SunDnnDataset va = SunDnnDataset.of(validation, VALIDATION_SAMPLES, a);
        SunDnnDataset te = SunDnnDataset.of(test, TEST_SAMPLES, a);
        System.out.printf(Locale.ROOT, "%s: labels %.1f s for %d samples%n", recipe.scenario(),
                (System.nanoTime() - start) / 1e9, recipe.trainingSamples() + VALIDATION_SAMPLES + TEST_SAMPLES);
        SunDnnTrainer.Config c = recipe.config();
        try (SunDnnTrainer.Result r = SunDnnTrainer.train(tr, va, c, e -> System.out.printf(Locale.ROOT,
                "epoch %2d  train MSE %.5f  validation MSE %.5f  lr %.2g  %6.1f s%n", e.epoch(), e.trainingMse(),
                e.validationMse(), e.learningRate(), e.elapsedMillis() / 1e3))) {
            double wallS = (System.nanoTime() - start) / 1e9;
            SunDnnScore v = SunDnnScore.of(r.network(), validation, va);
            SunDnnScore t = SunDnnScore.of(r.network(), test, te);
            boolean binarize = v.binarizeIsBetter();

            // time per problem, one thread: WMMSE (labelling settings), Java executor, batched DJL
            SunDnnExecutor exec = r.network().executor();
            int in = a.inputSize();
            double[] x = new double[in];
            double sink = 0;
            long e0 = System.nanoTime();
            for (int s = 0; s < TEST_SAMPLES; s++) {
                for (int i = 0; i < in; i++) {
                    x[i] = te.features()[s * in + i];
                }
                sink += exec.powerFractions(x)[0];
            }
            double execUs = (System.nanoTime() - e0) / 1e3 / TEST_SAMPLES;
            long b0 = System.nanoTime();
            r.network().predict(te.features(), TEST_SAMPLES);
            double batchUs = (System.nanoTime() - b0) / 1e3 / TEST_SAMPLES;
            double wmmseUs = te.wmmseNanos() / 1e3 / TEST_SAMPLES;
            assertTrue(sink >= 0, "fractions are non-negative");

            System.out.printf(Locale.ROOT, "best epoch %d of %d, training %.1f s, total %.1f s (labels included)%n",
                    r.bestEpoch(), r.history().size(), r.trainingMillis() / 1e3, wallS);
            System.out.printf(Locale.ROOT, "validation: DNN/WMMSE %.2f%%, binarised %.2f%% (WMMSE %.3f bit/s/Hz)%n",
                    100 * v.ratio(), 100 * v.binarizedRatio(), v.wmmseSumRateNat() / Math.log(2));
            System.out.printf(Locale.ROOT, "test:       DNN/WMMSE %.2f%%, binarised %.2f%% (WMMSE %.3f, DNN %.3f /"
                    + " %.3f bit/s/Hz)%n", 100 * t.ratio(), 100 * t.binarizedRatio(),
                    t.wmmseSumRateNat() / Math.log(2), t.dnnSumRateNat() / Math.log(2),
                    t.binarizedSumRateNat() / Math.log(2));
            System.out.printf(Locale.ROOT, "time per problem: WMMSE %.1f us, DNN Java executor %.1f us (%.1fx),"
                    + " DNN batched DJL %.2f us (%.0fx)%n", wmmseUs, execUs, wmmseUs / execUs, batchUs,
                    wmmseUs / batchUs);

            String out = System.getProperty("netsim.sunDnn.out");
            if (out != null && !out.isBlank()) {
                Map<String, Object> hyper = SunDnnCards.hyperparameters(a, c, r, binarize);
                Map<String, Double> scores = new LinkedHashMap<>();
                scores.put("validationMse", v.mse());
                scores.put("validationSumRateRatio", v.ratio());
                scores.put("validationBinarizedSumRateRatio", v.binarizedRatio());
                scores.put("testSumRateRatio", t.ratio());
                scores.put("testBinarizedSumRateRatio", t.binarizedRatio());
                scores.put("testWmmseSumRateBit", t.wmmseSumRateNat() / Math.log(2));
                ModelCard card = new ModelCard(ModelCard.FORMAT_VERSION, SunDnnPrecoder.NAME, a.describe(), hyper,
                        a.dimensions(),
                        new ModelCard.Training(recipe.scenario(), recipe.command(), c.seed(),
                                recipe.trainingSamples(), VALIDATION_SAMPLES, SunDnnDataset.describeLabels(),
                                Math.rint(wallS), Device.cpu().toString()),
                        SunDnnCards.units(a),
                        ModelCard.projectVersionOfThisBuild(), scores, null);
                Path dir = Path.of(out, recipe.scenario());
                ModelDirectories.write(dir, r.network().encode(card));
                System.out.println("saved to " + dir.toAbsolutePath());
            }
            assertTrue(t.bestRatio() >= recipe.target(), recipe.scenario() + ": DNN/WMMSE " + t.bestRatio() + " < "
                    + recipe.target());
        }
    }
}
