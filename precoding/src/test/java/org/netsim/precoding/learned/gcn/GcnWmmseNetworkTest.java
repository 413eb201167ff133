package org.netsim.precoding.learned.gcn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netsim.precoding.Init;
import org.netsim.precoding.Problem;
import org.netsim.precoding.RateEvaluator;
import org.netsim.precoding.TestProblems;
import org.netsim.precoding.gcn.GcnWmmseExecutor;
import org.netsim.precoding.gcn.GcnWmmseWeights;
import org.netsim.precoding.learned.EngineAssumptions;
import org.netsim.precoding.learned.LearnedEngine;

/**
 * The batched DJL network against the per-problem EJML executor on the same weights, and its gradient (with the
 * implicit mu gradient of Proposition 1) against central finite differences.
 */
class GcnWmmseNetworkTest {

    /**
     * Float32 tolerance on precoders relative to their norm, after 7 layers: float32 has 6e-8 relative rounding;
     * the solves with Z_i and R_k + mu I are refined twice, so their condition numbers do not eat the digits;
     * measured errors are 3e-7 to 2.6e-6, the bound leaves a factor of 20.
     */
    static final double FLOAT_PRECODER_TOLERANCE = 5e-5;
    /** Float32 tolerance on the WSR, relative (measured up to 6.2e-6). */
    static final double FLOAT_WSR_TOLERANCE = 5e-5;
    /** Double precision: the only differences are summation order and inverse vs. Cholesky solves. */
    static final double DOUBLE_TOLERANCE = 1e-8;

    @BeforeEach
    void engine() {
        EngineAssumptions.assumeEngine();
    }

