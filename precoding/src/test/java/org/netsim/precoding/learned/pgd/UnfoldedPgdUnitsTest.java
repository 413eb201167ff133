package org.netsim.precoding.learned.pgd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netsim.precoding.Init;
import org.netsim.precoding.PrecoderOptions;
import org.netsim.precoding.Problem;
import org.netsim.precoding.RateEvaluator;
import org.netsim.precoding.learned.EngineAssumptions;
import org.netsim.precoding.learned.LearnedEngine;
import org.netsim.precoding.learned.gcn.GcnWmmseBatch;
import org.netsim.precoding.linalg.ComplexOps;

/**
 * The training power unit: the network with the trained numbers on problems in mW equals the converted step sizes
 * ({@link UnfoldedPgdTrainer#stepsInWatts}) on the same problems in W.
 */
class UnfoldedPgdUnitsTest {

    /** 1 mW. */
    static final double MILLIWATT = 1e-3;
    /**
     * Float64: the two runs differ only by the factors u and sqrt(u) in every product (rounding ~1e-16 relative
     * per operation, a few hundred operations over 3 x 5 sub-steps and the solves).
     */
    static final double EXACT_TOLERANCE = 1e-11;
    /** Trainer figure against the precoder (summation order, inverse vs. Cholesky), as in UnfoldedPgdNetworkTest. */
    static final double VALIDATION_TOLERANCE = 1e-9;

    @BeforeEach
    void engine() {
        EngineAssumptions.assumeEngine();
    }

    @Test
    void convertedStepsOnProblemsInWattsEqualTheTrainedNumbersOnProblemsInMilliwatts() {
        List<Problem> inW = UnfoldedPgdNetworkTest.problems(40, 3, 3, 4, 2, 2);
        List<Problem> inMw = new ArrayList<>();
        for (Problem p : inW) {
            inMw.add(Problem.inPowerUnit(p, MILLIWATT));
        }
        double gamma0 = UnfoldedPgdNetworkTest.gamma0(inMw); // in 1 / (units of R_k in mW)
        for (UnfoldedPgdTrainer.StepParametrisation par : UnfoldedPgdTrainer.StepParametrisation.values()) {
            UnfoldedPgdTrainer.Config c = UnfoldedPgdTrainer.Config.paper().withSizes(3, 5).withPowerUnit(MILLIWATT)
                    .withParametrisation(par);
            SplittableRandom rng = new SplittableRandom(7);
            double[] theta = new double[15];
            double[] gammaMw = new double[15];
            for (int j = 0; j < theta.length; j++) {
                gammaMw[j] = gamma0 * Math.exp(0.6 * (rng.nextDouble() - 0.5));
                theta[j] = par.theta(gammaMw[j]);
                gammaMw[j] = par.gamma(theta[j]);
            }
            UnfoldedPgdSteps inWatts = UnfoldedPgdTrainer.stepsInWatts(c, theta);
            for (int j = 0; j < theta.length; j++) {
                assertEquals(MILLIWATT * gammaMw[j], inWatts.gamma(j / 5, j % 5), 1e-14 * MILLIWATT * gammaMw[j],
                        par + " gamma_W = u gamma'");
            }
            try (NDManager m = LearnedEngine.engine().newBaseManager()) {
                GcnWmmseBatch bMw = GcnWmmseBatch.of(m, inMw, Init.mrc(), DataType.FLOAT64);
                GcnWmmseBatch bW = GcnWmmseBatch.of(m, inW, Init.mrc(), DataType.FLOAT64);
                NDArray g = UnfoldedPgdNetwork.constant(m, gammaMw, new Shape(15), DataType.FLOAT64);
                NDArray rho = UnfoldedPgdNetwork.constant(m, inWatts.logSteps(), new Shape(15), DataType.FLOAT64);
                UnfoldedPgdNetwork.Output outMw = UnfoldedPgdNetwork.forwardSteps(g, 3, 5, bMw, 3);
                UnfoldedPgdNetwork.Output outW = UnfoldedPgdNetwork.forward(rho, 3, 5, bW, 3);
                double[] wsrMw = outMw.wsr().toDoubleArray();
                double[] wsrW = outW.wsr().toDoubleArray();
                for (int b = 0; b < inW.size(); b++) {
                    ZMatrixRMaj[] vMw = bMw.precoders(outMw.precoders(), b);
                    ZMatrixRMaj[] vW = bW.precoders(outW.precoders(), b);
                    double num = 0;
                    double den = 0;
                    for (int i = 0; i < vW.length; i++) {
                        ZMatrixRMaj scaled = vMw[i].copy();
                        org.ejml.dense.row.CommonOps_ZDRM.scale(Math.sqrt(MILLIWATT), 0, scaled); // V = sqrt(u) V'
                        num += UnfoldedPgdExecutorTest.diff2(scaled, vW[i]);
                        den += ComplexOps.frobeniusSquared(vW[i]);
                    }
                    double err = Math.sqrt(num / den);
                    assertTrue(err < EXACT_TOLERANCE, par + " problem " + b + ": precoder relative error " + err);
                    assertEquals(wsrW[b], wsrMw[b], EXACT_TOLERANCE * wsrW[b], par + " problem " + b + " WSR");
                    double exact = RateEvaluator.wsrNat(inW.get(b), vW);
                    assertEquals(exact, new UnfoldedPgdPrecoder(inWatts, PrecoderOptions.defaults())
                            .solve(inW.get(b), Init.mrc()).wsrNat(), VALIDATION_TOLERANCE * exact,
                            par + " problem " + b + ": the precoder runs the converted steps");
                }
            }
        }
    }

