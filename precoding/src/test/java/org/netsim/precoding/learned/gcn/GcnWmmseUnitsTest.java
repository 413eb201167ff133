package org.netsim.precoding.learned.gcn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.netsim.precoding.Problem;
import org.netsim.precoding.RateEvaluator;
import org.netsim.precoding.TestProblems;
import org.netsim.precoding.gcn.GcnWmmseExecutor;
import org.netsim.precoding.gcn.GcnWmmseWeights;
import org.netsim.precoding.linalg.ComplexOps;

/**
 * Training in another power unit is a reparameterisation: the network with parameters theta on problems whose
 * powers are in u equals the network with {@link GcnWmmseCheckpoint#weights}(..., u) on the same problems in W
 * (precoders scaled by sqrt(u), the same WSR), for random sizes and every term of (13) switched on. Run by the
 * per-problem EJML executor, so it needs no engine.
 */
class GcnWmmseUnitsTest {

    /** Double precision, 7 layers: rounding only (the two runs differ in the order of magnitude of every number). */
    static final double TOLERANCE = 1e-9;

    @Test
    void parametersTrainedInMilliwattsServeProblemsInWatts() {
        SplittableRandom sizes = new SplittableRandom(21);
        for (int trial = 0; trial < 6; trial++) {
            int numBs = 1 + sizes.nextInt(3);
            int ues = 1 + sizes.nextInt(3);
            int m = 2 + sizes.nextInt(5);
            int n = 1 + sizes.nextInt(2);
            int layers = 1 + sizes.nextInt(4);
            double unitW = trial % 2 == 0 ? 1e-3 : 37.5;
            Problem watts = TestProblems.uniform(700 + trial, numBs, ues, m, n, n, 2.0, 1e-3, 0.1);
            Problem inUnit = Problem.inPowerUnit(watts, unitW);
            assertEquals(watts.bsPowerW(0) / unitW, inUnit.bsPowerW(0), 1e-12 * inUnit.bsPowerW(0));

            Map<String, double[]> theta = GcnWmmseNetworkTest.perturbed(
                    GcnWmmseWeights.paperInitial(layers, 2, 3, 1.0, new SplittableRandom(trial)), 40 + trial, 0.3)
                    .toArrays();
            // b_S as the trainer keeps it: the running mean of sqrt(P_k / |I_k|) in the training unit
            double biasSum = 0;
            for (int k = 0; k < inUnit.numBs(); k++) {
                biasSum += Math.sqrt(inUnit.bsPowerW(k) / inUnit.uesOf(k).length);
            }
            GcnWmmseCheckpoint c = new GcnWmmseCheckpoint("test", 0, 0, theta, theta, theta, biasSum,
                    inUnit.numBs(), 0, 0, List.of(), List.of());
            GcnWmmseWeights asTrained = c.weights(layers, 2, 3, 1.0);
            GcnWmmseWeights forWatts = c.weights(layers, 2, 3, unitW);

            ZMatrixRMaj[] vUnit = GcnWmmseExecutor.forwardFromMrc(inUnit, asTrained)[layers];
            ZMatrixRMaj[] vWatts = GcnWmmseExecutor.forwardFromMrc(watts, forWatts)[layers];
            double err = 0;
            double norm = 0;
            for (int i = 0; i < vUnit.length; i++) {
                ZMatrixRMaj scaled = vUnit[i].copy();
                ComplexOps.scale(Math.sqrt(unitW), scaled);
                for (int e = 0; e < scaled.getDataLength(); e++) {
                    double diff = scaled.data[e] - vWatts[i].data[e];
                    err += diff * diff;
                }
                norm += ComplexOps.frobeniusSquared(vWatts[i]);
            }
            assertTrue(Math.sqrt(err / norm) < TOLERANCE, "trial " + trial + ": relative precoder error "
                    + Math.sqrt(err / norm));
            double wsr = RateEvaluator.wsrNat(watts, vWatts);
            assertEquals(wsr, RateEvaluator.wsrNat(inUnit, vUnit), TOLERANCE * Math.abs(wsr), "trial " + trial);
            // the unit does matter to the untranslated weights: the same theta on problems in W is another network
            double other = RateEvaluator.wsrNat(watts, GcnWmmseExecutor.forwardFromMrc(watts, asTrained)[layers]);
            assertTrue(Math.abs(other - wsr) > 1e-6 * Math.abs(wsr), "trial " + trial + ": the unit changed nothing");
        }
    }
}
