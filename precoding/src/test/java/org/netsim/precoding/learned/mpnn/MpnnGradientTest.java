package org.netsim.precoding.learned.mpnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.util.Pair;
import java.nio.FloatBuffer;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netsim.precoding.Init;
import org.netsim.precoding.Problem;
import org.netsim.precoding.learned.ComplexTensor;
import org.netsim.precoding.learned.EngineAssumptions;
import org.netsim.precoding.learned.LearnedEngine;

/**
 * The training loss (the mean sum rate the trainer maximises) reaches every parameter: D, the heads W_L and W_R and
 * every encoder and MPNN layer get a non-zero gradient, and the gradient of one entry of D and of one entry of the
 * W_L head equals a central finite difference of the loss.
 */
class MpnnGradientTest {

    /**
     * Finite differences in float32 with step 1e-2 on a loss of O(1-10): truncation O(h^2) and rounding
     * O(1e-7 / h) each around 1e-4 of the loss scale; 5 % relative to the larger of the two values (plus an
     * absolute 1e-3) separates a correct gradient from a missing or wrong one (which would be off by 100 %).
     */
    private static final double FD_RELATIVE_TOLERANCE = 0.05;
    private static final float FD_STEP = 1e-2f;

    @BeforeEach
    void engine() {
        EngineAssumptions.assumeEngine();
    }

    private static double loss(MpnnNetwork net, MpnnNetwork.Inputs in) {
        try (NDManager m = net.manager().newSubManager()) {
            ComplexTensor[] t = net.tensors(m, in, 0, in.size());
            return MpnnNetwork.sumRateNat(t[0], net.forward(t[0], t[1])).mean().getFloat();
        }
    }

    @Test
    void everyParameterReceivesTheLossGradient() {
        MpnnArchitecture a = MpnnSamples.SMALL;
        List<Problem> problems = MpnnSamples.problems(a, 4, 21);
        MpnnNetwork.Inputs in = MpnnNetwork.inputs(a, problems, Init.zf());
        try (MpnnNetwork net = MpnnNetwork.initialise(a, 5, Device.cpu())) {
            MpnnSamples.setRandomWeights(net, 13);
            try (NDManager m = net.manager().newSubManager()) {
                ComplexTensor[] t = net.tensors(m, in, 0, in.size());
                try (GradientCollector gc = LearnedEngine.engine().newGradientCollector()) {
                    NDArray rate = MpnnNetwork.sumRateNat(t[0], net.forward(t[0], t[1])).mean();
                    gc.backward(rate.neg());
                }
            }
            float[] gD = null;
            float[] gL = null;
            for (Pair<String, Parameter> p : net.block().getParameters()) {
                float[] g = p.getValue().getArray().getGradient().toFloatArray();
                double norm = 0;
                for (float v : g) {
                    assertTrue(Float.isFinite(v), p.getKey());
                    norm += v * v;
                }
                assertTrue(norm > 0, "no gradient reaches " + p.getKey());
                if (p.getKey().equals(MpnnNames.D_RE)) {
                    gD = g;
                } else if (p.getKey().equals(MpnnNames.HEAD_L + ".weight.re")) {
                    gL = g;
                }
            }
            // the collector's gradient is of -rate: d rate / d w = -g
            checkFiniteDifference(net, in, MpnnNames.D_RE, 1, -gD[1]);
            checkFiniteDifference(net, in, MpnnNames.HEAD_L + ".weight.re", 7, -gL[7]);
        }
    }

    private static void checkFiniteDifference(MpnnNetwork net, MpnnNetwork.Inputs in, String name, int entry,
            double analytic) {
        Parameter p = ((MpnnNetwork.MpnnBlock) net.block()).byName.get(name);
        float[] w = p.getArray().toFloatArray();
        float w0 = w[entry];
        w[entry] = w0 + FD_STEP;
        p.getArray().set(FloatBuffer.wrap(w));
        double up = loss(net, in);
        w[entry] = w0 - FD_STEP;
        p.getArray().set(FloatBuffer.wrap(w));
        double down = loss(net, in);
        w[entry] = w0;
        p.getArray().set(FloatBuffer.wrap(w));
        double numeric = (up - down) / (2 * FD_STEP);
        assertEquals(numeric, analytic, FD_RELATIVE_TOLERANCE * Math.max(Math.abs(numeric), Math.abs(analytic))
                + 1e-3, name + "[" + entry + "]");
    }
}
