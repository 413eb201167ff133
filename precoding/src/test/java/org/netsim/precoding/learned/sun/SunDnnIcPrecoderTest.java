package org.netsim.precoding.learned.sun;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netsim.precoding.Init;
import org.netsim.precoding.Precoder;
import org.netsim.precoding.PrecoderContractTest;
import org.netsim.precoding.PrecoderOptions;
import org.netsim.precoding.Problem;
import org.netsim.precoding.learned.EngineAssumptions;
import org.netsim.precoding.learned.LearnedEngine;

/**
 * {@code sun-dnn} with a model given by directory ({@code model=DIR}): a small IC model (K = 4) trained here for
 * two epochs and saved, under the precoder contract on single-antenna interference channels with random budgets
 * and noise powers; the precoder's output equals the network's.
 */
class SunDnnIcPrecoderTest extends PrecoderContractTest {

    private static Path modelDir;
    private static Precoder precoder;

    @BeforeEach
    void engineAndModel() throws IOException {
        EngineAssumptions.assumeEngine();
        if (modelDir == null) {
            modelDir = Files.createTempDirectory("sun-dnn-ic");
            SunDnnArchitecture a = SunDnnNetworkTest.SMALL;
            SunDnnTrainer.Config c = SunDnnTrainer.Config.defaults(a).withEpochs(2).withBatchSize(100);
            try (SunDnnTrainer.Result r = SunDnnTrainer.train(SunDnnDataset.of(SunSamples.ic(4, 1000, 5), a),
                    SunDnnDataset.of(SunSamples.ic(4, 100, 6), a), c, e -> { })) {
                org.netsim.precoding.learned.ModelDirectories.write(modelDir,
                        r.network().encode(SunDnnNetworkTest.card(a)));
            }
            precoder = new SunDnnPrecoder(PrecoderOptions.defaults().with("model", modelDir.toString()));
        }
    }

    @AfterAll
    static void cleanUp() throws IOException {
        if (modelDir != null) {
            try (var files = Files.list(modelDir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(modelDir);
        }
    }

    @Override
    protected Precoder precoder() {
        return precoder;
    }

    /** K = 4 links, P_k in [0.1, 10] W and sigma_k^2 in [0.01, 2] W per link. */
    @Override
    protected List<Problem> problems() {
        return SunSamples.icWithRandomBudgets(4, 10, 30, 8, 0.01);
    }

    @Override
    protected List<Init> inits() {
        return List.of(Init.mrc());
    }

    /** The precoder's powers are the saved network's fractions times the budgets (card default: continuous). */
    @Test
    void powersAreTheNetworkOutputTimesTheBudgets() {
        try (SunDnnNetwork net = SunDnnNetwork.load(
                org.netsim.precoding.learned.ModelFiles.Location.directory(modelDir),
                org.netsim.precoding.learned.ModelFiles.readCard(
                        org.netsim.precoding.learned.ModelFiles.Location.directory(modelDir), SunDnnPrecoder.NAME),
                LearnedEngine.device(org.netsim.precoding.learned.DeviceChoice.CPU, "device"))) {
            List<Problem> ps = problems();
            double[][] q = net.predict(ps);
            for (int s = 0; s < ps.size(); s++) {
                Problem p = ps.get(s);
                double[] used = org.netsim.precoding.RateEvaluator.powerUse(p, precoder.solve(p).precoders());
                double[] expected = new double[4];
                for (int k = 0; k < 4; k++) {
                    expected[k] = q[s][k] * p.bsPowerW(k);
                }
                assertArrayEquals(expected, used, 1e-5 * 10, "sample " + s);
            }
            assertEquals(false, ((SunDnnPrecoder) precoder).binarize());
        }
    }
}