    @Test
    void theDataDrivenStartIsTheSameStepInEitherUnit() {
        UnfoldedPgdTrainer.Config c = UnfoldedPgdTrainer.Config.paper().withSizes(2, 3).withSteps(0, 4);
        List<Problem> validation = UnfoldedPgdNetworkTest.problems(900, 4, 2, 3, 2, 2);
        UnfoldedPgdTrainer.Result w = UnfoldedPgdTrainer.train(c.withPowerUnit(1.0),
                s -> UnfoldedPgdNetworkTest.problems(1000L + s, 1, 2, 3, 2, 2).get(0), validation,
                new UnfoldedPgdTrainer.Listener() {
                });
        UnfoldedPgdTrainer.Result mw = UnfoldedPgdTrainer.train(c.withPowerUnit(MILLIWATT),
                s -> UnfoldedPgdNetworkTest.problems(1000L + s, 1, 2, 3, 2, 2).get(0), validation,
                new UnfoldedPgdTrainer.Listener() {
                });
        assertEquals(w.initialStep(), mw.initialStep(), 1e-12 * w.initialStep());
        double vw = w.validations().get(0).validationWsr();
        assertEquals(vw, mw.validations().get(0).validationWsr(), EXACT_TOLERANCE * vw);
    }

    @Test
    void trainingInMilliwattsGivesAModelForWatts() {
        for (UnfoldedPgdTrainer.StepParametrisation par : UnfoldedPgdTrainer.StepParametrisation.values()) {
            UnfoldedPgdTrainer.Config c = UnfoldedPgdTrainer.Config.paper().withSizes(2, 3).withSteps(10, 6)
                    .withLearningRate(0.02, 1000, 0.1).withValidationEvery(10).withPowerUnit(MILLIWATT)
                    .withParametrisation(par);
            List<Problem> validation = UnfoldedPgdNetworkTest.problems(900, 6, 2, 3, 2, 2);
            UnfoldedPgdTrainer.Result r = UnfoldedPgdTrainer.train(c,
                    s -> UnfoldedPgdNetworkTest.problems(1000L + s, 1, 2, 3, 2, 2).get(0), validation,
                    new UnfoldedPgdTrainer.Listener() {
                    });
            double last = r.validations().get(r.validations().size() - 1).validationWsr();
            double sum = 0;
            for (Problem p : validation) {
                sum += new UnfoldedPgdPrecoder(r.steps(), PrecoderOptions.defaults()).solve(p, Init.mrc()).wsrNat();
            }
            assertEquals(last, sum / validation.size(), VALIDATION_TOLERANCE * last, par.toString());
        }
    }
}
