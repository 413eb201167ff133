package org.netsim.precoding.learned.deepfp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netsim.precoding.Problem;
import org.netsim.precoding.RateEvaluator;
import org.netsim.precoding.learned.ComplexTensor;
import org.netsim.precoding.learned.EngineAssumptions;

/** The batched DJL executor against the per-problem Java executor and against FastFP. */
class DeepFpNetworkTest {

    /**
     * Float32 (DJL) against double (Java) through T = 3 layers: each layer's step carries ~1e-6 relative rounding,
     * amplified mildly by the iteration; 1e-3 relative on precoders and rates leaves a wide margin while any
     * formula difference (a missing term, a transposed feature) shows up at 1e-1 or more.
     */
    static final double FLOAT_TOLERANCE = 1e-3;

    @BeforeEach
    void engine() {
        EngineAssumptions.assumeEngine();
    }

    @Test
    void batchedNetworkAndJavaExecutorAgree() {
        List<Problem> problems = DeepFpSamples.problems(0, 5);
        List<ZMatrixRMaj[]> init = DeepFpSamples.initial(problems, "t");
        try (DeepFpNetwork net = DeepFpNetwork.initialise(DeepFpSamples.SMALL, 3L, 0.7, Device.cpu())) {
            ZMatrixRMaj[][] batched = net.solve(DeepFpBatch.pack(DeepFpSamples.SMALL, problems, init));
            DeepFpExecutor exec = net.executor();
            for (int s = 0; s < problems.size(); s++) {
                Problem p = problems.get(s);
                ZMatrixRMaj[] java = exec.solve(p, init.get(s), null);
                double wJava = RateEvaluator.wsrNat(p, java);
                double wBatch = RateEvaluator.wsrNat(p, batched[s]);
                assertEquals(wJava, wBatch, FLOAT_TOLERANCE * wJava, "WSR of problem " + s);
                for (int i = 0; i < p.numUe(); i++) {
                    double scale = Math.sqrt(p.bsPowerW(p.servingBs(i)));
                    for (int e = 0; e < java[i].data.length; e++) {
                        assertEquals(java[i].data[e], batched[s][i].data[e], FLOAT_TOLERANCE * scale,
                                "V of UE " + i + " entry " + e + " of problem " + s);
                    }
                }
            }
        }
    }

    @Test
    void batchedRateIsTheRateEvaluators() {
        List<Problem> problems = DeepFpSamples.problems(10, 4);
        List<ZMatrixRMaj[]> init = DeepFpSamples.initial(problems, "r");
        DeepFpBatch batch = DeepFpBatch.pack(DeepFpSamples.SMALL, problems, init);
        try (DeepFpNetwork net = DeepFpNetwork.initialise(DeepFpSamples.SMALL, 3L, 0.7, Device.cpu());
                NDManager scope = net.manager().newSubManager()) {
            ComplexTensor h = batch.channels(scope);
            NDArray alpha = batch.weights(scope);
            float[] w = DeepFpNetwork.weightedSumRate(h, batch.initialPrecoders(scope), alpha).toFloatArray();
            for (int s = 0; s < problems.size(); s++) {
                double expected = RateEvaluator.wsrNat(problems.get(s), init.get(s));
                assertEquals(expected, w[s], FLOAT_TOLERANCE * expected, "sample " + s);
            }
        }
    }

    @Test
    void withTheFastFpStepTheLayersAreFastFp() {
        // a network whose every layer outputs the same lambda~ is FastFP with a fixed step: the WSR must not fall
        // below the start for a step at least lambda_max (MM monotonicity); check the executor is not worse
        Problem p = DeepFpSamples.problem(20);
        ZMatrixRMaj[] v0 = DeepFpTrainer.initialPrecoders(p, 7L, "m", 0);
        double lambda = 50.0; // far above P lambda_max(L) of these problems: small monotone steps
        try (DeepFpNetwork net = DeepFpNetwork.initialise(DeepFpSamples.SMALL, 3L, lambda, Device.cpu())) {
            double[][] lambdas = new double[DeepFpSamples.SMALL.layers()][p.numUe()];
            ZMatrixRMaj[] v = net.executor().solve(p, v0, lambdas);
            assertTrue(RateEvaluator.wsrNat(p, v) >= RateEvaluator.wsrNat(p, v0), "the WSR fell");
            for (double[] layer : lambdas) {
                for (double l : layer) {
                    assertEquals(lambda, l, 0.1 * lambda, "lambda~ near the output bias (small output weights)");
                }
            }
        }
    }
}
