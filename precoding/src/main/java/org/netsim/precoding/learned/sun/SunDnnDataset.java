package org.netsim.precoding.learned.sun;

import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.netsim.precoding.PrecoderOptions;
import org.netsim.precoding.Problem;
import org.netsim.precoding.RateEvaluator;
import org.netsim.precoding.Solution;
import org.netsim.precoding.classic.ScalarWmmsePrecoder;

/**
 * A labelled data set of the DNN: for each sample problem, the network's input features and, as supervised label,
 * the power fractions of our own scalar WMMSE ({@code wmmse-scalar}, {@link ScalarWmmsePrecoder}) run as in the
 * paper's data generation (Sun et al., Section IV-C): from full power v_k^0 = sqrt(P_max), for at most
 * {@value #MAX_ITERATIONS} iterations or until the sum rate changes by less than {@value #RELATIVE_TOLERANCE}
 * relative (the paper: an absolute change below 1e-5, about the same for sum rates of 1 to 20 nat).
 *
 * <p>Built from a list or from a sample function s -&gt; problem (which is not retained: 10^5 to 10^6 samples fit
 * as floats, not as {@link Problem} objects). Samples are labelled in parallel; each label depends only on its
 * sample.
 *
 * @param architecture the architecture whose features are stored
 * @param features [samples x inputSize] row-major
 * @param fractions labels q_k = p_k / P_k, [samples x K] row-major
 * @param wmmseSumRateNat the WMMSE sum rate of each sample in nat/s/Hz (the reference of scores)
 * @param wmmseNanos total single-thread time of the WMMSE runs in nanoseconds
 */
public record SunDnnDataset(SunDnnArchitecture architecture, float[] features, float[] fractions,
        double[] wmmseSumRateNat, long wmmseNanos) {

    /** Iteration cap of the labelling WMMSE (the paper's 500). */
    public static final int MAX_ITERATIONS = 500;
    /** Relative sum-rate change that stops the labelling WMMSE. */
    public static final double RELATIVE_TOLERANCE = 1e-6;

    public SunDnnDataset {
        int n = wmmseSumRateNat.length;
        if (n == 0) {
            throw new IllegalArgumentException("samples: at least one is required");
        }
        if (features.length != n * architecture.inputSize() || fractions.length != n * architecture.links()) {
            throw new IllegalArgumentException("features, fractions: sizes do not match " + n + " samples of "
                    + architecture);
        }
    }

    /** @return the labelling precoder ({@code wmmse-scalar} with the options above) */
    public static ScalarWmmsePrecoder labeller() {
        return new ScalarWmmsePrecoder(PrecoderOptions.defaults().withMaxIterations(MAX_ITERATIONS)
                .withTolerance(RELATIVE_TOLERANCE));
    }

    /** @return the labelling run, for model cards */
    public static String describeLabels() {
        return ScalarWmmsePrecoder.NAME + " (full-power start, at most " + MAX_ITERATIONS
                + " iterations, relative tolerance " + RELATIVE_TOLERANCE + ")";
    }

    /** Labels a list of problems. */
    public static SunDnnDataset of(List<Problem> problems, SunDnnArchitecture architecture) {
        return of(problems::get, problems.size(), architecture);
    }

    /**
     * Labels {@code count} samples.
     *
     * @param sample s -&gt; the problem of sample s (deterministic, thread-safe)
     */
    public static SunDnnDataset of(IntFunction<Problem> sample, int count, SunDnnArchitecture architecture) {
        if (count < 1) {
            throw new IllegalArgumentException("count: must be >= 1, got " + count);
        }
        int in = architecture.inputSize();
        int k = architecture.links();
        float[] x = new float[count * in];
        float[] q = new float[count * k];
        double[] rate = new double[count];
        long[] nanos = new long[count];
        ScalarWmmsePrecoder wmmse = labeller();
        IntStream.range(0, count).parallel().forEach(s -> {
            Problem p = sample.apply(s);
            architecture.features(p, x, s * in);
            long start = System.nanoTime();
            Solution sol = wmmse.solve(p);
            nanos[s] = System.nanoTime() - start;
            double[] used = RateEvaluator.powerUse(p, sol.precoders());
            for (int j = 0; j < k; j++) {
                int bs = p.servingBs(j);
                double budget = p.bsPowerW(bs);
                q[s * k + j] = (float) (budget > 0 ? Math.min(used[bs] / budget, 1.0) : 0.0);
            }
            rate[s] = sol.wsrNat();
        });
        long total = 0;
        for (long n : nanos) {
            total += n;
        }
        return new SunDnnDataset(architecture, x, q, rate, total);
    }

    /** @return the number of samples */
    public int size() {
        return wmmseSumRateNat.length;
    }

    /** @return the mean WMMSE sum rate in nat/s/Hz */
    public double meanWmmseSumRateNat() {
        double s = 0;
        for (double r : wmmseSumRateNat) {
            s += r;
        }
        return s / size();
    }
}