    /** gcnwmmse-base-like sizes: 3 BSs, 4 UEs each, M = 12, N = d = 2; 40 dB serving SNR, cross links -17 dB. */
    static List<Problem> baseLike(long seed, int count) {
        List<Problem> out = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            out.add(TestProblems.uniform(seed + s, 3, 4, 12, 2, 2, 1.0, 1e-4, 0.02));
        }
        return out;
    }

    /** Paper-init weights with every term switched on: biases, loading and skips perturbed. */
    static GcnWmmseWeights perturbed(GcnWmmseWeights base, long seed, double scale) {
        SplittableRandom rng = new SplittableRandom(seed);
        Map<String, double[]> a = base.toArrays();
        for (Map.Entry<String, double[]> e : a.entrySet()) {
            double[] t = e.getValue();
            for (int j = 0; j < t.length; j++) {
                double g = scale * TestProblems.gaussian(rng);
                t[j] = e.getKey().equals(GcnWmmseWeights.W_TAPS) ? Math.abs(t[j] + g) : t[j] + g;
            }
        }
        return GcnWmmseWeights.fromArrays(base.layers(), base.degree(), base.features(), 0.5, a);
    }

    @Test
    void paperInitAgreesWithExecutorInFloat() {
        GcnWmmseWeights w = GcnWmmseWeights.paperInitial(7, 2, 4, new SplittableRandom(3));
        assertAgree(w, baseLike(100, 4), DataType.FLOAT32, FLOAT_PRECODER_TOLERANCE, FLOAT_WSR_TOLERANCE);
    }

    @Test
    void perturbedWeightsAgreeWithExecutorInFloat() {
        GcnWmmseWeights w = perturbed(GcnWmmseWeights.paperInitial(7, 2, 4, new SplittableRandom(4)), 9, 0.3);
        assertAgree(w, baseLike(200, 4), DataType.FLOAT32, FLOAT_PRECODER_TOLERANCE, FLOAT_WSR_TOLERANCE);
    }

    @Test
    void agreesWithExecutorInDouble() {
        GcnWmmseWeights w = perturbed(GcnWmmseWeights.paperInitial(4, 3, 3, new SplittableRandom(5)), 11, 0.3);
        assertAgree(w, baseLike(300, 3), DataType.FLOAT64, DOUBLE_TOLERANCE, DOUBLE_TOLERANCE);
    }

    @Test
    void relabelledUesAgree() {
        // UEs not ordered by BS: the batch reorders them and returns them in the problem's order
        GcnWmmseWeights w = perturbed(GcnWmmseWeights.paperInitial(3, 2, 2, new SplittableRandom(6)), 12, 0.3);
        List<Problem> ps = new ArrayList<>();
        for (int s = 0; s < 2; s++) {
            Problem p = TestProblems.uniform(400 + s, 2, 3, 5, 2, 1, 1.0, 1e-2, 0.1);
            ps.add(reversed(p));
        }
        assertAgree(w, ps, DataType.FLOAT64, DOUBLE_TOLERANCE, DOUBLE_TOLERANCE);
    }

    private static void assertAgree(GcnWmmseWeights w, List<Problem> problems, DataType type, double vTol,
            double wsrTol) {
        try (NDManager manager = LearnedEngine.engine().newBaseManager()) {
            GcnWmmseParameters params = GcnWmmseParameters.of(w, manager, type, false);
            GcnWmmseBatch batch = GcnWmmseBatch.of(manager, problems, Init.mrc(), type);
            GcnWmmseNetwork.Output out = GcnWmmseNetwork.forward(params, batch, w.layers(), false);
            double[] wsr = out.wsr().toType(DataType.FLOAT64, false).toDoubleArray();
            for (int b = 0; b < problems.size(); b++) {
                Problem p = problems.get(b);
                ZMatrixRMaj[][] ref = GcnWmmseExecutor.forwardFromMrc(p, w);
                ZMatrixRMaj[] got = batch.precoders(out.precoders(), b);
                double err = relativeError(got, ref[w.layers()]);
                assertTrue(err < vTol, "problem " + b + ": precoder relative error " + err);
                double refWsr = RateEvaluator.wsrNat(p, ref[w.layers()]);
                assertEquals(refWsr, wsr[b], wsrTol * Math.abs(refWsr), "problem " + b + " WSR");
            }
        }
    }

    @Test
    void gradientMatchesFiniteDifferencesInDouble() {
        GcnWmmseWeights w = perturbed(GcnWmmseWeights.paperInitial(3, 2, 2, new SplittableRandom(7)), 13, 0.3);
        List<Problem> problems = baseLike(500, 2);
        Map<String, double[]> grad;
        try (NDManager manager = LearnedEngine.engine().newBaseManager()) {
            GcnWmmseParameters params = GcnWmmseParameters.of(w, manager, DataType.FLOAT64, true);
            GcnWmmseBatch batch = GcnWmmseBatch.of(manager, problems, Init.mrc(), DataType.FLOAT64);
            try (GradientCollector gc = manager.getEngine().newGradientCollector()) {
                NDArray wsr = GcnWmmseNetwork.forward(params, batch, w.layers(), true).wsr().sum();
                gc.backward(wsr);
            }
            grad = params.gradients();
        }
        // every tensor, a few entries each
        SplittableRandom pick = new SplittableRandom(1);
        double h = 1e-6;
        int checked = 0;
        for (String name : GcnWmmseWeights.NAMES) {
            double[] t = w.toArrays().get(name);
            for (int rep = 0; rep < 3 && t.length > 0; rep++) {
                int e = pick.nextInt(t.length);
                double fd = (sumWsr(w, name, e, h, problems) - sumWsr(w, name, e, -h, problems)) / (2 * h);
                double g = grad.get(name)[e];
                double scale = Math.max(Math.abs(fd), 1e-3);
                assertEquals(fd, g, 1e-5 * scale + 1e-7, name + "[" + e + "]: autograd " + g + " vs FD " + fd);
                checked++;
            }
        }
        assertTrue(checked >= 15);
    }

    @Test
    void withoutTheMuCorrectionTheGradientIsWrong() {
        // the correction is what makes the gradient right: without it the mu path is missing
        GcnWmmseWeights w = perturbed(GcnWmmseWeights.paperInitial(2, 2, 2, new SplittableRandom(8)), 14, 0.3);
        List<Problem> problems = baseLike(600, 1);
        String name = GcnWmmseWeights.V_INV_TAPS;
        double fd = (sumWsr(w, name, 0, 1e-6, problems) - sumWsr(w, name, 0, -1e-6, problems)) / 2e-6;
        double with = gradient(w, problems, true).get(name)[0];
        double without = gradient(w, problems, false).get(name)[0];
        assertEquals(fd, with, 1e-5 * Math.abs(fd) + 1e-7);
        // measured: without the correction the error is ~4e-4 relative, with it ~1e-8 (the FD's own accuracy)
        assertTrue(Math.abs(without - fd) > 1e-4 * Math.abs(fd) && Math.abs(without - fd) > 20 * Math.abs(with - fd),
                "the mu path should matter: without " + without + ", with " + with + ", FD " + fd);
    }

    private static Map<String, double[]> gradient(GcnWmmseWeights w, List<Problem> problems, boolean implicit) {
        try (NDManager manager = LearnedEngine.engine().newBaseManager()) {
            GcnWmmseParameters params = GcnWmmseParameters.of(w, manager, DataType.FLOAT64, true);
            GcnWmmseBatch batch = GcnWmmseBatch.of(manager, problems, Init.mrc(), DataType.FLOAT64);
            try (GradientCollector gc = manager.getEngine().newGradientCollector()) {
                gc.backward(GcnWmmseNetwork.forward(params, batch, w.layers(), implicit).wsr().sum());
            }
            return params.gradients();
        }
    }

    /** Sum of the exact (EJML, double) WSRs with entry e of tensor name moved by h. */
    private static double sumWsr(GcnWmmseWeights w, String name, int e, double h, List<Problem> problems) {
        Map<String, double[]> a = w.toArrays();
        a.get(name)[e] += h;
        if (name.equals(GcnWmmseWeights.W_TAPS)) {
            a.get(name)[e] = Math.abs(a.get(name)[e]);
        }
        GcnWmmseWeights moved = GcnWmmseWeights.fromArrays(w.layers(), w.degree(), w.features(), w.biasScale(), a);
        double s = 0;
        for (Problem p : problems) {
            ZMatrixRMaj[][] v = GcnWmmseExecutor.forwardFromMrc(p, moved);
            s += RateEvaluator.wsrNat(p, v[w.layers()]);
        }
        return s;
    }

    static double relativeError(ZMatrixRMaj[] a, ZMatrixRMaj[] b) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < a.length; i++) {
            for (int e = 0; e < b[i].getDataLength(); e++) {
                double d = a[i].data[e] - b[i].data[e];
                num += d * d;
                den += b[i].data[e] * b[i].data[e];
            }
        }
        return Math.sqrt(num) / Math.max(Math.sqrt(den), 1e-300);
    }

    /** The problem with its UEs in reverse order (so that they are not grouped by serving BS ascending). */
    static Problem reversed(Problem p) {
        int numUe = p.numUe();
        int[] n = new int[numUe];
        int[] d = new int[numUe];
        double[] noise = new double[numUe];
        double[] weights = new double[numUe];
        int[] serving = new int[numUe];
        ZMatrixRMaj[][] h = new ZMatrixRMaj[numUe][p.numBs()];
        for (int j = 0; j < numUe; j++) {
            int old = numUe - 1 - j;
            n[j] = p.ueAntennas(old);
            d[j] = p.streams(old);
            noise[j] = p.noisePowerW(old);
            weights[j] = 0.5 + j * 0.1;
            serving[j] = p.servingBs(old);
            for (int k = 0; k < p.numBs(); k++) {
                h[j][k] = p.channel(old, k).copy();
            }
        }
        int[] m = new int[p.numBs()];
        double[] power = new double[p.numBs()];
        for (int k = 0; k < p.numBs(); k++) {
            m[k] = p.bsAntennas(k);
            power[k] = p.bsPowerW(k) * (1 + k);
        }
        return Problem.builder().bsAntennas(m).bsPowerW(power).ueAntennas(n).streams(d).noisePowerW(noise)
                .weights(weights).servingBs(serving).channels(h).build();
    }
}
