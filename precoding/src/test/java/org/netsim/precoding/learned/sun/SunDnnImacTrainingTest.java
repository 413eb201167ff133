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
 * The training run of the shipped {@code sun-dnn} model, and the check of the target: on the IMAC with
 * N = 3 cells and K = 12 users, at least {@value #TARGET} of WMMSE's average sum rate on fresh test samples (the
 * paper, Table II: 98.30%).
 *
 * <p>Run (about 4 to 6 minutes on 2 cores), writing the model when {@code netsim.sunDnn.out} is set:
 * <pre>
 *   mvn -B -o -pl precoding test -Pslow -Dtest=SunDnnImacTrainingTest \
 *       -Dnetsim.sunDnn.out=src/main/resources/org/netsim/precoding/learned/sun/sun-imac-3-12
 * </pre>
 * (the path is relative to the precoding module, where surefire runs). Data: {@link SunSamples#imacSample} with
 * seeds 1 (training), 2 (validation) and 3 (test), the statistics of the scenario {@code sun-imac-3-12}.
 */
@Tag("slow")
class SunDnnImacTrainingTest {

    static final double TARGET = 0.97;
    static final int TRAINING_SAMPLES = 300_000;
    static final int VALIDATION_SAMPLES = 5_000;
    static final int TEST_SAMPLES = 10_000;
    static final String COMMAND = "mvn -B -o -pl precoding test -Pslow -Dtest=SunDnnImacTrainingTest"
            + " -Dnetsim.sunDnn.out=src/main/resources/org/netsim/precoding/learned/sun/sun-imac-3-12";

    /** The shipped model's architecture: the paper's 36-200-200-200-12 on log-magnitude inputs. */
    static SunDnnArchitecture architecture() {
        return SunDnnArchitecture.paper(3, 12).withTransform(InputTransform.LOG_MAGNITUDE);
    }

    /** The shipped model's training configuration. */
    static SunDnnTrainer.Config config() {
        return SunDnnTrainer.Config.defaults(architecture()).withEpochs(40).withBatchSize(200)
                .withLearningRate(1e-3).withDecayFactor(0.5).withSeed(1);
    }

    @Test
    void reachesTheTargetOnTheImac() throws IOException {
        EngineAssumptions.assumeEngine();
        SunDnnArchitecture a = architecture();
        IntFunction<Problem> training = s -> SunSamples.imacSample(3, 12, 1, s);
        IntFunction<Problem> validation = s -> SunSamples.imacSample(3, 12, 2, s);
        IntFunction<Problem> test = s -> SunSamples.imacSample(3, 12, 3, s);
        long start = System.nanoTime();
        SunDnnDataset tr = SunDnnDataset.of(training, TRAINING_SAMPLES, a);
        SunDnnDataset va = SunDnnDataset.of(validation, VALIDATION_SAMPLES, a);
        SunDnnDataset te = SunDnnDataset.of(test, TEST_SAMPLES, a);
        double labelS = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "labels: %.1f s for %d samples%n", labelS,
                TRAINING_SAMPLES + VALIDATION_SAMPLES + TEST_SAMPLES);
        try (SunDnnTrainer.Result r = SunDnnTrainer.train(tr, va, config(), e -> System.out.printf(Locale.ROOT,
                "epoch %2d  train MSE %.5f  validation MSE %.5f  lr %.2g  %6.1f s%n", e.epoch(), e.trainingMse(),
                e.validationMse(), e.learningRate(), e.elapsedMillis() / 1e3))) {
            double wallS = (System.nanoTime() - start) / 1e9;
            SunDnnScore v = SunDnnScore.of(r.network(), validation, va);
            SunDnnScore t = SunDnnScore.of(r.network(), test, te);
            boolean binarize = v.binarizeIsBetter();

            // speed: per-problem Java executor and batched DJL, against the labelling WMMSE (one thread each)
            SunDnnExecutor exec = r.network().executor();
            long e0 = System.nanoTime();
            double sink = 0;
            for (int s = 0; s < TEST_SAMPLES; s++) {
                sink += exec.powerFractions(featuresOf(te, s))[0];
            }
            double execUs = (System.nanoTime() - e0) / 1e3 / TEST_SAMPLES;
            long b0 = System.nanoTime();
            r.network().predict(te.features(), TEST_SAMPLES);
            double batchUs = (System.nanoTime() - b0) / 1e3 / TEST_SAMPLES;
            double wmmseUs = te.wmmseNanos() / 1e3 / TEST_SAMPLES;

            System.out.printf(Locale.ROOT, "best epoch %d of %d, training %.1f s, total %.1f s (labels included)%n",
                    r.bestEpoch(), r.history().size(), r.trainingMillis() / 1e3, wallS);
            System.out.printf(Locale.ROOT, "validation: DNN/WMMSE %.2f%%, binarised %.2f%% (WMMSE %.3f bit/s/Hz)%n",
                    100 * v.ratio(), 100 * v.binarizedRatio(), v.wmmseSumRateNat() / Math.log(2));
            System.out.printf(Locale.ROOT, "test:       DNN/WMMSE %.2f%%, binarised %.2f%% (WMMSE %.3f, DNN %.3f /"
                    + " %.3f bit/s/Hz)%n", 100 * t.ratio(), 100 * t.binarizedRatio(),
                    t.wmmseSumRateNat() / Math.log(2), t.dnnSumRateNat() / Math.log(2),
                    t.binarizedSumRateNat() / Math.log(2));
            System.out.printf(Locale.ROOT, "time per problem: WMMSE %.1f us, DNN Java executor %.1f us (%.0fx),"
                    + " DNN batched DJL %.2f us (%.0fx)%n", wmmseUs, execUs, wmmseUs / execUs, batchUs,
                    wmmseUs / batchUs);
            assertTrue(sink >= 0, "fractions are non-negative");

            String out = System.getProperty("netsim.sunDnn.out");
            if (out != null && !out.isBlank()) {
                Map<String, Object> hyper = new LinkedHashMap<>(a.hyperparameters());
                SunDnnTrainer.Config c = config();
                hyper.put("optimizer", "RMSprop");
                hyper.put("learningRate", c.learningRate());
                hyper.put("rho", c.rho());
                hyper.put("epsilon", c.epsilon());
                hyper.put("batchSize", c.batchSize());
                hyper.put("maxEpochs", c.epochs());
                hyper.put("decayFactor", c.decayFactor());
                hyper.put("bestEpoch", r.bestEpoch());
                hyper.put("loss", "MSE of p_k / P_k against the WMMSE labels");
                hyper.put(SunDnnPrecoder.BINARIZE, binarize);
                Map<String, Double> scores = new LinkedHashMap<>();
                scores.put("validationMse", v.mse());
                scores.put("validationSumRateRatio", v.ratio());
                scores.put("validationBinarizedSumRateRatio", v.binarizedRatio());
                scores.put("testSumRateRatio", t.ratio());
                scores.put("testBinarizedSumRateRatio", t.binarizedRatio());
                scores.put("testWmmseSumRateBit", t.wmmseSumRateNat() / Math.log(2));
                ModelCard card = new ModelCard(ModelCard.FORMAT_VERSION, SunDnnPrecoder.NAME, a.describe(), hyper,
                        a.dimensions(),
                        new ModelCard.Training("sun-imac-3-12", COMMAND, c.seed(), TRAINING_SAMPLES,
                                VALIDATION_SAMPLES, SunDnnDataset.describeLabels(), Math.rint(wallS),
                                Device.cpu().toString()),
                        Map.of("input", "ln(|h_kj| sqrt(P_j) / sigma_k), dimensionless, one row per cell (N x K)",
                                "output", "q_k = p_k / P_k, dimensionless in [0, 1]",
                                "sumRate", "bit/s/Hz in the scores named *Bit, ratios dimensionless"),
                        ModelCard.projectVersionOfThisBuild(), scores, null);
                ModelDirectories.write(Path.of(out), r.network().encode(card));
                System.out.println("saved to " + Path.of(out).toAbsolutePath());
            }
            assertTrue(t.bestRatio() >= TARGET, "DNN/WMMSE " + t.bestRatio() + " < " + TARGET);
        }
    }

    private static double[] featuresOf(SunDnnDataset d, int s) {
        int in = d.architecture().inputSize();
        double[] x = new double[in];
        for (int i = 0; i < in; i++) {
            x[i] = d.features()[s * in + i];
        }
        return x;
    }
}
